"""Outreach drafts and gracious acceptances: rules first, numbers next, words last, guard always.

A draft that breaks a contact rule or fails the guard is not shown: `allowed` is False, the
message is empty and `blocked_by` gives the reasons. Pure apart from the writer: `now`/`today`
are passed in.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from coach.accounts import Account
from coach.cases.triggers import DESCRIPTIONS, TriggerDays, due_date
from coach.guard import Facts, Guard, GuardContext, Names, OfferTerms, guard_for
from coach.outreach.clock import require_aware, within_horizon
from coach.outreach.contact_rules import contact_checks
from coach.outreach.models import Acceptance, ContactRecord, Outcome, OutreachDraft, OutreachRequest, PricedOffer
from coach.outreach.offer import offer_checks, persona, price_offer, tenure_months
from coach.outreach.writer import Brief, OutreachWriter, default_writer
from coach.policy.models import Trigger
from coach.policy.schema import Policy

LANGUAGES = ("en", "uk")


def _language(requested: str | None, account: Account) -> str:
    lang = (requested or account.language or "en").lower()[:2]
    return lang if lang in LANGUAGES else "en"


def _settings(settings: Any) -> Any:
    if settings is None:
        from coach.config import get_settings

        settings = get_settings()
    return settings


def _writer(writer: OutreachWriter | None, settings: Any) -> OutreachWriter:
    return writer if writer is not None else default_writer(_settings(settings))


def _guard(settings: Any) -> Guard:
    return guard_for(_settings(settings))


def offer_facts(offer: PricedOffer | None, policy: Policy, *, extra: tuple[object, ...] = ()) -> Facts:
    """The figures an outreach or acceptance text may state; the cap is the policy's."""
    f = Facts(hard_cap_pct=policy.discount.hard_cap_pct)
    if offer is not None:
        f.allow(offer.current_mrr, offer.added_list_mrr, offer.added_mrr, offer.new_mrr,
                offer.mrr_after_discount, offer.discount_pct, offer.discount_end, offer.prepayment_amount,
                offer.trial_end, offer.seats, offer.service)
        f.allow_months(offer.discount_months, offer.term_months, offer.prepayment_months)
        f.allow(offer.trial_days)
        if offer.discount_pct is not None and f.hard_cap_pct is not None:
            f.hard_cap_pct = max(f.hard_cap_pct, offer.discount_pct)
        if offer.prepayment_months:
            f.disclosed.add("prepayment")
        if offer.discount_end:  # the price goes back up when the discount ends, and the text must say so
            f.disclosed.add("price_rise")
    f.allow(*(x for x in extra if isinstance(x, int | float | str)))
    f.allow_percent(offer.discount_pct if offer is not None else None)  # the offer's discount, the one percentage
    return f


def offer_terms(offer: PricedOffer) -> OfferTerms:
    return OfferTerms(prepayment_months=offer.prepayment_months, term_months=offer.term_months,
                      discount_pct=offer.discount_pct, discount_end=offer.discount_end,
                      mrr_after_discount=offer.mrr_after_discount, trial_days=offer.trial_days,
                      trial_end=offer.trial_end)


def _first(name: str, language: str) -> str:
    return name.split()[0] if name.strip() else ("there" if language == "en" else "колего")


def years_word_uk(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "рік"
    return "роки" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "років"


def draft_outreach(account: Account, request: OutreachRequest, policy: Policy, now: datetime, *,
                   log: list[ContactRecord] | None = None, settings: Any = None,
                   writer: OutreachWriter | None = None) -> OutreachDraft:
    """The re-engagement or upsell message for one account, or the reasons it may not be sent."""
    require_aware(now)
    checks, recipient, window = contact_checks(account, request, policy, now, log)
    today = datetime.fromisoformat(window.local_time).date()  # the contact's date
    offer = price_offer(account, request.offer, policy, today)
    checks += offer_checks(offer, policy)
    language = _language(request.language, account)
    draft = OutreachDraft(account_id=account.id, reason=request.reason, trigger=request.trigger,
                          allowed=False, blocked_by=[f"{c.id}: {c.reason}" for c in checks if not c.passed],
                          checks=checks, recipient=recipient, send_window=window, offer=offer,
                          language=language)
    if draft.blocked_by:
        return draft
    tenure = tenure_months(account, today)
    loyal = tenure >= policy.contact.loyalty_months
    years = tenure // 12 if loyal and tenure >= 24 else None
    months = tenure if loyal and years is None else None
    variables = {
        "contact_first": _first(recipient.name, language), "account_name": account.name,
        "reason": request.reason, "trigger_kind": request.trigger.kind if request.trigger else None,
        "persona": persona(recipient.role), "segment": account.segment, "offer": offer,
        "loyalty_years": years, "loyalty_years_word": years_word_uk(years or 0), "loyalty_months": months,
        "currency": account.currency or "USD",
    }
    facts = offer_facts(offer, policy, extra=(account.name, recipient.name, years, months))
    facts.allow_months(years * 12 if years else None, months)  # "more than 7 years" with the customer
    ctx = GuardContext(stage="outreach", facts=facts, language=language, offer=offer_terms(offer),
                       recipient=recipient.name if recipient is not None else None,
                       names=Names().add(account.name, recipient.name if recipient else None,
                                         *(s.name for s in account.services), offer.service))
    guard = _guard(settings)
    w = _writer(writer, settings)
    ctx.author = "coach" if w.name == "template" else "model"  # a model's wording also meets the learned reader

    def check(text: str) -> list[str]:
        return guard.problems(text, ctx)

    text, fallback = w.write(Brief("outreach", language, variables, facts=offer.commitments), check)
    problems = check(text)
    update: dict[str, Any] = {"drafter": w.name, "fallbacks": [fallback] if fallback else [],
                              "loyalty_months": tenure if loyal else None}
    if problems:  # never shown; the reasons are
        update |= {"violations": problems, "blocked_by": problems}
    else:
        update |= {"allowed": True, "message": text}
    return draft.model_copy(update=update)


# Which follow-ups an accepted "no" keeps (due dates from the policy's trigger days).
ACCEPT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "cancel": ("reengagement_90d",), "reduce": ("reengagement_90d",), "no_offers": ("reengagement_90d",),
}


def acceptance_triggers(outcome: Outcome, policy: Policy, today: date, *,
                        services_removed: bool = False) -> list[Trigger]:
    days = TriggerDays.from_policy(policy)
    kinds = list(ACCEPT_TRIGGERS[outcome])
    if services_removed and outcome == "reduce":
        kinds.append("performance_gap_review")
    out = []
    for kind in kinds:
        text = DESCRIPTIONS[kind]
        if outcome != "reduce" and kind == "reengagement_90d":
            text = "Check in on how the customer is doing: service only, no offers unless they ask"
        due = due_date(kind, today, days=days).isoformat()
        out.append(Trigger(kind=kind, due_date=due, description=text))
    return sorted(out, key=lambda t: t.due_date)


def accept_gracefully(account: Account, outcome: Outcome, policy: Policy, today: date, *,
                      language: str | None = None, services_removed: bool = False, settings: Any = None,
                      writer: OutreachWriter | None = None) -> Acceptance:
    """Accept the customer's decision: make the change easy and name the re-engagement plan."""
    within_horizon(today, "today")
    lang = _language(language, account)
    acc = Acceptance(outcome=outcome, message="", language=lang,
                     triggers=acceptance_triggers(outcome, policy, today, services_removed=services_removed))
    variables = {"contact_first": _first(account.contact.name, lang), "account_name": account.name,
                 "outcome": outcome, "triggers": acc.triggers}
    facts = offer_facts(None, policy, extra=(account.name, account.contact.name,
                                             *(t.due_date for t in acc.triggers)))
    ctx = GuardContext(stage="acceptance", facts=facts, language=lang,
                       plan=[(t.kind, t.due_date) for t in acc.triggers],
                       names=Names().add(account.name, account.contact.name, *(s.name for s in account.services)))
    guard = _guard(settings)
    w = _writer(writer, settings)
    ctx.author = "coach" if w.name == "template" else "model"  # a model's wording also meets the learned reader

    def check(text: str) -> list[str]:
        return guard.problems(text, ctx)

    text, fallback = w.write(Brief("accept_gracefully", lang, variables,
                                   facts=[f"{t.due_date}: {t.description}" for t in acc.triggers]), check)
    problems = check(text)
    return acc.model_copy(update={"message": "" if problems else text, "violations": problems,
                                  "drafter": w.name, "fallbacks": [fallback] if fallback else []})

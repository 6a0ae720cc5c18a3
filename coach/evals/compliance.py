"""Rule compliance: every draft, whatever the case expects, must stay inside the policy.

The checks are recomputed here from the account, the policy file and the draft's own numbers (the
policy's `check_offer`, the same function that checks offers a human proposes), not read off the
engine's eligibility list, so a bug that slips a number past the engine shows up as a violation.
Zero violations are tolerated.
"""

from __future__ import annotations

import re
from datetime import date

from coach.accounts import Account, derive
from coach.drafting.models import CounterProposal, Draft
from coach.evals.results import CheckResult
from coach.policy import Policy, check_offer
from coach.policy.decision import ProposedOffer
from coach.policy.rules import is_locked

# Rules that describe eligibility (they "fail" when a reduction or pause is not allowed); every
# other rule in the draft's list is a check of the decision itself and must pass.
ELIGIBILITY_RULES = {"lock-period", "hardship-pause"}
OFFER_RULES = ("lock-period", "hardship-pause", "discount-cap", "multi-year-exchange", "counter-first")
# A percentage stated as a discount or price cut: "25% off", "a 30% discount", "знижка 40%".
_DISCOUNT_PCT = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:%|percent|відсотк\w*)\s*(?:off|discount|знижк\w*|reduction in price)"
    r"|(?:discount|знижк\w*)\s+(?:of\s+|у\s+|в\s+|на\s+)?(\d+(?:[.,]\d+)?)\s*(?:%|percent|відсотк\w*)",
    re.IGNORECASE)


def _c(name: str, passed: bool, detail: str = "", expected: object = None,
       got: object = None) -> CheckResult:
    return CheckResult(name=name, group="compliance", passed=passed, detail=detail, expected=expected,
                       got=got)


def package_list_price(account: Account, c: CounterProposal) -> float | None:
    """List price of the counter's package, from the account alone where the package says enough."""
    if c.pause_months or c.new_mrr >= account.mrr - 0.005:
        return account.list_mrr  # same package (a pause, a swap, a course correction)
    if c.suspended_services and account.services:
        total = sum(s.mrr for s in account.services)
        kept = sum(s.mrr for s in account.services if s.name in c.kept_services)
        return account.list_mrr * (kept / total if total > 0 else 0.0)
    if c.seats is not None and account.seats and c.seats != account.seats:
        return account.list_mrr * c.seats / account.seats
    return None  # a scope cut: the share kept is not stated, only the discount


def discount_texts(*texts: str) -> list[float]:
    found = []
    for t in texts:
        for m in _DISCOUNT_PCT.finditer(t):
            raw = m.group(1) or m.group(2)
            found.append(float(raw.replace(",", ".")))
    return found


def compliance_checks(account: Account, d: Draft, policy: Policy, today: date) -> list[CheckResult]:
    cap = policy.discount.hard_cap_pct
    fig = derive(account, today)
    locked = is_locked(account, policy, today)
    c = d.counter_proposal
    out = [_c("guard-clean", not d.violations, "; ".join(d.violations[:3]), expected=[], got=d.violations)]

    failed = [r for r in d.eligibility.rules if not r.passed and r.id not in ELIGIBILITY_RULES]
    out.append(_c("decision-rules", not failed, "; ".join(f"{r.id}: {r.reason}" for r in failed)))
    out.append(_c("eligibility-consistent", d.eligibility.reduction_allowed == (not locked),
                  f"account {'is' if locked else 'is not'} inside the lock",
                  expected=not locked, got=d.eligibility.reduction_allowed))
    downsell = d.intent == "downsell"  # other intents get a short reply, no loop-in and no triggers (contract 3a)
    if downsell:
        out.append(_c("team-lead", "team_lead" in d.escalations, got=d.escalations))
    enterprise = fig.arr >= policy.enterprise_arr
    out.append(_c("enterprise-ae", not (downsell and enterprise) or "account_executive" in d.escalations,
                  f"ARR {fig.arr:,.2f}", got=d.escalations))
    if d.root_cause == "competitive_displacement":
        out.append(_c("competitive-save", c is None and "competitive_save" in d.escalations,
                      "competitive displacement goes to the competitive save, without a standard counter"))
    future = [t for t in d.reengagement_triggers if t.due_date > today.isoformat()]
    if downsell:
        out.append(_c("triggers", bool(future), f"{len(d.reengagement_triggers)} trigger(s)"))
    else:
        out.append(_c("no-counter-outside-downsell", c is None, f"intent {d.intent}", expected=None,
                      got=c.kind if c else None))

    texts = [d.acknowledgment, *(d.diagnosis_questions or []), c.message if c else ""]
    above = [p for p in discount_texts(*texts) if p > cap + 1e-9]
    out.append(_c("no-discount-above-cap-in-text", not above,
                  f"text states a discount of {above[0]:g}%" if above else "", got=above))
    if c is not None:
        out.extend(_offer_checks(account, c, d, policy, today, locked))
    elif locked and d.hardship:
        out.append(_c("lock-hardship-escalated", "team_lead" in d.escalations,
                      "hardship inside the lock: no automatic pause, the team lead decides an exception",
                      got=d.escalations))
    return out


def _offer_checks(account: Account, c: CounterProposal, d: Draft, policy: Policy, today: date,
                  locked: bool) -> list[CheckResult]:
    cap = policy.discount.hard_cap_pct
    out = [_c("discount-cap", c.discount_pct <= cap + 1e-9, f"{c.discount_pct}% off list (cap {cap:g}%)",
              expected=f"<= {cap:g}", got=c.discount_pct)]
    new_list = package_list_price(account, c)
    if new_list is not None and new_list > 0:
        real = max(0.0, (1 - c.new_mrr / new_list) * 100)
        out.append(_c("discount-stated-right", real <= c.discount_pct + 0.11,
                      f"{c.new_mrr:,.2f} on a {new_list:,.2f} list is {real:.1f}% off; the draft says "
                      f"{c.discount_pct}%", expected=round(real, 1), got=c.discount_pct))
    elif c.discount_pct < 100:  # scope cut: the implied list price must fit inside today's package
        implied = c.new_mrr / (1 - c.discount_pct / 100)
        out.append(_c("discount-stated-right", implied <= account.list_mrr + 0.05,
                      f"implied package list price {implied:,.2f} vs {account.list_mrr:,.2f}"))
    if c.pause_months:
        ok = (c.pause_months <= policy.pause.max_months and c.term_extension_months == c.pause_months
              and bool(c.resume_date) and (c.resume_date or "") > today.isoformat())
        out.append(_c("pause-terms", ok, f"{c.pause_months}-month pause, extension "
                                         f"{c.term_extension_months}, resume {c.resume_date}"))
    if locked:  # inside the lock: never a pause or a reduction offered; a hardship goes to the team lead
        ok = c.new_mrr >= account.mrr - 0.005 and not c.pause_months
        out.append(_c("lock-respected", ok, f"locked account: offer {c.new_mrr:,.2f}/month, "
                                            f"pause {c.pause_months or 0} months"))
    offer = ProposedOffer(
        new_mrr=c.new_mrr, pause_months=c.pause_months, term_extension_months=c.term_extension_months,
        hardship=d.hardship, requested_mrr=c.requested_mrr,  # type: ignore[arg-type]
        new_list_mrr=new_list if new_list is not None else c.new_mrr / max(1e-9, 1 - c.discount_pct / 100),
    )
    for rule in check_offer(account, offer, policy, today):
        if rule.id in OFFER_RULES:
            out.append(_c(f"offer:{rule.id}", rule.passed, rule.reason))
    return out

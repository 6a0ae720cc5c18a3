"""Price the CSM's offer and spell out its commitments; tenure and persona for the wording. Pure."""

from __future__ import annotations

import re
from datetime import date, timedelta

from coach.accounts import Account, add_months, complete_months_between
from coach.outreach.models import OfferSpec, PricedOffer
from coach.policy import rules as policy_rules
from coach.policy.models import RuleCheck
from coach.policy.schema import Policy


def _cents(x: float) -> float:
    return round(x + 1e-9, 2)


def price_offer(account: Account, spec: OfferSpec, policy: Policy, today: date) -> PricedOffer:
    """Every figure the message may state. Commitments are listed in plain English for the CSM."""
    o = PricedOffer(kind=spec.kind, service=spec.service, seats=spec.seats, current_mrr=account.mrr,
                    term_months=spec.term_months, prepayment_months=spec.prepayment_months)
    lines: list[str] = []
    if spec.added_list_mrr is not None:
        added = _cents(spec.added_list_mrr * (1 - (spec.discount_pct or 0) / 100))
        o.added_list_mrr, o.added_mrr = _cents(spec.added_list_mrr), added
        o.new_mrr = _cents(account.mrr + added)
        lines.append(f"the monthly bill moves from {account.mrr:,.2f} to {o.new_mrr:,.2f}")
        if spec.discount_pct is not None:
            months = spec.discount_months or spec.term_months or 0
            o.discount_pct, o.discount_months = spec.discount_pct, months
            o.discount_end = add_months(today, months).isoformat()
            o.mrr_after_discount = _cents(account.mrr + spec.added_list_mrr)
            lines.append(f"{spec.discount_pct:g}% off the added list price for {months} months; from "
                         f"{o.discount_end} the bill is {o.mrr_after_discount:,.2f} a month")
    lines.append(f"a {spec.term_months}-month commitment" if spec.term_months else "no new commitment")
    if spec.prepayment_months and o.new_mrr is not None:
        o.prepayment_amount = _cents(o.new_mrr * spec.prepayment_months)
        lines.append(f"{spec.prepayment_months} months paid in advance ({o.prepayment_amount:,.2f})")
    else:
        lines.append("billed monthly, no prepayment")
    if spec.trial and policy.contact.trial_days:
        o.trial_days = policy.contact.trial_days
        o.trial_end = (today + timedelta(days=o.trial_days)).isoformat()
        lines.append(f"a free {o.trial_days}-day trial until {o.trial_end}, which ends on its own")
    o.commitments = lines
    return o


def offer_checks(offer: PricedOffer, policy: Policy) -> list[RuleCheck]:
    """The offer itself against policy: the discount cap; a prepayment needs a stated term."""
    checks = []
    if offer.discount_pct is not None:
        checks.append(policy_rules.discount_cap(offer.discount_pct, policy))
    if offer.prepayment_months and offer.term_months and offer.prepayment_months > offer.term_months:
        checks.append(RuleCheck(id="offer-prepayment", passed=False,
                                reason=f"{offer.prepayment_months} months prepaid on a "
                                       f"{offer.term_months}-month term"))
    elif offer.prepayment_months and not offer.term_months:
        checks.append(RuleCheck(id="offer-prepayment", passed=False,
                                reason="a prepayment without a stated term: give term_months"))
    return checks


def tenure_months(account: Account, today: date) -> int:
    """Months as a customer: `customer_since` in the account file, else the current agreement's start."""
    since = (account.model_extra or {}).get("customer_since")
    start = account.contract.start_date
    if isinstance(since, str):
        try:
            start = min(start, date.fromisoformat(since))
        except ValueError:
            pass
    elif isinstance(since, date):
        start = min(start, since)
    return complete_months_between(start, today)


# The person's angle decides what the message leads with (ethical-upselling: "Persona-specific angles").
_PERSONAS = [
    ("finance", r"\b(cfo|finance|financial|controller|accountant|procurement|purchasing)\b|фінанс|бухгалт"),
    ("marketing", r"\b(marketing|growth|brand|digital|content|seo)\b|маркет"),
    ("owner", r"\b(owner|founder|ceo|president|principal|managing director|partner)\b"
              r"|власни|засновни|директор"),
    ("operations", r"\b(manager|operations|office|practice|coordinator|administrator)\b|менеджер|керівни"),
]


def persona(role: str) -> str:
    for key, pattern in _PERSONAS:
        if re.search(pattern, role or "", re.IGNORECASE):
            return key
    return "general"

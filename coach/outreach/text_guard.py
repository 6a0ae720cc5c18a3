"""The guard for outreach and acceptance texts: every commitment stated, nothing hidden, no hurdles.

Like coach/drafting/guard.py it trusts no writer. Numbers and dates must be ones computed for this
offer; a prepayment or a commitment the offer does not include must not appear; one it does include
must be stated plainly; an acceptance must not try another save or put a hurdle before the change.
"""

from __future__ import annotations

import re

from coach.drafting.guard import Facts, check_acknowledgment, check_numbers
from coach.outreach.models import Acceptance, PricedOffer, Recipient

_PREPAY = re.compile(r"pre-?pa(?:y|id)\w*|up-?front|in advance|передоплат\w*|наперед", re.IGNORECASE)
_COMMIT = re.compile(r"commit\w*|multi-?year|\d+-year|lock(?:ed)?[- ]in|зобов['’]язан\w*|багаторічн\w*",
                     re.IGNORECASE)
_NEGATION = re.compile(r"\b(no|without|not|never|nothing|any|без|не|жодн\w*|ніяк\w*)\b", re.IGNORECASE)
_DISCOUNT = re.compile(r"discount|\d\s*%|знижк\w*", re.IGNORECASE)
_TRIAL = re.compile(r"\btrial\b|free for|безкоштовн\w*|пробн\w*", re.IGNORECASE)
# An acceptance does not try another save ...
_SAVE = re.compile(
    r"discount|\d\s*%|\boff\b|special offer|\bdeal\b|free month|instead|reconsider|pause|before you go|"
    r"знижк\w*|замість|пауз\w*|передума\w*|спеціальн\w* пропозиц\w*",
    re.IGNORECASE,
)
# ... and puts no hurdle in front of the change (cancelling is never harder than signing up).
_HURDLE = re.compile(
    r"you (?:must|need to|have to|will need to) (?:call|phone|schedule|book|fill|submit|sign|visit|log in|"
    r"send a (?:letter|form))|before we can (?:cancel|process|make)|cancell?ation (?:fee|form)|"
    r"notice period|retention team|speak (?:to|with) (?:a|our) (?:manager|specialist)|exit interview|"
    r"вам потрібно (?:зателефонувати|заповнити|підписати)|штраф|форму скасування",
    re.IGNORECASE,
)


def _unnegated(pattern: re.Pattern[str], text: str) -> list[str]:
    """Matches not preceded (within a few words) by a negation such as "no" or "без"."""
    found = []
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if not _NEGATION.search(before):
            found.append(m.group(0))
    return found


def offer_facts(offer: PricedOffer | None, *, extra: tuple[object, ...] = ()) -> Facts:
    f = Facts()
    if offer is not None:
        f.allow(offer.current_mrr, offer.added_list_mrr, offer.added_mrr, offer.new_mrr,
                offer.mrr_after_discount, offer.discount_pct, offer.discount_months, offer.discount_end,
                offer.term_months, offer.prepayment_months, offer.prepayment_amount, offer.trial_days,
                offer.trial_end, offer.seats, offer.service)
        if offer.discount_pct is not None:
            f.hard_cap_pct = max(f.hard_cap_pct, offer.discount_pct)
    f.allow(*(x for x in extra if isinstance(x, int | float | str)))
    return f


def check_outreach(text: str, offer: PricedOffer, recipient: Recipient | None, facts: Facts) -> list[str]:
    part = "outreach"
    problems = check_numbers(part, text, facts)
    prepaid = _unnegated(_PREPAY, text)
    if not offer.prepayment_months and prepaid:
        problems.append(f"{part}: mentions a prepayment the offer does not include ({prepaid[0]})")
    if offer.prepayment_months and (not prepaid or str(offer.prepayment_months) not in text):
        problems.append(f"{part}: the prepayment ({offer.prepayment_months} months in advance) is not stated")
    committed = _unnegated(_COMMIT, text)
    if not offer.term_months and committed:
        problems.append(f"{part}: mentions a commitment the offer does not include ({committed[0]})")
    if offer.term_months and (not committed or str(offer.term_months) not in text):
        problems.append(f"{part}: the {offer.term_months}-month commitment is not stated plainly")
    if offer.discount_pct is None and _DISCOUNT.search(text):
        problems.append(f"{part}: mentions a discount the offer does not include")
    if offer.discount_pct is not None and (not offer.discount_end or offer.discount_end not in text
                                           or offer.mrr_after_discount is None
                                           or f"{offer.mrr_after_discount:,.2f}" not in text):
        problems.append(f"{part}: what happens when the discount ends (date and price) is not stated")
    if offer.trial_days and (str(offer.trial_days) not in text or not offer.trial_end
                             or offer.trial_end not in text):
        problems.append(f"{part}: the trial's length and end date are not stated")
    if not offer.trial_days and _unnegated(_TRIAL, text):
        problems.append(f"{part}: mentions a trial the offer does not include")
    if recipient is not None and recipient.name.strip():
        first = recipient.name.split()[0]
        if first not in text[:200]:
            problems.append(f"{part}: the message does not address {recipient.name}")
    return problems


def check_acceptance(text: str, acceptance: Acceptance, facts: Facts) -> list[str]:
    part = "acceptance"
    problems = [p.replace("acknowledgment: pushback or refusal in a first reply", f"{part}: pushback")
                for p in check_acknowledgment(text)]
    problems += check_numbers(part, text, facts)
    if saves := sorted({m.group(0).lower() for m in _SAVE.finditer(text)}):
        problems.append(f"{part}: tries another save ({', '.join(saves)})")
    if hurdles := sorted({m.group(0).lower() for m in _HURDLE.finditer(text)}):
        problems.append(f"{part}: puts a hurdle before the change ({', '.join(hurdles)})")
    for t in acceptance.triggers:
        if t.due_date not in text:
            problems.append(f"{part}: the re-engagement plan ({t.kind} on {t.due_date}) is not named")
    return problems

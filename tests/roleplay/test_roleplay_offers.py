"""Offers read from a trainee's words, priced, and checked by the same rules engine."""

from __future__ import annotations

import pytest

from coach.policy import Policy, check_offer
from coach.roleplay.moves import sentences
from coach.roleplay.offers import extract, to_offer
from tests.factories import make_account

ACCOUNT = make_account()  # 40 seats, 4,600 billed, 5,000 list (8% off), SEO/PPC/Social Media


def offer_of(text: str, account=ACCOUNT):
    x = extract(sentences(text), account)
    return None if x.empty else to_offer(x, account, requested_mrr=3220.0, hardship=None)


@pytest.mark.parametrize("text, expected", [
    ("I can do 25% off if you sign for two years.", {"new_mrr": 3450.0, "term_extension_months": 24}),
    ("How about $3,500 a month?", {"new_mrr": 3500.0, "term_extension_months": None}),
    ("We could pause billing for 3 months.", {"new_mrr": 4600.0, "pause_months": 3}),
    ("What if we go down to 32 seats and extend the agreement by 24 months?",
     {"new_mrr": 3680.0, "seats": 32, "term_extension_months": 24}),
    ("I can remove 8 seats if you commit to a 2-year extension.", {"seats": 32, "term_extension_months": 24}),
    ("OK, I can offer 20% fewer seats in exchange for a multi-year commitment.",
     {"seats": 32, "new_mrr": 3680.0, "term_extension_months": 24}),
    ("Let's suspend PPC and keep SEO and Social Media, with a 12-month lock.",
     {"services_kept": ["SEO", "Social Media"], "new_mrr": 3100.0, "term_extension_months": 12}),
    ("We can do $42,000 a year.", {"new_mrr": 3500.0}),
    ("I can do 10% off if you stay for another 12 months.", {"new_mrr": 4140.0, "term_extension_months": 12}),
    ("We could right-size the package to $4,140 a month.", {"new_mrr": 4140.0, "new_list_mrr": 4500.0}),
    ("I'd propose 3,900 USD per month for 24 months.", {"new_mrr": 3900.0, "term_extension_months": 24}),
    ("Would a 10% discount help?", {"new_mrr": 4140.0}),
    ("Можу запропонувати знижку 10%, якщо ви продовжите договір на два роки.",
     {"new_mrr": 4140.0, "term_extension_months": 24}),
    ("Пропоную призупинити обслуговування на 3 місяці.", {"pause_months": 3, "new_mrr": 4600.0}),
])
def test_offer_numbers(text: str, expected: dict) -> None:
    offer = offer_of(text)
    assert offer is not None, text
    got = offer.model_dump()
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text", [
    "I understand you'd like to cut 30% of your seats.",  # the customer's ask, restated
    "What budget are you working with for next year?",
    "Unfortunately we can't cut seats in the middle of the term.",
    "Thanks for letting me know, Dana.",
])
def test_not_an_offer(text: str) -> None:
    assert offer_of(text) is None


def test_offers_go_through_the_rules_engine(policy: Policy) -> None:
    from datetime import date

    today = date(2026, 11, 21)
    over_cap = check_offer(ACCOUNT, offer_of("I can do 25% off if you sign for two years."), policy, today)
    assert [c.id for c in over_cap if not c.passed] == ["discount-cap"]
    no_term = check_offer(ACCOUNT, offer_of("How about 32 seats?"), policy, today)
    assert [c.id for c in no_term if not c.passed] == ["multi-year-exchange"]
    locked = make_account(contract={"start_date": "2026-06-01"})  # month 6 of a locked agreement
    x = extract(sentences("We can go down to 32 seats for a 24-month extension."), locked)
    checks = check_offer(locked, to_offer(x, locked, requested_mrr=None, hardship=None), policy, today)
    assert [c.id for c in checks if not c.passed] == ["lock-period"]

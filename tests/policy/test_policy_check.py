"""check_offer: an offer a human proposes, checked against the policy with clear reasons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coach.accounts import Account
from coach.drafting.models import RuleCheck
from coach.errors import CoachInputError
from coach.policy import ProposedOffer, check_offer, load_policy

POLICY = load_policy(Path(__file__).resolve().parents[2] / "knowledge" / "policy.yaml")
OPEN = date(2026, 6, 1)  # month 9 complete: reductions allowed
LOCKED = date(2026, 3, 1)  # month 7: inside the 9-month lock


def account(**over: object) -> Account:
    """List 5,000, billed 4,600 (8% off), 40 seats, three services, 24 months from 2025-09-01."""
    data: dict = {
        "id": "acme", "name": "Acme Dental", "list_mrr": 5000.0, "mrr": 4600.0, "seats": 40,
        "services": [
            {"name": "SEO", "mrr": 1800.0, "core": True},
            {"name": "PPC", "mrr": 1500.0, "core": False},
            {"name": "Social Media", "mrr": 1300.0, "core": False},
        ],
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": "integrated_marketing"},
    }
    data.update(over)
    return Account.model_validate(data)


def ids(checks: list[RuleCheck]) -> dict[str, bool]:
    return {c.id: c.passed for c in checks}


def test_offer_reducing_mrr_in_the_lock_fails() -> None:
    checks = check_offer(account(), ProposedOffer(new_mrr=4200.0, term_extension_months=24), POLICY, LOCKED)
    lock = next(c for c in checks if c.id == "lock-period")
    assert not lock.passed and "reduces MRR" in lock.reason


@pytest.mark.parametrize("new_mrr, ok, approval", [
    (4250.0, True, False), (4000.0, True, True), (3999.5, False, False),
])
def test_offer_discount_boundaries(new_mrr: float, ok: bool, approval: bool) -> None:
    checks = check_offer(account(), ProposedOffer(new_mrr=new_mrr, term_extension_months=24), POLICY, OPEN)
    cap = next(c for c in checks if c.id == "discount-cap")
    assert cap.passed is ok
    assert ("Deal Desk" in cap.reason) is approval


def test_offer_list_price_follows_seats_and_services() -> None:
    offer = ProposedOffer(new_mrr=2800.0, seats=32, services_kept=["SEO", "Social Media"],
                          term_extension_months=24)
    # list 5,000 x 32/40 x (3,100/4,600) = 2,695.65: billing 2,800 is no discount at all
    assert all(ids(check_offer(account(), offer, POLICY, OPEN)).values())


def test_offer_with_a_known_list_price() -> None:
    offer = ProposedOffer(new_mrr=2000.0, new_list_mrr=2600.0, term_extension_months=24)
    assert not ids(check_offer(account(), offer, POLICY, OPEN))["discount-cap"]  # 23.1%


def test_offer_pause_must_extend_by_the_pause() -> None:
    offer = ProposedOffer(new_mrr=4600.0, pause_months=3, term_extension_months=24)
    result = ids(check_offer(account(), offer, POLICY, OPEN))
    assert not result["hardship-pause"] and not result["multi-year-exchange"]


def test_offer_without_exchange_fails_multi_year() -> None:
    result = ids(check_offer(account(), ProposedOffer(new_mrr=4200.0), POLICY, OPEN))
    assert not result["multi-year-exchange"]


def test_offer_accepting_the_request_as_is_fails_counter_first() -> None:
    result = ids(check_offer(account(), ProposedOffer(new_mrr=3220.0, requested_mrr=3220.0), POLICY, OPEN))
    assert not result["counter-first"]


def test_offer_with_a_large_cut_fails() -> None:
    offer = ProposedOffer(new_mrr=2300.0, term_extension_months=24)
    result = ids(check_offer(account(), offer, POLICY, OPEN))
    assert not result["large-cut"]


def test_offer_unknown_service_is_an_input_error() -> None:
    with pytest.raises(CoachInputError, match="services_kept: unknown service 'Email'"):
        check_offer(account(), ProposedOffer(new_mrr=4000.0, services_kept=["Email"]), POLICY, OPEN)


def test_offer_seats_without_account_seats_is_an_input_error() -> None:
    with pytest.raises(CoachInputError, match="seats"):
        check_offer(account(seats=None), ProposedOffer(new_mrr=4000.0, seats=30), POLICY, OPEN)


def test_hardship_pause_offer_in_the_lock_is_an_exception() -> None:
    """agreement-review.md grants the hardship pause to eligible customers: inside the lock a person may
    propose it only as the team lead's exception (the engine never offers it by itself)."""
    offer = ProposedOffer(new_mrr=4600.0, pause_months=3, term_extension_months=3, hardship="financial")
    checks = {c.id: c for c in check_offer(account(), offer, POLICY, LOCKED)}
    assert checks["lock-period"].passed and "exception" in checks["lock-period"].reason
    assert checks["hardship-pause"].passed and "team lead" in checks["hardship-pause"].reason
    assert "billing resumes 2026-07-01" in checks["hardship-pause"].reason


def test_pause_offer_in_the_lock_without_hardship_fails() -> None:
    offer = ProposedOffer(new_mrr=4600.0, pause_months=3, term_extension_months=3)
    result = ids(check_offer(account(), offer, POLICY, LOCKED))
    assert not result["lock-period"] and not result["hardship-pause"]

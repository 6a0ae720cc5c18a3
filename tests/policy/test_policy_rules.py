"""Each rule on its own, at its boundaries. `today` is always fixed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coach.accounts import Account
from coach.drafting.models import Trigger
from coach.policy import load_policy
from coach.policy import rules as r
from coach.policy.pricing import ceil_pct, discount_off, needs_approval
from coach.policy.triggers import pause_window

POLICY = load_policy(Path(__file__).resolve().parents[2] / "knowledge" / "policy.yaml")


def account(**over: object) -> Account:
    data: dict = {
        "id": "acme", "name": "Acme", "list_mrr": 5000.0, "mrr": 4600.0, "seats": 40,
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": "integrated_marketing"},
    }
    contract = over.pop("contract", {})
    data["contract"].update(contract)  # type: ignore[arg-type]
    data.update(over)
    return Account.model_validate(data)


# lock-period ---------------------------------------------------------------------------------

def test_month_nine_complete_is_eligible() -> None:
    check = r.lock_period(account(), POLICY, date(2026, 6, 1))
    assert check.id == "lock-period" and check.passed
    assert "month 10 of the agreement" in check.reason and "first 9 months" in check.reason


def test_one_day_before_month_nine_completes_is_locked() -> None:
    check = r.lock_period(account(), POLICY, date(2026, 5, 31))
    assert not check.passed
    assert "month 9 of the agreement (8 complete)" in check.reason and "2026-06-01" in check.reason


def test_lock_applies_only_to_listed_agreement_types() -> None:
    check = r.lock_period(account(contract={"agreement_type": "standard"}), POLICY, date(2025, 10, 1))
    assert check.passed and "no lock period" in check.reason
    assert not r.is_locked(account(contract={"agreement_type": "standard"}), POLICY, date(2025, 10, 1))


def test_lock_from_a_month_end_start_date() -> None:
    acc = account(contract={"start_date": "2025-01-31"})
    assert r.lock_ends(acc, POLICY) == date(2025, 10, 31)
    assert r.is_locked(acc, POLICY, date(2025, 10, 30))
    assert not r.is_locked(acc, POLICY, date(2025, 10, 31))


def test_offer_reducing_mrr_in_the_lock_fails_with_numbers() -> None:
    check = r.lock_period(account(), POLICY, date(2026, 3, 1), new_mrr=3900.0)
    assert not check.passed
    assert "4,600.00 -> 3,900.00" in check.reason and "2026-06-01" in check.reason


def test_offer_keeping_mrr_in_the_lock_passes() -> None:
    assert r.lock_period(account(), POLICY, date(2026, 3, 1), new_mrr=4600.0).passed


def test_pause_in_the_lock_needs_hardship() -> None:
    today = date(2026, 3, 1)
    assert not r.lock_period(account(), POLICY, today, new_mrr=4600.0, pause_months=3).passed
    hard = r.lock_period(account(), POLICY, today, new_mrr=4600.0, pause_months=3, hardship="financial")
    assert hard.passed and "hardship pause" in hard.reason and "exception" in hard.reason


# hardship-pause ------------------------------------------------------------------------------

def test_hardship_in_the_lock_is_an_exception_not_an_automatic_pause() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 1, 15), hardship="natural_disaster")
    assert not check.passed and "no automatic pause" in check.reason and "team lead" in check.reason


def test_hardship_pause_allowed_after_the_lock() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 7, 15), hardship="natural_disaster")
    assert check.passed and "6 months" in check.reason


def test_no_hardship_in_the_lock_means_no_pause() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 1, 15), hardship=None)
    assert not check.passed and "no pause" in check.reason


def test_outside_the_lock_pause_not_cancel_is_available() -> None:
    assert r.hardship_pause(account(), POLICY, date(2026, 7, 1), hardship=None).passed


def test_pause_extends_by_exactly_the_pause_and_names_the_resume_date() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 6, 15), hardship="financial", pause_months=3)
    assert check.passed
    assert "from 2026-07-01" in check.reason and "billing resumes 2026-10-01" in check.reason
    assert "extended by 3 months to 2027-12-01" in check.reason  # 2027-09-01 + 3 months


def test_pause_above_the_maximum_fails() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 6, 15), hardship="financial", pause_months=7)
    assert not check.passed and "6-month maximum" in check.reason


def test_pause_with_a_different_extension_fails() -> None:
    check = r.hardship_pause(account(), POLICY, date(2026, 6, 15), hardship="financial",
                             pause_months=3, extension_months=2)
    assert not check.passed and "exactly 3 months" in check.reason


@pytest.mark.parametrize("today, months, start, resume", [
    (date(2026, 6, 15), 3, date(2026, 7, 1), date(2026, 10, 1)),
    (date(2026, 6, 1), 3, date(2026, 7, 1), date(2026, 10, 1)),
    (date(2026, 12, 31), 2, date(2027, 1, 1), date(2027, 3, 1)),
    (date(2026, 1, 31), 6, date(2026, 2, 1), date(2026, 8, 1)),
])
def test_pause_window(today: date, months: int, start: date, resume: date) -> None:
    assert pause_window(today, months) == (start, resume)


# discount-cap --------------------------------------------------------------------------------

def test_exactly_the_soft_cap_needs_no_approval() -> None:
    check = r.discount_cap(15.0, POLICY)
    assert check.passed and "15.0%" in check.reason and "no approval" in check.reason
    assert needs_approval(15.0, POLICY) is None


def test_soft_band_passes_with_deal_desk() -> None:
    check = r.discount_cap(18.0, POLICY)
    assert check.passed
    assert check.reason == ("proposed total discount 18.0% off list is above the 15% soft cap: "
                            "Deal Desk approval needed (hard cap 20%)")
    assert needs_approval(15.1, POLICY) == "deal_desk"


def test_exactly_the_hard_cap_is_allowed_with_approval() -> None:
    assert r.discount_cap(20.0, POLICY).passed
    assert needs_approval(20.0, POLICY) == "deal_desk"


@pytest.mark.parametrize("pct", [20.01, 20.1, 35.0])
def test_above_the_hard_cap_fails(pct: float) -> None:
    check = r.discount_cap(pct, POLICY)
    assert not check.passed and "above the 20% hard cap" in check.reason


def test_discount_rounds_up_so_the_shown_number_is_the_checked_one() -> None:
    assert discount_off(4250.0, 5000.0) == 15.0
    assert discount_off(4000.0, 5000.0) == 20.0
    assert discount_off(3999.5, 5000.0) == 20.1  # 20.01% is shown, and checked, as 20.1%
    assert ceil_pct(19.999999999999996) == 20.0
    assert discount_off(10.0, 0.0) == 0.0


# counter-first, multi-year-exchange, large-cut -------------------------------------------------

def test_counter_first_rejects_accepting_the_first_request() -> None:
    check = r.counter_first(has_counter=True, prior_counters=0, new_mrr=3220.0, requested_mrr=3220.0)
    assert not check.passed and "3,220.00" in check.reason


def test_counter_first_accepts_a_real_counter() -> None:
    check = r.counter_first(has_counter=True, prior_counters=0, new_mrr=3680.0, requested_mrr=3220.0)
    assert check.passed and "3,680.00" in check.reason


def test_counter_first_accepts_an_exchange() -> None:
    check = r.counter_first(has_counter=True, prior_counters=0, new_mrr=3450.0, requested_mrr=3450.0,
                            exchange="a 24-month extension")
    assert check.passed and "24-month extension" in check.reason


def test_counter_first_no_counter() -> None:
    assert not r.counter_first(has_counter=False, prior_counters=0).passed
    assert r.counter_first(has_counter=False, prior_counters=1).passed
    assert r.counter_first(has_counter=False, prior_counters=0, no_counter_reason="competitive save").passed


def test_multi_year_exchange() -> None:
    ok = r.multi_year_exchange(4600.0, 3680.0, POLICY, extension_months=24)
    assert ok.passed and "4,600.00 to 3,680.00" in ok.reason and "24-month" in ok.reason
    assert not r.multi_year_exchange(4600.0, 3680.0, POLICY, extension_months=None).passed
    assert not r.multi_year_exchange(4600.0, 3680.0, POLICY, extension_months=6).passed
    assert r.multi_year_exchange(4600.0, 4600.0, POLICY, extension_months=None).passed
    assert r.multi_year_exchange(4600.0, 4600.0, POLICY, extension_months=3, pause_months=3).passed
    assert not r.multi_year_exchange(4600.0, 4600.0, POLICY, extension_months=24, pause_months=3).passed


def test_large_cut_exactly_at_the_threshold_is_flagged() -> None:
    check = r.large_cut(POLICY, requested_pct=50.0, offered_pct=30.0, pause_offered=True)
    assert check.passed and "50.0%" in check.reason and "flagged" in check.reason
    below = r.large_cut(POLICY, requested_pct=49.9, offered_pct=33.3, pause_offered=False)
    assert below.passed and "below" in below.reason


def test_offering_a_large_cut_without_a_pause_fails() -> None:
    check = r.large_cut(POLICY, requested_pct=None, offered_pct=50.0, pause_offered=False)
    assert not check.passed and "pause-not-cancel" in check.reason


# routing rules -------------------------------------------------------------------------------

def test_competitive_displacement_routes_to_competitive_save() -> None:
    assert r.competitive_displacement("competitive_displacement", has_counter=False,
                                      escalations=["team_lead", "competitive_save"]).passed
    assert not r.competitive_displacement("competitive_displacement", has_counter=True,
                                          escalations=["team_lead", "competitive_save"]).passed
    assert r.competitive_displacement("budget_cut", has_counter=True, escalations=["team_lead"]).passed


def test_enterprise_ae_at_exactly_100k() -> None:
    check = r.enterprise_ae(100000.0, ["team_lead"], POLICY)
    assert not check.passed and "100,000.00" in check.reason
    assert r.enterprise_ae(100000.0, ["team_lead", "account_executive"], POLICY).passed
    assert r.enterprise_ae(99999.96, ["team_lead"], POLICY).passed


def test_vp_cs_on_pushback() -> None:
    assert not r.vp_cs_escalation(True, ["team_lead"]).passed
    assert r.vp_cs_escalation(True, ["team_lead", "vp_cs"]).passed
    assert r.vp_cs_escalation(False, ["team_lead"]).passed


def test_team_lead_always() -> None:
    assert r.team_lead(["team_lead"]).passed
    assert not r.team_lead(["vp_cs"]).passed


def test_reengagement_triggers() -> None:
    assert not r.reengagement_triggers([]).passed
    trigger = Trigger(kind="reengagement_90d", due_date="2026-09-13", description="x")
    check = r.reengagement_triggers([trigger])
    assert check.passed and "reengagement_90d on 2026-09-13" in check.reason

"""The offer engine: the negotiation matrix, root-cause adjustments, the lock, pauses, escalations."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coach.accounts import Account
from coach.diagnosis.models import Diagnosis
from coach.errors import CoachInputError
from coach.policy import Decision, decide, load_policy

POLICY = load_policy(Path(__file__).resolve().parents[2] / "knowledge" / "policy.yaml")
OPEN = date(2026, 6, 1)  # month 9 complete: reductions allowed
LOCKED = date(2026, 3, 1)  # month 7: inside the 9-month lock
SERVICES = [
    {"name": "SEO", "mrr": 1800.0, "core": True},
    {"name": "PPC", "mrr": 1500.0, "core": False},
    {"name": "Social Media", "mrr": 1300.0, "core": False},
]


def account(**over: object) -> Account:
    """Acme Dental: list 5,000, billed 4,600 (8% off), 40 seats, 24 months from 2025-09-01."""
    data: dict = {
        "id": "acme", "name": "Acme Dental", "list_mrr": 5000.0, "mrr": 4600.0, "seats": 40,
        "services": SERVICES,
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": "integrated_marketing"},
    }
    data.update(over)
    return Account.model_validate(data)


def run(dx: Diagnosis, acc: Account | None = None, today: date = OPEN, **kw: int) -> Decision:
    return decide(acc or account(), dx, POLICY, today, **kw)


def passed(d: Decision, rule_id: str) -> bool:
    return next(c for c in d.rules if c.id == rule_id).passed


def assert_self_consistent(d: Decision) -> None:
    """A decision never fails its own rules (lock-period and hardship-pause state eligibility)."""
    failing = [c.id for c in d.rules if not c.passed and c.id not in ("lock-period", "hardship-pause")]
    assert failing == []


# the matrix ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "requested"), [(3500.0, 3500.0), (4500.0, 4500.0), (4600.0, None), (5200.0, None)])
def test_a_monthly_target_is_the_customers_request(target: float, requested: float | None) -> None:
    """"Under $3,500 a month" with no percentage: the counter is weighed against $3,500; a target at
    or above today's bill asks for no cut."""
    d = run(Diagnosis(kind="acv_cut", target_mrr=target, root_cause="budget_cut"))
    c = d.counter
    assert c is not None and c.requested_mrr == requested
    if requested is not None:
        assert requested <= c.new_mrr < 4600.0
    assert_self_consistent(d)

def test_seat_cut_30_counters_20_with_24_month_extension() -> None:
    d = run(Diagnosis(kind="seat_reduction", seats_requested=12, root_cause="budget_cut"))
    c = d.counter
    assert d.play == "right_size_multi_year" and c is not None and c.kind == d.play
    assert c.seats == 32 and c.new_mrr == 3680.0 and c.discount_pct == 8.0
    assert c.term_extension_months == 24 and c.pause_months is None and c.message == ""
    assert c.requested_mrr == 3220.0
    assert c.commitment_months == 15 + 24
    assert c.contract_value == 3680.0 * 39 and c.requested_contract_value == 3220.0 * 15
    assert d.counter_list_mrr == 4000.0 and d.new_end_date == "2029-09-01"
    assert [t.kind for t in d.triggers] == ["budget_cycle"]
    assert d.escalations == ["team_lead"]
    assert_self_consistent(d)


def test_seat_cut_from_a_percentage() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30))
    assert d.counter is not None and d.counter.seats == 32 and d.counter.new_mrr == 3680.0


def test_org_shrinking_adds_the_retention_discount() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30, root_cause="org_shrinking"))
    assert d.play == "right_size_retention" and d.counter is not None
    assert d.counter.discount_pct == 13.0 and d.counter.new_mrr == 3480.0  # 4,000 list at 13% off
    assert "employee_count" in [t.kind for t in d.triggers]


def test_acv_cut_50_counters_30_and_flags_the_large_cut() -> None:
    d = run(Diagnosis(kind="acv_cut", reduction_pct=50))
    c = d.counter
    assert d.play == "right_size_multi_year" and c is not None
    assert c.new_mrr == 3220.0 and c.term_extension_months == 24 and c.seats is None
    assert "large_cut" in d.flags
    alt = d.alternative
    assert alt is not None and alt.kind == "pause_not_cancel" and alt.pause_months == 3
    assert_self_consistent(d)


def test_acv_cut_just_below_the_large_cut() -> None:
    d = run(Diagnosis(kind="acv_cut", reduction_pct=49.9))
    assert "large_cut" not in d.flags and d.alternative is None


def test_module_cancel_suspends_keeps_core_adds_retention_and_locks_12_months() -> None:
    d = run(Diagnosis(kind="module_cancel", modules=["ppc"], root_cause="usage_gap"))
    c = d.counter
    assert d.play == "suspend_module" and c is not None
    assert c.suspended_services == ["PPC"] and c.kept_services == ["SEO", "Social Media"]
    assert d.counter_list_mrr == 3369.57  # 5,000 less PPC's 1,500/4,600 share
    # the retention discount would bill 2,931.53, below the customer's own 3,100.00: never below the ask
    assert c.discount_pct == 8.1 and c.new_mrr == 3100.0  # 8.0001% shown rounded up
    assert c.term_extension_months == 12 and c.needs_approval is None
    assert c.requested_mrr == 3100.0  # the customer's ask: drop PPC's 1,500
    assert {"reengagement_90d", "feature_release"} <= {t.kind for t in d.triggers}
    assert_self_consistent(d)


def test_retention_discount_is_clamped_to_the_hard_cap() -> None:
    """With the switch that allows a counter below the request, the cap still holds."""
    assert POLICY.plays is not None
    below = POLICY.model_copy(update={"plays": POLICY.plays.model_copy(update={"allow_below_request": True})})
    d = decide(account(mrr=4100.0), Diagnosis(kind="module_cancel", modules=["PPC"]), below, OPEN)  # 18% off
    c = d.counter
    assert c is not None and c.discount_pct == 20.0 and c.needs_approval == "deal_desk"
    assert "deal_desk" in d.escalations
    assert c.new_mrr == round(3369.57 * 0.8 + 0.004, 2) and "below_request" in d.flags


def test_module_cancel_of_a_core_service_keeps_it() -> None:
    d = run(Diagnosis(kind="module_cancel", modules=["SEO"]))
    assert d.play == "course_correct" and "core_service_kept" in d.flags
    assert d.counter is not None and d.counter.new_mrr == 4600.0


def test_cancel_becomes_pause_not_cancel_with_90_day_trigger() -> None:
    today = date(2026, 6, 15)
    d = run(Diagnosis(kind="cancel", root_cause="strategic_shift"), today=today)
    c = d.counter
    assert d.play == "pause_not_cancel" and c is not None
    assert c.pause_months == 3 and c.term_extension_months == 3
    assert c.resume_date == "2026-10-01" and d.pause_start == "2026-07-01"
    assert c.new_mrr == 4600.0 and d.mrr_during_pause == 0.0
    assert d.new_end_date == "2027-12-01"
    kinds = {t.kind: t.due_date for t in d.triggers}
    assert kinds["reengagement_90d"] == (today + timedelta(days=90)).isoformat()
    assert kinds["resume_billing"] == "2026-10-01"
    assert_self_consistent(d)


def test_tier_downgrade_has_upgrade_triggers() -> None:
    tiers = [{"name": "Lite", "list_mrr": 3000.0}, {"name": "Plus", "list_mrr": 4000.0},
             {"name": "Pro", "list_mrr": 5000.0}]
    d = run(Diagnosis(kind="tier_downgrade", reduction_pct=25), account(tiers=tiers))
    assert d.play == "downgrade_with_upgrade_path" and d.counter is not None
    # 25% off would be 3,750 at list: Plus (4,000) is the smallest tier that still covers the ask
    assert d.tier_from == "Pro" and d.tier_to == "Plus"
    assert d.counter.new_mrr == 3680.0 and d.counter.term_extension_months == 24
    assert "upgrade_path" in [t.kind for t in d.triggers]
    assert_self_consistent(d)


RESULTS = Diagnosis(kind="service_removal", modules=["PPC"], root_cause="value_perception")


def test_results_complaint_after_the_plan_swaps_to_a_similar_non_core_service() -> None:
    d = run(RESULTS, prior_counters=1)
    assert d.play == "creative_swap" and d.swap_to == "Social Media"
    assert d.counter is not None and d.counter.new_mrr == 4600.0 and d.counter.term_extension_months is None
    assert "performance_gap_review" in [t.kind for t in d.triggers]


def test_results_complaint_after_the_plan_swaps_to_a_catalogue_service_the_account_lacks() -> None:
    d = run(RESULTS, account(services=SERVICES[:2]), prior_counters=1)
    assert d.play == "creative_swap" and d.swap_to == "Social Media"


def test_results_complaint_without_alternatives_removes_and_reviews_the_gap() -> None:
    acc = account(services=SERVICES[:2])
    assert POLICY.plays is not None
    bare = POLICY.model_copy(update={"plays": POLICY.plays.model_copy(update={"catalogue": []})})
    d = decide(acc, RESULTS, bare, OPEN, prior_counters=1)
    assert d.play == "remove_with_review" and d.counter is not None
    assert d.counter.suspended_services == ["PPC"] and d.counter.term_extension_months == 12
    review = next(t for t in d.triggers if t.kind == "performance_gap_review")
    assert review.due_date == "2026-08-01" and "2-3 months" in review.description


@pytest.mark.parametrize("cause", ["budget_cut", "unknown", "strategic_shift", "usage_gap", "org_shrinking"])
def test_dropping_an_optional_service_for_any_other_reason_suspends_it(cause: str) -> None:
    """No swap: the named service is suspended (not cancelled, its budget not moved), core kept, a term."""
    d = run(Diagnosis(kind="service_removal", modules=["PPC"], root_cause=cause))
    c = d.counter
    assert d.play == "suspend_module" and d.swap_to is None and c is not None
    assert c.suspended_services == ["PPC"] and c.kept_services == ["SEO", "Social Media"]
    assert c.new_mrr == d.requested_mrr == 3100.0 and c.term_extension_months == 12


@pytest.mark.parametrize("cause", ["budget_cut", "unknown", "strategic_shift"])
def test_dropping_the_core_service_scales_it_back_for_a_term(cause: str) -> None:
    """The core service is right-sized (never dropped, its budget never moved), for a longer term."""
    d = run(Diagnosis(kind="service_removal", modules=["SEO"], root_cause=cause))
    c = d.counter
    assert d.play == "right_size_multi_year" and d.swap_to is None and c is not None
    assert c.suspended_services == [] and "SEO" in c.kept_services
    assert d.requested_mrr == 2800.0 and 2800.0 < c.new_mrr < 4600.0  # less than today, not below the ask
    assert c.new_mrr == 3520.0 and c.term_extension_months == 24  # 60% of the 1,800 cut, today's 8% kept


def test_pause_request_gets_a_pause_plan() -> None:
    d = run(Diagnosis(kind="pause"))
    assert d.play == "pause_plan" and d.counter is not None
    assert d.counter.term_extension_months == d.counter.pause_months == 3
    assert d.counter.resume_date == "2026-10-01"


def test_competitive_displacement_has_no_standard_counter() -> None:
    d = run(Diagnosis(kind="acv_cut", reduction_pct=40, root_cause="competitive_displacement"))
    assert d.play == "competitive_save" and d.counter is None
    assert d.escalations == ["team_lead", "competitive_save"]
    assert d.triggers and passed(d, "competitive-displacement") and passed(d, "counter-first")


def test_unknown_size_gets_a_price_concession_for_a_term() -> None:
    d = run(Diagnosis(kind="seat_reduction"))
    assert d.play == "multi_year_lower_price" and "size_unknown" in d.flags
    assert d.counter is not None and d.counter.discount_pct == 13.0 and d.counter.term_extension_months == 24


def test_unclear_request_asks_before_countering() -> None:
    d = run(Diagnosis(kind="other"))
    assert d.play == "clarify_request" and d.counter is None and d.triggers


# the lock ------------------------------------------------------------------------------------

def test_locked_account_gets_no_mrr_reduction() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30), today=LOCKED)
    assert not d.eligibility.reduction_allowed and not d.eligibility.pause_allowed
    assert "locked" in d.flags and d.lock_ends == "2026-06-01"
    assert d.play == "course_correct" and d.counter is not None and d.counter.new_mrr == 4600.0
    assert not passed(d, "lock-period")


def test_locked_module_cancel_with_no_reason_keeps_the_package_without_a_swap() -> None:
    d = run(Diagnosis(kind="module_cancel", modules=["PPC"]), today=LOCKED)
    assert d.play == "course_correct" and d.swap_to is None
    assert d.counter is not None and d.counter.new_mrr == 4600.0


def test_locked_results_complaint_after_the_plan_is_a_creative_swap() -> None:
    d = run(RESULTS, today=LOCKED, prior_counters=1)
    assert d.play == "creative_swap" and d.counter is not None and d.counter.new_mrr == 4600.0


@pytest.mark.parametrize("cause", ["budget_cut", "unknown"])
def test_locked_service_removal_for_budget_or_no_reason_is_never_a_swap(cause: str) -> None:
    d = run(Diagnosis(kind="service_removal", modules=["PPC"], root_cause=cause), today=LOCKED, prior_counters=1)
    assert d.play == "course_correct" and d.swap_to is None


def test_hardship_in_the_lock_goes_to_the_team_lead_not_an_automatic_pause() -> None:
    d = run(Diagnosis(kind="cancel", hardship="natural_disaster"), today=LOCKED)
    assert not d.eligibility.pause_allowed and not d.eligibility.reduction_allowed
    assert d.play == "hardship_exception" and d.counter is None and "team_lead" in d.escalations
    alt = d.alternative  # the pause the team lead is asked to decide, not sent to the customer
    assert alt is not None and alt.pause_months == alt.term_extension_months == 3
    assert alt.resume_date == "2026-07-01"
    assert d.exception_request and "month 7" in d.exception_request and "2026-07-01" in d.exception_request
    assert passed(d, "counter-first")


def test_hardship_in_the_lock_names_the_service_for_the_exception() -> None:
    acc = account(hardship="financial")
    d = run(Diagnosis(kind="module_cancel", modules=["PPC"]), acc, today=LOCKED)
    assert d.counter is None and d.alternative is not None and d.alternative.suspended_services == ["PPC"]
    assert d.exception_request and "PPC" in d.exception_request


def test_hardship_outside_the_lock_pauses_the_named_service() -> None:
    acc = account(hardship="financial")
    d = run(Diagnosis(kind="module_cancel", modules=["PPC"]), acc)
    assert d.play == "pause_plan" and d.counter is not None and d.counter.suspended_services == ["PPC"]
    assert d.counter.kept_services == ["SEO", "Social Media"]
    assert d.mrr_during_pause == round(4600 * (1 - 1500 / 4600), 2)


# escalations, rounds, flags ------------------------------------------------------------------

def test_pushback_brings_in_vp_cs() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30, pushback=True), prior_counters=1)
    assert d.escalations == ["team_lead", "vp_cs"]
    assert passed(d, "counter-first") and passed(d, "vp-cs-escalation")


@pytest.mark.parametrize("mrr, ae", [(100000 / 12, True), (8333.33, False)])
def test_account_executive_from_exactly_100k_arr(mrr: float, ae: bool) -> None:
    acc = account(list_mrr=9000.0, mrr=mrr)
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30), acc)
    assert ("account_executive" in d.escalations) is ae
    assert_self_consistent(d)


def test_escalations_are_unique_and_ordered() -> None:
    acc = account(list_mrr=11000.0, mrr=9000.0)  # 18.2% off, ARR 108,000
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30, pushback=True), acc)
    assert d.escalations == ["team_lead", "vp_cs", "deal_desk", "account_executive"]


def test_after_the_last_round_the_request_is_accepted_with_reengagement() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30), prior_counters=2)
    assert d.play == "accept_with_reengagement" and d.counter is not None
    assert d.counter.new_mrr == 3220.0 and d.counter.seats == 28 and d.counter.term_extension_months == 24
    assert_self_consistent(d)


def test_legacy_discount_above_the_cap_is_repriced_to_the_cap() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30), account(mrr=3000.0))  # 40% off
    assert "discount_above_cap" in d.flags
    assert d.counter is not None and d.counter.discount_pct == 20.0 and d.counter.new_mrr == 3200.0


def test_negative_prior_counters_is_an_input_error() -> None:
    with pytest.raises(CoachInputError, match="prior_counters"):
        run(Diagnosis(kind="cancel"), prior_counters=-1)


def test_decision_serialises_and_has_the_cadence() -> None:
    d = run(Diagnosis(kind="seat_reduction", reduction_pct=30))
    assert Decision.model_validate_json(d.model_dump_json()) == d
    assert [s.step for s in d.cadence] == ["acknowledge", "report", "diagnosis", "counter",
                                           "signature_and_triggers"]
    assert d.cadence[0].start == "2026-06-01" and d.cadence[-1].end == "2026-06-30"
    assert d.resolve_by == "2026-07-01"

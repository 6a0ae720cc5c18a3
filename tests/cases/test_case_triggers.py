from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cases.triggers import (
    TRIGGER_KINDS,
    TriggerDays,
    default_triggers,
    due_date,
    is_due,
    merge_triggers,
    plan_trigger,
)
from coach.config import REPO_ROOT
from coach.errors import CoachInputError
from coach.policy import load_policy

SET_ON = date(2026, 11, 20)


def test_policy_days() -> None:
    days = TriggerDays.from_policy(load_policy(REPO_ROOT / "knowledge" / "policy.yaml"))
    assert due_date("reengagement_90d", SET_ON, days=days) == SET_ON + timedelta(days=90)
    assert due_date("employee_count", SET_ON, days=days) == SET_ON + timedelta(days=90)
    assert due_date("budget_cycle", SET_ON, days=days) == SET_ON + timedelta(days=180)
    assert due_date("feature_release", SET_ON, days=days) == SET_ON + timedelta(days=60)


def test_performance_gap_review_two_months_after_removal() -> None:
    assert due_date("performance_gap_review", date(2026, 12, 31)) == date(2027, 2, 28)


def test_own_date_wins_and_cannot_be_in_the_past() -> None:
    assert due_date("budget_cycle", SET_ON, on=date(2027, 4, 1)) == date(2027, 4, 1)
    with pytest.raises(CoachInputError, match="before"):
        due_date("feature_release", SET_ON, on=SET_ON - timedelta(days=1))


def test_resume_billing_needs_its_date() -> None:
    with pytest.raises(CoachInputError, match="needs its date"):
        due_date("resume_billing", SET_ON)


def test_unknown_kind() -> None:
    with pytest.raises(CoachInputError, match="unknown trigger kind"):
        plan_trigger("lunar_phase", SET_ON)


def test_defaults_add_gap_review_when_a_service_was_dropped() -> None:
    assert [t.kind for t in default_triggers(SET_ON, services_removed=False)] == ["reengagement_90d"]
    kinds = [t.kind for t in default_triggers(SET_ON, services_removed=True)]
    assert kinds == ["reengagement_90d", "performance_gap_review"]


def test_merge_keeps_first_of_each_kind_sorted() -> None:
    a = [plan_trigger("budget_cycle", SET_ON, on=date(2027, 1, 1))]
    b = [plan_trigger("budget_cycle", SET_ON), plan_trigger("reengagement_90d", SET_ON)]
    merged = merge_triggers(a, b)
    assert [(t.kind, t.due_date) for t in merged] == [("budget_cycle", date(2027, 1, 1)),
                                                      ("reengagement_90d", date(2027, 2, 18))]


@given(st.sampled_from([k for k in TRIGGER_KINDS if k != "resume_billing"]),
       st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1)))
def test_never_due_before_it_is_set(kind: str, set_on: date) -> None:
    due = due_date(kind, set_on)
    assert due > set_on
    assert is_due(due, due) and not is_due(due, due - timedelta(days=1))

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cases.cadence import (
    DEFAULT_CADENCE,
    REPORTED,
    cadence_from_policy,
    cadence_report,
    case_day,
    past_target,
    resolution_warning,
)
from coach.cases.stages import RESOLVED, Stage
from coach.config import REPO_ROOT
from coach.policy import load_policy

OPENED = date(2026, 11, 2)


def day(n: int) -> date:
    return OPENED + timedelta(days=n - 1)


def statuses(stage: Stage, today: date, **kw: object) -> dict[str, str]:
    return {s.step.key: s.status for s in cadence_report(stage, OPENED, today, **kw).steps}  # type: ignore[arg-type]


def test_day_one_is_the_request_day() -> None:
    assert case_day(OPENED, OPENED) == 1
    assert case_day(OPENED, day(30)) == 30
    assert case_day(OPENED, OPENED - timedelta(days=3)) == 1


def test_day_two_next_step_is_reporting() -> None:
    report = cadence_report(Stage.ACKNOWLEDGED, OPENED, day(2))
    assert report.next_step is not None and report.next_step.step.key == "report"
    assert report.next_step.status == "current"
    assert (report.next_step.window_start, report.next_step.window_end) == (day(2), day(3))
    assert report.warnings == []


def test_report_overdue_until_recorded() -> None:
    assert statuses(Stage.DIAGNOSING, day(4))["report"] == "overdue"
    assert statuses(Stage.DIAGNOSING, day(4), milestones={REPORTED})["report"] == "done"


def test_counter_due_by_day_15() -> None:
    s = statuses(Stage.DIAGNOSING, day(12), milestones={REPORTED})
    assert s["diagnosis"] == "overdue" and s["counter"] == "current"
    s = statuses(Stage.COUNTER_SENT, day(16), milestones={REPORTED})
    assert s["counter"] == "done" and s["signature_and_triggers"] == "current"


def test_thirty_day_warning() -> None:
    assert resolution_warning(Stage.COUNTER_SENT, OPENED, day(30)) is None
    warning = resolution_warning(Stage.COUNTER_SENT, OPENED, day(31))
    assert warning is not None and "30-day resolution target" in warning and "Day 31" in warning
    report = cadence_report(Stage.ESCALATED, OPENED, day(40), milestones={REPORTED})
    assert report.days_left == -10 and any("resolution target" in w for w in report.warnings)


def test_resolved_cases_get_no_warning_and_skip_steps() -> None:
    assert not past_target(Stage.ACCEPTED, OPENED, day(90))
    assert statuses(Stage.DOWNSELL_ACCEPTED, day(60))["report"] == "skipped"


@pytest.mark.slow
def test_cadence_from_policy_file() -> None:
    steps = cadence_from_policy(load_policy(REPO_ROOT / "knowledge" / "policy.yaml"))
    assert [(s.key, s.first_day, s.last_day) for s in steps] == [
        (s.key, s.first_day, s.last_day) for s in DEFAULT_CADENCE]


@given(st.sampled_from(list(Stage)), st.integers(min_value=0, max_value=400))
def test_warning_exactly_when_unresolved_past_target(stage: Stage, offset: int) -> None:
    today = OPENED + timedelta(days=offset)
    report = cadence_report(stage, OPENED, today, target_days=30)
    has = any("resolution target" in w for w in report.warnings)
    assert has == (stage not in RESOLVED and offset + 1 > 30)
    assert report.target_date == day(30)

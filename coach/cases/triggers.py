"""Re-engagement triggers and their due dates (pure: the day they are set on is passed in)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from coach.errors import CoachInputError

REENGAGEMENT_DAYS = 90
GAP_REVIEW_DAYS = 60  # the playbook: wait two to three months before showing the performance gap
BUDGET_LEAD_DAYS = 30  # reach out a month before the customer's budget is set
HEADCOUNT_CHECK_DAYS = 90  # re-check the customer's employee count each quarter


class TriggerKind(StrEnum):
    EMPLOYEE_COUNT = "employee_count"
    BUDGET_CYCLE = "budget_cycle"
    FEATURE_RELEASE = "feature_release"
    NINETY_DAYS = "ninety_days"
    PERFORMANCE_GAP_REVIEW = "performance_gap_review"


DESCRIPTIONS = {
    TriggerKind.EMPLOYEE_COUNT: "Check the customer's employee count; growth reopens the seat conversation",
    TriggerKind.BUDGET_CYCLE: "Budget cycle approaching: propose restoring the package before budgets lock",
    TriggerKind.FEATURE_RELEASE: "Feature release that answers the customer's gap: re-engage with a demo",
    TriggerKind.NINETY_DAYS: "90-day re-engagement check-in on the right-sized package",
    TriggerKind.PERFORMANCE_GAP_REVIEW: "Performance-gap review: the marketing manager shows the trend "
    "before and after the removal in the regular report",
}


@dataclass(frozen=True)
class TriggerPlan:
    kind: str
    due_date: date
    description: str


def parse_kind(value: str) -> TriggerKind:
    try:
        return TriggerKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in TriggerKind)
        raise CoachInputError(f"unknown trigger kind {value!r}; expected one of {allowed}",
                              field="kind") from None


def due_date(kind: TriggerKind, set_on: date, *, on: date | None = None,
             reengagement_days: int = REENGAGEMENT_DAYS) -> date:
    """When a trigger should fire. `on` is the event's own date (budget cycle, release) if known."""
    if kind is TriggerKind.NINETY_DAYS:
        return on or set_on + timedelta(days=reengagement_days)
    if kind is TriggerKind.PERFORMANCE_GAP_REVIEW:
        return on or set_on + timedelta(days=GAP_REVIEW_DAYS)
    if kind is TriggerKind.EMPLOYEE_COUNT:
        return on or set_on + timedelta(days=HEADCOUNT_CHECK_DAYS)
    if on is None:
        raise CoachInputError(f"a {kind.value} trigger needs its date ('on')", field="on")
    if on < set_on:
        raise CoachInputError(f"{kind.value} date {on} is before {set_on}", field="on")
    if kind is TriggerKind.BUDGET_CYCLE:
        return max(set_on, on - timedelta(days=BUDGET_LEAD_DAYS))
    return on  # feature release: re-engage on release day


def plan_trigger(kind: str, set_on: date, *, on: date | None = None, note: str | None = None,
                 reengagement_days: int = REENGAGEMENT_DAYS) -> TriggerPlan:
    k = parse_kind(kind)
    when = due_date(k, set_on, on=on, reengagement_days=reengagement_days)
    return TriggerPlan(k.value, when, note or DESCRIPTIONS[k])


def default_triggers(set_on: date, *, services_removed: bool,
                     reengagement_days: int = REENGAGEMENT_DAYS) -> list[TriggerPlan]:
    """What every closed case gets: a 90-day check-in, and a gap review when a service was dropped."""
    plans = [plan_trigger(TriggerKind.NINETY_DAYS, set_on, reengagement_days=reengagement_days)]
    if services_removed:
        plans.append(plan_trigger(TriggerKind.PERFORMANCE_GAP_REVIEW, set_on))
    return plans


def merge_triggers(*groups: Iterable[TriggerPlan]) -> list[TriggerPlan]:
    """Combine trigger lists, keeping the first of each (kind, due date), sorted by due date."""
    seen: set[tuple[str, date]] = set()
    out: list[TriggerPlan] = []
    for group in groups:
        for t in group:
            if (t.kind, t.due_date) not in seen:
                seen.add((t.kind, t.due_date))
                out.append(t)
    return sorted(out, key=lambda t: (t.due_date, t.kind))


def is_due(due: date, today: date, *, within_days: int = 0) -> bool:
    return due <= today + timedelta(days=within_days)

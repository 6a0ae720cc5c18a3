"""Re-engagement triggers and their due dates (pure: the day they are set on is passed in)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from coach.accounts import add_months
from coach.errors import CoachInputError

# The same kinds the policy engine puts in a draft's reengagement_triggers.
TRIGGER_KINDS: tuple[str, ...] = (
    "employee_count", "budget_cycle", "feature_release", "reengagement_90d",
    "performance_gap_review", "upgrade_path", "resume_billing",
)

DESCRIPTIONS = {
    "employee_count": "Check the customer's headcount: if it grows again, right-size seats back up",
    "budget_cycle": "Next budget cycle: revisit the package at the new budget",
    "feature_release": "Share the relevant feature or service release and offer a trial",
    "reengagement_90d": "Re-engage: have conditions improved? Revisit the full package",
    "performance_gap_review": "Performance-gap review: the marketing manager shows the trend before and "
    "after the removal in the regular report; re-offer the service if results dropped",
    "upgrade_path": "Review usage against the lower tier's limits and propose the upgrade path back",
    "resume_billing": "Billing for the paused service resumes: confirm the restart in writing",
}


@dataclass(frozen=True)
class TriggerDays:
    """Days from the day a trigger is set until it fires (knowledge/policy.yaml `triggers`)."""

    employee_count: int = 90
    budget_cycle: int = 180
    feature_release: int = 60
    reengagement_90d: int = 90
    upgrade_path: int = 90
    gap_review_months: int = 2  # the playbook: two to three months after the removal

    @classmethod
    def from_policy(cls, policy: Any) -> TriggerDays:
        t = policy.triggers
        return cls(employee_count=t.employee_count_days, budget_cycle=t.budget_cycle_days,
                   feature_release=t.feature_release_days, reengagement_90d=policy.reengagement_days,
                   upgrade_path=t.upgrade_path_days,
                   gap_review_months=policy.performance_gap_review_months[0])


@dataclass(frozen=True)
class TriggerPlan:
    kind: str
    due_date: date
    description: str


def parse_kind(value: str) -> str:
    if value not in TRIGGER_KINDS:
        raise CoachInputError(f"unknown trigger kind {value!r}; expected one of {', '.join(TRIGGER_KINDS)}",
                              field="kind")
    return value


def due_date(kind: str, set_on: date, *, on: date | None = None, days: TriggerDays = TriggerDays()) -> date:
    """When a trigger fires: on its own date (`on`: budget cycle, release) or after the policy's wait."""
    parse_kind(kind)
    if on is not None:
        if on < set_on:
            raise CoachInputError(f"{kind} date {on} is before the day it is set ({set_on})", field="on")
        return on
    if kind == "resume_billing":
        raise CoachInputError("a resume_billing trigger needs its date ('on')", field="on")
    if kind == "performance_gap_review":
        return add_months(set_on, days.gap_review_months)
    return set_on + timedelta(days=getattr(days, kind))


def plan_trigger(kind: str, set_on: date, *, on: date | None = None, note: str | None = None,
                 days: TriggerDays = TriggerDays()) -> TriggerPlan:
    return TriggerPlan(kind, due_date(kind, set_on, on=on, days=days), note or DESCRIPTIONS[kind])


def default_triggers(set_on: date, *, services_removed: bool,
                     days: TriggerDays = TriggerDays()) -> list[TriggerPlan]:
    """What every closed case gets: a 90-day check-in, and a gap review when a service was dropped."""
    plans = [plan_trigger("reengagement_90d", set_on, days=days)]
    if services_removed:
        plans.append(plan_trigger("performance_gap_review", set_on, days=days))
    return plans


def merge_triggers(*groups: Iterable[TriggerPlan]) -> list[TriggerPlan]:
    """Combine trigger lists, keeping the first of each kind, sorted by due date."""
    seen: set[str] = set()
    out: list[TriggerPlan] = []
    for group in groups:
        for t in group:
            if t.kind not in seen:
                seen.add(t.kind)
                out.append(t)
    return sorted(out, key=lambda t: (t.due_date, t.kind))


def is_due(due: date, today: date, *, within_days: int = 0) -> bool:
    return due <= today + timedelta(days=within_days)

"""The day-by-day cadence of a downsell case and the 30-day resolution target (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from coach.cases.stages import RESOLVED, Stage

StepStatus = Literal["done", "current", "upcoming", "overdue", "skipped"]

RESOLUTION_TARGET_DAYS = 30
REPORTED = "reported"  # milestone: request and first diagnosis reported to VP CS and Deal Desk

# How far along the flow a stage is; a step is done once the case reaches its stage rank.
_RANK = {
    Stage.ACKNOWLEDGED: 0, Stage.DIAGNOSING: 1, Stage.COUNTER_SENT: 2, Stage.ESCALATED: 3,
    Stage.ACCEPTED: 4, Stage.DOWNSELL_ACCEPTED: 4, Stage.TRIGGERS_SET: 5,
}


@dataclass(frozen=True)
class CadenceStep:
    key: str
    first_day: int  # day 1 is the day the request arrived
    last_day: int
    owner: str
    action: str
    done_at_rank: int | None = None  # reached this stage rank -> done
    done_milestone: str | None = None  # or this milestone was recorded


DEFAULT_CADENCE: tuple[CadenceStep, ...] = (
    CadenceStep("acknowledge", 1, 1, "csm", "Acknowledge the request without pushback", done_at_rank=0),
    CadenceStep("report", 2, 3, "csm", "Report the request and first diagnosis to the VP CS; "
                "explore the counter-offer structure with Deal Desk", done_milestone=REPORTED),
    CadenceStep("diagnosis", 5, 10, "csm", "Hold the diagnostic conversation and find the root cause",
                done_at_rank=2),
    CadenceStep("counter", 10, 15, "csm", "Send the right-sized counter-proposal", done_at_rank=2),
    CadenceStep("signature_and_triggers", 15, 30, "deal_desk", "Sign the contract and set the "
                "re-engagement triggers", done_at_rank=5),
)


def cadence_from_ranges(ranges: list[tuple[str, int, int]]) -> tuple[CadenceStep, ...]:
    """The default steps with their day ranges replaced (knowledge/policy.yaml `cadence`)."""
    by_key = {s.key: s for s in DEFAULT_CADENCE}
    return tuple(
        replace(by_key[key], first_day=first, last_day=last) if key in by_key
        else CadenceStep(key, first, last, "csm", key.replace("_", " ").capitalize())
        for key, first, last in ranges
    )


def cadence_from_policy(policy: Any) -> tuple[CadenceStep, ...]:
    return cadence_from_ranges([(name, r.first, r.last) for name, r in policy.cadence.steps()])


@dataclass(frozen=True)
class StepState:
    step: CadenceStep
    status: StepStatus
    window_start: date
    window_end: date


@dataclass(frozen=True)
class CadenceReport:
    day: int  # day of the case today (1-based)
    target_date: date  # the 30-day resolution target
    days_left: int  # until the target (negative once past)
    steps: list[StepState]
    next_step: StepState | None
    warnings: list[str] = field(default_factory=list)


def case_day(opened_on: date, today: date) -> int:
    """Day 1 is the day the request arrived; days before it count as day 1."""
    return max(1, (today - opened_on).days + 1)


def day_date(opened_on: date, day: int) -> date:
    return opened_on + timedelta(days=day - 1)


def _step_status(step: CadenceStep, stage: Stage, milestones: frozenset[str], day: int) -> StepStatus:
    rank = _RANK[stage]
    if step.done_at_rank is not None and rank >= step.done_at_rank:
        return "done"
    if step.done_milestone is not None and step.done_milestone in milestones:
        return "done"
    if stage in RESOLVED:
        return "skipped"  # an outcome was agreed before this step was needed
    if day > step.last_day:
        return "overdue"
    return "current" if day >= step.first_day else "upcoming"


def cadence_report(
    stage: Stage,
    opened_on: date,
    today: date,
    *,
    milestones: frozenset[str] | set[str] = frozenset(),
    cadence: tuple[CadenceStep, ...] = DEFAULT_CADENCE,
    target_days: int = RESOLUTION_TARGET_DAYS,
) -> CadenceReport:
    """Every cadence step's status on `today`, the next thing to do and the warnings to show."""
    day = case_day(opened_on, today)
    ms = frozenset(milestones)
    states = [
        StepState(s, _step_status(s, stage, ms, day), day_date(opened_on, s.first_day),
                  day_date(opened_on, s.last_day))
        for s in cadence
    ]
    pending = [s for s in states if s.status in ("overdue", "current", "upcoming")]
    target_date = day_date(opened_on, target_days)
    warnings = [
        f"Overdue: {s.step.action} (due by day {s.step.last_day}, {s.window_end.isoformat()})"
        for s in states if s.status == "overdue"
    ]
    warning = resolution_warning(stage, opened_on, today, target_days=target_days)
    if warning:
        warnings.append(warning)
    return CadenceReport(
        day=day,
        target_date=target_date,
        days_left=(target_date - today).days,
        steps=states,
        next_step=pending[0] if pending else None,
        warnings=warnings,
    )


def past_target(stage: Stage, opened_on: date, today: date, *,
                target_days: int = RESOLUTION_TARGET_DAYS) -> bool:
    """True when the case is still unresolved after the resolution target."""
    return stage not in RESOLVED and case_day(opened_on, today) > target_days


def resolution_warning(stage: Stage, opened_on: date, today: date, *,
                       target_days: int = RESOLUTION_TARGET_DAYS) -> str | None:
    if not past_target(stage, opened_on, today, target_days=target_days):
        return None
    day = case_day(opened_on, today)
    return (
        f"Day {day}: past the {target_days}-day resolution target. A negotiation this long suggests "
        "fundamental misalignment: accept the downsell and preserve the relationship."
    )

"""Request and response bodies for cases, turns, cadence and triggers."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field

from api.schemas import MAX_TEXT, DraftOut, In, Out
from coach.bounds import Day
from coach.cases.stages import Stage
from coach.cases.triggers import TRIGGER_KINDS

TriggerKind = Literal[TRIGGER_KINDS]  # type: ignore[valid-type]


class CaseIn(In):
    account_id: str = Field(min_length=1, max_length=200)
    message: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT,
                                description="The customer's first message (optional)")
    today: Day | None = Field(default=None, description="Day 1 of the case; default: the real date")


class TurnIn(In):
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    role: Literal["customer", "csm"] = Field(
        default="customer", description="customer: get a suggestion; csm: record what was sent")
    today: Day | None = None


class StreamTurnIn(In):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="The customer's message")
    today: Day | None = None
    corrections: dict[str, Any] | None = Field(
        default=None, max_length=10, description="Inferred fields the CSM corrected (contract section 3a)")


class RedraftIn(In):
    corrections: dict[str, Any] = Field(
        default_factory=dict, max_length=10, description="Inferred fields the CSM corrected (contract section 3a)")
    today: Day | None = None


class TriggerIn(In):
    kind: TriggerKind
    on: Day | None = Field(default=None, description="The event's own date (budget cycle, release)")
    note: str | None = Field(default=None, max_length=2000)


class StageIn(In):
    stage: Stage
    today: Day | None = None
    note: str | None = Field(default=None, max_length=2000)
    triggers: list[TriggerIn] = Field(default_factory=list, max_length=20,
                                      description="Extra triggers when moving to triggers_set")


class MilestoneIn(In):
    milestone: Literal["reported"] = Field(
        description="reported: request and first diagnosis reported to VP CS and Deal Desk")
    today: Day | None = None
    note: str | None = Field(default=None, max_length=2000)


class TurnOut(Out):
    id: int
    seq: int
    role: str
    text: str
    on: date


class StepOut(Out):
    key: str
    action: str
    owner: str
    first_day: int
    last_day: int
    window_start: date
    window_end: date
    status: Literal["done", "current", "upcoming", "overdue", "skipped"]


class CadenceOut(Out):
    day: int = Field(description="Day of the case (day 1 = the day the request arrived)")
    target_date: date
    days_left: int
    past_target: bool
    steps: list[StepOut]
    next_step: StepOut | None


class TriggerOut(Out):
    id: int
    case_id: str
    account_id: str
    kind: str
    due_date: date
    description: str
    status: Literal["open", "done"]
    set_on: date


class CaseSummaryOut(Out):
    id: str
    account_id: str
    stage: Stage
    opened_on: date


class CaseOut(CaseSummaryOut):
    allowed_next: list[Stage]
    counters_sent: int
    turns: list[TurnOut]
    cadence: CadenceOut
    warnings: list[str]
    triggers: list[TriggerOut]
    suggestion: DraftOut | None


class CaseListOut(Out):
    cases: list[CaseSummaryOut]


class TurnResultOut(Out):
    turn: TurnOut
    stage: Stage
    suggestion: DraftOut | None


class SuggestionOut(Out):
    case_id: str
    stage: Stage
    day: int
    next_step: StepOut | None
    warnings: list[str]
    draft: DraftOut | None


class OverdueCaseOut(Out):
    case_id: str
    account_id: str
    stage: Stage
    day: int
    warning: str


class DueOut(Out):
    today: date
    within_days: int
    triggers: list[TriggerOut]
    overdue_cases: list[OverdueCaseOut]

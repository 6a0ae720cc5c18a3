"""Case lifecycle from the playbooks: stages, cadence, resolution target, triggers. Pure: no I/O."""

from coach.cases.cadence import (
    DEFAULT_CADENCE, REPORTED, RESOLUTION_TARGET_DAYS, CadenceReport, CadenceStep, StepState,
    cadence_report, case_day, past_target, resolution_warning,
)
from coach.cases.stages import (
    CLOSED, RESOLVED, Stage, StageTransitionError, allowed_next, parse_stage,
    stage_after_customer_turn, transition,
)
from coach.cases.triggers import (
    REENGAGEMENT_DAYS, TriggerKind, TriggerPlan, default_triggers, due_date, is_due, merge_triggers,
    plan_trigger,
)

__all__ = [
    "DEFAULT_CADENCE", "REPORTED", "RESOLUTION_TARGET_DAYS", "CadenceReport", "CadenceStep", "StepState",
    "cadence_report", "case_day", "past_target", "resolution_warning",
    "CLOSED", "RESOLVED", "Stage", "StageTransitionError", "allowed_next", "parse_stage",
    "stage_after_customer_turn", "transition",
    "REENGAGEMENT_DAYS", "TriggerKind", "TriggerPlan", "default_triggers", "due_date", "is_due",
    "merge_triggers", "plan_trigger",
]

"""Case lifecycle from the playbooks: stages, cadence, resolution target, triggers. Pure: no I/O."""

from coach.cases.cadence import REPORTED, RESOLUTION_TARGET_DAYS, CadenceReport, cadence_report
from coach.cases.stages import RESOLVED, Stage, StageTransitionError, parse_stage, transition
from coach.cases.triggers import TRIGGER_KINDS, TriggerDays, TriggerPlan, plan_trigger

__all__ = [
    "REPORTED", "RESOLUTION_TARGET_DAYS", "CadenceReport", "cadence_report",
    "RESOLVED", "Stage", "StageTransitionError", "parse_stage", "transition",
    "TRIGGER_KINDS", "TriggerDays", "TriggerPlan", "plan_trigger",
]

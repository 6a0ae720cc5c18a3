"""Re-engagement triggers, pause dates and the negotiation cadence, all computed from `today`."""

from __future__ import annotations

from datetime import date, timedelta

from coach.accounts import add_months
from coach.policy.decision import CadenceStep
from coach.policy.models import Trigger
from coach.policy.schema import Policy

TRIGGER_KINDS = (
    "employee_count", "budget_cycle", "feature_release", "reengagement_90d",
    "performance_gap_review", "upgrade_path", "resume_billing",
)

# Which triggers each root cause and each play calls for (the cause says *when* conditions may
# improve; the play says what has to be checked after the change).
CAUSE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "budget_cut": ("budget_cycle",),
    "org_shrinking": ("employee_count",),
    "usage_gap": ("reengagement_90d", "feature_release"),
    "value_perception": ("performance_gap_review", "feature_release"),
    "strategic_shift": ("reengagement_90d",),
    "competitive_displacement": ("reengagement_90d",),
    "unknown": ("reengagement_90d",),
}
PLAY_TRIGGERS: dict[str, tuple[str, ...]] = {
    "pause_not_cancel": ("resume_billing", "reengagement_90d"),
    "pause_plan": ("resume_billing",),
    "suspend_module": ("reengagement_90d",),
    "remove_with_review": ("performance_gap_review",),
    "creative_swap": ("performance_gap_review",),
    "value_engineering": ("performance_gap_review",),
    "course_correct": ("performance_gap_review",),
    "downgrade_with_upgrade_path": ("upgrade_path", "feature_release"),
    "accept_with_reengagement": ("reengagement_90d",),
}
KIND_TRIGGERS: dict[str, tuple[str, ...]] = {"tier_downgrade": ("upgrade_path",)}


def pause_window(today: date, months: int, start: date | None = None) -> tuple[date, date]:
    """(first paused day, resume-billing day) for a pause of whole calendar months.

    The current month is billed as usual; the pause starts on the first day of the next month (or
    on `start`, a later first of a month the customer named) and billing resumes on the first day
    of the month after the last paused month.
    Example: today 2026-06-15, 3 months -> paused July, August, September; resume 2026-10-01.
    """
    first = add_months(today.replace(day=1), 1)
    begin = start if start is not None and start >= first else first
    return begin, add_months(begin, months)


def stated_pause(today: date, months_default: int, months_max: int, *, start_month: int | None,
                 months: int | None, resume_month: int | None) -> tuple[date, int]:
    """(first paused day, months) for the period the customer named ("June to August", "until
    February", "for two months"), within the policy's maximum; unstated parts take the defaults.
    A month is its next first day from next month on: in November, "January" is next January."""
    start, asked = asked_pause(today, start_month=start_month, months=months, resume_month=resume_month)
    return start, min(max(1, asked or months_default), months_max)


def asked_pause(today: date, *, start_month: int | None, months: int | None,
                resume_month: int | None) -> tuple[date, int | None]:
    """(first paused day, the months the customer asked for, before any policy maximum; None: unstated)."""
    first = add_months(today.replace(day=1), 1)
    start = first
    if start_month is not None:
        start = next(add_months(first, k) for k in range(12) if add_months(first, k).month == start_month)
    if months is None and resume_month is not None and start_month is None:
        months = (resume_month - start.month) % 12 or None
    return start, months


def _trigger(kind: str, today: date, policy: Policy, resume: date | None) -> Trigger:
    t = policy.triggers
    gap_lo, gap_hi = policy.performance_gap_review_months
    if kind == "resume_billing" and resume is not None:
        return Trigger(kind=kind, due_date=resume.isoformat(),
                       description=f"Billing resumes on {resume.isoformat()}: confirm the restart in "
                                   "writing a week before and plan the first month back")
    if kind == "performance_gap_review":
        due = add_months(today, gap_lo)
        return Trigger(kind=kind, due_date=due.isoformat(),
                       description=f"Review the performance gap {gap_lo}-{gap_hi} months after the change "
                                   "(traffic, site behaviour, leads) in the monthly report; "
                                   "re-offer the service if results dropped")
    days, text = {
        "employee_count": (t.employee_count_days, "Check the customer's headcount: if it grows again, "
                                                  "right-size seats back up"),
        "budget_cycle": (t.budget_cycle_days, "Next budget cycle: revisit the package at the new budget"),
        "feature_release": (t.feature_release_days, "Share the next relevant feature or service release "
                                                    "and offer a trial"),
        "upgrade_path": (t.upgrade_path_days, "Review usage against the lower tier's limits and propose "
                                              "the upgrade path back"),
        "reengagement_90d": (policy.reengagement_days, f"Re-engage {policy.reengagement_days} days on: "
                                                       "have conditions improved? Revisit the full package"),
    }.get(kind, (policy.reengagement_days, "Re-engage the customer"))
    return Trigger(kind=kind, due_date=(today + timedelta(days=days)).isoformat(), description=text)


def build_triggers(play: str, root_cause: str, today: date, policy: Policy, *,
                   request_kind: str = "other", resume: date | None = None) -> list[Trigger]:
    """At least one trigger for every outcome, unique by kind, soonest first."""
    kinds = [*PLAY_TRIGGERS.get(play, ()), *KIND_TRIGGERS.get(request_kind, ()),
             *CAUSE_TRIGGERS.get(root_cause, ())]
    if resume is None:
        kinds = [k for k in kinds if k != "resume_billing"]
    unique = list(dict.fromkeys(kinds)) or ["reengagement_90d"]
    triggers = [_trigger(k, today, policy, resume) for k in unique]
    return sorted(triggers, key=lambda tr: (tr.due_date, unique.index(tr.kind)))


def build_cadence(today: date, policy: Policy) -> list[CadenceStep]:
    """The negotiation calendar: day 1 is `today`."""
    return [
        CadenceStep(step=name, start=(today + timedelta(days=r.first - 1)).isoformat(),
                    end=(today + timedelta(days=r.last - 1)).isoformat())
        for name, r in policy.cadence.steps()
    ]

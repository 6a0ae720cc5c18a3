"""Case stages and the moves allowed between them (pure: no I/O, no clock)."""

from __future__ import annotations

from enum import StrEnum

from coach.errors import CoachInputError


class Stage(StrEnum):
    """Where a downsell case stands, following the playbook's flow."""

    ACKNOWLEDGED = "acknowledged"  # day 1: request heard, no pushback
    DIAGNOSING = "diagnosing"  # root-cause conversation under way
    COUNTER_SENT = "counter_sent"  # right-sized counter-proposal with the customer
    ACCEPTED = "accepted"  # customer took the counter; contract to sign
    ESCALATED = "escalated"  # customer pushed past the counter; VP CS engaged
    DOWNSELL_ACCEPTED = "downsell_accepted"  # we accept the reduction and preserve the relationship
    TRIGGERS_SET = "triggers_set"  # re-engagement triggers recorded; case closed


class StageTransitionError(CoachInputError):
    """A stage change the playbook does not allow (e.g. reopening a closed case)."""


# The flowchart: acknowledge -> diagnose -> counter -> (accept | escalate -> counter again | accept
# the downsell) -> set triggers. Skipping diagnosis is allowed (some customers state the cause up
# front); going backwards is not, except a new counter after an escalation.
TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    Stage.ACKNOWLEDGED: frozenset({Stage.DIAGNOSING, Stage.COUNTER_SENT, Stage.ESCALATED,
                                   Stage.DOWNSELL_ACCEPTED}),
    Stage.DIAGNOSING: frozenset({Stage.COUNTER_SENT, Stage.ESCALATED, Stage.DOWNSELL_ACCEPTED}),
    Stage.COUNTER_SENT: frozenset({Stage.COUNTER_SENT, Stage.ACCEPTED, Stage.ESCALATED,
                                   Stage.DOWNSELL_ACCEPTED}),
    Stage.ESCALATED: frozenset({Stage.COUNTER_SENT, Stage.ACCEPTED, Stage.DOWNSELL_ACCEPTED}),
    Stage.ACCEPTED: frozenset({Stage.TRIGGERS_SET}),
    Stage.DOWNSELL_ACCEPTED: frozenset({Stage.TRIGGERS_SET}),
    Stage.TRIGGERS_SET: frozenset(),
}

# An outcome has been agreed: the 30-day resolution clock stops here.
RESOLVED: frozenset[Stage] = frozenset({Stage.ACCEPTED, Stage.DOWNSELL_ACCEPTED, Stage.TRIGGERS_SET})
CLOSED: frozenset[Stage] = frozenset({Stage.TRIGGERS_SET})


def parse_stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        allowed = ", ".join(s.value for s in Stage)
        raise CoachInputError(f"unknown stage {value!r}; expected one of {allowed}", field="stage") from None


def allowed_next(stage: Stage) -> list[Stage]:
    """The stages a case may move to from `stage`, in flow order."""
    return [s for s in Stage if s in TRANSITIONS[stage]]


def transition(current: Stage, target: Stage) -> Stage:
    """Check a stage change against the flow; return the new stage or raise StageTransitionError."""
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(s.value for s in allowed_next(current)) or "none (the case is closed)"
        raise StageTransitionError(
            f"cannot move a case from {current.value} to {target.value}; allowed: {allowed}",
            field="stage",
        )
    return target


def stage_after_customer_turn(current: Stage, customer_turns_before: int) -> Stage:
    """A customer replying to the acknowledgment means the diagnostic conversation has begun."""
    if current is Stage.ACKNOWLEDGED and customer_turns_before >= 1:
        return Stage.DIAGNOSING
    return current

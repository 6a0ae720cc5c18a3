from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cases.stages import (
    CLOSED,
    RESOLVED,
    TRANSITIONS,
    Stage,
    StageTransitionError,
    allowed_next,
    parse_stage,
    stage_after_customer_turn,
    transition,
)
from coach.errors import CoachInputError


def test_playbook_flow_is_allowed() -> None:
    path = [Stage.DIAGNOSING, Stage.COUNTER_SENT, Stage.ESCALATED, Stage.COUNTER_SENT, Stage.ACCEPTED,
            Stage.TRIGGERS_SET]
    stage = Stage.ACKNOWLEDGED
    for target in path:
        stage = transition(stage, target)
    assert stage is Stage.TRIGGERS_SET


def test_downsell_accepted_then_triggers() -> None:
    assert transition(transition(Stage.COUNTER_SENT, Stage.DOWNSELL_ACCEPTED), Stage.TRIGGERS_SET) \
        is Stage.TRIGGERS_SET


def test_backwards_move_names_the_allowed_stages() -> None:
    with pytest.raises(StageTransitionError, match="allowed: diagnosing, counter_sent"):
        transition(Stage.ACKNOWLEDGED, Stage.ACCEPTED)


def test_closed_case_cannot_move() -> None:
    with pytest.raises(StageTransitionError, match="closed"):
        transition(Stage.TRIGGERS_SET, Stage.DIAGNOSING)


def test_unknown_stage_is_input_error() -> None:
    with pytest.raises(CoachInputError, match="unknown stage 'won'"):
        parse_stage("won")


@pytest.mark.slow
@given(st.lists(st.sampled_from(list(Stage)), max_size=12))
def test_never_leaves_triggers_set_and_only_follows_the_table(moves: list[Stage]) -> None:
    stage = Stage.ACKNOWLEDGED
    for target in moves:
        try:
            new = transition(stage, target)
        except StageTransitionError:
            assert target not in TRANSITIONS[stage]
            continue
        assert stage not in CLOSED
        stage = new
    assert set(allowed_next(stage)) == set(TRANSITIONS[stage])


def test_resolved_stages() -> None:
    assert RESOLVED == {Stage.ACCEPTED, Stage.DOWNSELL_ACCEPTED, Stage.TRIGGERS_SET}


def test_customer_reply_starts_diagnosis() -> None:
    assert stage_after_customer_turn(Stage.ACKNOWLEDGED, 0) is Stage.ACKNOWLEDGED
    assert stage_after_customer_turn(Stage.ACKNOWLEDGED, 1) is Stage.DIAGNOSING
    assert stage_after_customer_turn(Stage.COUNTER_SENT, 3) is Stage.COUNTER_SENT

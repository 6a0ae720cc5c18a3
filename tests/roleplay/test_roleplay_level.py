"""The card's level follows the trainers' rule exactly (evals/heldout/README.md): met 25, partial 12,
missed 0; 100 excellent, 87 proficient, 37 developing; any failure caps at proficient, F1 or F5 at
developing, both at needs coaching."""

from __future__ import annotations

import pytest

from coach.roleplay.level import LEVEL_RULE, level_for, with_rule_points
from coach.roleplay.models import ComponentScore, Evidence, FailureMode

IDS = ("acknowledgment", "diagnosis", "counter", "triggers")


def _components(statuses: str) -> list[ComponentScore]:
    """"mmpx": met, met, partial, missed; the finer points a scorer gave are replaced by the rule's."""
    full = {"m": ("met", 25), "p": ("partial", 15), "x": ("missed", 5)}
    return [with_rule_points(ComponentScore(id=cid, title=cid, points=full[s][1], status=full[s][0],  # type: ignore[arg-type]
                                            summary="")) for cid, s in zip(IDS, statuses, strict=True)]


def _failures(triggered: str) -> list[FailureMode]:
    return [FailureMode(id=f, title=f"title {f}", status="triggered" if f in triggered.split() else "ok",  # type: ignore[arg-type]
                        triggered=f in triggered.split(), summary="",
                        evidence=[Evidence(turn=2, quote="q", note="n")]) for f in ("F1", "F2", "F3", "F4", "F5")]


@pytest.mark.parametrize(("statuses", "triggered", "score", "level"), [
    ("mmmm", "", 100, "excellent"),
    ("mmmp", "", 87, "proficient"),          # the threshold itself
    ("mmpp", "", 74, "developing"),
    ("mxxp", "", 37, "developing"),          # the threshold itself
    ("mxxx", "", 25, "needs coaching"),
    ("pppx", "", 36, "needs coaching"),      # one below
    ("xxxx", "", 0, "needs coaching"),
    ("mmmm", "F4", 100, "proficient"),       # any failure caps at proficient
    ("mmmp", "F2 F3", 87, "proficient"),     # the cap does not lower what is earned below it
    ("mmmm", "F5", 100, "developing"),       # F5 caps at developing
    ("mmmp", "F1", 87, "developing"),
    ("mmmm", "F1 F5", 100, "needs coaching"),  # both: needs coaching
    ("mpxx", "F1", 37, "developing"),
    ("xxxx", "F1 F5", 0, "needs coaching"),
])
def test_level_rule(statuses: str, triggered: str, score: int, level: str) -> None:
    total, got, why = level_for(_components(statuses), _failures(triggered))
    assert (total, got) == (score, level)
    assert why.startswith(f"{score}/100 earns ")


def test_points_on_the_card_are_the_rules() -> None:
    assert [c.points for c in _components("mpxm")] == [25, 12, 0, 25]


def test_the_reason_names_what_capped_the_level() -> None:
    _, level, why = level_for(_components("mmmm"), _failures("F2 F5"))
    assert level == "developing"
    assert why == "100/100 earns excellent, capped at developing by F5 (title f5, turn 2)"
    _, level, why = level_for(_components("mmmm"), _failures("F4"))
    assert why == "100/100 earns excellent, capped at proficient by F4 (title f4, turn 2)"
    _, _, why = level_for(_components("mmpp"), _failures("F3"))
    assert why == "74/100 earns developing (triggered too, without lowering it: F3 (title f3, turn 2))"
    assert level_for(_components("mmmm"), _failures(""))[2] == "100/100 earns excellent, with no failure mode triggered"


def test_the_rule_text_states_the_numbers() -> None:
    for bit in ("25 when met", "12 when partial", "0 when missed", "100 is excellent", "87 or more proficient",
                "37 or more developing", "at proficient", "F1 or F5 at developing", "F1 and F5 together at needs"):
        assert bit in LEVEL_RULE

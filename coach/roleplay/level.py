"""The level rule the trainers judge by (evals/heldout/README.md, "How the verdicts were judged"), and the
card's score with it: each component's verdict earns fixed points, the total earns a level, and
triggered failure modes cap it. Pure: a function of the component verdicts and the failure modes."""

from __future__ import annotations

from typing import Literal

from coach.roleplay.models import ComponentScore, FailureMode

Level = Literal["excellent", "proficient", "developing", "needs coaching"]
POINTS = {"met": 25, "partial": 12, "missed": 0}
# (lowest total, level), best first
THRESHOLDS: tuple[tuple[int, Level], ...] = ((100, "excellent"), (87, "proficient"), (37, "developing"),
                                             (0, "needs coaching"))
_ORDER: tuple[Level, ...] = ("needs coaching", "developing", "proficient", "excellent")
LEVEL_RULE = ("each component earns 25 when met, 12 when partial, 0 when missed; 100 is excellent, 87 or more "
              "proficient, 37 or more developing, below 37 needs coaching. Caps: any triggered failure mode "
              "caps the level at proficient, F1 or F5 at developing, F1 and F5 together at needs coaching.")


def with_rule_points(c: ComponentScore) -> ComponentScore:
    """The component with the points its verdict earns under the rule."""
    return c.model_copy(update={"points": POINTS[c.status], "max_points": POINTS["met"]})


def earned(total: int) -> Level:
    return next(level for floor, level in THRESHOLDS if total >= floor)


def cap(failed: set[str]) -> Level:
    """The highest level the triggered failure modes allow."""
    if {"F1", "F5"} <= failed:
        return "needs coaching"
    if failed & {"F1", "F5"}:
        return "developing"
    return "proficient" if failed else "excellent"


def level_for(components: list[ComponentScore], failures: list[FailureMode]) -> tuple[int, Level, str]:
    """(score, level, why) for components already carrying rule points."""
    total = sum(c.points for c in components)
    got = earned(total)
    failed = [f for f in failures if f.triggered]
    causes = [f"{f.id} ({f.title.lower()}, turn {f.evidence[0].turn})" if f.evidence else f.id for f in failed]
    ceiling = cap({f.id for f in failed})
    why = f"{total}/100 earns {got}"
    if _ORDER.index(ceiling) < _ORDER.index(got):
        binding = [c for c, f in zip(causes, failed, strict=True) if ceiling == "proficient" or f.id in ("F1", "F5")]
        return total, ceiling, f"{why}, capped at {ceiling} by " + "; ".join(binding)
    if causes:
        why += " (triggered too, without lowering it: " + "; ".join(causes) + ")"
    elif got != "needs coaching":
        why += ", with no failure mode triggered"
    return total, got, why

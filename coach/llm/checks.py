"""Model output through the one guard (coach.guard), plus the one check only a model needs: the
restated proposal must equal the policy's numbers."""

from __future__ import annotations

from coach.drafting.context import DraftContext
from coach.llm.schemas import Restated
from coach.policy.models import CounterProposal


def check_acknowledgment(text: str, ctx: DraftContext) -> list[str]:
    return ctx.check(text, "acknowledgment")


def check_counter_message(text: str, ctx: DraftContext) -> list[str]:
    assert ctx.decision.counter is not None, "no counter-proposal to write"
    return ctx.check(text, ctx.counter_stage(), "counter_proposal")


def _same(a: float | int | str | None, b: float | int | str | None) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return (a or None) == (b or None)
    return abs(float(a or 0) - float(b or 0)) < 0.006


def check_restated(restated: Restated, counter: CounterProposal) -> list[str]:
    """The model must restate the policy's proposal, not invent its own."""
    return [
        f"counter_proposal: restated {name} is {getattr(restated, name)!r} but the proposal says "
        f"{getattr(counter, name)!r}"
        for name in ("discount_pct", "new_mrr", "term_extension_months", "pause_months", "resume_date")
        if not _same(getattr(restated, name), getattr(counter, name))
    ]


def check_questions(questions: list[str], ctx: DraftContext, n: int) -> list[str]:
    problems = [] if len(questions) == n else [f"diagnosis_questions: {len(questions)} questions, expected {n}"]
    return problems + ctx.check("\n".join(questions), "questions", "diagnosis_questions")

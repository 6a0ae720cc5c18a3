"""LLMDrafter: the model writes the words; the policy's numbers are inputs it must restate.

Each part is one `coach.llm.Task`: its prompt file, the variables built from the DraftContext, the
guard's rule set for that part (plus the restated-numbers check), the template text as the fallback
and the draft's budget. The model seam (coach.llm.ModelWriter) asks, re-asks with the failures at
most COACH_LLM_REASKS times and falls back; a `Fallback` records which part and why. All parts of
one draft share one time budget and are written concurrently.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from coach.config import Settings
from coach.drafting import prompt_vars
from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.cross_check import disagreements
from coach.drafting.engine import TemplateDrafter
from coach.drafting.models import Fallback
from coach.knowledge.search import Hit
from coach.llm.calls import Budget
from coach.llm.schemas import Restated
from coach.llm.stream import StreamPiece
from coach.llm.write import ModelWriter, Task
from coach.policy.models import CounterProposal

log = logging.getLogger("coach.drafting")
PARTS = {"acknowledgment": ("acknowledgment", "text"), "counter_proposal": ("counter_message", "message")}
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="coach-llm-part")
        return _pool


# -- the checks a model's draft text must pass ------------------------------------------------------
def check_acknowledgment(text: str, ctx: DraftContext) -> list[str]:
    return ctx.check(text, "acknowledgment", author="model")


def check_counter_message(text: str, ctx: DraftContext) -> list[str]:
    assert ctx.decision.counter is not None, "no counter-proposal to write"
    return ctx.check(text, ctx.counter_stage(), "counter_proposal", author="model")


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
    return problems + ctx.check("\n".join(questions), "questions", "diagnosis_questions", author="model")


class PreparedDraft:
    """One draft's texts, already written and checked; satisfies the engine's Drafter protocol."""

    def __init__(self, name: str, texts: dict[str, str], fallbacks: list[Fallback], notes: list[str]) -> None:
        self.name, self.texts, self.fallbacks, self.notes = name, texts, fallbacks, notes

    def acknowledgment(self, ctx: DraftContext) -> str:
        return self.texts["acknowledgment"]

    def counter_message(self, ctx: DraftContext) -> str:
        return self.texts.get("counter_proposal", "")


class LLMDrafter:
    name = "llm"

    def __init__(self, settings: Settings, model: Any = None, *, knowledge: Any = None,
                 callbacks: list[Any] | None = None, cross_check: bool = True) -> None:
        if callbacks is None:
            from coach.llm.callbacks import production_callbacks

            callbacks = production_callbacks()
        self.settings = settings
        self.writer = ModelWriter(settings, model, callbacks)
        self.template = TemplateDrafter(settings.prompts_dir)
        self.knowledge = knowledge
        self.cross_check_enabled = cross_check

    def unavailable_reason(self) -> str | None:
        return self.writer.unavailable_reason()

    def budget(self) -> Budget:
        return Budget(self.settings.llm_total_timeout)

    def _passages(self, ctx: DraftContext) -> list[Hit]:
        """The engine already retrieved for this draft (those passages are the citations): reuse them,
        so what the model read is what the draft cites. Query the index only when there are none."""
        if ctx.passages:
            return ctx.passages[: prompt_vars.MAX_PASSAGES]
        if self.knowledge is None:
            return []
        return list(self.knowledge.search(ctx.message[:500], prompt_vars.MAX_PASSAGES))

    def variables(self, task: str, ctx: DraftContext, n_questions: int = 3) -> dict[str, str]:
        return prompt_vars.variables(task, ctx, self._passages(ctx), n_questions)

    # -- the parts --------------------------------------------------------------------------------
    def template_text(self, part: str, ctx: DraftContext) -> str:
        return (
            self.template.acknowledgment(ctx)
            if part == "acknowledgment"
            else self.template.counter_message(ctx)
        )

    def _validator(self, part: str, ctx: DraftContext) -> Callable[[Any], list[str]]:
        if part == "acknowledgment":
            return lambda o: check_acknowledgment(o.text.strip(), ctx)
        counter = ctx.decision.counter
        assert counter is not None
        return lambda o: check_restated(o.restated, counter) + check_counter_message(o.message.strip(), ctx)

    def task(self, part: str, ctx: DraftContext, budget: Budget) -> Task[str]:
        name, field = PARTS[part]
        return Task(name, self.variables(name, ctx), take=lambda o: getattr(o, field).strip(),
                    fallback=lambda: self.template_text(part, ctx), budget=budget,
                    check=self._validator(part, ctx), part=part)

    def write(self, part: str, ctx: DraftContext, budget: Budget) -> tuple[str, Fallback | None]:
        """One part's checked model text, or the template text and the reason it fell back."""
        out = self.writer.write(self.task(part, ctx, budget))
        return out.value, None if out.fallback is None else Fallback(part=part, reason=out.fallback)

    def cross_check(self, ctx: DraftContext, budget: Budget) -> tuple[list[str], Fallback | None]:
        """The model's reading of the message against the offline classifier's: notes, or why not."""
        task: Task[list[str]] = Task(
            "diagnosis", self.variables("diagnosis", ctx), budget=budget, part="diagnosis_check",
            take=lambda o: disagreements(o, ctx.diagnosis, d_hardship(ctx)), fallback=lambda: [],
        )
        out = self.writer.write(task)
        if out.fallback is None:
            return out.value, None
        return [], Fallback(part="diagnosis_check", reason=out.fallback + " (offline classifier only)")

    def diagnosis_questions(self, ctx: DraftContext, n: int = 3, budget: Budget | None = None) -> list[str] | None:
        """Model-worded diagnosis questions, checked; None when they fail (use the built-in questions)."""
        if self.unavailable_reason():
            return None
        out: Any = self.writer.write(Task(
            "diagnosis_questions", self.variables("diagnosis_questions", ctx, n), budget=budget or self.budget(),
            take=lambda o: o.questions, fallback=lambda: None,
            check=lambda o: check_questions(o.questions, ctx, n),
        ))
        return out.value

    # -- whole drafts -----------------------------------------------------------------------------
    def start_cross_check(self, ctx: DraftContext, budget: Budget) -> Future[tuple[list[str], Fallback | None]]:
        """The diagnosis cross-check in the background; `.result()` gives (notes, fallback)."""
        if not self.cross_check_enabled:
            done: Future[tuple[list[str], Fallback | None]] = Future()
            done.set_result(([], None))
            return done
        return _executor().submit(self.cross_check, ctx, budget)

    def prepare(self, ctx: DraftContext, budget: Budget | None = None) -> PreparedDraft:
        """Write every part concurrently within one budget; the engine then assembles and re-checks."""
        budget = budget or self.budget()
        parts = ["acknowledgment"] + (["counter_proposal"] if ctx.decision.counter is not None else [])
        check = self.start_cross_check(ctx, budget)
        futures = {p: _executor().submit(self.write, p, ctx, budget) for p in parts}
        texts, fallbacks = {}, []
        for part, fut in futures.items():
            texts[part], fb = fut.result()
            if fb is not None:
                fallbacks.append(fb)
        notes, fb = check.result()  # bounded by the same budget
        if fb is not None:
            fallbacks.append(fb)
        return PreparedDraft(self.name, texts, fallbacks, notes)

    def acknowledgment(self, ctx: DraftContext) -> str:
        return self.write("acknowledgment", ctx, self.budget())[0]

    def counter_message(self, ctx: DraftContext) -> str:
        return self.write("counter_proposal", ctx, self.budget())[0]

    def stream_part(self, part: str, ctx: DraftContext, budget: Budget) -> Iterator[StreamPiece]:
        """Provisional tokens, then `final` (checked) or `replace` (the template text and why)."""
        yield from self.writer.stream(self.task(part, ctx, budget), PARTS[part][1])


_DRAFTERS: dict[tuple, LLMDrafter] = {}


def drafter_for(settings: Settings, knowledge: Any = None) -> LLMDrafter:
    """One LLMDrafter per model configuration (and index) per process."""
    key = (
        settings.llm_model,
        settings.llm_base_url,
        settings.llm_api_key,
        settings.llm_temperature,
        settings.llm_connect_timeout,
        settings.llm_first_token_timeout,
        settings.llm_total_timeout,
        settings.llm_live_budget,
        settings.llm_retries,
        settings.llm_reasks,
        str(settings.prompts_dir),
        id(knowledge),
    )
    if key not in _DRAFTERS:
        _DRAFTERS[key] = LLMDrafter(settings, knowledge=knowledge)
    return _DRAFTERS[key]

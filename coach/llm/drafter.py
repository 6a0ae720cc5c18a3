"""LLMDrafter: the model writes the words; the policy's numbers are inputs it must restate.

Each part is validated (schema, then the guard), re-asked with the failures at most
COACH_LLM_REASKS times, then replaced by the template text; a `Fallback` says which part and why.
All parts of one draft share one time budget (COACH_LLM_TOTAL_TIMEOUT) and run concurrently.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from coach.config import Settings
from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.engine import TemplateDrafter
from coach.drafting.models import Fallback
from coach.llm import calls, checks, client
from coach.llm.callbacks import production_callbacks
from coach.llm.calls import Budget
from coach.llm.chains import PlaybookRetriever, parse_output, prompt_chain, prompt_messages
from coach.llm.diagnosis import disagreements
from coach.llm.errors import FATAL, ModelUnavailable, OutputRejected
from coach.llm.prompts import load_prompts
from coach.llm.reask import ask_until_valid
from coach.llm.schemas import AcknowledgmentOut, CounterMessageOut, DiagnosisOut, DiagnosisQuestionsOut
from coach.llm.stream import FieldStreamer, StreamPiece

log = logging.getLogger("coach.llm")
PARTS = {"acknowledgment": ("acknowledgment", "text"), "counter_proposal": ("counter_message", "message")}
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="coach-llm-part")
        return _pool


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

    def __init__(
        self,
        settings: Settings,
        model: BaseChatModel | None = None,
        *,
        knowledge: Any = None,
        callbacks: list[Any] | None = None,
        cross_check: bool = True,
    ) -> None:
        self.settings = settings
        self._model = model
        self.template = TemplateDrafter(settings.prompts_dir)
        self.prompts = load_prompts(settings.prompts_dir)
        self.retriever = PlaybookRetriever(knowledge=knowledge)
        self.chains = {
            task: prompt_chain(p, self.retriever)
            for task, p in self.prompts.items()
            if task != "roleplay_customer"
        }
        self.callbacks = production_callbacks() if callbacks is None else callbacks
        self.cross_check_enabled = cross_check

    # -- the seam ---------------------------------------------------------------------------------
    def model(self) -> BaseChatModel:
        if self._model is None:
            self._model = client.chat_model(self.settings)
        return self._model

    def unavailable_reason(self) -> str | None:
        return None if self._model is not None else client.unavailable_reason(self.settings)

    def budget(self) -> Budget:
        return Budget(self.settings.llm_total_timeout)

    def _config(self, task: str) -> dict[str, Any]:
        return {"callbacks": self.callbacks, "run_name": f"coach.prompt.{task}"}

    def _messages(self, task: str, ctx: DraftContext) -> list[BaseMessage]:
        return prompt_messages(self.chains[task], ctx, self._config(task))

    def _attempts(
        self,
        task: str,
        schema: type[BaseModel],
        messages: list[BaseMessage],
        budget: Budget,
        validate: Callable[[Any], list[str]],
    ) -> tuple[Any, int]:
        return ask_until_valid(
            self.model(), messages, schema, validate, settings=self.settings, task=task, budget=budget,
            callbacks=self.callbacks,
        )

    # -- the parts --------------------------------------------------------------------------------
    def template_text(self, part: str, ctx: DraftContext) -> str:
        return (
            self.template.acknowledgment(ctx)
            if part == "acknowledgment"
            else self.template.counter_message(ctx)
        )

    def _validator(self, part: str, ctx: DraftContext) -> Callable[[Any], list[str]]:
        if part == "acknowledgment":
            return lambda o: checks.check_acknowledgment(o.text.strip(), ctx)
        counter = ctx.decision.counter
        assert counter is not None
        return lambda o: (
            checks.check_restated(o.restated, counter) + checks.check_counter_message(o.message.strip(), ctx)
        )

    def _schema(self, part: str) -> type[BaseModel]:
        return AcknowledgmentOut if part == "acknowledgment" else CounterMessageOut

    def write(self, part: str, ctx: DraftContext, budget: Budget) -> tuple[str, Fallback | None]:
        """One part's checked model text, or the template text and the reason it fell back."""
        task, field = PARTS[part]
        try:
            if reason := self.unavailable_reason():
                raise ModelUnavailable(reason)
            obj, _ = self._attempts(
                task, self._schema(part), self._messages(task, ctx), budget, self._validator(part, ctx)
            )
            return getattr(obj, field).strip(), None
        except FATAL:
            raise
        except Exception as exc:
            return self.template_text(part, ctx), self._fallback(part, exc)

    @staticmethod
    def _fallback(part: str, exc: BaseException) -> Fallback:
        if isinstance(exc, ModelUnavailable):
            reason = f"model unavailable: {exc}"
        elif isinstance(exc, OutputRejected):
            tries = f"{exc.attempts} attempts" if exc.attempts > 1 else "1 attempt, no re-ask while streaming"
            reason = f"model output failed the checks ({tries}): " + "; ".join(exc.problems[:3])
        else:  # a bug or an unexpected library error still never costs the user the draft
            log.warning("%s: unexpected error, using the template text", part, exc_info=exc)
            reason = f"unexpected error: {calls.describe(exc)}"
        log.info("%s fell back to the template: %s", part, reason)
        return Fallback(part=part, reason=reason)

    def cross_check(self, ctx: DraftContext, budget: Budget) -> tuple[list[str], Fallback | None]:
        """The model's reading of the message against the offline classifier's: notes, or why not."""
        try:
            if reason := self.unavailable_reason():
                raise ModelUnavailable(reason)
            obj, _ = self._attempts(
                "diagnosis", DiagnosisOut, self._messages("diagnosis", ctx), budget, lambda o: []
            )
            return disagreements(obj, ctx.diagnosis, d_hardship(ctx)), None
        except FATAL:
            raise
        except Exception as exc:
            fb = self._fallback("diagnosis_check", exc)
            return [], Fallback(part=fb.part, reason=fb.reason + " (offline classifier only)")

    def diagnosis_questions(
        self, ctx: DraftContext, n: int = 3, budget: Budget | None = None
    ) -> list[str] | None:
        """Model-worded diagnosis questions, checked; None when they fail (use the built-in questions)."""
        try:
            if self.unavailable_reason():
                return None
            chain = prompt_chain(self.prompts["diagnosis_questions"], self.retriever, n_questions=n)
            messages = prompt_messages(chain, ctx, self._config("diagnosis_questions"))
            obj, _ = self._attempts(
                "diagnosis_questions",
                DiagnosisQuestionsOut,
                messages,
                budget or self.budget(),
                lambda o: checks.check_questions(o.questions, ctx, n),
            )
            return obj.questions
        except FATAL:
            raise
        except Exception as exc:
            self._fallback("diagnosis_questions", exc)
            return None

    # -- whole drafts -----------------------------------------------------------------------------
    def start_cross_check(
        self, ctx: DraftContext, budget: Budget
    ) -> Future[tuple[list[str], Fallback | None]]:
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
        task, field = PARTS[part]
        streamer = FieldStreamer(field)
        try:
            if reason := self.unavailable_reason():
                raise ModelUnavailable(reason)
            for chunk in calls.stream(
                self.model(),
                self._messages(task, ctx),
                settings=self.settings,
                task=task,
                budget=budget,
                callbacks=self.callbacks,
            ):
                if delta := streamer.feed(chunk):
                    yield StreamPiece("token", delta)
            obj, problems = parse_output(self._schema(part), streamer.raw)
            if obj is not None:
                problems = self._validator(part, ctx)(obj)
            if problems:
                raise OutputRejected(task, problems, 1)
            yield StreamPiece("final", getattr(obj, field).strip())
        except FATAL:
            raise
        except Exception as exc:
            fb = self._fallback(part, exc)
            yield StreamPiece("replace", self.template_text(part, ctx), fb.reason)


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

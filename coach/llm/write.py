"""The one way a model writes anything: a `Task` names the prompt file (whose front matter names the
output schema), the variables, the check (the guard's rule set for that text), the fallback and the
budget; `ModelWriter.write` asks, validates, re-asks with the problems, and falls back.

Drafting, outreach, the role-play customer and the eval judge all call it; none of them re-implements
re-ask or fallback, and none of them sees a LangChain or OpenAI type.

    writer = ModelWriter(settings)                      (or ModelWriter(settings, FakeChatModel()...))
    out = writer.write(Task("acknowledgment", variables, check=..., take=lambda o: o.text.strip(),
                            fallback=lambda: template_text, budget=Budget(15)))
    out.value, out.fallback                             (the checked text, or the template and why)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from langchain_core.language_models import BaseChatModel

from coach.config import Settings
from coach.llm import calls, client
from coach.llm.calls import Budget
from coach.llm.errors import FATAL, ModelUnavailable, OutputRejected
from coach.llm.parse import parse_output
from coach.llm.prompts import Prompt, load_prompts
from coach.llm.reask import ask_until_valid
from coach.llm.stream import FieldStreamer, StreamPiece

log = logging.getLogger("coach.llm")
T = TypeVar("T")


def no_problems(_: Any) -> list[str]:
    return []


@dataclass
class Task(Generic[T]):
    """One text to write. `check` returns the problems (worded for the model) of a parsed output;
    `take` turns an accepted output into the value; `fallback` gives the value when the model fails."""

    name: str  # prompts/llm/<name>.md, also the X-Coach-Task header and the fake model's queue
    variables: dict[str, str]
    take: Callable[[Any], T]
    fallback: Callable[[], T]
    budget: Budget
    check: Callable[[Any], list[str]] = no_problems
    reasks: int | None = None  # None: COACH_LLM_REASKS
    part: str = ""  # the name the fallback reason is recorded under (default: the task)


@dataclass
class Written(Generic[T]):
    value: T
    fallback: str | None = None  # None: the model's checked output; else why the fallback was used
    attempts: int = 0  # model answers read (0: the model was never reached)

    @property
    def from_model(self) -> bool:
        return self.fallback is None


def fallback_reason(part: str, exc: BaseException) -> str:
    """One line for the draft's fallbacks list."""
    if isinstance(exc, ModelUnavailable):
        return f"model unavailable: {exc}"
    if isinstance(exc, OutputRejected):
        tries = f"{exc.attempts} attempts" if exc.attempts > 1 else "1 attempt, no re-ask while streaming"
        return f"model output failed the checks ({tries}): " + "; ".join(exc.problems[:3])
    # a bug or an unexpected library error still never costs the user the text
    log.warning("%s: unexpected error, using the fallback", part, exc_info=exc)
    return f"unexpected error: {calls.describe(exc)}"


class ModelWriter:
    """The configured (or a given) chat model, its prompts and callbacks; writes `Task`s."""

    def __init__(self, settings: Settings, model: BaseChatModel | None = None,
                 callbacks: list[Any] | None = None) -> None:
        self.settings = settings
        self._model = model
        self.callbacks = callbacks if callbacks is not None else []

    def model(self) -> BaseChatModel:
        if self._model is None:
            self._model = client.chat_model(self.settings)
        return self._model

    def unavailable_reason(self) -> str | None:
        return None if self._model is not None else client.unavailable_reason(self.settings)

    def prompt(self, name: str) -> Prompt:
        return load_prompts(self.settings.prompts_dir)[name]

    def messages(self, task: Task[Any]) -> list[Any]:
        return self.prompt(task.name).template.format_messages(**task.variables)

    def write(self, task: Task[T]) -> Written[T]:
        """The model's checked output (after at most `reasks` re-asks), or the fallback and why."""
        part = task.part or task.name
        try:
            if reason := self.unavailable_reason():
                raise ModelUnavailable(reason)
            prompt = self.prompt(task.name)
            obj, attempts = ask_until_valid(
                self.model(), self.messages(task), prompt.output, task.check, settings=self.settings,
                task=task.name, budget=task.budget, callbacks=self.callbacks, reasks=task.reasks,
            )
            return Written(task.take(obj), None, attempts)
        except FATAL:
            raise
        except Exception as exc:
            reason = fallback_reason(part, exc)
            log.info("%s fell back: %s", part, reason)
            return Written(task.fallback(), reason, getattr(exc, "attempts", 0))

    def stream(self, task: Task[str], text_field: str) -> Iterator[StreamPiece]:
        """Provisional tokens of `text_field`, then `final` (checked) or `replace` (the fallback and
        why). One attempt: a stream is not re-asked."""
        part = task.part or task.name
        streamer = FieldStreamer(text_field)
        try:
            if reason := self.unavailable_reason():
                raise ModelUnavailable(reason)
            prompt = self.prompt(task.name)
            for chunk in calls.stream(self.model(), self.messages(task), settings=self.settings,
                                      task=task.name, budget=task.budget, callbacks=self.callbacks):
                if delta := streamer.feed(chunk):
                    yield StreamPiece("token", delta)
            obj, problems = parse_output(prompt.output, streamer.raw)
            if obj is not None:
                problems = task.check(obj)
            if problems:
                raise OutputRejected(task.name, problems, 1)
            yield StreamPiece("final", task.take(obj))
        except FATAL:
            raise
        except Exception as exc:
            reason = fallback_reason(part, exc)
            log.info("%s fell back: %s", part, reason)
            yield StreamPiece("replace", task.fallback(), reason)

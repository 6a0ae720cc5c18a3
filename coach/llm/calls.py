"""Model calls with a wall-clock budget: every call runs on a daemon worker thread and the caller
stops waiting when the draft's budget (COACH_LLM_TOTAL_TIMEOUT) or, for a stream, the first-token
timeout runs out. The HTTP timeout is set to the same remaining budget, so the worker ends too.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import RunnableConfig

from coach.config import Settings
from coach.llm.client import CALL_WINDOW, CallWindow, call_kwargs, check_target
from coach.llm.errors import FATAL, ModelUnavailable

T = TypeVar("T")


class Budget:
    """The time left for one draft; shared by all its parts and re-asks."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0


def describe(exc: BaseException) -> str:
    """A one-line reason for the fallbacks list."""
    if isinstance(exc, openai.APITimeoutError):
        return "the model server timed out"
    if isinstance(exc, openai.RateLimitError):
        return "the model server is rate limiting (HTTP 429)"
    if isinstance(exc, openai.APIStatusError):
        return f"the model server answered HTTP {exc.status_code}"
    if isinstance(exc, openai.APIConnectionError):
        return "could not connect to the model server"
    if isinstance(exc, ModelUnavailable):
        return str(exc)
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}{': ' + text if text else ''}"


def _fatal_in(exc: BaseException) -> BaseException | None:
    """A forbidden request or an exhausted fake, even when the HTTP stack wrapped it."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, FATAL):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _raise_translated(exc: BaseException) -> None:
    if (fatal := _fatal_in(exc)) is not None:
        raise fatal
    raise ModelUnavailable(describe(exc)) from exc


def _config(task: str, callbacks: list[Any]) -> RunnableConfig:
    return RunnableConfig(callbacks=callbacks, run_name=f"coach.{task}", metadata={"coach_task": task})


def run_with_deadline(fn: Callable[[], T], seconds: float, what: str) -> T:
    """Run `fn` on a daemon thread; give up (not kill) after `seconds`."""
    if seconds <= 0:
        raise ModelUnavailable(f"{what}: no time left in the draft's budget")
    box: dict[str, Any] = {}
    done = threading.Event()
    window = CallWindow(time.monotonic() + seconds)
    ctx = contextvars.copy_context()  # keeps LangChain's callback parent runs linked
    ctx.run(CALL_WINDOW.set, window)  # no request (nor the client's retry) leaves once the caller gave up

    def work() -> None:
        try:
            box["value"] = ctx.run(fn)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name=f"coach-llm-{what}", daemon=True).start()
    if not done.wait(seconds):
        window.abandoned.set()
        raise ModelUnavailable(f"{what}: no answer within the {seconds:.3g}s left of the budget")
    if "error" in box:
        raise box["error"]
    return box["value"]


def invoke(
    model: BaseChatModel,
    messages: list[Any],  # BaseMessage, or (role, text) pairs
    *,
    settings: Settings,
    task: str,
    budget: Budget,
    callbacks: list[Any],
) -> str:
    """One completion (not streamed); returns the text content."""
    check_target(model)
    remaining = budget.remaining()
    kwargs = call_kwargs(model, settings, task, remaining)
    try:
        msg = run_with_deadline(
            lambda: model.invoke(messages, _config(task, callbacks), **kwargs), remaining, task
        )
    except ModelUnavailable:
        raise
    except Exception as exc:
        _raise_translated(exc)
    return msg.text


def stream(
    model: BaseChatModel,
    messages: list[Any],  # BaseMessage, or (role, text) pairs
    *,
    settings: Settings,
    task: str,
    budget: Budget,
    callbacks: list[Any],
) -> Iterator[str]:
    """Text chunks as they arrive; the first non-empty chunk must come within the first-token timeout."""
    check_target(model)
    kwargs = call_kwargs(model, settings, task, budget.remaining())
    chunks: queue.Queue[tuple[str, Any]] = queue.Queue()
    window = CallWindow(budget.deadline)
    stop = window.abandoned  # set when the caller stops reading: the worker stops, and sends nothing more
    ctx = contextvars.copy_context()
    ctx.run(CALL_WINDOW.set, window)

    def work() -> None:
        try:
            for chunk in model.stream(messages, _config(task, callbacks), **kwargs):
                if stop.is_set():
                    break  # closing the generator closes the HTTP response
                chunks.put(("chunk", chunk.text))
            chunks.put(("done", None))
        except BaseException as exc:
            chunks.put(("error", exc))

    threading.Thread(target=lambda: ctx.run(work), name=f"coach-llm-stream-{task}", daemon=True).start()
    first = True
    try:
        while True:
            left = budget.remaining()
            first_token_bound = first and settings.llm_first_token_timeout < left
            wait = settings.llm_first_token_timeout if first_token_bound else left
            try:
                kind, value = chunks.get(timeout=max(0.0, wait))
            except queue.Empty:
                if first_token_bound:
                    raise ModelUnavailable(
                        f"no first token within {settings.llm_first_token_timeout:g}s"
                    ) from None
                raise ModelUnavailable(
                    f"the stream did not finish within the {budget.seconds:g}s budget"
                ) from None
            if kind == "chunk":
                if value:
                    first = False
                    yield value
            elif kind == "done":
                return
            else:
                _raise_translated(value)
    finally:
        stop.set()

"""A fake chat model with queued replies, for tests and demos; it fails loudly when it runs out.

Replies can be queued for any call or for one task ("acknowledgment", "counter_message",
"diagnosis", ...), since the parts of a draft are written concurrently. A reply is a string, an
exception to raise, or a `Hang` (sleep, then answer or raise).
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from coach.llm.errors import FakeModelExhausted

Reply = Any  # str | BaseException | Hang
_TOKEN = re.compile(r"\s*\S{1,6}|\s+")


@dataclass
class Hang:
    seconds: float
    then: str | BaseException | None = None


class FakeChatModel(BaseChatModel):
    """Queued replies; `calls` records (task, messages) of every call."""

    _queues: dict[str | None, deque[Reply]] = PrivateAttr(default_factory=lambda: defaultdict(deque))
    _calls: list[tuple[str | None, list[BaseMessage]]] = PrivateAttr(default_factory=list)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "coach-fake"

    def enqueue(self, *replies: Reply, task: str | None = None) -> FakeChatModel:
        with self._lock:
            self._queues[task].extend(replies)
        return self

    @property
    def calls(self) -> list[tuple[str | None, list[BaseMessage]]]:
        with self._lock:
            return list(self._calls)

    def pending(self) -> dict[str | None, int]:
        with self._lock:
            return {k: len(v) for k, v in self._queues.items() if v}

    def _next(self, messages: list[BaseMessage], task: str | None) -> str:
        with self._lock:
            self._calls.append((task, list(messages)))
            q = self._queues.get(task) if self._queues.get(task) else self._queues.get(None)
            if not q:
                raise FakeModelExhausted(
                    f"FakeChatModel has no reply left for task {task!r} (call #{len(self._calls)}); "
                    f"queue more with .enqueue(..., task={task!r})"
                )
            reply = q.popleft()
        if isinstance(reply, Hang):
            time.sleep(reply.seconds)
            reply = reply.then
        if isinstance(reply, BaseException):
            raise reply
        if reply is None:
            raise TimeoutError("fake hang without a reply")
        return str(reply)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._next(messages, kwargs.get("task"))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages, kwargs.get("task"))
        for piece in _TOKEN.findall(text):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk

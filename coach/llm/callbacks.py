"""The LangChain callbacks the coach runs with in production: one log line per model call.

LangSmith tracing, when wanted, is LangChain's own switch (LANGSMITH_TRACING=true + key);
nothing here sends data anywhere.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.outputs import LLMResult

log = logging.getLogger("coach.llm")


class ModelCallLog(BaseCallbackHandler):
    """Logs task, latency and token usage of each model call (DEBUG), failures at INFO."""

    def __init__(self) -> None:
        self._started: dict[UUID, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[Any]],
        *,
        run_id: UUID,
        metadata: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        with self._lock:
            self._started[run_id] = (time.perf_counter(), (metadata or {}).get("coach_task", "?"))

    def _pop(self, run_id: UUID) -> tuple[float, str]:
        with self._lock:
            t0, task = self._started.pop(run_id, (time.perf_counter(), "?"))
        return (time.perf_counter() - t0) * 1000, task

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:
        ms, task = self._pop(run_id)
        usage = (response.llm_output or {}).get("token_usage") or {}
        log.debug(
            "model call %s: %.0f ms, %s prompt + %s completion tokens",
            task,
            ms,
            usage.get("prompt_tokens", "?"),
            usage.get("completion_tokens", "?"),
        )

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> None:
        ms, task = self._pop(run_id)
        log.info("model call %s failed after %.0f ms: %s", task, ms, type(error).__name__)


_PRODUCTION: list[BaseCallbackHandler] | None = None


def production_callbacks() -> list[BaseCallbackHandler]:
    global _PRODUCTION
    if _PRODUCTION is None:
        _PRODUCTION = [ModelCallLog()]
    return _PRODUCTION

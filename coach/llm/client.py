"""The chat model: langchain-openai's ChatOpenAI against any OpenAI-compatible server.

ChatOpenAI has no timeout by default; here every client gets one (connect + total), a bounded
retry count, and an HTTP hook that enforces the request switch on every single request.
"""

from __future__ import annotations

import logging
import threading
import time
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

import openai
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from coach.config import Settings
from coach.llm.errors import ModelUnavailable
from coach.llm.switch import check_url

log = logging.getLogger("coach.llm")
TASK_HEADER = "X-Coach-Task"  # lets proxies, logs and the test stub tell the parts apart
NO_KEY = "not-needed"  # local servers ignore the key, but the client insists on one


class CallWindow:
    """When the caller of one model call stops waiting: its budget's end, or sooner when it gives up."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.abandoned = threading.Event()

    def closed(self) -> bool:
        return self.abandoned.is_set() or time.monotonic() >= self.deadline


# Set on the worker thread of each call (coach.llm.calls). The client's own retry would otherwise send
# the request again after the caller has given up, with a fresh HTTP timeout: a model call outliving
# its draft, and a stray request arriving while the next draft talks to the server.
CALL_WINDOW: ContextVar[CallWindow | None] = ContextVar("coach_llm_call_window", default=None)


def _check_request(request: Any) -> None:
    check_url(str(request.url))
    window = CALL_WINDOW.get()
    if window is not None and window.closed():
        raise ModelUnavailable("the draft's budget was spent: the request was not sent")


def unavailable_reason(settings: Settings) -> str | None:
    """Why no call should even be tried (None when the model is usable)."""
    if not settings.llm_configured:
        return "no model configured"
    if not settings.llm_base_url and not settings.llm_api_key:
        return (
            "no API key: set OPENAI_API_KEY or COACH_LLM_API_KEY (or COACH_LLM_BASE_URL for a local server)"
        )
    return None


def timeout(settings: Settings, total: float | None = None) -> openai.Timeout:
    total = settings.llm_total_timeout if total is None else max(0.05, total)
    return openai.Timeout(total, connect=min(settings.llm_connect_timeout, total))


@lru_cache(maxsize=8)
def _model_name_from_server(base_url: str, api_key: str, connect: float) -> str:
    """With only COACH_LLM_BASE_URL set, use the first model the server lists (vLLM serves one)."""
    try:
        client = openai.OpenAI(
            base_url=base_url,
            api_key=api_key,
            max_retries=0,
            timeout=openai.Timeout(connect * 2, connect=connect),
            http_client=openai.DefaultHttpxClient(event_hooks={"request": [_check_request]}),
        )
        first = next(iter(client.models.list()), None)
        return first.id if first is not None else "default"
    except openai.OpenAIError as exc:
        log.info("could not list models at %s (%s); using 'default'", base_url, type(exc).__name__)
        return "default"


def model_name(settings: Settings) -> str:
    if settings.llm_model:
        return settings.llm_model
    check_url(settings.llm_base_url)
    return _model_name_from_server(
        settings.llm_base_url or "", settings.llm_api_key or NO_KEY, settings.llm_connect_timeout
    )


@lru_cache(maxsize=8)
def _chat_model(
    name: str,
    base_url: str | None,
    api_key: str,
    temperature: float,
    connect: float,
    total: float,
    retries: int,
) -> ChatOpenAI:
    t = openai.Timeout(total, connect=min(connect, total))
    return ChatOpenAI(
        model=name,
        base_url=base_url,
        api_key=SecretStr(api_key),
        temperature=temperature,
        timeout=t,
        max_retries=retries,
        use_responses_api=False,
        stream_usage=False,
        http_client=openai.DefaultHttpxClient(timeout=t, event_hooks={"request": [_check_request]}),
    )


def chat_model(settings: Settings) -> BaseChatModel:
    """The configured model, one client per configuration per process."""
    if reason := unavailable_reason(settings):
        raise ModelUnavailable(reason)
    return _chat_model(
        model_name(settings),
        settings.llm_base_url,
        settings.llm_api_key or NO_KEY,
        settings.llm_temperature,
        settings.llm_connect_timeout,
        settings.llm_total_timeout,
        settings.llm_retries,
    )


def call_kwargs(model: BaseChatModel, settings: Settings, task: str, remaining: float) -> dict[str, Any]:
    """Per-request options: the time left in this draft's budget, and the task name as a header."""
    if not isinstance(model, ChatOpenAI):
        return {"task": task}
    return {"timeout": timeout(settings, remaining), "extra_headers": {TASK_HEADER: task}}


def check_target(model: BaseChatModel) -> None:
    """The switch, checked before a call starts (the HTTP hook checks again on every request)."""
    if isinstance(model, ChatOpenAI):
        check_url(model.openai_api_base)

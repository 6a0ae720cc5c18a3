"""The one model seam: LangChain and OpenAI types live in this package only.

Nothing heavy is imported here: `from coach.llm import LLMDrafter` loads LangChain on first use,
so a `coach draft` without a model never imports it.

    LLMDrafter(settings, model=None)  the Drafter that asks a model (validate -> re-ask -> fall back)
    drafter_for(settings)             one LLMDrafter per configuration per process
    FakeChatModel().enqueue(...)      queued replies for tests; fails loudly when it runs out
    chat_model(settings)              the configured ChatOpenAI (timeouts, retries, request switch)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "LLMDrafter": "coach.llm.drafter",
    "PreparedDraft": "coach.llm.drafter",
    "drafter_for": "coach.llm.drafter",
    "FakeChatModel": "coach.llm.fake",
    "Hang": "coach.llm.fake",
    "chat_model": "coach.llm.client",
    "Budget": "coach.llm.calls",
    "StreamPiece": "coach.llm.stream",
    "ModelRequestsForbidden": "coach.llm.errors",
    "ModelUnavailable": "coach.llm.errors",
    "OutputRejected": "coach.llm.errors",
    "FakeModelExhausted": "coach.llm.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'coach.llm' has no attribute {name!r}")

"""The one model seam: LangChain and OpenAI types live in this package only.

One call writes any text: `ModelWriter(settings).write(Task(prompt name, variables, check, take,
fallback, budget))` -- the prompt file (prompts/llm/<name>.md) names the output schema; the check is
the guard's rule set for that text; validate -> re-ask -> fall back happens inside. The features
(drafting, outreach, role-play, evals) build Tasks; this package imports none of them.

Nothing heavy is imported here: `from coach.llm import ModelWriter` loads LangChain on first use,
so a `coach draft` without a model never imports it.

    ModelWriter(settings, model=None)  writes Tasks (and streams one, without re-asks)
    Task, Written, Budget              what to write, what came back, the time it may take
    FakeChatModel().enqueue(...)       queued replies for tests; fails loudly when it runs out
    chat_model(settings)               the configured ChatOpenAI (timeouts, retries, request switch)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "ModelWriter": "coach.llm.write",
    "Task": "coach.llm.write",
    "Written": "coach.llm.write",
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

"""Diagnosis: what the customer asks for and why, read offline from a free-text message.

Nothing heavy is imported here: the classifier (numpy, the embedder) loads on first use, so the
pure core can import `coach.diagnosis.models` without it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.diagnosis.classifier import diagnose, service_aliases
    from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
    from coach.diagnosis.questions import questions_for

_EXPORTS = {
    "diagnose": "coach.diagnosis.classifier", "service_aliases": "coach.diagnosis.classifier",
    "REQUEST_KINDS": "coach.diagnosis.models", "ROOT_CAUSES": "coach.diagnosis.models",
    "Diagnosis": "coach.diagnosis.models", "questions_for": "coach.diagnosis.questions",
}
__all__ = ["Diagnosis", "REQUEST_KINDS", "ROOT_CAUSES", "diagnose", "questions_for", "service_aliases"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'coach.diagnosis' has no attribute {name!r}")

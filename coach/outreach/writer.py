"""Who writes the words: the templates (offline default) or a model, always under the same guard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from coach.drafting.models import Fallback
from coach.drafting.templates import render

Check = Callable[[str], list[str]]


@dataclass(frozen=True)
class Brief:
    """One text to write: the template and its variables (all computed), and the facts to restate."""

    template: str  # outreach | accept_gracefully
    language: str
    variables: dict[str, Any]
    facts: list[str] = field(default_factory=list)  # plain lines a model must keep: commitments, dates


class OutreachWriter(Protocol):
    name: str

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        """The text, and why it fell back to the template (None when it did not)."""
        ...


class TemplateOutreachWriter:
    name = "template"

    def __init__(self, prompts_dir: Path) -> None:
        self.prompts_dir = prompts_dir

    def render(self, brief: Brief) -> str:
        return render(self.prompts_dir, brief.language, brief.template, **brief.variables)

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        return self.render(brief), None


def default_writer(settings: Any) -> OutreachWriter:
    """The model writer when a model is configured, else the templates."""
    if settings.llm_configured:
        from coach.outreach.llm_writer import LLMOutreachWriter

        return LLMOutreachWriter(settings)
    return TemplateOutreachWriter(settings.prompts_dir)

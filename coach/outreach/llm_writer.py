"""Model wording for outreach and acceptances: the template text is the brief, the guard the judge.

The model rewrites the checked template text in a warmer, more personal voice (prompts/llm/outreach.md,
prompts/llm/accept_gracefully.md); it may not add or change a number, date, price, commitment or
condition. It is one task of the model seam: the guard's outreach or acceptance rule set is the check,
the template text the fallback (validate -> re-ask -> fall back happen in coach.llm).
"""

from __future__ import annotations

from typing import Any

from coach.drafting.models import Fallback
from coach.llm.blocks import language_name
from coach.outreach.writer import Brief, Check, TemplateOutreachWriter


class LLMOutreachWriter:
    name = "llm"

    def __init__(self, settings: Any, model: Any = None) -> None:
        self.settings = settings
        self._model = model
        self.template = TemplateOutreachWriter(settings.prompts_dir)

    @staticmethod
    def variables(brief: Brief, reference: str) -> dict[str, str]:
        return {
            "contact": str(brief.variables.get("contact_first") or "the customer"),
            "language_name": language_name(brief.language),
            "must_state": "\n".join(f"- {line}" for line in brief.facts) or "- (nothing beyond the reference)",
            "reference": reference,
        }

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        from coach.llm import Budget, ModelWriter, Task  # LangChain loads only when a model writes

        reference = self.template.render(brief)
        out = ModelWriter(self.settings, self._model).write(Task(
            brief.template, self.variables(brief, reference), check=lambda o: check(o.message.strip()),
            take=lambda o: o.message.strip(), fallback=lambda: reference,
            budget=Budget(self.settings.llm_total_timeout),
        ))
        return out.value, None if out.fallback is None else Fallback(part=brief.template, reason=out.fallback)

"""Model wording for outreach and acceptances: the template text is the brief, the guard the judge.

The model rewrites the checked template text in a warmer, more personal voice; it may not add or
change a number, date, price, commitment or condition. Its text goes through the same guard as the
template's (validate -> re-ask -> fall back to the template), via the one model seam in coach/llm.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from coach.drafting.models import Fallback
from coach.outreach.writer import Brief, Check, TemplateOutreachWriter

LANGUAGE_NAMES = {"en": "English", "uk": "Ukrainian"}
SYSTEM = """\
You help a Customer Success Manager word a message to a customer. A reference message is given; it
was produced from the company's rules and every number, date, price, term and condition in it is
exact. Rewrite it so it reads naturally and personally for {contact}, keeping the same structure.

Rules:
- keep every number, date and amount exactly as written (money as $1,234.00, dates as YYYY-MM-DD);
- state every item listed under MUST STATE, in plain words;
- add no discount, price, free period, prepayment, commitment, deadline or condition of your own;
- {purpose}
- no links, e-mail addresses or phone numbers.
Write in {language}. Answer with one JSON object only: {{"message": "<the whole message>"}}"""
PURPOSE = {
    "outreach": "lead with the value for this person, not with the price; make it easy to say no;",
    "accept_gracefully": "accept the customer's decision warmly; do not try to change their mind, offer "
                         "nothing, and put no step in their way beyond the one reply already asked for;",
}


class MessageOut(BaseModel):
    message: str = Field(min_length=1, max_length=6000)


class LLMOutreachWriter:
    name = "llm"

    def __init__(self, settings: Any, model: Any = None) -> None:
        self.settings = settings
        self._model = model
        self.template = TemplateOutreachWriter(settings.prompts_dir)

    def _messages(self, brief: Brief, reference: str) -> list[tuple[str, str]]:
        system = SYSTEM.format(contact=brief.variables.get("contact_first", "the customer"),
                               purpose=PURPOSE[brief.template],
                               language=LANGUAGE_NAMES.get(brief.language, "English"))
        must = "\n".join(f"- {line}" for line in brief.facts) or "- (nothing beyond the reference)"
        user = f"MUST STATE:\n{must}\n\nREFERENCE MESSAGE:\n<<<\n{reference}\n>>>"
        return [("system", system), ("human", user)]

    def write(self, brief: Brief, check: Check) -> tuple[str, Fallback | None]:
        from coach.llm.calls import Budget, describe
        from coach.llm.client import chat_model, unavailable_reason
        from coach.llm.errors import FATAL, ModelUnavailable, OutputRejected
        from coach.llm.reask import ask_until_valid

        reference = self.template.render(brief)
        try:
            if self._model is None and (why := unavailable_reason(self.settings)):
                raise ModelUnavailable(why)
            model = self._model or chat_model(self.settings)
            obj, _ = ask_until_valid(model, self._messages(brief, reference), MessageOut,
                                     lambda o: check(o.message.strip()), settings=self.settings,
                                     task=brief.template, budget=Budget(self.settings.llm_total_timeout),
                                     callbacks=[])
            return obj.message.strip(), None
        except FATAL:
            raise
        except OutputRejected as exc:
            shown = "; ".join(exc.problems[:3])
            reason = f"model output failed the checks ({exc.attempts} attempts): {shown}"
        except Exception as exc:  # never costs the CSM the draft
            reason = f"model unavailable: {describe(exc)}"
        return reference, Fallback(part=brief.template, reason=reason)

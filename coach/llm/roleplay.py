"""The model customer for role-play: prompts/llm/roleplay_customer.md through the same seam as the
drafter (ChatOpenAI or the fake model, time budget, request switch), validated -> re-asked -> given up.

The caller (coach.roleplay.llm_customer) decides what happens in the conversation and hands over
plain strings; this module only words it. A reply that names a hidden fact the trainee has not
uncovered, breaks character or answers in the wrong language is sent back with the problems, and
after the allowed re-asks `OutputRejected` lets the caller use the scripted line instead.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel

from coach.config import Settings
from coach.guard import Facts, Guard, GuardContext, guard_for
from coach.llm import client
from coach.llm.blocks import LANGUAGE_NAMES, defang
from coach.llm.calls import Budget
from coach.llm.prompts import load_prompts
from coach.llm.reask import ask_until_valid
from coach.llm.schemas import RoleplayCustomerOut

TASK = "roleplay_customer"
def check_reply(text: str, language: str, forbidden: dict[str, list[str]], guard: Guard | None = None) -> list[str]:
    """Problems with a customer reply, worded for the model: the one guard's role-play rule set."""
    if guard is None:
        from coach.config import get_settings

        guard = guard_for(get_settings())
    ctx = GuardContext(stage="roleplay_customer", part="reply", facts=Facts(), language=language,
                       hidden_facts=forbidden)
    problems = []
    for v in guard.check(text, ctx):
        if v.id == "hidden_fact":
            problems.append(f"the reply gives away the hidden fact {v.reason.rsplit(': ', 1)[-1]} (it says "
                            f"'{v.excerpt}'); the CSM has not asked about it yet, so do not mention or hint at it")
        elif v.id == "out_of_character":
            problems.append("the reply breaks character; answer only as the customer")
        elif v.id == "wrong_language":
            problems.append(f"the reply must be in {LANGUAGE_NAMES.get(language, language)}")
        else:
            problems.append(str(v))
    return problems


class RoleplayModel:
    """Words one customer turn with the configured (or a given) chat model."""

    def __init__(self, settings: Settings, model: BaseChatModel | None = None,
                 callbacks: list[Any] | None = None) -> None:
        self.settings = settings
        self._model = model
        self.callbacks = callbacks or []
        self.prompt = load_prompts(settings.prompts_dir)[TASK]

    def model(self) -> BaseChatModel:
        if self._model is None:
            self._model = client.chat_model(self.settings)
        return self._model

    def reply(self, *, language: str, persona_block: str, direction_block: str, account_block: str,
              history: list[tuple[str, str]], csm_message: str,
              forbidden: dict[str, list[str]]) -> tuple[str, str]:
        """(reply, stance); raises OutputRejected or ModelUnavailable (the caller falls back)."""
        turns = history[-8:]
        variables = {
            "language_name": LANGUAGE_NAMES.get(language, "English"),
            "persona_block": persona_block,
            "direction_block": direction_block,
            "account_block": defang(account_block, 1500),
            "history_block": "\n".join(f"{who}: {defang(text, 800)}" for who, text in turns) or "(none)",
            "csm_message_block": defang(csm_message),
        }
        messages = self.prompt.template.format_messages(**variables)
        out, _ = ask_until_valid(
            self.model(), messages, RoleplayCustomerOut,
            lambda o: check_reply(o.reply, language, forbidden, guard_for(self.settings)),
            settings=self.settings, task=TASK, budget=Budget(self.settings.llm_total_timeout),
            callbacks=self.callbacks,
        )
        return out.reply.strip(), out.stance

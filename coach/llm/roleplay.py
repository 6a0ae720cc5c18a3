"""The model customer for role-play: prompts/llm/roleplay_customer.md through the same seam as the
drafter (ChatOpenAI or the fake model, time budget, request switch), validated -> re-asked -> given up.

The caller (coach.roleplay.llm_customer) decides what happens in the conversation and hands over
plain strings; this module only words it. A reply that names a hidden fact the trainee has not
uncovered, breaks character or answers in the wrong language is sent back with the problems, and
after the allowed re-asks `OutputRejected` lets the caller use the scripted line instead.
"""

from __future__ import annotations

import re
from typing import Any

from langchain_core.language_models import BaseChatModel

from coach.config import Settings
from coach.llm import client
from coach.llm.blocks import LANGUAGE_NAMES, defang
from coach.llm.calls import Budget
from coach.llm.prompts import load_prompts
from coach.llm.reask import ask_until_valid
from coach.llm.schemas import RoleplayCustomerOut

TASK = "roleplay_customer"
_OUT_OF_CHARACTER = re.compile(
    r"\b(as an ai|language model|persona|role-?play|simulation|the script|system prompt)\b|"
    r"(як штучний інтелект|мовна модель|персон[аи]\b|симуляці)", re.I)
_CYRILLIC, _LATIN = re.compile(r"[\u0400-\u04FF]"), re.compile(r"[A-Za-z]")


def check_reply(text: str, language: str, forbidden: dict[str, list[str]]) -> list[str]:
    """Problems with a customer reply, worded for the model."""
    problems = []
    low = text.casefold()
    for fact, phrases in forbidden.items():
        hit = next((p for p in phrases if p.casefold() in low), None)
        if hit:
            problems.append(f"the reply gives away the hidden fact '{fact}' (it says '{hit}'); the CSM "
                            "has not asked about it yet, so do not mention or hint at it")
    if _OUT_OF_CHARACTER.search(text):
        problems.append("the reply breaks character; answer only as the customer")
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if language == "uk" and lat > cyr:
        problems.append("the reply must be in Ukrainian")
    if language == "en" and cyr > lat:
        problems.append("the reply must be in English")
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
            lambda o: check_reply(o.reply, language, forbidden),
            settings=self.settings, task=TASK, budget=Budget(self.settings.llm_total_timeout),
            callbacks=self.callbacks,
        )
        return out.reply.strip(), out.stance

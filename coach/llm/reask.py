"""Validate -> re-ask -> give up: the model sees its own answer and the list of what failed
(the message is prompts/llm/reask.md).

After 1 + COACH_LLM_REASKS attempts, `OutputRejected` is raised and the caller uses the
template text (instructor's retry loop, with the guard's findings as the validation errors).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage
from pydantic import BaseModel

from coach.config import Settings
from coach.llm import calls
from coach.llm.calls import Budget
from coach.llm.errors import OutputRejected
from coach.llm.parse import parse_output
from coach.llm.prompts import load_reask

log = logging.getLogger("coach.llm")


def reask_message(template: str, problems: list[str]) -> HumanMessage:
    return HumanMessage(content=template.format(problems="\n".join(f"- {p}" for p in problems)))


def ask_until_valid(
    model: BaseChatModel,
    messages: list[Any],  # BaseMessage, or (role, text) pairs
    schema: type[BaseModel],
    validate: Callable[[Any], list[str]],
    *,
    settings: Settings,
    task: str,
    budget: Budget,
    callbacks: list[Any],
    reasks: int | None = None,
) -> tuple[Any, int]:
    """(parsed output, attempts used); raises OutputRejected, or ModelUnavailable from the call."""
    problems: list[str] = []
    attempts = 1 + max(0, settings.llm_reasks if reasks is None else reasks)
    for attempt in range(1, attempts + 1):
        raw = calls.invoke(model, messages, settings=settings, task=task, budget=budget, callbacks=callbacks)
        obj, problems = parse_output(schema, raw)
        if obj is not None:
            problems = validate(obj)
        if not problems:
            return obj, attempt
        log.info("%s: attempt %d failed: %s", task, attempt, "; ".join(problems))
        if attempt < attempts:
            messages = [*messages, AIMessage(content=raw), reask_message(load_reask(settings.prompts_dir), problems)]
    raise OutputRejected(task, problems, attempts)

"""Check a reply written by a person or a model (contract section 4): the facts are the ones the
engine computes for that account and message, the checks the ones every text coach shows passes."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel

from coach.accounts import Account
from coach.config import Settings
from coach.diagnosis.corrections import Corrections
from coach.drafting.engine import build_context

Stage = Literal["acknowledgment", "counter", "followup"]
STAGES: tuple[str, ...] = ("acknowledgment", "counter", "followup")


class ReplyViolation(BaseModel):
    id: str
    reason: str
    excerpt: str = ""


class ReplyCheck(BaseModel):
    ok: bool
    violations: list[ReplyViolation]


def check_reply(account: Account, message: str, reply: str, *, stage: Stage = "acknowledgment", today: date,
                settings: Settings, history: list[str] | None = None, prior_counters: int = 0,
                corrections: Corrections | dict | None = None) -> ReplyCheck:
    """The guard's findings on `reply`, answering the customer's `message` at `stage`."""
    # The facts are those of the draft the CSM is editing: the same history, rounds and corrections.
    ctx = build_context(account, message, today=today, knowledge=None, settings=settings, history=history,
                        prior_counters=prior_counters, corrections=corrections)
    guard_stage = ctx.counter_stage() if stage == "counter" else stage
    found = ctx.the_guard().check(reply, ctx.guard_context(guard_stage, "reply", author="person"))  # the lexicons alone
    return ReplyCheck(ok=not found, violations=[ReplyViolation(id=v.id, reason=v.reason, excerpt=v.excerpt)
                                                for v in found])

"""The draft: the public JSON of `coach draft --json` and the API (contract section 3)."""

from __future__ import annotations

from pydantic import BaseModel, Field

# The policy owns its output types; re-exported here for older imports.
from coach.policy.models import CounterProposal, Eligibility, RuleCheck, Trigger

__all__ = ["Citation", "CounterProposal", "Draft", "Eligibility", "Fallback", "RequestOut", "RuleCheck", "Trigger"]


class RequestOut(BaseModel):
    kind: str
    reduction_pct: float | None = None
    seats: int | None = None
    modules: list[str] = Field(default_factory=list)
    confidence: float | None = None


class Citation(BaseModel):
    source: str
    section: str


class Fallback(BaseModel):
    part: str
    reason: str


class NextStep(BaseModel):
    """What happens after the reply when the message is not a downsell (who owns it, what they do)."""

    owner: str  # support | billing | account_executive | csm
    action: str


class Draft(BaseModel):
    intent: str = "downsell"  # contract 3a; only a downsell gets the downsell play
    request: RequestOut
    root_cause: str
    hardship: str | None
    eligibility: Eligibility
    acknowledgment: str
    diagnosis_questions: list[str]
    counter_proposal: CounterProposal | None
    escalations: list[str]
    reengagement_triggers: list[Trigger]
    violations: list[str]
    citations: list[Citation]
    # extensions beyond the contract
    language: str = "en"
    drafter: str = "template"
    fallbacks: list[Fallback] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # internal notes for the CSM, never sent
    play: str | None = None
    root_cause_confidence: float | None = None
    confidence: dict[str, float] = Field(default_factory=dict)  # intent, kind, root_cause (contract 3a)
    corrected: list[str] = Field(default_factory=list)  # fields the CSM set by hand
    next_step: NextStep | None = None  # for intents other than downsell

"""What the diagnosis reads out of a customer's message."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

RequestKind = Literal[
    "seat_reduction", "module_cancel", "service_removal", "acv_cut",
    "tier_downgrade", "pause", "cancel", "other",
]
RootCause = Literal[
    "budget_cut", "org_shrinking", "usage_gap", "value_perception",
    "strategic_shift", "competitive_displacement", "unknown",
]
REQUEST_KINDS: tuple[str, ...] = RequestKind.__args__  # type: ignore[attr-defined]
ROOT_CAUSES: tuple[str, ...] = RootCause.__args__  # type: ignore[attr-defined]


Intent = Literal["downsell", "expansion", "renewal", "support", "billing", "feedback", "other"]
INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]


class Diagnosis(BaseModel):
    """The request as understood from free text, with confidences (0..1)."""

    intent: Intent = "downsell"
    intent_confidence: float = 0.0
    kind: RequestKind = "other"
    kind_confidence: float = 0.0
    reduction_pct: float | None = Field(default=None, ge=0, le=100)
    seats_requested: int | None = None  # seats the customer wants to remove
    seats_to: int | None = None  # the seat count the customer wants to end up with, when stated
    target_mrr: float | None = Field(default=None, ge=0)  # "down to $X a month"
    paid_mrr: float | None = Field(default=None, ge=0)  # what the customer says they pay now ("we pay $3,200 a month")
    # A pause's period as the customer states it ("for the summer", "until February"): months 1-12
    pause_start_month: int | None = Field(default=None, ge=1, le=12)
    pause_months: int | None = Field(default=None, ge=1, le=24)
    pause_resume_month: int | None = Field(default=None, ge=1, le=12)
    modules: list[str] = Field(default_factory=list)  # service names from the account named in the text
    root_cause: RootCause = "unknown"
    root_cause_confidence: float = 0.0
    cause_candidates: list[str] = Field(default_factory=list)  # the two likeliest causes when unknown
    hardship: Literal["natural_disaster", "financial"] | None = None
    pushback: bool = False  # the customer rejects a counter already made
    insolvency: bool = False  # insolvency or bankruptcy reported: no save attempt (play table)
    outage: bool = False  # our failure reported (outages, broken tracking, missed work): apology first
    language: str = "en"
    corrected: list[str] = Field(default_factory=list)  # fields the CSM set by hand (confidence 1.0)
    note: str | None = None  # one line on input that could not be read (empty, emoji-only, ...)

"""What the policy engine outputs: rule checks, eligibility, the counter-proposal and triggers.

These belong to the pure core; drafting, outreach, role-play and the API import them from here
(coach.drafting.models re-exports them for older imports).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RuleCheck(BaseModel):
    id: str
    passed: bool
    reason: str


class Eligibility(BaseModel):
    reduction_allowed: bool
    pause_allowed: bool
    rules: list[RuleCheck]


class CounterProposal(BaseModel):
    kind: str
    discount_pct: float  # TOTAL discount off list_mrr after the proposal
    new_mrr: float
    term_extension_months: int | None = None
    pause_months: int | None = None
    resume_date: str | None = None  # YYYY-MM-DD
    message: str = ""
    # extensions beyond the contract
    requested_mrr: float | None = None
    contract_value: float | None = None  # new_mrr over the committed term
    requested_contract_value: float | None = None  # what the customer's own request would be worth
    commitment_months: int | None = None
    kept_services: list[str] = Field(default_factory=list)
    suspended_services: list[str] = Field(default_factory=list)
    seats: int | None = None
    needs_approval: str | None = None  # e.g. "deal_desk" when in the soft band


class Secured(BaseModel):
    """What the customer already accepted in principle in an earlier round of this case: a later counter
    never gives it back (it bills at least this much a month and commits at least this long)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    new_mrr: float | None = Field(default=None, ge=0)
    term_extension_months: int | None = Field(default=None, ge=0, le=120)
    seats: int | None = Field(default=None, ge=0)


class Trigger(BaseModel):
    kind: str
    due_date: str
    description: str

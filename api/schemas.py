"""Request and response bodies of the HTTP API (kept apart from the internal models)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.bounds import Day
from coach.diagnosis.corrections import Corrections
from coach.drafting.profile import CsmProfile
from coach.policy.models import Secured

MAX_TEXT = 20_000  # one customer message
MAX_MONEY = 1e9  # per month; keeps every figure finite
AccountId = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$")


class In(BaseModel):
    """Request bodies: unknown keys rejected, no NaN or infinity."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Out(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)


class ErrorOut(Out):
    error: str = Field(description="One line saying what is wrong, naming the field")
    field: str | None = Field(default=None, description="Dotted path of the offending field, if any")


# --- accounts (contract section 1) --------------------------------------------------------------

class _OpenIn(BaseModel):
    model_config = ConfigDict(extra="allow", allow_inf_nan=False)


class ContractIn(_OpenIn):
    start_date: date
    term_months: int = Field(gt=0, le=120)
    agreement_type: str = Field(default="standard", max_length=200)


class ServiceIn(_OpenIn):
    name: str = Field(min_length=1, max_length=200)
    mrr: float = Field(ge=0, le=MAX_MONEY)
    core: bool = False


class ContactIn(_OpenIn):
    name: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)


class AccountIn(_OpenIn):
    """The account file (contract section 1). Unknown fields are kept."""

    id: str = AccountId
    name: str = Field(min_length=1, max_length=500)
    segment: Literal["smb", "mid_market", "enterprise"] = "smb"
    contract: ContractIn
    list_mrr: float = Field(gt=0, le=MAX_MONEY)
    mrr: float = Field(ge=0, le=MAX_MONEY)
    seats: int | None = Field(default=None, ge=0, le=10_000_000)
    services: list[ServiceIn] = Field(default_factory=list, max_length=200)
    hardship: Literal["natural_disaster", "financial"] | None = None
    contact: ContactIn = Field(default_factory=ContactIn)
    language: str = Field(default="en", min_length=2, max_length=20)
    currency: str = Field(default="USD", min_length=1, max_length=10)


class FiguresOut(Out):
    as_of: date
    months_in: int
    arr: float
    discount_pct: float
    end_date: date
    months_left: int


class AccountOut(Out):
    id: str
    name: str
    segment: str
    account: dict[str, Any] = Field(description="The account as stored (contract section 1)")
    figures: FiguresOut


class AccountListOut(Out):
    accounts: list[AccountOut]


# --- drafts (contract section 3) ----------------------------------------------------------------

class RequestKindOut(Out):
    kind: str
    reduction_pct: float | None = None
    seats: int | None = None
    modules: list[str] = Field(default_factory=list)
    confidence: float | None = None


class RuleCheckOut(Out):
    id: str
    passed: bool
    reason: str


class EligibilityOut(Out):
    reduction_allowed: bool
    pause_allowed: bool
    rules: list[RuleCheckOut]


class CounterProposalOut(Out):
    kind: str
    discount_pct: float = Field(description="Total discount off list_mrr after the proposal")
    new_mrr: float
    term_extension_months: int | None = None
    pause_months: int | None = None
    resume_date: str | None = None
    message: str = ""
    requested_mrr: float | None = None
    contract_value: float | None = None
    requested_contract_value: float | None = None
    commitment_months: int | None = None
    kept_services: list[str] = Field(default_factory=list)
    suspended_services: list[str] = Field(default_factory=list)
    seats: int | None = None
    needs_approval: str | None = None


class TriggerPlanOut(Out):
    kind: str
    due_date: str
    description: str


class CitationOut(Out):
    source: str
    section: str


class FallbackOut(Out):
    part: str
    reason: str


class NextStepOut(Out):
    owner: str
    action: str


class DraftOut(Out):
    """The draft (contract section 3)."""

    model_config = ConfigDict(extra="allow", allow_inf_nan=False)

    intent: str = "downsell"
    request: RequestKindOut
    root_cause: str
    hardship: str | None
    eligibility: EligibilityOut
    acknowledgment: str
    diagnosis_questions: list[str]
    counter_proposal: CounterProposalOut | None
    escalations: list[str]
    reengagement_triggers: list[TriggerPlanOut]
    violations: list[str]
    citations: list[CitationOut]
    language: str = "en"
    drafter: str = "template"
    fallbacks: list[FallbackOut] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    confidence: dict[str, float] = Field(default_factory=dict)
    corrected: list[str] = Field(default_factory=list)
    next_step: NextStepOut | None = None


class AccountRef(In):
    """Either a stored account (`account_id`) or an inline account file (`account`)."""

    account_id: str | None = Field(default=None, min_length=1, max_length=200)
    account: AccountIn | None = None
    today: Day | None = Field(default=None, description="Date the contract rules are computed against")

    @model_validator(mode="after")
    def _one_account(self) -> AccountRef:
        if (self.account_id is None) == (self.account is None):
            raise ValueError("give exactly one of account_id or account")
        return self


class DraftIn(AccountRef):
    message: str = Field(min_length=1, max_length=MAX_TEXT, description="The customer's message")
    history: list[str] = Field(default_factory=list, max_length=50)
    prior_counters: int = Field(default=0, ge=0, le=10)
    corrections: Corrections | None = Field(default=None, description="Inferred fields the CSM corrected "
                                            "(contract 3a); the draft is recomputed from them")
    csm: CsmProfile | None = Field(default=None, description="Who signs the reply (overrides the settings)")
    secured: Secured | None = Field(default=None, description="What the customer accepted in principle in an "
                                    "earlier round (monthly amount, term extension): a later counter keeps it")


# --- policy -------------------------------------------------------------------------------------

class OfferIn(In):
    """An offer a CSM proposes; checked against the rules."""

    new_mrr: float = Field(ge=0, le=MAX_MONEY)
    seats: int | None = Field(default=None, ge=0, le=10_000_000)
    services_kept: list[str] | None = Field(default=None, max_length=200)
    pause_months: int | None = Field(default=None, ge=0, le=120)
    term_extension_months: int | None = Field(default=None, ge=0, le=120)
    hardship: Literal["natural_disaster", "financial"] | None = None
    requested_mrr: float | None = Field(default=None, ge=0, le=MAX_MONEY)


class PolicyCheckIn(AccountRef):
    offer: OfferIn


class PolicyCheckOut(Out):
    passed: bool
    checks: list[RuleCheckOut]


# --- knowledge ----------------------------------------------------------------------------------

class SearchIn(In):
    query: str = Field(min_length=1, max_length=2000)
    k: int = Field(default=5, ge=1, le=20)


class HitOut(Out):
    source: str
    section: str
    text: str
    score: float


class SearchOut(Out):
    hits: list[HitOut]


class PassageOut(Out):
    source: str
    section: str
    text: str


class DocumentIn(In):
    name: str = Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]*\.(md|txt)$",
                      description="File name, .md or .txt")
    text: str = Field(min_length=1, max_length=200_000)


class IngestIn(In):
    documents: list[DocumentIn] = Field(min_length=1, max_length=50)


class IngestOut(Out):
    files: int
    chunks: int
    added: int
    removed: int
    unchanged: int
    seconds: float


class HealthOut(Out):
    status: Literal["ok", "degraded"]
    database: Literal["ok", "unavailable"]
    version: str


class ReadyCheckOut(Out):
    name: str
    ok: bool
    reason: str | None = None


class ReadyOut(Out):
    ready: bool
    reason: str | None = Field(default=None, description="The first failing check and why, while not ready")
    checks: list[ReadyCheckOut]


# --- reply check (contract section 4) -----------------------------------------------------------

class ReplyCheckIn(AccountRef):
    message: str = Field(min_length=1, max_length=MAX_TEXT, description="The customer's message")
    reply: str = Field(min_length=1, max_length=MAX_TEXT, description="The reply to check (a person's or a model's)")
    stage: Literal["acknowledgment", "counter", "followup"] = "acknowledgment"
    history: list[str] = Field(default_factory=list, max_length=50)
    prior_counters: int = Field(default=0, ge=0, le=20, description="Counter-proposals already made in this case")
    corrections: Corrections | None = Field(default=None, description="The CSM's corrections the draft was "
                                            "computed with (contract 3a)")

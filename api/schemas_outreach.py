"""Request and response bodies for risk ranking, outreach drafts, firm-no checks and acceptances."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field

from api.schemas import MAX_TEXT, AccountRef, FallbackOut, In, Out, RuleCheckOut, TriggerPlanOut
from coach.bounds import Day

MAX_ACCOUNTS = 5000


# --- risk ---------------------------------------------------------------------------------------

class RiskIn(In):
    accounts: list[dict[str, Any]] = Field(
        min_length=1, max_length=MAX_ACCOUNTS,
        description="Account files (contract section 1) with an optional `usage` block; bad items are "
                    "reported, the rest ranked")
    today: Day | None = Field(default=None, description="Date the signals are computed against")
    min_level: Literal["low", "medium", "high"] = "low"
    top: int | None = Field(default=None, ge=1, le=MAX_ACCOUNTS)


class RiskSignalOut(Out):
    id: str
    points: int
    reason: str
    play: str
    value: float | str | None = None
    threshold: float | None = None


class PlayAdviceOut(Out):
    play: str
    action: str
    signals: list[str]


class RiskAssessmentOut(Out):
    rank: int
    account_id: str
    name: str
    segment: str
    mrr: float
    arr: float
    score: int = Field(description="0-100: the weights of the signals that fired, capped at 100")
    level: Literal["low", "medium", "high"]
    summary: str
    signals: list[RiskSignalOut]
    plays: list[PlayAdviceOut]
    data_gaps: list[str] = Field(description="Usage fields with no data: no signal is not no risk")
    renewal_date: str | None = None
    days_to_renewal: int | None = None


class RiskRowErrorOut(Out):
    item: int | None = Field(default=None, description="1-based position in `accounts` (POST)")
    account_id: str | None = Field(default=None, description="The stored account (GET)")
    field: str | None = None
    error: str


class RiskOut(Out):
    today: date
    processed: int
    failed: int
    ranked: list[RiskAssessmentOut]
    errors: list[RiskRowErrorOut]


# --- outreach -----------------------------------------------------------------------------------

class ContactRecordIn(In):
    at: datetime = Field(description="When, with a UTC offset")
    kind: Literal["upsell", "reengagement", "service", "opt_out", "opt_in"]
    note: str | None = Field(default=None, max_length=2000)


class TriggerRefIn(In):
    kind: str = Field(min_length=1, max_length=40)
    due_date: date


class OfferIn(In):
    kind: Literal["conversation", "add_seats", "add_service", "restore_service", "upgrade"] = "conversation"
    service: str | None = Field(default=None, min_length=1, max_length=200)
    seats: int | None = Field(default=None, ge=1, le=1_000_000)
    added_list_mrr: float | None = Field(default=None, gt=0, le=1e9)
    discount_pct: float | None = Field(default=None, gt=0, le=100)
    discount_months: int | None = Field(default=None, ge=1, le=120)
    term_months: int | None = Field(default=None, ge=1, le=120)
    prepayment_months: int | None = Field(default=None, ge=1, le=120)
    trial: bool = False


class OutreachIn(AccountRef):
    reason: str = Field(min_length=1, max_length=40,
                        description="eligibility_change | new_offering | trigger_due | customer_request")
    trigger: TriggerRefIn | None = None
    note: str | None = Field(default=None, max_length=2000)
    offer: OfferIn = Field(default_factory=OfferIn)
    language: Literal["en", "uk"] | None = None
    now: datetime | None = Field(default=None, description="Send time with a UTC offset; default: now")
    contact_log: list[ContactRecordIn] | None = Field(
        default=None, max_length=1000, description="Past contacts; default: the account's contact_log")


class RecipientOut(Out):
    name: str
    role: str
    decision_maker: bool | None
    timezone: str
    timezone_from_policy: bool


class SendWindowOut(Out):
    local_time: str
    timezone: str
    quiet: bool
    next_allowed: str


class PricedOfferOut(Out):
    kind: str
    service: str | None = None
    seats: int | None = None
    added_list_mrr: float | None = None
    added_mrr: float | None = None
    current_mrr: float
    new_mrr: float | None = None
    mrr_after_discount: float | None = None
    discount_pct: float | None = None
    discount_months: int | None = None
    discount_end: str | None = None
    term_months: int | None = None
    prepayment_months: int | None = None
    prepayment_amount: float | None = None
    trial_days: int | None = None
    trial_end: str | None = None
    commitments: list[str]


class OutreachOut(Out):
    account_id: str
    reason: str
    trigger: TriggerRefIn | None
    allowed: bool = Field(description="False: a rule or the guard blocks it; blocked_by says why")
    blocked_by: list[str]
    checks: list[RuleCheckOut]
    recipient: RecipientOut | None
    send_window: SendWindowOut | None
    offer: PricedOfferOut | None
    loyalty_months: int | None = None
    message: str
    language: str
    drafter: str
    fallbacks: list[FallbackOut]
    violations: list[str]


class ContactLogIn(In):
    account_id: str = Field(min_length=1, max_length=200)
    at: datetime | None = Field(default=None, description="Default: now")
    kind: Literal["upsell", "reengagement", "service", "opt_out", "opt_in"]
    note: str | None = Field(default=None, max_length=2000)


class ContactLogOut(Out):
    account_id: str
    contact_log: list[dict[str, Any]]


# --- firm no and acceptance ---------------------------------------------------------------------

class TurnTextIn(In):
    role: Literal["customer", "csm"] = "customer"
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class FirmNoIn(In):
    message: str = Field(min_length=1, max_length=MAX_TEXT, description="The customer's latest message")
    history: list[TurnTextIn] = Field(default_factory=list, max_length=200)
    counters_made: int = Field(default=0, ge=0, le=100)


class FirmNoOut(Out):
    stop_saves: bool
    reason: Literal["no_offers", "repeated_decision", "max_save_attempts"] | None
    outcome: Literal["cancel", "reduce", "no_offers"] | None
    attempts: int
    max_attempts: int
    cues: list[str]
    explanation: str


class AcceptanceIn(AccountRef):
    outcome: Literal["cancel", "reduce", "no_offers"]
    services_removed: bool = False
    language: Literal["en", "uk"] | None = None


class AcceptanceOut(Out):
    outcome: str
    message: str
    triggers: list[TriggerPlanOut]
    language: str
    drafter: str
    fallbacks: list[FallbackOut]
    violations: list[str]

"""Inputs and outputs of outreach: the contact log, the offer, the draft, the firm-no decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coach.drafting.models import Fallback
from coach.policy.models import RuleCheck, Trigger

ContactKind = Literal["upsell", "reengagement", "service", "opt_out", "opt_in"]
OFFER_KINDS = ("upsell", "reengagement")  # the contacts the cap counts
OfferKind = Literal["conversation", "add_seats", "add_service", "restore_service", "upgrade"]
Outcome = Literal["cancel", "reduce", "no_offers"]
FirmNoReason = Literal["no_offers", "repeated_decision", "max_save_attempts"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class ContactRecord(_In):
    """One past contact with the account (the account file's `contact_log`)."""

    at: datetime
    kind: ContactKind
    note: str | None = None

    @field_validator("at")
    @classmethod
    def _aware(cls, at: datetime) -> datetime:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError("needs a UTC offset (e.g. 2026-11-21T14:00:00+00:00)")
        if not 1900 <= at.year <= 9000:
            raise ValueError("outside the years 1900-9000")
        return at


class TriggerRef(_In):
    """The re-engagement trigger that prompts the outreach (from the case store or the CSM)."""

    kind: str = Field(min_length=1, max_length=40)
    due_date: date

    @field_validator("due_date")
    @classmethod
    def _sane(cls, day: date) -> date:
        if not 1900 <= day.year <= 9000:
            raise ValueError("outside the years 1900-9000")
        return day


class OfferSpec(_In):
    """What the CSM offers. Every number here is the CSM's; the guard checks it against policy."""

    kind: OfferKind = "conversation"
    service: str | None = Field(default=None, min_length=1, max_length=200)
    seats: int | None = Field(default=None, ge=1, le=1_000_000)  # seats added
    added_list_mrr: float | None = Field(default=None, gt=0, le=1e9)  # list price per month of what is added
    discount_pct: float | None = Field(default=None, gt=0, le=100)  # off the added list price
    discount_months: int | None = Field(default=None, ge=1, le=120)  # then the list price applies
    term_months: int | None = Field(default=None, ge=1, le=120)  # None: no new commitment
    prepayment_months: int | None = Field(default=None, ge=1, le=120)  # None: billed monthly
    trial: bool = False  # an optional free trial (length: policy contact.trial_days)

    @model_validator(mode="after")
    def _coherent(self) -> OfferSpec:
        priced = self.kind != "conversation"
        if priced and self.added_list_mrr is None:
            raise ValueError(f"added_list_mrr: an offer of kind {self.kind} needs its list price per month")
        if not priced and any(v is not None for v in (self.added_list_mrr, self.discount_pct,
                                                       self.term_months, self.prepayment_months)):
            raise ValueError("kind: a conversation has no price, discount, term or prepayment; "
                             "choose add_seats, add_service, restore_service or upgrade")
        if self.kind == "add_seats" and self.seats is None:
            raise ValueError("seats: an add_seats offer needs the number of seats")
        if self.kind in ("add_service", "restore_service") and not self.service:
            raise ValueError(f"service: an offer of kind {self.kind} needs the service's name")
        if self.discount_pct is not None and self.discount_months is None and self.term_months is None:
            raise ValueError("discount_months: say when the discount ends (or give term_months)")
        return self


class OutreachRequest(_In):
    reason: str = Field(min_length=1, max_length=40)  # checked against policy contact.allowed_reasons
    trigger: TriggerRef | None = None
    note: str | None = Field(default=None, max_length=2000)  # what changed / what is new, for the CSM
    offer: OfferSpec = Field(default_factory=OfferSpec)
    language: str | None = None  # default: the account's language


class Recipient(BaseModel):
    name: str
    role: str
    decision_maker: bool | None
    timezone: str
    timezone_from_policy: bool = False  # no zone on file: the policy's default was used


class PricedOffer(BaseModel):
    """The offer with every figure the text may state, computed once."""

    kind: str
    service: str | None = None
    seats: int | None = None
    added_list_mrr: float | None = None
    added_mrr: float | None = None  # after the discount
    current_mrr: float
    new_mrr: float | None = None  # during the discount
    mrr_after_discount: float | None = None  # from discount_end on
    discount_pct: float | None = None
    discount_months: int | None = None
    discount_end: str | None = None
    term_months: int | None = None
    prepayment_months: int | None = None
    prepayment_amount: float | None = None
    trial_days: int | None = None
    trial_end: str | None = None
    commitments: list[str] = Field(default_factory=list)  # each commitment in one plain line


class SendWindow(BaseModel):
    local_time: str  # the contact's local time at `now`, ISO with offset
    timezone: str
    quiet: bool
    next_allowed: str  # ISO with offset; equal to local_time when not quiet


class OutreachDraft(BaseModel):
    account_id: str
    reason: str
    trigger: TriggerRef | None
    allowed: bool  # False: blocked by a rule; the message is empty and `blocked_by` says why
    blocked_by: list[str]
    checks: list[RuleCheck]
    recipient: Recipient | None
    send_window: SendWindow | None
    offer: PricedOffer | None
    loyalty_months: int | None = None  # tenure, when it is recognised in the message
    message: str = ""
    language: str = "en"
    drafter: str = "template"
    fallbacks: list[Fallback] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list)


class FirmNoDecision(BaseModel):
    stop_saves: bool
    reason: FirmNoReason | None = None
    outcome: Outcome | None = None  # what the customer decided (None: undecided, keep talking)
    attempts: int  # save attempts (counters) already made
    max_attempts: int
    cues: list[str] = Field(default_factory=list)  # the phrases that decided it
    explanation: str


class Acceptance(BaseModel):
    """The gracious acceptance: the text to send, the re-engagement plan, the outcome to record."""

    outcome: Outcome
    message: str
    triggers: list[Trigger]
    language: str = "en"
    drafter: str = "template"
    fallbacks: list[Fallback] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list)

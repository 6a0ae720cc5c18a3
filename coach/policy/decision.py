"""What the policy engine hands to drafting, the API and role-play: the decision and its inputs."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.policy.models import CounterProposal, Eligibility, RuleCheck, Trigger

Escalation = Literal["team_lead", "vp_cs", "deal_desk", "account_executive", "competitive_save", "billing",
                     "legal"]
ESCALATION_ORDER: tuple[str, ...] = Escalation.__args__  # type: ignore[attr-defined]


class CadenceStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: str  # acknowledge | report | diagnosis | counter | signature_and_triggers
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD


class Decision(BaseModel):
    """The policy's answer to one downsell request, with the reasons (eligibility.rules)."""

    model_config = ConfigDict(frozen=True)

    play: str  # e.g. right_size_multi_year, suspend_module, pause_not_cancel, competitive_save
    eligibility: Eligibility
    counter: CounterProposal | None  # None only where policy says no counter (competitive save)
    counter_list_mrr: float | None = None  # list price of the counter's package (discount base)
    alternative: CounterProposal | None = None  # pause-not-cancel offered beside a large cut
    escalations: list[str]  # unique, in ESCALATION_ORDER
    triggers: list[Trigger]  # at least one, soonest first
    flags: list[str] = Field(default_factory=list)  # e.g. locked, hardship, large_cut
    requested_mrr: float | None = None  # what the customer's own request would bill per month
    swap_to: str | None = None  # creative swap: the service that takes the removed budget
    pause_start: str | None = None  # first paused day (YYYY-MM-DD) when the counter is a pause
    mrr_during_pause: float | None = None
    new_end_date: str | None = None  # agreement end after the proposal's extension
    lock_ends: str | None = None  # first day an MRR reduction is allowed (locked agreement types)
    resolve_by: str  # today + resolution_target_days
    cadence: list[CadenceStep] = Field(default_factory=list)
    play_row: str | None = None  # the id of the play-table row that chose the play (knowledge/plays.yaml)
    exception_request: str | None = None  # facts for the team lead when only an exception can help
    tier_from: str | None = None  # tier downgrade: the account's tier and the one proposed
    tier_to: str | None = None
    # a pause asked for longer than policy.pause.max_months: the months asked (the counter pauses for the
    # maximum, and its text says so)
    pause_asked_months: int | None = None

    @property
    def rules(self) -> list[RuleCheck]:
        return self.eligibility.rules

    @property
    def failed(self) -> list[RuleCheck]:
        return [r for r in self.eligibility.rules if not r.passed]


class ProposedOffer(BaseModel):
    """An offer a human proposes (API policy check, role-play scorer)."""

    model_config = ConfigDict(extra="forbid")

    new_mrr: float = Field(ge=0)
    seats: int | None = Field(default=None, ge=0)
    services_kept: list[str] | None = None  # None = every current service kept
    pause_months: int | None = Field(default=None, ge=0, le=120)
    term_extension_months: int | None = Field(default=None, ge=0, le=120)
    hardship: Literal["natural_disaster", "financial"] | None = None  # detected in the conversation
    requested_mrr: float | None = Field(default=None, ge=0)  # the customer's ask, for counter-first
    new_list_mrr: float | None = Field(default=None, ge=0)  # list price of the package, if known

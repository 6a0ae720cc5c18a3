"""The role-play's records: what a trainee turn does, the customer's state, and the scorecard."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from coach.policy.models import RuleCheck

Shape = Literal["reduce", "pause", "hold", "save"]
Beat = Literal["reveal", "repeat", "vague", "pushback", "leave", "accept", "fair_counter", "too_small",
               "too_long", "mismatch", "after_accept", "trigger", "acknowledged", "off_topic", "neutral",
               "standing", "early_trigger", "numbers"]
BREACH_RULES = ("lock-period", "discount-cap", "hardship-pause")  # a failed one is a policy breach


class OfferRecord(BaseModel):
    """One offer the trainee made, as the rules engine sees it."""

    quote: str
    offer: dict[str, Any]  # the ProposedOffer
    shape: Shape
    as_requested: bool = False  # the customer's own ask, granted
    amended: bool = False  # a term added to the previous offer in a later turn
    checks: list[RuleCheck]
    notes: list[str] = Field(default_factory=list)

    @property
    def breaches(self) -> list[RuleCheck]:
        return [c for c in self.checks if not c.passed and c.id in BREACH_RULES]

    @property
    def warnings(self) -> list[RuleCheck]:
        return [c for c in self.checks if not c.passed and c.id not in BREACH_RULES]

    def check(self, rule: str) -> RuleCheck | None:
        return next((c for c in self.checks if c.id == rule), None)


class TurnAnalysis(BaseModel):
    """What one trainee turn does (stored with the turn; the scorer reads only this)."""

    language: str = "en"
    moves: list[str] = Field(default_factory=list)  # labels, in sentence order, unique
    topics: list[str] = Field(default_factory=list)  # diagnosis topics asked about
    questions: list[str] = Field(default_factory=list)  # the question sentences with a topic
    acknowledgment: str | None = None
    pushback: list[str] = Field(default_factory=list)  # quoted sentences
    pushback_words: list[str] = Field(default_factory=list)
    refusal: list[str] = Field(default_factory=list)
    guilt: list[str] = Field(default_factory=list)  # "disappointing after two years together"
    trigger: str | None = None
    trigger_concrete: bool = False  # a date or an event
    trigger_loose: bool = False  # a rough time only ("in a few months", "later on")
    solution: str | None = None  # a plan / competitive-save / escalation sentence
    escalation: str | None = None
    account_executive: bool = False
    injected: list[str] = Field(default_factory=list)  # sentences aimed at the simulation, ignored
    own: list[str] = Field(default_factory=list)  # the coach's own template wording (never held against)
    offer: OfferRecord | None = None
    # a counter with no numbers ("a discount if you extend the term"): a counter, but vague
    vague_offer: str | None = None
    vague_exchanged: bool = False  # ... that asks for a commitment in return
    closing: str | None = None  # the request processed (cancellation sent, offboarding): a close
    # a save with nothing concrete ("we can come up with something to show we're no worse"): a counter, but vague
    vague_save: bool = False


class OfferSeen(BaseModel):
    """An offer the customer heard, and how they took it."""

    turn: int
    offer: dict[str, Any]
    verdict: str  # the beat it got: accept, fair_counter, too_small, too_long, mismatch


class CustomerState(BaseModel):
    """The dialogue state of one session, shared by the scripted and the model customer: what was
    revealed, asked, offered and agreed, and every line already said (so nothing is said twice)."""

    revealed: list[str] = Field(default_factory=list)  # fact ids, in order
    asked: dict[str, int] = Field(default_factory=dict)  # diagnosis topic -> times asked
    offers: list[OfferSeen] = Field(default_factory=list)
    agreed: dict[str, Any] | None = None  # the offer (or {"move": ...}) the customer said yes to
    patience: int = 2
    pushbacks: int = 0
    turns: int = 0  # trainee turns answered
    accepted: bool = False
    left: bool = False
    pending: dict[str, Any] | None = None  # an offer the customer called fair, waiting for its terms
    last_offer: dict[str, Any] | None = None
    countered: bool = False  # any counter made so far, priced or not
    planned: bool = False  # a plan or save put forward so far (a counter with no price)
    used: dict[str, int] = Field(default_factory=dict)  # lines used per reaction, for cycling
    said: list[str] = Field(default_factory=list)  # every line said, in order

    @property
    def open_offer(self) -> OfferSeen | None:
        """The latest offer while nothing is agreed: what any reply must still deal with."""
        return self.offers[-1] if self.offers and not self.accepted else None


class CustomerReply(BaseModel):
    text: str
    beat: Beat
    stance: Literal["firm", "softening", "accepts", "leaves"] = "firm"
    revealed: list[str] = Field(default_factory=list)
    source: Literal["scripted", "llm"] = "scripted"
    fallback: str | None = None  # why the model's words were not used


class Evidence(BaseModel):
    turn: int  # the trainee's turn number, from 1
    quote: str
    note: str = ""


class ComponentScore(BaseModel):
    id: Literal["acknowledgment", "diagnosis", "counter", "triggers"]
    title: str
    points: int
    max_points: int = 25
    status: Literal["met", "partial", "missed"]
    summary: str
    evidence: list[Evidence] = Field(default_factory=list)


class FailureMode(BaseModel):
    id: Literal["F1", "F2", "F3", "F4", "F5"]
    title: str
    status: Literal["triggered", "ok", "not_reached"] = "ok"  # "ok" only with evidence for it
    triggered: bool
    summary: str
    evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _status_of_old_cards(cls, data: Any) -> Any:
        """Cards stored before `status` existed carry only `triggered`."""
        if isinstance(data, dict) and "status" not in data and "triggered" in data:
            data = {**data, "status": "triggered" if data["triggered"] else "ok"}
        return data


class Breach(BaseModel):
    turn: int
    quote: str
    rule: str
    reason: str


class Mark(BaseModel):
    """One finding on one turn: which component or failure mode, good or bad, and why."""

    on: str  # acknowledgment | diagnosis | counter | triggers | F1..F5 | policy
    good: bool
    note: str


class TurnScore(BaseModel):
    turn: int
    text: str
    marks: list[Mark] = Field(default_factory=list)
    weight: int = 0  # how bad the turn is (the weakest turn has the highest)


class Reference(BaseModel):
    """What the policy engine would propose with the whole truth known."""

    play: str
    shape: Shape | None
    new_mrr: float | None = None
    discount_pct: float | None = None
    term_extension_months: int | None = None
    pause_months: int | None = None
    requested_mrr: float | None = None
    escalations: list[str] = Field(default_factory=list)
    triggers: list[str] = Field(default_factory=list)  # "kind on YYYY-MM-DD"


class ModelAnswer(BaseModel):
    turn: int
    part: Literal["acknowledgment", "diagnosis_questions", "counter_proposal", "reengagement_triggers"]
    why: str
    text: str


class Scorecard(BaseModel):
    persona_id: str
    persona_title: str
    language: str
    root_cause: str
    root_cause_uncovered: bool
    outcome: Literal["accepted", "customer_left", "open"]
    reference: Reference
    score: int
    level: Literal["excellent", "proficient", "developing", "needs coaching"]
    level_rule: str = ""  # how any score maps to a level (printed on the card)
    level_reason: str = ""  # how this score did, and what capped it
    components: list[ComponentScore]
    failure_modes: list[FailureMode]
    breaches: list[Breach]
    offers: list[dict[str, Any]]  # {"turn", "quote", "offer", "checks"}
    turns: list[TurnScore]
    weakest_turn: int | None = None
    model_answer: ModelAnswer | None = None
    notes: list[str] = Field(default_factory=list)
    calibrated: list[str] = Field(default_factory=list)  # verdicts the trainers' reading changed: "F4: ok → triggered"

"""Eval cases as typed models: what goes in (account, conversation, message) and what must come out.

Cases live in `evals/cases/*.yaml`; `_fixtures.yaml` there holds the named accounts and the extra
(e.g. poisoned) indexes the cases refer to. Every model forbids unknown keys, so a typo in a case
file fails loudly instead of silently checking nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from coach.policy.models import Secured

Part = Literal["acknowledgment", "counter", "questions", "any"]
Attack = Literal["injection_message", "injection_account", "poisoned_playbook", "discount_above_cap",
                 "prompt_extraction"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _scalar_to_range(value: Any) -> Any:
    """`24` in a case file means exactly 24; `{min: 10, max: 20}` is a range."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"min": value, "max": value}
    return value


class Range(_Strict):
    min: float | None = None
    max: float | None = None

    def holds(self, value: float | None) -> bool:
        if value is None:
            return False
        above = self.min is None or value >= self.min - 0.005
        return above and (self.max is None or value <= self.max + 0.005)

    def __str__(self) -> str:
        if self.min is not None and self.min == self.max:
            return f"{self.min:g}"
        if self.min is None:
            return "any" if self.max is None else f"<= {self.max:g}"
        if self.max is None:
            return f">= {self.min:g}"
        return f"[{self.min:g}, {self.max:g}]"


Bound = Annotated[Range, BeforeValidator(_scalar_to_range)]


class ProposalSpec(_Strict):
    """Bounds on the counter-proposal; every field is optional."""

    kind: str | None = None
    kind_in: list[str] | None = None
    discount_pct: Bound | None = None
    new_mrr: Bound | None = None
    term_extension_months: Bound | None = None
    pause_months: Bound | None = None
    resume_date: str | None = None
    seats: Bound | None = None
    suspended_services: list[str] | None = None


def _list_to_exact(value: Any) -> Any:
    return {"exact": value} if isinstance(value, list) else value


class EscalationSpec(_Strict):
    exact: list[str] | None = None
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)


class Phrases(_Strict):
    """Case-insensitive substrings, by the part of the draft they are looked for in."""

    acknowledgment: list[str] = Field(default_factory=list)
    counter: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    any: list[str] = Field(default_factory=list)

    def items(self) -> list[tuple[str, str]]:
        return [(part, p) for part in ("acknowledgment", "counter", "questions", "any")
                for p in getattr(self, part)]


class EligibilitySpec(_Strict):
    reduction_allowed: bool | None = None
    pause_allowed: bool | None = None
    failed_rules: list[str] | None = None  # exact set of rule ids that did not pass


class Expect(_Strict):
    """What the draft must show. A field left out is not checked."""

    intent: str | None = None  # contract 3a: downsell | expansion | renewal | support | billing | feedback | other
    kind: str | None = None
    root_cause: str | None = None
    hardship: str | None = None  # checked only when the case sets it (null: no hardship expected)
    eligibility: EligibilitySpec | None = None
    escalations: Annotated[EscalationSpec | None, BeforeValidator(_list_to_exact)] = None
    play: str | None = None
    play_in: list[str] | None = None
    counter: bool | None = None  # True: a counter-proposal is expected; False: none
    proposal: ProposalSpec | None = None
    language: str | None = None
    must_include: Phrases = Field(default_factory=Phrases)
    must_not_include: Phrases = Field(default_factory=Phrases)
    citations_any: list[str] | None = None  # at least one citation from these sources


class Case(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    category: str
    tags: list[str] = Field(default_factory=list)
    lang: Literal["en", "uk", "es", "de", "fr", "pt", "pl"] = "en"
    attack: Attack | None = None  # set on adversarial cases
    today: date
    account: dict[str, Any]  # resolved account data (fixture merged with overrides)
    history: list[str] = Field(default_factory=list)  # the conversation so far, oldest first
    prior_counters: int = Field(default=0, ge=0)
    secured: Secured | None = None  # accepted in principle in an earlier round: a later counter keeps it
    message: str = Field(min_length=1)
    knowledge: str = "builtin"  # or the name of an index in _fixtures.yaml
    expect: Expect
    note: str = ""
    source: str = ""  # case file it came from

    @property
    def adversarial(self) -> bool:
        return self.attack is not None


class ExtraDocument(_Strict):
    file: str = Field(pattern=r"^[\w.-]+\.(md|txt)$")
    text: str = Field(min_length=1)


class IndexFixture(_Strict):
    """An index built from knowledge/playbooks plus extra documents (e.g. a poisoned passage)."""

    description: str = ""
    documents: list[ExtraDocument] = Field(min_length=1)


class Fixtures(_Strict):
    today: date
    accounts: dict[str, dict[str, Any]]
    indexes: dict[str, IndexFixture] = Field(default_factory=dict)


class CaseSet(_Strict):
    cases: list[Case]
    fixtures: Fixtures

    @model_validator(mode="after")
    def _unique_ids(self) -> CaseSet:
        seen: set[str] = set()
        for c in self.cases:
            if c.id in seen:
                raise ValueError(f"duplicate case id {c.id!r}")
            seen.add(c.id)
        return self

    def categories(self) -> list[str]:
        return list(dict.fromkeys(c.category for c in self.cases))

"""Personas as data (knowledge/personas/*.yaml): who the simulated customer is, what they ask for,
what they hide and when they reveal it, and how they react. Loaded into strict pydantic models:
an unknown key, a missing field or a broken reference is a one-line error naming the file and field.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.accounts import Account
from coach.datafile import parse_yaml
from coach.diagnosis.models import Diagnosis
from coach.errors import CoachInputError
from coach.roleplay.moves import TOPICS

Topic = Literal["general", "budget_cut", "org_shrinking", "usage_gap", "value_perception",
                "strategic_shift", "competitive_displacement", "hardship", "timeline"]
Cause = Literal["budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
                "competitive_displacement"]
Kind = Literal["seat_reduction", "module_cancel", "service_removal", "acv_cut", "tier_downgrade", "pause",
               "cancel"]
WinningMove = Literal["plan", "save", "escalate"]
_SLUG = r"^[a-z0-9][a-z0-9-]{1,62}$"
assert set(Topic.__args__) == set(TOPICS)  # type: ignore[attr-defined]


class UnknownPersona(CoachInputError):
    """No persona file with that id."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Strict):
    """Something the customer knows and says only when asked a fitting question."""

    id: str = Field(pattern=_SLUG)
    text: str = Field(min_length=10, max_length=600, description="What the customer says when revealing it")
    topics: list[Topic] = Field(min_length=1, description="Diagnosis topics whose questions reveal it")
    after: str | None = Field(default=None, description="A fact that must be revealed first")
    root: bool = Field(default=False, description="Revealing it uncovers the root cause")
    keywords: list[str] = Field(default_factory=list, description="Phrases that give it away (model check)")


class RequestSpec(_Strict):
    """The opening request as the policy engine should read it (the persona's truth)."""

    kind: Kind
    reduction_pct: float | None = Field(default=None, ge=0, le=100)
    seats: int | None = Field(default=None, ge=1, description="Seats the customer wants to remove")
    modules: list[str] = Field(default_factory=list)


class Acceptance(_Strict):
    """When the customer says yes."""

    max_mrr: float | None = Field(default=None, ge=0, description="Most they will pay per month")
    price: bool = Field(default=True, description="A price, seat or module counter can win them")
    pause: bool = Field(default=False, description="A pause fits their need")
    max_term_months: int = Field(default=24, ge=0, le=60, description="Longest extension they sign")
    moves: list[WinningMove] = Field(default_factory=list,
                                     description="Moves that win them without a price cut")
    patience: int = Field(default=2, ge=0, le=5, description="Pushbacks tolerated before they leave")


Lines = list[str]


class Reactions(_Strict):
    """Lines the scripted customer picks from, in order, cycling. {name} placeholders: contact,
    company, competitor, max_mrr."""

    pushback: Lines = Field(min_length=1)
    fair_counter: Lines = Field(min_length=1, description="A counter that fits but asks nothing in return")
    too_small: Lines = Field(min_length=1)
    accept: Lines = Field(min_length=1)
    mismatch: Lines | None = None  # a counter that misses the real need
    too_long: Lines | None = None  # a commitment longer than they will sign
    acknowledged: Lines | None = None
    vague: Lines | None = None  # a question that does not fit anything they know
    repeat: Lines | None = None  # asked again about something already said
    off_topic: Lines | None = None
    after_accept: Lines | None = None
    trigger: Lines | None = None
    leave: Lines | None = None
    neutral: Lines | None = None
    numbers: Lines | None = None  # a counter with no price or length: asks for the figures

    @field_validator("*")
    @classmethod
    def _lines(cls, v: Lines | None) -> Lines | None:
        if v is not None and not all(isinstance(s, str) and s.strip() for s in v):
            raise ValueError("every line must be non-empty text")
        return v


class Persona(_Strict):
    id: str = Field(pattern=_SLUG)
    title: str = Field(min_length=3, max_length=120)
    language: Literal["en", "uk"]
    difficulty: Literal["easy", "standard", "hard"] = "standard"
    today: date = Field(description="The day the scenario runs on (rules are computed against it)")
    brief: str = Field(min_length=20, description="What the trainee knows before the call")
    account: Account
    opening: str = Field(min_length=10)
    request: RequestSpec
    root_cause: Cause
    hardship: Literal["natural_disaster", "financial"] | None = None
    competitor: str | None = None
    facts: list[Fact] = Field(min_length=1)
    reactions: Reactions
    acceptance: Acceptance

    @model_validator(mode="after")
    def _consistent(self) -> Persona:
        ids = [f.id for f in self.facts]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise ValueError(f"facts: duplicate id {dup!r}")
        for i, f in enumerate(self.facts):
            if f.after is not None and f.after not in ids[:i]:
                raise ValueError(f"facts.{i}.after: {f.after!r} is not an earlier fact")
        if not any(f.root for f in self.facts):
            raise ValueError("facts: at least one fact must have root: true")
        names = {s.name.casefold() for s in self.account.services}
        for m in self.request.modules:
            if m.casefold() not in names:
                raise ValueError(f"request.modules: {m!r} is not a service of the account")
        if self.account.contract.start_date > self.today:
            raise ValueError(f"account.contract.start_date: {self.account.contract.start_date} is after "
                             f"today ({self.today})")
        if self.root_cause == "competitive_displacement" and not self.competitor:
            raise ValueError("competitor: needed when the root cause is competitive_displacement")
        return self

    @property
    def fact_map(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def truth(self) -> Diagnosis:
        """The request as the persona means it, for the policy's reference answer."""
        r = self.request
        return Diagnosis(kind=r.kind, kind_confidence=1.0, reduction_pct=r.reduction_pct,
                         seats_requested=r.seats, modules=list(r.modules), root_cause=self.root_cause,
                         root_cause_confidence=1.0, hardship=self.hardship or self.account.hardship,
                         language=self.language)

    def summary(self) -> dict[str, Any]:
        """What a trainee may see before the call (no hidden facts, no root cause)."""
        a = self.account
        return {"id": self.id, "title": self.title, "language": self.language, "difficulty": self.difficulty,
                "company": a.name, "segment": a.segment, "contact": a.contact.name, "role": a.contact.role,
                "today": self.today.isoformat(), "brief": self.brief}


def personas_dir() -> Path:
    from coach.config import get_settings

    return get_settings().knowledge_dir / "personas"


def _error_line(exc: ValidationError, source: str) -> str:
    """One line: the dotted field path and pydantic's message for the first error."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    msg = err["msg"].removeprefix("Value error, ")
    return f"{source}: {loc}: {msg}" if loc else f"{source}: {msg}"


def parse_persona(data: object, source: str) -> Persona:
    if not isinstance(data, dict):
        raise CoachInputError(f"{source}: expected a mapping of persona fields")
    try:
        persona = Persona.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(_error_line(exc, source)) from None
    return persona


def load_persona_file(path: Path) -> Persona:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CoachInputError(f"{path.name}: persona file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CoachInputError(f"{path.name}: cannot read ({exc})") from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    persona = parse_persona(data, path.name)
    if persona.id != path.stem:
        raise CoachInputError(f"{path.name}: id: {persona.id!r} does not match the file name")
    return persona


def _stamp(folder: Path) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*.yaml")))


@lru_cache(maxsize=4)
def _catalogue(folder: str, stamp: tuple[tuple[str, float], ...]) -> dict[str, Persona]:
    return {p.id: p for p in (load_persona_file(Path(folder) / name) for name, _ in stamp)}


def load_personas(folder: Path | None = None) -> dict[str, Persona]:
    """Every persona in the folder by id (reloaded when a file changes); one bad file fails all."""
    base = folder or personas_dir()
    if not base.is_dir():
        raise CoachInputError(f"{base}: persona folder not found")
    return dict(_catalogue(str(base), _stamp(base)))


def get_persona(persona_id: str, folder: Path | None = None) -> Persona:
    if not re.fullmatch(_SLUG, persona_id or ""):
        raise CoachInputError(f"persona: {persona_id!r} is not a persona id", field="persona")
    base = folder or personas_dir()
    path = base / f"{persona_id}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in base.glob("*.yaml"))) or "none"
        raise UnknownPersona(f"persona: unknown persona {persona_id!r} (known: {known})", field="persona")
    return _one(str(path), path.stat().st_mtime)


@lru_cache(maxsize=64)
def _one(path: str, mtime: float) -> Persona:
    return load_persona_file(Path(path))

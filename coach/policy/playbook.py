"""The play table (knowledge/plays.yaml) as a strict pydantic model, its loader and its lookup."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.datafile import parse_yaml
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES
from coach.errors import CoachInputError

PlayName = Literal[
    "graceful_exit", "competitive_save", "hardship_exception", "clarify_request", "creative_swap",
    "course_correct", "pause_not_cancel", "pause_plan", "accept_with_reengagement",
    "downgrade_with_upgrade_path", "remove_with_review", "suspend_module", "right_size_retention",
    "value_engineering", "right_size_multi_year", "ask_for_budget", "multi_year_lower_price",
]
PLAY_NAMES: tuple[str, ...] = PlayName.__args__  # type: ignore[attr-defined]
# Plays that carry no counter-proposal: the reply is the acknowledgment and the questions.
NO_COUNTER = frozenset({"graceful_exit", "competitive_save", "hardship_exception", "clarify_request",
                        "ask_for_budget"})
FLAGS = ("locked", "hardship", "insolvency", "outage", "seats_mismatch", "at_cap", "enterprise", "size_known",
         "services_named", "only_core", "swap_available", "tier_known", "large", "first_counter", "exhausted")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class When(_Strict):
    """The conditions of one row; a condition left out matches anything."""

    kind: list[str] | None = None
    root_cause: list[str] | None = None
    locked: bool | None = None
    hardship: bool | None = None
    insolvency: bool | None = None
    outage: bool | None = None
    seats_mismatch: bool | None = None
    at_cap: bool | None = None
    enterprise: bool | None = None
    size_known: bool | None = None
    services_named: bool | None = None
    only_core: bool | None = None
    swap_available: bool | None = None
    tier_known: bool | None = None
    large: bool | None = None
    first_counter: bool | None = None
    exhausted: bool | None = None

    _lists = field_validator("kind", "root_cause", mode="before")(_as_list)

    @model_validator(mode="after")
    def _known_labels(self) -> When:
        for name, allowed in (("kind", REQUEST_KINDS), ("root_cause", ROOT_CAUSES)):
            for v in getattr(self, name) or []:
                if v not in allowed:
                    raise ValueError(f"{name}: {v!r} is not one of {', '.join(allowed)}")
        return self

    def matches(self, situation: Situation) -> bool:
        if self.kind is not None and situation.kind not in self.kind:
            return False
        if self.root_cause is not None and situation.root_cause not in self.root_cause:
            return False
        return all(getattr(self, f) is None or getattr(self, f) == getattr(situation, f) for f in FLAGS)


class Row(_Strict):
    id: str = Field(min_length=1)
    when: When
    play: PlayName
    escalate: list[Literal["billing", "legal", "vp_cs", "deal_desk"]] = Field(default_factory=list)
    why: str = Field(min_length=1)
    source: str = Field(min_length=1)


class Tier(_Strict):
    name: str = Field(min_length=1)
    list_mrr: float = Field(gt=0)


class PlayTable(_Strict):
    rows: list[Row] = Field(min_length=1)
    tiers: list[Tier] = Field(default_factory=list)
    catalogue: list[str] = Field(default_factory=list)
    allow_below_request: bool = False

    @model_validator(mode="after")
    def _complete(self) -> PlayTable:
        ids = [r.id for r in self.rows]
        if dup := next((i for i in ids if ids.count(i) > 1), None):
            raise ValueError(f"rows: id {dup!r} appears twice")
        if self.rows[-1].when != When():
            raise ValueError(f"rows: the last row ({self.rows[-1].id}) must match everything (when: {{}})")
        return self

    def lookup(self, situation: Situation) -> Row:
        """The first row whose conditions all hold (the last row matches everything)."""
        return next(r for r in self.rows if r.when.matches(situation))


class Situation(_Strict):
    """What the table is keyed on: one request on one account, as the policy sees it."""

    kind: str
    root_cause: str
    locked: bool = False
    hardship: bool = False
    insolvency: bool = False
    outage: bool = False
    seats_mismatch: bool = False
    at_cap: bool = False
    enterprise: bool = False
    size_known: bool = True
    services_named: bool = False
    only_core: bool = False
    swap_available: bool = False
    tier_known: bool = False
    large: bool = False
    first_counter: bool = True
    exhausted: bool = False


def load_play_table(path: str | Path) -> PlayTable:
    """Read and validate the play table; any problem is one CoachInputError naming file and field."""
    p = Path(path)
    try:
        data = parse_yaml(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CoachInputError(f"{p}: play table not found (it sits next to policy.yaml)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CoachInputError(f"{p}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{p}: invalid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise CoachInputError(f"{p}: expected a mapping with rows, tiers, catalogue")
    try:
        return PlayTable.model_validate(data)
    except ValidationError as exc:
        err = next((e for e in exc.errors() if e["type"] == "extra_forbidden"), exc.errors()[0])
        loc = ".".join(str(x) for x in err["loc"]) or "plays"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
        raise CoachInputError(f"{p.name}: {loc}: {msg}") from None

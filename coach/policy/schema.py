"""The policy file (knowledge/policy.yaml) as a strict pydantic model, and its loader."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from coach.errors import CoachInputError

_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def _parse_fraction(value: Any) -> Any:
    """Accept "2/3" as well as 0.6667, so the file can say what the business says."""
    if isinstance(value, str) and (m := _FRACTION.match(value)):
        if int(m.group(2)) == 0:
            raise ValueError("denominator must not be 0")
        return float(Fraction(int(m.group(1)), int(m.group(2))))
    return value


Share = Annotated[float, BeforeValidator(_parse_fraction), Field(gt=0, le=1)]
Days = Annotated[int, Field(ge=1, le=3650)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LockPolicy(_Strict):
    months: int = Field(ge=0, le=120)
    agreement_types: list[str]


class DiscountPolicy(_Strict):
    soft_cap_pct: float = Field(ge=0, le=100)
    hard_cap_pct: float = Field(gt=0, le=100)

    @model_validator(mode="after")
    def _soft_below_hard(self) -> DiscountPolicy:
        if self.soft_cap_pct >= self.hard_cap_pct:
            raise ValueError(
                f"soft_cap_pct ({self.soft_cap_pct:g}) must be below hard_cap_pct ({self.hard_cap_pct:g})"
            )
        return self


class PausePolicy(_Strict):
    default_months: int = Field(ge=1, le=24)
    max_months: int = Field(ge=1, le=24)

    @model_validator(mode="after")
    def _default_within_max(self) -> PausePolicy:
        if self.default_months > self.max_months:
            raise ValueError(
                f"default_months ({self.default_months}) must not exceed max_months ({self.max_months})"
            )
        return self


class CounterPolicy(_Strict):
    seat_cut_fraction: Share
    acv_cut_fraction: Share
    retention_discount_pts: float = Field(ge=0, le=100)
    max_rounds: int = Field(ge=1, le=10)


class MultiYearPolicy(_Strict):
    term_options_months: list[int] = Field(min_length=1)
    default_extension_months: int
    module_lock_months: int

    @model_validator(mode="after")
    def _extensions_are_options(self) -> MultiYearPolicy:
        opts = self.term_options_months
        if any(m < 1 or m > 120 for m in opts) or sorted(set(opts)) != opts:
            raise ValueError("term_options_months must be increasing month counts between 1 and 120")
        for name in ("default_extension_months", "module_lock_months"):
            if getattr(self, name) not in opts:
                raise ValueError(f"{name} ({getattr(self, name)}) must be one of term_options_months {opts}")
        return self


class TriggerPolicy(_Strict):
    employee_count_days: Days
    budget_cycle_days: Days
    feature_release_days: Days
    upgrade_path_days: Days


class DayRange(_Strict):
    """A cadence step: first and last day (day 1 = the day the request arrives)."""

    first: Days
    last: Days

    @model_validator(mode="before")
    @classmethod
    def _from_pair(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            if len(value) != 2:
                raise ValueError("expected [first_day, last_day]")
            return {"first": value[0], "last": value[1]}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> DayRange:
        if self.first > self.last:
            raise ValueError(f"first day {self.first} is after last day {self.last}")
        return self


class Cadence(_Strict):
    acknowledge: DayRange
    report: DayRange
    diagnosis: DayRange
    counter: DayRange
    signature_and_triggers: DayRange

    def steps(self) -> list[tuple[str, DayRange]]:
        return [(name, getattr(self, name)) for name in type(self).model_fields]

    @model_validator(mode="after")
    def _in_order(self) -> Cadence:
        steps = self.steps()
        for (prev, a), (name, b) in zip(steps, steps[1:], strict=False):
            if b.first < a.first:
                raise ValueError(f"{name} starts (day {b.first}) before {prev} (day {a.first})")
        return self


class Policy(_Strict):
    """Every parameter the rules and the offer engine use. No defaults: the file says it all."""

    lock: LockPolicy
    discount: DiscountPolicy
    pause: PausePolicy
    counter: CounterPolicy
    large_cut_pct: float = Field(gt=0, le=100)
    enterprise_arr: float = Field(ge=0)
    resolution_target_days: Days
    reengagement_days: Days
    performance_gap_review_months: list[int] = Field(min_length=2, max_length=2)
    multi_year: MultiYearPolicy
    triggers: TriggerPolicy
    cadence: Cadence

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        lo, hi = self.performance_gap_review_months
        if not 1 <= lo <= hi <= 24:
            raise ValueError("performance_gap_review_months must be [min, max] with 1 <= min <= max <= 24")
        last = self.cadence.signature_and_triggers.last
        if last > self.resolution_target_days:
            raise ValueError(
                f"cadence ends on day {last}, after resolution_target_days ({self.resolution_target_days})"
            )
        return self


def _error_line(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "policy"
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    return f"{loc}: {msg}"


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; any problem is one CoachInputError naming file and field."""
    p = Path(path)
    if not p.is_file():
        raise CoachInputError(f"{p}: policy file not found" if not p.exists() else f"{p}: not a file")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CoachInputError(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise CoachInputError(f"{p}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CoachInputError(f"{p}: invalid YAML{where} ({first})") from None
    if not isinstance(data, dict):
        raise CoachInputError(f"{p}: expected a mapping of policy sections (lock, discount, ...)")
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(f"{p}: {_error_line(exc)}") from None

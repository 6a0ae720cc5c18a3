"""The policy file (knowledge/policy.yaml) as a strict pydantic model, and its loader."""

from __future__ import annotations

import re
from datetime import time
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.policy.playbook import PlayTable, load_play_table

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


# --- early-warning signals, contact rules and saves (coach/signals, coach/outreach) ------------

Play = Literal["value_review", "training", "right_size_before_renewal", "support_review",
               "executive_check_in"]
ContactReason = Literal["eligibility_change", "new_offering", "trigger_due", "customer_request"]
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _parse_hhmm(value: Any) -> Any:
    """"19:00" only: unquoted 19:00 is a base-60 integer in YAML 1.1, so refuse anything but a string."""
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not (m := _HHMM.match(value.strip())):
        raise ValueError("expected a local time in quotes, 'HH:MM' (e.g. '19:00')")
    return time(int(m.group(1)), int(m.group(2)))


LocalTime = Annotated[time, BeforeValidator(_parse_hhmm)]


class SignalRule(_Strict):
    """One early-warning signal: the threshold it fires at, its weight in the score, its play."""

    threshold: float | None = None
    weight: int = Field(ge=0, le=100)
    play: Play
    play_near_renewal: Play | None = None  # the play when the renewal is inside the renewal window


class SignalRules(_Strict):
    seat_utilisation_low: SignalRule  # utilisation % below the threshold
    seat_utilisation_falling: SignalRule  # 90-day change of -threshold % or worse
    logins_low: SignalRule  # logins per month below the threshold
    usage_declining: SignalRule  # usage trend "declining" (no threshold)
    open_tickets: SignalRule  # open tickets at or above the threshold
    nps_detractor: SignalRule  # last NPS answer (0-10) at or below the threshold
    csat_low: SignalRule  # last CSAT (1-5) at or below the threshold
    dm_silence: SignalRule  # days since the last contact with the decision maker, at or above
    renewal_soon: SignalRule  # renewal within the threshold days (also the "near renewal" window)

    @model_validator(mode="after")
    def _thresholds(self) -> SignalRules:
        for name in type(self).model_fields:
            rule = getattr(self, name)
            if name == "usage_declining":
                continue
            if rule.threshold is None:
                raise ValueError(f"{name}.threshold is required")
            if rule.threshold < 0:
                raise ValueError(f"{name}.threshold must not be negative")
        return self


class RiskLevels(_Strict):
    medium: int = Field(ge=1, le=100)
    high: int = Field(ge=1, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> RiskLevels:
        if self.medium >= self.high:
            raise ValueError(f"medium ({self.medium}) must be below high ({self.high})")
        return self


class SignalPolicy(_Strict):
    levels: RiskLevels  # score at or above which an account is medium / high risk
    rules: SignalRules


class QuietHours(_Strict):
    """No outreach from `start` (inclusive) to `end` (exclusive), in the contact's local time."""

    start: LocalTime
    end: LocalTime

    @model_validator(mode="after")
    def _not_empty(self) -> QuietHours:
        if self.start == self.end:
            raise ValueError("start and end must differ")
        return self


class ContactPolicy(_Strict):
    max_upsell_contacts: int = Field(ge=0, le=100)  # offers per account per period
    period_days: Days
    quiet_hours: QuietHours
    default_timezone: str  # for contacts with no time zone on file
    allowed_reasons: list[ContactReason] = Field(min_length=1)
    require_decision_maker: bool
    trial_days: int = Field(ge=0, le=365)  # length of an optional trial in an offer
    loyalty_months: int = Field(ge=1, le=600)  # tenure from which an offer recognises loyalty

    @model_validator(mode="after")
    def _known_zone(self) -> ContactPolicy:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.default_timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValueError(f"default_timezone: unknown time zone {self.default_timezone!r}") from None
        return self


class SavesPolicy(_Strict):
    max_save_attempts: int = Field(ge=1, le=10)  # counters per case; then accept gracefully


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
    signals: SignalPolicy
    contact: ContactPolicy
    saves: SavesPolicy
    # The play table: knowledge/plays.yaml next to the policy file (load_policy reads it).
    plays: PlayTable | None = None

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
    errors = exc.errors()
    # A misspelt key shows up as both "unknown" and "missing"; the unknown one is the better hint.
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
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
        data = parse_yaml(p.read_text(encoding="utf-8"))
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
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(f"{p}: {_error_line(exc)}") from None
    table = p.with_name("plays.yaml")
    if policy.plays is None and table.is_file():
        policy = policy.model_copy(update={"plays": load_play_table(table)})
    return policy

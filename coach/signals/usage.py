"""The account's optional `usage` block: seat utilisation, logins, trend, tickets, NPS/CSAT, renewal.

It arrives as an extra field of the account file (contract section 1 keeps unknown fields), so it is
parsed here, on demand, with one-line errors naming the field (`usage.logins_per_month: ...`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from coach.accounts import Account
from coach.accounts.loader import first_error_line
from coach.errors import CoachInputError

Trend = Literal["growing", "stable", "declining"]
_TREND_WORDS = {
    "growing": "growing", "up": "growing", "increasing": "growing", "rising": "growing",
    "stable": "stable", "flat": "stable", "steady": "stable",
    "declining": "declining", "down": "declining", "decreasing": "declining", "falling": "declining",
}


def _percent(value: Any) -> Any:
    """Spreadsheet exports write "41%"; accept it as 41."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()[:-1].strip()
    return value


def _trend(value: Any) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word not in _TREND_WORDS:
            raise ValueError(f"unknown trend {value!r}; expected growing, stable or declining")
        return _TREND_WORDS[word]
    return value


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Pct = Annotated[float, BeforeValidator(_percent)]


class Usage(BaseModel):
    """Usage and relationship data; every field optional (a missing one is a data gap, not a risk)."""

    model_config = ConfigDict(extra="allow", allow_inf_nan=False, frozen=True)

    seat_utilisation_pct: Pct | None = Field(default=None, ge=0, le=1000)
    seat_utilisation_change_90d_pct: Pct | None = Field(default=None, ge=-100, le=10000)  # relative
    active_seats: int | None = Field(default=None, ge=0, le=10_000_000)  # gives utilisation if missing
    logins_per_month: float | None = Field(default=None, ge=0, le=1e9)
    usage_trend: Annotated[Trend | None, BeforeValidator(_trend)] = None
    open_tickets: int | None = Field(default=None, ge=0, le=1_000_000)
    nps: int | None = Field(default=None, ge=0, le=10)  # the last NPS answer, 0-10
    csat: float | None = Field(default=None, ge=1, le=5)  # the last CSAT, 1-5
    days_since_dm_contact: int | None = Field(default=None, ge=0, le=100_000)
    last_dm_contact: date | None = None  # days_since_dm_contact is derived from it when not given
    renewal_date: date | None = None  # default: the end of the current agreement


SIGNAL_FIELDS = ("seat_utilisation_pct", "seat_utilisation_change_90d_pct", "logins_per_month",
                 "usage_trend", "open_tickets", "nps", "csat", "days_since_dm_contact", "renewal_date")


def parse_usage(data: Any) -> Usage:
    """Validate a usage block; errors read `usage.<field>: <problem>` and carry the field."""
    if data is None:
        return Usage()
    if not isinstance(data, dict):
        raise CoachInputError("usage: expected an object with the usage fields", field="usage")
    cleaned = {k: _blank_is_none(v) for k, v in data.items()}
    try:
        return Usage.model_validate(cleaned)
    except ValidationError as exc:
        line = first_error_line(exc, prefix="usage.")
        raise CoachInputError(line, field=line.split(":", 1)[0]) from None


def usage_of(account: Account) -> Usage:
    """The account's usage block (empty when the file has none)."""
    return parse_usage((account.model_extra or {}).get("usage"))

"""Bounds on input values shared by the account file, the CLI and the API.

Money must be a finite number below a ceiling no real account reaches, and dates must fall in a
range where date arithmetic (term ends, pauses, trigger dates years ahead) cannot overflow: an
`Infinity`, `1e400` or `9999-12-31` is bad input with a one-line error, never an OverflowError.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

MAX_MONEY = 1_000_000_000.0  # per month, in the account's currency
MAX_COUNT = 10_000_000  # seats and similar counts
EARLIEST = date(1970, 1, 1)
LATEST = date(2199, 12, 31)

Money = Annotated[float, Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
PositiveMoney = Annotated[float, Field(gt=0, le=MAX_MONEY, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Day = Annotated[date, Field(ge=EARLIEST, le=LATEST)]


def check_day(value: date, field: str) -> date:
    """`value` itself, or CoachInputError naming `field` when it is outside EARLIEST..LATEST."""
    from coach.errors import CoachInputError

    if not EARLIEST <= value <= LATEST:
        raise CoachInputError(f"{field}: {value.isoformat()} is outside {EARLIEST.isoformat()}..{LATEST.isoformat()}")
    return value

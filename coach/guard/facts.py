"""What a text may state: the figures the policy engine computed, typed, and the names to mask."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from coach.guard.numbers import DAYS_PER_MONTH, Quantity

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)")


def _weekday(iso: str) -> int | None:
    try:
        return date.fromisoformat(iso).isoweekday()
    except ValueError:
        return None


def _digits(text: str) -> list[float]:
    """The figures written in digits in `text` ("5,000 orders" -> 5000.0)."""
    out = []
    for n in _NUM.findall(text):
        try:
            out.append(float(n.replace(",", "")))
        except ValueError:
            continue
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 0.006


@dataclass
class Facts:
    """The numbers, dates and terms any text of this draft may state.

    `hard_cap_pct` comes from the policy (None: no cap to check). `own` are the customer's own
    figures (the requested cut), which a first reply may repeat. `disclosed` are the terms the
    proposal really has (e.g. an outreach offer with a prepayment), which are then not hidden.
    """

    numbers: set[float] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    months: set[float] = field(default_factory=set)  # durations, in months
    own: set[float] = field(default_factory=set)
    hard_cap_pct: float | None = None
    disclosed: set[str] = field(default_factory=set)
    currency: str = "USD"
    # The percentages a text may state, when the builder names them (allow_percent): a percentage is then
    # checked against these alone, so "an extra 12% off" is no longer taken for the 12-month term or the
    # 12 seats. None: the builder named none, and a percentage is any fact's number (as before).
    percents: set[float] | None = None
    # The counts a text may state before a counted noun ("32 seats", "zehn Plätze", «чотири місця»), when the
    # builder names them (allow_counts): a counted number is then checked against these alone, so "ten seats
    # fewer" beside a 10% discount or "a dozen trucks" beside a 12-month term is no fact. None: any fact's number.
    counts: set[float] | None = None

    def allow(self, *values: float | int | str | None) -> None:
        """Numbers may be stated as they are; dates as dates; strings contribute their digits."""
        for v in values:
            if v is None or isinstance(v, bool):
                continue
            if isinstance(v, str):
                if _ISO.match(v):
                    self.dates.add(v)
                    self.numbers.add(float(v[:4]))
                else:
                    self.numbers.update(_digits(v))
            else:
                self.numbers.add(round(float(v), 2))

    def allow_months(self, *values: float | int | None) -> None:
        """Durations the text may state (they may also be written as plain numbers)."""
        for v in values:
            if v:
                self.months.add(float(v))
                self.numbers.add(float(v))

    def allow_own(self, *values: float | int | None) -> None:
        for v in values:
            if v is not None:
                self.own.add(round(float(v), 2))
                self.numbers.add(round(float(v), 2))

    def allow_percent(self, *values: float | int | None) -> None:
        """Percentages the text may state (they may also be written as plain numbers)."""
        if self.percents is None:
            self.percents = set()
        for v in values:
            if v is not None and not isinstance(v, bool):
                self.percents.add(round(float(v), 2))
                self.numbers.add(round(float(v), 2))

    def allow_counts(self, *values: float | int | str | None) -> None:
        """Counts of things (seats, licences, services) the text may state before their noun; strings (a
        policy's trigger text) contribute their digits."""
        if self.counts is None:
            self.counts = set()
        for v in values:
            if v is None or isinstance(v, bool):
                continue
            found = _digits(v) if isinstance(v, str) else [round(float(v), 2)]
            self.counts.update(found)
            self.numbers.update(found)

    def has_count(self, value: float) -> bool:
        """A counted number the facts state: one of the named counts, or any fact's number when none are named."""
        return self.has_number(value) if self.counts is None else any(_close(value, n) for n in self.counts)

    def has_number(self, value: float) -> bool:
        return any(_close(value, n) for n in self.numbers)

    def has_duration(self, months: float, in_days: bool = True, slack: int = 1) -> bool:
        """A duration the facts state: in months, or, written in days or weeks (`in_days`), as a fact's
        number of days ("30 days" for a 30-day trial; "a month" is not the 30 seats). Days and weeks are
        not a month fact converted: "ninety days" for a 3-month pause, "twenty-six weeks" for six months
        and «дев'яносто днів» are figures the customer was never given (guard_dev27, guard_dev28)."""
        tolerance = max(0.06, months * 0.02)
        if not in_days and any(abs(months - m) <= tolerance for m in self.months):
            return True
        days = round(months * DAYS_PER_MONTH)
        return self.has_number(months) or (in_days and any(abs(days - n) <= slack for n in self.numbers if n >= 7))

    def has_date(self, iso: str) -> bool:
        for candidate in iso.split("|"):
            if candidate in self.dates:
                return True
            if candidate.startswith("---") and any(d[8:] == candidate[3:] for d in self.dates):
                return True  # "the 1st": the day of a fact's date
            if candidate.startswith("W") and any(_weekday(d) == int(candidate[1:]) for d in self.dates):
                return True  # "on Monday": the weekday of a fact's date
            if len(candidate) == 4 and candidate.startswith("--") and any(d[5:7] == candidate[2:] for d in self.dates):
                return True  # "in March": the month of a fact's date
            if candidate.startswith("--") and any(d[4:] == candidate[1:] for d in self.dates):
                return True
            if len(candidate) == 7 and any(d.startswith(candidate) for d in self.dates):
                return True
        return False

    def accepts(self, q: Quantity) -> bool:
        if q.kind == "date":
            return self.has_date(q.iso)
        if q.kind == "duration":
            # written in weeks the days are exact ("two weeks" is a 14-day fact, not the 15% discount)
            return self.has_duration(q.value, in_days=0 < q.unit_months < 0.5, slack=1 if q.unit_months < 0.1 else 0)
        if q.kind == "percent" and self.percents is not None:
            return any(_close(q.value, n) for n in self.percents)
        return self.has_number(q.value)


@dataclass
class Names:
    """Names that are data, not words: masked before any pattern runs ("Ridgeway Legal Partners")."""

    values: list[str] = field(default_factory=list)

    def add(self, *names: str | None) -> Names:
        for n in names:
            n = " ".join((n or "").split())
            if len(n) >= 2 and n not in self.values:
                self.values.append(n)
        return self

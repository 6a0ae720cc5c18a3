"""Time zones and quiet hours, in the contact's local time (pure: `now` is passed in, aware)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.errors import CoachInputError
from coach.policy.schema import QuietHours

FIRST_YEAR, LAST_YEAR = 1900, 9000


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def resolve_zone(name: str | None, *, field: str = "contact.timezone") -> ZoneInfo:
    """An IANA zone ("Europe/Kyiv"); an unknown name is bad input naming the field."""
    if name is None or not str(name).strip():
        raise CoachInputError(f"{field}: no time zone given", field=field)
    try:
        if len(str(name)) > 100:
            raise ValueError("too long")
        return _zone(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America" is a folder of zones
        raise CoachInputError(f"{field}: unknown time zone {name!r} (use an IANA name such as "
                              "'Europe/Kyiv' or 'America/New_York')", field=field) from None


def require_aware(now: datetime, field: str = "now") -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise CoachInputError(f"{field}: needs a UTC offset (e.g. 2026-11-21T14:00:00+00:00)", field=field)
    within_horizon(now.date(), field)
    return now


def within_horizon(day: date, field: str) -> date:
    """Dates the rules can add months and years to without leaving the calendar."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CoachInputError(f"{field}: {day} is outside the years {FIRST_YEAR}-{LAST_YEAR}", field=field)
    return day


def is_quiet(local: time, quiet: QuietHours) -> bool:
    """Start inclusive, end exclusive; a window like 19:00-09:00 wraps midnight."""
    start, end, t = quiet.start, quiet.end, local.replace(second=0, microsecond=0, tzinfo=None)
    if start < end:
        return start <= t < end
    return t >= start or t < end


def next_allowed(now: datetime, zone: ZoneInfo, quiet: QuietHours) -> datetime:
    """`now` itself when outside quiet hours, else the local end of the quiet window (in `zone`)."""
    local = require_aware(now).astimezone(zone)
    if not is_quiet(local.time(), quiet):
        return local
    day = local.date()
    candidate = datetime.combine(day, quiet.end, tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(day + timedelta(days=1), quiet.end, tzinfo=zone)
    return candidate


def hhmm(t: time) -> str:
    return t.strftime("%H:%M")

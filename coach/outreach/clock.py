"""Time zones and quiet hours, in the contact's local time (pure: `now` is passed in, aware)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach.errors import CoachInputError
from coach.policy.schema import QuietHours


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def resolve_zone(name: str | None, *, field: str = "contact.timezone") -> ZoneInfo:
    """An IANA zone ("Europe/Kyiv"); an unknown name is bad input naming the field."""
    if name is None or not str(name).strip():
        raise CoachInputError(f"{field}: no time zone given", field=field)
    try:
        return _zone(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise CoachInputError(f"{field}: unknown time zone {name!r} (use an IANA name such as "
                              "'Europe/Kyiv' or 'America/New_York')", field=field) from None


def require_aware(now: datetime, field: str = "now") -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise CoachInputError(f"{field}: needs a UTC offset (e.g. 2026-11-21T14:00:00+00:00)", field=field)
    return now


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

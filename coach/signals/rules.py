"""The early-warning rules: pure functions of the usage facts and a policy rule.

Each returns the reason it fired (the measured value against the threshold, so a CSM can check it)
or None. Boundaries follow the policy file's comments: utilisation and logins fire *below* the
threshold; the 90-day fall, tickets, NPS, CSAT, silence and renewal fire *at or beyond* it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from coach.accounts import Account, derive
from coach.errors import CoachInputError
from coach.policy.schema import SignalRule
from coach.signals.usage import Usage


@dataclass(frozen=True)
class UsageFacts:
    """The figures the rules read, with derived ones filled in (utilisation, silence, renewal)."""

    seat_utilisation_pct: float | None
    seat_utilisation_change_90d_pct: float | None
    logins_per_month: float | None
    usage_trend: str | None
    open_tickets: int | None
    nps: int | None
    csat: float | None
    days_since_dm_contact: int | None
    renewal_date: date
    days_to_renewal: int
    renewal_from_contract: bool  # no renewal_date given: the end of the current agreement


def facts_for(account: Account, usage: Usage, today: date) -> UsageFacts:
    from coach.outreach.clock import within_horizon

    within_horizon(today, "today")
    within_horizon(account.contract.start_date, "contract.start_date")
    util = usage.seat_utilisation_pct
    if util is None and usage.active_seats is not None and account.seats:
        util = round(usage.active_seats / account.seats * 100, 1)
    silence = usage.days_since_dm_contact
    if silence is None and usage.last_dm_contact is not None:
        if usage.last_dm_contact > today:
            raise CoachInputError(f"usage.last_dm_contact: {usage.last_dm_contact} is after today ({today})",
                                  field="usage.last_dm_contact")
        silence = (today - usage.last_dm_contact).days
    renewal = usage.renewal_date or derive(account, today).end_date
    return UsageFacts(
        seat_utilisation_pct=util, seat_utilisation_change_90d_pct=usage.seat_utilisation_change_90d_pct,
        logins_per_month=usage.logins_per_month, usage_trend=usage.usage_trend,
        open_tickets=usage.open_tickets, nps=usage.nps, csat=usage.csat, days_since_dm_contact=silence,
        renewal_date=renewal, days_to_renewal=(renewal - today).days,
        renewal_from_contract=usage.renewal_date is None,
    )


def _n(x: float) -> str:
    return f"{x:g}"


def seat_utilisation_low(f: UsageFacts, rule: SignalRule) -> str | None:
    u, t = f.seat_utilisation_pct, rule.threshold or 0
    if u is None or u >= t:
        return None
    return f"seat utilisation {_n(u)}% (below {_n(t)}%)"


def seat_utilisation_falling(f: UsageFacts, rule: SignalRule) -> str | None:
    c, t = f.seat_utilisation_change_90d_pct, rule.threshold or 0
    if c is None or c > -t:
        return None
    return f"seat utilisation down {_n(-c)}% in 90 days (a fall of {_n(t)}% or more)"


def logins_low(f: UsageFacts, rule: SignalRule) -> str | None:
    n, t = f.logins_per_month, rule.threshold or 0
    if n is None or n >= t:
        return None
    return f"{_n(n)} logins a month (below {_n(t)})"


def usage_declining(f: UsageFacts, rule: SignalRule) -> str | None:
    return "usage trend declining" if f.usage_trend == "declining" else None


def open_tickets(f: UsageFacts, rule: SignalRule) -> str | None:
    n, t = f.open_tickets, rule.threshold or 0
    if n is None or n < t:
        return None
    return f"{n} open support ticket{'s' * (n != 1)} ({_n(t)} or more)"


def nps_detractor(f: UsageFacts, rule: SignalRule) -> str | None:
    n, t = f.nps, rule.threshold or 0
    if n is None or n > t:
        return None
    return f"last NPS answer {n} (detractor: {_n(t)} or lower)"


def csat_low(f: UsageFacts, rule: SignalRule) -> str | None:
    c, t = f.csat, rule.threshold or 0
    if c is None or c > t:
        return None
    return f"last CSAT {_n(c)}/5 ({_n(t)} or lower)"


def dm_silence(f: UsageFacts, rule: SignalRule) -> str | None:
    d, t = f.days_since_dm_contact, rule.threshold or 0
    if d is None or d < t:
        return None
    return f"{d} days since the last contact with the decision maker ({_n(t)} or more)"


def renewal_soon(f: UsageFacts, rule: SignalRule) -> str | None:
    d, t = f.days_to_renewal, rule.threshold or 0
    what = "agreement ends" if f.renewal_from_contract else "renewal"
    if d < 0:
        return f"{what} {f.renewal_date} passed {-d} days ago"
    if d > t:
        return None
    return f"{what} on {f.renewal_date}, in {d} days (within {_n(t)})"


Rule = Callable[[UsageFacts, SignalRule], str | None]
RULES: dict[str, Rule] = {
    "seat_utilisation_low": seat_utilisation_low,
    "seat_utilisation_falling": seat_utilisation_falling,
    "logins_low": logins_low,
    "usage_declining": usage_declining,
    "open_tickets": open_tickets,
    "nps_detractor": nps_detractor,
    "csat_low": csat_low,
    "dm_silence": dm_silence,
    "renewal_soon": renewal_soon,
}
# Which fact each rule reads, for the data-gap list.
RULE_FIELDS: dict[str, str] = {
    "seat_utilisation_low": "seat_utilisation_pct",
    "seat_utilisation_falling": "seat_utilisation_change_90d_pct",
    "logins_low": "logins_per_month",
    "usage_declining": "usage_trend",
    "open_tickets": "open_tickets",
    "nps_detractor": "nps",
    "csat_low": "csat",
    "dm_silence": "days_since_dm_contact",
}

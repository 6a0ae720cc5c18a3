"""Figures derived from an account as of a given day (pure: `today` is passed in)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from coach.accounts.model import Account


def add_months(day: date, months: int) -> date:
    """Same day-of-month `months` later, clamped to the month's last day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def complete_months_between(start: date, today: date) -> int:
    """Whole months elapsed from `start` to `today` (month N is complete on its anniversary day)."""
    if today < start:
        return 0
    months = (today.year - start.year) * 12 + (today.month - start.month)
    if add_months(start, months) > today:
        months -= 1
    return months


@dataclass(frozen=True)
class AccountFigures:
    months_in: int  # complete months into the agreement
    arr: float
    discount_pct: float  # current discount off list, in percent
    segment: str
    end_date: date
    months_left: int


def derive(account: Account, today: date) -> AccountFigures:
    months_in = complete_months_between(account.contract.start_date, today)
    end = add_months(account.contract.start_date, account.contract.term_months)
    discount = max(0.0, (1 - account.mrr / account.list_mrr) * 100)
    return AccountFigures(
        months_in=months_in,
        arr=round(account.mrr * 12, 2),
        discount_pct=round(discount, 2),
        segment=account.segment,
        end_date=end,
        months_left=max(0, account.contract.term_months - months_in),
    )

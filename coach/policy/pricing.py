"""Package and price arithmetic: list price of a smaller package, discounts kept under the cap.

Money is rounded to cents and percentages to one decimal *before* anything is checked against
the caps, so the numbers a customer sees are the numbers the rules approved. Discounts round *up*
(19.95% -> 20.0%, 20.01% -> 20.1%): a shown discount is never smaller than the real one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from coach.accounts import Account
from coach.policy.schema import Policy


def cents(x: float) -> float:
    return round(x + 0.0, 2)


def ceil_cents(x: float) -> float:
    """Round money up to the cent (the round(.., 6) drops float noise such as 3999.9999999)."""
    return math.ceil(round(x * 100, 6)) / 100


def pct1(x: float) -> float:
    return round(x + 0.0, 1)


def ceil_pct(x: float) -> float:
    """Round a percentage up to one decimal (float noise such as 20.0000000001 is dropped first)."""
    return math.ceil(round(x * 10, 6)) / 10 + 0.0


def discount_off(new_mrr: float, new_list: float) -> float:
    """Total discount off list in percent, rounded up to one decimal; 0 for an empty package."""
    if new_list <= 0:
        return 0.0
    return ceil_pct(max(0.0, (1 - new_mrr / new_list) * 100))


def existing_discount(account: Account) -> float:
    """The customer's current discount off list, unrounded (never negative)."""
    return max(0.0, (1 - account.mrr / account.list_mrr) * 100)


def needs_approval(discount_pct: float, policy: Policy) -> str | None:
    """Deal Desk signs off on the soft band (soft cap, hard cap]; exactly the soft cap is free."""
    d = policy.discount
    return "deal_desk" if d.soft_cap_pct < discount_pct <= d.hard_cap_pct else None


def service_shares(account: Account) -> list[tuple[str, float]]:
    """Each service's share of the package (by billed MRR; equal shares if all are 0)."""
    total = sum(s.mrr for s in account.services)
    n = len(account.services)
    return [(s.name, (s.mrr / total) if total > 0 else 1 / n) for s in account.services]


def match_services(account: Account, names: Iterable[str]) -> list[str]:
    """The account's service names the request mentions (case-insensitive), in account order."""
    wanted = {n.strip().casefold() for n in names}
    return [s.name for s in account.services if s.name.strip().casefold() in wanted]


@dataclass(frozen=True)
class Package:
    """What the customer would keep: list price, the price at today's discount, seats, services."""

    list_mrr: float
    base_mrr: float
    seats: int | None
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.list_mrr <= 0


def current_package(account: Account) -> Package:
    return Package(
        list_mrr=cents(account.list_mrr), base_mrr=cents(account.mrr), seats=account.seats,
        kept=[s.name for s in account.services],
    )


def scaled_package(account: Account, keep_ratio: float) -> Package:
    """The same services, `keep_ratio` of the scope (seats rounded half up, then the exact ratio)."""
    keep_ratio = min(1.0, max(0.0, keep_ratio))
    seats = account.seats
    if seats:
        seats = math.floor(seats * keep_ratio + 0.5)
        keep_ratio = seats / account.seats  # type: ignore[operator]
    return Package(
        list_mrr=cents(account.list_mrr * keep_ratio), base_mrr=cents(account.mrr * keep_ratio),
        seats=seats, kept=[s.name for s in account.services],
    )


def without_services(account: Account, removed: list[str]) -> Package:
    """The package minus `removed`; list price falls by the services' share of the package."""
    gone = sum(share for name, share in service_shares(account) if name in removed)
    keep = max(0.0, 1 - gone)
    return Package(
        list_mrr=cents(account.list_mrr * keep), base_mrr=cents(account.mrr * keep), seats=account.seats,
        kept=[s.name for s in account.services if s.name not in removed], removed=list(removed),
    )


def trimmed_services(account: Account, named: list[str], keep_ratio: float) -> Package:
    """The package with the `named` services scaled to `keep_ratio` of their scope (the rest as today):
    a right-size of the services a customer asked to drop, not their removal (seats are not the change)."""
    keep_ratio = min(1.0, max(0.0, keep_ratio))
    cut = sum(share for name, share in service_shares(account) if name in named) * (1 - keep_ratio)
    keep = max(0.0, 1 - cut)
    return Package(
        list_mrr=cents(account.list_mrr * keep), base_mrr=cents(account.mrr * keep), seats=None,
        kept=[s.name for s in account.services],
    )


@dataclass(frozen=True)
class Price:
    new_mrr: float
    discount_pct: float  # total off the package's list price, one decimal
    repriced: bool  # the existing discount was above the hard cap and was brought back to it


def price(account: Account, package: Package, extra_pts: float, policy: Policy) -> Price:
    """Price `package` at the customer's existing discount plus `extra_pts`, never above the hard cap."""
    hard = policy.discount.hard_cap_pct
    if package.empty:
        return Price(new_mrr=0.0, discount_pct=0.0, repriced=False)
    if extra_pts <= 0 and discount_off(package.base_mrr, package.list_mrr) <= hard:
        return Price(package.base_mrr, discount_off(package.base_mrr, package.list_mrr), repriced=False)
    current = existing_discount(account)
    target = min(current + max(0.0, extra_pts), hard)
    new_mrr = ceil_cents(package.list_mrr * (1 - target / 100))
    if extra_pts > 0 and current <= hard:
        new_mrr = min(new_mrr, package.base_mrr)  # a concession never raises the price
    while discount_off(new_mrr, package.list_mrr) > hard:  # safety net for float edge cases
        new_mrr = cents(new_mrr + 0.01)
    return Price(new_mrr, discount_off(new_mrr, package.list_mrr), repriced=current > hard)

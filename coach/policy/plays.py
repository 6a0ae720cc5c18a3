"""The plays: the play table (knowledge/plays.yaml) picks one, the builders here fill its numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from coach.accounts import Account, AccountFigures, add_months
from coach.diagnosis.models import Diagnosis
from coach.policy.models import CounterProposal, Secured
from coach.policy.playbook import NO_COUNTER, PlayTable, Row, Situation, Tier
from coach.policy.pricing import (
    Package,
    cents,
    current_package,
    discount_off,
    existing_discount,
    needs_approval,
    pct1,
    price,
    scaled_package,
    service_shares,
    trimmed_services,
    without_services,
)
from coach.policy.schema import Policy
from coach.policy.triggers import asked_pause, pause_window, stated_pause


@dataclass(frozen=True)
class Request:
    """One downsell request as the policy sees it (built once by `decide`)."""

    account: Account
    dx: Diagnosis
    policy: Policy
    today: date
    fig: AccountFigures
    locked: bool
    hardship: str | None
    modules: list[str]  # the account's services the request names
    pct: float | None  # requested cut of MRR in percent, unrounded (None: size unknown)
    table: PlayTable
    insolvency: bool = False
    secured: Secured | None = None  # accepted in principle in an earlier round: never given back

    @property
    def shown_pct(self) -> float | None:
        """The requested cut as shown and as checked against thresholds (one decimal)."""
        return None if self.pct is None else pct1(self.pct)

    @property
    def requested_mrr(self) -> float | None:
        if self.dx.kind == "pause":
            return cents(self.account.mrr)
        return None if self.pct is None else cents(self.account.mrr * (1 - self.pct / 100))

    @property
    def seats_mismatch(self) -> bool:
        """The seats the customer speaks of do not fit the account's: more removed than it has, or a
        target at or above today's count ("from 85 down to 60" on a 40-seat account)."""
        dx, seats = self.dx, self.account.seats
        if dx.kind != "seat_reduction" or not seats:
            return False
        return bool((dx.seats_requested and dx.seats_requested > seats)
                    or (dx.seats_to is not None and dx.seats_to >= seats))

    @property
    def core_named(self) -> list[str]:
        core = {s.name for s in self.account.services if s.core}
        return [m for m in self.modules if m in core]

    @property
    def optional_named(self) -> list[str]:
        return [m for m in self.modules if m not in self.core_named]


@dataclass(frozen=True)
class Play:
    name: str
    counter: CounterProposal | None
    list_mrr: float | None = None  # list price of the counter's package
    swap_to: str | None = None
    pause_start: date | None = None
    mrr_during_pause: float | None = None
    flags: list[str] = field(default_factory=list)
    row: Row | None = None
    tier_from: str | None = None
    tier_to: str | None = None
    pause_asked: int | None = None  # months the customer asked to pause, when more than the policy allows


def offer(req: Request, name: str, package: Package, *, extra_pts: float = 0.0,
          extension: int | None = None, pause_months: int | None = None, resume: date | None = None,
          flags: list[str] | None = None, **extra: Any) -> Play:
    """Price `package` and fill every number of the counter (the message is left to drafting)."""
    secured_seats = _secured_seats(req, name, package, pause_months)
    if secured_seats is not None:  # the seats already agreed stay: the package is the agreed one again
        package = scaled_package(req.account, secured_seats / (req.account.seats or 1))
    p = price(req.account, package, extra_pts, req.policy)
    new_mrr, discount, flags = p.new_mrr, p.discount_pct, list(flags or [])
    requested = req.requested_mrr
    if not pause_months and requested is not None and new_mrr < requested - 0.005:
        if req.table.allow_below_request:
            flags.append("below_request")
        else:  # conceding more than asked surrenders pricing power: never below the request
            new_mrr = requested
            discount = discount_off(new_mrr, package.list_mrr)
    if req.secured is not None and not pause_months:
        new_mrr, discount, extension, kept = _keep_secured(req, name, package, new_mrr, discount, extension)
        if kept or secured_seats is not None:
            flags.append("secured_kept")
    left = req.fig.months_left
    commitment = left + (extension or 0)
    billed = commitment - (pause_months or 0)  # paused months are not billed
    counter = CounterProposal(
        kind=name, discount_pct=discount, new_mrr=new_mrr,
        term_extension_months=extension or None, pause_months=pause_months,
        resume_date=resume.isoformat() if resume else None,
        requested_mrr=requested, commitment_months=commitment,
        contract_value=cents(new_mrr * billed),
        requested_contract_value=None if requested is None else cents(requested * left),
        kept_services=list(package.kept), suspended_services=list(package.removed),
        seats=package.seats, needs_approval=needs_approval(discount, req.policy),
    )
    return Play(name, counter, list_mrr=package.list_mrr, flags=flags, **extra)


def _secured_seats(req: Request, name: str, package: Package, pause_months: int | None) -> int | None:
    """The seat count accepted in principle, when this counter (a seat cut) would go below it."""
    s, have = req.secured, req.account.seats
    if s is None or not s.seats or pause_months or name == "accept_with_reengagement" or not have:
        return None
    if package.seats is None or package.seats >= have or package.removed:
        return None  # not a seat cut
    return s.seats if package.seats < s.seats <= have else None


def _keep_secured(req: Request, name: str, package: Package, new_mrr: float, discount: float,
                  extension: int | None) -> tuple[float, float, int | None, bool]:
    """A later counter never gives back what the customer accepted in principle: the term, and the
    monthly amount (never above today's MRR or the package's list price; not on an acceptance of the
    customer's own request, whose amount is theirs)."""
    s, kept = req.secured, False
    assert s is not None
    if s.term_extension_months and (extension or 0) < s.term_extension_months:
        extension, kept = s.term_extension_months, True
    if s.new_mrr is not None and name != "accept_with_reengagement":
        floor = cents(min(s.new_mrr, req.account.mrr, package.list_mrr))
        if new_mrr < floor - 0.005:
            new_mrr, kept = floor, True
            discount = discount_off(new_mrr, package.list_mrr)
    return new_mrr, discount, extension, kept


def _same_package(req: Request, removed: list[str] | None = None) -> Package:
    """Today's package at today's price, with `removed` services listed apart."""
    p = current_package(req.account)
    gone = removed or []
    return Package(p.list_mrr, p.base_mrr, p.seats, kept=[n for n in p.kept if n not in gone], removed=gone)


def pause_play(req: Request, name: str, paused: list[str] | None = None) -> Play:
    """Pause the whole package (or only `paused` services); the agreement extends by the pause."""
    pol, dx = req.policy.pause, req.dx
    begin, months = stated_pause(req.today, pol.default_months, pol.max_months, start_month=dx.pause_start_month,
                                 months=dx.pause_months, resume_month=dx.pause_resume_month)
    start, resume = pause_window(req.today, months, begin)
    _, asked = asked_pause(req.today, start_month=dx.pause_start_month, months=dx.pause_months,
                           resume_month=dx.pause_resume_month)
    names = paused or [s.name for s in req.account.services]
    share = sum(s for n, s in service_shares(req.account) if n in paused) if paused else 1.0
    base = price(req.account, current_package(req.account), 0.0, req.policy).new_mrr
    return offer(req, name, _same_package(req, names), extension=months, pause_months=months,
                 resume=resume, pause_start=start, mrr_during_pause=cents(base * (1 - share)),
                 pause_asked=asked if asked is not None and asked > months else None)


def swap_target(req: Request) -> str | None:
    """Where the named optional services' budget could go: another non-core service on the account
    closest in value, else the first catalogue service the account does not have."""
    removed = req.optional_named
    if not removed:
        return None
    gone = sum(s.mrr for s in req.account.services if s.name in removed)
    options = [s for s in req.account.services if not s.core and s.name not in req.modules]
    if options:
        return min(options, key=lambda s: (abs(s.mrr - gone), s.name)).name
    have = {s.name.casefold() for s in req.account.services}
    return next((c for c in req.table.catalogue if c.casefold() not in have), None)


def account_tiers(req: Request) -> tuple[Tier | None, list[Tier]]:
    """(current tier, tiers) from the account file when it has them, else from the play table."""
    raw = getattr(req.account, "tiers", None)
    tiers = [Tier.model_validate(t) for t in raw] if isinstance(raw, list) and raw else list(req.table.tiers)
    name = getattr(req.account, "tier", None)
    current = next((t for t in tiers if isinstance(name, str) and t.name.casefold() == name.casefold()), None)
    if current is None:
        current = next((t for t in tiers if abs(t.list_mrr - req.account.list_mrr) < 0.5), None)
    return current, sorted(tiers, key=lambda t: t.list_mrr)


def smaller_tier(req: Request) -> tuple[Tier | None, Tier | None]:
    """(from, to): the smallest lower tier that still covers the request, else the next one down."""
    current, tiers = account_tiers(req)
    if current is None:
        return None, None
    lower = [t for t in tiers if t.list_mrr < current.list_mrr - 0.005]
    if not lower:
        return current, None
    if req.pct is None:
        return current, lower[-1]
    wanted = req.account.list_mrr * (1 - req.pct / 100)
    covering = [t for t in lower if t.list_mrr >= wanted - 0.005]  # never below the customer's ask
    return current, (covering[0] if covering else None)


def situation(req: Request, prior_counters: int) -> Situation:
    """The facts the play table is keyed on."""
    pol, acc, kind = req.policy, req.account, req.dx.kind
    services = kind in ("module_cancel", "service_removal")
    shown = req.shown_pct
    current, to = smaller_tier(req)
    return Situation(
        kind=kind, root_cause=req.dx.root_cause, locked=req.locked, hardship=bool(req.hardship),
        insolvency=req.insolvency, outage=req.dx.outage, seats_mismatch=req.seats_mismatch,
        at_cap=acc.mrr > 0 and existing_discount(acc) >= pol.discount.hard_cap_pct - 1e-9,
        enterprise=req.fig.arr >= pol.enterprise_arr,
        size_known=req.pct is not None or kind == "pause",
        services_named=services and bool(req.modules),
        only_core=bool(req.modules) and not req.optional_named,
        swap_available=swap_target(req) is not None,
        tier_known=to is not None or (current is None and req.pct is not None and 0 < req.pct < 100),
        large=shown is not None and shown >= pol.large_cut_pct,
        first_counter=prior_counters == 0,
        exhausted=prior_counters >= pol.counter.max_rounds,
    )


def choose(req: Request, prior_counters: int) -> Play:
    """Look the request up in the play table and build that play's numbers."""
    row = req.table.lookup(situation(req, prior_counters))
    if row.play in NO_COUNTER:
        flags = {"clarify_request": ["unclear_request"], "hardship_exception": ["exception_requested"],
                 "graceful_exit": ["no_save_attempt"], "ask_for_budget": ["at_cap"]}.get(row.play, [])
        if row.play == "clarify_request" and req.dx.kind == "tier_downgrade":
            flags = [*flags, "tier_unknown"]  # no smaller tier to price: the CSM is told why
        play = Play(row.play, None, flags=flags)
    else:
        play = BUILDERS[row.play](req)
    return replace(play, row=row)


def _swap(req: Request) -> Play:
    """Move the named optional services' budget to a better-fitting service: equal MRR, no extension."""
    flags = ["core_service_kept"] if req.core_named else []
    return offer(req, "creative_swap", _same_package(req, req.optional_named), swap_to=swap_target(req),
                 flags=flags)


def _course_correct(req: Request) -> Play:
    """Same package, same price, a plan to fix the results (reviewed at the performance gap)."""
    return offer(req, "course_correct", _same_package(req), flags=["core_service_kept"] if req.core_named else [])


def _price_only(req: Request) -> Play:
    """Size unknown: same scope, a retention discount (within the cap) for a multi-year term."""
    pol = req.policy
    return offer(req, "multi_year_lower_price", _same_package(req),
                 extra_pts=pol.counter.retention_discount_pts,
                 extension=pol.multi_year.default_extension_months, flags=["size_unknown"])


def _right_size(name: str) -> Callable[[Request], Play]:
    def build(req: Request) -> Play:
        """Counter at a fraction of the requested cut (named services scaled back, not dropped); org
        shrinking adds the retention discount."""
        pol, seats = req.policy, req.dx.kind == "seat_reduction"
        fraction = pol.counter.seat_cut_fraction if seats else pol.counter.acv_cut_fraction
        keep = 1 - (req.pct or 0.0) * fraction / 100
        if req.dx.kind in ("module_cancel", "service_removal") and req.modules:
            # the named services scaled back rather than dropped: the same share of their cut as an ACV cut
            package = trimmed_services(req.account, req.modules, 1 - fraction)
        else:
            package = scaled_package(req.account, keep) if seats else _scope(req.account, keep)
        extra = pol.counter.retention_discount_pts if name == "right_size_retention" else 0.0
        return offer(req, name, package, extra_pts=extra, extension=pol.multi_year.default_extension_months)
    return build


def _scope(account: Account, keep: float) -> Package:
    """An ACV-style cut: the scope shrinks (seats to be agreed), so seats are left open."""
    p = scaled_package(account.model_copy(update={"seats": None}), keep)
    return Package(p.list_mrr, p.base_mrr, None, kept=p.kept)


def _requested_package(req: Request) -> Package:
    """The customer's own ask, for when the counters are exhausted."""
    kind, acc = req.dx.kind, req.account
    if kind in ("module_cancel", "service_removal") and req.modules:
        return without_services(acc, req.modules)
    keep = 1 - (req.pct or 0.0) / 100
    return scaled_package(acc, keep) if kind == "seat_reduction" else _scope(acc, keep)


def _accept(req: Request) -> Play:
    pol = req.policy
    modular = req.dx.kind in ("module_cancel", "service_removal")
    ext = pol.multi_year.module_lock_months if modular else pol.multi_year.default_extension_months
    return offer(req, "accept_with_reengagement", _requested_package(req), extension=ext,
                 flags=["counters_exhausted"])


def _downgrade(req: Request) -> Play:
    """The downgrade itself (to a named tier when one is known), for a term and upgrade triggers."""
    ext = req.policy.multi_year.default_extension_months
    current, to = smaller_tier(req)
    if current is not None and to is not None:
        ratio = req.account.mrr / req.account.list_mrr
        package = Package(cents(to.list_mrr), cents(to.list_mrr * ratio), None,
                          kept=[s.name for s in req.account.services])
        return offer(req, "downgrade_with_upgrade_path", package, extension=ext,
                     tier_from=current.name, tier_to=to.name)
    return offer(req, "downgrade_with_upgrade_path", _scope(req.account, 1 - (req.pct or 0.0) / 100),
                 extension=ext)


def _suspend(req: Request) -> Play:
    """Suspend the named optional modules, keep core services, retention discount, 12-month lock."""
    pol = req.policy
    return offer(req, "suspend_module", without_services(req.account, req.optional_named),
                 extra_pts=pol.counter.retention_discount_pts, extension=pol.multi_year.module_lock_months,
                 flags=["core_service_kept"] if req.core_named else [])


def _remove(req: Request) -> Play:
    """Remove the named services and review the performance gap 2-3 months later."""
    return offer(req, "remove_with_review", without_services(req.account, req.modules),
                 extension=req.policy.multi_year.module_lock_months)


def _pause_named(name: str) -> Callable[[Request], Play]:
    def build(req: Request) -> Play:
        """The named service(s) on a services request, else the whole package."""
        named = req.modules if req.dx.kind in ("module_cancel", "service_removal", "pause") else []
        return pause_play(req, name, (named or None) if name == "pause_plan" else None)
    return build


BUILDERS: dict[str, Callable[[Request], Play]] = {
    "creative_swap": _swap,
    "course_correct": _course_correct,
    "pause_not_cancel": _pause_named("pause_not_cancel"),
    "pause_plan": _pause_named("pause_plan"),
    "accept_with_reengagement": _accept,
    "downgrade_with_upgrade_path": _downgrade,
    "remove_with_review": _remove,
    "suspend_module": _suspend,
    "right_size_retention": _right_size("right_size_retention"),
    "value_engineering": _right_size("value_engineering"),
    "right_size_multi_year": _right_size("right_size_multi_year"),
    "multi_year_lower_price": _price_only,
}


def request_pct(account: Account, dx: Diagnosis, modules: list[str]) -> float | None:
    """How much of today's MRR the customer asks to cut, in percent (unrounded, 0-100)."""
    if dx.kind == "cancel":
        return 100.0
    if dx.kind == "pause":
        return None
    if dx.kind == "seat_reduction" and dx.seats_requested and account.seats:
        return min(100.0, max(0.0, dx.seats_requested / account.seats * 100))
    if dx.kind in ("module_cancel", "service_removal") and modules:
        return min(100.0, sum(s for n, s in service_shares(account) if n in modules) * 100)
    if dx.reduction_pct is None and dx.target_mrr is not None and 0 <= dx.target_mrr < account.mrr:
        return (1 - dx.target_mrr / account.mrr) * 100  # "under $3,500 a month": the cut that gets there
    return dx.reduction_pct


def new_end(fig: AccountFigures, counter: CounterProposal | None) -> str | None:
    if counter is None:
        return None
    return add_months(fig.end_date, counter.term_extension_months or 0).isoformat()

"""The negotiation matrix: which play answers which request, and the numbers of each counter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coach.accounts import Account, AccountFigures, add_months
from coach.diagnosis.models import Diagnosis
from coach.policy.models import CounterProposal
from coach.policy.pricing import (
    Package,
    cents,
    current_package,
    needs_approval,
    pct1,
    price,
    scaled_package,
    service_shares,
    without_services,
)
from coach.policy.schema import Policy
from coach.policy.triggers import pause_window


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

    @property
    def shown_pct(self) -> float | None:
        """The requested cut as shown and as checked against thresholds (one decimal)."""
        return None if self.pct is None else pct1(self.pct)

    @property
    def requested_mrr(self) -> float | None:
        if self.dx.kind == "pause":
            return cents(self.account.mrr)
        return None if self.pct is None else cents(self.account.mrr * (1 - self.pct / 100))


@dataclass(frozen=True)
class Play:
    name: str
    counter: CounterProposal | None
    list_mrr: float | None = None  # list price of the counter's package
    swap_to: str | None = None
    pause_start: date | None = None
    mrr_during_pause: float | None = None
    flags: list[str] = field(default_factory=list)


def offer(req: Request, name: str, package: Package, *, extra_pts: float = 0.0,
          extension: int | None = None, pause_months: int | None = None, resume: date | None = None,
          **extra: Any) -> Play:
    """Price `package` and fill every number of the counter (the message is left to drafting)."""
    p = price(req.account, package, extra_pts, req.policy)
    left = req.fig.months_left
    commitment = left + (extension or 0)
    billed = commitment - (pause_months or 0)  # paused months are not billed
    requested = req.requested_mrr
    counter = CounterProposal(
        kind=name, discount_pct=p.discount_pct, new_mrr=p.new_mrr,
        term_extension_months=extension or None, pause_months=pause_months,
        resume_date=resume.isoformat() if resume else None,
        requested_mrr=requested, commitment_months=commitment,
        contract_value=cents(p.new_mrr * billed),
        requested_contract_value=None if requested is None else cents(requested * left),
        kept_services=list(package.kept), suspended_services=list(package.removed),
        seats=package.seats, needs_approval=needs_approval(p.discount_pct, req.policy),
    )
    return Play(name, counter, list_mrr=package.list_mrr, **extra)


def _same_package(req: Request, removed: list[str] | None = None) -> Package:
    """Today's package at today's price, with `removed` services listed apart."""
    p = current_package(req.account)
    gone = removed or []
    return Package(p.list_mrr, p.base_mrr, p.seats, kept=[n for n in p.kept if n not in gone], removed=gone)


def pause_play(req: Request, name: str, paused: list[str] | None = None) -> Play:
    """Pause the whole package (or only `paused` services); the agreement extends by the pause."""
    months = req.policy.pause.default_months
    start, resume = pause_window(req.today, months)
    names = paused or [s.name for s in req.account.services]
    share = sum(s for n, s in service_shares(req.account) if n in paused) if paused else 1.0
    base = price(req.account, current_package(req.account), 0.0, req.policy).new_mrr
    return offer(req, name, _same_package(req, names), extension=months, pause_months=months,
                 resume=resume, pause_start=start, mrr_during_pause=cents(base * (1 - share)))


def _swap_target(req: Request, removed: list[str]) -> str | None:
    """The other non-core service closest in value to what is removed (the seed's PPC -> Social)."""
    gone = sum(s.mrr for s in req.account.services if s.name in removed)
    options = [s for s in req.account.services if not s.core and s.name not in removed]
    if not removed or not options:
        return None
    return min(options, key=lambda s: (abs(s.mrr - gone), s.name)).name


def _swap(req: Request) -> Play:
    """Move the removed services' budget to a better-fitting service: equal MRR, no extension."""
    to = _swap_target(req, req.modules)
    return offer(req, "creative_swap", _same_package(req, list(req.modules)), swap_to=to)


def _course_correct(req: Request, flags: list[str] | None = None) -> Play:
    """Same package, same price, a plan to fix the results (reviewed at the performance gap)."""
    return offer(req, "course_correct", _same_package(req), flags=flags or [])


def _price_only(req: Request) -> Play:
    """Size unknown: same scope, a retention discount (within the cap) for a multi-year term."""
    pol = req.policy
    return offer(req, "multi_year_lower_price", _same_package(req),
                 extra_pts=pol.counter.retention_discount_pts,
                 extension=pol.multi_year.default_extension_months, flags=["size_unknown"])


def _right_size(req: Request, fraction: float, *, seats: bool) -> Play:
    """Counter at `fraction` of the requested cut; org shrinking adds the retention discount."""
    if req.pct is None:
        return _price_only(req)
    cause, pol = req.dx.root_cause, req.policy
    keep = 1 - req.pct * fraction / 100
    package = scaled_package(req.account, keep) if seats else _scope(req.account, keep)
    extra = pol.counter.retention_discount_pts if cause == "org_shrinking" else 0.0
    name = {"org_shrinking": "right_size_retention", "value_perception": "value_engineering"}.get(
        cause, "right_size_multi_year")
    return offer(req, name, package, extra_pts=extra, extension=pol.multi_year.default_extension_months)


def _scope(account: Account, keep: float) -> Package:
    """An ACV-style cut: the scope shrinks (seats to be agreed), so seats are left open."""
    p = scaled_package(account.model_copy(update={"seats": None}), keep)
    return Package(p.list_mrr, p.base_mrr, None, kept=p.kept)


def _requested_package(req: Request) -> Package | None:
    """The customer's own ask, for when the counters are exhausted."""
    kind, acc = req.dx.kind, req.account
    if kind in ("module_cancel", "service_removal") and req.modules:
        return without_services(acc, req.modules)
    if req.pct is None:
        return None
    keep = 1 - req.pct / 100
    return scaled_package(acc, keep) if kind == "seat_reduction" else _scope(acc, keep)


def _locked(req: Request) -> Play:
    """Inside the lock MRR may not fall: a hardship pause, a swap at equal MRR, or a course-correct."""
    if req.hardship:
        partial = req.modules if req.dx.kind in ("module_cancel", "service_removal") else None
        return pause_play(req, "pause_plan", partial or None)
    if req.dx.kind in ("module_cancel", "service_removal") and _swap_target(req, req.modules):
        return _swap(req)
    return _course_correct(req)


def choose(req: Request, prior_counters: int) -> Play:
    """The negotiation matrix, adjusted by root cause, lock, hardship and negotiation round."""
    kind, cause, pol = req.dx.kind, req.dx.root_cause, req.policy
    if cause == "competitive_displacement":
        return Play("competitive_save", None)
    if kind == "other" and req.pct is None:
        return Play("clarify_request", None, flags=["unclear_request"])
    if req.locked:
        return _locked(req)
    shown = req.shown_pct
    big = shown is not None and shown >= pol.large_cut_pct
    if kind == "cancel" or (shown or 0) >= 100 or (cause == "strategic_shift" and big):
        return pause_play(req, "pause_not_cancel")
    if kind == "pause":
        return pause_play(req, "pause_plan", req.modules or None)
    if prior_counters >= pol.counter.max_rounds and (package := _requested_package(req)) is not None:
        modular = kind in ("module_cancel", "service_removal")
        ext = pol.multi_year.module_lock_months if modular else pol.multi_year.default_extension_months
        return offer(req, "accept_with_reengagement", package, extension=ext, flags=["counters_exhausted"])
    if kind == "seat_reduction":
        return _right_size(req, pol.counter.seat_cut_fraction, seats=True)
    if kind in ("acv_cut", "other"):
        return _right_size(req, pol.counter.acv_cut_fraction, seats=False)
    if kind == "module_cancel":
        return _suspend(req)
    if kind == "service_removal":
        return _service_removal(req)
    # tier_downgrade: the downgrade itself, exchanged for a term and explicit upgrade triggers
    if req.pct is None:
        return _price_only(req)
    return offer(req, "downgrade_with_upgrade_path", _scope(req.account, 1 - req.pct / 100),
                 extension=pol.multi_year.default_extension_months)


def _suspend(req: Request) -> Play:
    """Suspend the named optional modules, keep core services, retention discount, 12-month lock."""
    core = {s.name for s in req.account.services if s.core}
    suspend = [m for m in req.modules if m not in core]
    flags = ["core_service_kept"] if len(suspend) < len(req.modules) else []
    if not suspend and req.modules:  # only core services named: keep them, fix the results
        return _course_correct(req, flags)
    if not suspend:
        return _right_size(req, req.policy.counter.acv_cut_fraction, seats=False)
    pol = req.policy
    return offer(req, "suspend_module", without_services(req.account, suspend),
                 extra_pts=pol.counter.retention_discount_pts, extension=pol.multi_year.module_lock_months,
                 flags=flags)


def _service_removal(req: Request) -> Play:
    """Swap to a better-fitting service at equal MRR if there is one, else remove and review the gap."""
    if not req.modules:
        return _right_size(req, req.policy.counter.acv_cut_fraction, seats=False)
    if _swap_target(req, req.modules):
        return _swap(req)
    return offer(req, "remove_with_review", without_services(req.account, req.modules),
                 extension=req.policy.multi_year.module_lock_months)


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
    return dx.reduction_pct


def new_end(fig: AccountFigures, counter: CounterProposal | None) -> str | None:
    if counter is None:
        return None
    return add_months(fig.end_date, counter.term_extension_months or 0).isoformat()

"""Does the play table cover every case? Each request kind x root cause x eligibility gets a play
that can answer it and that keeps the policy's promises.

Two levels, both pure (the table, the policy and a fixed date in; gaps out):
- the table: every cell of the matrix (docs/plays.md), in its usual shape and in the shapes that
  change the play (size unknown, a later counter, counters exhausted), is looked up, and the play
  it gets must have what it needs (a named service to suspend, a smaller tier to move to...);
- the engine: every cell of the matrix is decided on a sample account, and the policy's own rule
  checks must pass (no MRR cut or pause inside the lock, competitive displacement to the
  competitive save, the cap...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from coach.accounts import Account
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
from coach.policy import rules as r
from coach.policy.decision import Decision
from coach.policy.offers import decide
from coach.policy.playbook import PlayTable, Situation
from coach.policy.playdoc import COLUMNS, Column, typical
from coach.policy.schema import Policy

# What a play needs from the request before its builder can answer it (plays.py).
Need = tuple[Callable[[Situation], bool], str]
_SIZE: Need = (lambda s: s.size_known, "the size of the cut")
NEEDS: dict[str, Need] = {
    "creative_swap": (lambda s: s.services_named and not s.only_core and s.swap_available,
                      "an optional service named and another service to move its budget to"),
    "suspend_module": (lambda s: s.services_named and not s.only_core, "an optional service named"),
    "remove_with_review": (lambda s: s.services_named, "a service named"),
    "downgrade_with_upgrade_path": (lambda s: s.tier_known or s.size_known, "a smaller tier or the size of the cut"),
    "right_size_multi_year": _SIZE,
    "right_size_retention": _SIZE,
    "value_engineering": _SIZE,
    "accept_with_reengagement": _SIZE,
}
# Checks of a decision that state the eligibility (inside the lock: no reduction, no automatic
# pause) rather than judge the play; the play is judged by the lock check of its own counter.
FACT_CHECKS = frozenset({"lock-period", "hardship-pause"})
OPEN = date(2026, 6, 1)  # month 10 of the sample agreement: the lock (at most 9 months here) is over
LOCKED = date(2025, 10, 1)  # month 2: inside any lock of two months or more


@dataclass(frozen=True)
class Case:
    kind: str
    cause: str
    column: Column
    shape: str = ""  # "" for the usual shape, else what differs ("size unknown", ...)

    def __str__(self) -> str:
        return f"{self.kind} x {self.cause} x {self.column.id}" + (f" ({self.shape})" if self.shape else "")


@dataclass
class Gap:
    """Cases the table answers with a play that cannot serve them, for one reason."""

    reason: str  # the first case's, in full
    cases: list[tuple[Case, int, str]] = field(default_factory=list)  # case, row index, play

    @property
    def row(self) -> int:
        """The first row that answers a case wrongly: where a row that covers them belongs."""
        return min(i for _, i, _ in self.cases)

    def describe(self, table: PlayTable) -> str:
        more = len(self.cases) - 3
        shown = "; ".join(f"{c} gets {play} (row {table.rows[i].id})" for c, i, play in self.cases[:3])
        return (f"{len(self.cases)} case(s) without a play that fits: {shown}"
                + (f" and {more} more" if more > 0 else "") + f" ({self.reason})")


def _add(gaps: dict[str, Gap], key: str, reason: str, case: Case, row: int, play: str) -> None:
    gaps.setdefault(key, Gap(reason)).cases.append((case, row, play))


def shapes(kind: str, cause: str, column: Column, max_rounds: int) -> Iterator[tuple[Case, Situation]]:
    """The usual shape of a cell and the shapes that change the play."""
    base = typical(kind, cause, column)
    yield Case(kind, cause, column), base
    if kind != "cancel":  # a cancel is always the whole package
        unknown = {"size_known": kind == "pause", "services_named": False, "swap_available": False,
                   "tier_known": False, "large": False}
        yield Case(kind, cause, column, "size unknown"), base.model_copy(update=unknown)
    yield Case(kind, cause, column, "a later counter"), base.model_copy(update={"first_counter": False})
    if max_rounds > 0:
        yield (Case(kind, cause, column, "counters exhausted"),
               base.model_copy(update={"first_counter": False, "exhausted": True}))


def table_gaps(table: PlayTable, max_rounds: int) -> list[Gap]:
    """Cases whose play lacks what it needs (the table alone, every shape)."""
    gaps: dict[str, Gap] = {}
    for kind in REQUEST_KINDS:
        for cause in ROOT_CAUSES:
            for column in COLUMNS:
                for case, s in shapes(kind, cause, column, max_rounds):
                    row = table.lookup(s)
                    reason = _unmet(row.play, s)
                    if reason:
                        _add(gaps, reason, reason, case, table.rows.index(row), row.play)
    return list(gaps.values())


def _unmet(play: str, s: Situation) -> str | None:
    if s.insolvency and play != "graceful_exit":
        return "insolvency takes no save attempt: only graceful_exit fits"
    need = NEEDS.get(play)
    if need is not None and not need[0](s):
        return f"{play} needs {need[1]}, which the request does not give"
    return None


def sample_account(column: Column, agreement_type: str = "integrated_marketing") -> Account:
    """Acme Dental, 5,000 list at 8% off, three services (one core), shaped to the column."""
    list_mrr, mrr = 5000.0, 4600.0
    if column.facts.get("at_cap"):
        mrr = 4000.0  # 20% off: at the built-in hard cap
    if column.facts.get("enterprise"):
        list_mrr, mrr = 9000.0, 8400.0  # ARR 100,800
    services = [("SEO", 1800.0, True), ("PPC", 1500.0, False), ("Social Media", 1300.0, False)]
    return Account.model_validate({
        "id": "acme", "name": "Acme Dental", "list_mrr": list_mrr, "mrr": mrr, "seats": 40,
        "contact": {"name": "Dana Reyes"},
        "services": [{"name": n, "mrr": round(m * mrr / 4600.0, 2), "core": core} for n, m, core in services],
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": agreement_type},
    })


SIZES: dict[str, dict[str, object]] = {  # how big the usual request of each kind is
    "seat_reduction": {"seats_requested": 12}, "acv_cut": {"reduction_pct": 30.0},
    "module_cancel": {"modules": ["PPC"]}, "service_removal": {"modules": ["PPC"]},
}


def sample_diagnosis(kind: str, cause: str, column: Column) -> Diagnosis:
    """The usual shape of the request (the one the matrix describes)."""
    return Diagnosis.model_validate({
        "kind": kind, "root_cause": cause, **SIZES.get(kind, {}), "insolvency": bool(column.facts.get("insolvency")),
        "outage": bool(column.facts.get("outage")),
        "hardship": "financial" if column.facts.get("hardship") else None})


def sample_day(column: Column) -> date:
    return LOCKED if column.facts.get("locked") else OPEN


def sample_decisions(policy: Policy) -> Iterator[tuple[Case, Account, Diagnosis, Decision]]:
    """Every cell of the matrix decided on the sample account (for rule checks and drafting checks)."""
    locked = policy.lock.agreement_types[0] if policy.lock.agreement_types else "integrated_marketing"
    for kind in REQUEST_KINDS:
        for cause in ROOT_CAUSES:
            for column in COLUMNS:
                acc, dx = sample_account(column, locked), sample_diagnosis(kind, cause, column)
                yield Case(kind, cause, column), acc, dx, decide(acc, dx, policy, sample_day(column))


def engine_gaps(policy: Policy) -> list[Gap]:
    """Cells whose decision breaks one of the policy's rule checks."""
    table = policy.plays
    assert table is not None
    gaps: dict[str, Gap] = {}
    for case, acc, dx, d in sample_decisions(policy):
        failed = [c for c in d.failed if c.id not in FACT_CHECKS]
        c = d.counter
        if c is not None:
            lock = r.lock_period(acc, policy, sample_day(case.column), new_mrr=c.new_mrr,
                                 pause_months=c.pause_months, hardship=acc.hardship or dx.hardship)
            failed = ([lock] if not lock.passed else []) + failed
        if failed:
            i = next(n for n, row in enumerate(table.rows) if row.id == d.play_row)
            _add(gaps, failed[0].id, f"the {failed[0].id} check fails on a sample account: {failed[0].reason}",
                 case, i, d.play)
    return list(gaps.values())


def coverage_gaps(policy: Policy) -> list[Gap]:
    """Every gap of the policy's play table (none without a table: loading it reports that)."""
    if policy.plays is None:
        return []
    return table_gaps(policy.plays, policy.counter.max_rounds) + engine_gaps(policy)

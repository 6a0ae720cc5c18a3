"""Repository functions: every read and write the app makes. Callers commit before responding."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coach.accounts import Account, parse_account
from coach.cases import REPORTED, Stage, TriggerPlan, parse_stage, transition
from coach.cases.cadence import resolution_warning
from coach.errors import CoachInputError
from coach.store.models import AccountRow, CaseEventRow, CaseRow, DecisionRow, TriggerRow, TurnRow

MILESTONES = frozenset({REPORTED})


class NotFoundError(CoachInputError):
    """The request names an account, case or trigger that does not exist."""


# --- accounts ---------------------------------------------------------------------------------

def save_account(s: Session, account: Account) -> tuple[AccountRow, bool]:
    """Insert or replace an account; returns the row and whether it was new."""
    data = account.model_dump(mode="json")
    row = s.get(AccountRow, account.id)
    if row is None:
        row = AccountRow(id=account.id, name=account.name, segment=account.segment, data=data)
        s.add(row)
        s.flush()
        return row, True
    row.name, row.segment, row.data = account.name, account.segment, data
    s.flush()
    return row, False


def get_account_row(s: Session, account_id: str) -> AccountRow:
    row = s.get(AccountRow, account_id)
    if row is None:
        raise NotFoundError(f"unknown account {account_id!r}", field="account_id")
    return row


def account_from_row(row: AccountRow) -> Account:
    return parse_account(row.data, source=f"account {row.id}")


def load_account(s: Session, account_id: str) -> Account:
    return account_from_row(get_account_row(s, account_id))


def list_accounts(s: Session, *, limit: int = 100, offset: int = 0) -> list[AccountRow]:
    return list(s.scalars(select(AccountRow).order_by(AccountRow.id).limit(limit).offset(offset)))


# --- cases --------------------------------------------------------------------------------------

def create_case(s: Session, account_id: str, opened_on: date) -> CaseRow:
    get_account_row(s, account_id)
    case = CaseRow(id=f"case-{uuid.uuid4().hex[:16]}", account_id=account_id,
                   stage=Stage.ACKNOWLEDGED.value, opened_on=opened_on)
    s.add(case)
    case.events.append(CaseEventRow(kind="stage", value=Stage.ACKNOWLEDGED.value, on_date=opened_on))
    s.flush()
    return case


def get_case(s: Session, case_id: str) -> CaseRow:
    stmt = select(CaseRow).where(CaseRow.id == case_id).options(
        selectinload(CaseRow.turns), selectinload(CaseRow.decisions),
        selectinload(CaseRow.events), selectinload(CaseRow.triggers),
    )
    case = s.scalars(stmt).first()
    if case is None:
        raise NotFoundError(f"unknown case {case_id!r}", field="case_id")
    return case


def list_cases(s: Session, *, account_id: str | None = None, open_only: bool = False,
               limit: int = 100, offset: int = 0) -> list[CaseRow]:
    stmt = select(CaseRow).order_by(CaseRow.created_at.desc(), CaseRow.id)
    if account_id is not None:
        stmt = stmt.where(CaseRow.account_id == account_id)
    if open_only:
        stmt = stmt.where(CaseRow.stage != Stage.TRIGGERS_SET.value)
    return list(s.scalars(stmt.limit(limit).offset(offset)))


def add_turn(s: Session, case: CaseRow, role: str, text: str, on: date) -> TurnRow:
    turn = TurnRow(seq=len(case.turns) + 1, role=role, text=text, on_date=on)
    case.turns.append(turn)
    s.flush()
    return turn


def undo_turn(s: Session, case: CaseRow, turn_id: int, stage: str, events: int) -> None:
    """Take back a committed turn whose suggestion failed: the turn, and any stage change it made."""
    case.turns[:] = [t for t in case.turns if t.id != turn_id]
    del case.events[events:]
    case.stage = stage
    s.flush()


def customer_texts(case: CaseRow) -> list[str]:
    return [t.text for t in case.turns if t.role == "customer"]


def add_decision(s: Session, case: CaseRow, turn: TurnRow | None, draft: dict[str, Any],
                 on: date) -> DecisionRow:
    decision = DecisionRow(turn_id=turn.id if turn else None, draft=draft, on_date=on)
    case.decisions.append(decision)
    s.flush()
    return decision


def latest_decision(case: CaseRow) -> DecisionRow | None:
    return case.decisions[-1] if case.decisions else None


def set_stage(s: Session, case: CaseRow, stage: Stage, on: date, note: str | None = None) -> None:
    """Record a stage change without checking the flow (callers use `change_stage`)."""
    case.stage = stage.value
    case.events.append(CaseEventRow(kind="stage", value=stage.value, note=note, on_date=on))
    s.flush()


def change_stage(s: Session, case: CaseRow, target: str, on: date, note: str | None = None) -> Stage:
    new = transition(parse_stage(case.stage), parse_stage(target))
    set_stage(s, case, new, on, note)
    return new


def add_milestone(s: Session, case: CaseRow, milestone: str, on: date, note: str | None = None) -> None:
    if milestone not in MILESTONES:
        raise CoachInputError(f"unknown milestone {milestone!r}; expected one of "
                              f"{', '.join(sorted(MILESTONES))}", field="milestone")
    case.events.append(CaseEventRow(kind="milestone", value=milestone, note=note, on_date=on))
    s.flush()


def milestones(case: CaseRow) -> frozenset[str]:
    return frozenset(e.value for e in case.events if e.kind == "milestone")


def counters_sent(case: CaseRow) -> int:
    """How many counter-proposals the customer has had on this case."""
    return sum(1 for e in case.events if e.kind == "stage" and e.value == Stage.COUNTER_SENT.value)


# --- triggers -----------------------------------------------------------------------------------

def add_triggers(s: Session, case: CaseRow, plans: list[TriggerPlan], set_on: date) -> list[TriggerRow]:
    existing = {(t.kind, t.due_date) for t in case.triggers}
    rows = []
    for plan in plans:
        if (plan.kind, plan.due_date) in existing:
            continue
        row = TriggerRow(account_id=case.account_id, kind=plan.kind, due_date=plan.due_date,
                         description=plan.description, set_on=set_on, status="open")
        case.triggers.append(row)
        rows.append(row)
    s.flush()
    return rows


def due_triggers(s: Session, today: date, *, within_days: int = 0,
                 account_id: str | None = None) -> list[TriggerRow]:
    """Open triggers due on or before `today + within_days`, soonest first."""
    stmt = select(TriggerRow).where(TriggerRow.status == "open",
                                    TriggerRow.due_date <= today + timedelta(days=within_days))
    if account_id is not None:
        stmt = stmt.where(TriggerRow.account_id == account_id)
    return list(s.scalars(stmt.order_by(TriggerRow.due_date, TriggerRow.id)))


def complete_trigger(s: Session, trigger_id: int, on: date) -> TriggerRow:
    row = s.get(TriggerRow, trigger_id)
    if row is None:
        raise NotFoundError(f"unknown trigger {trigger_id}", field="trigger_id")
    row.status, row.done_on = "done", on
    s.flush()
    return row


def open_cases_opened_before(s: Session, day: date) -> list[CaseRow]:
    """Unclosed cases opened on or before `day` (candidates for the 30-day warning)."""
    stmt = select(CaseRow).where(CaseRow.stage != Stage.TRIGGERS_SET.value, CaseRow.opened_on <= day)
    return list(s.scalars(stmt.order_by(CaseRow.opened_on, CaseRow.id)))


def overdue_cases(s: Session, today: date, *, target_days: int) -> list[tuple[CaseRow, str]]:
    """Unresolved cases past the resolution target, oldest first, with the warning to show."""
    out = []
    for case in open_cases_opened_before(s, today - timedelta(days=target_days)):
        warning = resolution_warning(parse_stage(case.stage), case.opened_on, today, target_days=target_days)
        if warning:
            out.append((case, warning))
    return out

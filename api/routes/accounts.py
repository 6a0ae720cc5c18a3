"""Accounts: import an account file, read one back with its derived figures, list them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import SessionDep, today_or
from api.errors import NOT_FOUND
from api.schemas import AccountIn, AccountListOut, AccountOut, FiguresOut
from coach.accounts import derive, parse_account
from coach.store import repo
from coach.store.models import AccountRow

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])
AccountIdPath = Annotated[str, Path(min_length=1, max_length=200)]


def account_out(row: AccountRow, today: date) -> AccountOut:
    account = repo.account_from_row(row)
    f = derive(account, today)
    figures = FiguresOut(as_of=today, months_in=f.months_in, arr=f.arr, discount_pct=f.discount_pct,
                         end_date=f.end_date, months_left=f.months_left)
    return AccountOut(id=row.id, name=row.name, segment=row.segment, account=row.data, figures=figures)


@router.post("", response_model=AccountOut, status_code=201, summary="Import (create or replace) an account")
def import_account(body: AccountIn, s: SessionDep, today: date | None = None) -> AccountOut:
    day = today_or(today)
    account = parse_account(body.model_dump(mode="json"), today=day, source="account")
    row, _ = repo.save_account(s, account)
    s.commit()
    return account_out(row, day)


@router.get("", response_model=AccountListOut, summary="List accounts")
def list_accounts(
    s: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    today: date | None = None,
) -> AccountListOut:
    day = today_or(today)
    return AccountListOut(accounts=[account_out(r, day) for r in repo.list_accounts(s, limit=limit,
                                                                                    offset=offset)])


@router.get("/{account_id}", response_model=AccountOut, responses=NOT_FOUND, summary="Read an account")
def get_account(account_id: AccountIdPath, s: SessionDep, today: date | None = None) -> AccountOut:
    return account_out(repo.get_account_row(s, account_id), today_or(today))

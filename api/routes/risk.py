"""Downgrade risk: rank posted accounts or the stored portfolio by their early-warning signals."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import PolicyDep, SessionDep, today_or
from api.errors import NOT_FOUND
from api.schemas_outreach import RiskAssessmentOut, RiskIn, RiskOut, RiskRowErrorOut
from coach.errors import CoachInputError
from coach.outreach.clock import within_horizon
from coach.signals import RiskAssessment, assess, rank
from coach.signals.portfolio import RawRow, validate_rows
from coach.store import repo

router = APIRouter(prefix="/v1/risk", tags=["risk"])
LEVELS = ("low", "medium", "high")
PAGE = 500


def ranked_out(ranked: list[RiskAssessment], min_level: str, top: int | None) -> list[RiskAssessmentOut]:
    keep = [a for a in ranked if LEVELS.index(a.level) >= LEVELS.index(min_level)][:top]
    return [RiskAssessmentOut(rank=i, summary=a.summary, **a.model_dump(mode="json"))
            for i, a in enumerate(keep, start=1)]


def _nothing(errors: list[RiskRowErrorOut]) -> CoachInputError:
    first = errors[0]
    where = f"item {first.item}" if first.item is not None else f"account {first.account_id}"
    return CoachInputError(f"nothing could be processed ({len(errors)} bad; first: {where}: {first.error})",
                           field="accounts")


@router.post("", response_model=RiskOut,
             summary="Rank posted accounts by downgrade risk; bad items reported")
def rank_posted(body: RiskIn, policy: PolicyDep) -> RiskOut:
    today = today_or(body.today)
    entries, bad = validate_rows([RawRow("accounts", i, a) for i, a in enumerate(body.accounts, start=1)],
                                 today)
    errors = [RiskRowErrorOut(item=e.line, field=e.field, error=e.error) for e in bad]
    assessed = []
    for e in entries:
        try:
            assessed.append(assess(e.account, policy, today, e.usage))
        except CoachInputError as exc:
            errors.append(RiskRowErrorOut(item=e.line, field=exc.field, error=str(exc)))
    if not assessed:
        raise _nothing(sorted(errors, key=lambda e: e.item or 0))
    ranked = rank(assessed)
    return RiskOut(today=today, processed=len(ranked), failed=len(errors),
                   ranked=ranked_out(ranked, body.min_level, body.top),
                   errors=sorted(errors, key=lambda e: e.item or 0))


@router.get("", response_model=RiskOut, summary="Rank the stored accounts by downgrade risk")
def rank_stored(
    s: SessionDep,
    policy: PolicyDep,
    today: date | None = None,
    min_level: Literal["low", "medium", "high"] = "low",
    top: Annotated[int | None, Query(ge=1, le=100_000)] = None,
) -> RiskOut:
    day = within_horizon(today_or(today), "today")
    assessed, errors, offset = [], [], 0
    while rows := repo.list_accounts(s, limit=PAGE, offset=offset):
        offset += len(rows)
        for row in rows:
            try:
                assessed.append(assess(repo.account_from_row(row), policy, day))
            except CoachInputError as exc:
                errors.append(RiskRowErrorOut(account_id=row.id, field=exc.field, error=str(exc)))
    s.close()
    ranked = rank(assessed)
    return RiskOut(today=day, processed=len(ranked), failed=len(errors),
                   ranked=ranked_out(ranked, min_level, top), errors=errors)


@router.get("/{account_id}", response_model=RiskAssessmentOut, responses=NOT_FOUND,
            summary="One stored account's risk score, reasons and plays")
def account_risk(account_id: Annotated[str, Path(min_length=1, max_length=200)], s: SessionDep,
                 policy: PolicyDep, today: date | None = None) -> RiskAssessmentOut:
    a = assess(repo.load_account(s, account_id), policy, today_or(today))
    return RiskAssessmentOut(rank=1, summary=a.summary, **a.model_dump(mode="json"))

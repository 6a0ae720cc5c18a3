"""Re-engagement triggers: what is due, adding one to a case, marking one done."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.case_schemas import DueOut, OverdueCaseOut, TriggerIn, TriggerOut
from api.casework import plan_extra, trigger_out
from api.deps import PolicyDep, SessionDep, today_or
from api.errors import NOT_FOUND
from coach.cases import Stage
from coach.cases.cadence import case_day
from coach.store import repo

router = APIRouter(tags=["triggers"])


@router.get("/v1/triggers/due", response_model=DueOut,
            summary="Triggers due (and cases past the 30-day resolution target)")
def list_due(
    s: SessionDep,
    policy: PolicyDep,
    today: date | None = None,
    within_days: Annotated[int, Query(ge=0, le=3650)] = 0,
    account_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> DueOut:
    day = today_or(today)
    rows = repo.due_triggers(s, day, within_days=within_days, account_id=account_id)
    overdue = [
        OverdueCaseOut(case_id=c.id, account_id=c.account_id, stage=Stage(c.stage),
                       day=case_day(c.opened_on, day), warning=w)
        for c, w in repo.overdue_cases(s, day, target_days=policy.resolution_target_days)
        if account_id is None or c.account_id == account_id
    ]
    return DueOut(today=day, within_days=within_days, triggers=[trigger_out(t) for t in rows],
                  overdue_cases=overdue)


@router.post("/v1/cases/{case_id}/triggers", response_model=TriggerOut, status_code=201,
             responses=NOT_FOUND, summary="Add a re-engagement trigger to a case")
def add_trigger(case_id: Annotated[str, Path(min_length=1, max_length=40)], body: TriggerIn,
                s: SessionDep, policy: PolicyDep, today: date | None = None) -> TriggerOut:
    day = today_or(today)
    case = repo.get_case(s, case_id)
    plan = plan_extra([body], day, policy)[0]
    rows = repo.add_triggers(s, case, [plan], day)
    s.commit()
    row = rows[0] if rows else next(t for t in case.triggers if (t.kind, t.due_date) == (plan.kind,
                                                                                         plan.due_date))
    return trigger_out(row)


@router.post("/v1/triggers/{trigger_id}/done", response_model=TriggerOut, responses=NOT_FOUND,
             summary="Mark a trigger as handled")
def complete_trigger(trigger_id: Annotated[int, Path(ge=1, le=2**62)], s: SessionDep,
                     today: date | None = None) -> TriggerOut:
    row = repo.complete_trigger(s, trigger_id, today_or(today))
    s.commit()
    return trigger_out(row)

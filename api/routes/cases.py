"""Cases: one conversation with a customer, from the request to the re-engagement triggers."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.case_schemas import (
    CaseIn,
    CaseListOut,
    CaseOut,
    CaseSummaryOut,
    MilestoneIn,
    StageIn,
    SuggestionOut,
    TurnIn,
    TurnResultOut,
)
from api.casework import (
    cadence_for,
    case_context,
    case_out,
    close_with_triggers,
    draft_out,
    plan_extra,
    record_turn,
    turn_out,
)
from api.deps import DrafterDep, PolicyDep, SessionDep, SettingsDep, today_or
from api.errors import CONFLICT, NOT_FOUND
from api.routes.outreach import respect_firm_no
from coach.cases import Stage
from coach.diagnosis.corrections import record
from coach.store import repo

router = APIRouter(prefix="/v1/cases", tags=["cases"])
CaseIdPath = Annotated[str, Path(min_length=1, max_length=40)]


@router.post("", response_model=CaseOut, status_code=201, responses=NOT_FOUND,
             summary="Open a case for an account (optionally with the customer's first message)")
def create_case(body: CaseIn, s: SessionDep, settings: SettingsDep, policy: PolicyDep,
                drafter: DrafterDep) -> CaseOut:
    today = today_or(body.today)
    draft = None
    if body.message:  # drafted before anything is written: no write transaction open during a model call
        account = repo.load_account(s, body.account_id)
        s.rollback()  # end the read, too
        draft = drafter(account, body.message, today=today, history=None, prior_counters=0,
                        settings=settings)
    case = repo.create_case(s, body.account_id, today)
    if body.message and draft is not None:
        turn = record_turn(s, case, "customer", body.message, today)
        repo.add_decision(s, case, turn, draft_out(draft).model_dump(mode="json"), today)
    s.commit()
    return case_out(case, today, policy)


@router.get("", response_model=CaseListOut, summary="List cases, newest first")
def list_cases(
    s: SessionDep,
    account_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    open_only: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> CaseListOut:
    rows = repo.list_cases(s, account_id=account_id, open_only=open_only, limit=limit, offset=offset)
    return CaseListOut(cases=[CaseSummaryOut(id=c.id, account_id=c.account_id, stage=Stage(c.stage),
                                             opened_on=c.opened_on) for c in rows])


@router.get("/{case_id}", response_model=CaseOut, responses=NOT_FOUND,
            summary="A case: turns, stage, cadence, warnings, triggers and the latest suggestion")
def get_case(case_id: CaseIdPath, s: SessionDep, policy: PolicyDep, today: date | None = None) -> CaseOut:
    return case_out(repo.get_case(s, case_id), today_or(today), policy)


@router.post("/{case_id}/turns", response_model=TurnResultOut, status_code=201,
             responses={**NOT_FOUND, **CONFLICT},
             summary="Post a turn; a customer turn returns the suggested reply")
def post_turn(case_id: CaseIdPath, body: TurnIn, s: SessionDep, settings: SettingsDep,
              drafter: DrafterDep, policy: PolicyDep) -> TurnResultOut:
    today = today_or(body.today)
    case = repo.get_case(s, case_id)
    stage_before, events_before = case.stage, len(case.events)
    turn = record_turn(s, case, body.role, body.text, today)
    suggestion = None
    if body.role == "customer":
        account, texts, counters = case_context(s, case)
        turn_id = turn.id
        # The turn is committed before drafting: no write transaction stays open while a model
        # answers, so other writes (other cases, other users) are not blocked on SQLite.
        s.commit()
        extra = {"corrections": body.corrections} if body.corrections is not None else {}
        try:
            draft = drafter(account, body.text, today=today, history=texts[:-1], prior_counters=counters,
                            settings=settings, **extra)
        except BaseException:
            # No half-written turn without its suggestion: take the committed turn back.
            s.rollback()
            repo.undo_turn(s, repo.get_case(s, case_id), turn_id, stage_before, events_before)
            s.commit()
            raise
        case = repo.get_case(s, case_id)
        turn = next(t for t in case.turns if t.id == turn_id)
        if body.corrections is not None:
            record(s, account, body.text, draft, body.corrections)
        suggestion = respect_firm_no(s, case, body.text, draft_out(draft), policy, today, settings)
        repo.add_decision(s, case, turn, suggestion.model_dump(mode="json"), today)
    s.commit()
    return TurnResultOut(turn=turn_out(turn), stage=Stage(case.stage), suggestion=suggestion)


@router.get("/{case_id}/suggestion", response_model=SuggestionOut, responses=NOT_FOUND,
            summary="The suggested next step: cadence step due, warnings and the latest draft")
def get_suggestion(case_id: CaseIdPath, s: SessionDep, policy: PolicyDep,
                   today: date | None = None) -> SuggestionOut:
    case = repo.get_case(s, case_id)
    cadence, warnings = cadence_for(case, today_or(today), policy)
    last = repo.latest_decision(case)
    return SuggestionOut(case_id=case.id, stage=Stage(case.stage), day=cadence.day,
                         next_step=cadence.next_step, warnings=warnings,
                         draft=draft_out(last.draft) if last else None)


@router.post("/{case_id}/stage", response_model=CaseOut, responses={**NOT_FOUND, **CONFLICT},
             summary="Move the case along the playbook flow (triggers_set records the triggers)")
def change_stage(case_id: CaseIdPath, body: StageIn, s: SessionDep, policy: PolicyDep) -> CaseOut:
    today = today_or(body.today)
    case = repo.get_case(s, case_id)
    extra = plan_extra(body.triggers, today, policy)
    new = repo.change_stage(s, case, body.stage.value, today, body.note)
    if new is Stage.TRIGGERS_SET:
        close_with_triggers(s, case, today, extra, policy)
    elif extra:
        repo.add_triggers(s, case, extra, today)
    s.commit()
    return case_out(case, today, policy)


@router.post("/{case_id}/milestones", response_model=CaseOut, responses=NOT_FOUND,
             summary="Record a cadence milestone (reported to VP CS and Deal Desk)")
def add_milestone(case_id: CaseIdPath, body: MilestoneIn, s: SessionDep, policy: PolicyDep) -> CaseOut:
    today = today_or(body.today)
    case = repo.get_case(s, case_id)
    repo.add_milestone(s, case, body.milestone, today, body.note)
    s.commit()
    return case_out(case, today, policy)

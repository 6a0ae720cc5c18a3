"""Check a reply written by a person or a model with the one guard (contract section 4)."""

from __future__ import annotations

from fastapi import APIRouter

from api.casework import resolve_account
from api.deps import SessionDep, SettingsDep, today_or
from api.errors import NOT_FOUND
from api.schemas import ReplyCheckIn
from coach.drafting.reply_check import ReplyCheck

router = APIRouter(prefix="/v1/replies", tags=["replies"])


@router.post("/check", response_model=ReplyCheck, responses=NOT_FOUND,
             summary="Check a reply against the facts the engine computes for the account and message")
def check(body: ReplyCheckIn, s: SessionDep, settings: SettingsDep) -> ReplyCheck:
    from coach.drafting.reply_check import check_reply

    today = today_or(body.today)
    account = resolve_account(s, body, today)
    s.close()
    return check_reply(account, body.message, body.reply, stage=body.stage, today=today, settings=settings,
                       history=body.history or None, prior_counters=body.prior_counters,
                       corrections=body.corrections)

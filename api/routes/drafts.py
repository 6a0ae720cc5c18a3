"""One-shot drafts: the contract JSON for an account and a customer message."""

from __future__ import annotations

from fastapi import APIRouter

from api.casework import draft_out, resolve_account
from api.deps import DrafterDep, SessionDep, SettingsDep, today_or
from api.errors import NOT_FOUND
from api.schemas import DraftIn, DraftOut
from coach.diagnosis.corrections import record

router = APIRouter(prefix="/v1/drafts", tags=["drafts"])


@router.post("", response_model=DraftOut, responses=NOT_FOUND,
             summary="Draft a reply: acknowledgment, diagnosis questions, counter-proposal, triggers")
def create_draft(body: DraftIn, s: SessionDep, settings: SettingsDep, drafter: DrafterDep) -> DraftOut:
    today = today_or(body.today)
    account = resolve_account(s, body, today)
    s.close()  # drafting may take a while; do not hold a connection
    extra: dict = {"csm": body.csm} if body.csm is not None else {}
    if body.corrections is not None:
        extra["corrections"] = body.corrections
    if body.secured is not None:
        extra["secured"] = body.secured
    draft = drafter(account, body.message, today=today, history=body.history,
                    prior_counters=body.prior_counters, settings=settings, **extra)
    if body.corrections is not None:  # the CSM's labels, kept for this deployment's classifier
        record(s, account, body.message, draft, body.corrections)
        s.commit()
    return draft_out(draft)

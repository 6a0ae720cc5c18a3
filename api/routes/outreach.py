"""Outreach: re-engagement and upsell drafts under the contact rules, the contact log, the firm-no
check and the gracious acceptance. `respect_firm_no` is what the case-turn route calls."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from fastapi import APIRouter
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from api.casework import resolve_account
from api.deps import PolicyDep, SessionDep, SettingsDep
from api.errors import NOT_FOUND
from api.schemas import DraftOut
from api.schemas_outreach import (
    AcceptanceIn,
    AcceptanceOut,
    ContactLogIn,
    ContactLogOut,
    FirmNoIn,
    FirmNoOut,
    OutreachIn,
    OutreachOut,
)
from coach.accounts import parse_account
from coach.accounts.loader import first_error_line
from coach.cases.stages import TRANSITIONS, Stage, parse_stage
from coach.errors import CoachInputError
from coach.outreach import accept_gracefully, draft_outreach, firm_no
from coach.outreach.clock import require_aware
from coach.outreach.models import ContactRecord, OutreachRequest
from coach.store import repo
from coach.store.models import CaseRow

router = APIRouter(prefix="/v1/outreach", tags=["outreach"])
M = TypeVar("M", bound=BaseModel)


def domain(model: type[M], data: Any) -> M:
    """The request's parts as domain models; a rule they break is a 422 naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        line = first_error_line(exc)
        raise CoachInputError(line, field=line.split(":", 1)[0]) from None


@router.post("/drafts", response_model=OutreachOut, responses=NOT_FOUND,
             summary="Draft a re-engagement or upsell message; blocked drafts say which rule they break")
def create_outreach(body: OutreachIn, s: SessionDep, settings: SettingsDep, policy: PolicyDep) -> OutreachOut:
    now = require_aware(body.now) if body.now is not None else datetime.now(UTC)
    account = resolve_account(s, body, body.today or now.date())
    s.close()  # a model may be writing; do not hold a connection
    request = domain(OutreachRequest, body.model_dump(include={"reason", "trigger", "note", "offer",
                                                               "language"}))
    log = None if body.contact_log is None else [domain(ContactRecord, r.model_dump())
                                                 for r in body.contact_log]
    draft = draft_outreach(account, request, policy, now, log=log, settings=settings)
    return OutreachOut.model_validate(draft.model_dump(mode="json"))


def log_contact(s: Session, account_id: str, record: ContactRecord) -> list[dict[str, Any]]:
    """Append to a stored account's `contact_log` (what the contact cap and opt-outs read)."""
    row = repo.get_account_row(s, account_id)
    data = dict(row.data)
    entry = record.model_dump(mode="json", exclude_none=True)
    data["contact_log"] = [*(data.get("contact_log") or []), entry]
    repo.save_account(s, parse_account(data, source=f"account {account_id}"))
    return data["contact_log"]


@router.post("/contacts", response_model=ContactLogOut, status_code=201, responses=NOT_FOUND,
             summary="Record a contact (an offer sent, an opt-out, an opt-in) on a stored account")
def record_contact(body: ContactLogIn, s: SessionDep) -> ContactLogOut:
    at = require_aware(body.at, field="at") if body.at is not None else datetime.now(UTC)
    record = domain(ContactRecord, {"at": at, "kind": body.kind, "note": body.note})
    entries = log_contact(s, body.account_id, record)
    s.commit()
    return ContactLogOut(account_id=body.account_id, contact_log=entries)


@router.post("/firm-no", response_model=FirmNoOut,
             summary="Should the coach stop proposing saves? (firm no, no offers wanted, attempts used up)")
def check_firm_no(body: FirmNoIn, policy: PolicyDep) -> FirmNoOut:
    decision = firm_no([t.model_dump() for t in body.history], body.message, body.counters_made, policy)
    return FirmNoOut.model_validate(decision.model_dump())


@router.post("/acceptances", response_model=AcceptanceOut, responses=NOT_FOUND,
             summary="Draft the gracious acceptance of the customer's decision, with the re-engagement plan")
def create_acceptance(body: AcceptanceIn, s: SessionDep, settings: SettingsDep,
                      policy: PolicyDep) -> AcceptanceOut:
    today = body.today or date.today()
    account = resolve_account(s, body, today)
    s.close()
    result = accept_gracefully(account, body.outcome, policy, today, language=body.language,
                               services_removed=body.services_removed, settings=settings)
    return AcceptanceOut.model_validate(result.model_dump(mode="json"))


def respect_firm_no(s: Session, case: CaseRow, message: str, suggestion: DraftOut, policy: Any,
                    today: date, settings: Any) -> DraftOut:
    """After a clear firm no (or the last save attempt), the suggestion becomes the gracious acceptance.

    Records the outcome: the case moves to downsell_accepted (when the flow allows it) with the
    reason as the note, and a "no offers" request is written to the account's contact log.
    """
    earlier = [(t.role, t.text) for t in case.turns[:-1]]  # the new turn is already recorded
    decision = firm_no(earlier, message, repo.counters_sent(case), policy)
    if not decision.stop_saves or decision.outcome is None:
        return suggestion
    account = repo.load_account(s, case.account_id)
    removed = decision.outcome == "reduce" and suggestion.request.kind in ("module_cancel", "service_removal")
    acc = accept_gracefully(account, decision.outcome, policy, today, language=suggestion.language,
                            services_removed=removed, settings=settings)
    data = suggestion.model_dump(mode="json")
    data.update(
        acknowledgment=acc.message, diagnosis_questions=[], counter_proposal=None, play="accept_gracefully",
        next_step={"owner": "csm", "action": "accept_gracefully: confirm the decision in writing; no further "
                                               "offers"},
        firm_no=decision.model_dump(mode="json"),
        reengagement_triggers=[t.model_dump() for t in acc.triggers],
        violations=[*data.get("violations", []), *acc.violations],
        notes=[*data.get("notes", []), f"firm no ({decision.reason}): {decision.explanation}"],
    )
    stage = parse_stage(case.stage)
    if Stage.DOWNSELL_ACCEPTED in TRANSITIONS[stage]:
        repo.set_stage(s, case, Stage.DOWNSELL_ACCEPTED, today,
                       note=f"firm no ({decision.reason}): the decision to {decision.outcome} accepted")
    if decision.reason == "no_offers":
        log_contact(s, case.account_id, ContactRecord(at=datetime.combine(today, time(), tzinfo=UTC),
                                                      kind="opt_out", note=f"said in case {case.id}"))
    return DraftOut.model_validate(data)

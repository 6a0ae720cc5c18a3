"""The live chat stream: post a customer turn (or correct a fact), receive the suggestion as Server-Sent Events."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import StreamingResponse

from api.case_schemas import RedraftIn, StreamTurnIn
from api.casework import make_draft, record_turn
from api.deps import DbDep, DrafterDep, SessionDep, SettingsDep, StreamerDep, today_or
from api.errors import CONFLICT, NOT_FOUND, ConflictError
from api.streaming import Streamer, turn_events
from api.talk import talk_for
from coach.cases.stages import CLOSED, parse_stage
from coach.config import Settings
from coach.drafting.talk import TalkTrack
from coach.store import Database, repo

router = APIRouter(prefix="/v1/cases", tags=["cases"])
CaseIdPath = Annotated[str, Path(min_length=1, max_length=40)]

STREAM_PATHS = ("/v1/cases/{case_id}/turns/stream", "/v1/cases/{case_id}/redraft/stream")
SSE_DOC = {
    200: {
        "description": "text/event-stream, one `event:` and one JSON `data:` line per event: `turn` (the "
        "stored turn); with a model configured, `checked` (the template's checked draft) at once; `meta`, "
        "`delta` (unchecked model text, for API clients only) and `replace` while the model writes; then "
        "`final` (the checked draft) or `error`. Each event's `data` is described by the schema named in "
        "`x-events` (components `Stream*Event`).",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
}


def _events(db: Database, settings: Settings, streamer: Streamer, drafter: Any, case_id: str, turn_id: int,
            today: date, corrections: dict[str, Any] | None) -> StreamingResponse:
    template_first = drafter is make_draft and settings.llm_configured
    return StreamingResponse(
        turn_events(db, settings, streamer, case_id, turn_id, today, corrections=corrections,
                    template_first=template_first),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.post("/{case_id}/turns/stream", response_class=StreamingResponse,
             responses={**SSE_DOC, **NOT_FOUND, **CONFLICT},  # type: ignore[dict-item]
             summary="Post a customer turn and stream the suggested reply (Server-Sent Events)")
def stream_turn(case_id: CaseIdPath, body: StreamTurnIn, s: SessionDep, db: DbDep, settings: SettingsDep,
                streamer: StreamerDep, drafter: DrafterDep) -> StreamingResponse:
    today = today_or(body.today)
    case = repo.get_case(s, case_id)
    turn = record_turn(s, case, "customer", body.text, today)
    s.commit()  # the turn is acknowledged before the first byte of the stream
    return _events(db, settings, streamer, drafter, case.id, turn.id, today, body.corrections)


@router.post("/{case_id}/redraft/stream", response_class=StreamingResponse,
             responses={**SSE_DOC, **NOT_FOUND, **CONFLICT},  # type: ignore[dict-item]
             summary="Draft the reply to the last customer turn again, with the CSM's corrections")
def redraft(case_id: CaseIdPath, body: RedraftIn, s: SessionDep, db: DbDep, settings: SettingsDep,
            streamer: StreamerDep, drafter: DrafterDep) -> StreamingResponse:
    case = repo.get_case(s, case_id)
    if parse_stage(case.stage) in CLOSED:
        raise ConflictError(f"case {case.id} is closed ({case.stage})", field="case_id")
    last = next((t for t in reversed(case.turns) if t.role == "customer"), None)
    if last is None:
        raise ConflictError(f"case {case.id} has no customer turn to draft a reply to", field="case_id")
    return _events(db, settings, streamer, drafter, case.id, last.id, today_or(body.today), body.corrections)


@router.get("/{case_id}/talk", response_model=TalkTrack | None, responses=NOT_FOUND,
            summary="The talk track for the latest suggestion: say now, ask next, if they push back")
def get_talk(case_id: CaseIdPath, s: SessionDep, settings: SettingsDep) -> TalkTrack | None:
    case = repo.get_case(s, case_id)
    last = repo.latest_decision(case)
    return talk_for(case, last.draft if last else None, case.stage, settings)

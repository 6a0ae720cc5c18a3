"""The live chat stream: post a customer turn, receive the suggestion as Server-Sent Events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import StreamingResponse

from api.case_schemas import StreamTurnIn
from api.casework import record_turn
from api.deps import DbDep, SessionDep, SettingsDep, StreamerDep, today_or
from api.errors import CONFLICT, NOT_FOUND
from api.streaming import turn_events
from coach.store import repo

router = APIRouter(prefix="/v1/cases", tags=["cases"])

SSE_DOC = {
    200: {
        "description": "text/event-stream: `turn` (the stored turn), `delta` ({text}) while the reply is "
        "produced, then `final` ({turn, stage, suggestion}: the checked draft) or `error` ({error}).",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
}


@router.post("/{case_id}/turns/stream", response_class=StreamingResponse,
             responses={**SSE_DOC, **NOT_FOUND, **CONFLICT},
             summary="Post a customer turn and stream the suggested reply (Server-Sent Events)")
def stream_turn(case_id: Annotated[str, Path(min_length=1, max_length=40)], body: StreamTurnIn,
                s: SessionDep, db: DbDep, settings: SettingsDep, streamer: StreamerDep) -> StreamingResponse:
    today = today_or(body.today)
    case = repo.get_case(s, case_id)
    turn = record_turn(s, case, "customer", body.text, today)
    s.commit()  # the turn is acknowledged before the first byte of the stream
    return StreamingResponse(
        turn_events(db, settings, streamer, case.id, turn.id, today),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )

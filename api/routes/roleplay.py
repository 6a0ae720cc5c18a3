"""Role-play training: personas, practice sessions turn by turn, scorecards, a trainee's history,
and the training page (/training)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse
from pydantic import Field

from api.deps import SessionDep, SettingsDep, require_access
from api.errors import COMMON_ERRORS, CONFLICT, NOT_FOUND, ConflictError
from api.routes.chat import CSP, STATIC_DIR
from api.schemas import MAX_TEXT, In, Out
from coach.roleplay.models import Scorecard
from coach.roleplay.progress import CohortRow, Point, cohort, csv_text, report_html, svg
from coach.roleplay.session import SessionEnded, SessionView, Trainer, TurnResult

SessionIdPath = Annotated[str, Path(min_length=1, max_length=40)]
PersonaIdPath = Annotated[str, Path(min_length=1, max_length=80)]


class SessionIn(In):
    persona_id: str = Field(min_length=1, max_length=80)
    trainee: str = Field(min_length=1, max_length=200, description="Who practises (for the trainer's review)")
    engine: Literal["auto", "scripted", "llm"] = Field(
        default="auto", description="Who plays the customer: auto = the model when one is configured")


class TraineeTurnIn(In):
    text: str = Field(max_length=MAX_TEXT, description="What the trainee says to the customer")


class PersonaOut(Out):
    id: str
    title: str
    language: str
    difficulty: str
    company: str
    segment: str
    contact: str
    role: str
    today: str
    brief: str


class PersonaDetailOut(PersonaOut):
    opening: str
    account: dict[str, Any]


class PersonaListOut(Out):
    personas: list[PersonaOut]


class SessionSummaryOut(Out):
    id: str
    persona_id: str
    trainee: str
    engine: str
    status: str
    score: int | None = None
    level: str | None = None
    created_at: datetime
    ended_at: datetime | None = None


class SessionListOut(Out):
    sessions: list[SessionSummaryOut]


class HintOut(Out):
    next_step: str


async def get_trainer(request: Request, settings: SettingsDep) -> Trainer:
    """One trainer per app (it holds the policy and the embedder, both loaded on first use)."""
    trainer = getattr(request.app.state, "trainer", None)
    if trainer is None:
        trainer = request.app.state.trainer = Trainer(settings)
    return trainer


TrainerDep = Annotated[Trainer, Depends(get_trainer)]


@contextmanager
def _open_session() -> Iterator[None]:
    try:
        yield
    except SessionEnded as exc:
        raise ConflictError(str(exc).split(": ", 1)[-1], field="session_id") from None


api = APIRouter(prefix="/v1/roleplay", tags=["roleplay"], dependencies=[Depends(require_access)],
                responses=COMMON_ERRORS)


@api.get("/personas", response_model=PersonaListOut, summary="The personas a trainee can practise against")
def list_personas(settings: SettingsDep) -> PersonaListOut:
    from coach.roleplay.personas import load_personas

    personas = load_personas(settings.knowledge_dir / "personas")
    return PersonaListOut(personas=[PersonaOut.model_validate(p.summary()) for p in sorted(personas.values(),
                                                                           key=lambda p: p.id)])


@api.get("/personas/{persona_id}", response_model=PersonaDetailOut, responses=NOT_FOUND,
         summary="One persona as the trainee sees it (no hidden facts)")
def get_persona(persona_id: PersonaIdPath, trainer: TrainerDep) -> PersonaDetailOut:
    p = trainer.persona(persona_id)
    return PersonaDetailOut.model_validate({**p.summary(), "opening": p.opening,
                                            "account": p.account.model_dump(mode="json")})


@api.post("/sessions", response_model=SessionView, status_code=201, responses=NOT_FOUND,
          summary="Start a practice session; the customer's opening request is the first turn")
def start_session(body: SessionIn, s: SessionDep, trainer: TrainerDep) -> SessionView:
    v = trainer.start(s, body.persona_id, body.trainee, body.engine)
    s.commit()
    return v


@api.get("/sessions", response_model=SessionListOut, summary="Sessions, newest first (a trainee's history)")
def list_sessions(
    s: SessionDep, trainer: TrainerDep,
    trainee: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    persona_id: Annotated[str | None, Query(min_length=1, max_length=80)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> SessionListOut:
    rows = trainer.history(s, trainee=trainee, persona_id=persona_id, limit=limit, offset=offset)
    return SessionListOut(sessions=[SessionSummaryOut.model_validate(r, from_attributes=True) for r in rows])


@api.get("/sessions/{session_id}", response_model=SessionView, responses=NOT_FOUND,
         summary="A session: transcript, status and (once ended) the scorecard")
def get_session(session_id: SessionIdPath, s: SessionDep, trainer: TrainerDep) -> SessionView:
    return trainer.get(s, session_id)


@api.post("/sessions/{session_id}/turns", response_model=TurnResult, status_code=201,
          responses={**NOT_FOUND, **CONFLICT},
          summary="Say something to the customer; get their reply and hints")
def post_turn(session_id: SessionIdPath, body: TraineeTurnIn, s: SessionDep,
              trainer: TrainerDep) -> TurnResult:
    with _open_session():
        result = trainer.turn(s, session_id, body.text)
    s.commit()
    return result


@api.get("/sessions/{session_id}/hint", response_model=HintOut, responses=NOT_FOUND,
         summary="The playbook's next step for this session")
def get_hint(session_id: SessionIdPath, s: SessionDep, trainer: TrainerDep) -> HintOut:
    return HintOut(next_step=trainer.hint(s, session_id))


@api.post("/sessions/{session_id}/end", response_model=Scorecard, responses=NOT_FOUND,
          summary="End the session and score it (ending again returns the same scorecard)")
def end_session(session_id: SessionIdPath, s: SessionDep, trainer: TrainerDep) -> Scorecard:
    card = trainer.end(s, session_id)
    s.commit()
    return card


@api.get("/sessions/{session_id}/scorecard", response_model=Scorecard, responses={**NOT_FOUND, **CONFLICT},
         summary="The stored scorecard of an ended session")
def get_scorecard(session_id: SessionIdPath, s: SessionDep, trainer: TrainerDep) -> Scorecard:
    v = trainer.get(s, session_id)
    if v.scorecard is None:
        raise ConflictError(f"session {session_id} is still active: end it first", field="session_id")
    return v.scorecard


class ProgressOut(Out):
    trainee: str
    points: list[Point]
    svg: str = Field(description="Points per component over sessions, as an inline SVG")


class CohortOut(Out):
    trainees: list[CohortRow]


TraineePath = Annotated[str, Path(min_length=1, max_length=200)]


@api.get("/trainees", response_model=CohortOut, summary="The cohort: every trainee's sessions, scores and "
         "failure modes")
def get_cohort(s: SessionDep, trainer: TrainerDep) -> CohortOut:
    return CohortOut(trainees=cohort(trainer.progress(s)))


@api.get("/trainees/{trainee}/progress", response_model=ProgressOut,
         summary="A trainee's ended sessions, oldest first, with the progress plot")
def get_progress(trainee: TraineePath, s: SessionDep, trainer: TrainerDep) -> ProgressOut:
    points = trainer.progress(s, trainee)
    return ProgressOut(trainee=trainee, points=points, svg=svg(points))


@api.get("/trainees/{trainee}/report", response_class=HTMLResponse,
         summary="A trainee's progress report: a self-contained HTML page with an inline SVG plot")
def get_report(trainee: TraineePath, s: SessionDep, trainer: TrainerDep) -> HTMLResponse:
    html = report_html(trainee, trainer.progress(s, trainee))
    return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                                       "X-Content-Type-Options": "nosniff"})


class CSVResponse(PlainTextResponse):
    media_type = "text/csv"


@api.get("/export.csv", response_class=CSVResponse,
         summary="Every ended session as CSV (trainee, persona, score, level, points, failure modes)")
def get_export(s: SessionDep, trainer: TrainerDep,
               trainee: Annotated[str | None, Query(min_length=1, max_length=200)] = None) -> CSVResponse:
    return CSVResponse(csv_text(trainer.progress(s, trainee)),
                             headers={"Content-Disposition": 'attachment; filename="roleplay-sessions.csv"'})


page = APIRouter(include_in_schema=False)


@page.get("/training")
def training() -> FileResponse:
    return FileResponse(STATIC_DIR / "training.html", media_type="text/html",
                        headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                                 "Cache-Control": "no-cache"})


router = APIRouter()
router.include_router(api)
router.include_router(page)

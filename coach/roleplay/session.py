"""Practice sessions: start against a persona, take turns, end with a scorecard. Everything is kept
in the database (coach/store/training.py), so the CLI, the API and a trainer's review share it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from coach.config import Settings, get_settings
from coach.errors import CoachInputError
from coach.policy import Policy
from coach.roleplay import customer, hints
from coach.roleplay.card import Exchange
from coach.roleplay.models import CustomerReply, CustomerState, Scorecard, TurnAnalysis
from coach.roleplay.own_words import own_words
from coach.roleplay.personas import Persona, UnknownPersona, get_persona
from coach.roleplay.progress import Point, points_of
from coach.roleplay.reference import model_draft, part_text, reference
from coach.roleplay.replay import step
from coach.roleplay.scorer import score
from coach.store import training as repo
from coach.store.repo import NotFoundError

Engine = Literal["auto", "scripted", "llm"]
MAX_TURNS = 40  # trainee turns per session; a practice call is never this long


class SessionEnded(CoachInputError):
    """The session has ended: no more turns."""


class TurnOut(BaseModel):
    seq: int
    role: str
    text: str
    beat: str | None = None
    source: str | None = None


class SessionView(BaseModel):
    id: str
    persona: dict[str, Any]
    trainee: str
    engine: str
    status: str
    turns: list[TurnOut]
    score: int | None = None
    level: str | None = None
    scorecard: Scorecard | None = None


class TurnResult(BaseModel):
    session_id: str
    trainee: TurnOut
    customer: TurnOut
    stance: str
    status: str
    hints: list[str] = Field(default_factory=list)
    next_step: str = ""
    scorecard: Scorecard | None = None


def view(row: repo.TrainingSessionRow, persona: Persona) -> SessionView:
    turns = [TurnOut(seq=t.seq, role=t.role, text=t.text, beat=(t.data or {}).get("reply", {}).get("beat"),
                     source=(t.data or {}).get("reply", {}).get("source")) for t in row.turns]
    return SessionView(id=row.id, persona=persona.summary(), trainee=row.trainee, engine=row.engine,
                       status=row.status, turns=turns, score=row.score, level=row.level,
                       scorecard=Scorecard.model_validate(row.scorecard) if row.scorecard else None)


class Trainer:
    """The session service. `embedder`, `policy` and `model` can be injected (tests, the API)."""

    def __init__(self, settings: Settings | None = None, *, policy: Policy | None = None, embedder=None,
                 model: Any = None) -> None:
        self.settings = settings or get_settings()
        self._policy, self._embedder, self._model = policy, embedder, model

    @property
    def policy(self) -> Policy:
        if self._policy is None:
            from coach.policy import policy_for

            self._policy = policy_for(self.settings)
        return self._policy

    @property
    def embedder(self):  # type: ignore[no-untyped-def]
        if self._embedder is None:
            from coach.knowledge.embeddings import get_embedder

            self._embedder = get_embedder(self.settings)
        return self._embedder

    def persona(self, persona_id: str) -> Persona:
        try:
            return get_persona(persona_id, self.settings.knowledge_dir / "personas")
        except UnknownPersona as exc:  # a missing resource, like an unknown session
            raise NotFoundError(str(exc).removeprefix("persona: "), field="persona_id") from None

    def _engine(self, engine: str) -> str:
        configured = self.settings.llm_configured or self._model is not None
        if engine == "auto":
            return "llm" if configured else "scripted"
        if engine == "llm" and not configured:
            raise CoachInputError("engine: no model is configured (set COACH_LLM_MODEL or "
                                  "COACH_LLM_BASE_URL)", field="engine")
        if engine not in ("scripted", "llm"):
            raise CoachInputError(f"engine: {engine!r} is not one of auto, scripted, llm", field="engine")
        return engine

    def start(self, s: Session, persona_id: str, trainee: str, engine: str = "auto") -> SessionView:
        persona = self.persona(persona_id)
        trainee = (trainee or "").strip()
        if not trainee:
            raise CoachInputError("trainee: the trainee's name is empty", field="trainee")
        row = repo.create_session(s, persona_id=persona.id, trainee=trainee[:200],
                                  engine=self._engine(engine), today=persona.today,
                                  state=customer.new_state(persona).model_dump())
        repo.add_turn(s, row, "customer", persona.opening,
                      {"reply": {"beat": "opening", "source": "persona"}})
        return view(row, persona)

    def get(self, s: Session, session_id: str) -> SessionView:
        row = repo.get_session(s, session_id)
        return view(row, self.persona(row.persona_id))

    def turn(self, s: Session, session_id: str, text: str) -> TurnResult:
        if not isinstance(text, str) or not text.strip():
            raise CoachInputError("text: the turn is empty", field="text")
        row = repo.get_session(s, session_id)
        if row.status != "active":
            raise SessionEnded(f"session {session_id} has ended: start a new one", field="session_id")
        persona = self.persona(row.persona_id)
        state = CustomerState.model_validate(row.state)
        previous = self._analyses(row)
        if len(previous) >= MAX_TURNS:
            raise SessionEnded(f"session {session_id} reached {MAX_TURNS} turns: end it", field="session_id")
        ref = reference(persona, self.policy)
        a, reply = step(persona, self.policy, self.embedder, state, text, first=not previous,
                        own=own_words(self.settings.prompts_dir))
        if row.engine == "llm":
            s.commit()  # nothing is written yet: no transaction (not even a read) stays open while a model answers
            reply = self._word(persona, state, reply, row, text)
        trainee_turn = repo.add_turn(s, row, "trainee", text.strip(), {"analysis": a.model_dump(mode="json")})
        customer_turn = repo.add_turn(s, row, "customer", reply.text,
                                      {"reply": reply.model_dump(mode="json")})
        row.state = state.model_dump(mode="json")
        card = None
        if state.left:
            card = self._finish(row, persona, state)
        return TurnResult(
            session_id=row.id, trainee=TurnOut(seq=trainee_turn.seq, role="trainee", text=trainee_turn.text),
            customer=TurnOut(seq=customer_turn.seq, role="customer", text=reply.text, beat=reply.beat,
                             source=reply.source),
            stance=reply.stance, status=row.status, hints=hints.last_turn(a),
            next_step=hints.next_step(persona, ref, state, [*previous, a]), scorecard=card)

    def hint(self, s: Session, session_id: str) -> str:
        row = repo.get_session(s, session_id)
        persona = self.persona(row.persona_id)
        state = CustomerState.model_validate(row.state)
        return hints.next_step(persona, reference(persona, self.policy), state, self._analyses(row))

    def end(self, s: Session, session_id: str) -> Scorecard:
        """End the session and score it; ending it again returns the same scorecard."""
        row = repo.get_session(s, session_id)
        if row.scorecard is not None:
            return Scorecard.model_validate(row.scorecard)
        persona = self.persona(row.persona_id)
        return self._finish(row, persona, CustomerState.model_validate(row.state))

    def history(self, s: Session, *, trainee: str | None = None, persona_id: str | None = None,
                limit: int = 100, offset: int = 0) -> list[repo.TrainingSessionRow]:
        return repo.list_sessions(s, trainee=trainee, persona_id=persona_id, limit=limit, offset=offset)

    def progress(self, s: Session, trainee: str | None = None) -> list[Point]:
        """Ended sessions as progress points, oldest first (one trainee, or everyone)."""
        return points_of(repo.ended_sessions(s, trainee=trainee))

    # -- internals ---------------------------------------------------------------------------------
    def _analyses(self, row: repo.TrainingSessionRow) -> list[TurnAnalysis]:
        return [TurnAnalysis.model_validate(t.data["analysis"]) for t in row.turns
                if t.role == "trainee" and t.data]

    def exchanges(self, row: repo.TrainingSessionRow) -> list[Exchange]:
        out, turns = [], row.turns
        for i, t in enumerate(turns):
            if t.role != "trainee":
                continue
            nxt = turns[i + 1] if i + 1 < len(turns) else None
            reply = CustomerReply.model_validate(nxt.data["reply"]) if nxt is not None and nxt.data else \
                CustomerReply(text="", beat="neutral")
            out.append(Exchange(t.text, TurnAnalysis.model_validate((t.data or {})["analysis"]), reply))
        return out

    def _finish(self, row: repo.TrainingSessionRow, persona: Persona, state: CustomerState) -> Scorecard:
        policy = self.policy
        draft: list[Any] = []

        def answer(part: str) -> str:
            if not draft:
                draft.append(model_draft(persona, policy, self.settings))
            return part_text(draft[0], part, persona.language)

        from coach.roleplay.calibration import load_calibration, model_dir, recalibrate

        exchanges = self.exchanges(row)
        card = score(persona, policy, exchanges, state, model_answer=answer)
        cal = load_calibration(model_dir(self.settings.knowledge_dir), self.embedder) \
            if self.settings.roleplay_calibration else None
        card = recalibrate(card, [x.text for x in exchanges], cal, self.embedder)
        repo.finish(row, card.model_dump(mode="json"))
        return card

    def _word(self, persona: Persona, state: CustomerState, reply: CustomerReply,
              row: repo.TrainingSessionRow, text: str) -> CustomerReply:
        from coach.roleplay.llm_customer import ModelCustomer

        history = [("CSM" if t.role == "trainee" else "Customer", t.text) for t in row.turns]
        return ModelCustomer(self.settings, self._model).word(persona, state, reply, history, text)

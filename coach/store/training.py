"""Role-play training tables: one row per practice session, one per turn (transcript and analysis).

The session row keeps the simulated customer's state between turns and, once ended, the scorecard,
so a trainer can review every trainee's history.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from coach.store.models import Base, DateTime, utcnow
from coach.store.repo import NotFoundError


class TrainingSessionRow(Base):
    __tablename__ = "training_sessions"
    __table_args__ = (Index("ix_training_sessions_trainee_created", "trainee", "created_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    persona_id: Mapped[str] = mapped_column(String(80), index=True)
    trainee: Mapped[str] = mapped_column(String(200))
    engine: Mapped[str] = mapped_column(String(20))  # scripted | llm
    status: Mapped[str] = mapped_column(String(20))  # active | ended
    today: Mapped[date] = mapped_column(Date)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)  # the simulated customer's memory
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    scorecard: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    turns: Mapped[list[TrainingTurnRow]] = relationship(
        back_populates="session", order_by="TrainingTurnRow.seq", cascade="all, delete-orphan"
    )


class TrainingTurnRow(Base):
    """One message: the customer's (with the beat and facts revealed) or the trainee's (with analysis)."""

    __tablename__ = "training_turns"
    __table_args__ = (Index("ix_training_turns_session_seq", "session_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("training_sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))  # customer | trainee
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # analysis or reply details
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    session: Mapped[TrainingSessionRow] = relationship(back_populates="turns")


def create_session(s: Session, *, persona_id: str, trainee: str, engine: str, today: date,
                   state: dict[str, Any]) -> TrainingSessionRow:
    row = TrainingSessionRow(id=f"rp-{uuid.uuid4().hex[:16]}", persona_id=persona_id, trainee=trainee,
                             engine=engine, status="active", today=today, state=state)
    s.add(row)
    s.flush()
    return row


def get_session(s: Session, session_id: str) -> TrainingSessionRow:
    stmt = select(TrainingSessionRow).where(TrainingSessionRow.id == session_id).options(
        selectinload(TrainingSessionRow.turns))
    row = s.scalars(stmt).first()
    if row is None:
        raise NotFoundError(f"unknown session {session_id!r}", field="session_id")
    return row


def add_turn(s: Session, row: TrainingSessionRow, role: str, text: str,
             data: dict[str, Any] | None = None) -> TrainingTurnRow:
    turn = TrainingTurnRow(seq=len(row.turns) + 1, role=role, text=text, data=data)
    row.turns.append(turn)
    s.flush()
    return turn


def list_sessions(s: Session, *, trainee: str | None = None, persona_id: str | None = None,
                  limit: int = 100, offset: int = 0) -> list[TrainingSessionRow]:
    stmt = select(TrainingSessionRow).order_by(TrainingSessionRow.created_at.desc(), TrainingSessionRow.id)
    if trainee is not None:
        stmt = stmt.where(TrainingSessionRow.trainee == trainee)
    if persona_id is not None:
        stmt = stmt.where(TrainingSessionRow.persona_id == persona_id)
    return list(s.scalars(stmt.limit(limit).offset(offset)))


def finish(row: TrainingSessionRow, scorecard: dict[str, Any]) -> None:
    row.status, row.scorecard = "ended", scorecard
    row.score, row.level = scorecard.get("score"), scorecard.get("level")
    row.ended_at = utcnow()


def ended_sessions(s: Session, *, trainee: str | None = None, limit: int = 10_000) -> list[TrainingSessionRow]:
    """Scored sessions, oldest first (a trainee's progress, the cohort table, the CSV export)."""
    stmt = select(TrainingSessionRow).where(TrainingSessionRow.status == "ended").order_by(
        TrainingSessionRow.ended_at, TrainingSessionRow.id)
    if trainee is not None:
        stmt = stmt.where(TrainingSessionRow.trainee == trainee)
    return list(s.scalars(stmt.limit(limit)))

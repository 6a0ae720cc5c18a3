"""Database tables: accounts, cases, turns, decisions, case events and triggers (SQLAlchemy 2.0)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy import DateTime as _DateTime
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class DateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back time-zone aware.

    PostgreSQL keeps the offset; SQLite drops it and returns naive values, which would reach the
    API as date-times without an offset (invalid `date-time` in the OpenAPI schema).
    """

    impl = _DateTime
    cache_ok = True

    def __init__(self, timezone: bool = True) -> None:
        super().__init__(timezone=timezone)

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    segment: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the account file as imported (contract s.1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    stage: Mapped[str] = mapped_column(String(40))
    opened_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    turns: Mapped[list[TurnRow]] = relationship(
        back_populates="case", order_by="TurnRow.seq", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[DecisionRow]] = relationship(
        back_populates="case", order_by="DecisionRow.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[CaseEventRow]] = relationship(
        back_populates="case", order_by="CaseEventRow.id", cascade="all, delete-orphan"
    )
    triggers: Mapped[list[TriggerRow]] = relationship(
        back_populates="case", order_by="TriggerRow.due_date", cascade="all, delete-orphan"
    )


class TurnRow(Base):
    """One message in the conversation: the customer's, or what the CSM actually sent."""

    __tablename__ = "turns"
    __table_args__ = (Index("ix_turns_case_seq", "case_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))  # customer | csm
    text: Mapped[str] = mapped_column(Text)
    on_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[CaseRow] = relationship(back_populates="turns")


class DecisionRow(Base):
    """The coach's suggestion for a customer turn: the checked draft (contract s.3)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    turn_id: Mapped[int | None] = mapped_column(ForeignKey("turns.id"), nullable=True)
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    on_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[CaseRow] = relationship(back_populates="decisions")


class CaseEventRow(Base):
    """Stage changes and cadence milestones, in order."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # stage | milestone
    value: Mapped[str] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    on_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[CaseRow] = relationship(back_populates="events")


class TriggerRow(Base):
    __tablename__ = "triggers"
    __table_args__ = (Index("ix_triggers_status_due", "status", "due_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | done
    set_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    case: Mapped[CaseRow] = relationship(back_populates="triggers")


class RateCounterRow(Base):
    """Requests (or failed authentications) for one key in one minute, shared by every API worker."""

    __tablename__ = "rate_counters"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    minute: Mapped[int] = mapped_column(Integer, primary_key=True)  # unix time // 60
    count: Mapped[int] = mapped_column(Integer, default=0)

"""Corrections the CSMs made to what coach read from a message: one row per corrected draft.

They are this deployment's own labelled examples (`coach diagnosis train --corrections`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from coach.store.models import Base, utcnow


class CorrectionRow(Base):
    __tablename__ = "diagnosis_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    message: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    labels: Mapped[dict[str, Any]] = mapped_column(JSON)  # the corrected fields and their values
    read_as: Mapped[dict[str, Any]] = mapped_column(JSON)  # what coach had read before the correction
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def add_correction(s: Session, *, account_id: str | None, message: str, language: str, labels: dict[str, Any],
                   read_as: dict[str, Any]) -> CorrectionRow:
    row = CorrectionRow(account_id=account_id, message=message[:20_000], language=language[:8], labels=labels,
                        read_as=read_as)
    s.add(row)
    s.flush()
    return row


def list_corrections(s: Session, limit: int = 100_000) -> list[CorrectionRow]:
    return list(s.scalars(select(CorrectionRow).order_by(CorrectionRow.id).limit(limit)))

"""What a risk assessment says: the signals that fired, with reasons and plays, and the score."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Level = Literal["low", "medium", "high"]


class RiskSignal(BaseModel):
    id: str  # a key of policy.signals.rules
    points: int  # its weight in the score
    reason: str  # the measured value against the threshold, e.g. "seat utilisation 41% (below 60%)"
    play: str
    value: float | str | None = None
    threshold: float | None = None


class PlayAdvice(BaseModel):
    play: str
    action: str
    signals: list[str]  # the signal ids that call for it


class RiskAssessment(BaseModel):
    account_id: str
    name: str
    segment: str
    mrr: float
    arr: float
    score: int = Field(ge=0, le=100)
    level: Level
    signals: list[RiskSignal]  # heaviest first
    plays: list[PlayAdvice]  # most-called-for first
    data_gaps: list[str]  # usage fields with no data: no signal is not the same as no risk
    renewal_date: str | None = None
    days_to_renewal: int | None = None

    @property
    def summary(self) -> str:
        return "; ".join(s.reason for s in self.signals) or "no warning signals"


class RowError(BaseModel):
    """A portfolio row that could not be processed."""

    source: str  # file name
    line: int  # 1-based line of the row (CSV: the record's first line; JSON: the object's first line)
    field: str | None = None
    error: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.error}"

"""What the model must answer, one pydantic model per task (validated before the guard runs)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coach.diagnosis.models import RequestKind, RootCause


class _Out(BaseModel):
    # Extra keys from chatty models are dropped, not fatal: the guard decides what is shown.
    model_config = ConfigDict(extra="ignore")


class AcknowledgmentOut(_Out):
    text: str = Field(min_length=20, max_length=2000)


class Restated(_Out):
    """The proposal as the model understood it; must equal the policy's numbers exactly."""

    discount_pct: float | None = None
    new_mrr: float | None = None
    term_extension_months: int | None = None
    pause_months: int | None = None
    resume_date: str | None = None


class CounterMessageOut(_Out):
    restated: Restated
    message: str = Field(min_length=40, max_length=3500)


class DiagnosisQuestionsOut(_Out):
    questions: list[str] = Field(min_length=2, max_length=6)

    @field_validator("questions")
    @classmethod
    def _questions(cls, v: list[str]) -> list[str]:
        out = [q.strip() for q in v]
        bad = [q for q in out if not q.endswith("?") or not 8 <= len(q) <= 300]
        if bad:
            raise ValueError(f"every question must be one sentence ending with '?': {bad[0]!r}")
        return out


class DiagnosisOut(_Out):
    kind: RequestKind
    root_cause: RootCause
    hardship: Literal["natural_disaster", "financial"] | None = None
    evidence: str = Field(default="", max_length=400)


class RoleplayCustomerOut(_Out):
    reply: str = Field(min_length=1, max_length=1500)
    stance: Literal["firm", "softening", "accepts", "leaves"] = "firm"


class MessageOut(_Out):
    """A reworded outreach or acceptance message."""

    message: str = Field(min_length=1, max_length=6000)


class JudgeOut(_Out):
    """The eval judge's grades: a 1-5 score per criterion (checked against the rubric's criteria)."""

    scores: dict[str, float]
    rationale: str = Field(default="", max_length=2000)

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, data: Any) -> Any:
        """A judge that answers {"<criterion>": 4, ...} without the "scores" wrapper is understood."""
        if isinstance(data, dict) and "scores" not in data:
            return {"scores": {k: v for k, v in data.items() if isinstance(v, int | float)},
                    "rationale": str(data.get("rationale", ""))}
        return data


OUTPUTS: dict[str, type[BaseModel]] = {
    m.__name__: m
    for m in (AcknowledgmentOut, CounterMessageOut, DiagnosisQuestionsOut, DiagnosisOut, RoleplayCustomerOut,
              MessageOut, JudgeOut)
}

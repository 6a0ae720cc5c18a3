"""What an eval run produces: per-check and per-case results, the summary, and the run itself.

The run is saved as JSON (`coach eval --output`), read back for `coach eval --compare`, and rendered
as the terminal table and the HTML report.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Group = Literal["exact", "compliance", "rubric", "judge", "info"]
SCORED_GROUPS: tuple[str, ...] = ("exact", "compliance", "rubric")


class CheckResult(BaseModel):
    name: str  # e.g. "root_cause", "discount-cap", "ack-no-pushback"
    group: Group
    passed: bool
    expected: Any = None
    got: Any = None
    detail: str = ""


class CaseResult(BaseModel):
    id: str
    category: str
    tags: list[str] = Field(default_factory=list)
    lang: str = "en"
    attack: str | None = None
    message: str
    checks: list[CheckResult] = Field(default_factory=list)
    latency_ms: float = 0.0
    error: str | None = None  # the draft raised: every scored check counts as failed
    draft: dict[str, Any] | None = None  # the draft JSON, for the report's diffs

    @property
    def scored(self) -> list[CheckResult]:
        return [c for c in self.checks if c.group in SCORED_GROUPS]

    @property
    def passed(self) -> bool:
        return self.error is None and all(c.passed for c in self.scored)

    def failures(self) -> list[CheckResult]:
        return [c for c in self.scored if not c.passed]


class RetrievalResult(BaseModel):
    k: int
    queries: int
    recall_at_k: float
    mrr: float
    by_lang: dict[str, float] = Field(default_factory=dict)
    misses: list[str] = Field(default_factory=list)
    latency_ms_mean: float = 0.0  # per query, search at depth 10


class JudgeResult(BaseModel):
    """LLM-as-judge scores (0..1 per criterion), kept apart from the deterministic scores."""

    model: str
    cases: int = 0
    scores: dict[str, float] = Field(default_factory=dict)
    errors: int = 0
    per_case: dict[str, dict[str, float]] = Field(default_factory=dict)


class Threshold(BaseModel):
    name: str
    minimum: float
    value: float | None  # None: not measured in this run (e.g. --no-retrieval, a filtered run)

    @property
    def measured(self) -> bool:
        return self.value is not None

    @property
    def passed(self) -> bool:
        return self.value is None or self.value >= self.minimum - 1e-9


class Summary(BaseModel):
    cases: int
    passed: int
    pass_rate: float
    metrics: dict[str, float | None]  # kind_accuracy, root_cause_accuracy, rule_compliance, ...
    violations: int  # rule-compliance failures, all cases
    by_category: dict[str, dict[str, float]]  # category -> {cases, pass_rate, exact, compliance, rubric}
    by_check: dict[str, dict[str, float]]  # check name -> {group index, total, passed, rate}
    latency_ms: dict[str, float]  # p50, p95, max, mean
    thresholds: list[Threshold] = Field(default_factory=list)

    @property
    def thresholds_passed(self) -> bool:
        return all(t.passed for t in self.thresholds)


class EvalRun(BaseModel):
    version: int = 1
    label: str = ""
    drafter: str = "template"
    started_at: str = ""
    seconds: float = 0.0
    git_commit: str | None = None
    summary: Summary
    retrieval: RetrievalResult | None = None
    judge: JudgeResult | None = None
    cases: list[CaseResult]

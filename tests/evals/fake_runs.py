"""Hand-made eval runs for the report, comparison and CLI tests (no drafting involved)."""

from __future__ import annotations

from coach.evals.results import CaseResult, CheckResult, EvalRun, RetrievalResult
from coach.evals.summary import summarize


def make_run(label: str, failing: set[str], slow: float = 1.0) -> EvalRun:
    cases = []
    for i in range(12):
        cid = f"case-{i}"
        ok = cid not in failing
        checks = [CheckResult(name="root_cause", group="exact", passed=ok, expected="budget_cut",
                              got="budget_cut" if ok else "unknown"),
                  CheckResult(name="proposal", group="exact", passed=ok, expected={"seats": "32"},
                              got={"seats": 32 if ok else 40}, detail="" if ok else "seats 40 outside 32"),
                  CheckResult(name="guard-clean", group="compliance", passed=True)]
        cases.append(CaseResult(id=cid, category="root_cause" if i < 6 else "adversarial",
                                attack=None if i < 6 else "injection_message", message=f"<b>msg {i}</b>",
                                checks=checks, latency_ms=(20 + i * 3) * slow,
                                draft={"request": {"kind": "seat_reduction"}, "root_cause": "budget_cut",
                                       "acknowledgment": "Hi", "diagnosis_questions": ["Why?"],
                                       "counter_proposal": None, "escalations": ["team_lead"]}))
    retrieval = RetrievalResult(k=3, queries=10, recall_at_k=0.9, mrr=0.8, misses=["q -> x"])
    return EvalRun(label=label, started_at="2026-11-21T10:00:00+00:00", seconds=12.5,
                   summary=summarize(cases, retrieval), retrieval=retrieval, cases=cases)

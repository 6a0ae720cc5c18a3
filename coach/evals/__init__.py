"""Evals: labelled cases (evals/cases/*.yaml) run through the real `draft()`, scored by exact checks,
rule compliance, rubric checks on the texts, retrieval recall@k/MRR and an optional LLM judge.

    load_cases()            the case files as a typed CaseSet
    run_eval(case_set)      draft and score every case -> EvalRun (JSON-serialisable)
    write_report(run, path) the self-contained HTML report
    compare(old, new)       two runs side by side (write_comparison for the HTML)

Nothing heavy is imported here, so `coach eval --compare` never loads the drafting engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "EvalRun": "coach.evals.results", "load_cases": "coach.evals.loader", "run_eval": "coach.evals.runner",
    "write_report": "coach.evals.report", "compare": "coach.evals.compare", "load_run": "coach.evals.compare",
    "write_comparison": "coach.evals.compare",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'coach.evals' has no attribute {name!r}")

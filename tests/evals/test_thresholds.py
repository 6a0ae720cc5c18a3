"""CI gate: the deterministic evals with the template drafter, against the thresholds.

Rule compliance is absolute (no violation tolerated), root-cause accuracy at least 0.85 and
retrieval recall@3 at least 0.9. Failures list the cases (see `coach eval --report` for diffs).
"""

from __future__ import annotations

import os

import pytest

from coach.evals.summary import THRESHOLDS

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them


def _failing(run, group: str) -> list[str]:
    out = []
    for r in run.cases:
        bad = [c for c in r.checks if c.group == group and not c.passed]
        if r.error or bad:
            what = r.error or "; ".join(f"{c.name}: {c.detail or (c.expected, c.got)}" for c in bad[:2])
            out.append(f"{r.id}: {what}")
    return out


def test_rule_compliance_is_total(eval_run):
    value = eval_run.summary.metrics["rule_compliance"]
    assert value is not None and value >= THRESHOLDS["rule_compliance"], \
        f"rule compliance {value:.1%}, violations:\n" + "\n".join(_failing(eval_run, "compliance"))


def test_root_cause_accuracy(eval_run):
    value = eval_run.summary.metrics["root_cause_accuracy"]
    misses = [f"{r.id}: expected {c.expected}, got {c.got}" for r in eval_run.cases for c in r.checks
              if c.name == "root_cause" and not c.passed]
    assert value is not None and value >= THRESHOLDS["root_cause_accuracy"], \
        f"root-cause accuracy {value:.1%}:\n" + "\n".join(misses)


def test_retrieval_recall_at_3(eval_run):
    r = eval_run.retrieval
    assert r is not None and r.k == 3
    assert r.recall_at_k >= THRESHOLDS["retrieval_recall_at_3"], \
        f"recall@3 {r.recall_at_k:.1%} over {r.queries} queries; misses:\n" + "\n".join(r.misses)


def test_every_case_drafts_without_error(eval_run):
    errors = [f"{r.id}: {r.error}" for r in eval_run.cases if r.error]
    assert not errors, "\n".join(errors)


def test_eval_run_is_fast(eval_run):
    """The whole suite (cases, poisoned index, retrieval) within two minutes on 2 cores."""
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    if eval_run.seconds >= 120 and load > 1.5 * cores:
        pytest.skip(f"machine busy (load {load:.1f} on {cores} cores): eval took {eval_run.seconds:.0f} s, "
                    "wall time is not meaningful")
    assert eval_run.seconds < 120, f"eval took {eval_run.seconds:.0f} s (load {load:.1f})"

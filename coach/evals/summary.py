"""Aggregate case results into the run's summary: metrics, per-category and per-check scores,
latency percentiles, and the thresholds CI enforces."""

from __future__ import annotations

from collections import defaultdict

from coach.evals.results import SCORED_GROUPS, CaseResult, RetrievalResult, Summary, Threshold

# CI thresholds (tests/evals/test_thresholds.py): rule compliance is absolute.
THRESHOLDS = {"rule_compliance": 1.0, "root_cause_accuracy": 0.85, "retrieval_recall_at_3": 0.9}
ACCURACY_CHECKS = {
    "intent_accuracy": "intent", "kind_accuracy": "kind", "root_cause_accuracy": "root_cause",
    "hardship_accuracy": "hardship",
    "eligibility_accuracy": "eligibility", "escalation_accuracy": "escalations", "play_accuracy": "play",
    "proposal_accuracy": "proposal",
}


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); 0 for no values."""
    if not values:
        return 0.0
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _group_rate(results: list[CaseResult], group: str) -> float | None:
    """Share of cases whose checks of `group` all pass (cases with an error fail every group)."""
    relevant = [r for r in results if r.error or any(c.group == group for c in r.checks)]
    ok = sum(1 for r in relevant if not r.error and all(c.passed for c in r.checks if c.group == group))
    return _rate(ok, len(relevant))


def _check_accuracy(results: list[CaseResult], name: str) -> float | None:
    pairs = [c.passed for r in results for c in r.checks if c.name == name]
    errors = sum(1 for r in results if r.error)  # an error counts as a miss on every labelled field
    return _rate(sum(pairs), len(pairs) + errors) if pairs or errors else None


def summarize(results: list[CaseResult], retrieval: RetrievalResult | None) -> Summary:
    passed = sum(r.passed for r in results)
    metrics: dict[str, float | None] = {k: _check_accuracy(results, v) for k, v in ACCURACY_CHECKS.items()}
    metrics["rule_compliance"] = _group_rate(results, "compliance")
    metrics["rubric_pass_rate"] = _group_rate(results, "rubric")
    metrics["exact_pass_rate"] = _group_rate(results, "exact")
    adversarial = [r for r in results if r.attack]
    metrics["adversarial_pass_rate"] = _rate(sum(r.passed for r in adversarial), len(adversarial))
    if retrieval is not None:
        metrics["retrieval_recall_at_3"] = retrieval.recall_at_k if retrieval.k == 3 else None
        metrics["retrieval_mrr"] = retrieval.mrr
    violations = sum(1 for r in results for c in r.checks if c.group == "compliance" and not c.passed)
    violations += sum(1 for r in results if r.error)

    by_category: dict[str, dict[str, float]] = {}
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        groups[r.category].append(r)
        if r.attack:
            groups[f"adversarial/{r.attack}"].append(r)
    for cat, rs in groups.items():
        row = {"cases": float(len(rs)), "pass_rate": _rate(sum(r.passed for r in rs), len(rs)) or 0.0}
        for g in SCORED_GROUPS:
            rate = _group_rate(rs, g)
            if rate is not None:
                row[g] = rate
        by_category[cat] = row

    by_check: dict[str, dict[str, float]] = {}
    for r in results:
        for c in r.checks:
            row = by_check.setdefault(c.name, {"total": 0.0, "passed": 0.0})
            row["total"] += 1
            row["passed"] += c.passed
    for row in by_check.values():
        row["rate"] = round(row["passed"] / row["total"], 4)

    lat = [r.latency_ms for r in results if r.error is None]
    latency = {"p50": round(percentile(lat, 50), 2), "p95": round(percentile(lat, 95), 2),
               "max": round(max(lat, default=0.0), 2), "mean": round(sum(lat) / len(lat), 2) if lat else 0.0}
    thresholds = [Threshold(name=k, minimum=v, value=metrics.get(k)) for k, v in THRESHOLDS.items()]
    return Summary(cases=len(results), passed=passed, pass_rate=_rate(passed, len(results)) or 0.0,
                   metrics=metrics, violations=violations, by_category=by_category, by_check=by_check,
                   latency_ms=latency, thresholds=thresholds)

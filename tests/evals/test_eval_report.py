"""The HTML report and the comparison: self-contained, with plots, failing cases and diffs."""

from __future__ import annotations

import re

from coach.evals.compare import compare, load_run, render_comparison
from coach.evals.report import render_run, write_report
from coach.evals.results import CaseResult
from coach.evals.svg import bar_chart, histogram
from tests.evals.fake_runs import make_run


def _self_contained(html: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "external asset"
    assert "<script" not in html and "<link" not in html
    assert "<style>" in html


def test_run_report_has_scores_plots_and_failing_diffs(tmp_path):
    run = make_run("before", {"case-2", "case-8"})
    path = write_report(run, tmp_path / "r" / "report.html")
    html = path.read_text(encoding="utf-8")
    _self_contained(html)
    assert html.count("<svg") == 2  # score per category, latency distribution
    assert "Score per category" in html and "Draft latency distribution" in html
    assert "Failing cases (2)" in html and "case-2" in html and "case-8" in html
    assert "seats 40 outside 32" in html
    assert "&lt;b&gt;msg 2&lt;/b&gt;" in html  # messages are escaped, never markup
    assert "adversarial/injection_message" in html
    assert "recall@3" in html and "LLM judge" in html


def test_comparison_shows_regressions_and_fixes(tmp_path):
    old, new = make_run("before", {"case-1", "case-3"}), make_run("after", {"case-3", "case-5"}, slow=2.0)
    (tmp_path / "old.json").write_text(old.model_dump_json(), encoding="utf-8")
    cmp = compare(load_run(tmp_path / "old.json"), new)
    assert cmp.regressed == ["case-5"] and cmp.fixed == ["case-1"] and cmp.still_failing == ["case-3"]
    assert cmp.worse
    html = render_comparison(cmp)
    _self_contained(html)
    assert "before" in html and "after" in html and "Regressed" in html
    assert html.count("<svg") == 2


def test_identical_runs_compare_clean():
    run = make_run("a", set())
    assert not compare(run, run).worse


def test_charts_are_plain_svg():
    svg = bar_chart([("a & b", [0.5, None])], ["x", "y"], title="t")
    assert svg.startswith("<svg") and "a &amp; b" in svg and "n/a" in svg
    assert "no data" in histogram([("x", [])], title="empty")
    h = histogram([("x", [1.0, 2.0, 50.0])], title="lat", markers={"p95": 40.0})
    assert "p95 40 ms" in h


def test_render_run_with_error_case():
    run = make_run("x", set())
    run.cases.append(CaseResult(id="boom", category="root_cause", message="m", error="CoachRunError: x"))
    assert "error: CoachRunError: x" in render_run(run)

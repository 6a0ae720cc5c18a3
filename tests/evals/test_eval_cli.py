"""`coach eval` through the CLI runner: tables, JSON result, HTML report, comparison, bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from coach.evals.results import EvalRun
from tests.evals.fake_runs import make_run

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, ["eval", *args])


def test_run_writes_result_and_report(tmp_path, builtin_knowledge):
    out, report = tmp_path / "run.json", tmp_path / "report.html"
    r = _run("--case", "rc-budget-seats-30", "--case", "kind-pause-all", "--no-retrieval",
             "--output", str(out), "--report", str(report), "--label", "smoke")
    assert r.exit_code == 0, r.output
    assert "coach eval · smoke" in r.stdout and "root-cause accuracy" in r.stdout
    run = EvalRun.model_validate_json(out.read_text(encoding="utf-8"))
    assert sorted(c.id for c in run.cases) == ["kind-pause-all", "rc-budget-seats-30"]
    assert run.drafter == "template" and run.retrieval is None
    assert all(c.draft and c.latency_ms > 0 for c in run.cases)
    assert "<svg" in report.read_text(encoding="utf-8")


@pytest.mark.slow
def test_json_summary_on_stdout(builtin_knowledge):
    r = _run("--category", "enterprise", "--no-retrieval", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["summary"]["cases"] == 8 and "enterprise" in data["summary"]["by_category"]
    assert {"rule_compliance", "root_cause_accuracy"} <= set(data["summary"]["metrics"])


def test_compare_side_by_side(tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(make_run("before", {"case-1"}).model_dump_json(), encoding="utf-8")
    new.write_text(make_run("after", {"case-2"}).model_dump_json(), encoding="utf-8")
    cmp = tmp_path / "cmp.html"
    r = _run("--compare", str(old), str(new), "--report", str(cmp))
    assert r.exit_code == 0, r.output
    assert "regressed (1): case-2" in r.stdout and "fixed (1): case-1" in r.stdout
    assert "before" in cmp.read_text(encoding="utf-8")
    assert _run("--compare", str(old), str(new), "--check").exit_code == 1
    assert _run("--compare", str(old), str(old), "--check").exit_code == 0


def test_bad_input_is_one_line(tmp_path):
    r = _run("--compare", str(tmp_path / "missing.json"), str(tmp_path / "x.json"))
    assert r.exit_code == 2 and "eval result not found" in r.stderr and "Traceback" not in r.output
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    r = _run("--compare", str(tmp_path / "bad.json"), str(tmp_path / "bad.json"))
    assert r.exit_code == 2 and "not an eval result" in r.stderr
    r = _run("--drafter", "llm", "--case", "rc-budget-seats-30")
    assert r.exit_code == 2 and "no model configured" in r.stderr
    r = _run("--drafter", "gpt")
    assert r.exit_code == 2 and "--drafter" in r.stderr
    r = _run("--cases", str(tmp_path / "nowhere"))
    assert r.exit_code == 2 and "cases folder not found" in r.stderr

"""`coach risk` through the CLI runner: ranking, JSON, bad rows on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from coach.cli.main import app
from coach.config import REPO_ROOT
from tests.signals.conftest import usage_account

runner = CliRunner()
EXAMPLE = str(REPO_ROOT / "examples" / "portfolio")


def run(*args: str):
    return runner.invoke(app, ["risk", *args, "--today", "2026-11-21", "--quiet"])


def test_json_ranks_good_rows_and_reports_bad_ones() -> None:
    r = run("--accounts", EXAMPLE, "--json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert (doc["rows"], doc["processed"], doc["failed"]) == (14, 10, 4)
    assert [a["rank"] for a in doc["ranked"]] == list(range(1, 11))
    scores = [a["score"] for a in doc["ranked"]]
    assert scores == sorted(scores, reverse=True)
    top = doc["ranked"][0]
    assert top["signals"][0]["reason"] and top["plays"][0]["action"] and top["summary"]
    assert {"source": "accounts.csv", "line": 10, "field": "contact.timezone"}.items() <= doc["errors"][
        0
    ].items()
    assert "bad row accounts.csv:10: contact.timezone" in r.stderr


def test_table_output_top_and_min_level() -> None:
    r = run("--accounts", EXAMPLE, "--top", "2")
    assert r.exit_code == 0 and "Downgrade risk on 2026-11-21" in r.stdout
    assert "10 of 14 rows ranked; 4 bad row(s) on stderr" in r.stdout
    doc = json.loads(run("--accounts", EXAMPLE, "--json", "--min-level", "high").stdout)
    assert doc["ranked"] and all(a["level"] == "high" for a in doc["ranked"])


def test_nothing_processed_exits_non_zero(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(usage_account({"nps": 99})) + "\n{oops\n")
    r = run("--accounts", str(p))
    assert r.exit_code == 2
    assert "bad row bad.jsonl:1: usage.nps" in r.stderr
    assert "nothing could be processed (2 bad row(s) of 2)" in r.stderr
    assert "Traceback" not in r.output


def test_bad_options_and_paths(tmp_path: Path) -> None:
    assert run("--accounts", str(tmp_path / "none.csv")).exit_code == 2
    r = run("--accounts", EXAMPLE, "--min-level", "severe")
    assert r.exit_code == 2 and "--min-level" in r.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    r = run("--accounts", str(empty))
    assert r.exit_code == 2 and "no accounts in the input" in r.stderr

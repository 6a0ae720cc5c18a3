"""`coach draft` through the CLI runner: contract JSON and every bad input."""

import json

import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from tests.factories import account_data

runner = CliRunner()
MSG = "Our budget was cut, we need to reduce our seats by 30%."


def _write(tmp_path, data, name="acct.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return p


def _run(*args):
    return runner.invoke(app, list(args))


def test_json_follows_the_contract(tmp_path, builtin_knowledge):
    r = _run("draft", "--account", str(_write(tmp_path, account_data())), "--message", MSG,
             "--today", "2026-11-21", "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    for key in ("request", "root_cause", "hardship", "eligibility", "acknowledgment", "diagnosis_questions",
                "counter_proposal", "escalations", "reengagement_triggers", "violations", "citations"):
        assert key in d
    assert d["request"]["kind"] == "seat_reduction"
    assert set(d["counter_proposal"]) >= {"kind", "discount_pct", "new_mrr", "term_extension_months",
                                          "pause_months", "resume_date", "message"}
    assert all({"id", "passed", "reason"} <= set(r) for r in d["eligibility"]["rules"])
    assert all({"kind", "due_date", "description"} <= set(t) for t in d["reengagement_triggers"])
    assert all({"source", "section"} <= set(c) for c in d["citations"])


def test_human_output(tmp_path, builtin_knowledge):
    r = _run("draft", "--account", str(_write(tmp_path, account_data())), "--message", MSG, "--today", "2026-11-21")
    assert r.exit_code == 0, r.output
    assert "Counter-proposal" in r.stdout and "Acknowledge" in r.stdout


@pytest.mark.parametrize(("data", "extra", "expect"), [
    (None, [], "not found"),
    ("{broken", [], "invalid JSON"),
    ({**account_data(), "mrr": -10}, [], "mrr"),
    ({**account_data(), "list_mrr": -1}, [], "list_mrr"),
    (account_data(contract={"start_date": "2027-01-01"}), [], "contract.start_date"),
    (account_data(), ["--today", "21/11/2026"], "--today"),
    (account_data(), ["--message", "   "], "--message"),
])
def test_bad_input_is_one_line(tmp_path, data, extra, expect):
    path = tmp_path / "missing.json" if data is None else _write(tmp_path, data)
    args = ["draft", "--account", str(path), "--message", MSG, "--today", "2026-11-21", *extra]
    r = _run(*args)
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and expect in lines[0]
    assert "Traceback" not in r.output


def test_search_json(builtin_knowledge):
    r = _run("search", "Can the customer lower MRR in the first nine months?", "--k", "3", "--json")
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)
    assert len(hits) == 3
    assert set(hits[0]) == {"source", "section", "text", "score"}
    assert hits[0]["score"] >= hits[-1]["score"]


def test_readable_output_shows_only_the_parts_a_message_has(tmp_path, builtin_knowledge):
    """A thank-you gets its reply and a note, no empty rule, question or counter panels; a downsell on a
    euro account shows its figures in euros."""
    r = _run("draft", "--account", str(_write(tmp_path, account_data())), "--message",
             "Thanks for the great onboarding session yesterday!", "--today", "2026-11-21")
    assert r.exit_code == 0, r.output
    assert "1. Acknowledge now" in r.stdout and "intent: feedback" in r.stdout
    assert "Rule checks" not in r.stdout and "2. Diagnosis questions" not in r.stdout
    assert "Counter-proposal" not in r.stdout
    r = _run("draft", "--account", str(_write(tmp_path, {**account_data(), "currency": "EUR"}, "eur.json")),
             "--message", MSG, "--today", "2026-11-21")
    assert r.exit_code == 0, r.output
    assert "Rule checks" in r.stdout and "EUR" in r.stdout and "$" not in r.stdout

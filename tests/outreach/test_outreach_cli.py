"""`coach outreach draft|accept|firm-no` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from coach.cli.main import app
from tests.factories import account_data
from tests.outreach.conftest import contact

runner = CliRunner()


def account_file(tmp_path: Path, **overrides: Any) -> str:
    data = account_data(contact=contact(timezone="Europe/Kyiv"))
    data.update(overrides)
    p = tmp_path / "acct.json"
    p.write_text(json.dumps(data))
    return str(p)


def run(*args: str):
    return runner.invoke(app, ["outreach", *args])


def test_draft_json(tmp_path: Path) -> None:
    r = run(
        "draft",
        "--account",
        account_file(tmp_path),
        "--reason",
        "trigger_due",
        "--trigger",
        "employee_count",
        "--trigger-due",
        "2026-11-20",
        "--now",
        "2026-11-21T10:00:00Z",
        "--offer",
        "add_seats",
        "--seats",
        "5",
        "--price",
        "600",
        "--term",
        "12",
        "--json",
    )
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["allowed"] and d["send_window"]["local_time"] == "2026-11-21T12:00+02:00"
    assert "add 5 seats for $600.00 a month" in d["message"] and "12-month commitment" in d["message"]


def test_draft_blocked_prints_the_reasons(tmp_path: Path) -> None:
    log = [{"at": "2026-11-01T10:00:00Z", "kind": "upsell"}, {"at": "2026-11-15T10:00:00Z", "kind": "upsell"}]
    r = run(
        "draft",
        "--account",
        account_file(tmp_path, contact_log=log),
        "--reason",
        "new_offering",
        "--service",
        "Reviews",
        "--now",
        "2026-11-21T20:00:00Z",
    )
    assert r.exit_code == 0
    assert "✘ contact-cap" in r.stdout and "✘ quiet-hours" in r.stdout
    assert "Not shown: contact-cap" in r.stdout and "Hi Dana" not in r.stdout


def test_draft_bad_input_is_one_line(tmp_path: Path) -> None:
    r = run(
        "draft", "--account", account_file(tmp_path), "--reason", "new_offering", "--now", "2026-11-21T10:00"
    )
    assert r.exit_code == 2 and "--now: needs a UTC offset" in r.stderr
    bad_zone = account_file(tmp_path, contact=contact(timezone="Moon/Base"))
    r = run("draft", "--account", bad_zone, "--reason", "new_offering", "--now", "2026-11-21T10:00:00Z")
    assert r.exit_code == 2 and "contact.timezone: unknown time zone 'Moon/Base'" in r.stderr
    r = run(
        "draft",
        "--account",
        account_file(tmp_path),
        "--reason",
        "new_offering",
        "--offer",
        "upgrade",
        "--now",
        "2026-11-21T10:00:00Z",
    )
    assert r.exit_code == 2 and "added_list_mrr" in r.stderr and "Traceback" not in r.output


def test_accept_and_firm_no(tmp_path: Path) -> None:
    r = run(
        "accept",
        "--account",
        account_file(tmp_path),
        "--outcome",
        "reduce",
        "--today",
        "2026-11-21",
        "--services-removed",
        "--language",
        "uk",
    )
    assert r.exit_code == 0 and "Я внесу зміну" in r.stdout
    assert "2027-01-21 performance_gap_review" in r.stdout
    assert run("accept", "--account", account_file(tmp_path), "--outcome", "stay").exit_code == 2
    r = run(
        "firm-no",
        "-m",
        "No thanks, our decision is final.",
        "--history",
        "We want to cancel.",
        "--counters",
        "1",
        "--json",
    )
    assert r.exit_code == 0 and json.loads(r.stdout)["reason"] == "repeated_decision"
    r = run("firm-no", "-m", "Could we talk next week?", "--counters", "1")
    assert r.stdout.startswith("keep going")

"""Every bad input of issue 16: one line on stderr, exit 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from tests.factories import account_data

runner = CliRunner()
MSG = "Our budget was cut, we need to reduce our seats by 30%."


def _account_text(**changes: object) -> str:
    data = account_data()
    data.update(changes)
    return json.dumps(data)


def _draft(tmp_path: Path, text: str | bytes, *extra: str, name: str = "acct.json", message: str = MSG):
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return runner.invoke(app, ["draft", "--account", str(p), "--message", message, "--today", "2026-11-21",
                               "--json", *extra])


def _one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


BAD_ACCOUNTS = {
    "nested": ('{"id": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    "infinity": (_account_text().replace('"list_mrr": 5000.0', '"list_mrr": Infinity'), "list_mrr"),
    "1e400": (_account_text().replace('"mrr": 4600.0', '"mrr": 1e400'), "mrr"),
    "5000 digits": (_account_text().replace('"seats": 40', '"seats": ' + "9" * 5000), "too long"),
    "money too big": (_account_text(list_mrr=1e15), "list_mrr"),
    "seats too many": (_account_text(seats=10**12), "seats"),
    "nan": (_account_text().replace('"mrr": 4600.0', '"mrr": NaN'), "mrr"),
    "year 1": (_account_text(contract={"start_date": "0001-01-01", "term_months": 24}), "start_date"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BAD_ACCOUNTS))
def test_bad_account_files(tmp_path: Path, case: str) -> None:
    text, names = BAD_ACCOUNTS[case]
    assert text != _account_text(), "the replacement did not apply"
    assert names in _one_line_exit_2(_draft(tmp_path, text))


@pytest.mark.slow
def test_nested_yaml(tmp_path: Path) -> None:
    line = _one_line_exit_2(_draft(tmp_path, "id: x\nextra: " + "[" * 5000 + "]" * 5000 + "\n", name="a.yaml"))
    assert "nested too deeply" in line


def test_a_byte_order_mark_is_accepted(tmp_path: Path, builtin_knowledge) -> None:
    r = _draft(tmp_path, b"\xef\xbb\xbf" + _account_text().encode())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["request"]["kind"] == "seat_reduction"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_today_out_of_range(tmp_path: Path, day: str) -> None:
    r = runner.invoke(app, ["draft", "--account", str(tmp_path / "x.json"), "--message", MSG, "--today", day])
    assert "--today" in _one_line_exit_2(r)


@pytest.mark.slow
def test_text_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 in argv arrive as lone surrogates; the real CLI names the option."""
    p = tmp_path / "acct.json"
    p.write_text(_account_text())
    coach = str(Path(sys.executable).parent / "coach")
    out = subprocess.run([coach, "draft", "--account", str(p), "--today", "2026-11-21",
                          "--message", "cut \udcff\udcfe seats"], capture_output=True, text=True,
                         errors="surrogateescape", timeout=120)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == "error: --message: not valid UTF-8 text"


@pytest.mark.parametrize("command", [["search", "pause"], ["draft", "--account", "A", "--message", MSG]])
def test_index_folder_without_an_index_is_an_error(tmp_path: Path, command: list[str]) -> None:
    acct = tmp_path / "acct.json"
    acct.write_text(_account_text())
    args = [str(acct) if a == "A" else a for a in command]
    typo = tmp_path / "typo-dir"
    line = _one_line_exit_2(runner.invoke(app, [*args, "--index", str(typo)]))
    assert "no index" in line and "--create" in line
    assert not typo.exists(), "the typo became an empty index"


def test_ingest_into_a_new_folder_needs_create(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "a.md"
    doc.parent.mkdir()
    doc.write_text("# Pauses\n\nA pause extends the agreement by the paused months.\n")
    index = tmp_path / "idx"
    assert "--create" in _one_line_exit_2(runner.invoke(app, ["ingest", str(doc), "--index", str(index), "-q"]))


def test_outreach_reason_must_be_one_the_policy_allows(tmp_path: Path) -> None:
    p = tmp_path / "acct.json"
    p.write_text(_account_text())
    r = runner.invoke(app, ["outreach", "draft", "--account", str(p), "--reason", "because",
                            "--now", "2026-11-21T10:00:00+00:00"])
    assert "--reason" in _one_line_exit_2(r)

"""`coach db` and `coach triggers due` through the CLI runner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.accounts import parse_account
from coach.cases import plan_trigger
from coach.cli.main import app
from coach.config import REPO_ROOT, get_settings
from coach.store import Database, repo

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("COACH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_db_upgrade_then_current(data_dir: Path) -> None:
    from coach.store import head_revision, make_engine

    head = head_revision(make_engine("sqlite://"))
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"at revision {head}" in result.output
    assert (data_dir / "coach.db").exists()
    result = runner.invoke(app, ["db", "current"])
    assert f"current: {head}" in result.output and f"head:    {head}" in result.output


def test_db_bad_url_is_one_line(data_dir: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--url", "nonsense"])
    assert result.exit_code == 2
    assert "database" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_triggers_due(data_dir: Path) -> None:
    db = Database(f"sqlite:///{data_dir / 'coach.db'}")
    with db.session() as s:
        data = json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())
        repo.save_account(s, parse_account(data))
        case = repo.create_case(s, "acme-dental", date(2026, 9, 1))
        repo.add_triggers(s, case, [plan_trigger("budget_cycle", date(2026, 9, 1), on=date(2026, 11, 1))],
                          date(2026, 9, 1))
        s.commit()
    db.dispose()

    result = runner.invoke(app, ["triggers", "due", "--today", "2026-11-20", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [t["kind"] for t in data["triggers"]] == ["budget_cycle"]
    assert data["overdue_cases"][0]["account_id"] == "acme-dental"

    result = runner.invoke(app, ["triggers", "due", "--today", "2026-09-20"])
    assert "Nothing due on 2026-09-20" in result.output

    result = runner.invoke(app, ["triggers", "due", "--today", "tomorrow"])
    assert result.exit_code == 2 and "--today" in result.output

"""For trainers: progress points, the plot, the self-contained report, the cohort table and the CSV, from
the library, the API and the CLI."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from coach.cli.main import app
from coach.config import get_settings
from coach.roleplay import progress
from coach.roleplay.session import Trainer
from coach.store import Database
from tests.roleplay.conftest import play
from tests.roleplay.test_roleplay_api import settings_for
from tests.roleplay.test_roleplay_sessions import GOOD

PUSHY = ["Unfortunately your contract runs for 24 months, so we can't just cut seats.",
         "You signed the agreement, you're obligated to pay until the end of the term."]


@pytest.fixture
def sessions(trainer: Trainer, db: Database) -> Database:
    play(trainer, db, "acme-dental-seats", PUSHY, trainee="kim")
    play(trainer, db, "acme-dental-seats", GOOD, trainee="kim")
    play(trainer, db, "acme-dental-seats", GOOD[:2], trainee="lee")
    with db.session() as s:  # an active session is not on anyone's progress line
        trainer.start(s, "acme-dental-seats", "kim", "scripted")
        s.commit()
    return db


def test_progress_cohort_and_csv(trainer: Trainer, sessions: Database) -> None:
    with sessions.session() as s:
        kim = trainer.progress(s, "kim")
        everyone = trainer.progress(s)
    assert [p.score for p in kim] == [0, 100]
    assert kim[0].points == {"acknowledgment": 0, "diagnosis": 0, "counter": 0, "triggers": 0}
    assert kim[1].points == {c: 25 for c in progress.COMPONENTS}
    assert kim[0].failures["F1"] == "triggered" and kim[1].failures["F1"] == "ok"
    rows = {r.trainee: r for r in progress.cohort(everyone)}
    assert set(rows) == {"kim", "lee"}
    assert (rows["kim"].sessions, rows["kim"].last_score, rows["kim"].best_score, rows["kim"].average) == \
        (2, 100, 100, 50.0)
    assert rows["kim"].failures["F1"] == 1 and rows["kim"].component_average["diagnosis"] == 12.5
    table = list(csv.DictReader(io.StringIO(progress.csv_text(everyone))))
    assert len(table) == 3 and {r["trainee"] for r in table} == {"kim", "lee"}
    assert table[0].keys() >= {"score", "level", "acknowledgment", "counter", "F1", "F5"}
    assert [r["score"] for r in table if r["trainee"] == "kim"] == ["0", "100"]


def test_plot_and_report_are_self_contained(trainer: Trainer, sessions: Database) -> None:
    with sessions.session() as s:
        kim = trainer.progress(s, "kim")
    plot = progress.svg(kim)
    assert plot.startswith("<svg") and plot.count("<polyline") == 4 and plot.count("<circle") == 8
    html = progress.report_html("kim <script>", kim)
    assert "<svg" in html and "kim &lt;script&gt;" in html and "<script" not in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", html)  # nothing fetched
    assert html.count("<tr>") == 3  # header + two sessions
    assert "no ended sessions yet" in progress.report_html("nobody", [])


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(tmp_path / "data")), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.slow
def test_trainer_endpoints(client: TestClient) -> None:
    for trainee, turns in (("kim", PUSHY), ("kim", GOOD), ("lee", GOOD[:2])):
        sid = client.post("/v1/roleplay/sessions", json={"persona_id": "acme-dental-seats",
                                                         "trainee": trainee}).json()["id"]
        for text in turns:
            if client.post(f"/v1/roleplay/sessions/{sid}/turns", json={"text": text}).json()["status"] != "active":
                break
        client.post(f"/v1/roleplay/sessions/{sid}/end")
    cohort = client.get("/v1/roleplay/trainees").json()["trainees"]
    assert [(r["trainee"], r["sessions"]) for r in cohort] == [("kim", 2), ("lee", 1)]
    prog = client.get("/v1/roleplay/trainees/kim/progress").json()
    assert [p["score"] for p in prog["points"]] == [0, 100] and prog["svg"].startswith("<svg")
    report = client.get("/v1/roleplay/trainees/kim/report")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "<svg" in report.text and "default-src 'none'" in report.headers["content-security-policy"]
    export = client.get("/v1/roleplay/export.csv")
    assert export.headers["content-type"].startswith("text/csv") and export.text.count("\n") == 4
    assert client.get("/v1/roleplay/export.csv?trainee=lee").text.count("\n") == 2
    assert client.get("/v1/roleplay/trainees/nobody/progress").json()["points"] == []
    assert client.get("/v1/roleplay/trainees/" + "x" * 300 + "/progress").status_code == 422


runner = CliRunner()


def test_report_cohort_and_csv_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             trainer: Trainer) -> None:
    url = f"sqlite:///{tmp_path / 'training.db'}"
    db = Database(url)
    try:
        play(trainer, db, "acme-dental-seats", PUSHY, trainee="kim")
        play(trainer, db, "acme-dental-seats", GOOD, trainee="kim")
    finally:
        db.dispose()
    monkeypatch.setenv("COACH_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        out = tmp_path / "kim.html"
        r = runner.invoke(app, ["roleplay", "--report", "kim", "--out", str(out)])
        assert r.exit_code == 0 and "2 ended session(s)" in r.output, r.output
        assert "<svg" in out.read_text(encoding="utf-8")
        table = runner.invoke(app, ["roleplay", "--cohort"])
        assert table.exit_code == 0 and re.search(r"kim\s+2\s+100\s+100\s+50\.0", table.output), table.output
        exported = runner.invoke(app, ["roleplay", "--cohort", "--csv"])
        assert exported.exit_code == 0 and exported.output.splitlines()[0].startswith("trainee,session_id")
        assert len(exported.output.splitlines()) == 3
    finally:
        get_settings.cache_clear()

"""Readiness: 503 with the reason until the warm-up is done, 200 after; liveness answers throughout."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.readiness import Readiness
from tests.api.conftest import make_settings


def test_readiness_is_a_list_of_named_checks() -> None:
    r = Readiness()
    r.add("database", lambda: None)
    r.add("chroma", lambda: "the Chroma server does not answer")
    r.add("broken", lambda: 1 / 0)  # type: ignore[arg-type, func-returns-value]
    got = r.report()
    assert [c.name for c in got] == ["database", "chroma", "broken"]
    assert [c.ok for c in got] == [True, False, False]
    assert got[1].reason == "the Chroma server does not answer"
    assert got[2].reason == "check failed: ZeroDivisionError"


@pytest.mark.slow
def test_not_ready_until_warm_then_ready(tmp_path: Path, index_dir: Path, monkeypatch: Any) -> None:
    from api import readiness

    gate = threading.Event()
    real = readiness.Warmup._warm

    def slow_warm(self: readiness.Warmup) -> None:
        self.step = "loading the embedding model"
        assert gate.wait(30)
        real(self)

    monkeypatch.setattr(readiness.Warmup, "_warm", slow_warm)
    app = create_app(make_settings(tmp_path / "data", index_dir), warm=True)
    with TestClient(app) as c:
        r = c.get("/v1/ready")
        assert r.status_code == 503
        body = r.json()
        assert body["ready"] is False
        assert body["reason"] == "warm-up: warming up: loading the embedding model"
        assert [x["name"] for x in body["checks"]] == ["database", "index", "model", "warm-up"]
        assert c.get("/v1/health").status_code == 200  # alive while not ready
        gate.set()
        assert app.state.warmup.wait(120)
        r = c.get("/v1/ready")
        assert r.status_code == 200, r.text
        assert r.json() == {"ready": True, "reason": None, "checks": [
            {"name": "database", "ok": True, "reason": None}, {"name": "index", "ok": True, "reason": None},
            {"name": "model", "ok": True, "reason": None}, {"name": "warm-up", "ok": True, "reason": None}]}


def test_failed_warm_up_is_not_ready_with_the_reason(tmp_path: Path, index_dir: Path, monkeypatch: Any) -> None:
    from api import readiness
    from coach.errors import CoachRunError

    def broken(self: readiness.Warmup) -> None:
        self.step = "opening the playbook index"
        raise CoachRunError("cannot open the Chroma index (disk full)\ndetail")

    monkeypatch.setattr(readiness.Warmup, "_warm", broken)
    app = create_app(make_settings(tmp_path / "data", index_dir), warm=True)
    with TestClient(app) as c:
        assert app.state.warmup.wait(30)
        r = c.get("/v1/ready")
    assert r.status_code == 503
    assert r.json()["reason"] == ("warm-up: warm-up failed while opening the playbook index: "
                                  "cannot open the Chroma index (disk full)")


@pytest.mark.slow
def test_concurrent_first_requests_open_the_index_once(tmp_path: Path, index_dir: Path) -> None:
    """Eight first searches at once on a fresh Knowledge: all answer, one Chroma client is made."""
    from coach.knowledge import search as search_mod

    settings = make_settings(tmp_path / "data", index_dir)
    made: list[Any] = []
    real_init = search_mod.Knowledge.__init__

    def counting_init(self: Any, *a: Any, **kw: Any) -> None:
        made.append(self)
        real_init(self, *a, **kw)

    results: list[Any] = []
    errors: list[BaseException] = []

    def first_request() -> None:
        try:
            results.append(search_mod.get_knowledge(settings).search("budget cut seats", k=2))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    search_mod.Knowledge.__init__ = counting_init  # type: ignore[method-assign]
    try:
        threads = [threading.Thread(target=first_request) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        search_mod.Knowledge.__init__ = real_init  # type: ignore[method-assign]
    assert not errors, errors
    assert len(made) == 1
    assert len(results) == 8 and all(len(r) == 2 for r in results)

"""The real server process: OpenAPI, the page, and nothing acknowledged lost on a hard crash."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from coach.config import REPO_ROOT
from tests.e2e.conftest import Server, start_server

TODAY = "2026-11-20"


@pytest.mark.slow  # a real server process: its start-up alone is most of a minute on a loaded machine
def test_openapi_and_chat_page(server: Server) -> None:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    assert {"/v1/drafts", "/v1/accounts", "/v1/cases/{case_id}/turns/stream", "/v1/policy/check",
            "/v1/knowledge/search", "/v1/triggers/due", "/v1/health"} <= set(spec["paths"])
    page = httpx.get(f"{server.url}/chat")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert httpx.get(f"{server.url}/static/chat.js").status_code == 200


@pytest.mark.slow  # kill -9 and two server starts
def test_kill_minus_nine_loses_nothing_acknowledged(server: Server, tmp_path: Path) -> None:
    account = json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())
    with httpx.Client(base_url=server.url, timeout=60) as c:
        assert c.post("/v1/accounts", json=account, params={"today": TODAY}).status_code == 201
        case = c.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY}).json()
        r = c.post(f"/v1/cases/{case['id']}/turns", json={"text": "We must cut 30% of seats", "today": TODAY})
        assert r.status_code == 201
        r = c.post(f"/v1/cases/{case['id']}/stage", json={"stage": "counter_sent", "today": TODAY})
        assert r.status_code == 200
    server.kill()

    again = start_server(server.data_dir, server.index_dir, tmp_path / "server2.log")
    try:
        got = httpx.get(f"{again.url}/v1/cases/{case['id']}", params={"today": TODAY}).json()
        assert got["stage"] == "counter_sent"
        assert [t["text"] for t in got["turns"]] == ["We must cut 30% of seats"]
        assert got["suggestion"] is not None
    finally:
        again.stop()


def test_serve_refuses_to_listen_beyond_localhost_without_keys(monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coach.cli.main import app
    from coach.config import get_settings

    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("COACH_API_KEYS", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "COACH_API_KEYS" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True),
                                                ("localhost", True), ("0.0.0.0", False), ("::", False),
                                                ("10.0.0.5", False), ("example.org", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    from coach.cli.serve_cmd import is_loopback

    assert is_loopback(host) is loopback

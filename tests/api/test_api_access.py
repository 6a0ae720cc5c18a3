"""API keys, rate limits, size limits, and what never reaches the logs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import DbCounter, SharedRateLimiter
from coach.errors import CoachInputError
from coach.store import Database
from tests.api.conftest import make_settings

KEY, ADMIN = "k-3b1f9a", "adm-77c2e0"


@pytest.fixture
def keyed(tmp_path: Path, index_dir: Path) -> TestClient:
    settings = make_settings(tmp_path / "data", index_dir, api_keys=[KEY, f"admin:{ADMIN}"])
    return TestClient(create_app(settings, public=True), raise_server_exceptions=False)


@pytest.mark.slow
def test_public_server_needs_keys(tmp_path: Path, index_dir: Path) -> None:
    with pytest.raises(CoachInputError, match="COACH_API_KEYS"):
        create_app(make_settings(tmp_path, index_dir), public=True)


@pytest.mark.slow
def test_keys_required_everywhere_but_health(keyed: TestClient) -> None:
    assert keyed.get("/v1/health").status_code == 200
    assert keyed.get("/chat").status_code == 200  # the page holds no data; it asks for a key
    bad = ({}, {"X-API-Key": "wrong"}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"})
    for headers in bad:
        r = keyed.get("/v1/accounts", headers=headers)
        assert r.status_code == 401, headers
        assert r.json()["error"].startswith("a valid API key is required")
    assert keyed.get("/v1/accounts", headers={"X-API-Key": KEY}).status_code == 200
    assert keyed.get("/v1/accounts", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    r = keyed.post("/v1/cases/x/turns/stream", json={"text": "hi"})
    assert r.status_code == 401


@pytest.mark.slow
def test_keys_configured_on_localhost_are_enforced(tmp_path: Path, index_dir: Path) -> None:
    client = TestClient(create_app(make_settings(tmp_path, index_dir, api_keys=[KEY])))
    assert client.get("/v1/accounts").status_code == 401


def test_ingest_needs_an_admin_key(keyed: TestClient) -> None:
    body = {"documents": [{"name": "x.md", "text": "# T\n\nhello"}]}
    r = keyed.post("/v1/knowledge/ingest", json=body, headers={"X-API-Key": KEY})
    assert r.status_code == 403 and r.json()["error"] == "this endpoint needs an admin key"
    r = keyed.post("/v1/knowledge/ingest", json={"documents": [{"name": "../etc/passwd", "text": "x"}]},
                   headers={"X-API-Key": ADMIN})
    assert r.status_code == 422 and r.json()["field"] == "documents.0.name"


@pytest.mark.slow
def test_rate_limit_per_key(tmp_path: Path, index_dir: Path) -> None:
    settings = make_settings(tmp_path, index_dir, api_keys=[KEY, "other-key"], rate_limit_per_minute=3)
    client = TestClient(create_app(settings))
    codes = [client.get("/v1/accounts", headers={"X-API-Key": KEY}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = client.get("/v1/accounts", headers={"X-API-Key": KEY})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "rate limit" in r.json()["error"]
    assert client.get("/v1/accounts", headers={"X-API-Key": "other-key"}).status_code == 200
    assert client.get("/v1/health").status_code == 200


@pytest.fixture
def counter(tmp_path: Path) -> DbCounter:
    return DbCounter(Database(f"sqlite:///{tmp_path / 'limits.db'}").engine)


def test_the_window_slides(counter: DbCounter) -> None:
    limiter = SharedRateLimiter(60, counter)
    assert all(limiter.acquire("a", now=600.0) == 0 for _ in range(60))
    assert limiter.acquire("a", now=600.5) > 0  # 61st in the same minute
    assert limiter.acquire("a", now=661.0) > 0  # next minute, but most of the last one still counts
    assert limiter.acquire("a", now=719.9) == 0  # nearly all of it has slid out
    assert limiter.acquire("b", now=600.0) == 0  # callers are counted apart
    assert SharedRateLimiter(0, counter).acquire("a") == 0


def test_a_limiter_store_outage_lets_requests_through() -> None:
    class Down:
        def incr(self, key: str, window: int) -> int:
            raise ConnectionError("down")

        def get(self, key: str, window: int) -> int:
            raise ConnectionError("down")

    assert SharedRateLimiter(1, Down()).acquire("a") == 0


@pytest.mark.slow
def test_failed_authentication_is_throttled_per_client(tmp_path: Path, index_dir: Path) -> None:
    settings = make_settings(tmp_path, index_dir, api_keys=[KEY], auth_failures_per_minute=5)
    client = TestClient(create_app(settings, public=True), raise_server_exceptions=False)
    codes = [client.get("/v1/accounts", headers={"X-API-Key": f"guess-{i}"}).status_code for i in range(8)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
    r = client.get("/v1/accounts", headers={"X-API-Key": KEY})  # even the right key waits: the address guessed
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1


@pytest.mark.parametrize("keys", [["admin:"], ["ok-key", "  "], [""]])
def test_an_empty_secret_is_refused_at_start(tmp_path: Path, index_dir: Path, keys: list[str]) -> None:
    with pytest.raises(CoachInputError, match="empty secret"):
        create_app(make_settings(tmp_path, index_dir, api_keys=keys))


def test_allowed_hosts_refuse_other_host_headers(tmp_path: Path, index_dir: Path) -> None:
    client = TestClient(create_app(make_settings(tmp_path, index_dir), allowed_hosts=["127.0.0.1", "localhost"]),
                        base_url="http://127.0.0.1:8000")
    assert client.get("/v1/health").status_code == 200
    assert client.get("/v1/health", headers={"Host": "attacker.example:8000"}).status_code == 400


def test_request_size_limit(tmp_path: Path, index_dir: Path, account_data: dict[str, Any]) -> None:
    client = TestClient(create_app(make_settings(tmp_path, index_dir, max_request_bytes=2000)))
    r = client.post("/v1/accounts", json={**account_data, "notes": "x" * 5000})
    assert r.status_code == 413 and r.json() == {
        "error": "request body is larger than the limit of 2000 bytes", "field": "body"}

    def chunks():  # no Content-Length: counted while reading
        for _ in range(10):
            yield b"x" * 500

    r = client.post("/v1/accounts", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.post("/v1/accounts", json=account_data).status_code == 201


@pytest.mark.slow
def test_no_keys_or_customer_text_in_logs(keyed: TestClient, caplog: pytest.LogCaptureFixture,
                                          account_data: dict[str, Any]) -> None:
    caplog.set_level(logging.INFO)
    secret_text = "our CFO Jane Roe says the budget is gone"
    h = {"X-API-Key": KEY}
    keyed.post("/v1/accounts", json=account_data, headers=h)
    keyed.post("/v1/cases", json={"account_id": "nobody", "message": secret_text}, headers=h)
    keyed.post("/v1/drafts", headers=h,
               json={"account_id": "acme-dental", "message": secret_text, "today": "1999-01-01"})
    keyed.post("/v1/accounts", json={**account_data, "name": secret_text, "mrr": -1}, headers=h)
    keyed.get("/v1/accounts", headers={"X-API-Key": "wrong-" + KEY})
    assert KEY not in caplog.text and ADMIN not in caplog.text
    assert "Jane Roe" not in caplog.text


@pytest.mark.slow
def test_admin_ingests_an_uploaded_playbook(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", tmp_path / "own-index", api_keys=[f"admin:{ADMIN}"])
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    doc = {"name": "renewal-notes.md", "text": "# Renewals\n\n## Early renewal\n\nOffer the renewal early."}
    r = client.post("/v1/knowledge/ingest", json={"documents": [doc]}, headers={"X-API-Key": ADMIN})
    assert r.status_code == 201, r.text
    assert r.json()["files"] == 1 and r.json()["added"] >= 1
    assert (tmp_path / "data" / "uploads" / "renewal-notes.md").read_text().startswith("# Renewals")

"""Accounts, cases, turns, decisions and triggers survive a restart of the app."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_drafter
from coach.config import Settings
from tests.api.conftest import TODAY, FakeDrafter


@pytest.fixture
def settings(any_db_settings: Settings) -> Settings:
    """These tests run against SQLite and the real PostgreSQL."""
    return any_db_settings


def start(settings: Settings, drafter: FakeDrafter) -> TestClient:
    app = create_app(settings)
    app.dependency_overrides[get_drafter] = lambda: drafter
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.slow
def test_restart_finds_the_case(settings: Settings, account_data: dict[str, Any]) -> None:
    drafter = FakeDrafter()
    with start(settings, drafter) as first:
        first.post("/v1/accounts", json=account_data, params={"today": TODAY.isoformat()})
        case = first.post("/v1/cases", json={"account_id": "acme-dental", "message": "Drop PPC please",
                                             "today": TODAY.isoformat()}).json()
        first.post(f"/v1/cases/{case['id']}/turns", json={"text": "It brings no leads"})
        for stage in ("counter_sent", "downsell_accepted", "triggers_set"):
            assert first.post(f"/v1/cases/{case['id']}/stage",
                              json={"stage": stage, "today": TODAY.isoformat()}).status_code == 200
        before = first.get(f"/v1/cases/{case['id']}", params={"today": TODAY.isoformat()}).json()

    with start(settings, FakeDrafter()) as second:  # a new app, engine and connection pool
        after = second.get(f"/v1/cases/{case['id']}", params={"today": TODAY.isoformat()}).json()
        assert after == before
        assert after["stage"] == "triggers_set"
        assert [t["text"] for t in after["turns"]] == ["Drop PPC please", "It brings no leads"]
        assert after["suggestion"]["counter_proposal"]["kind"] == "suspend_module"
        assert {t["kind"] for t in after["triggers"]} >= {"reengagement_90d", "feature_release"}
        stored = second.get("/v1/accounts/acme-dental").json()["account"]
        assert {k: stored[k] for k in account_data if k != "contact"} == \
            {k: v for k, v in account_data.items() if k != "contact"}
        due = second.get("/v1/triggers/due", params={"today": "2027-12-31"}).json()
        assert len(due["triggers"]) == len(after["triggers"])


@pytest.mark.slow
def test_failed_request_stores_nothing(settings: Settings, account_data: dict[str, Any]) -> None:
    drafter = FakeDrafter()
    with start(settings, drafter) as client:
        client.post("/v1/accounts", json=account_data, params={"today": TODAY.isoformat()})
        case = client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()}).json()
        drafter.fail_with = RuntimeError("drafter crashed")
        r = client.post(f"/v1/cases/{case['id']}/turns", json={"text": "hello"})
        assert r.status_code == 500 and r.json() == {"error": "internal error", "field": None}
        # not acknowledged, so not kept: no half-written turn without its suggestion
        assert client.get(f"/v1/cases/{case['id']}").json()["turns"] == []

"""No database transaction stays open across a model call: while a slow model answers one customer
turn, other writes on SQLite succeed at once (before the fix they waited for the model, then 503)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, FakeDrafter

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

SLOW = 6.0  # longer than SQLite's busy timeout (5 s): a held write lock would make the writes fail


class SlowDrafter(FakeDrafter):
    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()

    def __call__(self, account: Any, message: str, **kwargs: Any) -> Any:
        self.started.set()
        time.sleep(SLOW)
        return super().__call__(account, message, **kwargs)


def test_writes_succeed_while_a_slow_model_answers(settings: Any, account_data: dict[str, Any]) -> None:
    from api.app import create_app
    from api.deps import get_drafter

    assert settings.resolved_database_url.startswith("sqlite")
    slow = SlowDrafter()
    app = create_app(settings)
    app.dependency_overrides[get_drafter] = lambda: slow
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/v1/accounts", json=account_data, params={"today": TODAY.isoformat()}).status_code == 201
        case = client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()}).json()
        results: dict[str, Any] = {}

        def turn() -> None:
            results["turn"] = client.post(f"/v1/cases/{case['id']}/turns",
                                          json={"text": "We want to drop PPC.", "today": TODAY.isoformat()})

        worker = threading.Thread(target=turn)
        worker.start()
        assert slow.started.wait(30)
        t0 = time.monotonic()
        other = client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()})
        note = client.post(f"/v1/cases/{case['id']}/milestones",
                           json={"milestone": "reported", "today": TODAY.isoformat()})
        waited = time.monotonic() - t0
        worker.join(60)
    assert other.status_code == 201, other.text
    assert note.status_code == 200, note.text  # not 503: the database was not locked
    assert waited < SLOW - 1, f"the writes waited {waited:.1f}s for the model"
    assert results["turn"].status_code == 201, results["turn"].text
    assert results["turn"].json()["suggestion"] is not None

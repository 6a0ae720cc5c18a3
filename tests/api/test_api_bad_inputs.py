"""Bad request bodies of issue 16 get a 4xx with one line, never a 500; response times carry an offset."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, account_factory

ACCOUNT = json.dumps(account_factory())
BAD_BODIES = {
    "nested": '{"id": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "5000 digits": ACCOUNT.replace('"seats": 40', '"seats": ' + "9" * 5000),
    "infinity": ACCOUNT.replace('"mrr": 4600.0', '"mrr": Infinity'),
    "1e400": ACCOUNT.replace('"mrr": 4600.0', '"mrr": 1e400'),
    "money too big": json.dumps(account_factory(list_mrr=1e15)),
    "not utf-8": b'{"id": "\xff\xfe"}',
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_bad_account_bodies_are_4xx(client: TestClient, case: str) -> None:
    body = BAD_BODIES[case]
    assert body != ACCOUNT
    r = client.post("/v1/accounts", content=body, headers={"content-type": "application/json"},
                    params={"today": TODAY.isoformat()})
    assert 400 <= r.status_code < 500, r.text
    assert "\n" not in r.json()["error"]


@pytest.mark.slow
def test_a_body_with_a_byte_order_mark_is_accepted(client: TestClient) -> None:
    r = client.post("/v1/accounts", content=("\ufeff" + ACCOUNT).encode(),
                    headers={"content-type": "application/json"}, params={"today": TODAY.isoformat()})
    assert r.status_code == 201, r.text


@pytest.mark.slow
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_dates_out_of_range_are_422(client: TestClient, day: str) -> None:
    r = client.post("/v1/drafts", json={"account": account_factory(), "message": "cut 30% of seats", "today": day})
    assert r.status_code == 422 and r.json()["field"] == "today", r.text
    r = client.get("/v1/triggers/due", params={"today": day})
    assert r.status_code == 422, r.text


def _aware(value: Any) -> bool:
    return datetime.fromisoformat(value).tzinfo is not None


@pytest.mark.slow
def test_roleplay_session_times_carry_an_offset(client: TestClient) -> None:
    r = client.post("/v1/roleplay/sessions", json={"persona_id": "acme-dental-seats", "trainee": "kim"})
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    client.post(f"/v1/roleplay/sessions/{sid}/end")
    listed = client.get("/v1/roleplay/sessions", params={"trainee": "kim"}).json()["sessions"]
    assert listed and all(_aware(s["created_at"]) for s in listed)
    assert all(_aware(s["ended_at"]) for s in listed if s["ended_at"])

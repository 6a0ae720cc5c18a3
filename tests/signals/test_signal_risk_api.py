"""Risk endpoints: posted accounts (bad items reported), the stored portfolio, one account."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.signals.conftest import usage_account

TODAY = "2026-11-21"


@pytest.mark.slow
def test_post_ranks_good_items_and_reports_bad_ones(client: TestClient) -> None:
    accounts = [
        usage_account({"nps": 3}, id="a"),
        {"id": "x"},
        usage_account({"seat_utilisation_pct": 41, "seat_utilisation_change_90d_pct": -30, "nps": 2}, id="b"),
        usage_account({"logins_per_month": "many"}, id="c"),
    ]
    r = client.post("/v1/risk", json={"accounts": accounts, "today": TODAY})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["processed"], body["failed"]) == (2, 2)
    assert [a["account_id"] for a in body["ranked"]] == ["b", "a"]
    assert body["ranked"][0]["summary"].startswith("seat utilisation 41% (below 60%)")
    assert [(e["item"], e["field"]) for e in body["errors"]] == [(2, "name"), (4, "usage.logins_per_month")]


@pytest.mark.slow
def test_post_with_nothing_good_is_422(client: TestClient) -> None:
    r = client.post("/v1/risk", json={"accounts": [{"id": "x"}], "today": TODAY})
    assert r.status_code == 422
    assert r.json()["field"] == "accounts" and "nothing could be processed" in r.json()["error"]


@pytest.mark.slow
def test_stored_portfolio_and_one_account(client: TestClient) -> None:
    for i, usage in (("calm", {"nps": 10}), ("risky", {"nps": 1, "open_tickets": 7, "logins_per_month": 1})):
        assert (
            client.post("/v1/accounts", json=usage_account(usage, id=i), params={"today": TODAY}).status_code
            == 201
        )
    body = client.get("/v1/risk", params={"today": TODAY, "min_level": "medium"}).json()
    assert [a["account_id"] for a in body["ranked"]] == ["risky"] and body["processed"] == 2
    one = client.get("/v1/risk/calm", params={"today": TODAY}).json()
    assert one["score"] == 0 and one["level"] == "low"
    assert client.get("/v1/risk/nobody").status_code == 404

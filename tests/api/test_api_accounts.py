from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, account_factory

Q = {"today": TODAY.isoformat()}


@pytest.mark.slow
def test_import_and_read(fake_client: TestClient, account_data: dict[str, Any]) -> None:
    r = fake_client.post("/v1/accounts", json={**account_data, "crm_id": "X-1"}, params=Q)
    assert r.status_code == 201
    body = r.json()
    assert body["figures"] == {"as_of": "2026-11-20", "months_in": 14, "arr": 55200.0, "discount_pct": 8.0,
                               "end_date": "2027-09-01", "months_left": 10}
    assert body["account"]["crm_id"] == "X-1"  # unknown fields are kept
    got = fake_client.get("/v1/accounts/acme-dental", params=Q).json()
    assert got["account"] == body["account"]
    listed = fake_client.get("/v1/accounts").json()["accounts"]
    assert [a["id"] for a in listed] == ["acme-dental"]


@pytest.mark.slow
def test_reimport_replaces(fake_client: TestClient, account_data: dict[str, Any]) -> None:
    fake_client.post("/v1/accounts", json=account_data, params=Q)
    r = fake_client.post("/v1/accounts", json={**account_data, "mrr": 4000.0}, params=Q)
    assert r.status_code == 201 and r.json()["account"]["mrr"] == 4000.0
    assert len(fake_client.get("/v1/accounts").json()["accounts"]) == 1


@pytest.mark.slow
def test_unknown_account_is_404(fake_client: TestClient) -> None:
    r = fake_client.get("/v1/accounts/nobody")
    assert r.status_code == 404
    assert r.json() == {"error": "account_id: unknown account 'nobody'", "field": "account_id"}


@pytest.mark.parametrize(("change", "field"), [
    ({"mrr": -1}, "mrr"),
    ({"list_mrr": 0}, "list_mrr"),
    ({"mrr": "a lot"}, "mrr"),
    ({"seats": -3}, "seats"),
    ({"contract": {"start_date": "2025-09-01", "term_months": 0}}, "contract.term_months"),
    ({"contract": {"term_months": 24}}, "contract.start_date"),
    ({"services": [{"name": "SEO", "mrr": -5}]}, "services.0.mrr"),
    ({"segment": "galactic"}, "segment"),
    ({"id": "a/b"}, "id"),
    ({"mrr": 1e300}, "mrr"),
])
@pytest.mark.slow
def test_bad_fields_are_422_naming_the_field(fake_client: TestClient, change: dict[str, Any],
                                            field: str) -> None:
    r = fake_client.post("/v1/accounts", json=account_factory(**change), params=Q)
    assert r.status_code == 422, r.text
    assert r.json()["field"] == field
    assert r.json()["error"].startswith(field)


@pytest.mark.slow
def test_missing_required_field(fake_client: TestClient, account_data: dict[str, Any]) -> None:
    del account_data["contract"]
    r = fake_client.post("/v1/accounts", json=account_data)
    assert r.status_code == 422 and r.json()["field"] == "contract"


def test_start_date_after_today(fake_client: TestClient) -> None:
    data = account_factory(contract={"start_date": "2027-01-01", "term_months": 12})
    r = fake_client.post("/v1/accounts", json=data, params=Q)
    assert r.status_code == 422 and "after today" in r.json()["error"]


def test_not_json_and_not_an_object(fake_client: TestClient) -> None:
    r = fake_client.post("/v1/accounts", content=b"{nope", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "request body is not valid JSON"
    r = fake_client.post("/v1/accounts", json=[1, 2])
    assert r.status_code == 422 and r.json()["field"] == "body"
    r = fake_client.post("/v1/accounts")
    assert r.status_code == 422


@pytest.mark.slow
def test_bad_query_and_unknown_route(fake_client: TestClient) -> None:
    r = fake_client.get("/v1/accounts", params={"limit": -1})
    assert r.status_code == 422 and r.json()["field"] == "limit"
    r = fake_client.get("/v1/accounts/acme-dental", params={"today": "yesterday"})
    assert r.status_code == 422 and r.json()["field"] == "today"
    r = fake_client.get("/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"] == "Not Found"

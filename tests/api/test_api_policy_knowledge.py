"""Policy checks and knowledge search (real rules, real index)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, account_factory

OFFER = {"new_mrr": 4200.0, "term_extension_months": 24}


def check(client: TestClient, **body: Any) -> Any:
    return client.post("/v1/policy/check", json={"today": TODAY.isoformat(), **body})


@pytest.mark.slow
def test_offer_within_the_rules_passes(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    r = check(fake_client, account_id="acme-dental", offer=OFFER)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["passed"] is True
    assert {"lock-period", "discount-cap"} <= {c["id"] for c in body["checks"]}


@pytest.mark.slow
def test_offer_over_the_hard_cap_fails(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    body = check(fake_client, account_id="acme-dental", offer={"new_mrr": 3000.0}).json()
    assert body["passed"] is False
    failed = [c for c in body["checks"] if not c["passed"]]
    assert any(c["id"] == "discount-cap" for c in failed)


@pytest.mark.slow
def test_inline_account_inside_the_lock(fake_client: TestClient) -> None:
    account = account_factory(contract={"start_date": "2026-06-01", "term_months": 24,
                                        "agreement_type": "integrated_marketing"})
    body = check(fake_client, account=account, offer=OFFER).json()
    lock = next(c for c in body["checks"] if c["id"] == "lock-period")
    assert lock["passed"] is False and body["passed"] is False


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"account_id": "acme-dental", "offer": {"new_mrr": -1}}, 422, "offer.new_mrr"),
    ({"account_id": "acme-dental", "offer": {"new_mrr": "cheap"}}, 422, "offer.new_mrr"),
    ({"account_id": "acme-dental", "offer": {"new_mrr": 10, "bonus": 1}}, 422, "offer.bonus"),
    ({"account_id": "acme-dental", "offer": {"new_mrr": 10, "pause_months": 500}}, 422, "offer.pause_months"),
    ({"account_id": "acme-dental"}, 422, "offer"),
    ({"offer": OFFER}, 422, None),
    ({"account_id": "nobody", "offer": OFFER}, 404, "account_id"),
    ({"account_id": "acme-dental", "offer": {"new_mrr": 4000, "services_kept": ["Radio"]}}, 422, None),
])
@pytest.mark.slow
def test_bad_checks(fake_client: TestClient, fake_case: dict[str, Any], body: dict[str, Any], status: int,
                    field: str | None) -> None:
    r = check(fake_client, **body)
    assert r.status_code == status, r.text
    assert r.json()["error"]
    if field:
        assert r.json()["field"] == field


@pytest.mark.slow
def test_search_and_open_a_passage(fake_client: TestClient) -> None:
    r = fake_client.post("/v1/knowledge/search", json={"query": "nine month lock on MRR reduction", "k": 3})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert len(hits) == 3 and hits[0]["source"] == "agreement-review.md"
    top = hits[0]
    r = fake_client.get("/v1/knowledge/passage", params={"source": top["source"], "section": top["section"]})
    assert r.status_code == 200 and top["text"][:40] in r.json()["text"]
    r = fake_client.get("/v1/knowledge/passage", params={"source": "nope.md", "section": "Nothing"})
    assert r.status_code == 404


@pytest.mark.slow
def test_bad_searches(fake_client: TestClient) -> None:
    assert fake_client.post("/v1/knowledge/search", json={"query": ""}).status_code == 422
    assert fake_client.post("/v1/knowledge/search", json={"query": "x", "k": 0}).json()["field"] == "k"
    assert fake_client.get("/v1/knowledge/passage", params={"source": "a.md"}).json()["field"] == "section"

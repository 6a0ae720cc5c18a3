"""The draft endpoint and the live stream with the real (template) drafter."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, account_factory

MESSAGE = "Our budget was cut for next year, we need to reduce our seats by 30%."
CONTRACT_KEYS = {"request", "root_cause", "hardship", "eligibility", "acknowledgment", "diagnosis_questions",
                 "counter_proposal", "escalations", "reengagement_triggers", "violations", "citations"}


@pytest.mark.slow
def test_draft_for_a_stored_account(client: TestClient, imported: dict[str, Any]) -> None:
    r = client.post("/v1/drafts", json={"account_id": "acme-dental", "message": MESSAGE,
                                        "today": TODAY.isoformat()})
    assert r.status_code == 200, r.text
    d = r.json()
    assert CONTRACT_KEYS <= set(d)
    assert d["request"]["kind"] == "seat_reduction" and d["root_cause"] == "budget_cut"
    counter = d["counter_proposal"]
    assert counter and 0 < counter["new_mrr"] < 4600 and counter["discount_pct"] <= 20
    assert d["acknowledgment"] and d["violations"] == []
    assert all(c["source"].endswith(".md") for c in d["citations"])


def test_draft_for_an_inline_account_inside_the_lock(client: TestClient) -> None:
    account = account_factory(contract={"start_date": "2026-06-01", "term_months": 24,
                                        "agreement_type": "integrated_marketing"})
    r = client.post("/v1/drafts", json={"account": account, "message": MESSAGE, "today": TODAY.isoformat()})
    assert r.status_code == 200, r.text
    assert r.json()["eligibility"]["reduction_allowed"] is False


def test_a_later_counter_keeps_what_was_secured_through_the_api(client: TestClient) -> None:
    body = {"account": account_factory(), "today": TODAY.isoformat(), "prior_counters": 1,
            "message": "Could we go down to 24 seats instead? The budget is still tight.",
            "history": ["Customer: We need to cut seats by 30%, our budget was reduced."],
            "secured": {"new_mrr": 3680.0, "term_extension_months": 24, "seats": 32}}
    r = client.post("/v1/drafts", json=body)
    assert r.status_code == 200, r.text
    c = r.json()["counter_proposal"]
    assert (c["seats"], c["new_mrr"], c["term_extension_months"]) == (32, 3680.0, 24)
    bad = client.post("/v1/drafts", json={**body, "secured": {"new_mrr": -1}})
    assert bad.status_code == 422 and "secured" in bad.text


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"message": MESSAGE}, 422, None),
    ({"account_id": "acme-dental", "account": account_factory(), "message": MESSAGE}, 422, None),
    ({"account_id": "acme-dental", "message": ""}, 422, "message"),
    ({"account_id": "acme-dental", "message": MESSAGE, "history": ["x"] * 51}, 422, "history"),
    ({"account_id": "acme-dental", "message": MESSAGE, "prior_counters": -1}, 422, "prior_counters"),
    ({"account_id": "acme-dental", "message": MESSAGE, "today": "2025-01-01"}, 422, None),
    ({"account_id": "nobody", "message": MESSAGE}, 404, "account_id"),
    ({"account": account_factory(mrr=-5), "message": MESSAGE}, 422, "account.mrr"),
])
@pytest.mark.slow
def test_bad_draft_requests(client: TestClient, imported: dict[str, Any], body: dict[str, Any], status: int,
                            field: str | None) -> None:
    r = client.post("/v1/drafts", json=body)
    assert r.status_code == status, r.text
    assert r.json()["error"]
    if field:
        assert r.json()["field"] == field


@pytest.mark.slow
def test_live_stream_with_the_engine(client: TestClient, imported: dict[str, Any]) -> None:
    case = client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()}).json()
    with client.stream("POST", f"/v1/cases/{case['id']}/turns/stream",
                       json={"text": MESSAGE, "today": TODAY.isoformat()}) as r:
        text = "".join(r.iter_text())
    kinds = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("event: ")]
    assert kinds[:2] == ["turn", "meta"] and kinds[-1] == "final" and "delta" in kinds
    final = json.loads(text.strip().split("\n\n")[-1].split("data: ", 1)[1])
    assert final["suggestion"]["counter_proposal"]["new_mrr"] > 0
    got = client.get(f"/v1/cases/{case['id']}").json()
    assert got["suggestion"] == final["suggestion"]

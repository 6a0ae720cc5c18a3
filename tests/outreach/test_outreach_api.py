"""Outreach endpoints, the contact log behind the cap, and the firm no inside a case's turns."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import FakeDrafter
from tests.factories import account_data
from tests.outreach.conftest import contact

TODAY = "2026-11-20"


def imported(client: TestClient, **overrides: Any) -> str:
    data = account_data(contact=contact(timezone="America/New_York"))
    data.update(overrides)
    r = client.post("/v1/accounts", json=data, params={"today": TODAY})
    assert r.status_code == 201, r.text
    return data["id"]


def offer(client: TestClient, now: str = "2026-11-21T15:00:00Z", **extra: Any):
    return client.post(
        "/v1/outreach/drafts",
        json={
            "account_id": "acme-dental",
            "reason": "new_offering",
            "note": "Reviews module",
            "now": now,
            "offer": {"kind": "add_service", "service": "Reviews", "added_list_mrr": 300, "trial": True},
            **extra,
        },
    )


def test_draft_then_log_then_the_cap(client: TestClient) -> None:
    imported(client)
    r = offer(client)
    assert r.status_code == 200 and r.json()["allowed"], r.json()
    assert "free for 30 days" in r.json()["message"]
    for at in ("2026-10-01T15:00:00Z", "2026-11-10T15:00:00Z"):
        assert (
            client.post(
                "/v1/outreach/contacts", json={"account_id": "acme-dental", "kind": "upsell", "at": at}
            ).status_code
            == 201
        )
    r = offer(client)
    assert not r.json()["allowed"] and r.json()["message"] == ""
    assert r.json()["blocked_by"][0].startswith("contact-cap: 2 offer contacts")
    # an explicit log in the request replaces the stored one
    assert offer(client, contact_log=[]).json()["allowed"]


def test_quiet_hours_and_bad_input(client: TestClient) -> None:
    imported(client)
    r = offer(client, now="2026-11-22T01:00:00Z")  # 20:00 in New York
    assert not r.json()["allowed"] and r.json()["send_window"]["next_allowed"] == "2026-11-22T09:00-05:00"
    assert offer(client, now="2026-11-21T15:00:00").status_code == 422
    r = client.post("/v1/outreach/drafts", json={"account_id": "nobody", "reason": "new_offering"})
    assert r.status_code == 404
    r = client.post("/v1/outreach/contacts", json={"account_id": "acme-dental", "kind": "spam"})
    assert r.status_code == 422 and r.json()["field"] == "kind"


@pytest.mark.slow
def test_firm_no_and_acceptance_endpoints(client: TestClient) -> None:
    r = client.post(
        "/v1/outreach/firm-no", json={"message": "Please stop sending offers.", "counters_made": 0}
    )
    assert r.status_code == 200 and r.json()["stop_saves"] and r.json()["reason"] == "no_offers"
    r = client.post(
        "/v1/outreach/acceptances",
        json={"account": account_data(), "outcome": "cancel", "today": "2026-11-21"},
    )
    assert r.status_code == 200, r.text
    assert "I'll close the Acme Dental Group account" in r.json()["message"]
    assert r.json()["triggers"][0]["due_date"] == "2027-02-19"


@pytest.mark.slow
def test_case_turns_switch_to_the_gracious_acceptance(client: TestClient, fake_drafter: FakeDrafter) -> None:
    imported(client)
    case = client.post(
        "/v1/cases", json={"account_id": "acme-dental", "today": TODAY, "message": "We want to drop PPC."}
    ).json()
    cid = case["id"]
    assert case["suggestion"]["counter_proposal"] is not None
    assert (
        client.post(
            f"/v1/cases/{cid}/stage", json={"stage": "counter_sent", "today": "2026-11-25"}
        ).status_code
        == 200
    )
    r = client.post(
        f"/v1/cases/{cid}/turns", json={"text": "Hmm, still too expensive.", "today": "2026-11-26"}
    )
    assert r.json()["suggestion"]["counter_proposal"] is not None and r.json()["stage"] == "counter_sent"
    r = client.post(
        f"/v1/cases/{cid}/turns",
        json={"text": "No thanks, we've decided. Please just drop PPC.", "today": "2026-11-27"},
    )
    body = r.json()
    s = body["suggestion"]
    assert body["stage"] == "downsell_accepted"
    assert (
        s["counter_proposal"] is None and s["play"] == "accept_gracefully" and s["diagnosis_questions"] == []
    )
    assert s["firm_no"]["reason"] == "repeated_decision" and s["firm_no"]["outcome"] == "reduce"
    assert (
        s["acknowledgment"].startswith("Hi Dana,")
        and "I'll make the change you asked for" in s["acknowledgment"]
    )
    # PPC was removed: the plan has the performance-gap review as well as the check-in
    assert [t["kind"] for t in s["reengagement_triggers"]] == ["performance_gap_review", "reengagement_90d"]
    got = client.get(f"/v1/cases/{cid}", params={"today": "2026-11-27"}).json()
    assert got["suggestion"]["play"] == "accept_gracefully"
    closed = client.post(
        f"/v1/cases/{cid}/stage", json={"stage": "triggers_set", "today": "2026-11-28"}
    ).json()
    assert {t["kind"] for t in closed["triggers"]} >= {"performance_gap_review", "reengagement_90d"}


@pytest.mark.slow
def test_no_offers_in_a_case_is_recorded_on_the_account(client: TestClient) -> None:
    imported(client)
    cid = client.post(
        "/v1/cases", json={"account_id": "acme-dental", "today": TODAY, "message": "We want to cancel."}
    ).json()["id"]
    r = client.post(
        f"/v1/cases/{cid}/turns",
        json={"text": "Just cancel it and stop sending me offers.", "today": "2026-11-21"},
    )
    assert r.json()["suggestion"]["firm_no"]["reason"] == "no_offers"
    assert r.json()["stage"] == "downsell_accepted"
    log = client.get("/v1/accounts/acme-dental").json()["account"]["contact_log"]
    assert log[-1]["kind"] == "opt_out"
    r = offer(client)
    assert not r.json()["allowed"] and any(b.startswith("opted-out") for b in r.json()["blocked_by"])


def test_ordinary_turns_are_untouched(client: TestClient, fake_drafter: FakeDrafter) -> None:
    imported(client)
    cid = client.post(
        "/v1/cases", json={"account_id": "acme-dental", "today": TODAY, "message": "We want to drop PPC."}
    ).json()["id"]
    r = client.post(f"/v1/cases/{cid}/turns", json={"text": "PPC brings no patients", "today": "2026-11-21"})
    assert "firm_no" not in r.json()["suggestion"] and r.json()["stage"] == "diagnosing"

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from coach.config import Settings
from tests.api.conftest import FakeDrafter


@pytest.fixture
def settings(any_db_settings: Settings) -> Settings:
    """These tests run against SQLite and the real PostgreSQL."""
    return any_db_settings


@pytest.mark.slow
def test_open_case_with_first_message(fake_case: dict[str, Any], fake_drafter: FakeDrafter) -> None:
    assert fake_case["stage"] == "acknowledged"
    assert fake_case["opened_on"] == "2026-11-20"
    assert fake_case["cadence"]["day"] == 1
    assert fake_case["cadence"]["next_step"]["key"] == "report"
    assert fake_case["suggestion"]["counter_proposal"]["new_mrr"] == 4400.0
    assert [t["role"] for t in fake_case["turns"]] == ["customer"]
    call = fake_drafter.calls[0]
    assert (call["message"], str(call["today"]), call["prior_counters"]) == ("We want to drop PPC.",
                                                                            "2026-11-20", 0)


@pytest.mark.slow
def test_turns_advance_to_diagnosis_and_carry_history(fake_client: TestClient, fake_case: dict[str, Any],
                                                      fake_drafter: FakeDrafter) -> None:
    cid = fake_case["id"]
    r = fake_client.post(f"/v1/cases/{cid}/turns", json={"text": "Hi, following up", "role": "csm",
                                                          "today": "2026-11-21"})
    assert r.status_code == 201 and r.json()["suggestion"] is None
    r = fake_client.post(f"/v1/cases/{cid}/turns", json={"text": "PPC brings no patients",
                                                          "today": "2026-11-25"})
    assert r.status_code == 201
    assert r.json()["stage"] == "diagnosing"
    assert r.json()["suggestion"]["acknowledgment"].startswith("Thanks")
    assert fake_drafter.calls[-1]["history"] == ["We want to drop PPC."]


@pytest.mark.slow
def test_counter_rounds_reach_the_drafter(fake_client: TestClient, fake_case: dict[str, Any],
                                          fake_drafter: FakeDrafter) -> None:
    cid = fake_case["id"]
    assert fake_client.post(f"/v1/cases/{cid}/stage", json={"stage": "counter_sent"}).status_code == 200
    fake_client.post(f"/v1/cases/{cid}/turns", json={"text": "Still too expensive"})
    assert fake_drafter.calls[-1]["prior_counters"] == 1


@pytest.mark.slow
def test_suggestion_endpoint(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    r = fake_client.get(f"/v1/cases/{fake_case['id']}/suggestion", params={"today": "2026-11-21"})
    assert r.status_code == 200
    body = r.json()
    assert body["day"] == 2 and body["next_step"]["key"] == "report"
    assert body["next_step"]["status"] == "current"
    assert body["draft"]["diagnosis_questions"][0].startswith("What results")


@pytest.mark.slow
def test_full_lifecycle_sets_triggers(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    r = fake_client.post(f"/v1/cases/{cid}/milestones", json={"milestone": "reported", "today": "2026-11-21"})
    steps = {s["key"]: s["status"] for s in r.json()["cadence"]["steps"]}
    assert steps["report"] == "done"
    for stage, day in [("diagnosing", "2026-11-25"), ("counter_sent", "2026-12-01"),
                       ("accepted", "2026-12-08")]:
        r = fake_client.post(f"/v1/cases/{cid}/stage", json={"stage": stage, "today": day})
        assert r.status_code == 200, r.text
    r = fake_client.post(f"/v1/cases/{cid}/stage", json={
        "stage": "triggers_set", "today": "2026-12-10",
        "triggers": [{"kind": "budget_cycle", "on": "2027-04-01", "note": "FY starts in April"}]})
    assert r.status_code == 200, r.text
    case = r.json()
    assert case["stage"] == "triggers_set" and case["allowed_next"] == []
    triggers = {t["kind"]: t for t in case["triggers"]}
    assert triggers["budget_cycle"]["due_date"] == "2027-04-01"
    assert triggers["budget_cycle"]["description"] == "FY starts in April"
    assert triggers["feature_release"]["due_date"] == "2027-01-19"  # from the last draft
    assert triggers["reengagement_90d"]["due_date"] == "2027-03-10"
    assert triggers["performance_gap_review"]["due_date"] == "2027-02-10"  # PPC was suspended
    assert case["warnings"] == []

    due = fake_client.get("/v1/triggers/due", params={"today": "2027-02-10"}).json()
    assert [t["kind"] for t in due["triggers"]] == ["feature_release", "performance_gap_review"]
    done = fake_client.post(f"/v1/triggers/{due['triggers'][0]['id']}/done", params={"today": "2027-02-10"})
    assert done.status_code == 200 and done.json()["status"] == "done"
    due = fake_client.get("/v1/triggers/due", params={"today": "2027-02-10", "within_days": 30}).json()
    assert [t["kind"] for t in due["triggers"]] == ["performance_gap_review", "reengagement_90d"]

    r = fake_client.post(f"/v1/cases/{cid}/turns", json={"text": "One more thing"})
    assert r.status_code == 409 and "closed" in r.json()["error"]


@pytest.mark.slow
def test_invalid_stage_moves(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    r = fake_client.post(f"/v1/cases/{cid}/stage", json={"stage": "triggers_set"})
    assert r.status_code == 409
    assert r.json()["field"] == "stage" and "allowed: diagnosing" in r.json()["error"]
    r = fake_client.post(f"/v1/cases/{cid}/stage", json={"stage": "won"})
    assert r.status_code == 422 and r.json()["field"] == "stage"


@pytest.mark.slow
def test_thirty_day_warning_and_overdue_listing(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    r = fake_client.get(f"/v1/cases/{cid}", params={"today": "2026-12-25"})
    case = r.json()
    assert case["cadence"]["day"] == 36 and case["cadence"]["past_target"] is True
    assert any("30-day resolution target" in w for w in case["warnings"])
    due = fake_client.get("/v1/triggers/due", params={"today": "2026-12-25"}).json()
    assert [c["case_id"] for c in due["overdue_cases"]] == [cid]
    fake_client.post(f"/v1/cases/{cid}/stage", json={"stage": "downsell_accepted", "today": "2026-12-25"})
    assert fake_client.get("/v1/triggers/due", params={"today": "2026-12-26"}).json()["overdue_cases"] == []


@pytest.mark.slow
def test_add_trigger_to_case(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    r = fake_client.post(f"/v1/cases/{cid}/triggers", json={"kind": "employee_count"},
                         params={"today": "2026-11-20"})
    assert r.status_code == 201 and r.json()["due_date"] == "2027-02-18"
    r = fake_client.post(f"/v1/cases/{cid}/triggers", json={"kind": "resume_billing"})
    assert r.status_code == 422 and r.json()["field"] == "on"
    r = fake_client.post(f"/v1/cases/{cid}/triggers", json={"kind": "moon"})
    assert r.status_code == 422 and r.json()["field"] == "kind"


@pytest.mark.slow
def test_unknown_case_everywhere_is_404(fake_client: TestClient) -> None:
    for method, path, body in [
        ("GET", "/v1/cases/case-missing", None),
        ("GET", "/v1/cases/case-missing/suggestion", None),
        ("POST", "/v1/cases/case-missing/turns", {"text": "hi"}),
        ("POST", "/v1/cases/case-missing/turns/stream", {"text": "hi"}),
        ("POST", "/v1/cases/case-missing/stage", {"stage": "diagnosing"}),
        ("POST", "/v1/cases/case-missing/triggers", {"kind": "employee_count"}),
        ("POST", "/v1/triggers/12345/done", None),
    ]:
        r = fake_client.request(method, path, json=body)
        assert r.status_code == 404, (path, r.text)
        assert "unknown" in r.json()["error"]


def test_case_for_unknown_account(fake_client: TestClient) -> None:
    r = fake_client.post("/v1/cases", json={"account_id": "nobody"})
    assert r.status_code == 404 and r.json()["field"] == "account_id"


@pytest.mark.slow
def test_bad_turns(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    for body, field in [({"text": ""}, "text"), ({"text": 5}, "text"), ({}, "text"),
                        ({"text": "x", "role": "boss"}, "role"), ({"text": "x", "extra": 1}, "extra"),
                        ({"text": "x" * 20_001}, "text")]:
        r = fake_client.post(f"/v1/cases/{cid}/turns", json=body)
        assert r.status_code == 422, body
        assert r.json()["field"] == field


@pytest.mark.slow
def test_list_cases(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cases = fake_client.get("/v1/cases", params={"account_id": "acme-dental"}).json()["cases"]
    assert [c["id"] for c in cases] == [fake_case["id"]]
    assert fake_client.get("/v1/cases", params={"account_id": "other"}).json()["cases"] == []

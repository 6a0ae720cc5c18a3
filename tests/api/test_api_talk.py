"""The talk track in the stream and for a case; redrafting the last turn with the CSM's corrections."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import FakeDrafter
from tests.api.test_api_stream import events, stream


@pytest.mark.slow
def test_final_carries_the_talk_track_and_ask_next_drops_asked_questions(
        fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    _, _, text = stream(fake_client, cid, {"text": "PPC is useless", "today": "2026-11-24"})
    final = events(text)[-1][1]
    talk = final["talk"]
    assert talk["phase"] == "counter" and talk["email"] == "We could suspend PPC and keep SEO."
    assert talk["ask_next"][:2] == ["What results did you expect from PPC?", "Who else uses it?"]
    assert len(talk["ask_next"]) == 3  # then the question table's for the reason
    assert talk["push_back"]
    fake_client.post(f"/v1/cases/{cid}/turns", json={"role": "csm", "text": "What results did you expect from PPC?"})
    got = fake_client.get(f"/v1/cases/{cid}/talk").json()
    assert got["ask_next"][0] == "Who else uses it?"
    assert "What results did you expect from PPC?" not in got["ask_next"]


@pytest.mark.slow
def test_redraft_uses_the_last_customer_turn_with_corrections(
        fake_client: TestClient, fake_case: dict[str, Any], fake_drafter: FakeDrafter) -> None:
    cid = fake_case["id"]
    stream(fake_client, cid, {"text": "We want to drop PPC", "today": "2026-11-24"})
    n = len(fake_drafter.calls)
    with fake_client.stream("POST", f"/v1/cases/{cid}/redraft/stream",
                            json={"corrections": {"root_cause": "budget_cut"}, "today": "2026-11-24"}) as r:
        assert r.status_code == 200
        evs = events("".join(r.iter_text()))
    assert evs[0][1]["turn"]["text"] == "We want to drop PPC" and evs[-1][0] == "final"
    call = fake_drafter.calls[n]
    assert call["message"] == "We want to drop PPC" and call["corrections"] == {"root_cause": "budget_cut"}
    case = fake_client.get(f"/v1/cases/{cid}").json()
    assert [t["text"] for t in case["turns"] if t["role"] == "customer"][-1] == "We want to drop PPC"
    assert sum(t["text"] == "We want to drop PPC" for t in case["turns"]) == 1


@pytest.mark.slow
def test_redraft_without_a_customer_turn_is_409(fake_client: TestClient, account_data: dict[str, Any]) -> None:
    fake_client.post("/v1/accounts", json=account_data)
    c = fake_client.post("/v1/cases", json={"account_id": account_data["id"], "today": "2026-11-20"}).json()
    r = fake_client.post(f"/v1/cases/{c['id']}/redraft/stream", json={"corrections": {}})
    assert r.status_code == 409 and r.json()["field"] == "case_id"
    assert fake_client.get(f"/v1/cases/{c['id']}/talk").json() is None

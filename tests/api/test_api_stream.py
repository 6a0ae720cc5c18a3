from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coach.errors import CoachRunError
from tests.api.conftest import FakeDrafter


def events(text: str) -> list[tuple[str, Any]]:
    out = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def stream(client: TestClient, case_id: str, body: Any) -> tuple[int, str, str]:
    with client.stream("POST", f"/v1/cases/{case_id}/turns/stream", json=body) as r:
        return r.status_code, r.headers["content-type"], "".join(r.iter_text())


@pytest.mark.slow
def test_stream_sends_deltas_then_the_checked_draft(fake_client: TestClient,
                                                    fake_case: dict[str, Any]) -> None:
    body = {"text": "PPC is useless", "today": "2026-11-24"}
    status, ctype, text = stream(fake_client, fake_case["id"], body)
    assert status == 200 and ctype.startswith("text/event-stream")
    evs = events(text)
    kinds = [k for k, _ in evs]
    assert kinds[0] == "turn" and kinds[-1] == "final" and kinds.count("delta") >= 3
    final = evs[-1][1]["suggestion"]
    for part, text in [("acknowledgment", final["acknowledgment"]),
                       ("counter_proposal", final["counter_proposal"]["message"])]:
        assert "".join(d["text"] for k, d in evs if k == "delta" and d["part"] == part) == text
    final = evs[-1][1]
    assert final["stage"] == "diagnosing" and final["turn"]["text"] == "PPC is useless"
    # committed before `final`: the case shows the same suggestion
    case = fake_client.get(f"/v1/cases/{fake_case['id']}").json()
    assert case["suggestion"] == final["suggestion"]
    assert [t["text"] for t in case["turns"]][-1] == "PPC is useless"


@pytest.mark.slow
def test_malformed_stream_requests_are_json_4xx(fake_client: TestClient, fake_case: dict[str, Any]) -> None:
    cid = fake_case["id"]
    for body, field in [({}, "text"), ({"text": ""}, "text"), ({"text": ["a"]}, "text"),
                        ({"text": "hi", "role": "csm"}, "role"), ({"text": "hi", "today": "soon"}, "today")]:
        r = fake_client.post(f"/v1/cases/{cid}/turns/stream", json=body)
        assert r.status_code == 422, body
        assert r.headers["content-type"] == "application/json" and r.json()["field"] == field
    r = fake_client.post(f"/v1/cases/{cid}/turns/stream", content=b"text=hi",
                         headers={"content-type": "application/json"})
    assert r.status_code == 400
    r = fake_client.get(f"/v1/cases/{cid}/turns/stream")
    assert r.status_code == 405 and "error" in r.json()


@pytest.mark.slow
def test_drafting_failure_is_reported_in_band_and_the_turn_kept(
        fake_client: TestClient, fake_case: dict[str, Any], fake_drafter: FakeDrafter) -> None:
    fake_drafter.fail_with = CoachRunError("model timed out")
    status, _, text = stream(fake_client, fake_case["id"], {"text": "Are you there?"})
    assert status == 200
    assert events(text)[-1] == ("error", {"error": "model timed out"})
    fake_drafter.fail_with = ZeroDivisionError("boom")
    _, _, text = stream(fake_client, fake_case["id"], {"text": "Hello?"})
    assert events(text)[-1] == ("error", {"error": "internal error while drafting"})
    case = fake_client.get(f"/v1/cases/{fake_case['id']}").json()
    assert [t["text"] for t in case["turns"]][-2:] == ["Are you there?", "Hello?"]
    assert len([t for t in case["turns"] if t["role"] == "customer"]) == 3


def test_streamer_chunks_keep_whitespace() -> None:
    from api.streaming import word_chunks

    text = "One two  three\n\nfour five six seven"
    assert "".join(word_chunks(text)) == text
    assert all(chunk.strip() for chunk in word_chunks(text))


def test_engine_events_are_relayed() -> None:
    from api.streaming import _relay

    assert _relay({"event": "meta", "play": "suspend_module"}) == ("meta", {"play": "suspend_module"})
    assert _relay({"event": "token", "part": "counter_proposal", "text": "We "}) == (
        "delta", {"part": "counter_proposal", "text": "We "})
    assert _relay({"event": "replace", "part": "acknowledgment", "text": "T", "reason": "guard"}) == (
        "replace", {"part": "acknowledgment", "text": "T", "reason": "guard"})
    assert _relay({"event": "unknown"}) is None and _relay("text") is None

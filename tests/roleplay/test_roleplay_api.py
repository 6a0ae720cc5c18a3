"""The role-play API through TestClient: personas, sessions, turns, scorecards, history, clear errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from api.app import create_app
from coach.config import Settings

# the acknowledgment in the customer's terms (a bare "Thank you for letting me know" is polite but thin: the
# trainers' calibration reads it partial, as the judging rules do)
GOOD = ["Thank you for letting me know, Dana. I understand, and I want whatever we land on to fit your team.",
        "How much of this is about the budget for next year?",
        "I can take you down to 32 seats if you commit to a 24-month extension.",
        "Let's revisit the seat count in June, when your budget is reviewed."]


def settings_for(data_dir: Path, **over: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, "api_keys": [], "rate_limit_per_minute": 0,
                              "llm_model": None, "llm_base_url": None, **over}
    return Settings(**values)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(tmp_path / "data")), raise_server_exceptions=False) as c:
        yield c


def start(client: TestClient, trainee: str = "kim", persona: str = "acme-dental-seats") -> dict[str, Any]:
    r = client.post("/v1/roleplay/sessions", json={"persona_id": persona, "trainee": trainee})
    assert r.status_code == 201, r.text
    return r.json()


@pytest.mark.slow
def test_personas(client: TestClient) -> None:
    personas = client.get("/v1/roleplay/personas").json()["personas"]
    assert len(personas) >= 10 and {p["language"] for p in personas} == {"en", "uk"}
    one = client.get("/v1/roleplay/personas/acme-dental-seats").json()
    assert one["opening"].startswith("Hi, I need to reduce our seats") and one["account"]["seats"] == 40
    assert "facts" not in one and "root_cause" not in one and "board" not in str(one).lower()


@pytest.mark.slow
def test_a_session_from_start_to_scorecard(client: TestClient) -> None:
    v = start(client)
    assert v["status"] == "active" and v["engine"] == "scripted" and v["turns"][0]["role"] == "customer"
    sid = v["id"]
    for text in GOOD:
        r = client.post(f"/v1/roleplay/sessions/{sid}/turns", json={"text": text})
        assert r.status_code == 201, r.text
    assert r.json()["customer"]["beat"] == "trigger"
    assert client.get(f"/v1/roleplay/sessions/{sid}/scorecard").status_code == 409  # still active
    assert "end the session" in client.get(f"/v1/roleplay/sessions/{sid}/hint").json()["next_step"]
    card = client.post(f"/v1/roleplay/sessions/{sid}/end").json()
    assert card["score"] == 100 and card["level"] == "excellent"
    assert [c["points"] for c in card["components"]] == [25, 25, 25, 25]
    assert client.post(f"/v1/roleplay/sessions/{sid}/end").json() == card  # ending again: same card
    assert client.get(f"/v1/roleplay/sessions/{sid}/scorecard").json() == card
    view = client.get(f"/v1/roleplay/sessions/{sid}").json()
    assert view["status"] == "ended" and len(view["turns"]) == 1 + 2 * len(GOOD) and view["scorecard"] == card


def test_an_offer_is_checked_live(client: TestClient) -> None:
    sid = start(client)["id"]
    r = client.post(f"/v1/roleplay/sessions/{sid}/turns",
                    json={"text": "I can do 25% off if you sign for two years."})
    assert r.json()["hints"][0].startswith("POLICY BREACH discount-cap")


@pytest.mark.parametrize("path, body, status, needle", [
    ("/v1/roleplay/sessions", {"persona_id": "no-such", "trainee": "kim"}, 404, "unknown persona 'no-such'"),
    ("/v1/roleplay/sessions", {"persona_id": "acme-dental-seats", "trainee": "  "}, 422, "trainee"),
    ("/v1/roleplay/sessions", {"persona_id": "acme-dental-seats", "trainee": "kim", "engine": "llm"}, 422,
     "no model is configured"),
    ("/v1/roleplay/sessions", {"persona_id": "acme-dental-seats", "trainee": "kim", "extra": 1}, 422,
     "extra"),
    ("/v1/roleplay/sessions/rp-missing/turns", {"text": "hello"}, 404, "unknown session 'rp-missing'"),
    ("/v1/roleplay/sessions/rp-missing/end", None, 404, "unknown session"),
])
@pytest.mark.slow
def test_bad_input_is_a_clear_error(client: TestClient, path: str, body: Any, status: int,
                                    needle: str) -> None:
    r = client.post(path, json=body) if body is not None else client.post(path)
    assert r.status_code == status and needle in r.json()["error"], r.text
    assert client.get("/v1/roleplay/personas/nope").status_code == 404


def test_empty_turn_and_ended_session(client: TestClient) -> None:
    sid = start(client)["id"]
    r = client.post(f"/v1/roleplay/sessions/{sid}/turns", json={"text": "   "})
    assert (r.status_code, r.json()) == (422, {"error": "text: the turn is empty", "field": "text"})
    assert client.post(f"/v1/roleplay/sessions/{sid}/turns", json={}).status_code == 422
    client.post(f"/v1/roleplay/sessions/{sid}/end")
    r = client.post(f"/v1/roleplay/sessions/{sid}/turns", json={"text": "Are you still there?"})
    assert r.status_code == 409 and "has ended" in r.json()["error"]


@pytest.mark.slow
def test_history_survives_a_restart_for_the_trainer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with TestClient(create_app(settings_for(data))) as c:
        first = start(c, "ana")["id"]
        c.post(f"/v1/roleplay/sessions/{first}/turns", json={"text": "Unfortunately that isn't possible."})
        c.post(f"/v1/roleplay/sessions/{first}/end")
        start(c, "ben")
        tables = inspect(c.app.state.db.engine).get_table_names()
        assert {"training_sessions", "training_turns"} <= set(tables)
    with TestClient(create_app(settings_for(data))) as c:  # a new process would see the same
        sessions = c.get("/v1/roleplay/sessions", params={"trainee": "ana"}).json()["sessions"]
        assert [s["id"] for s in sessions] == [first]
        assert sessions[0]["status"] == "ended" and sessions[0]["level"] == "needs coaching"
        assert len(c.get("/v1/roleplay/sessions").json()["sessions"]) == 2


def test_the_training_page_is_served(client: TestClient) -> None:
    r = client.get("/training")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
    assert 'id="persona-select"' in r.text and "/static/training.js" in r.text


def test_keys_protect_the_api_but_not_the_page(tmp_path: Path) -> None:
    with TestClient(create_app(settings_for(tmp_path / "d", api_keys=["k1"]))) as c:
        assert c.get("/v1/roleplay/personas").status_code == 401
        assert c.get("/v1/roleplay/personas", headers={"X-API-Key": "k1"}).status_code == 200
        assert c.get("/training").status_code == 200

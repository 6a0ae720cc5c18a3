"""The stream's events as documented: the OpenAPI document names a schema per event, and every event
of real streams (the engine, a model that cannot be reached, a failing drafter) validates against it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes.stream import STREAM_PATHS
from api.stream_events import EVENTS
from coach.errors import CoachRunError
from tests.api.conftest import TODAY, FakeDrafter, make_settings
from tests.api.test_api_stream import events, stream


def _valid(text: str) -> list[str]:
    """The event names, each event's data validated against its documented model."""
    kinds = []
    for kind, data in events(text):
        assert kind in EVENTS, f"undocumented event {kind!r}"
        EVENTS[kind].model_validate(data)
        kinds.append(kind)
    return kinds


@pytest.mark.slow
def test_the_openapi_document_names_a_schema_for_every_event(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for path in STREAM_PATHS:
        media = doc["paths"][path]["post"]["responses"]["200"]["content"]["text/event-stream"]
        assert set(media["x-events"]) == set(EVENTS)
        for ref in media["x-events"].values():
            assert ref["$ref"].removeprefix("#/components/schemas/") in schemas
    final = schemas["StreamFinalEvent"]
    assert {"turn", "suggestion", "source", "stage", "talk"} <= set(final["properties"])


@pytest.mark.slow
def test_engine_and_failing_streams_match_the_documented_events(
        client: TestClient, imported: dict[str, Any], fake_client: TestClient, fake_case: dict[str, Any],
        fake_drafter: FakeDrafter) -> None:
    case = client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()}).json()
    _, _, text = stream(client, case["id"], {"text": "Our budget was cut, we need 30% fewer seats."})
    kinds = _valid(text)
    assert kinds[0] == "turn" and kinds[-1] == "final"
    fake_drafter.fail_with = CoachRunError("model timed out")
    _, _, text = stream(fake_client, fake_case["id"], {"text": "Are you there?"})
    assert _valid(text)[-1] == "error"


@pytest.mark.slow
def test_a_model_stream_sends_the_checked_template_first(tmp_path: Path, index_dir: Path,
                                                         account_data: dict[str, Any]) -> None:
    # Nothing listens on port 1: the model fails at once, so the checked template is all there is.
    settings = make_settings(tmp_path / "data", index_dir, llm_model="stub", llm_base_url="http://127.0.0.1:1/v1",
                             llm_connect_timeout=0.2, llm_retries=0, llm_reasks=0)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        assert c.post("/v1/accounts", json=account_data, params={"today": TODAY.isoformat()}).status_code == 201
        case = c.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat()}).json()
        _, _, text = stream(c, case["id"], {"text": "We need to cut 10 seats.", "today": TODAY.isoformat()})
        path = STREAM_PATHS[1].replace("{case_id}", case["id"])
        with c.stream("POST", path, json={"today": TODAY.isoformat()}) as r:
            again = "".join(r.iter_text())
    for got in (text, again):
        kinds = _valid(got)
        assert kinds[:2] == ["turn", "checked"] and kinds[-1] in ("final", "error")

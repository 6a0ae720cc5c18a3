"""POST /v1/replies/check (contract section 4): the one guard on a person's reply, with the facts the
engine computes for the account and message; bad input is a 422 naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TODAY, account_factory

MSG = "Our budget was cut, we need to reduce our seats by 30%."


def check(client: TestClient, **body: Any) -> Any:
    return client.post("/v1/replies/check", json={"today": str(TODAY), "message": MSG, **body})


@pytest.mark.slow
def test_a_violating_reply_is_reported_with_ids(fake_client: TestClient) -> None:
    reply = "Hi Dana, unfortunately your contract doesn't allow that. We could do forty-five percent off, prepaid."
    r = check(fake_client, account=account_factory(), reply=reply, stage="acknowledgment")
    assert r.status_code == 200, r.text
    body = r.json()
    ids = {v["id"] for v in body["violations"]}
    assert body["ok"] is False and {"pushback", "contract_threat", "offer_in_first_reply",
                                    "hidden_terms.prepayment"} <= ids
    assert all(v["reason"] for v in body["violations"])


@pytest.mark.slow
def test_a_clean_reply_passes(fake_client: TestClient) -> None:
    reply = ("Hi Dana, thank you for telling me this directly. I've noted your request and I'm on it; "
             "I'll follow up with a few quick questions.")
    body = check(fake_client, account=account_factory(), reply=reply).json()
    assert body == {"ok": True, "violations": []}


@pytest.mark.parametrize(("body", "field"), [
    ({"account": account_factory(), "reply": ""}, "reply"),
    ({"account": account_factory(), "reply": "Hi", "stage": "later"}, "stage"),
    ({"account": account_factory(), "reply": "Hi", "bonus": 1}, "bonus"),
    ({"reply": "Hi"}, "account"),
])
@pytest.mark.slow
def test_bad_input_is_a_422_naming_the_field(fake_client: TestClient, body: dict[str, Any], field: str) -> None:
    r = check(fake_client, **body)
    assert r.status_code == 422 and field in r.text


def test_an_edited_policy_reaches_the_policy_check(tmp_path: Any, index_dir: Any) -> None:
    """One cached policy load for every route: editing policy.yaml changes /v1/policy/check too."""
    import os
    import time

    from api.app import create_app
    from coach.config import REPO_ROOT
    from tests.api.conftest import make_settings

    policy = tmp_path / "policy.yaml"
    original = (REPO_ROOT / "knowledge" / "policy.yaml").read_text(encoding="utf-8")
    policy.write_text(original, encoding="utf-8")
    settings = make_settings(tmp_path / "data", index_dir, policy_file=policy)
    body = {"today": str(TODAY), "account": account_factory(), "offer": {"new_mrr": 3000.0}}
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        before = client.post("/v1/policy/check", json=body).json()
        policy.write_text(original.replace("hard_cap_pct: 20", "hard_cap_pct: 60"), encoding="utf-8")
        later = time.time() + 5
        os.utime(policy, (later, later))
        after = client.post("/v1/policy/check", json=body).json()
    cap = [next(c for c in b["checks"] if c["id"] == "discount-cap") for b in (before, after)]
    assert cap[0]["passed"] is False and cap[1]["passed"] is True, cap

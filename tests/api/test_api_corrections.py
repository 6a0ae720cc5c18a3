"""Corrections on the draft and case-turn bodies (contract 3a), stored for the deployment's classifier."""

import pytest

from coach.store import Database
from coach.store.corrections import list_corrections
from tests.api.conftest import TODAY


def _stored(settings):
    db = Database(settings.resolved_database_url)
    try:
        with db.session() as s:
            return [(r.message, dict(r.labels), dict(r.read_as)) for r in list_corrections(s)]
    finally:
        db.dispose()


@pytest.mark.slow
def test_draft_with_corrections(client, settings, account_data):
    msg = "We need to talk about the contract."
    r = client.post("/v1/drafts", json={"account": account_data, "message": msg, "today": TODAY.isoformat(),
                                        "corrections": {"kind": "acv_cut", "reduction": 20,
                                                        "root_cause": "budget_cut"}})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["request"]["kind"] == "acv_cut" and d["request"]["reduction_pct"] == 20
    assert d["root_cause"] == "budget_cut" and d["confidence"]["root_cause"] == 1.0
    assert set(d["corrected"]) == {"kind", "root_cause", "reduction_pct"}
    rows = _stored(settings)
    assert rows and rows[-1][0] == msg and rows[-1][1]["kind"] == "acv_cut"
    assert "kind" in rows[-1][2]  # what coach had read is kept next to the label


def test_bad_corrections_are_422_naming_the_field(client, account_data):
    r = client.post("/v1/drafts", json={"account": account_data, "message": "hi",
                                        "corrections": {"kind": "halve"}})
    assert r.status_code == 422
    assert "corrections" in r.text


@pytest.mark.slow
def test_case_turn_with_corrections(client, settings, case):
    r = client.post(f"/v1/cases/{case['id']}/turns",
                    json={"text": "Actually it is more about the team getting smaller.", "today": TODAY.isoformat(),
                          "corrections": {"root_cause": "org_shrinking"}})
    assert r.status_code == 201, r.text
    s = r.json()["suggestion"]
    assert s["root_cause"] == "org_shrinking" and "root_cause" in s["corrected"]
    assert any(labels.get("root_cause") == "org_shrinking" for _, labels, _ in _stored(settings))

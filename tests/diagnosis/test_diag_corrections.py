"""The CSM has the last word (contract 3a): corrections through the CLI and the API, stored as labels."""

import json

import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from coach.diagnosis.corrections import Corrections, apply_corrections, correction_item, parse_corrections
from coach.diagnosis.models import Diagnosis
from coach.errors import CoachInputError
from tests.factories import account_data, make_account

runner = CliRunner()


def test_apply_sets_fields_with_full_confidence():
    dx = Diagnosis(kind="acv_cut", kind_confidence=0.4, root_cause="unknown", root_cause_confidence=0.3)
    out = apply_corrections(dx, Corrections(kind="seat_reduction", root_cause="budget_cut", seats=10),
                            make_account())
    assert out.kind == "seat_reduction" and out.kind_confidence == 1.0
    assert out.root_cause == "budget_cut" and out.root_cause_confidence == 1.0
    assert out.seats_requested == 10 and out.reduction_pct == 25.0  # 10 of 40 seats
    assert out.corrected == ["kind", "root_cause", "seats"]


def test_a_non_downsell_intent_clears_the_request():
    dx = Diagnosis(kind="seat_reduction", reduction_pct=30, root_cause="budget_cut")
    out = apply_corrections(dx, Corrections(intent="expansion"), None)
    assert out.intent == "expansion" and out.kind == "other" and out.root_cause == "unknown"
    assert out.reduction_pct is None


@pytest.mark.parametrize(("raw", "field"), [
    ({"kind": "halve"}, "corrections.kind"),
    ({"seats": -1}, "corrections.seats"),
    ({"reduction": 250}, "corrections.reduction"),
    ({"colour": "red"}, "corrections.colour"),
])
def test_bad_corrections_name_the_field(raw, field):
    with pytest.raises(CoachInputError) as exc:
        parse_corrections(raw)
    assert str(exc.value).startswith(field)


def test_services_must_be_the_accounts_own():
    with pytest.raises(CoachInputError, match="corrections.services"):
        apply_corrections(Diagnosis(), Corrections(services=["Billboards"]), make_account())
    out = apply_corrections(Diagnosis(), Corrections(services=["ppc"]), make_account())
    assert out.modules == ["PPC"]


def test_a_stored_correction_becomes_a_training_item():
    item = correction_item("we are moving it all in-house", "en", {"root_cause": "strategic_shift"})
    assert item is not None and item.intent == "downsell" and item.root_cause == "strategic_shift"
    assert correction_item("hello", "en", {"seats": 3}) is None  # no label a head can learn from


def test_cli_corrections_round_trip(tmp_path, builtin_knowledge):
    acct = tmp_path / "acct.json"
    acct.write_text(json.dumps(account_data()))
    msg = "We'd like to change our plan."
    r = runner.invoke(app, ["draft", "--account", str(acct), "--message", msg, "--today", "2026-11-21", "--json",
                            "--kind", "seat_reduction", "--root-cause", "org_shrinking", "--seats", "8"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["intent"] == "downsell"
    assert d["request"]["kind"] == "seat_reduction" and d["request"]["seats"] == 8
    assert d["root_cause"] == "org_shrinking"
    assert d["confidence"]["kind"] == 1.0 and d["confidence"]["root_cause"] == 1.0
    assert set(d["corrected"]) == {"kind", "root_cause", "seats"}
    assert d["counter_proposal"] is not None  # recomputed from the corrected facts
    from coach.config import get_settings
    from coach.diagnosis.corrections import stored_training_items

    stored = stored_training_items(get_settings())
    assert any(it.text == msg and it.root_cause == "org_shrinking" for it in stored)


def test_cli_bad_correction_is_one_line(tmp_path):
    acct = tmp_path / "acct.json"
    acct.write_text(json.dumps(account_data()))
    r = runner.invoke(app, ["draft", "--account", str(acct), "--message", "hi", "--kind", "halve"])
    assert r.exit_code == 2
    assert "corrections.kind" in r.output and "Traceback" not in r.output

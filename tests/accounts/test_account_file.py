from datetime import date

import pytest

from coach.accounts import add_months, complete_months_between, derive, load_account, parse_account
from coach.errors import CoachInputError
from tests.factories import account_data, make_account


def test_unknown_fields_are_kept():
    acct = parse_account({**account_data(), "crm_owner": "kim"})
    assert acct.model_dump()["crm_owner"] == "kim"


@pytest.mark.parametrize(("start", "today", "months"), [
    (date(2025, 9, 1), date(2026, 6, 1), 9),
    (date(2025, 9, 1), date(2026, 5, 31), 8),
    (date(2025, 1, 31), date(2025, 2, 28), 1),
    (date(2025, 1, 31), date(2025, 2, 27), 0),
    (date(2025, 9, 1), date(2025, 9, 1), 0),
])
def test_complete_months_boundaries(start, today, months):
    assert complete_months_between(start, today) == months


def test_add_months_clamps_to_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_derived_figures():
    fig = derive(make_account(), date(2026, 11, 21))
    assert fig.months_in == 14
    assert fig.arr == 55200.0
    assert fig.discount_pct == 8.0
    assert fig.end_date == date(2027, 9, 1)


@pytest.mark.parametrize(("overrides", "field"), [
    ({"mrr": -1}, "mrr"),
    ({"list_mrr": 0}, "list_mrr"),
    ({"seats": -3}, "seats"),
    ({"segment": "huge"}, "segment"),
    ({"contract": {"start_date": "not a date"}}, "contract.start_date"),
    ({"services": [{"name": "SEO", "mrr": -5}]}, "services.0.mrr"),
])
def test_bad_fields_name_the_field(overrides, field):
    with pytest.raises(CoachInputError) as exc:
        parse_account(account_data(**overrides))
    assert field in str(exc.value)
    assert "\n" not in str(exc.value)


def test_missing_required_field():
    data = account_data()
    del data["list_mrr"]
    with pytest.raises(CoachInputError, match="list_mrr"):
        parse_account(data)


def test_start_date_after_today():
    with pytest.raises(CoachInputError, match="contract.start_date"):
        parse_account(account_data(), today=date(2025, 8, 1))


def test_load_json_and_yaml(tmp_path):
    import json

    import yaml

    (tmp_path / "a.json").write_text(json.dumps(account_data()))
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(account_data()))
    assert load_account(tmp_path / "a.json").id == load_account(tmp_path / "a.yaml").id == "acme-dental"


@pytest.mark.parametrize(("content", "match"), [
    ("", "empty"), ("{not json", "invalid JSON"), ("[1, 2]", "JSON object"),
])
def test_load_bad_files(tmp_path, content, match):
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(CoachInputError, match=match):
        load_account(p)


def test_load_missing_file(tmp_path):
    with pytest.raises(CoachInputError, match="not found"):
        load_account(tmp_path / "nope.json")

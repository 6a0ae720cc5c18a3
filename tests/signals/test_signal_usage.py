"""The usage block: lenient spreadsheet forms in, one-line errors naming the field out."""

from __future__ import annotations

import pytest

from coach.errors import CoachInputError
from coach.signals import parse_usage, usage_of
from tests.factories import make_account


def test_percent_strings_trend_words_and_blank_cells() -> None:
    u = parse_usage(
        {
            "seat_utilisation_pct": "41%",
            "seat_utilisation_change_90d_pct": "-30 %",
            "usage_trend": "Down",
            "nps": "",
            "renewal_date": "2027-01-15",
        }
    )
    assert (u.seat_utilisation_pct, u.seat_utilisation_change_90d_pct) == (41.0, -30.0)
    assert u.usage_trend == "declining" and u.nps is None
    assert str(u.renewal_date) == "2027-01-15"


def test_missing_block_is_empty_not_an_error() -> None:
    assert usage_of(make_account()).model_dump(exclude_none=True) == {}


def test_unknown_usage_fields_are_kept() -> None:
    assert parse_usage({"health_score": 7}).model_extra == {"health_score": 7}


@pytest.mark.parametrize(
    "data, field",
    [
        ({"logins_per_month": "lots"}, "usage.logins_per_month"),
        ({"nps": 11}, "usage.nps"),
        ({"csat": 0}, "usage.csat"),
        ({"open_tickets": -1}, "usage.open_tickets"),
        ({"seat_utilisation_pct": float("nan")}, "usage.seat_utilisation_pct"),
        ({"seat_utilisation_change_90d_pct": -101}, "usage.seat_utilisation_change_90d_pct"),
        ({"usage_trend": "sideways"}, "usage.usage_trend"),
        ({"renewal_date": "next spring"}, "usage.renewal_date"),
        ([1, 2], "usage"),
    ],
)
def test_malformed_usage_names_the_field(data: object, field: str) -> None:
    with pytest.raises(CoachInputError) as exc:
        parse_usage(data)
    assert exc.value.field == field
    assert str(exc.value).startswith(field + ":") and "\n" not in str(exc.value)

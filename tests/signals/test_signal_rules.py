"""Every early-warning signal at its boundary, the plays, the score, the levels and the ranking."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.accounts import parse_account
from coach.errors import CoachInputError
from coach.policy import Policy
from coach.signals import assess, rank
from tests.signals.conftest import POLICY, usage_account

TODAY = date(2026, 11, 21)
FAR = "2028-01-01"  # renewal well outside the 90-day window


def run(usage: dict[str, Any], policy: Policy = POLICY, **overrides: Any):
    return assess(parse_account(usage_account({"renewal_date": FAR, **usage}, **overrides)), policy, TODAY)


def fired(usage: dict[str, Any]) -> set[str]:
    return {s.id for s in run(usage).signals}


# (signal, field, value that fires, value just past the boundary that does not)
BOUNDARIES = [
    ("seat_utilisation_low", "seat_utilisation_pct", 59.9, 60),
    ("seat_utilisation_falling", "seat_utilisation_change_90d_pct", -20, -19.9),
    ("logins_low", "logins_per_month", 19, 20),
    ("usage_declining", "usage_trend", "declining", "stable"),
    ("open_tickets", "open_tickets", 3, 2),
    ("nps_detractor", "nps", 6, 7),
    ("csat_low", "csat", 3, 3.1),
    ("dm_silence", "days_since_dm_contact", 60, 59),
]


@pytest.mark.parametrize("signal, field, fires, quiet", BOUNDARIES)
def test_each_signal_at_its_boundary(signal: str, field: str, fires: Any, quiet: Any) -> None:
    assert signal in fired({field: fires})
    assert signal not in fired({field: quiet})


@pytest.mark.parametrize("days, fires", [(90, True), (91, False), (0, True), (-5, True)])
def test_renewal_window_boundary(days: int, fires: bool) -> None:
    a = run({"renewal_date": (TODAY + timedelta(days=days)).isoformat()})
    assert ("renewal_soon" in {s.id for s in a.signals}) is fires
    assert a.days_to_renewal == days


def test_renewal_defaults_to_the_end_of_the_agreement() -> None:
    a = assess(parse_account(usage_account({})), POLICY, date(2027, 7, 1))  # ends 2027-09-01
    assert a.renewal_date == "2027-09-01" and a.days_to_renewal == 62
    assert a.signals[0].id == "renewal_soon" and "agreement ends on 2027-09-01" in a.signals[0].reason


def test_reasons_carry_the_numbers() -> None:
    a = run({"seat_utilisation_pct": 41, "seat_utilisation_change_90d_pct": -30})
    assert a.summary == (
        "seat utilisation 41% (below 60%); seat utilisation down 30% in 90 days (a fall of 20% or more)"
    )
    low = next(s for s in a.signals if s.id == "seat_utilisation_low")
    assert (low.value, low.threshold, low.points) == (41, 60, 20)


def test_utilisation_derived_from_active_seats() -> None:
    a = run({"active_seats": 16})  # 16 of 40 seats
    assert a.signals[0].reason == "seat utilisation 40% (below 60%)"


def test_silence_derived_from_the_last_contact_date() -> None:
    assert "dm_silence" in fired({"last_dm_contact": (TODAY - timedelta(days=60)).isoformat()})
    assert "dm_silence" not in fired({"last_dm_contact": (TODAY - timedelta(days=59)).isoformat()})
    with pytest.raises(CoachInputError, match="usage.last_dm_contact"):
        run({"last_dm_contact": "2026-12-01"})


def test_the_play_changes_near_renewal() -> None:
    far = run({"seat_utilisation_pct": 41})
    near = run({"seat_utilisation_pct": 41, "renewal_date": "2027-01-15"})
    assert [p.play for p in far.plays] == ["training"]
    assert near.signals[0].play == "right_size_before_renewal"
    assert "Right-size before the renewal" in near.plays[0].action


def test_plays_are_unique_and_ordered_by_weight() -> None:
    a = run({"seat_utilisation_change_90d_pct": -25, "nps": 3, "logins_per_month": 2, "open_tickets": 4})
    assert [p.play for p in a.plays] == ["value_review", "training", "support_review"]
    assert a.plays[0].signals == ["seat_utilisation_falling", "nps_detractor"]


@pytest.mark.parametrize(
    "usage, score, level",
    [
        ({}, 0, "low"),
        ({"seat_utilisation_pct": 10, "open_tickets": 0}, 20, "low"),
        ({"seat_utilisation_pct": 10, "logins_per_month": 1}, 30, "medium"),  # exactly medium
        (
            {
                "seat_utilisation_pct": 10,
                "seat_utilisation_change_90d_pct": -50,
                "logins_per_month": 1,
                "open_tickets": 3,
            },
            60,
            "high",
        ),  # exactly high
        (
            {
                "seat_utilisation_pct": 10,
                "seat_utilisation_change_90d_pct": -50,
                "logins_per_month": 1,
                "usage_trend": "down",
                "open_tickets": 9,
                "nps": 0,
                "csat": 1,
                "days_since_dm_contact": 400,
                "renewal_date": "2026-12-01",
            },
            100,
            "high",
        ),  # 125 points, capped
    ],
)
def test_score_and_level(usage: dict[str, Any], score: int, level: str) -> None:
    a = run(usage)
    assert (a.score, a.level) == (score, level)


def test_data_gaps_are_listed() -> None:
    a = run({"nps": 9})
    assert "nps" not in a.data_gaps and "seat_utilisation_pct" in a.data_gaps
    assert a.score == 0  # no signal, but the gaps say why that is not a clean bill of health


def test_ranking_order() -> None:
    def acct(i: str, mrr: float, usage: dict[str, Any]):
        return assess(
            parse_account(usage_account({"renewal_date": FAR, **usage}, id=i, mrr=mrr)), POLICY, TODAY
        )

    a = acct("a", 1000, {"nps": 1})
    b = acct("b", 3000, {"nps": 1})
    c = acct("c", 500, {"nps": 1, "open_tickets": 5})
    d = acct("d", 9000, {})
    assert [x.account_id for x in rank([a, d, b, c])] == ["c", "b", "a", "d"]


usage_values = st.fixed_dictionaries(
    {},
    optional={
        "seat_utilisation_pct": st.floats(0, 1000),
        "seat_utilisation_change_90d_pct": st.floats(-100, 500),
        "logins_per_month": st.floats(0, 10_000),
        "usage_trend": st.sampled_from(["growing", "stable", "declining"]),
        "open_tickets": st.integers(0, 500),
        "nps": st.integers(0, 10),
        "csat": st.floats(1, 5),
        "days_since_dm_contact": st.integers(0, 5000),
        "renewal_date": st.dates(date(2020, 1, 1), date(2035, 1, 1)).map(date.isoformat),
    },
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(usage_values)
def test_score_is_the_capped_sum_of_its_reasons(usage: dict[str, Any]) -> None:
    a = assess(parse_account(usage_account(usage)), POLICY, TODAY)
    assert a.score == min(100, sum(s.points for s in a.signals))
    assert 0 <= a.score <= 100 and all(s.reason for s in a.signals)
    assert {s.play for s in a.signals} == {p.play for p in a.plays}

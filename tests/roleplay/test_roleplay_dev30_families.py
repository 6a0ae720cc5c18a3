"""General forms met in the dev30 judged file (a trainer's counters, 2026-12-07): each tested in words of our own,
not a sentence of that file."""

from __future__ import annotations

import pytest

from coach.roleplay import offers
from tests.roleplay.test_roleplay_dev25_families import _turn


@pytest.mark.parametrize("text", [
    "Добре, зробімо так: двадцять сім місць замість тридцяти, за 2 600 доларів на місяць.",
    "Гаразд, скоротімо до двадцяти семи місць, і рахунок буде 2 600 доларів на місяць.",
])
def test_the_first_person_plural_imperative_proposes(policy, embedder, text: str) -> None:
    # «зробімо так:», «скоротімо»: the plan put forward, in the imperative ("let's do this") rather than the future
    a = _turn(policy, embedder, "usmishka-seats", text)
    assert a.offer is not None and a.offer.offer["seats"] == 27, a


@pytest.mark.parametrize("text", [
    "Let's get the seats matched to the people you actually have.",
    "We'll get your licences fitted to the smaller team.",
])
def test_the_change_promised_with_nothing_sized_takes_the_request_on(text: str) -> None:
    assert offers.accepts_request(text), text


def test_a_sized_change_is_still_an_offer() -> None:  # near miss
    assert not offers.accepts_request("Let's get the seats matched to the team: 80 seats at $7,200 a month.")

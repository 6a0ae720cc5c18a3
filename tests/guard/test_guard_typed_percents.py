"""A percentage is checked against the case's percentages, not against every number of the case: with a
12-month term, 12 seats and a 10% discount, "an extra 12% off" is an unstated figure (it passed as the term)."""

from __future__ import annotations

import pytest

from coach.guard import Facts, GuardContext, Names
from tests.guard.test_guard_paraphrases import GUARD


def facts(typed: bool = True) -> Facts:
    f = Facts(currency="USD", hard_cap_pct=20)
    f.allow(4000.0, 3600.0, 12, 40)  # MRR now and after, 12 seats kept, 40 seats now
    f.allow_months(12)  # the 12-month extension
    if typed:
        f.allow_percent(10, 25)  # the discount offered, the cut the customer asked for
    return f


def ids(text: str, f: Facts, language: str = "en") -> set[str]:
    ctx = GuardContext(stage="counter", facts=f, language=language, names=Names().add("Dana Whitfield", "Dana"))
    return {v.id for v in GUARD.check(text, ctx)}


@pytest.mark.parametrize(("text", "language"), [
    ("Dana, on top of the 10% we can add an extra 12% off for the first year.", "en"),
    ("Dana, that works out to twelve percent less than today.", "en"),
    ("Дано, додатково дамо ще 12% знижки на перший рік.", "uk"),
    ("Dana, on vous accorde en plus 12 % de remise la première année.", "fr"),
])
def test_a_percentage_that_is_no_percentage_of_the_case_is_unstated(text: str, language: str) -> None:
    assert "unstated_number" in ids(text, facts(), language)


@pytest.mark.parametrize(("text", "language"), [
    ("Dana, the 10% discount holds for the whole term, and 12 seats stay for 12 more months.", "en"),
    ("Dana, you asked for a 25% cut: here is how we get close to it.", "en"),
    ("Дано, знижка 10% діє весь термін, а 12 місць лишаються ще на 12 місяців.", "uk"),
])
def test_the_case_percentages_and_its_other_numbers_pass(text: str, language: str) -> None:
    assert "unstated_number" not in ids(text, facts(), language)


def test_facts_that_name_no_percentage_keep_the_old_reading() -> None:
    """A builder that names no percentages (allow_percent never called) accepts a percentage equal to any fact."""
    assert "unstated_number" not in ids("Dana, that is 12% of the plan.", facts(typed=False))
    assert "unstated_number" in ids("Dana, that is 12% of the plan.", facts(typed=True))

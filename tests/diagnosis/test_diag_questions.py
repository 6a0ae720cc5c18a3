"""Diagnosis questions: per root cause, both languages, open and non-defensive."""

from __future__ import annotations

import re

import pytest

from coach.diagnosis import ROOT_CAUSES, questions_for
from coach.diagnosis.questions import load_questions
from coach.errors import CoachInputError

DEFENSIVE = re.compile(r"\b(why would|why do you|why are you|are you sure|but you|you should|don't you|"
                       r"surely|you signed|the contract says)\b|(навіщо|чому ви|ви впевнені|ви ж)", re.I)


@pytest.mark.parametrize("cause", ROOT_CAUSES)
@pytest.mark.parametrize("language", ["en", "uk"])
def test_three_open_questions_per_cause(cause: str, language: str) -> None:
    qs = questions_for(cause, language)
    assert len(qs) == 3
    assert len(set(qs)) == 3
    for q in qs:
        assert q.endswith("?")
        assert not DEFENSIVE.search(q), q
        if language == "uk":
            assert re.search(r"[іїєґ]", q.lower()), q


def test_questions_differ_by_cause() -> None:
    seen = {tuple(questions_for(c, "en")) for c in ROOT_CAUSES}
    assert len(seen) == len(ROOT_CAUSES)


def test_each_cause_has_three_or_four_per_language() -> None:
    from coach.config import get_settings

    table = load_questions(get_settings().knowledge_dir / "diagnosis" / "questions.yaml")
    for cause in ROOT_CAUSES:
        assert 3 <= len(table[cause].en) <= 4 and 3 <= len(table[cause].uk) <= 4


def test_n_and_fallbacks() -> None:
    assert questions_for("budget_cut", "en", n=1) == questions_for("budget_cut", "en")[:1]
    assert questions_for("budget_cut", "en", n=0) == []
    assert questions_for("usage_gap", "de") == questions_for("usage_gap", "en")  # unknown language
    many = questions_for("usage_gap", "uk", n=6)  # topped up with the general questions
    assert len(many) == 6 and set(questions_for("unknown", "uk", n=2)) <= set(many)


def test_bad_root_cause() -> None:
    with pytest.raises(CoachInputError, match="root_cause"):
        questions_for("bankruptcy", "en")

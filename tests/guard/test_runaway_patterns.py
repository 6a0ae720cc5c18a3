"""No pattern in a data file may backtrack catastrophically.

A Polish pushback pattern once read "w przeciwnym razie ... (prawn|sąd|windykac...)" with the gap between them
written as `(?:[\\w ,-]+){0,40}?`: a polite follow-up with that phrase and no legal word after it kept the guard
busy for more than a quarter of an hour (every way of cutting the rest of the text into forty runs was tried).
The loaders of the guard's lexicons, the diagnosis cues, the intent cues and the listening cues now refuse such a
pattern with a one-line error naming it, and the texts that used to hang return at once."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from coach.diagnosis.cues import load_cues
from coach.errors import CoachInputError
from coach.guard.lexicon import LanguageLexicon
from coach.guard.scan import compile_checked, runaway_repeat
from tests.guard.test_guard_dev43_families import categories

RUNAWAY = [
    r"\bfoo\b(?:[\w ,-]+){0,40}?\bbar\b",
    r"(?:\w+\s*)*x",
    r"(?:\w+,?\s?)+\.",
    r"(?:a+)+b",
    r"(?:yes|(?:\w+ ?)+)*no",
    r"(?:(?:[^.]+)){2,}\.",
]
SAFE = [
    r"\bfoo\b(?:\W+\w+){0,6}?\W+bar\b",
    r"(?: [\w$.,]+){0,3}? bar",
    r"(?:\w+[\s,]+){0,3}?bar",
    r"(?:\w+ ){0,2}?bar",
    r"\w+\s+\w+",
    r"(?>(?:a+)+)b",
    r"(?:\s+[^\s.!?;]+){0,3}",
    r"(?:,?\s+\1)+",
    r"\bfoo\b[\w ,-]{0,300}?\bbar\b",
    r"(?:ab+)+c",
]


@pytest.mark.parametrize("pattern", RUNAWAY)
def test_a_repeated_group_that_may_be_one_run_alone_is_found(pattern: str) -> None:
    assert runaway_repeat(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_groups_whose_passes_cannot_be_cut_differently_are_not(pattern: str) -> None:
    if r"\1" in pattern:
        pattern = r"(\w+)" + pattern
    assert not runaway_repeat(pattern)


def test_a_runaway_pattern_really_is_slow_and_its_rewrite_is_not() -> None:
    text = "foo " + "ab, " * 4 + "end."  # each more word: ~16 times longer (4 words: ~0.1 s, 6: ~27 s)
    t0 = time.perf_counter()
    assert re.search(SAFE[8], text) is None
    fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    assert re.search(r"\bfoo\b(?:[\w ,-]+){0,40}?\bbar\b", text) is None
    assert time.perf_counter() - t0 > 20 * max(fast, 1e-4)  # what the detector is for


def test_compile_checked_refuses_with_a_regex_error_naming_the_pattern() -> None:
    with pytest.raises(re.error) as info:
        compile_checked(RUNAWAY[0])
    assert info.value.pattern == RUNAWAY[0] and "exponentially" in str(info.value)


def test_a_guard_lexicon_with_a_runaway_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="exponentially"):
        LanguageLexicon.model_validate({"pushback": [r"\bw przeciwnym razie\b(?:[\w ,-]+){0,40}?sąd\w*"]})


def test_a_cue_file_with_a_runaway_pattern_is_refused_naming_the_file(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "knowledge" / "diagnosis" / "cues.yaml"
    text = src.read_text(encoding="utf-8")
    bad = tmp_path / "cues.yaml"
    bad.write_text(text.replace("pushback:\n", "pushback:\n  - '(?:[\\w ,]+){0,40}?sue'\n", 1), encoding="utf-8")
    assert bad.read_text(encoding="utf-8") != text
    with pytest.raises(CoachInputError, match="cues.yaml: bad pattern"):
        load_cues(bad)


POLISH_FOLLOWUPS = [
    # the phrase that names what happens otherwise, then a long tail with no legal word: used to hang
    "Dzień dobry, przesyłam jeszcze raz naszą propozycję i proszę o odpowiedź. W przeciwnym razie, niestety, "
    "zostaną Państwo przy obecnych warunkach umowy, bez możliwości ich zmiany w tym roku, co byłoby dla nas "
    "wszystkich szkodą, bo zespół, sprzedaż, magazyn i biuro mają coraz więcej pracy",
    "W przeciwnym wypadku zostawimy wszystko tak, jak jest teraz, z tymi samymi usługami, tym samym zespołem, "
    "tymi samymi raportami, tym samym wsparciem, tymi samymi spotkaniami i tą samą opieką, jak dotąd",
]


@pytest.mark.parametrize("text", POLISH_FOLLOWUPS)
def test_the_text_that_hung_the_guard_is_checked_at_once(text: str) -> None:
    categories("Dzień dobry.", "followup")  # the lexicons loaded first: only the check itself is timed
    t0 = time.perf_counter()
    categories(text, "followup")
    assert time.perf_counter() - t0 < 5.0  # it took more than 15 minutes


def test_the_legal_threat_after_otherwise_is_still_pushback() -> None:
    assert "pushback" in categories("W przeciwnym razie sprawą zajmie się nasz dział windykacji.", "followup")

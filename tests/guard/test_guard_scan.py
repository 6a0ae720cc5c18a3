"""The fast alternation finds exactly what the plain alternation of the same patterns finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.config import get_settings
from coach.guard.lexicon import FLAGS, HIDDEN_TERMS, guard_data
from coach.guard.scan import Alternation, fold, split_top

CATEGORIES = ("pushback", "contract_threat", "negation", "offer", "promise", "commitment", "save", "hurdle", "leak",
              "leak_markers", "out_of_character")


def _lexicon_patterns() -> dict[str, list[str]]:
    lexicons = guard_data(get_settings().knowledge_dir).lexicons.values()
    out = {c: [p for lex in lexicons for p in getattr(lex, c)] for c in CATEGORIES}
    for t in HIDDEN_TERMS:
        out[t] = [p for lex in lexicons for p in getattr(lex.hidden_terms, t)]
    return out


PATTERNS = _lexicon_patterns()
ALTERNATIONS = {c: Alternation(p, FLAGS) for c, p in PATTERNS.items()}
# Words the lexicons are made of (so that texts hit them), in the case they are written and capitalised
WORDS = sorted({w for ps in PATTERNS.values() for p in ps for w in re.findall(r"[^\W\d_]{2,}", p)})
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.capitalize),
                   st.sampled_from(WORDS).map(str.upper),
                   st.sampled_from([" ", "  ", ", ", ". ", "! ", "\n", "'", "-", "_", "%", "5", "20 ", "İ", "ſ", "K"]),
                   st.text(max_size=3))


def spans(found: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in found]  # type: ignore[attr-defined]


def same(alt: Alternation, text: str) -> None:
    assert spans(alt.finditer(text)) == spans(alt.plain.finditer(text)), text
    first = alt.search(text)
    plain = alt.plain.search(text)
    assert (first and first.span()) == (plain and plain.span())


@pytest.mark.slow  # 300 examples over every category: CI runs it, the fast loop does not
@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_every_lexicon_category_matches_like_its_plain_alternation(text: str) -> None:
    for alt in ALTERNATIONS.values():
        same(alt, text)


def test_the_lexicon_categories_take_the_fast_path() -> None:
    slow = [c for c, a in ALTERNATIONS.items() if not a.fast]
    assert slow == []


@pytest.mark.parametrize("patterns,text", [
    (["^\\s*however\\b", "\\bhow\\b"], "  However, how. However"),
    (["[.!]\\s+however,", "\\bever\\b"], "Fine. However, ever! however,"),
    (["\\d\\s*%", "\\bpercent\\b"], "5 % and 10% and ten percent"),
    (["\\bsi\\b", "\\bmisc\\w*"], "ſi MISC miſc _si si_ si"),  # ſ is s under IGNORECASE
    (["\\bimport\\b", "\\bkelvin\\b"], "İmport \u212aelvin import"),
    (["x?", "\\bab\\b"], "ab xab"),  # an empty match: the plain alternation's handling is kept
    (["(?:a|b)c", "\\bbc\\b|c"], "abc bc c"),
    (["\\b(?:not|in)eligible\\b|\\bno way\\b", "(?<!to )\\bpause\\b"], "Not eligible, ineligible, no way, to pause"),
    (["\\w+ly\\b", "\\bfree\\b"], "freely free only"),
    (["[a-z]{3,}_[a-z]{3,}", "\\bcan(?:'t|not)\\b"], "set_value can't cannot"),
    (["(?<![\\w])(?:a|one) free month(?![\\w])", "(?<!\\w)free\\b"], "a free month, one free month, afree freely free"),
    # the literal each branch needs, found in optional parts, groups, repeats and folded letters
    (["\\bno (?:setup )?fees?\\b", "(?:pre)?paid\\b"], "No Setup Fees, prepaid, PAID, no fee"),
    (["stra(?:ss|\u00df)e", "(?:ab){2,}c"], "STRASSE stra\u00dfe ababc abc"),
    # final sigma
    (["\\b\u03c3\u03bf\u03c6\u03bf\u03c3\\b"], "\u03a3\u039f\u03a6\u039f\u03a3 \u03c3\u03bf\u03c6\u03bf\u03c2"),
    (["\\bsimply\\b", "(?-i:ABC)d"], "\u017fimply SIMPLY abcd ABCD ABCd"),
])
def test_constructs(patterns: list[str], text: str) -> None:
    same(Alternation(patterns, FLAGS), text)


def test_top_level_alternatives_are_split_without_breaking_groups_or_classes() -> None:
    assert split_top(r"\ba\b|\b(?:b|c)\b|[|x]") == [r"\ba\b", r"\b(?:b|c)\b", "[|x]"]
    assert split_top(r"(?i)a|b") == [r"(?i)a|b"]  # global flags stay in front
    assert split_top(r"a\|b") == [r"a\|b"]


def test_each_branch_needs_its_longest_literal_and_texts_fold_as_ignorecase_does() -> None:
    alt = Alternation(["\\bno (?:setup )?fees?\\b", "x?y", "(?:pre)?paid", "\\d+ %", "(?=ab)abc|q"], FLAGS)
    assert alt.needs == [{"no "}, None, {"paid"}, {" %"}, {"abc"}, None]
    assert Alternation(["\\b(?:wir|ich|sie) m(?:u|ü)ssen\\b"], FLAGS).needs == [{"ssen"}]
    assert Alternation(["\\b(?:contract|agreement|terms?) s"], FLAGS).needs == [{"contract", "agreement", "term"}]
    assert alt.active("nothing here") == (1, 5)  # only the branches without a literal of two characters
    assert alt.active("NO FEES, prepaid") == (0, 1, 2, 5)
    assert fold("\u0130MPORT \u017fome \u212aelvin") == fold("import some kelvin")

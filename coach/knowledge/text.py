"""Words for lexical search: lower-cased, stop words out, light English or Ukrainian stemming.

The stemmers only strip common inflections ("downgrades" -> "downgrad", "знижку" -> "знижк") so
that a query and a passage that use different forms of one word still meet. They are deliberately
crude: BM25 only needs forms of one word to collide, not linguistically correct stems.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")

EN_STOP = frozenset("""
a an the and or of to in on for with at by from as is are was were be been being it its this that
these those do does did done we our us you your they their them he she his her i my me can could
should would will shall may might must what which who whom when where why how if then than so not
no but about into over under out very just also any all each every some such there here have has
had get got let lets it's i'm don't doesn't isn't
""".split())

UK_STOP = frozenset("""
і й та а але або що як це ці цей ця те ті той в у на з зі із до від для по при про чи не ні же ж би
б ми ви вони він вона воно його її їх їм нам вам нас вас коли де чому щоб якщо вже ще так теж
можна треба який яка яке які
""".split())

# Longest first; a suffix is stripped only when at least three letters stay.
_EN_SUFFIXES = ("ational", "ations", "ation", "ements", "ement", "ments", "ment", "ingly", "nesses",
                "ness", "ings", "ing", "ies", "ied", "ers", "er", "edly", "ed", "ly", "es", "s", "e")
_UK_SUFFIXES = tuple(sorted("""
ами ями ові еві ого ому ими іми ий ій ої ою ею ам ям ах ях ів їв ом ем а я о е у ю і ї и ь є ння
ти ться ся сь ють ать ять ить уть ає ує ли ла ло ний на не ні ну ною ної ному ного них ним ними
""".split(), key=len, reverse=True))


def stem_en(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    for suf in _EN_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf in ("ies", "ied"):
                return base + "i"
            # cancelled -> cancel, stopped -> stop
            return base[:-1] if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "sz" else base
    return word


def stem_uk(word: str) -> str:
    # Two passes: a reflexive or participle ending often sits on top of an inflection.
    for _ in range(2):
        for suf in _UK_SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                word = word[: -len(suf)]
                break
    return word


def normalise(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'").replace("ґ", "г")


def stem(word: str) -> str | None:
    """The search key of one word, or None for a stop word or a lone letter."""
    w = normalise(word)
    if w in EN_STOP or w in UK_STOP:
        return None
    if w.isdigit():
        return w  # "30" in "30%" and "9" in "9 months" carry meaning in this domain
    if len(w) < 2:
        return None
    return stem_uk(w) if _CYRILLIC.search(w) else stem_en(w)


def tokenize(text: str) -> list[str]:
    """Search keys of every word in the text, in order (repeats kept, for term frequencies)."""
    return [s for w in _WORD.findall(text) if (s := stem(w))]

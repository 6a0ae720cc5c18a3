"""Names in a text: the customer's, contact's, company's and service names, found as written and in
the inflected forms Ukrainian and Polish give them ("Легал Консалт" -> "Легал Консалту", "Олена" ->
"Олено", "Kancelaria Prawna" -> "Kancelarii Prawnej"), so they can be masked before any pattern runs
and a greeting in the vocative still names its recipient.

A name's form is read word by word: a word of four letters or more in an inflecting script loses its
final vowels (at most two letters) and takes any ending of up to three letters. Cyrillic words always
inflect; Latin words only where a lexicon says its language inflects Latin-script names (Polish).
"""

from __future__ import annotations

import re
from functools import lru_cache

_LEGAL_FORM = r"(?:ltd|llc|inc|gmbh|plc|corp|co|llp|sa|sp\. z o\.o\.|s\.a\.|тов|фоп|ат|прат|пп)\.?"
_SUFFIX = re.compile(rf"[\s,]+{_LEGAL_FORM}\Z", re.I)
_PREFIX = re.compile(rf"\A{_LEGAL_FORM}\s+", re.I)
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{2,})[»\"”]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+|\S")  # "Route 66 Diner": 66 is one word
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_VOWELS = "аеєиіїоуюяьйaeiouyąęó"
_ENDING = r"[^\W\d_]{0,3}"


def variants(name: str) -> set[str]:
    """The name as written, without its legal form ("ТОВ", "Ltd") and without its quotes."""
    out = {name}
    core = _PREFIX.sub("", _SUFFIX.sub("", name)).strip()
    out.add(core)
    for m in _QUOTED.finditer(name):
        out.add(m.group(1).strip())
    out.add(core.strip("«»\"“”„ "))
    return {v for v in out if len(v) >= 2}


def _word_form(word: str, inflect_latin: bool) -> str:
    if not word[0].isalpha():
        return re.escape(word)
    cyrillic = bool(_CYRILLIC.search(word))
    if len(word) < 4 or not (cyrillic or inflect_latin):
        return re.escape(word)
    stem = word
    for _ in range(2):
        if len(stem) > 3 and stem[-1].lower() in _VOWELS:
            stem = stem[:-1]
    return re.escape(stem) + _ENDING


def form(name: str, inflect_latin: bool) -> str:
    """A pattern for one name and its inflected forms (spaces may be any run of spaces)."""
    parts = [_word_form(w, inflect_latin) for w in _WORD.findall(name)]
    out, prev_word = "", False
    for w, p in zip(_WORD.findall(name), parts, strict=True):
        word = w[0].isalnum()
        if out:
            out += r"\s+" if word and prev_word else r"\s*"
        out += p
        prev_word = word
    return out


def _capital(name: str, variant: str, pattern: str) -> str:
    """A one-word brand quoted inside a name ("Агенція «Аванс»", "Кав'ярня «Бонус»") is matched only
    with its capital: written small, the same word is the ordinary noun ("попросимо аванс")."""
    first = re.escape(variant[:1])
    if (len(variant.split()) == 1 and variant[:1].isupper() and pattern.startswith(first)
            and any(m.group(1).strip() == variant for m in _QUOTED.finditer(name))):
        return f"(?-i:{first})" + pattern[len(first):]
    return pattern


@lru_cache(maxsize=256)
def name_pattern(names: tuple[str, ...], inflect_latin: bool) -> re.Pattern[str] | None:
    """One pattern for all the names, longest first, whole words only."""
    forms = {_capital(n, v, form(v, inflect_latin)) for n in names for v in variants(n)}
    if not forms:
        return None
    alt = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


_CAPITAL_WORD = re.compile(r"(?=(?:[^\W\d_]'?){4,}\Z)[^\W\d_]+(?:'[^\W\d_]+)*")  # "L'Acompte", "O'Brien's"
_GENERIC = {"group", "team", "club", "company", "studio", "clinic", "office", "center", "centre", "services",
            "solutions", "partners", "consulting", "agency", "media", "store", "shop", "house", "the", "and"}


def parts(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a text may call a name by: (runs of two or more of its words, "Breach Point" of "Breach Point
    Climbing Co."; single capitalised words of four letters or more, "Пеня" of "Тарас Пеня"). They are
    matched as written (case and all), a single word only away from a sentence's start: "Unfortunately,"
    opening a sentence is still a word, "at Deposit Box" is the company."""
    runs: set[str] = set()
    words: set[str] = set()
    for n in names:
        for v in variants(n):
            toks = v.split()
            for i in range(len(toks)):
                for j in range(i + 2, len(toks) + 1):
                    if (j - i) < len(toks):
                        runs.add(" ".join(toks[i:j]))
            if len(toks) > 1:
                words.update(t.strip("«»\"“”„,.()") for t in toks)
    words = {w for w in words if _CAPITAL_WORD.fullmatch(w) and w[0].isupper() and w.lower() not in _GENERIC}
    return tuple(sorted(runs, key=len, reverse=True)), tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=256)
def part_patterns(names: tuple[str, ...], inflect_latin: bool) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Case-sensitive patterns for the parts of the names (runs of words; single words)."""
    runs, words = parts(names)
    out: list[re.Pattern[str] | None] = []
    for group in (runs, words):
        # one order in every process
        forms = sorted({form(g, inflect_latin) for g in group}, key=lambda f: (-len(f), f))
        out.append(re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)") if forms else None)
    return out[0], out[1]


def sentence_start(text: str, pos: int) -> bool:
    """Whether only spaces, quotes or a greeting's punctuation lie between `pos` and a sentence's end."""
    i = pos - 1
    while i >= 0 and (text[i].isspace() or text[i] in "«\"“„(-–—*"):
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def mentions(text: str, name: str, inflect_latin: bool) -> bool:
    """Whether `text` names `name` (in any of its forms)."""
    pat = name_pattern((name,), inflect_latin)
    return pat is not None and pat.search(text) is not None

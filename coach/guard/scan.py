"""One lexicon category as a fast alternation: the same matches as `re.compile("|".join(patterns))`,
found without trying every pattern at every position of the text.

Python's `re` tries each branch of an alternation at each position; with a few hundred patterns that
is most of the guard's time. Most patterns can only start at a word start with a known letter
("\\bunfortunately\\b" starts with u or U). So each pattern's possible first characters are read from
its parsed form once, a cheap character class finds the positions where any pattern could start,
and at each such position only the patterns that could start there are tried, in their original
order. The first pattern that matches at the leftmost position wins, as in the plain alternation;
patterns whose start cannot be told (a leading `\\s*`, `.`) are tried everywhere, as before.
tests/guard/test_guard_scan.py holds the result to the plain alternation's, match for match.
"""

from __future__ import annotations

import _sre
import re
from collections.abc import Iterator
from functools import cached_property
from re import _casefix, _parser  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]

_NOTHING = r"(?!x)x"
_MAX_RANGE = 2000  # a wider class than this is not worth listing: the pattern is tried everywhere
_FOLD = _casefix._EXTRA_CASES
DIGIT, SPACE = -1, -2  # \d and \s as first "characters": no case, so the text's character decides
_CATEGORIES = {C.CATEGORY_DIGIT: DIGIT, C.CATEGORY_SPACE: SPACE}
_WORD_BEFORE = [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


class _Unknown(Exception):
    """The pattern's first character cannot be told: it is tried at every position."""


def _keys(code: int) -> set[int]:
    """What `re` compares a text character with under IGNORECASE: its simple lower case (and the few
    characters `re` treats as the same letter, ı and i, ſ and s)."""
    low = _sre.unicode_tolower(code)
    return {low, *_FOLD.get(low, ())}


def _covers(k: int, key: int) -> bool:
    """Whether first "character" `k` (a key or DIGIT/SPACE) admits a text character of key `key`."""
    if k >= 0:
        return k == key
    ch = chr(key)
    return ch.isdecimal() if k == DIGIT else ch.isspace()


def _is_word(code: int) -> bool:
    ch = chr(code)
    return ch.isalnum() or ch == "_"


def _first(seq: list[tuple[object, object]], ws: bool) -> tuple[set[tuple[int, bool]], bool, bool]:
    """The (lower-case first character, must-start-a-word) pairs a match of `seq` can begin with,
    whether `seq` can match the empty string, and whether a `\\b` was passed on the way."""
    items: set[tuple[int, bool]] = set()
    for op, av in seq:
        if op is C.AT:
            ws = ws or av is C.AT_BOUNDARY
            continue
        if op is C.ASSERT_NOT and av[0] == -1 and list(av[1]) == _WORD_BEFORE:  # type: ignore[index]
            ws = True  # (?<!\w): nothing of a word before, as after \b
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: leaving it out only widens the set
        if op is C.SUBPATTERN:
            sub, nullable, ws2 = _first(list(av[3]), ws)  # type: ignore[index]
        elif op is C.ATOMIC_GROUP:
            sub, nullable, ws2 = _first(list(av), ws)  # type: ignore[call-overload]
        elif op is C.BRANCH:
            sub, nullable, ws2 = set(), False, ws
            for alt in av[1]:  # type: ignore[index]
                s, n, _ = _first(list(alt), ws)
                sub |= s
                nullable = nullable or n
        elif op in _REPEATS:
            lo: int = av[0]  # type: ignore[index]
            sub, nullable, ws2 = _first(list(av[2]), ws)  # type: ignore[index]
            nullable = nullable or lo == 0
            ws2 = ws if nullable else ws2
        elif op is C.LITERAL:
            sub = {(k, ws and _is_word(av)) for k in _keys(av)}  # type: ignore[arg-type]
            nullable, ws2 = False, ws
        elif op is C.IN:
            codes: list[int] = []
            for iop, iav in av:  # type: ignore[attr-defined]
                if iop is C.LITERAL:
                    codes.append(iav)
                elif iop is C.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                    codes.extend(range(iav[0], iav[1] + 1))
                elif iop is C.CATEGORY and iav in _CATEGORIES:
                    codes.append(_CATEGORIES[iav])
                else:  # a category (\w, \s), a negated or a very wide class
                    raise _Unknown
            word = all(c == DIGIT or c >= 0 and _is_word(c) for c in codes)
            sub = {(k, ws and word) for c in codes for k in (_keys(c) if c >= 0 else (c,))}
            nullable, ws2 = False, ws
        else:  # any character, a back reference, ...
            raise _Unknown
        items |= sub
        if not nullable:
            return items, False, ws2
    return items, True, ws


def split_top(pattern: str) -> list[str]:
    """A pattern's top-level alternatives ("a|b(c|d)" -> ["a", "b(c|d)"]); the pattern whole when it
    cannot be split safely."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # "[]abc]": the bracket is a member
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    if depth != 0 or in_class or pattern.startswith("(?") and not pattern.startswith(("(?:", "(?=", "(?!", "(?<")):
        return [pattern]  # unbalanced, or global inline flags that must stay in front
    return parts  # each part is parsed by the caller, which keeps the pattern whole if one fails


def _analyse(branch: str, flags: int) -> tuple[set[tuple[int, bool]] | None, bool, bool] | None:
    """(first characters or None when they cannot be told, anchored at the text's start, nullable);
    None when the branch does not parse."""
    try:
        parsed = list(_parser.parse(branch, flags))
    except (re.error, RecursionError):
        return None
    try:
        items, nullable, _ = _first(parsed, False)
    except (_Unknown, RecursionError):
        return None, False, False
    anchored = (not flags & re.MULTILINE and "(?m" not in branch and bool(parsed)
                and parsed[0] in ((C.AT, C.AT_BEGINNING), (C.AT, C.AT_BEGINNING_STRING)))
    return items, anchored, nullable


class Alternation:
    """`finditer` and `search` with the results of the plain alternation of `patterns`."""

    def __init__(self, patterns: list[str], flags: int) -> None:
        self.flags = flags
        self.pattern = "|".join(f"(?:{p})" for p in patterns) if patterns else _NOTHING
        self.branches: list[str] = []
        analysed: list[tuple[set[tuple[int, bool]] | None, bool, bool]] = []
        for p in patterns:
            parts = split_top(p)
            found = [_analyse(b, flags) for b in parts]
            if len(parts) > 1 and any(f is None for f in found):  # a part that does not parse alone
                parts, found = [p], [_analyse(p, flags) or (None, False, False)]
            self.branches += parts
            analysed += [f or (None, False, False) for f in found]
        self._subs: dict[tuple[int, bool, bool], re.Pattern[str] | None] = {}
        self.firsts = [a[0] for a in analysed]
        self.at_start = [a[1] for a in analysed]  # "^however": tried at the start of the text only
        fallback = any(a[2] for a in analysed)  # may match the empty string: keep the plain handling
        self.fast = not fallback and bool(self.branches)
        loose = [b for b, f in zip(self.branches, self.firsts, strict=True) if f is None]
        self.loose = re.compile("|".join(f"(?:{b})" for b in loose), flags) if loose else None
        anywhere = [f for f, s in zip(self.firsts, self.at_start, strict=True) if f and not s]
        ws_chars = {k for f in anywhere for k, w in f if w}
        any_chars = {k for f in anywhere for k, w in f if not w}
        classes = []
        if ws_chars:
            classes.append(rf"\b[{_charclass(ws_chars)}]")
        if any_chars:
            classes.append(f"[{_charclass(any_chars)}]")
        self.has_start = any(self.at_start)
        self.starts = re.compile("|".join(classes) if classes else _NOTHING, flags)

    def _sub(self, key: int, ws: bool, start: bool) -> re.Pattern[str] | None:
        """The branches that could match at a position whose character has `key` (`ws`: the position
        starts a word; `start`: it is the start of the text), in their original order."""
        try:
            return self._subs[(key, ws, start)]
        except KeyError:
            pass
        chosen = [b for b, f, s in zip(self.branches, self.firsts, self.at_start, strict=True)
                  if f is None or (start or not s) and any((ws or not w) and _covers(k, key) for k, w in f)]
        pat = re.compile("|".join(f"(?:{b})" for b in chosen), self.flags) if chosen else None
        self._subs[(key, ws, start)] = pat
        return pat

    @cached_property
    def plain(self) -> re.Pattern[str]:
        """The plain alternation (compiled when first needed: the fast path does without it)."""
        return re.compile(self.pattern, self.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.fast:
            yield from self.plain.finditer(text)
            return
        if not text:
            return
        starts = [m.start() for m in self.starts.finditer(text)]
        if self.has_start and (not starts or starts[0]):
            starts.insert(0, 0)
        loose = self.loose
        nxt = loose.search(text) if loose is not None else None
        pos, i, n = 0, 0, len(starts)
        while True:
            limit = nxt.start() if nxt is not None else len(text)
            found = None
            while i < n and starts[i] <= limit:
                p = starts[i]
                i += 1
                if p < pos:
                    continue
                before = text[p - 1] if p else " "
                sub = self._sub(_sre.unicode_tolower(ord(text[p])), not (before.isalnum() or before == "_"), not p)
                if sub is not None and (found := sub.match(text, p)) is not None:
                    break
            if found is None:
                if nxt is None:
                    return
                found = nxt
            yield found
            pos = found.end()
            if nxt is not None and nxt.start() < pos and loose is not None:
                nxt = loose.search(text, pos)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def _charclass(codes: set[int]) -> str:
    named = {DIGIT: r"\d", SPACE: r"\s"}
    return "".join(named[c] if c < 0 else re.escape(chr(c)) for c in sorted(codes))

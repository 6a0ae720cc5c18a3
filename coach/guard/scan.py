"""One lexicon category as a fast alternation: the same matches as `re.compile("|".join(patterns))`,
found without trying every pattern on every text.

Python's `re` tries each branch of an alternation at each position; with a few hundred patterns that
was most of the guard's time. Almost every pattern needs some literal text to match
("\\bunfortunately\\b" needs "unfortunately"; "\\bno (?:setup )?fees?\\b" needs "no " and "fee"). So
each branch's longest needed literal is read from its parsed form once; for a text, only the
branches whose literal occurs in it (compared case-folded as `re.IGNORECASE` compares characters)
are run, each compiled alone, and their matches merged as the alternation would take them (leftmost
first, the earlier branch on a tie). A branch that cannot match the text is all that is left out, so
the matches are the plain alternation's; and the compiled branches are the same in every process
(the compiled-pattern cache keeps them), where joined sets of branches would differ from text to
text. Branches with no literal of two or more characters are always tried; an alternation with a
branch that can match the empty string keeps the plain handling. tests/guard/test_guard_scan.py
holds the result to the plain alternation's, match for match.
"""

from __future__ import annotations

import _sre
import re
import threading
from collections.abc import Iterator
from functools import cached_property, partial
from re import _casefix, _parser  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]

import numpy as np

from coach import regexcache

_NOTHING = r"(?!x)x"
_FOLD = _casefix._EXTRA_CASES
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)


def _canon(code: int) -> int:
    """One character for all the characters `re.IGNORECASE` treats as the same letter: the smallest of
    its simple lower case and the few extra ones `re` adds (ı and i, ſ and s, ...)."""
    low = _sre.unicode_tolower(code)
    return min((low, *_FOLD.get(low, ())))


# str.lower() gives the simple lower case, except İ (full mapping "i̇"): it becomes i first; then the
# extra cases go to one character each.
_BEFORE = {0x130: "i"}
_AFTER = {code: _canon(code) for code in _FOLD if _canon(code) != code}


def fold(text: str) -> str:
    """`text` with every character replaced by `_canon` of it (as a needed literal is)."""
    return text.translate(_BEFORE).lower().translate(_AFTER)


# A literal is looked up by a hash of its first few characters (PREFIX at most): the text's hashes
# at every position, for each prefix length, are a handful of NumPy passes instead of a Python loop
# over its characters. Two prefixes with the same hash only make a branch tried that cannot match
# (present() may over-answer, never under-answer); literals longer than PREFIX are then confirmed
# with `in`.
PREFIX = 6
_MUL = np.uint64(0x100000001B3)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.uint64)


class _Index:
    """The registered literals by the hash of their first min(len, PREFIX) characters (one sorted array
    for every length; each hash's literals in a dict)."""

    def __init__(self, literals: frozenset[str] = frozenset(), lits: dict[int, tuple[str, ...]] | None = None,
                 keys: np.ndarray | None = None, lengths: list[int] | None = None) -> None:
        self.literals = literals
        self.lits = lits or {}
        self.keys = keys if keys is not None else np.zeros(0, np.uint64)
        self.lengths = lengths or []

    def extended(self, new: set[str]) -> _Index:
        """This index and the literals `new` (an alternation compiled later adds its own: only they are
        hashed, and the sorted keys merged)."""
        mul, mask = int(_MUL), (1 << 64) - 1
        lits = dict(self.lits)
        added = sorted(new - self.literals)
        hashes = []
        for lit in added:  # the rolling hash find() takes over a text, in Python integers (wrapping at 64 bits)
            h = 0
            for c in lit[:PREFIX]:
                h = (h * mul + ord(c)) & mask
            lits[h] = (*lits.get(h, ()), lit)
            hashes.append(h)
        keys = np.union1d(self.keys, np.array(hashes, np.uint64))
        lengths = sorted({*self.lengths, *(min(len(lit), PREFIX) for lit in added)})
        return _Index(self.literals | new, lits, keys, lengths)

    def find(self, key: str) -> frozenset[str]:
        codes = _codes(key)
        if not self.lengths or not len(codes):
            return frozenset()
        # the hashes of every run of 1..PREFIX characters, built one length from the last
        runs, h = [], codes
        for n in range(1, self.lengths[-1] + 1):
            if n > 1:
                h = h[:-1] * _MUL + codes[n - 1:]
            if not len(h):
                break
            if n in self.lengths:
                runs.append(h)
        if not runs:
            return frozenset()
        every = np.concatenate(runs) if len(runs) > 1 else runs[0]
        at = np.searchsorted(self.keys, every)
        np.minimum(at, len(self.keys) - 1, out=at)
        found: set[str] = set()
        for hit in set(every[self.keys[at] == every].tolist()):
            found.update(lit for lit in self.lits[hit] if len(lit) <= PREFIX or lit in key)
        return frozenset(found)


# Every literal some alternation needs; replaced whole on a change, so a reader never sees it change.
_index = _Index()
_register_lock = threading.Lock()


def _register(literals: set[str]) -> None:
    global _index
    with _register_lock:
        if not literals <= _index.literals:
            _index = _index.extended(literals)


def present(text: str) -> frozenset[str]:
    """The needed literals (of every alternation) that occur in `text`, folded (perhaps a few more
    that do not: a branch is then tried for nothing). The last few texts' answers are kept (a guard
    check asks for its text, its masked text and short windows around terms)."""
    index = _index
    with _recent_lock:
        hit = _recent.get(text)
    if hit is not None and hit[0] is index:
        return hit[1]
    found = index.find(fold(text))
    with _recent_lock:
        _recent[text] = (index, found)
        while len(_recent) > _RECENT:
            del _recent[next(iter(_recent))]
    return found


_RECENT = 32
_recent: dict[str, tuple[_Index, frozenset[str]]] = {}
_recent_lock = threading.Lock()


Need = frozenset[str]  # a match contains at least one of these literals (folded)


def _literal(op: object, av: object) -> int | None:
    if op is C.LITERAL:
        return av  # type: ignore[return-value]
    if op is C.IN and len(av) == 1 and av[0][0] is C.LITERAL:  # type: ignore[arg-type, index]
        return av[0][1]  # type: ignore[index, no-any-return]
    return None


def _needs(seq: list[tuple[object, object]]) -> list[Need]:
    """What every match of `seq` contains: runs of literal characters, and for a group of alternatives
    one needed literal per alternative (any of them). Zero-width and optional items give nothing."""
    out: list[Need] = []
    run: list[int] = []

    def close() -> None:
        if run:
            out.append(frozenset(["".join(chr(_canon(c)) for c in run)]))
            run.clear()

    for op, av in seq:
        code = _literal(op, av)
        if code is not None:
            run.append(code)
            continue
        close()
        if op is C.SUBPATTERN:
            out += _needs(list(av[3]))  # type: ignore[index]
        elif op is C.ATOMIC_GROUP:
            out += _needs(list(av))  # type: ignore[call-overload]
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index, operator]
            out += _needs(list(av[2]))  # type: ignore[index]
        elif op is C.BRANCH:
            each = [_best(_needs(list(alt))) for alt in av[1]]  # type: ignore[index]
            if all(each):
                out.append(frozenset().union(*each))  # type: ignore[arg-type]
    close()
    return out


def _best(needs: list[Need]) -> Need | None:
    """The most selective need: the one whose shortest literal is longest (at least two characters)."""
    useful = [n for n in needs if min(map(len, n)) >= 2]
    return max(useful, key=lambda n: (min(map(len, n)), -len(n)), default=None)


def _parse(branch: str, flags: int) -> list[tuple[object, object]] | None:
    try:
        return list(_parser.parse(branch, flags))
    except (re.error, RecursionError):
        return None


def _analysis(branch: str, flags: int) -> tuple[bool, bool, Need | None]:
    """(parses alone, may match the empty string, what every match needs), kept across processes
    with the compiled patterns: reading them takes the pure-Python parser, a cold draft's largest
    cost when every branch of the lexicons is parsed anew."""

    def read() -> tuple[bool, bool, Need | None]:
        tree = _parse(branch, flags)
        return (False, True, None) if tree is None else (True, _nullable(tree), _best(_needs(tree)))

    return regexcache.remembered(("guard-scan", branch, int(flags)), read)


def _runaway(seq: list[tuple[object, object]]) -> bool:
    """Whether `seq` holds a repeated group whose every pass may be one unbounded run alone, as in
    `(?:[\\w ,-]+){0,40}` or `(?:\\w+\\s*)*`: a text the rest of the pattern then fails on is split
    into passes in exponentially many ways before the search gives up (catastrophic backtracking)."""
    for op, av in seq:
        if op is C.SUBPATTERN:
            inner = [list(av[3])]  # type: ignore[index]
        elif op is C.ATOMIC_GROUP or op is _POSSESSIVE:
            continue  # no backtracking into it
        elif op is C.BRANCH:
            inner = [list(alt) for alt in av[1]]  # type: ignore[index]
        elif op in _REPEATS:
            body = list(av[2])  # type: ignore[index]
            if av[1] > 1 and _one_run(body):  # type: ignore[index, operator]
                return True
            inner = [body]
        else:
            continue
        if any(_runaway(s) for s in inner):
            return True
    return False


def _one_run(body: list[tuple[object, object]]) -> bool:
    """Whether one pass of a repeated `body` may be a single unbounded run (what else it holds may
    match nothing), directly or in one of its alternatives."""
    while len(body) == 1 and body[0][0] is C.SUBPATTERN:
        body = list(body[0][1][3])  # type: ignore[index]
    if len(body) == 1 and body[0][0] is C.BRANCH:
        return any(_one_run(list(alt)) for alt in body[0][1][1])  # type: ignore[index]
    solid = [item for item in body if item[0] is C.GROUPREF or not _nullable([item])]
    runs = [item for item in body if item[0] in _REPEATS and item[1][1] == C.MAXREPEAT]  # type: ignore[index]
    return bool(runs) and (not solid or (len(solid) == 1 and solid[0] in runs))


def runaway_repeat(pattern: str, flags: int = 0) -> bool:
    """Whether `pattern` may backtrack catastrophically (`_runaway`); kept across processes like the
    other analyses of the lexicons' patterns."""

    def read() -> bool:
        tree = _parse(pattern, flags)
        return tree is not None and _runaway(tree)

    return regexcache.remembered(("runaway", pattern, int(flags)), read)


RUNAWAY = ("repeats a group that may be one unbounded run alone (like '(?:[\\w ,]+){0,40}'): a text it fails "
           "on would take exponentially long; repeat the characters instead ('[\\w ,]{0,300}')")


def compile_checked(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` for a pattern from a data file, refusing one that may backtrack catastrophically
    (raised as `re.error`, so the loader names the file and the pattern)."""
    compiled = re.compile(pattern, flags)
    if runaway_repeat(pattern, flags):
        raise re.error(RUNAWAY, pattern)
    return compiled


def _nullable(seq: list[tuple[object, object]]) -> bool:
    """Whether `seq` may match the empty string (anything not understood counts as may)."""
    for op, av in seq:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            return False
        if op is C.SUBPATTERN:
            inner = _nullable(list(av[3]))  # type: ignore[index]
        elif op is C.ATOMIC_GROUP:
            inner = _nullable(list(av))  # type: ignore[call-overload]
        elif op is C.BRANCH:
            inner = any(_nullable(list(alt)) for alt in av[1])  # type: ignore[index]
        elif op in _REPEATS:
            inner = av[0] == 0 or _nullable(list(av[2]))  # type: ignore[index]
        else:
            return True
        if not inner:
            return False
    return True


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


class Alternation:
    """`finditer` and `search` with the results of the plain alternation of `patterns`."""

    def __init__(self, patterns: list[str], flags: int) -> None:
        self.flags = flags
        self.pattern = "|".join(f"(?:{p})" for p in patterns) if patterns else _NOTHING
        self.branches: list[str] = []
        empty: list[bool] = []
        needs: list[Need | None] = []
        for p in patterns:
            parts: list[str] = regexcache.remembered(("guard-split", p, 0), partial(split_top, p))
            read = [_analysis(b, flags) for b in parts]
            if len(parts) > 1 and not all(ok for ok, _, _ in read):  # a part that does not parse alone
                parts, read = [p], [_analysis(p, flags)]
            self.branches += parts
            empty += [e for _, e, _ in read]
            needs += [n for _, _, n in read]
        self.fast = not any(empty) and bool(self.branches)  # an empty match: keep the plain handling
        # For each literal some branch needs, the branches it lets in (a branch that needs one of
        # several literals is listed under each); branches with no need are tried on every text.
        self.needs = needs
        by_literal: dict[str, set[int]] = {}
        for i, need in enumerate(needs):
            for lit in need or ():
                by_literal.setdefault(lit, set()).add(i)
        self._by_literal = by_literal
        self._needed = frozenset(by_literal)
        _register(set(by_literal))
        self._always = {i for i, need in enumerate(needs) if need is None}
        self._pats: dict[int, re.Pattern[str]] = {}

    def active(self, text: str) -> tuple[int, ...]:
        """The branches whose needed literal is in `text` (every other branch cannot match it)."""
        found = set(self._always)
        for lit in present(text) & self._needed:
            found |= self._by_literal[lit]
        return tuple(sorted(found))

    def _branch(self, i: int) -> re.Pattern[str]:
        """One branch alone (compiled when first needed; the same pattern in every process, so the
        compiled-pattern cache keeps it)."""
        pat = self._pats.get(i)
        if pat is None:
            pat = self._pats[i] = re.compile(self.branches[i], self.flags)
        return pat

    @cached_property
    def plain(self) -> re.Pattern[str]:
        """The plain alternation (compiled when first needed: the fast path does without it)."""
        return re.compile(self.pattern, self.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.fast:
            yield from self.plain.finditer(text)
            return
        branches = self.active(text)
        if len(branches) == 1:
            yield from self._branch(branches[0]).finditer(text)
            return
        # The plain alternation, branch by branch: from where the last match ended, the leftmost
        # next match of any branch, the earlier branch on a tie (the one the alternation tries first).
        pats = [self._branch(i) for i in branches]
        ahead = [p.search(text) for p in pats]
        while True:
            best: re.Match[str] | None = None
            for m in ahead:
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            end = best.end()
            ahead = [p.search(text, end) if m is not None and m.start() < end else m
                     for p, m in zip(pats, ahead, strict=True)]

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

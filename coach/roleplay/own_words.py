"""Coach's own sentences: the drafting templates (prompts/templates/<lang>/*.j2) turned into patterns.

A trainee who pastes or paraphrases the engine's own counter ("Billing stays monthly: there is no
prepayment.") is saying what the coach itself recommends: such a sentence never counts as pushback,
refusal or an early offer. Built from the template files, so an edited template is picked up as is.

A trainee sentence is "own" when it is the start of a template sentence or clause (numbers and names
where the template has `{{ values }}`), or when each of its clauses is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TAG = re.compile(r"\{%-?.*?-?%\}", re.S)
_VAR = re.compile(r"\{\{.*?\}\}", re.S)
_HOLE = "\x00"
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CLAUSE = re.compile(r"\s*[,:;]\s+|\s+[-—–]\s+|\s*\(|\)\s*")
MIN_WORDS, MIN_HEAD_CHARS = 3, 12  # a shorter start is too common to be recognisably the coach's


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("—", "-").replace("–", "-")
    return re.sub(r"\s+", " ", text.strip(" \t-•*\"'«».!?:")).casefold()


def _prefix_regex(unit: str) -> re.Pattern[str] | None:
    """Matches any start of `unit` of at least MIN_WORDS words (a hole is 1-8 words of anything)."""
    words = _norm(unit).split(" ")
    tokens = [r"\S+(?:\s\S+){0,7}?" if _HOLE in w and not w.replace(_HOLE, "") else
              r"\S*".join(re.escape(p) for p in w.split(_HOLE)) for w in words if w]
    words = [w for w in words if w]
    # The part every match contains starts with the template's own word and holds enough of them.
    if not words or _HOLE in words[0]:
        return None
    need, literal, chars = 0, 0, 0
    for w in words:
        need += 1
        if _HOLE not in w:
            literal, chars = literal + 1, chars + len(re.sub(r"\W", "", w))
        if literal >= MIN_WORDS and chars >= MIN_HEAD_CHARS:
            break
    else:
        return None
    body = r"\s".join(tokens[:need])
    tail = ""
    for t in reversed(tokens[need:]):
        tail = rf"(?:\s{t}{tail})?"
    return re.compile(body + tail)


def units(template: str) -> list[str]:
    """Sentences and clauses a template can write, each `{{ value }}` a hole; a `{% tag %}` may cut a
    sentence, so each side stands alone and the two sides are also joined."""
    text = _VAR.sub(_HOLE, _COMMENT.sub("", template))
    pieces = [p for p in _TAG.split(text)]
    joined = [a + b for a, b in zip(pieces, pieces[1:], strict=False)]
    out: list[str] = []
    for piece in pieces + joined:
        for sentence in _SENTENCE.split(piece):
            if sentence.strip(" -\t"):
                out.append(sentence)
                out += [c for c in _CLAUSE.split(sentence) if c and c.strip()]
    return out


@dataclass(frozen=True)
class OwnWords:
    """Patterns of every sentence and clause the drafting templates can write."""

    patterns: tuple[re.Pattern[str], ...]

    def _one(self, text: str) -> bool:
        s = _norm(text)
        return len(s.split(" ")) >= MIN_WORDS and any(p.fullmatch(s) for p in self.patterns)

    def __contains__(self, sentence: object) -> bool:
        if not isinstance(sentence, str) or not sentence.strip():
            return False
        if self._one(sentence):
            return True
        clauses = [c for c in _CLAUSE.split(sentence) if c and len(_norm(c).split(" ")) >= 2]
        return len(clauses) > 1 and all(self._one(c) for c in clauses)

    def __len__(self) -> int:
        return len(self.patterns)


EMPTY = OwnWords(())


@lru_cache(maxsize=8)
def _build(folder: str, stamp: tuple[tuple[str, float], ...]) -> OwnWords:
    found: dict[str, re.Pattern[str]] = {}
    for name, _ in stamp:
        for unit in units((Path(folder) / name).read_text(encoding="utf-8")):
            p = _prefix_regex(unit)
            if p is not None:
                found.setdefault(p.pattern, p)
    return OwnWords(tuple(found.values()))


def own_words(prompts_dir: Path) -> OwnWords:
    """Every template sentence under `prompts_dir/templates` (reloaded when a file changes)."""
    base = prompts_dir / "templates"
    files = sorted(base.glob("*/*.j2")) if base.is_dir() else []
    stamp = tuple((str(p.relative_to(base)), p.stat().st_mtime) for p in files)
    return _build(str(base), stamp)

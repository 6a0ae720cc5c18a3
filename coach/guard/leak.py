"""Leaked instructions, found by overlap with the prompt files (prompts/llm/*.md).

The prompts' sentences about the instructions themselves (those naming a marker such as "FACTS",
"data", "JSON", "rules engine": lexicon `leak_markers`) are cut into word 4-grams; those that also
occur in the reply templates (ordinary customer wording) are dropped. A text that repeats two or more
of the remaining 4-grams is repeating its instructions (on the dev corpus 4-grams shared twice catch
five quoted leaks with no clean text flagged; 6-grams shared three times caught one).

A paraphrase shares no N-gram, so a second test works per sentence: a sentence of the text that has
a marker of its own and shares SHARED_WORDS or more distinctive words (words of four letters or more
that no reply template uses) with one instruction paragraph describes the instructions in other words
("every figure comes from the company's rules engine ...").
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from coach.guard.stamps import recent

if TYPE_CHECKING:
    from coach.guard.scan import Alternation

    Pattern = re.Pattern[str] | Alternation

N = 4
MIN_SHARED = 2
SHARED_WORDS = 4
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_VARS = re.compile(r"\{[^{}]*\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _grams(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORDS.findall(text)]
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n\s*-\s+|\n\s*\n")
_PARAGRAPH = re.compile(r"\n\s*\n")
_TEXT_SENTENCE = re.compile(r"[.;!?\n]+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORDS.findall(text) if len(w) >= 4}


class PromptLeak:
    def __init__(self, prompt_texts: list[str], ordinary_texts: list[str], markers: Pattern) -> None:
        ordinary: set[tuple[str, ...]] = set()
        vocabulary: set[str] = set()
        for t in ordinary_texts:
            ordinary |= _grams(_VARS.sub(" ", t))
            vocabulary |= _words(_VARS.sub(" ", t))
        grams: set[tuple[str, ...]] = set()
        sentences: list[frozenset[str]] = []
        for t in prompt_texts:
            body = _VARS.sub(" | ", _FRONT.sub("", t))
            for sentence in _SENTENCE.split(body):
                if markers.search(sentence):
                    grams |= _grams(sentence)
            for paragraph in _PARAGRAPH.split(body):  # a paraphrase merges what the prompt says apart
                if markers.search(paragraph) and len(words := _words(paragraph) - vocabulary) >= SHARED_WORDS:
                    sentences.append(frozenset(words))
        self.grams = grams - ordinary
        self.vocabulary = vocabulary
        self.sentences = sentences
        self.markers = markers

    def overlap(self, text: str) -> str:
        """The repeated wording ('' when the text neither repeats MIN_SHARED prompt N-grams nor has a
        sentence that paraphrases one instruction sentence)."""
        shared = _grams(text) & self.grams
        if len(shared) >= MIN_SHARED:
            return " ".join(sorted(shared)[0])
        for sentence in _TEXT_SENTENCE.split(text):
            if not self.markers.search(sentence):
                continue
            words = _words(sentence) - self.vocabulary
            if len(words) < SHARED_WORDS:
                continue
            for instruction in self.sentences:
                if len(common := words & instruction) >= SHARED_WORDS:
                    return " ".join(sorted(common))
        return ""


@lru_cache(maxsize=4)
def _load(prompts_dir: str, stamp: tuple[tuple[str, float], ...], markers: Pattern) -> PromptLeak:
    base = Path(prompts_dir)
    prompts = [(base / name).read_text(encoding="utf-8") for name, _ in stamp if name.startswith("llm/")]
    ordinary = [(base / name).read_text(encoding="utf-8") for name, _ in stamp if name.startswith("templates/")]
    return PromptLeak(prompts, ordinary, markers)


def _stamp(base: str) -> tuple[tuple[str, float], ...]:
    """(relative path, mtime) of llm/*.md and templates/**/*.j2: os.scandir, because pathlib's glob
    and relative_to cost ~4 ms for ~65 files (and it is taken at most once a second: stamps.py)."""
    out: list[tuple[str, float]] = []

    def walk(rel: str, pattern: str, recurse: bool) -> None:
        try:
            entries = list(os.scandir(os.path.join(base, rel)))
        except OSError:
            return
        for e in entries:
            name = f"{rel}/{e.name}"
            if recurse and e.is_dir():
                walk(name, pattern, recurse)
            elif e.name.endswith(pattern) and e.is_file():
                out.append((name, e.stat().st_mtime))

    walk("llm", ".md", False)
    walk("templates", ".j2", True)
    return tuple(sorted(out))


def prompt_leak(prompts_dir: Path, markers: Pattern) -> PromptLeak:
    base = str(prompts_dir)
    return _load(base, recent("prompts", base, lambda: _stamp(base)), markers)

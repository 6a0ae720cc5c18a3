"""Leaked instructions, found by overlap with the prompt files (prompts/llm/*.md).

The prompts' sentences about the instructions themselves (those naming a marker such as "FACTS",
"data", "JSON", "rules engine": lexicon `leak_markers`) are cut into word 6-grams; those that also
occur in the reply templates (ordinary customer wording) are dropped. A text that repeats
three or more of the remaining 6-grams (eight words in a row) is repeating its instructions.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

N = 6
MIN_SHARED = 3
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_VARS = re.compile(r"\{[^{}]*\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _grams(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORDS.findall(text)]
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n\s*-\s+|\n\s*\n")


class PromptLeak:
    def __init__(self, prompt_texts: list[str], ordinary_texts: list[str], markers: re.Pattern[str]) -> None:
        ordinary: set[tuple[str, ...]] = set()
        for t in ordinary_texts:
            ordinary |= _grams(_VARS.sub(" ", t))
        grams: set[tuple[str, ...]] = set()
        for t in prompt_texts:
            for sentence in _SENTENCE.split(_VARS.sub(" | ", _FRONT.sub("", t))):
                if markers.search(sentence):
                    grams |= _grams(sentence)
        self.grams = grams - ordinary

    def overlap(self, text: str) -> str:
        """The repeated wording ('' when the text repeats fewer than MIN_SHARED prompt 6-grams)."""
        shared = _grams(text) & self.grams
        if len(shared) < MIN_SHARED:
            return ""
        return " ".join(sorted(shared)[0])


@lru_cache(maxsize=4)
def _load(prompts_dir: str, stamp: tuple[tuple[str, float], ...], markers: re.Pattern[str]) -> PromptLeak:
    base = Path(prompts_dir)
    prompts = [(base / name).read_text(encoding="utf-8") for name, _ in stamp if name.startswith("llm/")]
    ordinary = [(base / name).read_text(encoding="utf-8") for name, _ in stamp if name.startswith("templates/")]
    return PromptLeak(prompts, ordinary, markers)


def _stamp(base: str) -> tuple[tuple[str, float], ...]:
    """(relative path, mtime) of llm/*.md and templates/**/*.j2: os.scandir, because every guard check
    asks and pathlib's glob and relative_to cost ~4 ms a check for ~65 files."""
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


def prompt_leak(prompts_dir: Path, markers: re.Pattern[str]) -> PromptLeak:
    return _load(str(prompts_dir), _stamp(str(prompts_dir)), markers)

"""Leaked instructions, found by overlap with the prompt files (prompts/llm/*.md).

The prompts' sentences about the instructions themselves (those naming a marker such as "FACTS",
"data", "JSON", "rules engine": lexicon `leak_markers`) are cut into word 4-grams; those that also
occur in the reply templates (ordinary customer wording) are dropped. A text that repeats two or more
of the remaining 4-grams is repeating its instructions. (On the dev corpus 4-grams shared twice catch
five quoted leaks with no clean text flagged; 6-grams three times caught one. Paraphrases are left to
the lexicons' meta-talk patterns, `leak`.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

N = 4
MIN_SHARED = 2
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


def prompt_leak(prompts_dir: Path, markers: re.Pattern[str]) -> PromptLeak:
    base = Path(prompts_dir)
    files = sorted(list(base.glob("llm/*.md")) + list(base.glob("templates/**/*.j2")))
    stamp = tuple((str(p.relative_to(base)), p.stat().st_mtime) for p in files)
    return _load(str(base), stamp, markers)

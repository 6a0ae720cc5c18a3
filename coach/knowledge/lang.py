"""Tiny language guess: enough to tag chunks and pick a reply template (en / uk)."""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """'uk' when Cyrillic letters dominate, otherwise 'en'."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    return "uk" if cyr > lat else "en"

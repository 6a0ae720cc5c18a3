"""The one language identifier: py3langid (a maintained fork of langid.py that ships its model),
restricted to the languages coach meets, plus the letters that tell Ukrainian from Russian.

Chosen by measurement (benchmarks/language_id.py): on full sentences py3langid, langid and lingua
were all exact; on short replies py3langid made the fewest errors among the fast ones, loads in
about half a second and adds 4.5 MB (lingua: 96 MB and ~15 ms per text; pycld2 gives up on short
texts). Nothing is downloaded at run time.

    identify(text)                 -> "en" | "uk" | "ru" | "es" | ... | None (too little text to tell)
    detect_language(text, ("en", "uk"))  -> one of the supported languages (tags chunks, picks templates)
"""

from __future__ import annotations

import re
import threading
from typing import Any

LANGUAGES = ("en", "uk", "ru", "es", "de", "fr", "pt", "pl", "it", "nl")
MIN_LETTERS = 12  # below this no identifier is reliable: the guard does not judge the language
_UK_ONLY = re.compile(r"[іїєґ]", re.I)
_RU_ONLY = re.compile(r"[ыэёъ]", re.I)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_NOISE = re.compile(r"https?://\S+|\S+@\S+|[\d$€£₴%.,:;!?()\[\]\"'«»„“”/\\+*#=_-]+")
_lock = threading.Lock()
_model: Any = None


def _identifier() -> Any:
    global _model
    with _lock:
        if _model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            ident.set_languages(list(LANGUAGES))
            _model = ident
        return _model


def warm_up() -> None:
    """Load the model now (the server does this at start, so no request pays for it)."""
    _identifier()


def letters(text: str) -> int:
    return len(_CYRILLIC.findall(text)) + len(_LATIN.findall(text))


def script(text: str, min_letters: int = 4) -> str | None:
    """'cyrillic' or 'latin' when one of them clearly dominates the letters, else None."""
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if cyr + lat < min_letters:
        return None
    if cyr >= 4 * lat:
        return "cyrillic"
    if lat >= 4 * cyr:
        return "latin"
    return None


def identify(text: str) -> str | None:
    """The language of `text`, or None when it is too short to tell."""
    clean = " ".join(_NOISE.sub(" ", text).split())
    if letters(clean) < MIN_LETTERS:
        return None
    cyr, lat = len(_CYRILLIC.findall(clean)), len(_LATIN.findall(clean))
    if cyr > 2 * lat:  # Cyrillic: the letters decide where they can, the model where they cannot
        uk, ru = len(_UK_ONLY.findall(clean)), len(_RU_ONLY.findall(clean))
        if uk and not ru:
            return "uk"
        if ru and not uk:
            return "ru"
        clean = _LATIN.sub("", clean)  # a brand name in Latin letters does not make it English
    elif lat > 2 * cyr:
        clean = _CYRILLIC.sub("", clean)  # a closing "дякую" does not make an English text Ukrainian
    lang, _ = _identifier().classify(clean)
    return str(lang)


def detect_language(text: str, supported: tuple[str, ...] = ("en", "uk")) -> str:
    """One of `supported`: the identified language, else the supported one written in the same script."""
    lang = identify(text)
    if lang in supported:
        return str(lang)
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    cyrillic = [s for s in supported if s in ("uk", "ru")]
    latin = [s for s in supported if s not in ("uk", "ru")]
    if cyr > lat and cyrillic:
        return cyrillic[0]
    return latin[0] if latin else supported[0]

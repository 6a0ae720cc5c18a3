"""The one language identifier: py3langid (a maintained fork of langid.py that ships its model),
restricted to the languages coach meets, plus the letters that tell Ukrainian from Russian.

Chosen by measurement (benchmarks/language_id.py): on full sentences py3langid, langid and lingua
were all exact; on short replies py3langid made the fewest errors among the fast ones, loads in
about half a second and adds 4.5 MB (lingua: 96 MB and ~15 ms per text; pycld2 gives up on short
texts). Nothing is downloaded at run time.

The model ships LZMA-compressed (4.5 MB, 68 MB once unpacked); unpacking it took 1-3 s of every
cold start. The first load keeps the unpacked tables, cut to LANGUAGES, in the data dir's cache
(an uncompressed .npz, ~41 MB) and later processes read that instead: the same identifier,
the same answers (tests/guard/test_language.py compares them).

    identify(text)                 -> "en" | "uk" | "ru" | "es" | ... | None (too little text to tell)
    detect_language(text, ("en", "uk"))  -> one of the supported languages (tags chunks, picks templates)
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

# Czech and Slovak are here so a Czech reply to a Polish customer is told apart (without them it reads
# as Polish); detect_language takes them as Polish where Polish is supported.
LANGUAGES = ("en", "uk", "ru", "es", "de", "fr", "pt", "pl", "it", "nl", "cs", "sk")
_NEIGHBOURS = {"cs": "pl", "sk": "pl"}
MIN_LETTERS = 12  # below this no identifier is reliable: the guard does not judge the language
_UK_ONLY = re.compile(r"[іїєґ]", re.I)
_RU_ONLY = re.compile(r"[ыэёъ]", re.I)
# Frequent words of one of the two only, for short Cyrillic texts with none of the telling letters
# ("Скасуйте, будь ласка" / "Отмените, пожалуйста")
_UK_WORDS = re.compile(r"(?<![\u0400-\u04FF])(?:що|щоб|це|цей|ця|ми|ви|та|але|або|будь|ласка|дякую|вже|зараз|тому|"
                       r"будемо|хочемо|можемо|треба|скасуйте|зменште|призупиніть)(?![\u0400-\u04FF])", re.I)
_RU_WORDS = re.compile(r"(?<![\u0400-\u04FF])(?:что|чтобы|это|этот|эта|мы|вы|но|или|пожалуйста|спасибо|уже|сейчас|"
                       r"поэтому|будем|хотим|можем|нужно|надо|отмените|уменьшите|приостановите)(?![\u0400-\u04FF])", re.I)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LATIN_NAME = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ɏ]*(?![^\W\d_])")
_CYRILLIC_NAME = re.compile(r"(?<![^\W\d_])[\u0400-\u042F\u0490\u0404\u0406\u0407][\u0400-\u04FF]*(?![^\W\d_])")
_LATIN_WORD = re.compile(r"(?<![^\W\d_])[A-Za-zÀ-ɏ]+(?![^\W\d_])")
_CYRILLIC_WORD = re.compile(r"(?<![^\W\d_])[\u0400-\u04FF]+(?![^\W\d_])")
_NOISE = re.compile(r"https?://\S+|\S+@\S+|[\d$€£₴%.,:;!?()\[\]\"'«»„“”/\\+*#=_-]+")
_lock = threading.Lock()
_model: Any = None


def _cache_dir() -> Path | None:
    # Resolved here, like the diagnosis' caches: every caller of identify() would otherwise have to
    # carry the settings. No usable settings means no cache, never a failure to identify.
    try:
        from coach.config import get_settings

        return get_settings().resolved_cache_dir
    except Exception:  # noqa: BLE001 - a bad environment is reported where settings are used
        return None


def _as_array(values: Any) -> Any:
    """NumPy unsigned ints -> the stdlib array py3langid walks its automaton with."""
    from array import array

    import numpy as np

    arr = np.ascontiguousarray(values)
    out = array({2: "H", 4: "I", 8: "L"}[arr.dtype.itemsize])
    out.frombytes(arr.tobytes())
    return out


def load_identifier(cache_dir: Path | None) -> Any:
    """py3langid's model restricted to LANGUAGES, from the unpacked copy in `cache_dir` when there is one."""
    import numpy as np
    from py3langid import langid

    source = langid.MODEL_DIR / langid.MODEL_FILE
    st = source.stat()
    cached = cache_dir / f"langid-{st.st_size}-{st.st_mtime_ns}-{'-'.join(LANGUAGES)}.npz" if cache_dir else None
    if cached is not None and cached.exists():
        try:
            with np.load(cached, allow_pickle=False) as d:
                ident = langid.LanguageIdentifier(
                    d["ptc"], d["pc"], d["classes"].tolist(), _as_array(d["nextmove"]), d["output"].tolist(),
                    norm_probs=True, tk_row=_as_array(d["row"]))
            ident.set_languages(list(LANGUAGES))
            return ident
        except (OSError, ValueError, KeyError):
            pass  # a damaged or foreign file: unpack again and overwrite it
    ident = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp.npz")
            np.savez(tmp, ptc=ident.nb_ptc, pc=ident.nb_pc, classes=np.array(ident.nb_classes),
                     nextmove=np.frombuffer(ident.tk_nextmove, f"u{ident.tk_nextmove.itemsize}"),
                     row=np.frombuffer(ident.tk_row, f"u{ident.tk_row.itemsize}"),
                     output=np.asarray(ident.tk_output, np.int32))
            os.replace(tmp, cached)
        except OSError:
            pass  # a read-only data dir: the next process unpacks again
    return ident


def _identifier() -> Any:
    global _model
    with _lock:
        if _model is None:
            _model = load_identifier(_cache_dir())
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


def _without_names(text: str) -> str:
    """A text mixing scripts, neither dominating ("скасуйте Social Media", "Please cancel «Усмішка»
    CRM"): when every word of one script is capitalised, those words are names (services, brands,
    people) and are dropped; the other script's words carry the language."""
    cyr, lat = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if not cyr or not lat or cyr > 2 * lat or lat > 2 * cyr:
        return text
    latin_words, cyrillic_words = _LATIN_WORD.findall(text), _CYRILLIC_WORD.findall(text)
    latin_names = all(_LATIN_NAME.fullmatch(w) for w in latin_words)
    cyrillic_names = all(_CYRILLIC_NAME.fullmatch(w) for w in cyrillic_words)
    if latin_names and not cyrillic_names:
        return " ".join(_LATIN_WORD.sub(" ", text).split())
    if cyrillic_names and not latin_names:
        return " ".join(_CYRILLIC_WORD.sub(" ", text).split())
    return text


# A pure function of the text, kept for the texts seen last: a template's paragraphs recur in every draft
# ("Thanks for telling me clearly...", the counter's lines), and each reading costs ~0.5 ms.
@lru_cache(maxsize=4096)
def identify(text: str) -> str | None:
    """The language of `text`, or None when it is too short to tell."""
    clean = _without_names(" ".join(_NOISE.sub(" ", text).split()))
    if letters(clean) < MIN_LETTERS:
        return None
    cyr, lat = len(_CYRILLIC.findall(clean)), len(_LATIN.findall(clean))
    if cyr > 2 * lat:  # Cyrillic: the letters decide where they can, the model where they cannot
        uk, ru = len(_UK_ONLY.findall(clean)), len(_RU_ONLY.findall(clean))
        if uk and not ru:
            return "uk"
        if ru and not uk:
            return "ru"
        if not uk and not ru:
            uk_words, ru_words = len(_UK_WORDS.findall(clean)), len(_RU_WORDS.findall(clean))
            if uk_words != ru_words:
                return "uk" if uk_words > ru_words else "ru"
        clean = _LATIN.sub("", clean)  # a brand name in Latin letters does not make it English
    elif lat > 2 * cyr:
        clean = _CYRILLIC.sub("", clean)  # a closing "дякую" does not make an English text Ukrainian
    lang, _ = _identifier().classify(clean)
    return str(lang)


@lru_cache(maxsize=4096)
def identify_sure(text: str, min_prob: float = 0.99) -> str | None:
    """The language of `text` when the identifier is sure of it (a paragraph inside a longer reply: a
    doubtful reading there is left alone), else None."""
    clean = _without_names(" ".join(_NOISE.sub(" ", text).split()))
    if letters(clean) < MIN_LETTERS:
        return None
    lang = identify(text)
    cyr, lat = len(_CYRILLIC.findall(clean)), len(_LATIN.findall(clean))
    if lang in ("uk", "ru") and cyr > 2 * lat:
        return lang  # the letters decided, or the model on Cyrillic alone
    if lat > 2 * cyr:
        clean = _CYRILLIC.sub("", clean)
    got, prob = _identifier().classify(clean)
    return str(got) if got == lang and prob >= min_prob else None


def detect_language(text: str, supported: tuple[str, ...] = ("en", "uk")) -> str:
    """One of `supported`: the identified language, else the supported one written in the same script."""
    lang = identify(text)
    if lang in supported:
        return str(lang)
    if lang in _NEIGHBOURS and _NEIGHBOURS[lang] in supported:
        return _NEIGHBOURS[lang]
    named = _without_names(" ".join(_NOISE.sub(" ", text).split()))
    cyr, lat = len(_CYRILLIC.findall(named)), len(_LATIN.findall(named))
    cyrillic = [s for s in supported if s in ("uk", "ru")]
    latin = [s for s in supported if s not in ("uk", "ru")]
    if cyr > lat and cyrillic:
        return cyrillic[0]
    return latin[0] if latin else supported[0]

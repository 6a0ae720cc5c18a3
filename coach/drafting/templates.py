"""Jinja templates in prompts/templates/<lang>/; a missing variable is an error, never blank text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, TemplateNotFound

from coach.errors import CoachRunError

LANGUAGES = ("en", "uk", "es", "de", "fr", "pt", "pl")
REPLY_PARTS = ("acknowledgment", "counter")


def money(value: float | None) -> str:
    return "" if value is None else f"${value:,.2f}"


def pct(value: float | None) -> str:
    return "" if value is None else f"{value:g}%"


AND = {"en": "and", "uk": "та", "es": "y", "de": "und", "fr": "et", "pt": "e", "pl": "i"}


def listing(names: list[str] | tuple[str, ...], language: str = "en") -> str:
    """"PPC", "PPC and Social Media", "PPC, Social Media and Email" (in the reply's language)."""
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(language, 'and')} {items[-1]}"


@lru_cache(maxsize=4)
def _env(prompts_dir: str) -> Environment:
    # Compiling a template costs a new process ~20 ms; jinja's bytecode cache (a private folder
    # under the temp dir, entries keyed by the source's checksum) keeps the compiled code.
    env = Environment(loader=FileSystemLoader(str(Path(prompts_dir) / "templates")),
                      undefined=StrictUndefined, autoescape=False, trim_blocks=False,
                      keep_trailing_newline=False, bytecode_cache=FileSystemBytecodeCache())
    env.filters["money"] = money
    env.filters["pct"] = pct
    env.filters["listing"] = listing
    return env


@lru_cache(maxsize=8)
def _languages(prompts_dir: str) -> tuple[str, ...]:
    root = Path(prompts_dir) / "templates"
    return tuple(lang for lang in LANGUAGES if all((root / lang / f"{p}.j2").is_file() for p in REPLY_PARTS))


def template_languages(prompts_dir: Path) -> tuple[str, ...]:
    """Languages with a full set of reply templates (acknowledgment and counter)."""
    return _languages(str(prompts_dir))


def render(prompts_dir: Path, language: str, name: str, **context: object) -> str:
    lang = language if language in LANGUAGES else "en"
    try:
        template = _env(str(prompts_dir)).get_template(f"{lang}/{name}.j2")
    except TemplateNotFound:
        if lang == "en":
            raise CoachRunError(f"prompts/templates/{lang}/{name}.j2: template missing") from None
        return render(prompts_dir, "en", name, **context)  # a language without this template: English
    text = template.render(**context)
    lines = [ln.rstrip() for ln in text.strip().splitlines()]
    out: list[str] = []
    for ln in lines:  # collapse runs of blank lines left by template branches
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out)

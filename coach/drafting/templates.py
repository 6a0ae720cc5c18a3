"""Jinja templates in prompts/templates/<lang>/; a missing variable is an error, never blank text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    pass_context,
)
from jinja2.runtime import Context

from coach.errors import CoachRunError

LANGUAGES = ("en", "uk", "es", "de", "fr", "pt", "pl")
REPLY_PARTS = ("acknowledgment", "counter")


# How each reply language writes an amount and a day: thousands and decimal marks, the sign's place.
_MONEY = {"en": (",", ".", "${}"), "uk": ("\u00a0", ",", "{}\u00a0$"), "fr": ("\u00a0", ",", "{}\u00a0$"),
          "pl": ("\u00a0", ",", "{}\u00a0$"), "de": (".", ",", "{}\u00a0$"), "es": (".", ",", "{}\u00a0$"),
          "pt": (".", ",", "{}\u00a0$")}
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
# Dates sit in running text: "1 липня 2029 року", "21 stycznia 2027 roku" (never an abbreviation that
# collides with the sentence's full stop).
_DAY = {"en": "{month} {d}, {y}", "uk": "{d} {month} {y} року", "fr": "{d} {month} {y}", "de": "{d}. {month} {y}",
        "es": "{d} de {month} de {y}", "pt": "{d} de {month} de {y}", "pl": "{d} {month} {y} roku"}


def plain_money(value: float, currency: str = "USD") -> str:
    """An amount for the CSM's own view and the model's prompt: $4,600.00, or 4,600.00 EUR."""
    code = (currency or "USD").upper()
    return f"${value:,.2f}" if code == "USD" else f"{value:,.2f} {code}"


_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}
_LOCAL_NAME = {("uk", "UAH"): "грн", ("pl", "PLN"): "zł"}


def money(value: float | None, language: str = "en", currency: str = "USD") -> str:
    """An amount in the account's currency as the reply's language writes it: $4,600.00 and €4,600.00 in
    English, 4 600,00 $ in Ukrainian, French and Polish, 4.600,00 € in German, Spanish and Portuguese; a
    currency with no sign here by its code (4,600.00 UAH) or its local name (4 600,00 грн)."""
    if value is None:
        return ""
    thousands, decimal, shape = _MONEY.get(language, _MONEY["en"])
    digits = f"{value:,.2f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    code = (currency or "USD").upper()
    sign = _SYMBOL.get(code) or _LOCAL_NAME.get((language, code))
    if sign is None:  # "4,600.00 UAH": a code goes after the figure, in every language
        return f"{digits}\u00a0{code}" if language != "en" else f"{digits} {code}"
    return shape.replace("$", sign).format(digits) if len(sign) == 1 else f"{digits}\u00a0{sign}"


def day(value: date | str | None, language: str = "en") -> str:
    """A date as a person writes it in the reply's language ("January 20, 2027", "20 січня 2027 року")."""
    if value is None or value == "":
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value))
    months = _MONTHS.get(language, _MONTHS["en"]).split()
    return _DAY.get(language, _DAY["en"]).format(d=d.day, month=months[d.month - 1], y=d.year)


def _language_of(ctx: Context) -> str:
    """The reply's language: the folder of the template being rendered (prompts/templates/<lang>/)."""
    name = ctx.name or ""
    return name.split("/", 1)[0] if "/" in name else "en"


def _in_reply_language(fn: Callable[[Any, str], str]) -> Callable[..., str]:
    """`fn(value, language)` as a template filter, in the language of the template being rendered."""

    @pass_context
    def apply(ctx: Context, value: Any) -> str:
        return fn(value, _language_of(ctx))

    return apply


@pass_context
def _money_filter(ctx: Context, value: Any) -> str:
    """money() in the template's language and the account's currency (the `currency` variable; USD when
    a template is rendered without one)."""
    return money(value, _language_of(ctx), str(ctx.get("currency") or "USD"))


# A percentage: French, German and Spanish put a (non-breaking) space before the sign ("13 %").
_PCT = {"fr": "{}\u00a0%", "de": "{}\u00a0%", "es": "{}\u00a0%"}
_DECIMAL_COMMA = {"uk", "fr", "de", "es", "pt", "pl"}


def pct(value: float | None, language: str = "en") -> str:
    """13% in English; 13 % in French, German and Spanish; a decimal comma where the language uses one."""
    if value is None:
        return ""
    digits = f"{value:g}"
    if language in _DECIMAL_COMMA:
        digits = digits.replace(".", ",")
    return _PCT.get(language, "{}%").format(digits)


# "1 month", "24 months"; Ukrainian and Polish pick the plural form by the number's ending.
_MONTH_WORDS = {"en": ("month", "months", "months"), "uk": ("місяць", "місяці", "місяців"),
                "pl": ("miesiąc", "miesiące", "miesięcy"), "es": ("mes", "meses", "meses"),
                "pt": ("mês", "meses", "meses"), "de": ("Monat", "Monate", "Monate"), "fr": ("mois", "mois", "mois")}


def plural_form(n: int, language: str) -> int:
    """0: one, 1: few (2-4, 22-24...: Ukrainian and Polish), 2: many."""
    if language in ("uk", "pl"):
        if n % 10 == 1 and n % 100 != 11:
            return 0 if language == "uk" or n == 1 else 2
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 2


def months(value: int | float | None, language: str = "en") -> str:
    """A duration in months with the right plural: "24 months", "24 місяці", "10 miesięcy", "1 місяць"."""
    if value is None:
        return ""
    n = int(value)
    word = _MONTH_WORDS.get(language, _MONTH_WORDS["en"])[plural_form(n, language)]
    return f"{n} {word}"


@pass_context
def _plural_filter(ctx: Context, value: int | float | None, one: str, few: str, many: str | None = None) -> str:
    """A count with its noun in the form the number needs: {{ n|plural("місце", "місця", "місць") }}."""
    if value is None:
        return ""
    n = int(value)
    return f"{n} {(one, few, many or few)[plural_form(n, _language_of(ctx))]}"


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def vocative(name: str, language: str = "uk") -> str:
    """A Ukrainian first name in the vocative case, as a greeting needs it ("Олена" -> "Олено",
    "Марія" -> "Маріє", "Андрій" -> "Андрію", "Тарас" -> "Тарасе"). Other languages, and names not
    written in Cyrillic, are left as they are."""
    n = (name or "").strip()
    if language != "uk" or len(n) < 2 or not _CYRILLIC.search(n[-1]):
        return n
    low = n.casefold()
    if low.endswith("ія"):
        return n[:-1] + "є"
    if low.endswith("я"):
        return n[:-1] + "е"
    if low.endswith("а"):
        return n[:-1] + ("е" if low[-2] in "жчшщ" else "о")
    if low.endswith("ій") or low.endswith("й"):
        return n[:-1] + "ю"
    if low.endswith(("ро", "ло")):
        return n[:-1] + "е"
    if low.endswith("ь"):
        return n[:-1] + "ю"
    if low[-1] in "кгх":
        return n + "у"
    if low[-1] in "бвджзлмнпрстфцчшщ":
        return n + "е"
    return n


AND = {"en": "and", "uk": "та", "es": "y", "de": "und", "fr": "et", "pt": "e", "pl": "i"}


def listing(names: list[str] | tuple[str, ...], language: str = "en") -> str:
    """"PPC", "PPC and Social Media", "PPC, Social Media and Email" (in the reply's language)."""
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(language, 'and')} {items[-1]}"


# Ukrainian declines a company's name, which the name itself cannot do: it goes in guillemets after
# "компанія" ("для компанії «Стоматологія Усмішка»"). The reply's fallback ("вашої компанії") is left.
_UK_FALLBACK = ("вашої компанії", "ваша компанія")


def _uk_company(value: str, case: str) -> str:
    v = (value or "").strip()
    if not v or v in _UK_FALLBACK:
        return "ваша компанія" if case == "nom" else "вашої компанії"
    quoted = v if v.startswith("«") else f"«{v}»"
    return f"{'компанія' if case == 'nom' else 'компанії'} {quoted}"


def company_of(value: str) -> str:
    """Genitive: "компанії «Стоматологія Усмішка»"."""
    return _uk_company(value, "gen")


def company(value: str) -> str:
    """Nominative: "компанія «Стоматологія Усмішка»"."""
    return _uk_company(value, "nom")


# Compiled templates call the filters as this module defines them (a context filter is called with the
# context): entries compiled by another version of this module must not be reused.
_CACHE_PATTERN = f"__coach_jinja2_{hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:10]}_%s.cache"


@lru_cache(maxsize=4)
def _env(prompts_dir: str) -> Environment:
    # Compiling a template costs a new process ~20 ms; jinja's bytecode cache (a private folder
    # under the temp dir, entries keyed by the source's checksum) keeps the compiled code.
    env = Environment(loader=FileSystemLoader(str(Path(prompts_dir) / "templates")),
                      undefined=StrictUndefined, autoescape=False, trim_blocks=False,
                      keep_trailing_newline=False, bytecode_cache=FileSystemBytecodeCache(pattern=_CACHE_PATTERN))
    for name, fn in (("day", day), ("pct", pct), ("months", months)):
        env.filters[name] = _in_reply_language(fn)
    env.filters["money"] = _money_filter
    env.filters["plural"] = _plural_filter
    env.filters["vocative"] = vocative
    env.filters["company_of"] = company_of
    env.filters["company"] = company
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

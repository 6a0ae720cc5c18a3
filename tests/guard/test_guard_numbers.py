"""The number reader: properties over generated numbers (digits and words in en, uk, de, es, fr, pt, pl),
and the guard's promise built on it: a fact restated, in digits or in words, is never an unstated number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.config import get_settings
from coach.guard import Facts, GuardContext, guard_for
from coach.guard.lexicon import guard_data
from coach.guard.numbers import Quantity, read_quantities

WORDS = tuple(guard_data(get_settings().knowledge_dir).compiled.number_languages.values())
GUARD = guard_for(get_settings())

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
            "seventeen eighteen nineteen".split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def en_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 ("three thousand six hundred and five")."""
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        return _EN_TENS[n // 10] + (f"-{_EN_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{_EN_UNITS[n // 100]} hundred" + (f" and {en_words(n % 100)}" if n % 100 else "")
    return f"{en_words(n // 1000)} thousand" + (f" {en_words(n % 1000)}" if n % 1000 else "")


_UK_UNITS = ["", "одна", "дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять", "одинадцять",
             "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять", "шістнадцять", "сімнадцять", "вісімнадцять",
             "дев'ятнадцять"]
_UK_TENS = ["", "", "двадцять", "тридцять", "сорок", "п'ятдесят", "шістдесят", "сімдесят", "вісімдесят", "дев'яносто"]
_UK_HUNDREDS = ["", "сто", "двісті", "триста", "чотириста", "п'ятсот", "шістсот", "сімсот", "вісімсот", "дев'ятсот"]


def uk_words(n: int) -> str:
    """Ukrainian words for 1 <= n < 1,000,000 (feminine units, as before «тисяча» and «гривня»)."""
    parts: list[str] = []
    if n >= 1000:
        t = n // 1000
        parts += [uk_words(t), "тисяч" if t % 10 >= 5 or t % 10 == 0 or 10 < t % 100 < 20 else "тисячі"]
        n %= 1000
    parts.append(_UK_HUNDREDS[n // 100])
    n %= 100
    if n < 20:
        parts.append(_UK_UNITS[n])
    else:
        parts += [_UK_TENS[n // 10], _UK_UNITS[n % 10]]
    return " ".join(p for p in parts if p)


_DE_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
             "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
_DE_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def de_words(n: int) -> str:
    """German numbers written as one word (1 <= n < 1,000,000): "zweitausendvierhundertsiebenundzwanzig"."""
    out = ""
    if n >= 1000:
        out += de_words(n // 1000) + "tausend"
        n %= 1000
    if n >= 100:
        out += _DE_UNITS[n // 100] + "hundert"
        n %= 100
    if n >= 20:
        out += (_DE_UNITS[n % 10] + "und" if n % 10 else "") + _DE_TENS[n // 10]
    elif n:
        out += _DE_UNITS[n]
    return out


_ES_UNITS = ["", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
             "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte",
             "veintiún", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
             "veintiocho", "veintinueve"]
_ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
_ES_HUNDREDS = ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
                "setecientos", "ochocientos", "novecientos"]


def es_words(n: int) -> str:
    """Spanish words for 1 <= n < 1,000,000, leaving out 11 ("once" is an English word the reader skips)."""
    parts: list[str] = []
    if n >= 1000:
        parts += ([] if n // 1000 == 1 else [es_words(n // 1000)]) + ["mil"]
        n %= 1000
    if n == 100:
        return " ".join([*parts, "cien"])
    parts.append(_ES_HUNDREDS[n // 100])
    n %= 100
    if n < 30:
        parts.append(_ES_UNITS[n])
    else:
        parts += [_ES_TENS[n // 10]] + (["y", _ES_UNITS[n % 10]] if n % 10 else [])
    return " ".join(p for p in parts if p)


_FR_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
             "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
_FR_TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"]


def _fr_below_100(n: int) -> str:
    if n < 20:
        return _FR_UNITS[n]
    if n < 70:
        tens, unit = _FR_TENS[n // 10], n % 10
        return tens + (" et un" if unit == 1 else f"-{_FR_UNITS[unit]}" if unit else "")
    if n < 80:  # soixante-dix, soixante et onze, soixante-douze ...
        return "soixante" + (" et onze" if n == 71 else f"-{_FR_UNITS[n - 60]}")
    return "quatre-vingt" + (f"-{_FR_UNITS[n - 80]}" if n > 80 else "s")


def fr_words(n: int) -> str:
    """French words for 1 <= n < 1,000,000, the vigesimal way ("quatre-vingt-dix-sept", "soixante et onze")."""
    parts: list[str] = []
    if n >= 1000:
        parts += ([] if n // 1000 == 1 else [fr_words(n // 1000).replace("quatre-vingts", "quatre-vingt")]) + ["mille"]
        n %= 1000
    if n >= 100:
        h = n // 100
        parts.append("cent" if h == 1 else f"{_FR_UNITS[h]} cent" + ("s" if n % 100 == 0 else ""))
        n %= 100
    if n:
        parts.append(_fr_below_100(n))
    return " ".join(parts)


def numbers(text: str) -> list[Quantity]:
    return read_quantities(text, WORDS)


def only(text: str) -> Quantity:
    found = numbers(text)
    assert len(found) == 1, (text, found)
    return found[0]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10, max_value=999_999))
def test_english_words_read_as_their_value(n: int) -> None:
    q = only(f"that would be {en_words(n)} for the team")
    assert (q.kind, q.value, q.in_words) == ("number", n, True)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10, max_value=999_999))
def test_ukrainian_words_read_as_their_value(n: int) -> None:
    q = only(f"це буде {uk_words(n)} для команди")
    assert (q.kind, q.value) == ("number", n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10, max_value=999_999))
def test_german_compound_words_read_as_their_value(n: int) -> None:
    q = only(f"das wären {de_words(n)} für das Team")
    assert (q.kind, q.value) == ("number", n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=12, max_value=999_999).filter(lambda n: n % 100 != 11 and n // 1000 % 100 != 11))
def test_spanish_words_read_as_their_value(n: int) -> None:
    q = only(f"serían {es_words(n)} para el equipo")
    assert (q.kind, q.value) == ("number", n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=999_999))
def test_french_words_read_as_their_value(n: int) -> None:
    """Including the vigesimal tens: "quatre-vingt-dix" is 90, "trois mille six cent quatre-vingt-dix" 3690."""
    q = only(f"ce serait {fr_words(n)} euros par mois")
    assert (q.kind, q.value) == ("money", n), fr_words(n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=9_999_999), st.sampled_from([",", " ", "\u00a0", "."]))
def test_grouped_digits_read_as_their_value(n: int, sep: str) -> None:
    grouped = f"{n:,}".replace(",", sep)
    q = only(f"the new price is ${grouped} a month")
    assert (q.kind, q.value) == ("money", n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["%", " percent", " per cent"]))
def test_percentages_in_digits_and_words(n: int, sign: str) -> None:
    assert (only(f"{n}{sign} off").kind, only(f"{n}{sign} off").value) == ("percent", n)
    q = only(f"{en_words(n)}{sign} off")
    assert (q.kind, q.value) == ("percent", n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=60), st.sampled_from([("months", 1), ("years", 12), ("quarters", 3)]))
def test_durations_in_words_are_months(n: int, unit: tuple[str, int]) -> None:
    name, months = unit
    q = only(f"for {en_words(n)} more {name}")
    assert (q.kind, q.value) == ("duration", n * months)


@pytest.mark.parametrize("text, kind, value", [
    ("a fifth off the list price", "percent", 20),
    ("roughly a quarter off", "percent", 25),
    ("half a year free", "duration", 6),
    ("a year and a half", "duration", 18),
    ("two more years", "duration", 24),
    ("a free month", "duration", 1),
    ("two free months", "duration", 2),
    ("ten per cent off", "percent", 10),
    ("пів року", "duration", 6),
    ("півтора року", "duration", 18),
    ("місяць соцмереж безкоштовно", "duration", 1),
    ("двадцять чотири місяці", "duration", 24),
    ("сорок п'ять відсотків", "percent", 45),
    ("veinticuatro meses", "duration", 24),
    ("un año y medio", "duration", 18),
    ("medio año", "duration", 6),
    ("una quinta parte de descuento", "percent", 20),
    ("vierundzwanzig Monate", "duration", 24),
    ("ein halbes Jahr", "duration", 6),
    ("zehn Prozent Rabatt", "percent", 10),
    ("vingt-quatre mois", "duration", 24),
    ("un an et demi", "duration", 18),
    ("deux cent quarante euros", "money", 240),
    ("dix pour cent", "percent", 10),
    ("vinte e quatro meses", "duration", 24),
    ("meio ano", "duration", 6),
    ("três mil e seiscentos euros", "money", 3600),
    ("dwadzieścia cztery miesiące", "duration", 24),
    ("pół roku", "duration", 6),
    ("trzy lata", "duration", 36),
    ("dwa tysiące trzysta euro", "money", 2300),
    ("trois mille six cent quatre-vingt-dix euros", "money", 3690),
    ("quatre-vingts euros", "money", 80),
    ("a month free each year", "duration", 1),  # a free period with its frequency is still a period
    # the half after a whole number belongs to it (twelfth pass)
    ("seven and a half percent off", "percent", 7.5),
    ("for three and a half years", "duration", 42),
    ("siete y medio por ciento", "percent", 7.5),
    ("sept et demi pour cent", "percent", 7.5),
    ("сім з половиною відсотків", "percent", 7.5),
    ("4 and a half percent", "percent", 4.5),
])
def test_words_fractions_and_durations(text: str, kind: str, value: float) -> None:
    q = [q for q in numbers(text) if q.kind == kind]
    assert q and abs(q[0].value - value) < 0.01, numbers(text)


@pytest.mark.parametrize("text", [
    "invoiced once a year",  # Spanish "once" (11) is an English word
    "el quinto mes",  # ordinals are not fractions
    "le cinquième mois",
    "trzeci miesiąc",
    "our social media posts",
    "Achtung, wir melden uns",
    # twelfth pass: German "jeden" (every) is not Polish "jeden"; Portuguese "dos" after an adjective is
    # "of the"
    "Wir schicken Ihnen jeden Montag einen kurzen Bericht",
    "a fatura anterior dos serviços",
    "o valor mensal dos módulos",
])
def test_words_that_are_not_figures(text: str) -> None:
    assert [q for q in numbers(text) if not (q.in_words and q.kind == "number" and q.value < 10)] == []


@pytest.mark.parametrize("text", ["bajar de 900 € a unos 700 €", "pasar de 900 € a algo menos de 700 €"])
def test_a_preposition_after_a_currency_sign_is_no_amount(text: str) -> None:
    assert sorted(q.value for q in numbers(text) if q.kind == "money") == [700, 900]


@pytest.mark.parametrize("text, iso", [
    ("1 de febrero de 2027", "2027-02-01"),
    ("1er février 2027", "2027-02-01"),
    ("1. Februar 2027", "2027-02-01"),
    ("1 March 2027", "2027-03-01"),
    ("we'll talk again in March", "--03"),
    ("переглянемо бюджет у березні", "--03"),
    ("wir sprechen im März wieder", "--03"),
    ("hablamos a partir de marzo", "--03"),
    ("porozmawiamy w marcu", "--03"),
])
def test_dates_in_other_languages(text: str, iso: str) -> None:
    assert only(text).iso == iso


def test_a_month_named_alone_is_the_month_of_a_fact() -> None:
    f = Facts()
    f.allow("2027-03-01")
    assert unstated_dates("Billing resumes in March.", f) == []
    assert unstated_dates("Let's review it again in June.", f) == ["unstated_date"]
    assert numbers("you may want to review it") == []


SPRING, AUTUMN = "--03|--04|--05", "--09|--10|--11"


@pytest.mark.parametrize("text, iso", [
    ("we could look again around mid-spring", SPRING),
    ("let's pick this up by next spring", SPRING),
    ("повернімося до цього восени", AUTUMN),
    ("зробимо це до весни", SPRING),
    ("lo vemos a mediados de otoño", AUTUMN),
    ("wir melden uns im Herbst", AUTUMN),
    ("on en reparle à l'automne", AUTUMN),
    ("retomamos no outono", AUTUMN),
    ("wrócimy do tematu jesienią", AUTUMN),
    ("we can review the numbers at the end of Q2", "--04|--05|--06"),
    ("a check-in in Q4 2027", "2027-10|2027-11|2027-12"),
    ("could we talk in the first week of June", "--06"),
])
def test_seasons_quarters_and_weeks_are_dates(text: str, iso: str) -> None:
    assert only(text).iso == iso


def test_a_season_is_a_fact_when_a_fact_date_falls_in_it() -> None:
    f = Facts()
    f.allow("2027-04-01")
    assert unstated_dates("Billing picks up again in spring.", f) == []
    assert unstated_dates("We'll review the plan in the autumn.", f) == ["unstated_date"]
    assert numbers("your spring campaign and the summer menu") == []  # a season with no lead is no date
    assert unstated_dates("We spoke in the autumn about it.", f) == []  # past: no term offered


@pytest.mark.parametrize("text, kind, value_or_iso", [
    ("could you confirm by Thursday", "date", "W4"),
    ("we can talk next Monday", "date", "W1"),
    ("підготуємо все до п'ятниці", "date", "W5"),
    ("the form is due on the 20th", "date", "---20"),
    ("the quote holds until the end of next week", "date", "R"),
    ("rates are set each March", "date", "--03"),
    ("halving the monthly spend", "percent", 50),
    ("скоротити бюджет удвічі", "percent", 50),
    ("the first year is invoiced differently", "duration", 12),
    ("der Vertrag verlängert sich um jeweils ein Jahr", "duration", 12),
    ("if you sign before day 20", "date", "---20"),
    ("firmando antes del día quince", "date", "---15"),
    ("com assinatura até ao dia vinte", "date", "---20"),
    ("we'll freeze it for the whole of January", "date", "--01"),
    ("a $3,600 monthly fee", "money", 3600),  # the article belongs to the figure, it is no "1"
])
def test_weekdays_days_relative_dates_halves_and_first_years(text: str, kind: str, value_or_iso: object) -> None:
    q = only(text)
    assert q.kind == kind and (q.iso == value_or_iso if kind == "date" else q.value == value_or_iso)


def test_small_counts_of_seats_are_figures() -> None:
    f = Facts()
    f.allow(32, 40)
    assert unstated("We could drop six seats today.", f) == ["unstated_number"]
    assert unstated("Two quick questions before I write the proposal.", f) == []
    assert unstated("Зможемо прибрати три ліцензії.", f) == ["unstated_number"]


def test_a_weekday_or_day_is_a_fact_when_a_fact_date_falls_on_it() -> None:
    f = Facts()
    f.allow("2027-03-01")  # a Monday
    assert unstated_dates("Billing resumes on Monday the 1st.", f) == []
    assert unstated_dates("Could we speak by Friday?", f) == ["unstated_date"]


def test_a_month_is_not_a_count_of_days() -> None:
    f = Facts()
    f.allow(30)  # 30 seats
    assert unstated("We could add a free month.", f) == ["unstated_number"]
    f.allow(30, 90)
    assert unstated("The trial lasts 30 days.", f) == []


def unstated_dates(text: str, f: Facts) -> list[str]:
    return [v.id for v in GUARD.check(text, GuardContext(stage="counter", facts=f, language=None),
                                      only=["unstated_date"])]


def unstated(text: str, f: Facts) -> list[str]:
    return [v.id for v in GUARD.check(text, GuardContext(stage="counter", facts=f, language=None),
                                      only=["unstated_number"])]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100, max_value=99_999), st.integers(min_value=1, max_value=20),
       st.sampled_from([12, 24, 36]))
def test_a_restated_fact_is_never_an_unstated_number(mrr: int, pct: int, months: int) -> None:
    f = Facts(hard_cap_pct=20)
    f.allow(float(mrr), float(pct))
    f.allow_months(months)
    for text in (f"${mrr:,} a month, {pct}% off, for {months} more months.",
                 f"{en_words(mrr)} dollars a month, {en_words(pct)} percent off, for {en_words(months)} more months.",
                 f"{en_words(mrr)} dollars a month, {en_words(pct)} percent off, for {months // 12} more years."
                 .replace(" 1 more years", " one more year")):
        assert unstated(text, f) == [], text


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100, max_value=99_999), st.integers(min_value=1, max_value=500))
def test_a_figure_that_is_not_a_fact_is_always_caught(mrr: int, delta: int) -> None:
    f = Facts()
    f.allow(float(mrr))
    assert unstated(f"${mrr + delta:,} a month", f) == ["unstated_number"]
    assert unstated(f"{en_words(mrr + delta)} dollars a month", f) == ["unstated_number"]

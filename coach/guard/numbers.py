"""The number reader: money, percentages, durations, dates and plain numbers, in digits or in words.

    read_quantities(text, words)  -> [Quantity(kind, value, text, start, end, iso, in_words)]

`words` are the languages' number vocabularies (knowledge/guard/<lang>.yaml `numbers`). Values are
normalised: money in its currency units, percentages in percent, durations in months (a year is 12,
a day 1/30.4), dates as ISO (YYYY-MM-DD, or --MM-DD / YYYY-MM when the year or day is left out).
"A fifth off" is a 20 percent discount, "half a year" six months, "two more years" 24 months,
"a year and a half" 18 months, "three thousand six hundred" 3600.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from coach.guard.lexicon import FLAGS, NumberWords
from coach.guard.scan import Alternation

DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Quantity:
    kind: str  # money | percent | duration | date | number
    value: float
    text: str
    start: int
    end: int
    iso: str = ""
    in_words: bool = False
    unit_months: float = 0.0  # durations: the unit written (a day is 1/30.4), 0 when not one unit
    # a period or month that is no term: in the past ("two weeks ago", "we spoke in March") or a
    # frequency ("seven days a week"). It is still a number (a diagnosis question has none).
    aside: bool = False
    counted: bool = False  # a number word before a counted noun ("six seats"): a figure however small
    # a place in the term, not a length ("the first year", "year one", "до кінця першого року"): the
    # policy computes lengths, so no fact ever states one
    position: bool = False


_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# a month read with "since" before it ("since January", "seit März", "depuis janvier") names a time past, never a
# term; "desde", "od" and «з» also mean "from" and stay with the clause's tense
_SINCE = re.compile(r"(?:ever\s+)?(?:since|seit|depuis)\s", re.I)
_DAY_OF_MONTH = re.compile(r"(?<![\w])the\s+(\d{1,2})(?:st|nd|rd|th)(?![\w])"
                           r"(?!\s+(?:of\s+)?(?:month|time|year|week))", re.I)
# a time of day ("um 10 Uhr", "at 10am", "10:30", "à 10h", "às 15h30", "a las 10", "o godz. 10", «о 10 годині»):
# a moment, never a fact (a fact's number such as a 10% discount is no "10 Uhr")
_CLOCK = re.compile(
    r"(?<![\w.,:/-])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?:\s?(?:Uhr\b|[ap]\.m\.|o'clock\b)|[ap]m\b"
    # "10 am" apart, before an English word or a stop (German "die 3 am häufigsten" is no time)
    r"|\s[ap]m\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:tomorrow|today|on|or|to|and|next|this|that|works?|would|will|suits?|if|for"
    r"|with|sharp|your|my|our|utc|gmt|cet|local)\b))"
    r"|(?<![\w.,:/-])(?:[01]?\d|2[0-3])h(?:[0-5]\d)?(?![\w])"
    r"|(?<![\w.,:/-])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?<![\w])(?:a las|o godz(?:\.|inie)?|godz\.)\s+(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?![\d]|[.,:]\d|\s\d)"
    r"|(?<![\w.,:/-])(?:[01]?\d|2[0-3])\s+годині\b",
    re.I)
_QUARTER = re.compile(r"(?<![\w])Q([1-4])(?:\s+(?:of\s+)?(\d{4}))?(?![\w])")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d|[./]\d)")
_DIGITS = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+|(?:\.\d{3})+)(?:[.,]\d{1,2})?"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
_ADDRESS = re.compile(
    r"\b\d{1,5}[a-z]?(?=\s+(?:(?:[A-Z][\w'’-]+|Ⓝ+)\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Drive|Dr\.?|Lane|Ln\.?"
    r"|Boulevard|Blvd\.?|Way|Place|Square|Court|Terrace|Parkway|Highway|Walk|Row|Close|Crescent|Mews|Gardens|Quay|Wharf"
    r"|Embankment|Circus|Yard|Hill|Green|Gate|Parade|Esplanade|Promenade|Plaza|Approach|Rise|Vale|Arcade)\b)"
    r"|\b\d{1,5}[a-z]?(?=\s+[A-Z][a-z]+(?:way|gate|street|road|side|wharf|quay)\b)"
    # a continental street name before its number, in a text of any language ("Wilhelminakade 91", "Keizersgracht 12")
    r"|(?-i:\b[A-ZÄÖÜ][a-zäöüß]+(?:straat|weg|laan|kade|plein|gracht|singel|dijk|straße|strasse|gasse|allee|platz))\s+\d{1,4}[a-z]?(?!\d)"
    r"|(?:вул\.|вулиця|просп\.|проспект|пров\.|бульв\.)\s[^\d\n,]{1,40},?\s*\d{1,4}[а-я]?\b")
# contact lines of a signature: phone numbers (international, "(415) 555-0192", a trunk "0" or a
# run of three or more digit groups ending a line), postcodes after an address comma or a US state,
# and suite or office numbers. None is a figure of the deal.
_CONTACT = re.compile(
    r"\+\d[\d ()./-]{6,}\d|\(\d{3}\)\s*\d{3}[-\s.]\d{4}"
    r"|(?<![\w.,$€£₴])0\d{1,4}(?:[ .-]\d{2,4}){2,}(?![\d%])"
    r"|(?<![\w.,$€£₴])\d{2,4}(?:[ .-]\d{2,4}){2,}(?=[ \t]*(?:$|\n|[|·)]))(?![\d%])"
    r"|(?<=[,·]\s)(?:\d{5}|\d{2}-\d{3})(?=\s+(?!Euro|Dollar|Pfund|Franken|Hryvn|Hrywn|Złot|Zlot|Гривн|Грив|Долар)"
    r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃÓА-ЯІЇЄҐ][a-zà-ÿłśżźćńóа-яіїєґ'-]+)"
    r"|(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
    r"|\b(?:Suite|Ste\.|Unit|Floor|Apt\.?|Office|оф\.|офіс|кв\.|Büro|piso|bureau|lok\.)\s*\d{1,5}\b",
    re.M)
# identifiers, not figures: reference codes ("ticket RT-20418", «звернення SM-7719», "Talleres N-340") and
# road names ("the new site on Route 9", "Ruta 40")
_IDENT = re.compile(r"(?<![\w-])[A-Z]{1,4}-\d{2,}(?![\d%]|[.,]\d)"
                    r"|\b(?:Route|Highway|Hwy|Interstate|Ruta|Carretera|Autovía|Autobahn|Bundesstraße|Rodovia"
                    r"|Estrada|Trasa|Droga|Траса|Автотраса)\s+\d{1,4}(?![\d%]|[.,]\d)")
# "12 000 000" closing a line is an amount written with thousands spaces, not a phone (nine digits or
# more in groups of three, "912 345 678", is one)
_AMOUNT_AT_LINE_END = re.compile(r"[1-9]\d{0,2} \d{3}|[1-9]\d? \d{3} \d{3}")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*", re.UNICODE)
_RUN = re.compile(r"\w+")
_APOS_RUN = re.compile(r"\w+(?:'\w+)*")  # "п'ятниці" is one word ("l'automne" is two: both are tried)
_GAP = re.compile(r"[\s-]*")
_THOUSANDS = re.compile(r"\s?[kK]\b")
# a figure in digits with its thousands written after it, as busy writers do ("1.44k/mo", "30 тис. грн",
# "52,5 тисячі", "16 Tsd. Euro", "2 mil euros", "12 tys. zł"): the figure it names
_SCALE_AFTER = re.compile(r"[ \u00a0]?[kK](?![\w])|[ \u00a0](?:тис\.|тис\b|тисяч[аіу]?\b|тыс\.|тысяч[аиу]?\b|thousand\b|Tsd\.|Tausend\b"
                          r"|tys\.|tysi[ąę]c[ey]?\b|mil\b|mille\b)")
_FIGURE_NEXT = re.compile(r"\s*(?:[$€£₴]|US\$|USD|EUR|UAH|GBP)?\s?\d")
_ARTICLE = re.compile(r"\s+(?:a|an)\b", FLAGS)
_NEVER = r"(?!x)x"
# a pattern that looks behind its start (or at the start of the string) reads a slice of the text
# differently from the text at an offset
_LOOKS_BEHIND = re.compile(r"\\[bBA]|\(\?<[!=]|\^")


def _to_float(raw: str) -> float:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        s = s.replace(" ", "")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif "," in s:
        parts = s.split(",")
        s = s.replace(",", "") if all(len(p) == 3 for p in parts[1:]) else s.replace(",", ".")
    elif s.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", s):
        s = s.replace(".", "")  # "4.680 €": a thousands point (amounts never carry three decimals)
    return float(s)


class _Table:
    """Whole-word patterns with their values, and one alternation of them all to reject a word at
    once; answers remembered per word, because the same words come back draft after draft."""

    MEMO = 50_000

    def __init__(self, items: list[tuple[str, float]]) -> None:
        self.entries = [(re.compile(rf"(?:{k})\Z", FLAGS), v) for k, v in items]
        self.any = re.compile("|".join(f"(?:{k})\\Z" for k, _ in items) or r"(?!x)x", FLAGS)
        self._memo: dict[str, float | None] = {}

    def get(self, word: str) -> float | None:
        try:
            return self._memo[word]
        except KeyError:
            pass
        found = None
        if self.any.match(word):  # most words are not numbers: one regex says so
            found = next((v for pat, v in self.entries if pat.match(word)), None)
        if len(self._memo) >= self.MEMO:  # texts are unbounded; forget rather than grow
            self._memo.clear()
        self._memo[word] = found
        return found


class _Vocab:
    """The languages' word lists compiled once: alternations anchored to one whole word."""

    def __init__(self, langs: tuple[NumberWords, ...]) -> None:
        self.paragraphs: dict[str, tuple[Quantity, ...]] = {}  # read_quantities' readings, by paragraph

        def table(attr: str) -> _Table:
            return _Table([(k, float(v)) for w in langs for k, v in getattr(w, attr).items()])

        def alt(attr: str) -> str:
            return "|".join(f"(?:{getattr(w, attr)})" for w in langs)

        self.words = table("words")
        self.hundreds = table("hundreds")
        self.multipliers = table("multipliers")
        self.en_style_hundred = {k for w in langs for k, v in w.hundreds.items()
                                 if v == 100 and (w.articles or w.hundred_multiplies)}
        pieces = sorted({k for w in langs if w.compounds
                         for k in [*w.words, *w.hundreds, *w.scales, *(re.escape(j) for j in w.joiners)]},
                        key=lambda k: (-len(k), k))  # longest first; ties in one order in every process (a
        # set's order follows the hash seed: the pattern differed from process to process, missed the
        # compiled-pattern cache and had its file rewritten by every `coach draft`)
        piece = "|".join(f"(?:{k})" for k in pieces)
        self.compound = re.compile(rf"(?:{piece})+\Z", FLAGS) if pieces else None
        self.piece = re.compile(piece, FLAGS) if pieces else None
        self.scales = table("scales")
        self.fractions = table("fractions")
        self.fraction_prefix = table("fraction_prefix")
        self.articles = {a.lower() for w in langs for a in w.articles}
        self.bound_scales = {b.lower() for w in langs for b in w.bound_scales}
        self.joiners = {j.lower() for w in langs for j in w.joiners}
        self._inert: dict[str, bool] = {}
        units = [(k, float(v)) for w in langs for k, v in w.time_units.items()]
        # one alternation, the first unit in order that matches wins (as when tried one by one)
        self.unit = re.compile("|".join(f"((?:{k})(?![\\w]))" for k, _ in units) or _NEVER, FLAGS)
        self.unit_groups, g = [], 1
        for k, months in units:
            self.unit_groups.append((g, months))
            g += 1 + re.compile(k, FLAGS).groups
        self.months = _Table([(k, float(v)) for w in langs for k, v in w.months.items()])
        # A month name in a date spans one whole run of word characters (the date patterns put a
        # word boundary or a space on both sides of it), so a text none of whose words is a month
        # holds no named date. That holds while month names are single words: a name with a space
        # or other punctuation in it turns the shortcut off.
        self.months_are_words = all(re.fullmatch(r"(?:[^\W_]|\\w|[|()?:*+])+", k) for w in langs for k in w.months)
        month_alt = "|".join(f"(?:{k})" for w in langs for k in w.months)
        self.month_re = re.compile(
            rf"(?<![\w])(?:(\d{{1,2}})(?:st|nd|rd|th|-?го|-?е|er|\.|º)?\s+(?:(?:of|de|do|du)\s+)?({month_alt})"
            rf"(?:,?\s+(?:de\s+)?(\d{{4}}))?"
            rf"|({month_alt})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"
            rf"|({month_alt})\s+(\d{{4}}))(?![\w])", FLAGS)
        ords = [(k, float(v)) for w in langs for k, v in w.day_ordinals.items()]
        self.day_ordinals = _Table(ords)
        parts = [(k, int(d)) for w in langs for k, d in w.part_of_month.items()]
        self.part_days = [d for _, d in parts]
        self.part_before = re.compile("(?:" + "|".join(f"({k})" for k, _ in parts) + r")[\s-]+\Z", FLAGS) if parts else None
        ord_alt = "|".join(f"(?:{k})" for k, _ in ords) or _NEVER
        # one word may come before the ordinal: the tens of "twenty-first", «двадцять першого» (read as a cardinal)
        self.ordinal_month_re = re.compile(
            rf"(?<![\w])(?:(?:the\s+)?((?:[\w']+[\s-]+)?(?:{ord_alt}))\s+(?:(?:day|числа|дня|dnia)\s+)?"
            rf"(?:(?:of|de|do|du)\s+)?({month_alt})"
            rf"|({month_alt})\s+(?:the\s+)?((?:[\w']+[\s-]+)?(?:{ord_alt})))(?:,?\s+(\d{{4}}))?(?![\w])", FLAGS)
        self.address = [re.compile(a, FLAGS) for w in langs for a in w.address]
        self.not_numbers = [re.compile(a, FLAGS) for w in langs for a in w.not_numbers]
        self.relative = Alternation([r for w in langs for r in w.relative_dates], FLAGS)
        # one word may come between: "the five extra seats", "two more licences"
        # "48 seats", "48 active seats", "all 10 of your practices"
        self.counted = re.compile(rf"\s+(?:of\s+(?:the|your|our|their)\s+)?(?:Ⓝ+\s+)?(?:[^\W\d_]+\s+)?(?:{alt('counted')})"
                                  rf"(?![\w])", FLAGS)
        self.question_counted = re.compile(rf"\s+(?:[^\W\d_]+\s+)?(?:{alt('question_counted')})(?![\w])", FLAGS)
        self.counted_before = re.compile(rf"(?<![\w])(?:{alt('counted')})[ \t]+(?:[^\W\d_]+[ \t]+){{0,3}}$", FLAGS)
        self.share = re.compile(rf"\s+(?:{alt('share_of')})\s*(?:[^\W\d_]+\s+|Ⓝ+\s+)?(?:{alt('counted')})(?![\w])", FLAGS)
        # a fraction of the price: "half the price", «половину ціни», "metade do preço"
        self.price_share = re.compile(rf"\s+(?:{alt('price_share')})(?![\w])", FLAGS)
        self.figure_before = re.compile(rf"(?<![\w])(?:{alt('figure_before')})\s+\Z", FLAGS)
        self.percents = [(re.compile(rf"(?<![\w])(?:{k})(?![\w])", FLAGS), float(p))
                         for w in langs for k, p in w.direct_percents.items()]
        self.multiples = [(re.compile(rf"(?<![\w])(?:{k})(?![\w])", FLAGS), float(p))
                          for w in langs for k, p in w.direct_multiples.items()]
        days = [(k, d) for w in langs for k, d in w.weekdays.items()]
        self.weekday_numbers = [d for _, d in days]
        self.weekday_keys = days
        groups = "|".join(f"({k})" for k, _ in days) or _NEVER
        plain = "|".join(f"(?:{k})" for k, _ in days) or _NEVER
        self.weekday = re.compile(rf"(?<![\w])(?:(?:{alt('weekday_lead')})\s+(?:{groups})(?![\w])"
                                  rf"|(?:{plain})\s+(?:{alt('weekday_tail')})(?![\w]))", FLAGS)
        # "in March", "mid-January", "mi-janvier": a lead, then spaces or a hyphen, then the month
        self.month_alone = re.compile(rf"(?<![\w])(?:{alt('month_lead')})[\s-]+({month_alt})(?![\w])", FLAGS)
        seasons = [(k, tuple(v)) for w in langs for k, v in w.seasons.items()]
        adverbs = [(k, tuple(v)) for w in langs for k, v in w.season_words.items()]
        self.season_months = [m for _, m in seasons] + [m for _, m in adverbs]
        groups = "|".join(f"({k})" for k, _ in seasons) or _NEVER
        words = "|".join(f"({k})" for k, _ in adverbs) or _NEVER
        self.season = re.compile(rf"(?<![\w])(?:(?:{alt('season_lead')})[\s-]*(?:{groups})|(?:{words}))(?![\w])", FLAGS)
        # a season, holiday or weekday ends in one whole word: a text none of whose words is one names none (the
        # patterns with leads are costly to try at every position). A key of several words ("new year(?:'s)?",
        # "semana santa") is written so that its last piece is a pattern of that last word.
        day_keys = [k.rsplit(" ", 1)[-1] for k, _ in seasons + adverbs] + [k for w in langs for k in w.weekdays]
        self.season_day_words = _Table([(k, 1.0) for k in day_keys])
        self.percent = re.compile(rf"\s*(?:{alt('percent')})", FLAGS)
        self.off = re.compile(rf"\s*(?:{alt('discount_words')})", FLAGS)
        self.money_before = re.compile(rf"(?:{alt('money_before')})\s?\Z", FLAGS)
        self.money_after = re.compile(rf"\s?(?:{alt('money_after')})", FLAGS)
        self.rate_before = re.compile(rf"(?:{alt('rate_before')})\s*\Z", FLAGS)
        self.lead = re.compile(rf"(?<![\w])(?:{alt('duration_lead')})\s+\Z", FLAGS)
        self.day_lead = re.compile(rf"(?<![\w])(?:{alt('day_lead')})\s+\Z", FLAGS)
        self.day_after = re.compile(rf"\s+(?:{alt('day_after')})(?![\w])", FLAGS)
        self.more = re.compile(rf"\s*(?:{alt('more')})\s+", FLAGS)
        self.more_after = re.compile(rf"\s+(?:{alt('more_after')})(?![\w])", FLAGS)
        self.offset_after = re.compile(rf"\s+(?:{alt('offset_after')})(?![\w])", FLAGS)
        self.lead_word = re.compile(rf"(?:{alt('duration_lead')})\Z", FLAGS)
        self.off_before = re.compile(
            rf"(?<![\w])(?:{alt('discount_before')})\s+(?:(?:another|further|extra|a|an)\s+)?\Z", FLAGS)
        self.fraction_by = re.compile(rf"(?<![\w])(?:{alt('fraction_by')})\s+\Z", FLAGS)
        self.ago_after = re.compile(rf"\s+(?:{alt('ago_after')})(?![\w])", FLAGS)
        self.ago_before = re.compile(rf"(?<![\w])(?:{alt('ago_before')})\s+\Z", FLAGS)
        self.past = re.compile(rf"(?<![\w])(?:{alt('past')})(?![\w])", FLAGS)
        self.habit = re.compile(rf"(?<![\w])(?:{alt('habit')})(?![\w])", FLAGS)
        self.instead_before = re.compile(rf"(?<![\w])(?:{alt('instead_before')})\s+\Z", FLAGS)
        self.question_terms = re.compile(rf"(?<![\w])(?:{alt('question_terms')})", FLAGS)
        self.clause_that = re.compile(rf"\s*(?:{alt('clause_that')})(?![\w])", FLAGS)
        unit_alt = "|".join(f"(?:{k})" for w in langs for k in w.time_units)
        self.rate_after = re.compile(rf"\s+(?:{alt('rate_before')})\s+(?:{unit_alt})(?![\w])", FLAGS)
        # a count with its rate: "three posts a week", "twice a quarter", «три публікації на тиждень» (a figure
        # however small; "seven days a week" is a duration with its frequency, an aside)
        self.per_period = re.compile(rf"\s+(?:[^\W\d_]+\s+)?(?:{alt('rate_before')})\s+(?:{unit_alt})(?![\w])",
                                     FLAGS)
        self.unit_needs_slice = any(_LOOKS_BEHIND.search(x) for w in langs for x in [w.more, *w.time_units])
        self.and_half = re.compile(rf"\s+(?:{alt('and_a_half')})(?![\w])", FLAGS)
        direct = [(k, v, False) for w in langs for k, v in w.direct_durations.items()]
        direct += [(k, v, True) for w in langs for k, v in w.positions.items()]
        self.direct = [(re.compile(rf"(?<![\w])(?:{k})(?![\w])", FLAGS), float(v), pos) for k, v, pos in direct]
        # most texts name no free period: one pass of all of them tells so
        self.any_direct = Alternation([p.pattern for p, _, _ in self.direct], FLAGS)
        self.past_periods = [(re.compile(rf"(?<![\w])(?:{k})(?![\w])", FLAGS), float(v))
                             for w in langs for k, v in w.past_periods.items()]
        self.past_given_back = re.compile(rf"(?<![\w])(?:{alt('past_given_back')})(?![\w])", FLAGS)

    @staticmethod
    def lookup(table: _Table, word: str) -> float | None:
        return table.get(word)

    def inert(self, word: str) -> bool:
        """Neither a number, a scale, a fraction, its prefix nor an article: most words."""
        try:
            return self._inert[word]
        except KeyError:
            pass
        found = word not in self.articles and all(
            t.get(word) is None
            for t in (self.words, self.hundreds, self.multipliers, self.scales, self.fractions, self.fraction_prefix))
        if len(self._inert) >= _Table.MEMO:
            self._inert.clear()
        self._inert[word] = found
        return found

    def month(self, word: str) -> int | None:
        found = self.months.get(word)
        return None if found is None else int(found)

    def may_name_a_season_or_day(self, text: str) -> bool:
        """Whether a word of the text is a season or a weekday (the patterns with leads are costly to
        try at every position; most texts name neither)."""
        return any(self.season_day_words.get(w.lower()) is not None
                   for w in {*_RUN.findall(text), *_APOS_RUN.findall(text)})

    def may_name_a_month(self, text: str) -> bool:
        return not self.months_are_words or any(self.months.get(w.lower()) is not None
                                                for w in set(_RUN.findall(text)))


_VOCABS: dict[tuple[int, ...], tuple[tuple[NumberWords, ...], _Vocab]] = {}


def _vocab(langs: tuple[NumberWords, ...]) -> _Vocab:
    """Compiled once per set of vocabularies (the lexicon loader caches the vocabularies themselves)."""
    key = tuple(id(w) for w in langs)
    if key not in _VOCABS:
        if len(_VOCABS) > 16:
            _VOCABS.clear()
        _VOCABS[key] = (langs, _Vocab(langs))
    return _VOCABS[key][1]


def _iso(y: int | None, m: int, d: int | None) -> str | None:
    try:
        if y is not None and d is not None:
            return date(y, m, d).isoformat()
        if d is not None:
            date(2000, m, d)
            return f"--{m:02d}-{d:02d}"
        if y is not None and 1 <= m <= 12:
            return f"{y:04d}-{m:02d}"
    except ValueError:
        return None
    return None


def _ordinal_day(words: str, v: _Vocab) -> int | None:
    """"first" 1, "twenty-first" 21, «двадцять першого» 21: the day named by one or two ordinal words (the first of
    two a tens word read as its cardinal)."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p]
    day = v.day_ordinals.get(parts[-1])
    if len(parts) == 2 and day is not None:
        tens = v.lookup(v.words, parts[0])
        day = tens + day if tens in (20.0, 30.0) and day < 10 else day if tens is None else None
    return int(day) if day is not None and 1 <= day <= 31 else None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _dates(text: str, v: _Vocab) -> tuple[list[Quantity], str]:
    found: list[Quantity] = []
    for m in _ISO.finditer(text):
        iso = _iso(int(m[1]), int(m[2]), int(m[3])) or m[0]
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), iso))
    for m in _DOTTED.finditer(text):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        iso = _iso(y, b, a) or _iso(y, a, b) or m[0]
        alt = _iso(y, a, b) if m[2] == "/" else None
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), iso + (f"|{alt}" if alt else "")))
    for m in _CLOCK.finditer(text):  # "um 10 Uhr", "at 3pm", "10:30": a moment no fact states
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), f"T{m[0].strip()}"))
        text = _blank(text, m.start(), m.end())
    has_month = v.may_name_a_month(text)
    for m in v.ordinal_month_re.finditer(text) if has_month else ():  # "the first of March", «першого березня»
        words, name = (m[1], m[2]) if m[1] else (m[4], m[3])
        mon, day = v.month(name.lower()), _ordinal_day(words, v)
        if mon is not None and day is not None and (named := _iso(int(m[5]) if m[5] else None, mon, day)):
            found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), named, in_words=True))
            text = _blank(text, m.start(), m.end())
    for m in v.month_re.finditer(text) if has_month else ():
        if m[2]:
            mon, day, year = v.month(m[2].lower()), int(m[1]), m[3]
        elif m[4]:
            mon, day, year = v.month(m[4].lower()), int(m[5]), m[6]
        else:
            mon, day, year = v.month(m[7].lower()), None, m[8]
        if mon is None:
            continue
        if day is None:
            day = _part_of_month(text, m.start(), v)  # "mid-March 2027": a day of it, not the month
        named = _iso(int(year) if year else None, mon, day)
        if named:
            found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), named))
    for q in found:
        text = _blank(text, q.start, q.end)
    for m in v.month_alone.finditer(text) if has_month else ():  # "in March": neither day nor year
        if (mon := v.month(m[1].lower())) is not None:
            part = _part_of_month(text, m.start(1), v)
            found.append(Quantity("date", 0.0, m[0], m.start(), m.end(),
                                  f"--{mon:02d}-{part:02d}" if part else f"--{mon:02d}"))
            text = _blank(text, m.start(), m.end())
    for m in _QUARTER.finditer(text):  # "Q2", "Q3 2027": any month of the quarter
        first = 3 * int(m[1]) - 2
        iso = "|".join(f"{m[2] or '-'}-{mon:02d}" for mon in range(first, first + 3))
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), iso))
        text = _blank(text, m.start(), m.end())
    for m in list(v.relative.finditer(text)):  # "until the end of next week": a date, never a fact's
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), "R"))
        text = _blank(text, m.start(), m.end())
    for m in _DAY_OF_MONTH.finditer(text):  # "by the 20th": a day of some month
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), f"---{int(m[1]):02d}"))
        text = _blank(text, m.start(), m.end())
    season_or_day = v.may_name_a_season_or_day(text)
    for m in v.weekday.finditer(text) if season_or_day else ():  # "by Friday", "next Tuesday"
        if not any(g is not None for g in m.groups()) and _OWNER_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "your Saturday night crowd", "кожного понеділка вранці": a habit, not a date
        if any(g is not None for g in m.groups()):
            day = v.weekday_numbers[next(i for i, g in enumerate(m.groups()) if g is not None)]
        else:  # "Tuesday afternoon": the day is the first word
            day = v.weekday_numbers[next(i for i, (k, _) in enumerate(v.weekday_keys)
                                         if re.match(rf"(?:{k})(?![\w])", m[0], FLAGS))]
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), f"W{day}"))
        text = _blank(text, m.start(), m.end())
    for m in v.season.finditer(text) if season_or_day else ():  # "in spring", "навесні": its months
        months = v.season_months[next(i for i, g in enumerate(m.groups()) if g is not None)]
        found.append(Quantity("date", 0.0, m[0], m.start(), m.end(), "|".join(f"--{mon:02d}" for mon in months)))
        text = _blank(text, m.start(), m.end())
    return found, text


def _part_of_month(text: str, start: int, v: _Vocab) -> int | None:
    """The day a word before the month stands for ("mid-", "the end of", «середини», "à la mi-"), or None."""
    if v.part_before is None or not (m := v.part_before.search(text[max(0, start - 30):start])):
        return None
    return v.part_days[next(i for i, g in enumerate(m.groups()) if g is not None)]


def _unit_after(text: str, pos: int, v: _Vocab) -> tuple[float, int, bool] | None:
    """A time unit right after `pos` (allowing "more"/"extra" and a hyphen between): (months, end,
    whether a "more" word came between)."""
    rest = text[pos:] if v.unit_needs_slice else text
    at = 0 if v.unit_needs_slice else pos
    m = _GAP.match(rest, at)
    off = m.end() if m else at
    more = False
    if mm := v.more.match(rest, off):
        off, more = mm.end(), True
    if um := v.unit.match(rest, off):
        months = next(months for g, months in v.unit_groups if um.start(g) >= 0)
        return months, um.end() + (pos if v.unit_needs_slice else 0), more
    return None


def _classify(text: str, start: int, end: int, value: float, raw: str, v: _Vocab, in_words: bool,
              article: bool = False) -> Quantity | None:
    before, after = text[max(0, start - 6):start], text[end:end + 40]
    if article and _FIGURE_NEXT.match(after):
        return None  # "a $3,600 fee", "un 15 %": the article belongs to the figure after it
    half = None if article else v.and_half.match(text, end)
    if half and (v.percent.match(text, half.end()) or v.money_after.match(text, half.end())
                 or _unit_after(text, half.end(), v) is not None):
        # "twelve and a half percent", "two and a half years": the half belongs to the figure
        value, raw, end = value + 0.5, text[start:half.end()], half.end()
        after = text[end:end + 40]
    if v.percent.match(after):
        pm = v.percent.match(after)
        return Quantity("percent", value, raw, start, end + (pm.end() if pm else 0), in_words=in_words)
    # "4.000 € a unos 2.500 €": an article after a currency sign is a preposition, not "one euro"
    if (v.money_before.search(before) and not article) or v.money_after.match(after):
        return Quantity("money", value, raw, start, end, in_words=in_words)
    unit = _unit_after(text, end, v)
    if unit is not None:
        months, uend, more = unit
        hm = v.and_half.match(text, uend)
        # "a month", "un mes", "ein Jahr" is a rate or a phrase ("a month ago", "hace un año"), not a
        # stated duration, unless something makes it one: a lead ("for a month", "encore un mois"),
        # the article itself being one ("another month"), or "more" ("an extra month", "un mes más")
        # "another day", "otro día" is a later time, not a term: the article alone makes no day a period
        # "a week before the restart", "eine Woche vorher": a period placing a moment, stated as well
        if article and not (hm or more or v.more_after.match(text, uend) or v.offset_after.match(text, uend)
                            or (v.lead_word.match(raw) and months >= 0.2)
                            or v.lead.search(text[max(0, start - 25):start])):
            return None
        total = value * months
        if hm:
            total += 0.5 * months
            uend = hm.end()
        return Quantity("duration", round(total, 4), text[start:uend], start, uend, in_words=in_words,
                        unit_months=months)
    if article:
        return None
    if (value == int(value) and 1 <= value <= 31 and not (in_words and value == 1)  # "from day one": a saying
            and (v.day_lead.search(text[max(0, start - 16):start]) or v.day_after.match(text, end))):
        return Quantity("date", 0.0, raw, start, end, f"---{int(value):02d}", in_words=in_words)
    counted = in_words and value >= 2 and (v.counted.match(text, end) is not None
                                           or v.figure_before.search(text[max(0, start - 40):start]) is not None
                                           or v.per_period.match(text, end) is not None)
    return Quantity("number", value, raw, start, end, in_words=in_words, counted=counted)


def _pieces(tok: tuple[int, int, str], v: _Vocab) -> list[tuple[int, int, str]]:
    """A number written as one word ("vierundzwanzig") as its pieces, each spanning the whole word."""
    s, e, w = tok
    if v.compound is None or v.piece is None or len(w) < 7 or not v.compound.match(w):
        return [tok]
    out, pos = [], 0
    while pos < len(w):
        m = v.piece.match(w, pos)
        if not m or m.end() == pos:
            return [tok]
        out.append((s, e, m.group(0)))
        pos = m.end()
    return out if len(out) > 1 else [tok]


def _word_numbers(text: str, v: _Vocab) -> list[tuple[int, int, float, str, bool]]:
    """(start, end, value, kind, is_article) for runs of number words; kind is 'n' or 'frac'."""
    toks = [p for m in _WORD.finditer(text) for p in _pieces((m.start(), m.end(), m.group(0).lower()), v)]
    out: list[tuple[int, int, float, str, bool]] = []
    i = 0
    while i < len(toks):
        s0, e0, w0 = toks[i]
        # fractions: "a fifth", "half", "two thirds", "половина"
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if v.inert(w0):  # only a two-word fraction ("un cuarto") can start here
            if nxt and (fr := v.lookup(v.fractions, f"{w0} {nxt[2]}")) is not None:
                out.append((s0, nxt[1], fr, "frac", False))
                i += 2
            else:
                i += 1
            continue
        if w0 in v.articles and nxt and v.lookup(v.words, nxt[2]) is not None:
            i += 1  # "a ten percent", "il y a un an": the article before a number word is no part of it
            continue
        pre = v.lookup(v.fraction_prefix, w0)
        if pre is not None and nxt and (fr := v.lookup(v.fractions, re.sub(r"s\Z", "", nxt[2]))) is not None \
                and text[e0:nxt[0]].strip() in ("", "-"):
            out.append((s0, nxt[1], pre * fr, "frac", False))
            i += 2
            continue
        if nxt and (fr := v.lookup(v.fractions, f"{w0} {nxt[2]}")) is not None:
            out.append((s0, nxt[1], fr, "frac", False))
            i += 2
            continue
        if (fr := v.lookup(v.fractions, w0)) is not None:
            out.append((s0, e0, fr, "frac", False))
            i += 1
            continue
        total, current, j, end, seen, only_article, last = 0.0, 0.0, i, e0, False, True, 0.0
        joined = False
        while j < len(toks):
            s, e, w = toks[j]
            gap = text[end:s] if seen else ""
            if joined:  # "hundred and five": the joiner was skipped
                gap, joined = "", False
            if seen and gap.strip() not in ("", ",") and gap != "-":  # "four hundred - ten percent off": two
                break
            if seen and "," in gap:
                break
            if w in v.joiners and seen:
                if j + 1 < len(toks) and (v.lookup(v.words, toks[j + 1][2]) is not None
                                          or v.lookup(v.hundreds, toks[j + 1][2]) is not None):
                    j, joined = j + 1, True
                    continue
                break
            if w in v.articles and not seen:  # "a", "un", "ein": one, or nothing before a number word
                nxt_w = toks[j + 1][2] if j + 1 < len(toks) else ""
                if v.lookup(v.words, nxt_w) is None:  # "a ten percent": the article is not a number
                    current += 1
            elif (x := v.lookup(v.words, w)) is not None:
                current += x
                last = x
                only_article = False
                seen, end = True, e
                j += 1
                continue
            elif (mu := v.lookup(v.multipliers, w)) is not None:
                # "quatre-vingt": the unit word before is multiplied; "vingt" alone counts as itself
                current += last * (mu - 1) if 1 < last < 10 else mu
                only_article = False
            elif (h := v.lookup(v.hundreds, w)) is not None:
                if w in v.en_style_hundred:
                    current = (current or 1) * h
                else:
                    current += h
                only_article = False
            elif (sc := v.lookup(v.scales, w)) is not None and seen:
                total += (current or 1) * sc
                current = 0
                only_article = False
            elif (sc := v.lookup(v.scales, w)) is not None and w.lower() not in v.bound_scales:
                total += sc
                only_article = False
            else:
                break
            last = 0.0
            seen, end = True, e
            j += 1
        if seen:
            out.append((s0, end, total + current, "n", only_article))
            i = j
        else:
            i += 1
    return out


def elided_scale(text: str, q: Quantity, found: list[Quantity], words: tuple[NumberWords, ...]) -> float:
    """The scale a number word leaves out ("18 тисяч гривень замість двадцяти": 20,000): after an
    `instead_before` word, the scale of a figure earlier in its sentence; 1 when none."""
    if not (q.in_words and q.kind == "number" and q.value < 1000):
        return 1.0
    if not _vocab(words).instead_before.search(text[max(0, q.start - 30):q.start]):
        return 1.0
    a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, q.start)), default=0)
    before = [o.value for o in found if a <= o.start and o.end <= q.start and o.kind in ("money", "number")]
    big = max(before, default=0.0)
    return 1_000_000.0 if big >= 1_000_000 else 1000.0 if big >= 1000 else 1.0


def counts_something(text: str, q: Quantity, words: tuple[NumberWords, ...]) -> bool:
    """A counted noun right after the number ("48 seats", "сорок вісім місць")."""
    return _vocab(words).counted.match(text, q.end) is not None


# a determiner right before a weekday with a part of the day ("your Saturday night crowd"): no moment is named
_OWNER_BEFORE = re.compile(
    r"(?<![\w])(?:your|our|the|their|every|each|these|those|ваш\w*|наш\w*|кожн\w*|їхн\w*|sus|tus|los|las|cada|seus"
    r"|suas|os|as|vos|nos|leurs|les|chaque|ihre\w*|unsere\w*|jeden|jede[nrs]?|die|der|den|wasze|nasze|każd\w*)\s+\Z",
    re.I)


def counted_in_question(text: str, q: Quantity, words: tuple[NumberWords, ...]) -> bool:
    """A small number in words before a noun that makes it a figure in a diagnosis question ("which three services
    matter most"); "two quick questions" and "three things" stay words."""
    if _KNOWN_SET_BEFORE.search(text[max(0, q.start - 12):q.start]):
        return False  # "which of the two teams": a set the customer has, named back
    return q.in_words and q.value >= 2 and _vocab(words).question_counted.match(text, q.end) is not None


_KNOWN_SET_BEFORE = re.compile(r"(?<![\w])(?:the|these|those|your)\s+\Z", re.I)


def known_set(text: str, q: Quantity) -> bool:
    """A small number in words after "of" and a determiner ("the merger of the two depots", "which of your three
    clinics"): a set the customer has, named back, no figure of ours ("pause the five extra seats" is one)."""
    return q.in_words and q.value < 10 and _KNOWN_SET_OF.search(text[max(0, q.start - 16):q.start]) is not None


_KNOWN_SET_OF = re.compile(r"(?<![\w])of\s+(?:the|these|those|your)\s+\Z", re.I)


def counted_before(text: str, q: Quantity, words: tuple[NumberWords, ...]) -> bool:
    """A counted noun a few words before the number, in its clause ("the seats from 30", "кількість місць
    із 30", "Arbeitsplätze als die jetzigen 50"): the number counts it."""
    before = text[max(0, q.start - 60):q.start]
    return _vocab(words).counted_before.search(before) is not None


# a phone number in a signature: after its label ("Phone: 206 555 0184", «Тел.: 044 555 12 34»), or with a country code
# or an area code in brackets ("+380 44 555 12 34", "(206) 555-0184")
_PHONE = re.compile(
    r"(?:\b(?:phone|tel|telephone|mobile|mob|cell|fax|direct(?: line)?|whatsapp|тел|телефон|моб|telefon|teléfono|"
    r"tel[eé]fono|t[eé]l[eé]phone|tél|telefone|tlf|handy)\.?\s*:?\s*)\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,4}\)?){2,5}"
    r"|(?<![\w+])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b"
    r"|(?<!\w)\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b", re.I)


def address_or_phone_spans(text: str, words: tuple[NumberWords, ...]) -> list[tuple[int, int]]:
    """Where a street address with its number stands ("48 Harbour Street", "вул. Хрещатик, 22",
    "ul. Marszałkowska 104") or a signature's phone number: digits that are no figure."""
    spans = [m.span() for m in _ADDRESS.finditer(text)] + [m.span() for m in _PHONE.finditer(text)]
    for pat in _vocab(words).address:
        spans.extend(m.span() for m in pat.finditer(text))
    return spans


def read_quantities(text: str, words: tuple[NumberWords, ...]) -> list[Quantity]:
    """Every quantity of `text`, paragraph by paragraph (no figure, date or clause runs across a blank
    line). A paragraph's reading is kept: a template's paragraphs recur across drafts (129 distinct in
    1,478 of 150 distinct drafts), so most of a draft's text is read once per process."""
    v = _vocab(words)
    out: list[Quantity] = []
    start = 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = len(text) if m is None else m.start()
        para = text[start:end]
        if para.strip():
            found = v.paragraphs.get(para)
            if found is None:
                if len(v.paragraphs) >= _PARAGRAPHS_KEPT:
                    v.paragraphs.clear()
                found = v.paragraphs[para] = tuple(_read(para, words))
            out += found if start == 0 else [replace(q, start=q.start + start, end=q.end + start) for q in found]
        if m is not None:
            start = m.end()
    return out


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")  # a blank line (the guard's paragraphs too)
_PARAGRAPHS_KEPT = 8192


def _read(text: str, words: tuple[NumberWords, ...]) -> list[Quantity]:
    v = _vocab(words)
    found, rest = _dates(text, v)
    # "last quarter": a period in the past, no term (still a number); read before the single-word periods,
    # which would take "le trimestre" of "le trimestre dernier" for a term
    for pat, months in v.past_periods:
        for m in pat.finditer(rest):
            given_back = v.past_given_back.search(rest[_segment(rest, m.start(), m.end())[0]:m.start()]) is not None
            found.append(Quantity("duration", months, m.group(0), m.start(), m.end(), in_words=True,
                                  aside=not given_back))
            rest = _blank(rest, m.start(), m.end())
    direct: set[tuple[int, int]] = set()
    for pat, months, position in v.direct if v.any_direct.search(rest) else ():
        for m in pat.finditer(rest):
            found.append(Quantity("duration", months, m.group(0), m.start(), m.end(), in_words=True,
                                  position=position))
            direct.add((m.start(), m.end()))
            rest = _blank(rest, m.start(), m.end())
    for pat, pct in v.percents:  # "halving the spend": 50 percent
        for m in pat.finditer(rest):
            found.append(Quantity("percent", pct, m.group(0), m.start(), m.end(), in_words=True))
            rest = _blank(rest, m.start(), m.end())
    for pat, times in v.multiples:  # "double the hours": a figure, however small
        for m in pat.finditer(rest):
            found.append(Quantity("number", times, m.group(0), m.start(), m.end(), in_words=True, counted=True))
            rest = _blank(rest, m.start(), m.end())
    for m in _CONTACT.finditer(rest):  # phone numbers, postcodes and suites of a signature
        if not _AMOUNT_AT_LINE_END.fullmatch(m.group(0)):
            rest = _blank(rest, m.start(), m.end())
    for m in _IDENT.finditer(rest):  # reference codes and road names
        rest = _blank(rest, m.start(), m.end())
    for m in _ADDRESS.finditer(rest):  # street numbers are part of an address, not a figure
        rest = _blank(rest, m.start(), m.end())
    for pat in v.address:  # the languages' own forms ("calle Alcalá, 120", "Hafenstraße 14", "12 rue des Lilas")
        for m in pat.finditer(rest):
            rest = _blank(rest, m.start(), m.end())
    for pat in v.not_numbers:  # "cobrança dos meses": Portuguese "of the", no Spanish "two"
        for m in pat.finditer(rest):
            a, b = m.span(1) if pat.groups else m.span()
            rest = _blank(rest, a, b)
    for m in _DIGITS.finditer(rest):
        try:
            value = _to_float(m.group(0))
        except ValueError:
            continue
        end = m.end()
        if (k := _THOUSANDS.match(rest, end)) and v.money_before.search(rest[max(0, m.start() - 6):m.start()]):
            value, end = value * 1000, k.end()
        elif k := _SCALE_AFTER.match(rest, end):
            value, end = value * 1000, k.end()
        if q := _classify(rest, m.start(), end, value, m.group(0), v, False):
            found.append(q)
    for start, end, value, kind, article in _word_numbers(rest, v):
        raw = rest[start:end]
        if kind == "frac":
            unit = _unit_after(rest, end, v)
            art = _ARTICLE.match(rest, end)
            if unit is None and art:
                unit = _unit_after(rest, art.end(), v)
            if unit is not None:
                found.append(Quantity("duration", round(value * unit[0], 4), rest[start:unit[1]], start, unit[1],
                                      in_words=True))
            elif (v.off.match(rest[end:end + 30]) or v.percent.match(rest[end:end + 12])
                  or v.off_before.search(rest[max(0, start - 30):start]) or v.share.match(rest, end)
                  or v.price_share.match(rest, end)
                  or v.fraction_by.search(rest[max(0, start - 20):start])):
                found.append(Quantity("percent", round(value * 100, 2), raw, start, end, in_words=True))
            continue
        if value == 0 and not re.search(r"\w", raw):
            continue
        if q := _classify(rest, start, end, value, raw, v, True, article=article):
            found.append(q)
    # a quantity inside a longer one is part of it ("per cent" after "ten" is not a hundred)
    kept = [q for q in found if not any(r is not q and r.start <= q.start and q.end <= r.end
                                        and r.end - r.start > q.end - q.start for r in found)]
    kept = _years_in_words(text, kept)
    # a free period said with its frequency ("a month free each year") is still a period given
    return sorted((replace(q, aside=True) if _aside(text, q, v, (q.start, q.end) in direct) else q for q in kept),
                  key=lambda q: q.start)


def _years_in_words(text: str, found: list[Quantity]) -> list[Quantity]:
    """A year in words right after a day and month («з першого березня дві тисячі двадцять сьомого року», "the
    first of March two thousand twenty-seven") belongs to that date, not a figure of its own: the date keeps its
    day and month (compared with the facts as such); the year's words are no quantity."""
    ends = [q.end for q in found if q.kind == "date" and _DAY_MONTH.match(q.iso)]
    return [q for q in found if not (q.kind == "number" and q.in_words and 2000 <= q.value < 2100
                                     and any(e <= q.start and not text[e:q.start].strip(" ,") for e in ends))]


_DAY_MONTH = re.compile(r"--\d\d-\d\d$")


_CLAUSE = re.compile(r"[.!?;:\n]|,\s")


def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The comma- or sentence-delimited stretch of `text` around [start, end)."""
    a = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    m = _CLAUSE.search(text, end)
    return a, m.start() if m else len(text)


_SENTENCE_END = re.compile(r"[.!?\n]")


def _own_question(text: str, q: Quantity, v: _Vocab) -> bool:
    """The date is in a question (its sentence ends with "?") that names no term of ours."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, q.start)), default=0)
    m = _SENTENCE_END.search(text, q.end)
    return m is not None and m.group(0) == "?" and not v.question_terms.search(text, a, m.start())


def _aside(text: str, q: Quantity, v: _Vocab, free_period: bool = False) -> bool:
    """A period in the past ("two weeks ago", "hace un año") or a frequency ("seven days a week"),
    or a month named alone in a past-tense clause ("we spoke in March"): no term is stated."""
    if q.kind == "duration":
        return bool(v.ago_after.match(text, q.end) or v.ago_before.search(text[max(0, q.start - 12):q.start])
                    or (not free_period and v.rate_after.match(text, q.end) is not None))
    if q.kind == "date" and all(len(c) == 4 and c.startswith("--") or c.startswith("W") for c in q.iso.split("|")):
        if _SINCE.match(q.text):
            return True
        a, b = _segment(text, q.start, q.end)
        if v.past.search(text, a, b) or _own_question(text, q, v) or v.habit.search(text, a, b):
            return True
        if a >= 2 and v.clause_that.match(text, a):  # "I understand, that ...": the clause before it
            c, d = _segment(text, a - 2, a - 2)
            if v.past.search(text, c, d):
                return True
        if len(text[a:b].split()) <= 3 and b < len(text) and text[b] == ",":  # "In March, you said ..."
            c, d = _segment(text, b + 2, b + 2)
            return bool(v.past.search(text, c, d))
    return False

"""The guard's data: lexicons per language and the rule book (knowledge/guard/*.yaml), strictly typed.

A lexicon is a list of regular expressions per category, matched case-insensitively on the text
after names are masked. Unknown keys, a bad pattern or a rule set naming an unknown check fail
loading with a one-line error naming the file and field. Loaded once per version of the files.
"""

from __future__ import annotations

import re
import threading
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.datafile import parse_yaml
from coach.errors import CoachRunError
from coach.guard.scan import Alternation, compile_checked
from coach.guard.stamps import recent

HIDDEN_TERMS = ("prepayment", "lump_sum", "fees", "price_rise", "auto_renewal", "billing_change")
FLAGS = re.IGNORECASE | re.UNICODE
# words joining the items of a short list, in the languages the guard reads
_COORD_WORDS = r"\b(?:and|or|nor|y|o|ni|e|ou|et|und|oder|noch|i|oraz|lub|albo|ani|та|і|й|чи|або|ні|и|или)\b"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compile_all(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            compile_checked(p, FLAGS)  # a pattern that does not compile, or may backtrack catastrophically
        except re.error as exc:
            raise ValueError(f"bad pattern {p!r}: {exc}") from None
    return patterns


class HiddenTerms(_Strict):
    prepayment: list[str] = Field(default_factory=list)
    lump_sum: list[str] = Field(default_factory=list)
    fees: list[str] = Field(default_factory=list)
    price_rise: list[str] = Field(default_factory=list)
    auto_renewal: list[str] = Field(default_factory=list)
    billing_change: list[str] = Field(default_factory=list)

    @field_validator(*HIDDEN_TERMS)
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _compile_all(v)


class NumberWords(_Strict):
    """How numbers are written in words; keys are regexes matched against one whole word."""

    words: dict[str, float] = Field(default_factory=dict)
    hundreds: dict[str, float] = Field(default_factory=dict)
    hundred_multiplies: bool = False  # "deux cents", "zweihundert": the hundred multiplies what precedes it
    # words that multiply a unit word right before them and count alone otherwise ("quatre-vingt-dix" is
    # 4 x 20 + 10, "vingt" alone 20)
    multipliers: dict[str, float] = Field(default_factory=dict)
    compounds: bool = False  # numbers written as one word ("vierundzwanzig") are read piece by piece
    scales: dict[str, float] = Field(default_factory=dict)
    # scale words that are a number only after another number or an article ("five grand", "a grand"; "the
    # grand reopening" has none)
    bound_scales: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    joiners: list[str] = Field(default_factory=list)
    fractions: dict[str, float] = Field(default_factory=dict)
    fraction_prefix: dict[str, float] = Field(default_factory=dict)
    and_a_half: str = r"(?!x)x"
    direct_durations: dict[str, float] = Field(default_factory=dict)
    # a period just past named from today ("last quarter", «у минулому кварталі»): an aside (no term is
    # stated), still a number in a diagnosis question (regex -> months)
    past_periods: dict[str, float] = Field(default_factory=dict)
    # ...unless it is given back ("credit back the unused seats for the past quarter"): words before it that make it
    # the period of a refund, a figure
    past_given_back: str = r"(?!x)x"
    # places in a term read as periods that no fact states ("the first year", "year one", "перший рік")
    positions: dict[str, float] = Field(default_factory=dict)
    # a day of the month in words, before or after a month name ("the first of March", "March first", «з першого
    # березня»): regex -> day
    day_ordinals: dict[str, int] = Field(default_factory=dict)
    # words before a month that name a part of it, with the day they stand for ("mid-March" 15, "the end of March"
    # 28): a date, not the month of a fact's date ("billing resumes in mid-March" does not restate 1 March)
    part_of_month: dict[str, int] = Field(default_factory=dict)
    percent: str
    discount_words: str
    money_before: str
    money_after: str
    time_units: dict[str, float]
    rate_before: str
    duration_lead: str
    more: str
    more_after: str = r"(?!x)x"  # "more" after the unit ("un mes más"): an article's period is then stated
    # after the unit, a word placing a moment that long from another ("a week before the restart", "eine
    # Woche vorher", "une semaine avant"): an article's period is then stated too
    offset_after: str = r"(?!x)x"
    discount_before: str = r"(?!x)x"  # before a fraction: it comes off the price ("knock off a fifth")
    ago_after: str = r"(?!x)x"  # "two weeks ago", "два тижні тому": a period in the past, no term
    ago_before: str = r"(?!x)x"  # "hace un año", "vor zwei Wochen", "il y a un mois"
    past: str = r"(?!x)x"  # past-tense words: a month named alone in such a clause is no date offered
    # the customer's own customers (clients, patients, guests, pupils) as the clause's subject: a season,
    # month or weekday there is their trade's rhythm ("your clients book their autumn sessions over the
    # summer", «ваші гості бронюють столики на вихідні взимку"), not a date of ours
    habit: str = r"(?!x)x"
    months: dict[str, int]
    address: list[str] = Field(default_factory=list)  # a street address with its number: no figure
    # a number word of another language that is no number here (group 1 is blanked): Portuguese "dos"
    # (de + os) after a noun, "cobrança dos meses", is not Spanish "two"
    not_numbers: list[str] = Field(default_factory=list)
    # after a fraction, the words before a counted noun that make it a share ("a third of your seats"): a percent
    share_of: str = r"(?!x)x"
    # right after a fraction, the price it is a share of ("half the price", «за половину ціни», "la mitad del
    # precio", "zum halben Preis"): a percent
    price_share: str = r"(?!x)x"
    # nouns that make a small number in words a figure ("drop six seats"; "two quick questions" is none)
    counted: str = r"(?!x)x"
    # in a diagnosis question only, more nouns make a small number in words a figure ("which three services
    # matter most", «на всіх п'яти кампаніях»); elsewhere "all three services stay" restates the case
    question_counted: str = r"(?!x)x"
    # before a small number word with its unit left out, making it a figure: "we can stretch it to six"
    figure_before: str = r"(?!x)x"
    # a share of the price said in one word or phrase: "halving the spend", "скоротити вдвічі" (percent)
    direct_percents: dict[str, float] = Field(default_factory=dict)
    # a multiple said in one word or phrase, a figure of its own: "double the onboarding hours", «подвоїмо» (number)
    direct_multiples: dict[str, float] = Field(default_factory=dict)
    # weekdays after a lead ("by Friday", "next Tuesday"): dates, a fact when a fact's date is that weekday
    weekdays: dict[str, int] = Field(default_factory=dict)
    weekday_lead: str = r"(?!x)x"
    # after a weekday with no lead, a part of the day that makes it a moment ("call you Tuesday afternoon")
    weekday_tail: str = r"(?!x)x"
    # right before a fraction, a word of change that makes it a share ("grew by a third", "o jedną trzecią"): a percent
    fraction_by: str = r"(?!x)x"
    # right before a number (digits or words), a word that makes it a day of the month ("antes del día
    # quince", "by day 15"): a date, a fact only when a fact's date falls on that day
    day_lead: str = r"(?!x)x"
    # right after a number, a word that makes it a day of the month ("5 числа", "le 5 du mois"): a date, as above
    day_after: str = r"(?!x)x"
    # dates named relative to today ("until the end of next week", "do końca kwartału"): no fact is one
    relative_dates: list[str] = Field(default_factory=list)
    month_lead: str = r"(?!x)x"  # words before a month named alone ("in March", "у березні"): a date
    # seasons (regex -> its months): a date after `season_lead` ("in spring", "mid-spring", "до весни")
    # or alone as an adverb in `season_words` ("навесні", "wiosną"); "your spring campaign" is none
    seasons: dict[str, list[int]] = Field(default_factory=dict)
    # a month, season or weekday in a question about the customer's own plans ("do you plan to open new
    # services in spring?", "чи плануєте ви взимку проводити турніри?") is theirs, unless the question
    # also names a term of ours (pause, billing, price: "shall we resume billing in spring?")
    question_terms: str = r"(?!x)x"
    # "18 thousand a month instead of twenty": right before a number word with no scale, a word after
    # which the scale of the figure before it carries over (the number is 20,000)
    instead_before: str = r"(?!x)x"
    # a clause opened by "that" ("я розумію, що ... взимку", "ich verstehe, dass"): the clause before it
    # tells whether it restates what the customer told us
    clause_that: str = r"(?!x)x"
    season_lead: str = r"(?!x)x"
    season_words: dict[str, list[int]] = Field(default_factory=dict)

    @field_validator("and_a_half", "percent", "discount_words", "money_before", "money_after", "rate_before",
                     "duration_lead", "more", "more_after", "offset_after", "month_lead", "discount_before",
                     "ago_after", "ago_before",
                     "past", "habit", "season_lead", "question_terms", "clause_that", "instead_before", "counted",
                     "weekday_lead", "weekday_tail", "fraction_by", "figure_before", "day_lead", "day_after",
                     "share_of", "price_share")
    @classmethod
    def _pattern(cls, v: str) -> str:
        return _compile_all([v])[0]

    @field_validator("address", "relative_dates", "not_numbers")
    @classmethod
    def _address(cls, v: list[str]) -> list[str]:
        return _compile_all(v)

    @field_validator("words", "hundreds", "multipliers", "scales", "fractions", "fraction_prefix", "direct_durations",
                     "positions", "time_units", "months", "seasons", "season_words", "direct_percents", "direct_multiples",
                     "weekdays")
    @classmethod
    def _keys(cls, v: dict[str, Any]) -> dict[str, Any]:
        _compile_all(list(v))
        return v


class LanguageLexicon(_Strict):
    language: str = Field(pattern=r"^[a-z]{2}$")
    # names written in Latin letters take this language's case endings ("Pani Anno", "Kancelarii
    # Prawnej"): they are matched in inflected forms (Cyrillic names always are)
    names_inflect: bool = False
    pushback: list[str] = Field(default_factory=list)
    # a regret word ("unfortunately", "на жаль") is pushback unless a few words on, in its sentence and
    # with no contrast word ("but", "але") after it, it sympathises ("these things never come at a good
    # time", "такі речі трапляються", "I know it's not the figure you had in mind")
    # before quotation marks, words that make the quote the customer's ("you wrote", «ви написали»): a
    # refusal or threat inside it is theirs (a quote of one to three words is a mention: 'I know "late
    # fee" is in your company name')
    quote_lead: list[str] = Field(default_factory=list)
    regret: list[str] = Field(default_factory=list)
    regret_empathy: list[str] = Field(default_factory=list)
    # words about the deal (a price, a seat count, the contract, a change to them): a regret sentence
    # naming one is about the request, not sympathy ("unfortunately, I know it's hard, the seats stay")
    regret_deal: list[str] = Field(default_factory=list)
    contrast: list[str] = Field(default_factory=list)
    contract_threat: list[str] = Field(default_factory=list)
    hidden_terms: HiddenTerms = Field(default_factory=HiddenTerms)
    negation: list[str] = Field(default_factory=list)
    negation_after: list[str] = Field(default_factory=list)  # right after the term: "передоплати немає"
    # a word that may stand between a negation and its term and keep the term negated ("no such fee",
    # "sem qualquer multa", "no hay penalización", «не буде штрафу»); any other word there means the
    # negation is on something else ("never realistic under the contract you signed")
    negation_determiner: list[str] = Field(default_factory=list)
    # words that make a clause a condition ("unless", "if", "without", «якщо»): "renews unless you cancel"
    # still renews, though it holds a negation
    condition: list[str] = Field(default_factory=list)
    # words opening a reported question about a term ("asked whether", «питали, чи»): a term in it is asked
    # about, not stated
    asked_whether: list[str] = Field(default_factory=list)
    # a customer's ask reported back without a question word ("you asked for", "ви просили", "Sie baten um"):
    # with `asked_whether`, where the ask a decline answers is named
    asked_for: list[str] = Field(default_factory=list)
    # an extra beyond the standing offer, as a customer asks for it after the counter ("for free", "throw in",
    # "better than the offer", "extend the pause", «безкоштовно», «ще трохи», "kostenlos", "bez opłat"): a polite
    # no to one of these, with the offer kept, is no refusal of the customer's request
    extra_ask: list[str] = Field(default_factory=list)
    # grounds that turn a decline into a refusal of the customer: eligibility, the contract or terms, policy and
    # rules, what is allowed, collections, lawyers, penalties ("you're not eligible", "your agreement doesn't
    # allow it", «договір цього не передбачає»): a decline of an extra ask that names one stays pushback
    decline_grounds: list[str] = Field(default_factory=list)
    # right before / after a refusal or threat, forms that make it none: the customer's own wish ("you'd
    # like to end the contract", "ви хочете розірвати договір") or nobody doing it ("відмовляти вам
    # ніхто не збирається", "no one is going to refuse")
    not_pushback_before: list[str] = Field(default_factory=list)
    not_pushback_after: list[str] = Field(default_factory=list)
    # right before an offer's words (a word or two may come between), the customer's own wish restated:
    # "you'd like a lower price", "ви шукаєте вигідніший тариф" offer nothing
    not_offer_before: list[str] = Field(default_factory=list)
    # right after an offer's words, the customer's wish in languages that put the verb last: "dass Sie in einen
    # günstigeren Tarif wechseln möchten" (not "... möchten wir Ihnen anbieten")
    not_offer_after: list[str] = Field(default_factory=list)
    offer: list[str] = Field(default_factory=list)
    promise: list[str] = Field(default_factory=list)
    commitment: list[str] = Field(default_factory=list)
    save: list[str] = Field(default_factory=list)
    hurdle: list[str] = Field(default_factory=list)
    leak: list[str] = Field(default_factory=list)
    leak_markers: list[str] = Field(default_factory=list)  # prompt sentences about the instructions
    out_of_character: list[str] = Field(default_factory=list)
    # words of a call or a meeting ("a call", "jump on a call", «зідзвонімося», "llamada", "Termin"): a weekday in the
    # same sentence is when to talk ("I'm free Wednesday morning for a call"), not a date of the deal
    meeting: list[str] = Field(default_factory=list)
    # ...unless the weekday is a deadline ("could we speak by Friday?", «до п'ятниці») or the meeting signs the deal
    # ("let's meet on Tuesday to sign"): then it is a date like any other
    meeting_deadline: list[str] = Field(default_factory=list)
    meeting_deal: list[str] = Field(default_factory=list)
    # a date named with its weekday ("on Tuesday 1 December", «у четвер, 3 грудня») is a date to meet unless its sentence
    # names the deal's terms (billing, a price, a pause, the agreement): then it is a date of the deal
    meeting_terms: list[str] = Field(default_factory=list)
    # an event of the customer's or one they are invited to (an open day, an exhibition, a broadcast): a day of the month
    # in its sentence is the event's, not a date of the deal, unless the sentence names the deal's terms
    meeting_events: list[str] = Field(default_factory=list)
    numbers: NumberWords | None = None

    @field_validator("pushback", "quote_lead", "regret", "regret_empathy", "regret_deal", "contrast",
                     "contract_threat", "negation", "negation_after", "negation_determiner", "condition", "asked_whether",
                     "asked_for", "extra_ask", "decline_grounds", "not_pushback_before", "not_pushback_after",
                     "not_offer_before", "not_offer_after", "offer", "promise", "commitment", "save", "hurdle", "leak",
                     "leak_markers", "out_of_character", "meeting", "meeting_deadline", "meeting_deal",
                     "meeting_terms", "meeting_events")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        return _compile_all(v)


class CheckSpec(_Strict):
    category: str
    reason: str


class RuleBook(_Strict):
    checks: dict[str, CheckSpec]
    rule_sets: dict[str, list[str]]

    @field_validator("rule_sets")
    @classmethod
    def _known(cls, v: dict[str, list[str]], info: Any) -> dict[str, list[str]]:
        known = set(info.data.get("checks", {})) | {"hidden_terms"}
        for name, ids in v.items():
            if unknown := [i for i in ids if i not in known]:
                raise ValueError(f"rule set {name!r} names unknown checks {unknown}")
        return v

    def expand(self, stage: str) -> list[str]:
        """The check ids of a rule set, `hidden_terms` expanded to its six checks."""
        if stage not in self.rule_sets:
            raise CoachRunError(f"guard: no rule set {stage!r} (known: {', '.join(sorted(self.rule_sets))})")
        out: list[str] = []
        for cid in self.rule_sets[stage]:
            out += [f"hidden_terms.{t}" for t in HIDDEN_TERMS] if cid == "hidden_terms" else [cid]
        return out


class Compiled:
    """One alternation per category, the languages' patterns joined (a text is checked in every
    language), compiled once per process and version of the files (coach.guard.scan)."""

    def __init__(self, lexicons: dict[str, LanguageLexicon]) -> None:
        self.lexicons = lexicons

    def _join(self, getter: Any) -> Alternation:
        return Alternation([p for lex in self.lexicons.values() for p in getter(lex)], FLAGS)

    def _alt(self, getter: Any) -> str:
        """Every language's forms as one alternation (one that matches nothing when all lists are empty)."""
        return "|".join(f"(?:{p})" for lex in self.lexicons.values() for p in getter(lex)) or r"(?!x)x"

    def _words(self, getter: Any) -> re.Pattern[str]:
        """One pattern of whole-word forms from every language's list."""
        return re.compile(rf"(?<!\w)(?:{self._alt(getter)})(?!\w)", FLAGS)

    @cached_property
    def pushback(self) -> Alternation:
        return self._join(lambda x: x.pushback)

    @cached_property
    def quote_lead(self) -> re.Pattern[str]:
        return self._words(lambda x: x.quote_lead)

    @cached_property
    def regret(self) -> Alternation:
        return self._join(lambda x: x.regret)

    @cached_property
    def regret_empathy(self) -> re.Pattern[str]:
        return self._words(lambda x: x.regret_empathy)

    @cached_property
    def regret_deal(self) -> re.Pattern[str]:
        return self._words(lambda x: x.regret_deal)

    @cached_property
    def contrast(self) -> re.Pattern[str]:
        return self._words(lambda x: x.contrast)

    @cached_property
    def contract_threat(self) -> Alternation:
        return self._join(lambda x: x.contract_threat)

    @cached_property
    def negation(self) -> Alternation:
        return self._join(lambda x: x.negation)

    @cached_property
    def meeting(self) -> re.Pattern[str]:
        return self._words(lambda x: x.meeting + x.meeting_events)  # an event's day is as harmless as a call's

    @cached_property
    def meeting_deadline(self) -> re.Pattern[str]:
        """A deadline lead right before a weekday, or opening the weekday's own words ("by Friday")."""
        alt = self._alt(lambda x: x.meeting_deadline)
        return re.compile(rf"(?<!\w)(?:{alt})\s+\Z|\A(?:{alt})\s", FLAGS)

    @cached_property
    def meeting_deal(self) -> re.Pattern[str]:
        return self._words(lambda x: x.meeting_deal)

    @cached_property
    def meeting_terms(self) -> re.Pattern[str]:
        return self._words(lambda x: x.meeting_terms)

    @cached_property
    def meeting_events(self) -> re.Pattern[str]:
        return self._words(lambda x: x.meeting_events)

    @cached_property
    def negation_determiner(self) -> re.Pattern[str]:
        return self._words(lambda x: x.negation_determiner)

    @cached_property
    def condition(self) -> re.Pattern[str]:
        return self._words(lambda x: x.condition)

    @cached_property
    def asked_whether(self) -> re.Pattern[str]:
        return self._words(lambda x: x.asked_whether)

    @cached_property
    def asked_for(self) -> re.Pattern[str]:
        return self._words(lambda x: x.asked_for)

    @cached_property
    def extra_ask(self) -> re.Pattern[str]:
        return self._words(lambda x: x.extra_ask)

    @cached_property
    def decline_grounds(self) -> re.Pattern[str]:
        return self._words(lambda x: x.decline_grounds)

    @cached_property
    def negation_after(self) -> re.Pattern[str]:
        """A negation right after a term (at most a comma or colon between): anchored, short texts."""
        alt = self._alt(lambda x: x.negation_after)
        # a few words may come between: "штрафів за паузу немає", "prepayment for the first year: none"
        # or a short list: "автоматичного продовження та індексації ціни там немає", "no renewal or rise: none"
        sep = r"[\s,:;\-\u2013\u2014]"
        return re.compile(rf"\A{sep}*(?:(?:[\w']+{sep}+){{0,1}}?(?:{_COORD_WORDS}){sep}+)?"
                          rf"(?:[\w']+{sep}+){{0,3}}?(?:{alt})", FLAGS)

    def _anchored(self, getter: Any, before: bool) -> re.Pattern[str]:
        alt = self._alt(getter)
        if before:  # right before the term (a form may allow a word of its own: "не збираюся вас")
            return re.compile(rf"(?:{alt})[\s,]+\Z", FLAGS)
        return re.compile(rf"\A[\s,]*(?:[\w']+\s+){{0,2}}?(?:{alt})", FLAGS)

    @cached_property
    def not_pushback_before(self) -> re.Pattern[str]:
        return self._anchored(lambda x: x.not_pushback_before, True)

    @cached_property
    def not_pushback_after(self) -> re.Pattern[str]:
        return self._anchored(lambda x: x.not_pushback_after, False)

    @cached_property
    def not_offer_before(self) -> re.Pattern[str]:
        # the wish may name two things: "queréis dejar las redes sociales y bajar la cuota"
        return re.compile(rf"(?:{self._alt(lambda x: x.not_offer_before)})"
                          rf"(?:(?:\s+[^\s,.;:!?]+){{1,5}}?\s+(?:{_COORD_WORDS}))?"
                          rf"(?:\s+[\w']+){{0,2}}[\s,]+\Z", FLAGS)

    @cached_property
    def not_offer_after(self) -> re.Pattern[str]:
        return re.compile(rf"\A[\s,]*(?:{self._alt(lambda x: x.not_offer_after)})", FLAGS)

    @cached_property
    def offer(self) -> Alternation:
        return self._join(lambda x: x.offer)

    @cached_property
    def promise(self) -> Alternation:
        return self._join(lambda x: x.promise)

    @cached_property
    def commitment(self) -> Alternation:
        return self._join(lambda x: x.commitment)

    @cached_property
    def save(self) -> Alternation:
        return self._join(lambda x: x.save)

    @cached_property
    def hurdle(self) -> Alternation:
        return self._join(lambda x: x.hurdle)

    @cached_property
    def leak(self) -> Alternation:
        return self._join(lambda x: x.leak)

    @cached_property
    def leak_markers(self) -> Alternation:
        return self._join(lambda x: x.leak_markers)

    @cached_property
    def out_of_character(self) -> Alternation:
        return self._join(lambda x: x.out_of_character)

    @cached_property
    def hidden(self) -> dict[str, Alternation]:
        return {t: self._join(lambda x, t=t: getattr(x.hidden_terms, t)) for t in HIDDEN_TERMS}

    @cached_property
    def number_languages(self) -> dict[str, NumberWords]:
        return {lang: lex.numbers for lang, lex in self.lexicons.items() if lex.numbers is not None}

    @cached_property
    def weekday_before(self) -> re.Pattern[str]:
        """A weekday ending the text, with at most a comma or "the" after it ("Thursday 14 January", «понеділок,
        11 січня», "Tuesday 2027-01-19"): the date that follows is that weekday's."""
        keys = [k for words in self.number_languages.values() for k in words.weekdays]
        if not keys:
            return re.compile(r"(?!x)x")
        alt = "|".join(f"(?:{k})" for k in keys)
        return re.compile(rf"(?<![\w])(?:{alt}),?\s+(?:the\s+)?$", re.IGNORECASE)


class GuardData:
    def __init__(self, lexicons: dict[str, LanguageLexicon], rules: RuleBook) -> None:
        self.lexicons, self.rules = lexicons, rules
        self.compiled = Compiled(lexicons)


def _fail(path: Path, exc: Exception) -> CoachRunError:
    if isinstance(exc, ValidationError):
        e = exc.errors()[0]
        where = ".".join(str(p) for p in e["loc"]) or "(root)"
        return CoachRunError(f"knowledge/guard/{path.name}: {where}: {e['msg']}")
    return CoachRunError(f"knowledge/guard/{path.name}: {str(exc).splitlines()[0]}")


def _read(path: Path) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, exc) from None


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(base: str, stamp: tuple[tuple[str, float], ...]) -> GuardData:
    folder = Path(base)
    lexicons: dict[str, LanguageLexicon] = {}
    for name, _ in stamp:
        if name == "rules.yaml":
            continue
        path = folder / name
        try:
            lex = LanguageLexicon.model_validate(_read(path))
        except ValidationError as exc:
            raise _fail(path, exc) from None
        if lex.language != path.stem:
            raise CoachRunError(f"knowledge/guard/{path.name}: language: '{lex.language}' does not match the file")
        lexicons[lex.language] = lex
    rules_path = folder / "rules.yaml"
    try:
        rules = RuleBook.model_validate(_read(rules_path))
    except ValidationError as exc:
        raise _fail(rules_path, exc) from None
    for lang in ("en", "uk"):
        if lang not in lexicons or lexicons[lang].numbers is None:
            raise CoachRunError(f"knowledge/guard/{lang}.yaml: the full lexicon (numbers included) is required")
    return GuardData(lexicons, rules)


def guard_data(knowledge_dir: Path) -> GuardData:
    """The lexicons and rule book under <knowledge_dir>/guard, reloaded when a file changes."""
    folder = Path(knowledge_dir) / "guard"

    def take() -> tuple[tuple[str, float], ...]:
        if not folder.is_dir():
            raise CoachRunError(f"{folder}: the guard's lexicons are missing (knowledge/guard/*.yaml)")
        return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*.yaml")))

    stamp = recent("lexicons", str(folder), take)
    with _LOAD_LOCK:  # a second thread waits for the first load rather than compiling everything again
        return _load(str(folder), stamp)

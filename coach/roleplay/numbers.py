"""Numbers written as words, in English and Ukrainian, turned into digits before an offer is read
("thirty-two seats" -> "32 seats", "двадцять чотири місяці" -> "24 місяці", "another year" -> "1 more
year", "півтора року" -> "18 місяців"). "a" and "one" are left alone: the duration reader knows them."""

from __future__ import annotations

import re

_EN_UNITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
_EN = re.compile(r"\b(?:(?P<tens>" + "|".join(_EN_TENS) + r")(?:[\s-](?P<unit>one|" + "|".join(_EN_UNITS) + r"))?"
                 r"|(?P<single>" + "|".join([*_EN_TEENS, *_EN_UNITS]) + r"))\b", re.I)

# stem -> value; every case form a number takes after a preposition ("на двох", "до п'яти")
_UK_UNITS = {"два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'ять": 5, "п'яти": 5,
             "шість": 6, "шести": 6, "сім": 7, "семи": 7, "вісім": 8, "восьми": 8, "дев'ять": 9, "дев'яти": 9}
_UK_TEENS = {"десять": 10, "одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14,
             "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19}
_UK_TENS = {"двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
            "вісімдесят": 80, "дев'яносто": 90}


def _forms(words: dict[str, int]) -> dict[str, int]:
    """Add the oblique "-и" / "-а" forms of teens and tens ("дванадцяти", "сорока")."""
    out = dict(words)
    for w, v in words.items():
        if w.endswith("ь"):
            out[w[:-1] + "и"] = v
        elif w == "сорок":
            out["сорока"] = v
        elif w == "дев'яносто":
            out["дев'яноста"] = v
    return out


_UK_T, _UK_TE = _forms(_UK_TENS), _forms(_UK_TEENS)


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(w).replace("'", "['’]") for w in words), key=len, reverse=True))


_UK = re.compile(r"(?<!\w)(?:(?P<tens>" + _alt(_UK_T) + r")(?:\s+(?P<unit>один|одна|одну|" + _alt(_UK_UNITS) + r"))?"
                 r"|(?P<single>" + _alt({**_UK_TE, **_UK_UNITS}) + r"))(?![\w'’])", re.I)
_MORE_ONE = re.compile(r"\b(?:another|one more|an extra|an additional|a further)\s+(year|month)\b", re.I)
_UK_MORE_ONE = re.compile(r"(?<!\w)ще\s+(?:на\s+)?(?:один\s+)?(рік)(?!\w)", re.I)
# "продовження на рік", "на річний термін": one year with no number word
_UK_A_YEAR = re.compile(r"(?<!\w)на\s+(?:рік|річний\s+(?:термін|строк|період))(?!\w)", re.I)
_HALF = re.compile(r"(?<!\w)(?:півтора\s+рок[иуі]|a year and a half|one and a half years|1\.5 years)(?!\w)", re.I)


# hundreds in Ukrainian, in the nominative and the oblique case ("двісті", "двохсот", "трьохсот")
_UK_HUNDREDS = {"сто": 100, "ста": 100, "двісті": 200, "двохсот": 200, "двохстах": 200, "триста": 300, "трьохсот": 300,
                "чотириста": 400, "чотирьохсот": 400, "п'ятсот": 500, "п'ятисот": 500, "шістсот": 600,
                "шестисот": 600, "сімсот": 700, "семисот": 700, "вісімсот": 800, "восьмисот": 800,
                "дев'ятсот": 900, "дев'ятисот": 900}
_UK_HUNDRED = re.compile(r"(?<!\w)(?P<h>" + _alt(_UK_HUNDREDS) + r")(?:\s+(?P<rest>\d{1,2}))?(?![\w'’.,%])", re.I)
# a written-out amount once its parts are digits: "3 thousand 6 hundred and 80", "37 hundred", "2 тисячі 422"
_EN_BIG = re.compile(r"\b(?:(?P<th>\d{1,3}|one|a)\s+thousand(?:\s*,?\s*(?:and\s+)?(?P<th_h>\d)\s+hundred)?"
                     r"|(?P<h>\d{1,2}|one|a)\s+hundred)(?:\s+(?:and\s+)?(?P<rest>\d{1,2})(?![\d.,%]))?\b", re.I)
_UK_BIG = re.compile(r"(?<![\w.,])(?:(?P<th>\d{1,3})\s+тисяч\w*|(?<!\d\s)тисяч[ау](?!\w))(?:\s+(?P<rest>\d{1,3}))?"
                     r"(?![\w.,%])", re.I)
# "3680 dollars and 50 cents", "2422 долари 50 центів" -> "3680.50 dollars", "2422.50 долари"
_CENTS = re.compile(r"(?<![\d.,])(?P<n>\d+)\s+(?P<unit>dollars?|долар\w*)\s+(?:and\s+|і\s+|та\s+)?"
                    r"(?P<c>\d{1,2})\s+(?:cents?|цент\w*)", re.I)
# "2 137,50 долара": a decimal comma before a currency (Ukrainian usage) -> "2 137.50 долара"
_DECIMAL_COMMA = re.compile(r"(?<=\d),(\d{2})(?=\s*(?:долар|dollar|грн|гривн|usd|uah|\$|на місяць|a month))", re.I)
# "на пів року", "for half a year": a length of six months (not "на наступні пів року", the span of a discount)
_HALF_YEAR = re.compile(r"(?<!\w)(?P<pre>на|for)\s+(?:пів\s?року|half a year)(?!\w)", re.I)


def _amounts(text: str) -> str:
    """Join the parts of a written-out amount into one figure ("3 thousand 6 hundred and 80" -> "3680")."""
    def one(v: str | None) -> int:
        return 1 if v is None or v.lower() in ("one", "a") else int(v)

    def en(m: re.Match[str]) -> str:
        if m.group("th") is not None:
            total = one(m.group("th")) * 1000 + int(m.group("th_h") or 0) * 100
        else:
            total = one(m.group("h")) * 100
        return str(total + int(m.group("rest") or 0))

    def uk(m: re.Match[str]) -> str:
        return str(one(m.group("th")) * 1000 + int(m.group("rest") or 0))

    def hundreds(m: re.Match[str]) -> str:
        return str(_UK_HUNDREDS[m.group("h").lower().replace("’", "'")] + int(m.group("rest") or 0))

    text = _UK_HUNDRED.sub(hundreds, text)
    text = _UK_BIG.sub(uk, _EN_BIG.sub(en, text))
    text = _DECIMAL_COMMA.sub(r".\1", text)
    return _CENTS.sub(lambda m: f"{m.group('n')}.{int(m.group('c')):02d} {m.group('unit')}", text)


def _uk_value(word: str, table: dict[str, int]) -> int:
    return table[word.lower().replace("’", "'")]


# "відсотків 25", "процентів на 20": the number after the word (spoken Ukrainian) reads as "25%"
_UK_PCT_FIRST = re.compile(r"(?<!\d)(?<!\d\s)(?<!\w)(?:відсотк\w*|процент\w*)\s+(?:на\s+|з\s+)?(\d{1,2})"
                           r"(?![\d%.,]\d|\s?%|\s?відс)", re.I)


# an amount said the way people say prices, in two pairs of digits ("thirty-six eighty" is 3,680, "forty-seven fifty"
# 4,750, "thirty-seven twenty-five" 3,725): two number words of 10-99 in a row
_EN_PAIR_WORD = (r"(?:(?:" + "|".join(_EN_TENS) + r")(?:[\s-](?:one|" + "|".join(_EN_UNITS) + r"))?|"
                 + "|".join(_EN_TEENS) + ")")
_EN_PAIR = re.compile(rf"\b(?P<hi>{_EN_PAIR_WORD})[\s-]+(?P<lo>{_EN_PAIR_WORD})\b"
                      r"(?![\s-]+(?:percent|per cent|%))", re.I)


def _en_value(words: str) -> int:
    parts = re.split(r"[\s-]+", words.lower())
    return sum(_EN_TENS.get(p) or _EN_TEENS.get(p) or _EN_UNITS.get(p) or (1 if p == "one" else 0) for p in parts)


# half the price as a percentage ("the first month at half price", "за пів ціни") and percentage points of a discount
# ("add five points to your discount", "two more points off"): read as the percentages they are
_HALF_PRICE = re.compile(r"(?<!\w)(?:(?:at\s+)?half[\s-]+(?:price|the price|off)|(?:за\s+)?пів\s?ціни|"
                         r"(?:за\s+)?половину\s+(?:ціни|вартості))(?!\w)", re.I)
# a bill cut in half ("I cut your bill in half until you reopen", "halve the retainer", «зменшимо рахунок удвічі»)
_IN_HALF = re.compile(r"\b(?P<what>(?:bill|price|fee|invoice|rate|cost|spend|retainer|payment)s?)\s+in\s+half\b|"
                      r"\bhalv(?:e|es|ing|ed)\s+(?P<what2>(?:your|the|our)\s+(?:\w+\s+)?(?:bill|price|fee|invoice|rate|cost|"
                      r"spend|retainer|payment)s?)\b|(?<!\w)(?P<uk>у|в)двічі(?!\w)(?!\s+більш)", re.I)
# a fraction of something ("three fifths of today's seat count", "two thirds of the cut"): its percentage
_FRACTION_OF = re.compile(r"\b(?P<n>a|one|two|three|four)[\s-](?P<d>half|thirds?|quarters?|fifths?)\s+of\b"
                          r"(?!\s+(?:an?|the|that)\s+(?:hour|year|month|day|week|way|quarter|century)\b)", re.I)
_FRACTION_N = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRACTION_D = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}


def _fraction(m: re.Match[str]) -> str:
    n, d = _FRACTION_N[m.group("n").lower()], _FRACTION_D[m.group("d").lower().rstrip("s")]
    return f"{round(100 * n / d)}% of" if n < d else m.group(0)


_POINTS = re.compile(r"(?<!\d)(\d{1,2})\s+(?:(?:more|extra|additional)\s+)?(?:percentage\s+)?points?\b"
                     r"(?=[^.?!]{0,30}\b(?:discount|off)\b)", re.I)


def digits(text: str) -> str:
    """The text with its number words as digits (only where a number word stands alone or as a compound)."""
    text = _HALF.sub(lambda m: "18 місяців" if m.group(0)[0] in "пП" else "18 months", text)
    text = _EN_PAIR.sub(lambda m: str(_en_value(m.group("hi")) * 100 + _en_value(m.group("lo"))), text)
    text = _MORE_ONE.sub(lambda m: f"1 more {m.group(1)}", text)
    text = _UK_MORE_ONE.sub(lambda m: f"ще на 1 {m.group(1)}", text)
    text = _UK_A_YEAR.sub("на 1 рік", text)

    def en(m: re.Match[str]) -> str:
        if m.group("single"):
            w = m.group("single").lower()
            return str(_EN_TEENS.get(w) or _EN_UNITS[w])
        unit = m.group("unit")
        return str(_EN_TENS[m.group("tens").lower()] + (1 if unit and unit.lower() == "one" else
                                                        _EN_UNITS.get((unit or "").lower(), 0)))

    def uk(m: re.Match[str]) -> str:
        if m.group("single"):
            return str(_uk_value(m.group("single"), {**_UK_TE, **_UK_UNITS}))
        unit = (m.group("unit") or "").lower()
        extra = 1 if unit in ("один", "одна", "одну") else _uk_value(unit, _UK_UNITS) if unit else 0
        return str(_uk_value(m.group("tens"), _UK_T) + extra)

    text = _HALF_YEAR.sub(lambda m: m.group("pre") + (" 6 місяців" if m.group("pre").lower() == "на" else " 6 months"),
                          text)
    text = _FRACTION_OF.sub(_fraction, text)
    text = _IN_HALF.sub(lambda m: f"{m.group('what')} by 50%" if m.group("what") else (
        f"cut {m.group('what2')} by 50%" if m.group("what2") else "на 50%"), text)
    text = _HALF_PRICE.sub(lambda m: "50% знижки" if m.group(0).lower().startswith(("за", "пів", "пол")) else "50% off",
                           text)
    text = _UK_PCT_FIRST.sub(lambda m: f"{m.group(1)}%", _UK.sub(uk, _EN.sub(en, text)))
    return _amounts(_POINTS.sub(lambda m: f"{m.group(1)}%", text))

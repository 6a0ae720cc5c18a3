"""When and for how long a customer asks to pause: "for the summer", "June to August", "until
February", "з листопада по березень", "na styczeń i luty", "for two months".

The reader returns calendar months (1-12) and a count, never dates: the policy turns them into a
pause window from `today` and caps the length. Month names are read in the seven languages coach
replies in; the English "May" only when capitalised (the verb "may" is not a month), the French
"été" only after an article ("l'été", "cet été"; "a été" is a verb). Seasons are the northern
hemisphere's. A range counts both ends ("June to August" is three months), except when the end is
the first day of a month ("May 1 to Oct 1") or the customer names only the end ("until February"):
then billing resumes in that month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict

from coach.diagnosis.numbers import words_to_digits

_MONTHS: dict[int, str] = {
    1: r"jan(?:uary)?|січ(?:ень|ня|ні)|enero|januar|jänner|janvier|janeiro|stycz(?:eń|nia|niu)",
    2: r"feb(?:ruary)?|лют(?:ий|ого|ому|ім)|febrero|februar|février|fevereiro|lut(?:y|ego|ym)",
    3: r"mar(?:ch)?|берез(?:ень|ня|ні)|marzo|märz|mars|março|mar(?:zec|ca|cu)",
    4: r"apr(?:il)?|квіт(?:ень|ня|ні)|abril|avril|kwie(?:cień|tnia|tniu)",
    5: r"May|трав(?:ень|ня|ні)|mayo|mai|maio|maj(?:a|u)?",
    6: r"june?|черв(?:ень|ня|ні)|junio|juni|juin|junho|czerw(?:iec|ca|cu)",
    7: r"july?|лип(?:ень|ня|ні)|julio|juli|juillet|julho|lip(?:iec|ca|cu)",
    8: r"aug(?:ust)?|серп(?:ень|ня|ні)|agosto|august|août|sierp(?:ień|nia|niu)",
    9: r"sept?(?:ember)?|верес(?:ень|ня|ні)|se(?:p)?tiembre|september|septembre|setembro|wrze(?:sień|śnia|śniu)",
    10: r"oct(?:ober)?|жовт(?:ень|ня|ні)|octubre|oktober|octobre|outubro|październik(?:a|u)?",
    11: r"nov(?:ember)?|листопад(?:а|і)?|noviembre|november|novembre|novembro|listopad(?:a|zie)?",
    12: r"dec(?:ember)?|груд(?:ень|ня|ні)|diciembre|dezember|décembre|dezembro|grud(?:zień|nia|niu)",
}
# (first month, months)
_SEASONS: list[tuple[str, int, int]] = [
    (r"summer|літ(?:о|а|і)|влітку|verano|sommer|l['’]été|cet été|verão|lat(?:o|em)|wakacj\w*", 6, 3),
    (r"winter|зим(?:а|у|и|ою)|взимку|invierno|l['’]hiver|cet hiver|inverno|zim(?:a|ę|ą)", 12, 3),
    (r"spring|весн(?:а|у|и|ою)|навесні|primavera|frühling|printemps|wiosn(?:a|ę|ą)", 3, 3),
    (r"autumn|осін(?:ь|ню)|восени|otoño|herbst|l['’]automne|outono|jesie(?:ń|nią)", 9, 3),
]
_WORD = r"(?<![\w])(?:{})(?![\w])"
_MONTH_RES = [(m, re.compile(_WORD.format(p), 0 if m == 5 else re.IGNORECASE)) for m, p in _MONTHS.items()]
_SEASON_RES = [(re.compile(_WORD.format(p), re.IGNORECASE), first, n) for p, first, n in _SEASONS]
# between two month names: they make a range (inclusive unless the end is the 1st)
_RANGE_GAP = re.compile(
    r"^[\s\d.,]*(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|till|until|and|&|по|до|і|й|та|a|al|hasta|y|bis|und|"
    r"à|au|et|jusqu['’]?(?:à|en|au)?|até|e|do|i|oraz)\s*(?:the\s+|el\s+|le\s+|o\s+)?(?:1(?:st)?\s+|1\.?\s*(?:de\s+)?)?$",
    re.IGNORECASE)
_END_IS_FIRST = re.compile(r"(?:^|\s)1(?:st)?\.?\s*(?:de\s+)?$|^\s*1(?:st)?\b", re.IGNORECASE)
# before a single month name: billing resumes then
_ARTICLE_DAY = r"\s*(?:the\s+|el\s+|o\s+)?(?:1(?:st)?\s+|1\.?\s*(?:de\s+)?)?$"  # "until the 1st of"
_UNTIL = re.compile(r"(?:until|till|through to|до|hasta|bis(?: zum)?|jusqu['’]?(?:à|en|au)|até|do)" + _ARTICLE_DAY,
                    re.IGNORECASE)
_MONTHS_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,2})\s*(?:-|\s)?(?:months?|mos?|місяц\w*|міс\.?|meses|mes|monate?n?|mois|miesi\w+)(?![\w])",
    re.IGNORECASE)
_AT_LEAST = re.compile(r"(?:at least|minimum|a minimum of|щонайменше|принаймні|мінімум|al menos|como mínimo|mindestens|"
                       r"au moins|pelo menos|no mínimo|co najmniej)\s*(?:на|for|por|für|pendant|durante|na)?\s*$",
                       re.IGNORECASE)
_HALF_YEAR = re.compile(r"half a year|six months|seis meses|sechs monate|пів\s?року|півроку|medio año|halbes jahr|"
                        r"six mois|meio ano|pół roku", re.IGNORECASE)


_FROM = re.compile(r"(?:from|starting(?: in| from)?|beginning(?: of)?|as of|з|із|від|починаючи з|desde|a partir de|"
                   r"ab|von|à partir de|dès|od|począwszy od)" + _ARTICLE_DAY, re.IGNORECASE)
# a range the customer works in, not the one to pause ("we only use it during harvest, aug-nov")
_IN_USE = re.compile(r"(?:\buse|using|busy|open|active|користу|працюєм|usamos|utiliz|nutzen|arbeiten|utilis|używ|"
                     r"pracujem)[^.!?]{0,40}$", re.IGNORECASE)
_FOR = re.compile(r"(?:for|over|in|during|на|у|в|para|en|durante|im|für|pendant|em|por|na|w)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PausePeriod:
    start_month: int | None = None  # 1-12: the first paused month, when the customer names it
    months: int | None = None  # how many months, when stated or implied by a range or season
    resume_month: int | None = None  # 1-12: "until February": billing resumes then (no start named)


def _month_mentions(text: str) -> list[tuple[int, int, int]]:
    """(start, end, month) of every month name, in text order (overlaps keep the first, longest)."""
    found = sorted(((m.start(), m.end(), month) for month, rx in _MONTH_RES for m in rx.finditer(text)),
                   key=lambda t: (t[0], -t[1]))
    out: list[tuple[int, int, int]] = []
    for s, e, month in found:
        if not out or s >= out[-1][1]:
            out.append((s, e, month))
    return out


def read_pause_period(text: str) -> PausePeriod:
    """The pause the text asks for: its first month, length or resume month, each None when not
    stated. A month named in passing ("since March we barely use it") is not a pause month."""
    digits = words_to_digits(text)
    count: int | None = None
    if (m := _MONTHS_COUNT.search(digits)) is not None and 1 <= int(m.group(1)) <= 24:
        # "closed for at least two months": a floor, not the pause's length (the policy's default may be longer)
        count = None if _AT_LEAST.search(digits[max(0, m.start() - 24):m.start()]) else int(m.group(1))
    elif _HALF_YEAR.search(text):
        count = 6
    mentions = _month_mentions(text)
    for (s1, e1, m1), (s2, _e2, m2) in zip(mentions, mentions[1:], strict=False):
        gap = text[e1:s2]
        if _RANGE_GAP.match(gap) and not _IN_USE.search(text[max(0, s1 - 48):s1]):
            inclusive = (m2 - m1) % 12 + 1
            return PausePeriod(m1, max(1, inclusive - 1) if _END_IS_FIRST.search(gap) else inclusive)
    for s, _e, month in mentions:
        before = text[max(0, s - 24):s]
        if _UNTIL.search(before):
            return PausePeriod(None, None, month)
        if _FROM.search(before):
            return PausePeriod(month, count)
        if _FOR.search(before):
            return PausePeriod(month, count or 1)
    for rx, first, n in _SEASON_RES:
        if rx.search(text):
            return PausePeriod(first, count or n)
    return PausePeriod(None, count)


class PauseFields(TypedDict):
    pause_start_month: int | None
    pause_months: int | None
    pause_resume_month: int | None


def pause_fields(text: str) -> PauseFields:
    """The Diagnosis fields for the pause period the text states."""
    p = read_pause_period(text)
    return {"pause_start_month": p.start_month, "pause_months": p.months, "pause_resume_month": p.resume_month}

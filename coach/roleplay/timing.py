"""When a follow-up is set, read from general language patterns in English and Ukrainian: a date
(months, weekdays, ordinals, quarters, fiscal and relative dates such as "in two weeks" or "через
місяць") or an event ("when the new clinic opens", "after your board meeting", "щойно затвердять
бюджет") is *dated*; a rough time ("in a few months", "later this year", "згодом") is *rough*; no
time at all ("let's stay in touch", "whenever you're ready") is *none*. Pure: regular expressions only.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

Timing = Literal["dated", "rough", "none"]

# --- dates -------------------------------------------------------------------------------------------
_MONTHS_EN = (r"january|february|march|april|june|july|august|september|october|november|december|"
              r"jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec")
# "may" is a month only where a verb cannot be: after a preposition or before a day number
_MAY = r"(?:(?:in|by|on|of|from|through|until|till|before|after|early|mid|late|end of|start of|beginning of)[\s-]+" \
       r"may\b|" \
       r"\bmay\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?may\b)"
_WEEKDAYS_EN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri"
_NUM_EN = (r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|eighteen|twenty|thirty|forty|forty-five|sixty|ninety")
_UNIT_EN = r"days?|weeks?|months?|quarters?|years?"
# Ukrainian months in every case they take in a date ("у червні", "15 березня", "до квітня")
_MONTHS_UK = (r"січ(?:ень|ня|ні)|лют(?:ого|ому|ий)|берез(?:ень|ня|ні)|квіт(?:ень|ня|ні)|трав(?:ень|ня|ні)|"
              r"черв(?:ень|ня|ні)|лип(?:ень|ня|ні)|серп(?:ень|ня|ні)|верес(?:ень|ня|ні)|жовт(?:ень|ня|ні)|"
              r"листопад(?:а|і|у)?|груд(?:ень|ня|ні)")
_WEEKDAYS_UK = (r"понеділ(?:ок|ка|ку)|вівтор(?:ок|ка|ку)|серед(?:а|у|і)|четвер(?:а|у)?|п['’]ятниц(?:я|ю|і)|"
                r"субот(?:а|у|і)|неділ(?:я|ю|і)")
_NUM_UK = (r"\d{1,3}|один|одну|одного|два|дві|двох|три|трьох|чотири|чотирьох|п['’]ять|п['’]яти|шість|шести|"
           r"сім|семи|вісім|восьми|дев['’]ять|дев['’]яти|десять|десяти|дванадцять|дванадцяти|"
           r"тридцять|тридцяти|шістдесят|шістдесяти|дев['’]яносто")
_UNIT_UK = r"дн\w*|день|тижн\w*|тиждень|місяц\w*|місяць|квартал\w*|рок\w*|рік"
_ORDINAL_UK = r"перш\w+|друг\w+|трет\w+|четверт\w+|наступн\w+|ць\w+|останн\w+"

_EN_SUBJECT = r"(?:you|your|the|we|our|they|their|it|its|he|she|his|her|billing|hiring|budgets?|(?-i:[A-Z][a-z]+))"
_EN_OCCASION = (r"renewal|budget (?:review|meeting|planning|cycle|approval|season)|board (?:meeting|review)|qbr|"
                r"quarterly (?:review|business review)|kick-?off|launch|go-live|audit|opening|planning "
                r"(?:cycle|session|meeting)|season|migration|rollout|re-?org\w*|merger|review")
_UK_OCCASION = (r"бюджет\w*|запуск\w*|відкритт\w*|аудит\w*|ремонт\w*|засіданн\w*|нарад\w*|поновленн\w*|"
                r"продовженн\w*|затвердженн\w*|перегляд\w*|сезон\w*|міграц\w*|злитт\w*|реорганізац\w*|"
                r"закінченн\w*|завершенн\w*|планування|звіт\w*")
_DATED = re.compile("|".join([
    rf"\b(?:{_MONTHS_EN})\b\.?", _MAY, rf"\b(?:{_WEEKDAYS_EN})\b", r"\btomorrow\b", r"\bfortnight\b",
    r"\b\d{1,2}(?:st|nd|rd|th)\b", r"\b(?!24/7)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"(?<![$€£₴\d,.])\b20[23]\d\b(?![,.]\d|\s?(?:[$€£₴]|usd|eur|uah|грн|dollars|доларів|гривень|a month|per\b|/))",
    r"\b(?:q[1-4]|h[12]|fy\s?\d{2,4})\b",
    r"\b(?:first|second|third|fourth|last|next|this|following|coming)\s+(?:quarter|half)\b",
    r"\b(?:next|this|the following|the coming)\s+(?:week|month|quarter|year|fiscal|financial|budget|cycle|"
    r"release|season|planning|renewal)\b",
    r"\b(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+|this\s+|next\s+|your\s+)?(?:week|month|quarter|"
    r"year|fiscal year|financial year|season|term|contract|pause)\b",
    r"\b(?:quarter|year|month)[- ]end\b",
    rf"\b(?:in|after|within)\s+(?:another\s+|the\s+next\s+)?(?:{_NUM_EN})\s+(?:more\s+)?(?:{_UNIT_EN})\b",
    r"\b(?:in|after|within)\s+(?:a|one)\s+(?:week|month|quarter|year)(?!s| or)\b",
    rf"\b(?:{_NUM_EN})\s+(?:{_UNIT_EN})\s+(?:from now|out|later|after)\b",
    r"\b\d{1,3}[- ](?:day|week|month)\s+(?:check[- ]?in|review|follow[- ]?up|call|mark|point)\b",
    # events: a clause that names what happens, or a named occasion
    rf"\b(?:when|once|as soon as|the moment|right after|by the time)\s+{_EN_SUBJECT}\b",
    # "the week the insurer confirms your reopening date", "the day you hear about the contract": the time of an event
    rf"(?:^|[,;]\s*|\b(?:on|in|from)\s+)(?:the|that)\s+(?:day|week|morning|moment|minute)\s+(?:that\s+)?{_EN_SUBJECT}\s+"
    r"(?:\w+\s+)?(?!(?:is|was|are|were)\b)\w+\b",
    r"(?<!\w)(?:того|в той|у той)\s+(?:дня|день|тижня|тиждень)\s*,?\s+(?:коли|як)\b",
    # "if the retail contract comes through": a named event, even put as a condition
    r"\bif (?:the|your|our|their) (?:[\w-]+ ){1,3}(?:comes? (?:through|back|in)|(?:is|gets|are) (?:approved|signed|"
    r"confirmed|renewed)|goes ahead|opens|launches|lands|closes|returns|recovers|picks up)\b",
    r"(?<!\w)якщо (?:ваш\w* |наш\w* |нов\w+ )?(?:[\w'’-]+ ){0,2}(?:затвердять|підпишуть|відкриється|відкриють|"
    r"запуститься|повернеться|відновиться|підтвердять|погодять)(?!\w)",
    r"\b(?:after|right after)\s+(?:you|we|they|he|she|it|(?-i:[A-Z][a-z]+))\b",
    r"\bafter\s+(?:your|the|our|their)\s+(?:\w+\s+){0,2}(?:is|are|has|have|meets?|opens?|closes?|ends?|starts?|"
    r"signs?|finish\w*|launch\w*|approv\w*|comes?|goes|wraps?|decides?|reports?)\b",
    rf"\b(?:at|before|ahead of|around|for|after|by)\s+(?:the\s+|your\s+|our\s+|their\s+)?(?:next\s+|annual\s+|"
    rf"upcoming\s+|new\s+)?(?:{_EN_OCCASION})\b",
    r"\bbudget (?:cycle|review|planning|season|approval|meeting)\b|\bqbr\b|\bpeak season\b|\bresum\w*",
    # Ukrainian
    rf"(?<!\w)(?:{_MONTHS_UK})(?!\w)", rf"(?<!\w)(?:{_WEEKDAYS_UK})(?!\w)", r"(?<!\w)(?:завтра|післязавтра)(?!\w)",
    rf"(?<!\w)(?:{_ORDINAL_UK})\s+(?:тижн\w*|тиждень|місяц\w*|місяць|квартал\w*|рок\w*|рік)(?!\w)",
    rf"(?<!\w)(?:через|за|протягом|впродовж)\s+(?:(?:{_NUM_UK})\s+)?(?:{_UNIT_UK})(?!\w)",
    r"(?<!\w)через\s+півроку(?!\w)",
    r"(?<!\w)(?:наприкінці|на початку|в середині|у середині|до кінця|в кінці|у кінці|кінець|кінці|початок)\s+"
    r"(?:\w+\s+)?(?:тижн\w*|місяц\w*|квартал\w*|рок\w*|сезон\w*|договору|паузи)(?!\w)",
    rf"(?<!\w)(?:наприкінці|на початку|в середині|у середині|до кінця|в кінці|у кінці)\s+(?:{_MONTHS_UK})(?!\w)",
    # "коли стане ясно", "щойно затвердять": a clause with a verb or a subject; "коли важко" is no event
    r"(?<!\w)(?:коли|щойно|як тільки|як лише|після того,? як)\s+(?:(?:ви|ваш\w*|ми|наш\w*|вони|він|вона|"
    r"нов\w+|бюджет\w*)(?!\w)|(?!(?:можемо|можна|зможемо|буде|будете)(?!\w))\w+(?:ться|уть|ють|ить|ать|ять|ете|"
    r"ите|емо|имо|ме|не|де|же|ре|се|те)(?!\w))",
    r"(?<!\w)до\s+(?:поновленн|продовженн|затвердженн|кінця договору)\w*",
    rf"(?<!\w)(?:після|перед)\s+(?:(?:ваш|наш|нов|наступн|ць|т|річн|квартальн)\w*\s+)?(?:{_UK_OCCASION})(?!\w)",
    r"(?<!\w)бюджетн\w+ (?:цикл|період|перегляд|план\w*)|перегляд\w* бюджету",
]), re.I)

# --- rough times -------------------------------------------------------------------------------------
_ROUGH = re.compile("|".join([
    # "over the next few months", "in the coming weeks": a rough span ahead
    r"\b(?:in|after|within|for|over|during)\s+(?:a\s+|the\s+(?:next|coming)\s+)?(?:few|couple(?:\s+of)?|several|some)"
    r"\s+(?:days|weeks|months|quarters)\b|\b(?:in|over|during) the coming (?:days|weeks|months|quarters)\b", r"\b(?:in|after) a (?:week|month) or (?:two|so)\b",
    r"\b(?:a\s+)?(?:few|couple of) (?:weeks|months) (?:from now|out)\b",
    r"\b(?:after|in) a while\b", r"\blater(?: (?:this|next|in the) (?:year|month|quarter|week))?\b",
    r"\bdown the (?:road|line|track)\b",
    r"\b(?:after|in|by|around|over) (?:the )?new year\b|\bnew year\b",
    # a whole year ahead, or "after the first quarter" of the new term: no date or event inside it ("Let's catch up
    # again next year.", "Зателефоную наступного року.")
    r"\b(?:next|the following|the coming) year\b(?! (?:in|on|at|around|before|after|when) )",
    r"(?<!\w)(?:наступного|наступний|у наступному) (?:року|рік|році)(?!\w)(?! (?:у|в|на|до|після|коли) )",
    r"\bafter the first (?:quarter|month|couple of months|few months)\b(?! of)",
    # a calendar season, not the customer's own event ("after the holidays", "після свят")
    r"\b(?:after|over|around|by|before) the (?:holidays|festive season)\b|(?<!\w)після свят(?!\w)",
    # "after New Year", «після Нового року», «після новорічних свят», «на початку року»: the turn of the year
    r"(?<!\w)(?:після|на|з|до) (?:нового року|новорічних свят|новий рік)(?!\w)|(?<!\w)на початку (?:наступного )?року(?!\w)",
    r"\bin the (?:near |coming )?future\b",
    r"\bsome ?time\b", r"\bat some point\b", r"(?<!as )\bsoon\b(?! as)", r"\bperiodically\b", r"\bregularly\b",
    r"\bevery (?:month|quarter|few|couple|\w+ (?:weeks|months))\b",
    r"\bmonthly\b|\bquarterly\b(?! (?:review|business))",
    r"\b(?:i'?ll|i will|we'?ll|we will) be in touch\b",  # a promise to follow up, with no time
    # "Someone from our side will reach out to arrange it.": the same promise, made for a colleague
    r"\b\w+(?: from [\w ]{1,20}?)?(?:'ll| will) reach out\b",
    r"\b(?:in|after|by|before|around|over|this|next|closer to|nearer to|towards?) (?:the )?(?:spring|summer|autumn|"
    r"fall|winter)\b",
    # "ближче до літа", "під осінь", "на початку весни": a season, a rough time
    r"(?<!\w)(?:ближче до|до|після|під|перед|наприкінці|на початку|в кінці|у кінці|протягом) (?:весни|літа|осені|зими|"
    r"весну|літо|осінь|зиму)(?!\w)",
    r"\baround \w+ time\b",
    # the customer having looked at what we send ("once you've seen the results", "коли ознайомитеся з цифрами"): no
    # event of their own, so a rough time at best
    r"\b(?:once|when|after) you(?:'ve| have)? (?:seen|had (?:a|the) (?:chance|look|moment|time)(?: to \w+)?(?: at)?|"
    r"looked (?:at|over|through)|read|reviewed|gone (?:over|through)|digested|tried) (?:it|them|this|that|these|those|"
    r"(?:the|our|my) (?:\w+ )?(?:results|numbers|figures|report|proposal|deck|comparison|summary|notes|options))\b",
    r"(?<!\w)(?:коли|щойно|після того,? як) (?:ви )?(?:ознайомитеся|подивитеся|переглянете|прочитаєте|побачите) "
    r"(?:з |на )?(?:ним|нею|ними|цим|це|результат\w*|цифр\w*|звіт\w*|пропозиці\w*|порівнянн\w*)(?!\w)",
    r"\b(?:once|when|after) (?:things|the dust|everything|the situation) (?:\w+ )?(?:settle|calm|pick up|improve|"
    r"stabili[sz]e|get better)\w*",
    r"\bonce (?:you'?re|you are) (?:settled|through this|back on your feet)\b",
    # «коли все трохи вляжеться», «щойно ситуація стабілізується»: the same, in Ukrainian
    r"(?<!\w)(?:коли|щойно|як тільки|після того,? як) (?:все|усе|ситуація|справи|пил)\s+(?:\w+\s+)?(?:вляж|налагод|"
    r"стабіліз|покращ|заспоко|уляж|осяд)\w*",
    # Ukrainian
    r"(?<!\w)(?:навесні|влітку|восени|взимку|згодом|пізніше|незабаром|невдовзі|скоро|"
    r"найближчим часом|періодично|регулярно|щомісяця|"
    r"щокварталу)(?!\w)",
    r"(?<!\w)(?:через|за|протягом)\s+(?:деякий|якийсь|певний)\s+час(?!\w)", r"(?<!\w)за якийсь час(?!\w)",
    r"(?<!\w)(?:за|через|протягом)\s+(?:кілька|декілька|пару|пару-трійку)(?!\w)(?:\s+\w+)?",
    r"(?<!\w)(?:коли|як тільки|щойно)\s+(?:все|ситуація|усе|справи)\s+(?:\w+\s+){0,3}"
    r"(?:налагод|заспоко|владна|стабіліз|устатку|покращ)\w*",
]), re.I)

# No time at all: an open invitation ("whenever you're ready", "if anything changes"). It hides the
# "when you" it contains; "sometime" / "колись" turns a date into a rough time ("sometime next year").
_VAGUE = re.compile(r"\bwhenever\b[^.?!]*|\bif (?:anything|something|things?) (?:changes?|comes? up)\b|"
                    r"\bwhen(?:ever)? you(?:'re| are) ready\b|\bwhen(?:ever)? (?:it|the time|the timing) "
                    r"(?:makes sense|is right|suits(?: you)?)\b|\bwhen(?:ever)? (?:it'?s )?convenient\b|"
                    r"\bwhen you (?:have|get|find) (?:a |the )?(?:minute|moment|chance|time)\b|\bif you need\b|"
                    # "give me a shout when you want to restart": the customer left to come back, no time set
                    r"\bwhen(?:ever)? you (?:want|wish|decide|'d like|would like) to (?:restart|resume|start again|"
                    r"come back|pick (?:it|things|this) (?:back )?up|switch (?:it|things|\w+) back on|turn (?:it|things) back on)\b|"
                    r"(?<!\w)коли (?:ви )?(?:захочете|вирішите) (?:відновити|відновитися|повернутися|продовжити)(?!\w)|"
                    r"(?<!\w)(?:коли завгодно|коли (?:ви )?будете готові|коли (?:вам )?(?:буде )?зручно|"
                    r"якщо щось зміниться|"
                    r"якщо (?:вам )?щось (?:знадобиться|буде потрібно))(?!\w)", re.I)
# "see how it goes" is a rough time only beside an actual follow-up ("stay in touch and see how you get on")
_SEE_HOW = re.compile(r"\bsee how (?:you|it|things) (?:get on|go|goes|settle)\b", re.I)
_SOMETIME = re.compile(r"\bsome ?(?:time|day)\b|\bat some point\b|(?<!\w)(?:колись|якось)(?!\w)", re.I)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def timing(sentence: str) -> Timing:
    """How precisely a sentence says when: a date or event, a rough time, or none."""
    hidden = _spans(_ROUGH, sentence) + _spans(_VAGUE, sentence)
    dates = [m for m in _DATED.finditer(sentence)
             if not any(a < m.end() and m.start() < b for a, b in hidden)]
    if dates and not _SOMETIME.search(sentence):
        return "dated"
    if dates or _ROUGH.search(sentence) or _SEE_HOW.search(sentence) and FOLLOW_UP.search(
            _SEE_HOW.sub("", sentence)):
        return "rough"
    return "none"


def dated(sentence: str) -> bool:
    return timing(sentence) == "dated"


# --- follow-ups --------------------------------------------------------------------------------------
FOLLOW_UP = re.compile(
    r"revisit|check[- ]?(?:in|back)|\bring you\b|\bgive you a (?:ring|call|bell)\b|follow[- ]?up|\breview(?!s\b)|\b(?:quarterly|monthly|regular|business|progress|performance) reviews\b|"
    r"reach out|come back|re-?engage|talk again|catch up|"
    r"reconnect|touch base|remind|\bset (?:up )?(?:a |an )?(?:trigger|check-?in|follow-?up)\b|"
    r"\b(?:we|we'll|i'll|let's) (?:talk|speak|chat) (?:about|through)\b|"
    r"add(?:ing)? (?:\w+ ){0,2}back\b|be in touch|scale (?:back )?up|stay in touch|"
    r"keep in touch|(?:speak|chat|meet|talk) (?:again|then)|\b(?:we|let'?s|you and i) (?:\w+ )?meet\b"
    r"(?! (?:your|you (?:half|in|some)|the (?:budget|target|price|cap)|in the middle|halfway))|"
    r"look at \w+(?: \w+)? again|take another look|"
    r"look again|\bping\b|drop you a (?:line|note)|get back to you|circle back|loop back|reconvene|"
    r"\bschedul\w*|\bbook (?:a|an|some|time)\b|\bpencil\w*|calendar|\bsit down\b|pick (?:this|it|things) "
    r"(?:up|back up)|\bemail you\b|send you (?:a|an) (?:note|email|message|invite)|reassess|re-?evaluat\w*|"
    # "let's see how the numbers move": the results watched together
    r"see (?:how|where) (?:things|it|you|we|the (?:numbers|results|figures|leads|campaigns?|metrics))|\bmeeting\b|\bcall\b|\bdemo\b|side-by-side|\bsession\b|\bqbr\b|"
    # Ukrainian
    r"поверн(?:ем|ус|уся|емо|утися|ся)\w*|нагада\w*|перегляд|перегляне\w*|зв['’]яж\w*|зателефону\w*|"
    r"поговор\w*|набер\w*|напиш\w*|зустріч\w*|зустрін\w*|демонстрац\w*|дзвін\w*|созвон\w*|зідзвон\w*|спиш\w*|"
    r"обговор\w*|сконтакт\w*|подзвон\w*|дзвон\w*|запланую|заплануємо|запланувати|подивимо\w*|перевіримо|"
    r"проведемо|"
    r"перевірю|оцінимо", re.I)


def follow_up(sentence: str) -> bool:
    """The sentence arranges a next contact (a call, a review, a check-in)."""
    return bool(FOLLOW_UP.search(sentence))


# --- a pause given as a span of months ("through the end of July", "з грудня до кінця березня") ---
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                                  "nov", "dec"))}
_MONTH_NUMBER |= {m: i + 1 for i, m in enumerate(("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп",
                                                   "верес", "жовт", "листопад", "груд"))}
_MONTH_WORD = (r"(?P<m>january|february|march|april|may|june|july|august|september|october|november|december|"
               r"січ\w+|лют\w+|берез\w+|квіт\w+|трав\w+|черв\w+|лип\w+|серп\w+|верес\w+|жовт\w+|листопад\w*|груд\w+)")
_UNTIL = re.compile(r"(?<!\w)(?:through|until|till|to|up to|до|по)\s+(?:the\s+)?(?:end\s+of\s+|кінця\s+)?"
                    + _MONTH_WORD + r"(?!\w)", re.I)
_FROM = re.compile(r"(?<!\w)(?:from|starting(?: in)?|з|із|від)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+|"
                   r"початку\s+|\d{1,2}(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?)?" + _MONTH_WORD + r"(?!\w)", re.I)


def _month(word: str) -> int | None:
    w = word.lower()
    return next((n for stem, n in _MONTH_NUMBER.items() if w.startswith(stem)), None)


def months_through(text: str, today: date) -> int | None:
    """How many months a span named by its last month covers ("through the end of July" from December
    is 8), starting at the month named with "from", else the month after `today`."""
    end = _UNTIL.search(text)
    if end is None or (last := _month(end.group("m"))) is None:
        return None
    # the start named before the end ("з 1 грудня до кінця лютого, ... оплата з березня": from December)
    starts = [m for m in _FROM.finditer(text) if m.start() < end.start()]
    start = starts[-1] if starts else _FROM.search(text)
    first = _month(start.group("m")) if start else None
    first = first or today.month % 12 + 1
    return (last - first) % 12 + 1

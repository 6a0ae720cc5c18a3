"""The request's figures, read by a small grammar instead of taking the first number in the text.

Every number is attributed: a request (seats to remove, a target seat count, a percentage, a target
monthly amount), a fact ("only 28 of 40 use it", "fewer than 20% of our drivers"), a past event or
context ("our forecasts were off by 30%", "budget cut by 40%"), or nothing. Number words become digits
first ("twenty seats", "двадцять місць"); English and Ukrainian are covered fully, the common forms
in es, de, fr, pt and pl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    # en
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "dozen": 12,
    # uk
    "один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "шість": 6,
    "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "п'ятнадцять": 15, "двадцять": 20, "двадцять п'ять": 25,
    "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сто": 100,
    # es / pt
    "dos": 2, "tres": 3, "cinco": 5, "diez": 10, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "dois": 2, "duas": 2, "três": 3, "dez": 10, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    # de
    "zwei": 2, "drei": 3, "fünf": 5, "zehn": 10, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    # fr
    "deux": 2, "trois": 3, "cinq": 5, "dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    # pl
    "dwa": 2, "dwie": 2, "trzy": 3, "pięć": 5, "dziesięć": 10, "dwadzieścia": 20, "trzydzieści": 30,
    "czterdzieści": 40, "pięćdziesiąt": 50,
}
_WORD_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")(?!\w)",
                      re.I)

SEAT = (r"(?:seats?|licen[cs]es?|logins?|users?|user accounts?|accounts?|people|staff|members|agents|"
        r"місц[ьяе]?|ліцензі[йяїю]|користувач\w*|акаунт\w*|облікових записів|"
        r"licencias?|usuarios?|puestos?|asientos?|plazas?|"
        r"lizenzen|lizenz|nutzer\w*|benutzer\w*|plätze|sitze|arbeitsplätze|"
        r"licences?|sièges?|utilisateurs?|postes?|"
        r"licenças?|usuários?|utilizadores?|assentos?|lugares|"
        r"licencj\w*|stanowisk\w*|użytkownik\w*|miejsc\w*)")
N = r"(\d{1,3}(?:[ ,.]\d{3})+|\d{1,6})"
PCT = r"(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|pct\b|відсот\w*|процент\w*|por ?ciento|prozent|pour ?cent|por cento|procent\w*)"
MONEY = (r"(?:[$€£]\s?" + N + r"(?:\s?k\b)?|" + N + r"(?:\s?k\b)?\s?(?:\$|€|£|usd|eur|gbp|грн|uah|zł|pln|dollars|euros?)"
         r")")

# Requests for a target seat count: "(down) to 20 seats", "cut us to 20", "keep only 20", "до 20 місць".
_TO_SEATS = [
    re.compile(r"\b(?:down to|go(?:ing)? to|move to|reduce(?:d)? to|cut (?:us |it |this )?(?:back |down )?to|drop(?:ping)? "
               r"(?:us )?(?:down )?to|get (?:us )?(?:down )?to|bring (?:us|it) (?:down )?to|scale (?:back|down) to|"
               r"trim (?:\w+ ){0,3}(?:down )?to|lower (?:\w+ ){0,3}to|reduc\w* (?:\w+ ){0,3}to|(?:just |only )?need(?: only| just)?|"
               r"keep(?:ing)?(?: only| just)?|to just|to only|just|only)\s+(?:about |around |roughly )?" + N + r"\s+" + SEAT, re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:would be|will be|is|are|should be) (?:enough|plenty|sufficient)", re.I),
    re.compile(r"(?<!\w)(?:до|лише|тільки|вистачить|залиш\w*(?: нам)?(?: лише| тільки)?)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:a|en|hasta|quedarnos con|solo necesitamos|sólo necesitamos)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:auf|nur noch|nur)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:à|que|besoin que de|garder)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:para|só precisamos de|apenas)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\w)(?:do|tylko|jedynie)\s+" + N + r"\s+" + SEAT, re.I),
]
# "from 320 to 240", "from 40 seats down to 32", "з 40 до 25", "de 40 a 25", "von 40 auf 25", "z 40 do 25".
_FROM_TO = re.compile(r"(?:\bfrom|\bз|\bіз|\bde|\bvon|\bz)\s+" + N + r"\s+(?:" + SEAT + r"\s+)?(?:(?:down|back)\s+)?"
                      r"(?:to|до|a|auf|à|para|do)\s+(?:about |around )?" + N + r"(?!\s*(?:%|percent|відсот|[$€£]))", re.I)
_FROM_TO_NOUN_FIRST = re.compile(SEAT + r"\s+(?:from|з|de|von|z)\s+" + N + r"\s+(?:to|до|a|auf|à|para|do)\s+" + N, re.I)
# Seats to remove: "cut 10 seats", "by 10 seats", "10 fewer seats", "give back 10 of our 40 seats".
_BY_SEATS = [
    re.compile(r"\b(?:drop(?:ping)?|cut(?:ting)?|remov\w*|reduc\w*(?: \w+)? by|lose|losing|releas\w*|give back|"
               r"hand back|trim\w*|shed|get rid of|decreas\w* by|lower\w* by|down by|fewer by|by|scale back)\s+"
               r"(?:another |about |around |roughly )?" + N + r"\s+(?:(?:of )?(?:our|the|my|its) (?:" + N + r" )?)?" + SEAT,
               re.I),
    re.compile(N + r"\s+(?:fewer|less)\s+" + SEAT, re.I),
    re.compile(SEAT + r"\s+(?:count\s+|number\s+)?by\s+" + N + r"\b(?!\s*(?:%|percent|per cent))", re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:less|fewer)\b", re.I),
    re.compile(r"(?<!\w)(?:на|скорот\w*|скороч\w*|прибрати|зменшити на|відмовитися від|мінус)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:reducir|recortar|quitar|eliminar|dar de baja|menos)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:reduzieren|kündigen|streichen|abbauen|weniger)", re.I),
    re.compile(r"\bum\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:supprimer|retirer|réduire de|enlever|moins)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:reduzir|cortar|remover|tirar|menos)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\w)(?:o|usunąć|zmniejszyć o|mniej o)\s+" + N + r"\s+" + SEAT, re.I),
]
_OF_OUR = re.compile(r"\b(?:give back|drop|cut|remove|release|lose)\s+" + N + r"\s+of\s+(?:our|the)\s+" + N, re.I)
# "move 20 of our users over to it" (to a competitor): seats leaving, count only.
_MOVE_N = re.compile(r"\b(?:move|moving|switch|switching|transfer|transferring|migrate|migrating)\s+" + N
                     + r"\s+(?:of\s+(?:our|the)\s+)?" + SEAT, re.I)
# Numbers that are facts about usage, never the request.
_FACT = re.compile(
    r"\b(?:only|just|fewer than|less than|under|about|maybe|barely)\s+" + N + r"\s*%?\s+(?:of|out of|з|із|de|von|sur|z)\s+"
    r"|\b" + N + r"\s+(?:of|out of|з|із|de|von|sur|z)\s+(?:our|the|наших|nuestros|unseren|nos|nossos|naszych)?\s*"
    + N + r"\s+\w+\s+(?:use|actually|really|log|open|are active|користу|usan|nutzen|utilisent|usam|korzyst)"
    r"|(?:fewer than|less than|only|under)\s+" + PCT
    + r"|(?:headcount|staff|team|employees|people|workforce|personnel)\s+(?:\w+\s+){0,2}(?:dropped|fell|shrank|went|"
    r"decreased|declined|grew|changed)\s+(?:down\s+)?from\s+" + N + r"\s+to\s+" + N
    + r"|(?:offer(?:ed)?|propos\w*|counter\w*|quoted|пропозиц\w*|пропону\w*|запропонува\w*|oferta|angebot|offre|proposta|ofert\w*)"
    r"\s+(?:\w+\s+){0,3}" + PCT
    + r"|" + PCT + r"\s+of\s+(?:our\s+|the\s+|them\b)?(?:users|staff|drivers|team|people|employees|members|agents|workers|"
    r"reps|doctors|nurses|customers|seats|licen\w+|logins)?(?<=\w)(?:\s+(?:use|actually|really|log|open|are|have))"
    r"|(?:off by|down|up|grew|growth|fell|dropped|declined|lost|revenue|sales|bookings|forecasts?|budget|бюджет\w*|"
    r"виручк\w*|presupuesto|budget|umsatz)\s+(?:\w+\s+){0,3}(?:by\s+|на\s+|um\s+|de\s+|en\s+)?" + PCT,
    re.I)
_REQ_PCT_BEFORE = re.compile(
    r"(?:cut|reduc\w*|lower|drop|trim|decreas\w*|bring|shave|knock|off|discount|down|need|want|by|do|give|"
    r"скорот\w*|зменш\w*|знизит\w*|знижк\w*|на|reduc\w*|recort\w*|rebaj\w*|bajar|descuento|un|reduzier\w*|kürz\w*|"
    r"senk\w*|um|rabatt|rédui\w*|baisser|remise|de|reduz\w*|cortar|desconto|em|obniż\w*|zmniejsz\w*|ogranicz\w*|"
    r"rabat\w*|o)\W+(?:\w+\W+){0,4}$", re.I)
_KEEP_PCT_BEFORE = re.compile(r"(?:only need|need only|keep|keeping|down to|reduce to|cut to|залишити|залишаємо)\W+"
                              r"(?:\w+\W+)?$", re.I)
_COUNTER_ECHO_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(?:still|is still|feels|seems|is too|isn.t|is not|doesn.t|"
                                 r"не вистачає|замало|забагато|недостатньо|все одно|sigue|ist immer|reste|ainda|wciąż|"
                                 r"nadal)", re.I)
_FRACTIONS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(?:in half|by half|halve[ds]?|halving|half (?:of )?(?:our|the|its|all|my|what))\b|наполовину|удвічі|"
                r"половин\w* (?:користувач|місць|ліцензі|обліков|витрат|суми|бюджет)\w*|"
                r"вдвічі|a la mitad|por la mitad|halbieren|um die hälfte|de moitié|par deux|pela metade|pela meta|"
                r"o połowę|na pół", re.I), 50.0),
    (re.compile(r"\btwo[- ]thirds\b|дві третини", re.I), 66.7),
    (re.compile(r"\b(?:by|about|around|roughly|nearly) (?:a|one) third\b|\bone[- ]third\b|на третину|un tercio|"
                r"ein drittel|d.un tiers|um terço|o jedną trzecią", re.I), 33.3),
    (re.compile(r"\b(?:by|about|around|roughly|nearly)? ?(?:a|one) quarter\b|на чверть|una cuarta parte|un cuarto|"
                r"ein viertel|um ein viertel|un quart|d.un quart|um quarto|o jedną czwartą|o ćwierć|jedną czwartą", re.I),
     25.0),
]
_MONEY_TARGET = re.compile(
    r"(?:down to|to|only|at most|max(?:imum)?|no more than|can pay|pay|afford|budget (?:is|of)|до|лише|не більше|"
    r"a|hasta|solo|auf|nur|höchstens|à|seulement|para|só|apenas|do|najwyżej|tylko)\s+(?:about |around )?" + MONEY
    + r"\s*(?:/|a|per|each|every|на|al|por|im|pro|par|por|miesięcznie|monthly|на місяць|mensuales)?\s*"
    r"(?:month|mo\b|місяць|mes|monat|mois|mês|miesiąc|miesięcznie|monthly)?"
    r"|(?:down to|to|only|pay|afford)\s+(?:about |around )?" + N + r"\s?k\b(?=\s*(?:a|per|/)\s*(?:month|mo\b))", re.I)


@dataclass
class Figures:
    seats_removed: int | None = None  # stated
    seats_from: int | None = None
    seats_to: int | None = None
    reduction_pct: float | None = None  # stated as the request
    target_mrr: float | None = None
    facts: list[str] | None = None  # numbers read as facts or context, for the CSM's notes


def words_to_digits(text: str) -> str:
    return _WORD_RE.sub(lambda m: str(_WORDS[m.group(1).lower()]), text)


def _int(s: str) -> int:
    return int(re.sub(r"[ ,.]", "", s))


def _money(m: re.Match[str]) -> float | None:
    raw = next((g for g in m.groups() if g), None)
    if raw is None:
        return None
    value = float(re.sub(r"[ ,.](?=\d{3}\b)", "", raw).replace(",", "."))
    if re.search(r"\d\s?k\b", m.group(0), re.I):
        value *= 1000
    return value


def read_figures(text: str) -> Figures:
    """The figures of the request in `text` (already free of injected instructions)."""
    t = words_to_digits(text)
    f = Figures(facts=[])
    facts = [m.span() for m in _FACT.finditer(t)]
    f.facts = [t[a:b] for a, b in facts]

    def is_fact(pos: int) -> bool:
        return any(a <= pos < b for a, b in facts)

    m = _OF_OUR.search(t)
    if m and not is_fact(m.start(1)):
        n, of = _int(m.group(1)), _int(m.group(2))
        if 0 < n < of:
            f.seats_removed, f.seats_from = n, of
    for pat in (_FROM_TO, _FROM_TO_NOUN_FIRST):
        m = pat.search(t)
        if m and f.seats_to is None and not is_fact(m.start()):
            a, b = _int(m.group(1)), _int(m.group(2))
            context = t[max(0, m.start() - 40):m.end() + 25]
            years = all(1990 <= v <= 2100 for v in (a, b))
            money = re.search(r"[$€£]|usd|eur|грн|k\b", context, re.I) and not re.search(SEAT, context, re.I)
            if 0 <= b < a and not years and not money:
                f.seats_from, f.seats_to = a, b
                f.seats_removed = a - b
    if f.seats_to is None:
        for pat in _TO_SEATS:
            m = pat.search(t)
            if m and not is_fact(m.start()):
                f.seats_to = _int(m.group(1))
                break
    m = _MOVE_N.search(t)
    if f.seats_removed is None and m and not is_fact(m.start()):
        f.seats_removed = _int(m.group(1))
    if f.seats_removed is None:
        for pat in _BY_SEATS:
            m = pat.search(t)
            if m and not is_fact(m.start()):
                n = _int(next(g for g in m.groups() if g))
                if n > 0 and n != f.seats_to:
                    f.seats_removed = n
                    break
    f.reduction_pct = _request_pct(t, is_fact)
    m = _MONEY_TARGET.search(t)
    if m and not is_fact(m.start()):
        f.target_mrr = _money(m)
    return f


def _request_pct(t: str, is_fact) -> float | None:
    ranked: list[tuple[int, int, float]] = []
    for m in re.finditer(PCT, t, re.I):
        value = float(m.group(1).replace(",", "."))
        if not 0 < value <= 100 or is_fact(m.start()):
            continue
        before, after = t[max(0, m.start() - 50):m.start()], t[m.end():m.end() + 40]
        score = 0
        if _REQ_PCT_BEFORE.search(before):
            score += 2
        if re.match(r"\W*(?:off|less|cut|reduction|discount|decrease|lower|знижк|менше|de descuento|rabatt|de remise|"
                    r"de desconto|rabatu|taniej)", after, re.I):
            score += 2
        if _COUNTER_ECHO_AFTER.search(after):
            score -= 4  # "20% still feels like a lot": the counter being rejected, not the request
        if _KEEP_PCT_BEFORE.search(before) and value < 100:
            value = round(100 - value, 1)
        ranked.append((-score, -m.start(), value))
    if ranked:
        ranked.sort()
        best = ranked[0]
        if -best[0] >= 0:
            return best[2]
    for pat, value in _FRACTIONS:
        fm = pat.search(t)
        if fm and not is_fact(fm.start()):
            return value
    return None

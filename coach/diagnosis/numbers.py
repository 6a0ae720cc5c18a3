"""Number words to digits in en, uk, es, de, fr, pt, pl: "sixty-five", "двохсот", "cento e cinquenta",
"fünfunddreißig", "quatre-vingts", "dwudziestu dwóch".

Words are matched by stem (so Ukrainian and Polish case endings and French plurals read the same)
and a run of number words joined by spaces, hyphens or "and" is summed place by place: hundreds,
then tens, then units ("ста п'ятдесяти" -> 150, "sesenta y cinco" -> 65). "two hundred" multiplies.
"""

from __future__ import annotations

import re

from coach.diagnosis.lexicon import SEAT

# (stem regex, value). Order matters only for readability; the longest match wins in the regex.
_STEMS: list[tuple[str, int]] = [
    # en
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
    ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
    ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
    ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("dozen", 12),
    ("hundred", 100),
    # uk (nominative and oblique cases by stem)
    ("од(?:ин|на|не|ного|нієї|ну)", 1), ("дв(?:а|і|ох|ом|ома)", 2), ("тр(?:и|ьох|ьом)", 3),
    ("чотир(?:и|ьох|ьом)", 4), ("п['’]?ят(?:ь|и|ьох)", 5), ("шіст(?:ь|и)|шести", 6), ("сім|семи", 7),
    ("вісім|восьми", 8), ("дев['’]?ят(?:ь|и)", 9), ("десят(?:ь|и|ьох)", 10), ("одинадцят[ьи]", 11),
    ("дванадцят[ьи]", 12), ("тринадцят[ьи]", 13), ("чотирнадцят[ьи]", 14), ("п['’]?ятнадцят[ьи]", 15),
    ("шістнадцят[ьи]", 16), ("сімнадцят[ьи]", 17), ("вісімнадцят[ьи]", 18), ("дев['’]?ятнадцят[ьи]", 19),
    ("двадцят[ьи]", 20), ("тридцят[ьи]", 30), ("сорок(?:а)?", 40), ("п['’]?ятдесят(?:и)?", 50),
    ("шістдесят(?:и)?|шістдесяти", 60), ("сімдесят(?:и)?", 70), ("вісімдесят(?:и)?", 80), ("дев['’]?яност[оа]", 90),
    ("сто|ста|сотн(?:і|я|ю)", 100), ("двісті|двохсот", 200), ("триста|трьохсот", 300), ("чотириста|чотирьохсот", 400),
    ("п['’]?ятсот|п['’]?ятисот", 500), ("шістсот|шестисот", 600), ("сімсот|семисот", 700),
    ("вісімсот|восьмисот", 800), ("дев['’]?ятсот|дев['’]?ятисот", 900),
    ("двоє|двох", 2), ("троє", 3), ("четверо", 4), ("п['’]?ятеро", 5), ("шестеро", 6),
    ("семеро", 7), ("восьмеро", 8),
    # es
    ("uno|una", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8),
    ("nueve", 9), ("diez", 10), ("once", 11), ("doce", 12), ("quince", 15), ("veinte", 20),
    ("veinti(?:uno|una|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)", -1),
    ("treinta", 30), ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("setenta", 70), ("ochenta", 80),
    ("noventa", 90), ("cien|ciento", 100), ("doscient[oa]s", 200), ("trescient[oa]s", 300),
    ("quinient[oa]s", 500), ("trece", 13), ("catorce", 14), ("dieciséis|dieciseis", 16), ("diecisiete", 17),
    ("dieciocho", 18), ("diecinueve", 19), ("cuatrocient[oa]s", 400), ("seiscient[oa]s", 600),
    ("setecient[oa]s", 700), ("ochocient[oa]s", 800), ("novecient[oa]s", 900),
    # pt
    ("dois|duas", 2), ("três", 3), ("quatro", 4), ("sete", 7), ("oito", 8), ("nove", 9), ("dez", 10),
    ("doze", 12), ("quinze", 15), ("vinte", 20), ("trinta", 30), ("quarenta", 40), ("cinquenta", 50),
    ("sessenta", 60), ("setenta", 70), ("oitenta", 80), ("noventa", 90), ("cem|cento", 100),
    ("duzent[oa]s", 200), ("trezent[oa]s", 300), ("treze", 13), ("catorze|quatorze", 14),
    ("dezesseis|dezasseis", 16), ("dezessete|dezassete", 17), ("dezoito", 18), ("dezenove|dezanove", 19),
    ("quatrocent[oa]s", 400), ("quinhent[oa]s", 500), ("seiscent[oa]s", 600), ("setecent[oa]s", 700),
    ("oitocent[oa]s", 800), ("novecent[oa]s", 900),
    # de (compounds are split below)
    ("eins|eine[nm]?", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7),
    ("acht", 8), ("neun", 9), ("zehn", 10), ("elf", 11), ("zwölf", 12), ("fünfzehn", 15), ("achtzehn", 18),
    ("zwanzig", 20), ("dreißig", 30), ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70),
    ("achtzig", 80), ("neunzig", 90), ("hundert", 100), ("zweihundert", 200),
    # fr
    ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("sept", 7), ("huit", 8), ("neuf", 9),
    ("dix", 10), ("onze", 11), ("douze", 12), ("quinze", 15), ("vingt", 20), ("trente", 30), ("quarante", 40),
    ("cinquante", 50), ("soixante", 60), ("septante", 70), ("huitante", 80), ("nonante", 90),
    ("quatre-vingts?", 80), ("cent", 100), ("deux cents", 200), ("treize", 13), ("quatorze", 14), ("seize", 16),
    # pl
    ("jed(?:en|na|nego|nej)", 1), ("dw(?:a|ie|óch|u)", 2), ("trz(?:y|ech)", 3), ("czter(?:y|ech)", 4),
    ("pięć|pięci(?:u|oma)?", 5), ("sześć|sześci(?:u|oma)?", 6), ("siedem|siedmi(?:u|oma)?", 7), ("ośmi?(?:u)?|osiem", 8),
    ("dziewięć|dziewięci(?:u|oma)?", 9), ("dziesięć|dziesięci(?:u|oma)?", 10), ("dwunast(?:u|ę)?|dwanaście", 12),
    ("piętnast(?:u)?|piętnaście", 15), ("jedenast(?:u)?|jedenaście", 11), ("trzynast(?:u)?|trzynaście", 13),
    ("czternast(?:u)?|czternaście", 14), ("szesnast(?:u)?|szesnaście", 16), ("siedemnast(?:u)?|siedemnaście", 17),
    ("osiemnast(?:u)?|osiemnaście", 18), ("dziewiętnast(?:u)?|dziewiętnaście", 19),
    ("dziewięćdziesi(?:ąt|ęciu)|dziewiecdziesi(?:at|eciu)", 90),
    ("dwudziest(?:u)|dwadzieścia", 20), ("trzydziest(?:u)|trzydzieści", 30),
    ("czterdziest(?:u)|czterdzieści", 40), ("pięćdziesi(?:ąt|ęciu)", 50), ("sześćdziesi(?:ąt|ęciu)", 60),
    ("siedemdziesi(?:ąt|ęciu)", 70), ("osiemdziesi(?:ąt|ęciu)", 80), ("sto|stu", 100), ("dwieście|dwustu", 200),
    ("trzysta|trzystu", 300), ("czterysta|czterystu", 400), ("pięćset|pięciuset", 500), ("sześćset|sześciuset", 600),
    ("siedemset|siedmiuset", 700), ("osiemset|ośmiuset", 800), ("dziewięćset|dziewięciuset", 900),
]
_ES_VEINTI = {"uno": 1, "una": 1, "dós": 2, "dos": 2, "trés": 3, "tres": 3, "cuatro": 4, "cinco": 5, "séis": 6,
              "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}
_DE_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_DE_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
            "neunzig": 90}
_DE_COMPOUND = re.compile(r"(?:(" + "|".join(_DE_UNITS) + r")?hundert)?(?:(" + "|".join(_DE_UNITS) + r")und("
                          + "|".join(_DE_TENS) + r")|(" + "|".join(_DE_TENS) + r"|zehn|elf|zwölf))?$", re.I)
_WORD = re.compile(r"(?<!\w)(?<!\w['’])(" + "|".join(f"(?:{s})" for s, _ in sorted(_STEMS, key=lambda p: -len(p[0])))
                   + r")(?!\w|['’]\w)", re.I)  # a quote mark after ("'down to sixty' seats") ends the word
_VALUES = [(re.compile(rf"(?:{s})$", re.I), v) for s, v in _STEMS]
_HUNDRED = re.compile(r"\s+(?:hundred|hundert)\b", re.I)
# French hundreds after a unit word: "deux cent trente" (230), "trois cent cinquante", "quatre cents".
_FR_HUNDRED = re.compile(r"\s+cents?\b", re.I)
_FR_UNITS = {"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"}
# Spoken hundreds in English: "three-twenty" (320), "two-fifty" (250), "one-oh-five" is not read.
_EN_UNITS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
_JOIN = re.compile(r"^(?:\s+|\s*-\s*|\s+(?:and|y|e|і|й|i|und|et)\s+)$", re.I)
# A German compound number word as a whole ("fünfunddreißig", "hundertzwanzig").
_DE_WORD = re.compile(r"(?<!\w)((?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert)?(?:(?:ein|zwei|drei|"
                      r"vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|"
                      r"achtzig|neunzig)|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|zehn|elf|"
                      r"zwölf)?)(?!\w)", re.I)
# Words that are numbers only in some languages and common words in others; read only before a noun
# a figure can count (seats, licences, users) so "dos usuários" (pt "of the") is not a two.
_AMBIGUOUS = {"dos", "once", "sete", "acht", "elf", "une", "una", "uno", "one", "eine", "einen", "einem", "dwu",
              "sto", "cent", "neuf", "ten", "trzech", "seis", "e", "seize"}


# "from three logins to one", "by ten.": an English preposition before, the end of the phrase after.
_EN_PREP_BEFORE = re.compile(r"\b(?:from|to|by)\s+$", re.I)
_END_AFTER = re.compile(r"\s*(?:[.,;!?)]|$|\s+(?:to|from|at|and|pls|please|thanks)\b)", re.I)
_NOUN_AFTER = {
    "": r"\s+(?:\w+\s+)?(?:seats?|licen|users?|usu|lizenz|nutzer|comptes?|cuentas?|kont|utilisateurs?|postes?|logins?|"
        r"accounts?|agents|members|sièges|plätze|assentos|lugares|stanowisk|percent|per cent|pct\b|%|"
        r"puestos?|thousand|tausend|mille|mil\b)",
    "dos": r"\s+(?:\w+\s+)?(?:licencias|usuarios|puestos|cuentas|asientos|plazas)",  # pt "dos" is "of the"
}


def _value(word: str) -> int | None:
    w = word.lower()
    if w.startswith("veinti") and w[6:] in _ES_VEINTI:
        return 20 + _ES_VEINTI[w[6:]]
    for pat, v in _VALUES:
        if pat.match(w):
            return v
    return None


def _german(word: str) -> int | None:
    m = _DE_COMPOUND.match(word.lower())
    if not m or not word:
        return None
    hundreds = 0
    if "hundert" in word.lower():
        hundreds = 100 * (_DE_UNITS.get((m.group(1) or "ein").lower(), 1))
    rest = 0
    if m.group(2):
        rest = _DE_UNITS[m.group(2).lower()] + _DE_TENS[m.group(3).lower()]
    elif m.group(4):
        rest = {"zehn": 10, "elf": 11, "zwölf": 12}.get(m.group(4).lower()) or _DE_TENS[m.group(4).lower()]
    total = hundreds + rest
    return total or None


_A_DOZEN = re.compile(r"\ba dozen\b", re.I)
# "une douzaine", "una decena", "десяток": a round count said as a collective noun.
_COLLECTIVE = [(re.compile(p, re.I), v) for p, v in (
    (r"\b(?:une|la) dizaine\b|\buna decena\b|\buma dezena\b|(?<!\w)десят(?:ок|ка)\b", "10"),
    (r"\b(?:une|la) douzaine\b|\buna docena\b|\buma dúzia\b|(?<!\w)дюжин[ауи]\b|\btuzin\b|\bein dutzend\b", "12"),
    (r"\b(?:une|la) quinzaine\b|\buna quincena\b|\buma quinzena\b", "15"),
    (r"\b(?:une|la) vingtaine\b|\buna veintena\b|\buma vintena\b", "20"),
    (r"\b(?:une|la) trentaine\b|\buna treintena\b|\buma trintena\b", "30"),
    (r"\b(?:une|la) quarantaine\b", "40"), (r"\b(?:une|la) cinquantaine\b", "50"), (r"\b(?:une|la) centaine\b", "100"))]
# "1 thousand 200 seats", "3 тисячі 600 ліцензій" once the words are digits: thousands times, plus the rest (seats
# only: the money reader reads "20 тисяч гривень", "two thousand a month" itself).
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:thousand|tausend|mille|тисяч[аіи]?|mil|tysi[ąęc]\w*)"
                        r"(?:\s+(?:and\s+|e\s+|y\s+|і\s+)?(\d{1,3})(?![\d.,]))?(?=\s+(?:[\w-]+\s+)?" + SEAT + r"\b)", re.I)

# A thousands word with its remainder, as one figure: before money ("three thousand five hundred dollars a month" ->
# "3 thousand 500 dollars" -> 3500) or before a stop or the end ("from 1200 seats to one thousand and fifty").
_THOUSANDS_REST = re.compile(r"(?<![\d.,])(\d{1,3})\s+(?:thousand|tausend|mille|тисяч[аіи]?|mil|tysi[ąęc]\w*)"
                             r"\s+(?:and\s+|e\s+|y\s+|і\s+|et\s+|und\s+)?(\d{1,3})"
                             r"(?:(?![\d.,])(?=\s*(?:dollars?|bucks|euros?|€|\$|грн|гривень|гривні|zł|złotych|reais|pesos|"
                             r"(?:a|per|each|every|al|por|im|pro|par|на|w)\s+(?:month|mes|monat|mois|mês|місяць|miesiąc)))"
                             r"|(?![\d.,]\d)(?=\s*(?:[.!?,;]|$)))", re.I)


def words_to_digits(text: str) -> str:
    """`text` with runs of number words replaced by their digits; everything else unchanged."""
    text = text.replace("\u02bc", "’")  # the Ukrainian apostrophe letter ("пʼять") as the punctuation one
    text = _A_DOZEN.sub("12", text)  # "take off a dozen licenses": the article is part of the number
    for pat, digits in _COLLECTIVE:
        text = pat.sub(digits, text)
    text = _DE_WORD.sub(lambda m: str(_german(m.group(1))) if m.group(1) and ("und" in m.group(1).lower()
                        or "hundert" in m.group(1).lower()) and _german(m.group(1)) else m.group(0), text)
    out: list[str] = []
    pos = 0
    matches = list(_WORD.finditer(text))
    i = 0
    while i < len(matches):
        m = matches[i]
        total = _value(m.group(1))
        if total is None:
            i += 1
            continue
        end, place, j = m.end(), total, i + 1
        hm = _HUNDRED.match(text, end) or (_FR_HUNDRED.match(text, end) if m.group(1).lower() in _FR_UNITS else None)
        if hm and (total < 10 or (10 < total < 100 and total % 10 != 0)):
            # "two hundred"; "twelve hundred", "fifteen hundred" (1,200, 1,500) but not "twenty hundred"
            total, place, end = total * 100, 100, hm.end()
        while j < len(matches) and matches[j].start() < end:
            j += 1  # "hundred" after "two" was read with it
        if (place == total and m.group(1).lower() in _EN_UNITS and j < len(matches)
                and text[end:matches[j].start()] == "-" and 10 <= (_value(matches[j].group(1)) or 0) < 100):
            tens = _value(matches[j].group(1)) or 0  # "three-twenty": 320, said as two figures
            total, place, end = total * 100 + tens, tens, matches[j].end()
            j += 1
        while j < len(matches) and _JOIN.match(text[end:matches[j].start()]):
            nxt = _value(matches[j].group(1))
            french_teen = place % 100 in (60, 80) and 10 <= (nxt or 0) < 20  # soixante-dix, quatre-vingt-onze
            if nxt is None or (nxt >= _place(place) and not french_teen):
                break
            total, place, end = total + nxt, nxt, matches[j].end()
            j += 1
        word = text[m.start():end]
        before = text[max(0, m.start() - 6):m.start()]
        if word.lower() in ("cien", "ciento", "cento", "cent") and re.search(r"\b(?:por|pour)\s+$", before, re.I):
            i = j
            continue  # "por ciento", "pour cent", "por cento": percent, not a hundred
        if word.lower() in _AMBIGUOUS and not re.match(_NOUN_AFTER.get(word.lower(), _NOUN_AFTER[""]),
                                                       text[end:end + 30], re.I) and not (
                word.lower() in ("one", "ten") and _EN_PREP_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                and _END_AFTER.match(text[end:end + 12])):
            i = j
            continue
        out.append(text[pos:m.start()])
        out.append(str(total))
        pos = end
        i = j
    out.append(text[pos:])
    out_text = _THOUSANDS.sub(lambda m: str(int(m.group(1)) * 1000 + int(m.group(2) or 0)), "".join(out))
    return _THOUSANDS_REST.sub(lambda m: str(int(m.group(1)) * 1000 + int(m.group(2))), out_text)


def _place(value: int) -> int:
    """The smallest value that cannot follow `value` in one number ("fifty" takes units, not tens)."""
    if value >= 100:
        return 100
    if value >= 20 and value % 10 == 0:
        return 10
    return 1

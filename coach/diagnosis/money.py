"""The monthly amount a customer asks to pay, with or without a currency sign.

"down to $5,000 a month" is read by the request grammar's first pattern; this module reads the rest:
"under 4k a month", "до 10 тисяч на місяць", "4.500 al mes", "$500/month is my limit", "1.200 € en vez
de los 1.800", "von 1.100 auf 700 im Monat", "платити 6 000 грн замість 9 000". Every amount in the
text is scored by what surrounds it: a target word before it ("under", "max", "до", "en", "pra",
"płacić"), a month after it, a currency, a price word in its sentence raise it; the amount being paid
now ("we pay $600 a month", "instead of £4k", "hoje tá em R$ 5.200"), a per-user price or a seat
count lower it. The best amount above a threshold is the target; nothing is read otherwise.
"""

from __future__ import annotations

import re

_NUM = r"(\d{1,3}(?:[ .,\u00a0]\d{3})+|\d{1,7}(?:[.,]\d{1,2})?)"
_MULT = (r"(?:\s?(k\b|к\b|thousand|grand\b|"
         r"тисяч\w*|тис\b\.?|тис\.|тыс\w*|mil\b|tys\.?|tysięcy|tausend|mille|"
         r"millones|million\w*|milh\w*))?")
_CUR_BEFORE = r"(?:(?:R\$|US\$|USD|EUR|PLN|UAH|[$€£])\s?)"
_CUR_AFTER = (r"(?:\s?(?:[$€£]|usd|euros?|eur|gbp|pln|uah|zł|zl\b|грн\.?|гривень|гривні|гривн\w*|dollars?|"
              r"dólares|dolares|доларів|долари|долар\b|євро|dolar\w*|bucks|"
              r"pesos(?: \w+)?|"
              r"reais|złotych|netto))")
AMOUNT = re.compile(r"(?<![\w.,])(" + _CUR_BEFORE + r")?" + _NUM + _MULT + r"(" + _CUR_AFTER + r")?(?![\d%])", re.I)

_MONTH_AFTER = re.compile(
    r"^\W{0,3}(?:(?:a|per|each|every|/|im|pro|par|по|в|на|за|al|por|ao|o|na|w)\s?)?"
    r"(?:month\w*|mo\b|mth|monat\w*|mois|mensu\w*|mensais|mês|mes\b|miesiąc\w*|miesięcznie|місяць|міс\b|"
    r"щомісяця|monthly|month)", re.I)
# A ceiling's words that end in "de" or stand before the amount ("ficar abaixo de R$ 3.000", "ne pouvons plus dépasser
# 1 500 €"): a target (_TARGET_BEFORE), and not "from" the price now (_CEILING_BEFORE).
_CEILING_WORDS = r"dépasser|ultrapassar|passar de|pasar de|abaixo de|por debajo de|en dessous de"
# "no puedo pagar más de 2.000 al mes", "can't pay more than $900", "nie możemy płacić więcej niż": a ceiling
_NAMED_CEILING = (r"(?:ліміт|limit|plafond|teto|tope|límite|obergrenze|limit\w*)(?:\s+[\w'’-]+){0,5}?\s*(?:is|é|est|es|ist|"
                  r"jest|—|-|:)?(?:\s+(?:de|désormais|now|agora|ahora|jetzt|тепер))*")
_MORE_THAN = (r"(?<!\w)(?:no|not|n't|nicht|ne|não|nie|не)\s+(?:[\w']+\s+){0,3}?(?:más de|more than|mehr als|plus de|"
              r"mais (?:de|que)|więcej niż|більше(?: ніж| за)?)")
_TARGET_BEFORE = re.compile(
    r"(?<!\w)(?:down to|get (?:us |it )?(?:down )?to|bring (?:us |it )?(?:down )?to|to|under|below|at most|max(?:imum)?|"
    r"no more than|not more than|cap(?:ped)? (?:at|of)|ceiling(?: is| of)?|limit(?: is| of)?|something like|like|"
    r"roughly|around|about|only|can pay|could pay|pay|afford|can u do|can you do|do|"
    r"до|не вище|не більше|максимум|хоча б|хоча б до|ціль|стеля|платити|платили|зрівняти ціну до|в межах|"
    r"a|en|dejar(?:lo|nos)? en|quede en|bajar(?: la \w+)? a|pagar|como máximo|máximo|unos|hasta|"
    r"auf|maximal|höchstens|nur noch|zahlen|"
    r"à|tomber à|baisser à|descendre à|payer|"
    r"pra|para|em|em torno de|no máximo|cair para|chegar(?:em)? a|uns|"
    r"do|maksymalnie|około|w okolicach|płacić|max|"
    # "no pase de 2.500 € al mes", "não pode passar de R$ 5.000", "nicht mehr als 3.000 €", "pas plus de 900 €",
    # "nie więcej niż 4 000 zł", "не більше ніж", "need to be at $2,000"
    r"no (?:puede )?pas(?:e|ar) de|no más de|não (?:pode )?passar de|não mais (?:de|que)|nicht mehr als|"
    r"pas plus de|nie więcej niż|не більше ніж|не більше за|(?:be|land|come in) at|"
    # a ceiling: "ne pouvons plus dépasser 1 500 €", "stay under", "rester sous 900 €", "ficar abaixo de R$ 3.000"
    + _CEILING_WORDS + r"|exceed|go (?:over|above)|superar|überschreiten|przekraczać|przekroczyć|"
    r"перевищувати|перевищити|sous|poniżej|unter|нижче|"
    r"(?:need|want|get|have|put|bring)s? (?:that|it|this|us|the (?:monthly )?(?:bill|price|fee|invoice|"
    r"cost))(?: down)? at|"
    r"орієнтир|ціль|ziel(?: sind| ist| wären)?|objectif|objetivo|meta|cel|"
    r"sous les|en dessous des|abaixo dos|por debajo de los|unter den|"
    # "target is 3,200 a month", "ready to pay 800", "Готові платити", "вийти на 3 000 €", "neue Monatspauschale 3.200 €"
    r"(?:our |the |my )?(?:target|goal|aim)(?: is| of)?|(?:ready|willing|able) to pay|готові платити|вийти на|"
    r"new (?:monthly )?(?:fee|price|rate|retainer)(?: (?:is|of|would be|should be))?|"
    r"neue monatspauschale(?: dann)?(?: bitte)?|"
    r"nueva cuota(?: de)?|nouveau forfait(?: de)?|nova mensalidade(?: de)?|nowy abonament(?: to)?|"
    # "which should leave us paying $2,250", "the retainer with you at $3,500", "вкластися в 40 тисяч", "має стати
    # 27 500 грн", "щоб рахунок був 6 800", "do kwoty 12 000 zł", "celujemy w jakieś 900 zł", "bei rund 600 Euro"
    r"(?:leaves?|leaving|have|has|get|gets) (?:us|me) paying|end up paying|(?:would|'d|will|should) be paying|"
    r"(?:bill|price|fee|invoice|retainer|cost|payment|spend|subscription|total)(?: with you)? at|"
    r"вкласт\w* в|вклада\w* в|укласт\w* в|вміст\w* в|має стати|має бути|мав би бути|мала б бути|повин\w* бути|"
    r"щоб (?:\w+ ){0,2}?(?:був|була|було|стало|стала|становив|становила|становило)|"
    r"do kwoty|do poziomu|do sumy|à hauteur de|до суми|до рівня|auf (?:einen|den) betrag von|"
    r"celuj\w* w|aim(?:ing)? (?:for|at)|shooting for|apunt\w* a|jakieś|około|rund|etwa|ungefähr|environ|десь|"
    r"приблизно|"
    # a ceiling named: "ліміт на цю статтю - 2 500 доларів", "Notre plafond est désormais de 1 500 €", "O teto novo
    # que a diretoria aprovou é R$ 6,5 mil"
    + _NAMED_CEILING + "|" + _MORE_THAN + "|"
    # the customer's own conversion to a month: "$54,000, so $4,500 a month", «тобто 35 000 на місяць», "o sea 3.000 al
    # mes", "donc 6 000 € par mois", "czyli 9 000 zł na miesiąc" (an annual amount is never the monthly target)
    r"so|i\.e\.|that is|that's|тобто|o sea|es decir|donc|soit|c'est-à-dire|czyli|sprich|also|ou seja)\W{0,3}$", re.I)
# "$108k a year", "48.000 al año", "420 тисяч на рік": a yearly amount
_YEAR_AFTER = re.compile(r"^\W{0,3}(?:(?:a|per|/|al|por|par|на|в|w|im|pro|ao|each|every)\s?)?(?:year|yr|annum|año|an\b|рік|"
                         r"року|rok\w*|jahr\w*|ano\b)", re.I)
_LIMIT_AFTER = re.compile(r"^\W{0,3}(?:\w+\W+){0,2}?(?:tops|max\b|maximum|at most|at the most|is my limit|or less|"
                          r"або менше|o menos|ou moins|oder weniger|ou menos|lub mniej|"
                          r"is the (?:ceiling|limit|cap|max)|"
                          r"como máximo|no máximo|máximo|maximal|höchstens|max\.?|maksymalnie|максимум|"
                          r"or we (?:walk|go|leave|re gone|'re gone)|o nos vamos|ou (?:a gente sai|cancelo|saímos)|"
                          r"oder wir|або прощаємось|інакше|landen\b)", re.I)
# The amount paid now, not the one asked for.
_CURRENT_BEFORE = re.compile(
    r"(?:instead of|rather than|not|from|замість|а не|не|з|зараз|наразі|en vez de|en lugar de|no|de|desde|actual\w*|"
    r"statt|anstatt|von|aktuell|au lieu de|em vez de|ao invés de|hoje(?: tá| está)?(?: em)?|zamiast|obecn\w*|z|"
    r"(?:we|i) (?:currently )?pay|(?<!us )(?<!me )(?<!up )(?<!be )paying|pagando|you.re at|we.re at|currently|now|pagamos|pago|"
    r"payons|zahlen wir|płacimy|nicht(?: bei)?|"
    r"платимо|платите|коштує|cobram|bierzecie|"
    r"(?:we|i) pay you|costs?)\W{0,3}(?:(?:the|los|las|der|die|den|les|os|as|obecnych|current|about|"
    r"around|roughly|approximately|like|um|uns|ok\.?|de|du)\W+)?$", re.I)
# "we pay 3.200 a month for ...", "Płacimy za moduł CRM 1 900 zł": the price now, a few words on.
_PAYING_NOW = re.compile(r"(?:\bwe pay|we.re paying|we are paying|\bi pay|(?<!us )(?<!me )(?<!up )(?<!be )paying|pagando|płacimy|pagamos|wir zahlen|zahlen wir|"
                         r"nous payons|on paie|платимо|cuesta|kostet|coûte|custa|kosztuje|коштує|costs)"
                         r"(?!(?:\s+[^\s\d]+){0,3}?\s+(?:no máximo|como máximo|at most|max(?:imum)?|höchstens|"
                         r"maksymalnie|"
                         r"максимум|не більше|au plus|up to|hasta))"
                         r"(?:\s+[^\s\d]+){0,4}\s*\W{0,3}$", re.I)
# A rising price or a reduction by an amount ("went from $42 to $97", "зменшити рахунок на 10 000").
_NOT_TARGET_BEFORE = re.compile(r"(?:went|rose|risen|grew|increased|crept up|gone up|up to|over|виросла|виріс|зросл\w*|"
                                r"passée|subi\w*|gestiegen|subió|aumentou|"
                                r"wzrosł\w*)\W+(?:[\w.,]+\W+){0,4}?(?:[$€£]|R\$)?\s?$"
                                # a competitor's price: "quoting us $2,100/mo", "nos cobra 1.900 al mes"
                                r"|(?:quot(?:ing|ed|es)|nos cobra|cobra|cobran|cobram|offered us|verlangt|bierze|"
                                r"бере)\s+"
                                r"(?:(?:us|nos|nam|нам)\s+)?(?:[\w.,+]+\s+){0,5}?(?:for\s+)?(?:[$€£]|R\$)?\s?$"
                                r"|(?<!\w)(?<!вийти )(?<!вийдемо )(?<!максимум )(?<!щонайбільше )(?:by|на|um|o)\s+(?:about |around |"
                                r"приблизно )?(?:[$€£]|R\$)?\s?$"
                                # "em" is "by" only after a cut verb ("fique em R$ 7.000" is a target)
                                r"|(?:reduz|baix|cort|diminu)\w*\s+(?:[\w.,'’]+\s+){0,4}?em\s+(?:cerca de )?"
                                r"(?:R\$)?\s?$",
                                re.I)
_LESS_AFTER = re.compile(r"^\W{0,3}(?!(?:or|або|o|ou|oder|lub)\s)(?:\w+\W+){0,1}?(?:less|fewer|mniej|менше|"
                         r"weniger|de moins|a menos|"
                         r"cheaper|taniej)\b", re.I)
_ANNUAL = re.compile(r"\b(?:annual\w*|a year|per year|/yr|yearly|per annum|anual\w*|al año|por año|par an|annuel\w*|"
                     r"jahres\w*|pro jahr|im jahr|ao ano|por ano|rocznie|rocznej|roczn\w*|на рік|річн\w*)", re.I)
_NOT_MONEY_BEFORE = re.compile(r"(?:hours?|horas|godzin\w*|stunden|heures|годин\w*|seats?|licen[cs]\w*|licenças|users?|"
                               r"stanowisk\w*|місць|ліцензі\w*|користувач\w*|lizenz\w*|utilisateurs|usuários|"
                               r"użytkownik\w*|clinics?|people|staff)\W+(?:\w+\W+){0,1}$", re.I)
# "support hours from 40 to 25 a month": hours or seats, not money.
_UNITS_FROM_TO = re.compile(r"(?:hours?|horas|godzin\w*|stunden|heures|годин\w*|seats?|licen[cs]\w*|users?|"
                            r"місць|ліцензі\w*|lizenz\w*|stanowisk\w*)\W+(?:\w+\W+){0,2}(?:from|з|de|von|"
                            r"z)\s+\d[\d .,]*\s+"
                            r"(?:to|до|a|auf|à|para|do)\s*$", re.I)
# A ceiling or an approximate target ending in "de"/"als", which would otherwise read as "from" (the price now).
_CEILING_BEFORE = re.compile(r"(?:no (?:puede )?pas(?:e|ar) de|no más de|não (?:pode )?passar de|não mais (?:de|que)|"
                             r"nicht mehr als|pas plus de|nie więcej niż|не більше ніж|не більше за|no more than|"
                             r"not more than|em torno de|cerca de|alrededor de|autour de|" + _MORE_THAN + "|" + _NAMED_CEILING + "|"
                             + _CEILING_WORDS
                             + r")\W{0,3}$", re.I)
_CURRENT_AFTER = re.compile(r"^(?![.!?]\s)\W{0,3}(?:actual\w*|now\b|currently|today|obecnie|zurzeit|aktuell|"
                            r"(?:a|per) month (?:today|currently|right now|at the moment))", re.I)
_PER_UNIT_AFTER = re.compile(r"^\W{0,3}(?:per (?:user|seat|licen\w+|head|location)|a (?:user|seat|head)|each|"
                             r"l.utilisateur|par (?:utilisateur|siège)|por (?:usuario|usuário|licencia)|"
                             r"pro (?:nutzer|user|lizenz)|"
                             r"za (?:salon|użytkownika|licencj\w+)|od (?:lokalizacji|użytkownika)|за (?:місце|"
                             r"користувача|ліцензі\w+))",
                             re.I)
_SEAT_AFTER = re.compile(r"^\s*(?:seats?|licen[cs]es?|users?|logins?|місц|ліцензі|користувач|licencias?|usuari|"
                         r"lizenz|nutzer|sièges?|utilisateurs|licenças|usuários|licencj|użytkownik|people|staff|"
                         r"employees|clinics?|stores?|locations?|rooms|zimmer|salon|%|percent|відсот|years?|days?|"
                         r"monate\b|months\b|meses\b|місяці\b|місяців|miesięcy|stanowisk|hours?|horas|godzin|годин|"
                         r"weeks?|months?|hours?|днів|тижн|місяц|годин|dni|tygodni|días|semanas|meses|tage|wochen|"
                         r"jours|semaines|mois\b|dias|anos|lat\b|років|рок)", re.I)
_PRICE_WORDS = re.compile(
    r"bill|price|cost|spend|invoice|fee|budget|payment|retainer|\bpay|mrr|subscription|contract|monthly|"
    r"оплат|абонплат|витрат|платит|плат|рахун|варт|ціну|ціна|бюджет|гроші|сум[ау]|"
    r"factura|precio|coste|pago|pagar|cuota|presupuesto|mensual|"
    r"rechnung|preis|kosten|zahlen|abo\b|budget|"
    r"facture|prix|coût|payer|"
    r"fatura|preço|custo|mensalidade|pagar|conta|contrato|orçamento|"
    r"faktur|cen[aęy]|koszt|opłat|abonament|płaci|kwot", re.I)
_FROM_TO_MONEY = re.compile(r"(?:\bfrom|\bз|\bde|\bvon|\bdesde|\bz|\bod)\s+" + _CUR_BEFORE + r"?" + _NUM + _MULT
                            + r"(?:" + _CUR_AFTER + r")?\s+(?:(?:down|back)\s+)?(?:to|до|a|auf|à|para|pra|do)\s+"
                            + _CUR_BEFORE + r"?" + _NUM + _MULT + r"(" + _CUR_AFTER + r")?", re.I)
_INSTEAD_MONEY = re.compile(_CUR_BEFORE + r"?" + _NUM + _MULT + r"(?:" + _CUR_AFTER + r")?"
                            r"(?:\s+(?:a|per|/)\s?(?:month|mo)\b|"
                            r"\s+(?:al|por|im|par|на|в)\s+(?:mes|monat|mois|mês|місяць))?\s+(?:instead of|rather than|"
                            r"замість|а не|en vez de|en lugar de|statt|anstatt|au lieu de|em vez de|zamiast|not)\s+"
                            r"(?:the |los |las |der |die |les |os |as |obecnych |current |теперішніх |нинішніх |"
                            r"поточних |"
                            r"actuales |aktuellen |actuels |atuais )?"
                            + _CUR_BEFORE + r"?" + _NUM + _MULT, re.I)
_CUT_VERB = re.compile(r"\b(?:lower|reduc\w*|cut|bring|get|drop)\b"
                       r"|(?<!\w)(?:зменш|зниж|зниз|скорот|скороч|урізат|уріж|опуст|спуст)\w*|\b(?:baj|rebaj|reduc|baix|reduz|diminu|obniż|obniz|zmniejsz|zejd|senk|reduzier|"
                       r"kürz|rédui|baiss|descend)\w*", re.I)
_STRONG_BEFORE = re.compile(r"(?:target|goal|cap|ціль|мета|стеля|максимум|maks|max|objetivo|meta|ziel|cible|cel)\W{0,3}"
                            r"(?:(?:is|of|at|є|це|de|von|à|to)\s+)?(?:[$€£]|R\$)?\s?$", re.I)
_STRONG_AFTER = re.compile(r"^\W{0,3}(?:tops|max\b|maximum|максимум|maks\w*|máximo|maximal|höchstens|is my limit|"
                           r"is the (?:ceiling|limit|cap|max))", re.I)
_MULTIPLIERS = {"k": 1e3, "к": 1e3, "thousand": 1e3, "grand": 1e3, "тис": 1e3, "тыс": 1e3, "mil": 1e3, "tys": 1e3, "tausend": 1e3,
                "mille": 1e3, "millon": 1e6, "million": 1e6, "milh": 1e6}
_MIN_SCORE = 4


def _value(num: str, mult: str | None) -> float | None:
    s = num.replace("\u00a0", " ").strip()
    if re.fullmatch(r"\d{1,3}(?:[ .,]\d{3})+", s):
        s = re.sub(r"[ .,]", "", s)
    else:
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return None
    if mult:
        m = mult.lower()
        factor = next((f for stem, f in _MULTIPLIERS.items() if m.startswith(stem)), 1.0)
        if m.startswith("millon") or m == "millones":
            factor = 1e6
        value *= factor
    return value


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")  # not the dot of "3.200"


def _sentence(text: str, start: int, end: int) -> str:
    a = max((m.start() for m in _SENTENCE_END.finditer(text, 0, max(0, start - 1))), default=-1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end), text.find("! ", end))
             if i >= 0]
    return text[a + 1:min(stops) if stops else len(text)]


def not_a_target(text: str, pos: int) -> bool:
    """Is the amount at `pos` the price paid now, a rising price, a cut by an amount, or hours/seats?"""
    before = text[max(0, pos - 60):pos]
    amount = AMOUNT.match(text, pos)
    value = _value(amount.group(2), amount.group(3)) if amount else None
    return bool(_CURRENT_BEFORE.search(before) or _PAYING_NOW.search(before) or _NOT_TARGET_BEFORE.search(before)
                or _UNITS_FROM_TO.search(before)
                or (value is not None and amount is not None and _rising(before, value, bool(amount.group(3)))))


def paid_now(text: str) -> list[tuple[int, float]]:
    """(position, value) of the monthly amounts the text says are paid now ("we pay 3,200 a month")."""
    out = []
    for m in AMOUNT.finditer(text):
        value = _value(m.group(2), m.group(3))
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
        if value and _PAYING_NOW.search(before) and (_MONTH_AFTER.match(after) or m.group(1) or m.group(4)):
            out.append((m.start(), value))
    return out


def monthly_target(text: str, is_fact=lambda pos: False,
                   paid: list[tuple[int, float]] | None = None) -> float | None:
    """The monthly amount the customer asks to pay, or None; `text` has number words as digits."""
    month_in_text = bool(re.search(_MONTH_AFTER.pattern.replace("^\\W{0,3}", r"(?<!\w)"), text, re.I))
    price_in_text = bool(_PRICE_WORDS.search(text) or re.search(_CUR_BEFORE + r"\d", text)
                         or re.search(r"(?<!\w)" + _CUR_AFTER.replace("\\s?", "", 1), text, re.I))
    if not (month_in_text or price_in_text) or (_ANNUAL.search(text) and not month_in_text):
        return None
    m = _INSTEAD_MONEY.search(text)
    if m and not is_fact(m.start()):
        target, now = _value(m.group(1), m.group(2)), _value(m.group(3), m.group(4))
        priced = _PRICE_WORDS.search(_sentence(text, m.start(), m.end())) or re.search(
            _CUR_AFTER + "|" + _CUR_BEFORE, m.group(0), re.I)
        if target and now and target < now and target >= 20 and priced:
            return target
    m = _FROM_TO_MONEY.search(text)
    if m and not is_fact(m.start()):
        now, target = _value(m.group(1), m.group(2)), _value(m.group(3), m.group(4))
        after = text[m.end():m.end() + 25]
        if now and target and target < now and target >= 20 and not _SEAT_AFTER.match(after) and \
                not _NOT_MONEY_BEFORE.search(text[max(0, m.start() - 50):m.start()]) and (
                _MONTH_AFTER.match(after) or m.group(5) or _PRICE_WORDS.search(_sentence(text, m.start(), m.end()))):
            return target
    paid = paid_now(text) if paid is None else paid
    seen: dict[float, tuple[set[str], int]] = {}  # value -> the points its mentions earned, the last position
    for m in AMOUNT.finditer(text):
        cur_before, num, mult, cur_after = m.group(1), m.group(2), m.group(3), m.group(4)
        value = _value(num, mult)
        if value is None or value < 20 or is_fact(m.start()):
            continue
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
        if _SEAT_AFTER.match(after) or _PER_UNIT_AFTER.match(after) or re.match(r"^\s*\d", after) or \
                _YEAR_AFTER.match(after):
            continue
        if not (cur_before or cur_after or mult) and re.fullmatch(r"(?:19|20)\d\d", num):
            continue  # a year
        if _NOT_TARGET_BEFORE.search(before) or _LESS_AFTER.match(after) or _NOT_MONEY_BEFORE.search(before) \
                or _UNITS_FROM_TO.search(before) or _rising(before, value, bool(mult)):
            continue
        points = _points(text, m, before, after, value, paid)
        old = seen.get(value)
        seen[value] = (points | old[0] if old else points, m.start())
    best: tuple[int, int, float] | None = None
    for value, (points, pos) in seen.items():
        # an amount said twice adds up what each mention says: "get that to 800. 800 a month", "вкластися в 40
        # тисяч на місяць. 40, і не більше"
        score = sum(_POINTS[p] for p in points)
        if score >= _MIN_SCORE and (best is None or (score, pos) > (best[0], best[1])):
            best = (score, pos, value)
    return best[2] if best else None


_POINTS = {"cue": 2, "month": 2, "currency": 1, "multiplier": 1, "limit": 2, "price": 1, "cut": 1, "after_paid": 2,
           "strong": 1, "ceiling": 1, "current": -4}
_RISING = re.compile(r"(?:\bfrom|\bvon|\bde|\bdesde|\bз|\bz)\s+(?:[$€£]|R\$)?\s?" + _NUM + _MULT + r"(?:" + _CUR_AFTER
                     + r")?\s+(?:to|auf|a|à|para|до|do|na)\s+(?:[$€£]|R\$)?\s?$", re.I)


def _rising(before: str, value: float, thousands: bool = False) -> bool:
    """"why did our bill go from $2,340 to $2,610": a price that went up is no target."""
    m = _RISING.search(before)
    start = _value(m.group(1), m.group(2)) if m else None
    if start is not None and m and not m.group(2) and thousands and start * 1000 > value:
        return False  # "з 48 до 30 тис. грн": the thousands belong to both figures
    return start is not None and value > start


def _points(text: str, m: re.Match[str], before: str, after: str, value: float,
            paid: list[tuple[int, float]]) -> set[str]:
    """What around one mention of an amount says it is the target (or the price now): _POINTS' keys."""
    out: set[str] = set()
    cue = bool(_TARGET_BEFORE.search(before))
    if cue:
        out.add("cue")
    if _MONTH_AFTER.match(after):
        out.add("month")
    if m.group(1) or m.group(4):
        out.add("currency")
    if m.group(3):
        out.add("multiplier")
    if _LIMIT_AFTER.match(after):
        out.add("limit")
    sentence = _sentence(text, m.start(), m.end())
    if _PRICE_WORDS.search(sentence):
        out.add("price")
        if cue and value >= 100 and _CUT_VERB.search(sentence):
            out.add("cut")  # "Зменшіть нам абонплату до 3 500": a cut of the price, to this amount
    if cue and any(at < m.start() and 0.2 * now <= value < now for at, now in paid):
        # "we pay 3.200 € a month. Can you get it to 2.500?": a smaller figure after the price now
        out.add("after_paid")
    if _STRONG_BEFORE.search(before) or _STRONG_AFTER.match(after):
        out.add("strong")  # "target 6k", "5к максимум", "$800 tops"
    if _CEILING_BEFORE.search(before):
        out.add("ceiling")
    elif _CURRENT_BEFORE.search(before) or _CURRENT_AFTER.match(after) or _PAYING_NOW.search(before):
        out.add("current")
    return out

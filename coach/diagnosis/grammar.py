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

from coach.diagnosis import seat_phrases
from coach.diagnosis.lexicon import NOT_SEAT_NOUN, PCT, SEAT, N
from coach.diagnosis.money import monthly_target, not_a_target, paid_now
from coach.diagnosis.numbers import words_to_digits

MONEY = (r"(?:[$€£]\s?(\d{1,3}[.,]\d{1,2}(?=\s?k\b))\s?k\b|[$€£]\s?" + N + r"(?:\s?k\b)?|" + N + r"(?:\s?k\b)?\s?(?:\$|€|£|usd|eur|gbp|грн|uah|zł|pln|dollars|euros?|bucks)"
         r")")

# Requests for a target seat count: "(down) to 20 seats", "cut us to 20", "keep only 20", "до 20 місць".
_TO_SEATS = [
    # a form's field: "Requested seat count: 45", "New number of licences: 30"
    re.compile(r"(?<!\w)(?:requested|new|desired|target|бажана|нова|потрібна)\s+(?:(?:seat|licen[cs]e|user)\s+(?:count|number|"
               r"total)|кількість\s+(?:місць|ліцензій|користувачів))\W{0,3}" + N + r"\b", re.I),
    re.compile(r"\b(?:down to|downgrade (?:us )?to|take (?:us |it )?(?:down )?to|go(?:ing)? to|move to|reduce(?:d)? to|cut(?:ting)? (?:us |it |this |you |them )?(?:back |down )?to|drop(?:ping)? "
               r"(?:us )?(?:down )?to|get (?:us )?(?:down )?to|bring (?:us|it) (?:down )?to|scale (?:back|down) to|"
               r"trim (?:\w+ ){0,3}(?:down )?to|lower (?:\w+ ){0,3}to|get by with|make do with|reduc\w* (?:\w+ ){0,3}to|(?:just |only )?need(?: only| just)?|"
               r"keep(?:ing)?(?: only| just)?|right-?siz\w* (?:us |it )?to|to just|to only|just|only)\s+(?:about |around |roughly )?" + N
               + r"\s+" + SEAT, re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:would be|will be|is|are|should be) (?:enough|plenty|sufficient)"
               r"|" + N + r"\s+" + SEAT + r"\s+(?:should|will|would|can)\s+(?:cover|do)\b", re.I),
    re.compile(r"(?<!\w)(?:до|лише|тільки|вистачить|досить|достатньо|(?:за)?лиш(?:ити|аємо|имо|іть|те|ать)(?: нам)?(?: лише| тільки)?|"
               r"залиш\w*(?: нам)?(?: лише| тільки)?)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\bon )(?<!\by )\b(?:a|en|hasta|quedarnos con|solo necesitamos|sólo necesitamos)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:auf|nur noch|nur)\s+(?:die\s+|unsere\s+)?" + N + r"\s+(?:\w+-)?" + SEAT, re.I),
    re.compile(r"\b(?:à|que|besoin que de|garder|gard(?:e|ons|ez)\s+(?:seulement|uniquement|juste))\s+(?:les\s+|nos\s+)?" + N
               + r"\s+" + SEAT, re.I),
    # "which leaves them with only their 22 attorney seats", "Prosimy o 30 licencji"
    re.compile(r"\bleaves? (?:them|us|it) with (?:only |just )?(?:their |our |the )?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
               + r"|(?<!\w)(?:prosimy|proszę|prosimy jedynie|wnosimy) o\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:para|só precisamos de|apenas|ficar com|fica com|manter|até|deix\w*(?: só| apenas)?)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\w)(?:do|tylko|jedynie)\s+" + N + r"\s+" + SEAT, re.I),
    # the count needed bare, with when: "We only need 55 from 1 March", "just need 40 going forward"
    re.compile(r"\b(?:only|just)\s+need\s+" + N + r"(?=\s+(?:from|starting|as of|going forward|after|at renewal|next|"
               r"when|once)\b)", re.I),
    # postposed: "тільки 12 треба", "лише 8 потрібно"
    re.compile(r"(?<!\w)(?:тільки|лише)\s+" + N + r"\s+(?:треба|потрібно|потрібні|потрібна)\b", re.I),
    # the count needed, in every language: "Necesitamos 5 licencias", "precisamos de 12 licenças", "wir brauchen 20
    # Lizenzen", "il nous faut 15 licences", "potrzebujemy 8 licencji", "потрібно 12 місць" (not "N more")
    re.compile(r"(?<!\w)(?<!no )(?<!nie )(?<!не )(?:necesitamos|nos hacen falta|precisamos de|precisamos|brauchen wir|wir brauchen|benötigen wir|"
               r"il nous faut|il nous en faut|nous avons besoin de|potrzebujemy|потрібно|потрібні|треба|нам треба)\s+"
               r"(?:(?:solo|sólo|só|apenas|nur|noch|seulement|tylko|лише|тільки)\s+)?" + N + r"\s+" + SEAT, re.I),
]
# "from 320 to 240", "from 40 seats down to 32", "з 40 до 25", "de 40 a 25", "von 40 auf 25", "z 40 do 25".
_FROM_TO = re.compile(r"(?:\bfrom|\bз|\bзі|\bіз|\bde|\bvon|\bz|\bze)\s+" + N + r"\s+(?:" + SEAT
                      # "de 75 licencias pasamos a 60": one verb between the noun and its preposition
                      + r"\s+(?:(?!(?:to|до|a|auf|à|para|pra|do)\b)[^\W\d]+\s+)?)?(?:(?:down|back)\s+)?"
                      r"(?:to|до|a|auf|à|para|pra|do)\s+(?:about |around )?" + N + r"(?!\s*(?:%|percent|відсот|[$€£]))", re.I)
_TO_PREP = r"(?:down to|to|до|a|à|auf|para|pra|do|en|na)"
# A reduce verb, a few words, then "to N" with no noun after: "please reduce to 110", "reduzieren Sie auf
# 25", "скоротити ліцензії до 9", "Bajadnos a 5", "ajustar pra 60". Not a percent, money or a date.
_REDUCE_VERB = (r"(?:reduc\w*|decreas\w*|shrink\w*|cut|drop|lower|bring|scale|trim|go|move|get|downsize|"
                r"скорот\w*|скороч\w*|зменш\w*|знизи\w*|зниж\w*|урізат\w*|поверн\w*|"
                r"baj\w*|recort\w*|pasar|ajust\w*|reduzier\w*|runter|verringer\w*|senk\w*|gehen|"
                r"rédui\w*|descend\w*|passer|baisser|ajuster|reduz\w*|baix\w*|diminu\w*|pass\w*|cortar|"
                r"zmniejsz\w*|ogranicz\w*|zredukow\w*|obniż\w*|zejść)")
_NOT_SEATS_AFTER = (r"(?!\s*(?:[%$€£\d/]|[.,]\d|k\b|" + NOT_SEAT_NOUN + r"|percent|pour ?cent|proz|procent|відсот|грн|usd|eur|zł|pln|dollars|bucks|"
                    r"euros?|a month|per month|на місяць|numbers?|por ?ciento|por cento|th\b|st\b|nd\b|rd\b|числа|січ|лют|бер|кві|тра|"
                    r"чер|лип|сер|вер|жов|лис|гру|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|de (?:enero|febrero|"
                    r"marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)))")
_REDUCE_TO = re.compile(r"\b" + _REDUCE_VERB + r",?\s+(?:[\w'’-]+,?\s+|[—–-]\s+){0,5}?" + _TO_PREP + r"\s+(?:about |around |roughly |"
                        r"just |only |тільки |лише )?" + N + r"\b" + _NOT_SEATS_AFTER, re.I)
_WE_ARE = re.compile(r"(?:we are|we're|we re|on est|nous sommes|somos|wir sind|jesteśmy|нас|ми|zostało nas)\s+"
                     r"(?:now\s+|maintenant\s+|ahora\s+|jetzt\s+|agora\s+|teraz\s+|тепер\s+|зараз\s+)?$", re.I)
_BY_EN = re.compile(r"(?:reduc|recort|baj|rebaj|dismin)\w*\b.*\ben\s+\S+$", re.I)
_MONEY_WORDS = re.compile(r"bill|price|cost|spend|invoice|fee|budget|payment|rate|retainer|\bpay|mrr|\bmonthly\b|"
                          r"оплат|абонплат|витрат|платити|пакет|paga|pagar|zahlen|payer|płaci|рахун|варт|ціну|"
                          r"бюджет|платіж|factura|precio|coste|pago|cuota|rechnung|preis|kosten|facture|prix|"
                          r"coût|fatura|preço|custo|mensalidade|faktur|cen[aęy]|koszt|opłat", re.I)
# "14 logins instead of 22", "140 seats going forward rather than the current 200", "9 замість 22".
_INSTEAD = re.compile(N + r"(?!\s*" + NOT_SEAT_NOUN + r")\s+(?:[\w'’-]+\s+){0,3}?(?:instead of|rather than|замість|en vez de|en lugar de|statt|"
                      r"anstatt|au lieu de|em vez de|ao invés de|zamiast)\s+(?:the |our |the current |current |"
                      r"the existing |los |las |der |den |les |os |as )?(?:(?:today'?s|today|now|currently|heute|aktuell|derzeit|"
                      r"actuellement|aujourd'hui|hoy|ahora|hoje|agora|obecnie|teraz|зараз|сьогодні|наразі)\s+)?" + N + r"\b(?!\s*" + NOT_SEAT_NOUN + ")", re.I)
_DAY_BEFORE = re.compile(r"(?:\bday|\bdia|\bdía|\btag|\bjour|dzień|день|числа|\bdue|vencimento|vencimiento)\W*$", re.I)
# An amount of money stated before "to N" ("we pay 3.200 a month, can you get it to 2.500?"): N is money.
_AMOUNT_BEFORE = re.compile(r"[$€£]\s*\d|\d[\d.,\s]*\s*(?:[$€£]|грн|zł|usd|eur\b|euros?\b|dollars?\b)|\d[\d.,]*\s*(?:k\s*)?"
                            r"(?:a|per|/|each|every)\s*(?:month|mo\b)|\d[\d.,]*\s*(?:на місяць|al mes|im monat|pro monat|"
                            r"par mois|por mês|ao mês|miesięcznie|monthly)", re.I)
_MONEY_NEAR = re.compile(r"[$€£]|грн|гривн|zł|usd|eur|тис|mil\b|tys|k\b|платит|płaci|\bpay|pag[ao]|zahl|pai|"
                         r"оплат|mrr|budget|бюджет|presupuesto|orçamento", re.I)
# "team down from 22 to 9", "кількість кухонь з 4 до 2": the figure belongs to people or places.
_PEOPLE_BEFORE = re.compile(r"(?:" + NOT_SEAT_NOUN + r"|team|команд\w*|штат\w*|headcount|equipo|équipe|time|zespół|"
                            r"кількість \w+|nombre de \w+|número de \w+|anzahl \w+)\W+(?:[\w'’-]+\W+){0,2}$", re.I)
# "keep 30 of our 40", "we only need 35 of the 50", "ficar com 40 das 60", "лишаємо тільки 10 з 35".
_KEEP_OF = re.compile(r"(?:keeps?|keeping|retains?|needs?|ficar com|fica com|лиша\w*|залиш\w*|вистачить|потрібно|треба|dejen|dejar|quedarnos con|"
                      r"garder|behalten|zostaw\w*|precisamos de)\s+(?:us |нам |nos |uns |nam )?(?:only |just |тільки |лише |solo |nur |"
                      r"seulement |apenas |tylko )?" + N + r"\s+(?:" + SEAT + r"\s+)?(?:of|out of|з|із|das|dos|de|"
                      r"von|sur|z)\s+(?:our|the|the current|наших|наявних|las|los|unseren|nos|nossas|nossos|"
                      r"naszych)?\s*" + N + r"\b", re.I)
# "з 40 менеджерів залишаємо 12", "from our 60 licences keep 25".
# "of our 85 seats we really need 60", "з 300 місць нам треба 260"
_OF_KEEP = re.compile(r"(?:\bfrom|\bof|\bз|\bіз|\bde|\bvon|\bz)\s+(?:our |the |наших |las |los |unseren )?" + N
                      + r"\s+(?:[\w'’-]+\s+){1,3}?(?:keep|(?:really |only |just )?need|треба|потрібно|necesitamos|precisamos|"
                      r"brauchen|potrzebujemy|залиш(?:те|ити|аємо|имо|іть)|лиша(?:ємо|ю|ти)|лишити|лишимо|зробимо|зробіть|"
                      r"dejen|dejar|ficar com|behalten|garder|zostaw\w*)"
                      r"\s+(?:only |тільки |лише )?" + N + r"\b", re.I)
# "залиште 8", "Dejen 15 y listo", "Dejadlo en 9", "Laissez-en 10", "просять залишити 15".
_KEEP_BARE = re.compile(r"(?:залиш(?:те|ити|аємо|имо|іть)|лиша(?:ємо|ю|ти)|лиш(?:іть|те|имо|аймо)|dejen|dejad\w*|déjanos|laissez(?:-en)?|gardez|behalten Sie|"
                        r"zostaw\w*|leave us (?:with|at)|zróbcie|зробіть)\s+(?:[\w'’-]+\s+)?(?:тільки |лише |only |just |"
                        r"en |solo |nur |tylko )?" + N + r"\b(?!\s*(?:%|з\b|із\b|of\b|de\b|von\b|sur\b|z\b))"
                        + _NOT_SEATS_AFTER, re.I)
_ARROW = re.compile(N + r"\s*(?:" + SEAT + r"\s*)?(?:→|->|=>|⟶)\s*" + N + r"\b(?!\s*(?:%|[$€£]|k\b))", re.I)
_FROM_TO_NOUN_FIRST = re.compile(SEAT + r"\s+(?:from|з|de|von|z)\s+" + N + r"\s+(?:to|до|a|auf|à|para|do)\s+" + N, re.I)
# The seats the customer has now, stated beside a target ("we have 150 seats ... reduce to 110", "of our 50
# licences", "von unseren 60 Lizenzen", "Sur les 30 comptes", "(aktuell 28)"): the removal is the difference.
_CURRENT_SEATS = re.compile(
    r"(?:we have|we've got|we got|we currently have|currently have|we're paying for|we pay for|bought|licensed for|"
    r"tenemos|wir haben|nous avons|temos|mamy|у нас(?: є)?|маємо)\s+(?:[\w-]+\s+){0,2}?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
    + r"|(?:\bof|out of|von|\bde|\bdes|sur|\bz|\bз|\bіз|\bdas|\bdos)\s+(?:our|the|unseren|den|las|los|les|nos|nossas|"
    r"nossos|naszych|наших|наявних)\s+" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
    + r"|\((?:aktuell|currently|now|obecnie|зараз|actualmente|actuellement|atualmente)\s+" + N + r"\)"
    r"|(?:obecnie jest|aktuell sind es|currently at|the current)\s+" + N + r"\b"
    # "досить 3 місць, зараз 5.": now, a bare count before a stop
    r"|(?<!\w)(?:зараз|сейчас|currently|now|ahora|jetzt|teraz|actuellement|agora)\s+" + N + r"(?=\s*(?:[.;)]|$))"
    # "We're at 320 right now", "on est à 230", "wir sind bei 560": the count held, said bare
    r"|(?:we'?re at|we are at|on est à|nous sommes à|estamos en|estamos com|wir sind bei|jesteśmy na|ми на)\s+" + N
    + r"\b(?![.,]\d)(?!\s*(?:[%$€£]|k\b|euros?|dollars?|грн|zł|percent|per ?cent|por ciento|pour ?cent|prozent|procent))"
    # "We had 26.", "the 35 we're paying for", "Requested seat count: 45 / Current seat count: 52"
    r"|(?:we had|we used to have|у нас було|teníamos|wir hatten|nous avions|tínhamos|mieliśmy)\s+" + N + r"\b(?!\s*[%$€£])"
    r"|\bthe\s+" + N + r"\s+(?:[\w-]+\s+)?(?:we're paying for|we are paying for|we pay for|we have now|we have today)\b"
    r"|(?<!\w)(?:current|поточна)\s+(?:(?:seat|licen[cs]e|user)\s+(?:count|number|total)|кількість\s+(?:місць|ліцензій|"
    r"користувачів))\W{0,3}" + N + r"\b"
    # a list of the state now: "- licences: 150", "- ліцензій: 40"
    r"|(?<![\w-])(?:licen[cs]es|seats|ліцензій|місць|licencias|lizenzen|licences|licenças|licencje)\s*:\s*" + N + r"\b", re.I)
# The seats paid for now without the noun ("ahora mismo pagamos 25", "hoje pagamos quarenta", "зараз оплачуємо 35"),
# beside a target that names them: taken only when close to the target (no money amount).
_PAID_SEATS = re.compile(r"(?<!\w)(?:pagamos|paie|payons|pago|оплачуємо|платимо за|zahlen (?:wir )?für|płacimy za|paying for|"
                         r"pay for)\s+(?:(?:por|for|за|für|za)\s+)?" + N + r"\b(?![.,]\d)(?!\s*(?:[%$€£]|k\b|euros?|dollars?|"
                         r"грн|zł|reais|mil\b|тис))", re.I)
# Seats to remove: "cut 10 seats", "by 10 seats", "10 fewer seats", "give back 10 of our 40 seats".
_REMOVE_VERB = (r"(?:remov\w*|drop\w*|cut\w*|lose|quit\w*|elimin\w*|supprim\w*|retir\w*|enlev\w*|streich\w*|lösch\w*|"
                r"entfern\w*|deaktivier\w*|usu[nń]\w*|wyłącz\w*|tirar|corta\w*|відключ\w*|вимкн\w*|прибер\w*|прибира\w*|"
                r"зня\w*|знім\w*|видал\w*)")
_BY_SEATS = [
    # a total after two groups: "drop the 5 paralegal seats and the 7 contractor seats, 12 in total", "разом 10"
    re.compile(r"\b" + _REMOVE_VERB + r"[^.!?\n]{0,90}?[,—–-]\s*(?:" + N + r"\s+(?:in total|total|altogether|insgesamt|"
               r"en total|au total|no total|w sumie|łącznie)\b|(?:разом|усього|всього|razem|łącznie|insgesamt|in total|en total|"
               r"au total|no total)\s*[—–:-]?\s*" + N + r"\b)", re.I),
    # a share and its count: "на 25%, тобто на 12", "by 20%, that is 8 seats", "o 10%, czyli 5 licencji"
    re.compile(PCT.replace("(", "(?:", 1) + r"\s*,?\s*(?:тобто|that is|i\.e\.|czyli|c'est-à-dire|soit|es decir|ou seja|also|das sind)\s+"
               r"(?:на\s+|by\s+|o\s+|um\s+|de\s+|en\s+)?" + N + r"\b(?!\s*(?:%|[$€£]))", re.I),
    # the rest named, then counted: "resztę, czyli 27 kont ... usuwamy", "the rest, that's 30 seats, can go"
    re.compile(r"(?:resztę|the rest|la resta|le reste|o resto|den rest|решту|решта)\s*,?\s*(?:czyli|that'?s|that is|i\.e\.|"
               r"тобто|це|es decir|soit|ou seja|also)\s+" + N + r"\s+(?:[\w'’-]+\s+)?" + SEAT, re.I),
    # a group of seats named with a verb after it: "the 60 seasonal cashier logins added in November need to come
    # off", "the 25 BPO agent seats go away then"
    re.compile(r"\b(?:the|all(?: the)?|those|these|our|their)\s+" + N + r"\s+(?:[\w'’-]+\s+){0,3}?" + SEAT
               + r"\b(?:\s+[\w'’-]+){0,6}?\s+(?:need to come off|(?:can|will|should|must|need to|have to|are to) (?:come off|go\b|"
               r"be (?:removed|cut|dropped|switched off|turned off))|go away|come off|are going away|are going)\b", re.I),
    # the group, then its count: "Cut the freelancer seats. All 18.", "drop the interns? 8 seats", "lose the viewers
    # (that's 40)"
    re.compile(r"\b(?:cut|drop|remove|lose|kill|switch off|turn off)\s+(?:the|all(?: the)?|those|our)\s+(?:[\w'’-]+\s+){0,3}?"
               r"(?:" + SEAT + r"\W+(?:all(?: of them)?|that'?s|that is)\s+" + N + r"\b|[\w'’-]+\s*[?(,:—–-]+\s*(?:(?:that'?s|that is)\s+"
               + N + r"\b|" + N + r"\s+" + SEAT + r"\b))", re.I),
    # Ukrainian: "переглядачів прибираємо — це 40 місць", "приберіть місця всіх механізаторів, їх 18", "всі 9 місць знімайте"
    re.compile(r"(?<!\w)(?:прибира\w*|прибер\w*|знім\w*|зня\w*|відключ\w*|видал\w*)\s*(?:[—–-]+\s*це|[\w'’-]*\s*(?:[\w'’-]+\s+){0,3}?"
               r"[\w'’-]+,\s*їх)\s+" + N + r"\b(?!\s*(?:%|відсот))", re.I),
    re.compile(r"(?<!\w)(?:всі|усі|їхні|їх)\s+" + N + r"\s+" + SEAT + r"\s+(?:[\w'’-]+\s+)?(?:знімайте|прибирайте|відключайте|видаляйте|"
               r"знімаємо|прибираємо|відключаємо)(?!\w)", re.I),
    # German: "die Zugänge der Saisonkräfte löschen, 22 Stück"
    re.compile(SEAT + r"\s+(?:[\w-]+\s+){0,3}?(?:löschen|entfernen|streichen|deaktivieren|kündigen)\W+" + N + r"\s+Stück\b", re.I),
    re.compile(r"\b(?:(?:reduction|cut|decrease|removal)\s+of|drop(?:ping)?|cut(?:ting)?|remov\w*|reduc\w*(?: \w+)? by|lose|losing|releas\w*|give back|"
               r"hand back|trim\w*|shed|get rid of|decreas\w* by|lower\w* by|down by|fewer by|by|scale back|"
               r"take (?:out|off)|switch(?:ing)? off|turn(?:ing)? off|cancel)\s+(?:(?:the|those|these|that|our|[\w-]+'s)\s+){0,2}"
               r"(?:another |about |around |roughly )?" + N + r"\s+(?:(?:of )?(?:our|the|my|its) (?:" + N + r" )?)?"
               r"(?:(?!(?:of|to|from|and|or)\b)[a-z-]+\s+)?" + SEAT, re.I),
    re.compile(N + r"\s+(?:fewer|less)\s+(?:[a-z-]+\s+)?" + SEAT, re.I),
    re.compile(N + r"\s+(?:[a-z-]+\s+)?" + SEAT + r"\s+(?:removed|cancell?ed|dropped|taken off|off the plan|off)\b",
               re.I),
    re.compile(SEAT + r"\s+(?:[\w'’-]+\s+){0,2}(?:um|o|на)\s+" + N + r"\b(?!\s*(?:%|відсот|procent|prozent|\d))", re.I),
    re.compile(r"(?:(?:dar|den|dé|dad) de baja|quit\w*|elimin\w*|stornier\w*|supprim\w*|retir\w*|enlev\w*|"
               r"tir[ae]\w*|abgeben|zabierz\w*|заберіть|прибер\w*|usu[nń]\w*|remove|drop|cut)(?:\s+|,\s*)"
               r"(?:(?:esas|esos|estas|essas|esses|las|los|sus|die|ces|les|the|their|those|ці|ті|їхні)\s+)?"
               r"(?:umas |unas |about |around )?" + N + r"\s+(?:[\w-]+\s+){0,2}?" + SEAT, re.I),
    re.compile(N + r"\s+(?:[\w-]+\s+){0,2}?" + SEAT + r"\s+(?:[\w-]+\s+){0,4}?(?:abgeben|stornieren|streichen|"
               r"kündigen|entfernen|abziehen|abbauen|wegnehmen|can go|are no longer needed|aren't needed|to be removed|"
               # "18 seats we can let go", "14 ліцензій прибираємо", "vingt licences à retirer"
               r"(?:we )?can let go|let go|(?:we )?can (?:lose|drop|remove|cut)|прибираємо|знімаємо|скорочуємо|"
               r"відключаємо|можна зняти|можемо зняти|à retirer|à supprimer|a retirar|a quitar|do usunięcia|zu streichen|"
               r"to remove)(?!\w)", re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:en moins|de moins|raus|weniger|a menos|de menos|menos|mniej)\b", re.I),
    # "bauen Sie daher 35 Lizenzen ab", "nehmen Sie 10 Lizenzen weg": a German verb split round its figure
    re.compile(r"\b(?:bauen|nehmen|ziehen|streichen|geben)\s+(?:[\w-]+\s+){0,3}?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
               + r"\s+(?:[\w-]+\s+){0,2}?(?:ab|weg|raus|zurück)\b", re.I),
    # "can you take us down 8 seats?": down by, without "by" (not "down to")
    re.compile(r"\b(?:take|bring|knock|go|come)\s+(?:us\s+|it\s+|things\s+)?down\s+(?:another\s+)?" + N + r"\s+" + SEAT, re.I),
    re.compile(SEAT + r"\s+(?:count\s+|number\s+)?by\s+" + N + r"\b(?!\s*(?:%|percent|per cent|thirds?|quarters?|halves|fifths?))",
               re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:less|fewer)\b", re.I),
    re.compile(r"(?<!\w)(?:на|скорот\w*|скороч\w*|прибрати|зменшити на|відмовитися від|мінус)\s+(?:нам\s+|нас\s+)?" + N
               + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\w)(?:зня\w*|знім\w*|урізат\w*|уріж\w*|прибер\w*|прибира\w*|відключ\w*|вимкн\w*|скасу\w*|забер\w*|забир\w*|"
               r"забрат\w*)[\s,]+(?:[\w'’-]+[\s,]+){0,3}?" + N + r"\s+(?:[\w'’-]+\s+)?" + SEAT, re.I),
    re.compile(r"\b(?:reducir|recortar|quitar|eliminar|dar de baja|menos|bajar|baixar)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(N + r"\s+" + SEAT + r"\s+(?:reduzieren|kündigen|streichen|abbauen|weniger)", re.I),
    re.compile(r"\bum\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:supprim\w*|retir\w*|rédui\w*(?:-nous)? de|enlev\w*|moins)\s+" + N + r"\s+(?:de\s+)?" + SEAT, re.I),
    re.compile(r"\b(?:reduz\w*|cort\w*|remov\w*|tir[ae]\w*|menos)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"\b(?:reducci[oó]n de|reduç[aã]o de|r[ée]duction de|reduzierung um|(?:zrezygnować|rezygnujemy|zrezygnujemy|"
               r"rezygnacj\w*) z|скорочення на|зменшення на)\s+" + N + r"\s+" + SEAT, re.I),
    re.compile(r"(?<!\w)(?:o|usunąć|zmniejszyć o|mniej o|odjąć|odejmijcie|odejmij|odjęcie|zdjąć)\s+" + N + r"\s+" + SEAT, re.I),
]
_BY_SEATS += [
    # the rest let go beside the count kept: "keeping 30 seats and letting go of the other 10", "letting the other eight
    # go", "on libère les 4 autres", "soltamos las otras 8", "решту 6 відпускаємо", "pozostałe 5 oddajemy"
    re.compile(r"(?:let(?:ting)?\s+(?:go\s+of\s+)?|releas\w*\s+|libèr\w*\s+|solt\w*\s+|liber\w*\s+)(?:the other|the remaining|"
               r"les|las otras|los otros|os outros|as outras|die anderen|die restlichen)\s+" + N + r"\b(?!\s*%)", re.I),
    re.compile(r"(?<!\w)(?:решту|решта|pozostałe|pozostałych|the other|the remaining)\s+" + N + r"\s+(?:" + SEAT
               + r"\s+)?(?:відпускаємо|прибираємо|знімаємо|віддаємо|oddajemy|zwalniamy|go\b|can go)", re.I),
    # "please don't renew the 15 extra seats", "не продовжуйте 15 додаткових місць", "no renovéis las 15 licencias"
    re.compile(r"(?:don'?t|do not|not|не|no|nicht|ne|não|nie)\s+(?:renew|продовжуйте|продовжувати|продовжуємо|renovéis|renueven|"
               r"renovar|verlängern|renouvelez|renouveler|renovem|renovar|przedłużajcie|odnawiajcie)\s+(?:the\s+|las\s+|los\s+|"
               r"die\s+|les\s+|as\s+|os\s+)?" + N + r"\s+(?:[\w'’-]+\s+)?" + SEAT, re.I),
    # a second item after a removal verb: "cancel API Access and the extra 5 sandbox seats", "відключила API Access і
    # ще 5 тестових місць", "quitar el módulo y 5 licencias"
    re.compile(r"(?:cancel|remov|drop|get rid of|відключ|прибер|зні|скасу|quit|elimin|kündig|streich|supprim|retir|"
               r"cancel|usun|wyłącz)\w*\s+[^.!?\n]{1,40}?\s(?:and|plus|і|й|та|y|und|et|e|i|oraz)\s+(?:also\s+)?(?:the\s+|ще\s+|"
               r"las\s+|los\s+|die\s+|les\s+|as\s+|os\s+)?(?:extra\s+|additional\s+)?" + N + r"\s+(?:[\w'’-]+\s+){0,2}?" + SEAT,
               re.I),
]
# "пропозицію на продовження на 85 місць", "renewal for 85 seats": the count renewed, not a cut.
_RENEWAL_BEFORE = re.compile(r"(?:продовження|продовжити|подовження|renewal|renew|renovación|verlängerung|renouvellement|"
                             r"renovação|przedłużeni\w*)\W+(?:[\w'’]+\W+){0,1}(?:на|for|para|auf|pour|na)\W*$", re.I)
_OF_OUR = re.compile(r"\b(?:give back|drop|cut|remove|release|lose)\s+" + N + r"\s+of\s+(?:our|the)\s+" + N, re.I)
# "move 20 of our users over to it" (to a competitor): seats leaving, count only.
_MOVE_N = re.compile(r"\b(?:move|moving|switch|switching|transfer|transferring|migrate|migrating)\s+" + N
                     + r"\s+(?:of\s+(?:our|the)\s+)?" + SEAT, re.I)
# Numbers that are facts about usage, never the request.
_FACT = re.compile(
    r"\b(?:only|just|fewer than|less than|under|about|maybe|barely)\s+" + N + r"\s*%?\s+(?:of|out of|з|із|de|von|sur|z)\s+"
    r"(?!what we|ce que|lo que|o que|того,? що|tego,? co)"
    r"|\b" + N + r"\s+(?:of|out of|з|із|de|von|sur|z)\s+(?:our|the|наших|nuestros|unseren|nos|nossos|naszych)?\s*"
    + N + r"\s+\w+\s+(?:use|actually|really|log|open|are active|користу|usan|nutzen|utilisent|usam|korzyst)"
    r"|(?:fewer than|less than|only|under)\s+" + PCT
    + r"|(?:headcount|staff|team|employees|people|workforce|personnel)\s+(?:\w+\s+){0,2}(?:dropped|fell|shrank|went|"
    r"decreased|declined|grew|changed)\s+(?:down\s+)?from\s+" + N + r"\s+(?:\w+\s+)?to\s+" + N
    + r"|(?<!\w)(?:лише|тільки|solo|sólo|nur|seulement|apenas|só|tylko|jedynie)\s+" + N + r"\s+(?:[\w'’-]+\s+)?"
    r"(?:з|із|de|von|sur|z|das|dos)\s+" + N
    + r"|(?:offer(?:ed)?|propos\w*|counter\w*|quoted|пропозиц\w*|пропону\w*|запропонува\w*|oferta|angebot|offre|proposta|ofert\w*)"
    r"\s+(?:\w+\s+){0,3}" + PCT
    + r"|" + PCT + r"\s+of\s+(?:our\s+|the\s+|them\b)?(?:users|staff|drivers|team|people|employees|members|agents|workers|"
    r"reps|doctors|nurses|customers|seats|licen\w+|logins)?(?<=\w)(?:\s+(?:use|actually|really|log|open|are|have|sit|lie|"
    r"remain|stay|go|never|aren\S*|haven\S*|don\S*|were|was|is))"
    r"|(?:off by|(?:is|are|was|were|'s|been)\s+(?:\w+\s+)?(?:down|up)|(?:went|gone|goes|rose|risen|raised|increased|jumped)"
    r"\s+up|rose|raised|increased|hiked|підняли|підвищили|подорожча\w*|зросл\w*|зріс|subió|subieron|aumentó|aumentaron|"
    r"aumentou|aumentaram|subiu|gestiegen|erhöht|augmenté|wzrosł\w*|podnieśli|podniesiono|grew|growth|fell|dropped|declined|lost|"
    r"revenue|chiffre d.affaires|przychod\w*|ingresos|facturación|receita|faturamento|ventes|vendas|ventas|"
    r"baissé|chuté|spadł\w*|spadły|впал[иа]|gesunken|zurückgegangen|bajaron|cayeron|caíram|"
    r"sales|bookings|forecasts?|budget|бюджет\w*|"
    r"виручк\w*|presupuesto|budget|umsatz)\s+(?:\w+\s+){0,4}(?:by\s+|на\s+|um\s+|de\s+|en\s+|o\s+|em\s+)?" + PCT
    + r"|(?<![\w-])(?:up|grown|grew|gestiegen um|a pris|a augmenté de|ont augmenté de|wzrósł o|wzrosła o|wzrosły o|"
    r"subiu|subió|subieron|caído|caíram|caiu|gefallen um|chuté de|spadły o|spadła o|впали на|впала на|зросли на)\s+"
    r"(?:by\s+|de\s+|o\s+|un\s+|em\s+|на\s+)?" + PCT
    + r"|" + PCT + r"\s+(?:gestiegen|gesunken|höher|teurer|uplift|increase|growth|hike|more expensive|de hausse|de aumento|"
    r"de subida|wzrostu)"
    + r"|(?:<|moins de|menos de|menos del|weniger als|mniej niż|менше ніж|менше за|менш ніж)\s*" + PCT
    + r"|" + PCT + r"\s+(?:of|de|del|z|від|der|des|do|da)\s+(?:(?:our|the|their|nuestr\w+|unsere\w*|nos|nosso\w*|nossa\w*|"
    r"nasz\w*|нашо\w*|нашої|la|el|los|las|o|a|os|as|les|die|des)\s+)?(?:revenue|sales|income|business|turnover|leads|traffic|"
    r"bookings|ingresos|ventas|facturación|receita|vendas|faturamento|umsatz|umsatzes|chiffre|ventes|leadów|przychod\w*|"
    r"sprzedaży|ruchu|виручк\w*|доход\w*|продаж\w*|лідів|трафік\w*)"
    + r"|(?:budget|бюджет|presupuesto|orçamento|verba|budżet)\w*\s+(?:\w+\s+){0,3}?(?:by\s+|на\s+|um\s+|de\s+|en\s+|em\s+|o\s+)"
    + PCT
    + r"|(?:budget|бюджет|presupuesto|orçamento|verba|budżet)\w*\s+(?:\w+\s+){0,3}?(?:went|dropped|fell|was cut|has been cut|"
    r"shrank|moved)\s+(?:down\s+)?from\s+\S+\s+to\s+\S+",
    re.I)
# A cut already made, before the one asked for now ("We already cut 20 in May. Now minus 25", "Wir haben im Mai
# schon 10 Lizenzen gekündigt. Jetzt bitte nochmal fünf weniger"): its figure is a past event.
_ALREADY = re.compile(r"(?<!\w)(?:already|previously|вже|уже|schon|bereits|déjà|ya|já|już|last year|торік|минулого року|"
                     r"el año pasado|l'année dernière|letztes jahr|no ano passado|w zeszłym roku|w ubiegłym roku)(?!\w)", re.I)
_CUT_DONE = re.compile(
    r"(?<!\w)(?:cut|reduced|removed|dropped|took off|gave back|returned|rendu|devolvimos|devolvemos|zurückgegeben|"
    r"oddaliśmy|віддали|повернули|скорочували|скоротили|зменшували|зменшили|прибрали|зняли|"
    r"gekündigt|reduziert|gestrichen|abgebaut|enlevé|retiré|réduit|supprimé|reducimos|quitamos|recortamos|dimos de baja|"
    r"reduzimos|tiramos|cortamos|removemos|zmniejszaliśmy|zmniejszyliśmy|usunęliśmy|obcięliśmy|zredukowaliśmy)(?!\w)",
    re.I)
_SENTENCE_END = re.compile(r"[.!?;\n]")


def _past_cuts(t: str) -> list[tuple[int, int]]:
    """Spans of sentences that tell of a cut already made, when a figure follows them (the new request)."""
    spans: list[tuple[int, int]] = []
    for m in _ALREADY.finditer(t):
        if spans and m.start() < spans[-1][1]:
            continue
        start = max((e.end() for e in _SENTENCE_END.finditer(t, 0, m.start())), default=0)
        end_m = _SENTENCE_END.search(t, m.end())
        end = end_m.start() if end_m else len(t)
        sentence = t[start:end]
        if _CUT_DONE.search(t, m.end(), end) and re.search(r"\d", sentence) and re.search(r"\d", t[:start] + t[end:]):
            spans.append((start, end))
    return spans
_FELL_BEFORE = re.compile(r"(?<!\w)(?:впал[оаи]?|знизил\w*|зросл\w*|fell|has fallen|dropped|rose|has risen|fiel|gefallen|"
                          r"gestiegen|cayó|ha caído|subió|a chuté|a baissé|caiu|subiu|spadł\w*|wzrosł\w*)\s+"
                          r"(?:на|by|um|en|de|em|o|of)?\s*(?:about |around |roughly |майже |близько )?$", re.I)
_REQ_PCT_BEFORE = re.compile(
    r"(?<!\w)(?:cut|reduc\w*|lower|drop|trim|decreas\w*|bring|shave|knock|off|discount|down|need|want|by|do|give|"
    r"скорот\w*|зменш\w*|знизит\w*|знижк\w*|на|reduc\w*|recort\w*|rebaj\w*|bajar|descuento|un|reduzier\w*|kürz\w*|"
    r"senk\w*|um|rabatt|rédui\w*|baisser|remise|de|reduz\w*|cortar|desconto|em|obniż\w*|zmniejsz\w*|ogranicz\w*|"
    r"rabat\w*|o)(?:[^\w.!?;]|\.\d)+(?:\w+(?:[^\w.!?;]|\.\d)+){0,4}$", re.I)  # in the same sentence
# A competitor's price ("a competitor whose pricing is 30% lower", "Ihr Wettbewerber hat uns 40 % weniger angeboten",
# "konkurencja zaproponowała nam to samo o 40% taniej"): a fact about them, not the request.
_COMPETITOR_BEFORE = re.compile(r"(?:competitor|competition|rival|конкурент|competencia|competidor|concorrente|concorrência|"
                                r"wettbewerb|konkurrent|concurrent|concurrence|konkurencj)\w*[^.!?\n]{0,60}$", re.I)
# "roughly 60% of what we pay now", "60 % de ce que nous payons": the share that stays.
_SHARE_OF_NOW_AFTER = re.compile(r"^\s*(?:of|de|do|von|з|від|z)\s+(?:what we(?:'re)? pay|what we are paying|what i(?:'m)? pay|"
                                 r"what i am paying|our current|the current|"
                                 r"ce que nous payons|lo que pagamos|o que pagamos|dem,? was wir (?:jetzt |heute )?zahlen|того,? що ми (?:зараз )?платимо|tego,? co płacimy)", re.I)
_KEEP_PCT_BEFORE = re.compile(r"(?:only need|need only|keep|keeping|down to|reduce to|cut to|залишити|залишаємо)\W+"
                              r"(?:\w+\W+)?$", re.I)
_KEEP_SHARE_BEFORE = re.compile(r"(?:down to|go to|only for|only need|keep(?:ing)?(?: only)?|garder(?: seulement)?|"
                                r"(?<!\w)до|залиш\w*|quedarnos con|ficar com|behalten|zostawić|nur noch)(?:\s+about|\s+roughly)?\s*$",
                                re.I)
_INSTEAD_AFTER = re.compile(r"^\s*(?:statt|anstatt|instead of|rather than|en vez de|en lugar de|au lieu de|em vez de|zamiast|"
                            r"замість)\b", re.I)
_INSTEAD_BEFORE = re.compile(r"(?:statt|anstatt|instead of|rather than|en vez de|en lugar de|au lieu de|em vez de|zamiast|"
                             r"замість)\s*(?:the\s+|den\s+|los\s+|les\s+)?$", re.I)
_COUNTER_ECHO_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(?:still|is still|feels|seems|is too|isn.t|is not|doesn.t|"
                                 r"won.t (?:work|do|cut it)|not enough|no (?:nos )?sirve|no (?:nos )?alcanza|no basta|"
                                 r"no es suficiente|reich\w* nicht|genüg\w* nicht|ne (?:nous )?suffi\w* pas|ne nous (?:va|arrange) pas|"
                                 r"não (?:nos )?(?:resolve|serve|basta|chega|adianta)|nie wystarcz\w*|nie pasuje|не вистачить|"
                                 r"не підходить|не влаштовує|не рятує|"
                                 r"не вистачає|замало|забагато|недостатньо|все одно|sigue|ist immer|reste|ainda|wciąż|"
                                 r"nadal|(?:nas )?nie urządza|nie odpowiada|no nos conviene|não nos convém|ist zu wenig|"
                                 r"ist zu viel|is too (?:little|low|small))", re.I)
# A fraction said of revenue, a team or time ("le chiffre d'affaires a chuté de moitié", "cut our setup time in
# half", "the team is now half the size", "for half of what we pay you", "freeze it for a quarter"): a fact, not
# the request. (A budget halved is left alone: the authors label "reduce our budget by half" as the request.)
_FRACTION_FACT_BEFORE = re.compile(
    # said in the passive, of something else: "notre budget a été réduit de moitié", "was halved"
    r"(?:(?<!\bu )\bwas|\bhas been|\bhave been|\ba été|\bont été|\bha sido|\bfoi|\bwurde|\bzostał\w*|(?<!\w)був|(?<!\w)була|"
    r"(?<!\w)було)\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:revenue|turnover|chiffre d.affaires|umsatz|виручк|ventas|vendas|"
    r"time|команд|team|équipe|equipo|equipe|zespół)\w*\W+(?:[\w'’-]+\W+){0,4}$"
    r"|\b(?:for|per|next|last|this|each|every)(?:\s+(?:a|one))?\s*$", re.I)
_FRACTION_FACT_AFTER = re.compile(r"^\W*(?:the size|what it was|of the (?:team|staff|people))", re.I)
_FRACTIONS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(?:in half|by (?:roughly |about |around |nearly |approximately )?half|(?:down )?to (?:a |one )?half\b|halve[ds]?|halving|half (?:of )?(?:our|the|its|all|my|what))\b"
                r"(?!\s+(?:\w+\s+)?(?:team|staff|people|employees|workforce|users|drivers|agents|contacts|fleet|"
                r"office|warehouse|members|clients|customers)\b)|наполовину|удвічі|"
                r"половин\w* (?:користувач|місць|ліцензі|обліков|витрат|суми|бюджет)\w*|"
                r"вдвічі|a la mitad|por la mitad|halbier\w*|um die hälfte|de moitié|par deux|divis\w* par 2\b|pela metade|pela meta|"
                r"o połowę|na pół|на половину|вдвоє|\b1/2\b|die hälfte der|"
                # "nos sobran la mitad de las licencias", "plus besoin que de la moitié de nos licences"
                r"(?:la mitad de (?:las|los|nuestr\w+)|la moitié de (?:nos|des|leurs)|(?:a )?metade d[ao]s)\s+(?:\w+\s+)?"
                r"(?:licen\w+|usuari\w+|usuári\w+|puestos|postes|utilisateurs|comptes|assentos|seats)|"
                r"\b(?:down|cut|reduc\w*|lower)\b[\w ,]{0,20}?\bhalf\b(?!\s+(?:the|of|our)\s+(?:team|staff|people|users|"
                r"employees|workforce))", re.I), 50.0),
    (re.compile(r"(?:quit\w*|reduc\w*|baj\w*|pagar|pago|reduz\w*|tirar|cortar|płacić|placic|wyłącz\w*|obniż\w*|"
                r"zmniejsz\w*|diviser|payer|скорот\w*|скороч\w*|зменш\w*|урізат\w*|уріж\w*)\s+(?:[\w'’]+\s+){0,4}?(?:la mitad|metade|połow\w*|polow\w*|par deux|половину)"
                r"|(?:połow\w*|la mitad|metade)\s+(?:\w+\s+){0,3}(?:wyłącz|usun|quit|tir|cancel)", re.I), 50.0),
    (re.compile(r"\b(?:two|2)[- ]thirds\b|\b2/3\b|(?:дві|2) третини|(?:двох|2) третин|(?:dwie|2) trzecie|dos tercios|zwei drittel|deux tiers|dois terços", re.I),
     66.7),
    (re.compile(r"(?:by|o) (?:(?:roughly|about|around|nearly) )?(?:a|one|jedn[aą]) (?:fifth|piąt[aą]|piat[aą])|jedną piątą|"
                r"на п.яту|\bein fünftel|\bun cinquième|\bum quinto|\bun quinto|\b(?:about|around|roughly) (?:a|one) fifth",
                re.I), 20.0),
    (re.compile(r"\b(?:by|about|around|roughly|nearly) (?:a|one) third\b|\bone[- ]third\b|на третину|un tercio|"
                r"ein drittel|d.un tiers|um terço|o (?:jedn[aą]|1) trzeci[aą]|на (?:одну|1) третину|\b1/3\b|\ba third (?:less|smaller|fewer)\b|"
                r"(?<!\w)мінус третину|\bun tiers (?:de [\w']+ )?en moins",
                re.I), 33.3),
    (re.compile(r"\b(?:two|2)[- ]fifths\b|\b2/5\b|(?<!\w)(?:дві|2) п.ят(?:их|і)\b|(?<!\w)двох п.ятих|deux cinquièmes|dos quintos|"
                r"zwei fünftel|dois quintos|dwie piąte", re.I), 40.0),
    (re.compile(r"\b(?:three|3)[- ]quarters\b|\b3/4\b|три чверті|trzy czwarte|tres cuartos|drei viertel|trois quarts|"
                r"três quartos", re.I), 75.0),
    (re.compile(r"(?<!\bfor )(?<!\bper )(?<!\bnext )(?<!\blast )(?<!\bthis )(?<!\beach )(?<!\bevery )(?<!\bin )"
                r"\b(?:by|about|around|roughly|nearly)? ?(?:a|one) quarter\b(?! of (?:the|a|this|next) year)|на чверть|una cuarta parte|un cuarto|"
                r"ein viertel|um ein viertel|un quart|d.un (?:bon )?quart|um quarto|o jedną czwartą|o ćwierć|jedną czwartą|\b1/4\b|"
                r"(?<!\w)чверть", re.I),
     25.0),
]
_MONEY_TARGET = re.compile(
    r"(?:down to|to|only|at most|max(?:imum)?|no more than|can pay|pay|afford|budget (?:is|of)|до|лише|не більше|"
    r"a|hasta|solo|auf|nur|höchstens|à|seulement|para|só|apenas|do|najwyżej|tylko)\s+(?:about |around )?" + MONEY
    + r"\s*(?:/|a|per|each|every|на|al|por|im|pro|par|por|miesięcznie|monthly|на місяць|mensuales)?\s*"
    r"(?:month|mo\b|місяць|mes|monat|mois|mês|miesiąc|miesięcznie|monthly)?"
    r"|(?:down to|to|only|pay|afford)\s+(?:about |around )?" + N + r"(?:\s?k\b)?(?=\s*(?:a|per|/)\s*(?:month|mo\b))", re.I)


@dataclass
class Figures:
    seats_removed: int | None = None  # stated
    seats_from: int | None = None
    seats_to: int | None = None
    reduction_pct: float | None = None  # stated as the request
    target_mrr: float | None = None
    paid_mrr: float | None = None  # what the customer says they pay a month now ("we pay 3.200 a month")
    facts: list[str] | None = None  # numbers read as facts or context, for the CSM's notes


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
    t = seat_phrases.tidy_numbers(words_to_digits(seat_phrases.tidy(text)))
    f = Figures(facts=[])
    facts = [m.span() for m in _FACT.finditer(t)]
    facts += _past_cuts(t)
    f.facts = [t[a:b] for a, b in facts]

    def is_fact(pos: int) -> bool:
        return any(a <= pos < b for a, b in facts)

    m = _OF_OUR.search(t)
    if m and not is_fact(m.start(1)):
        n, of = _int(m.group(1)), _int(m.group(2))
        if 0 < n < of:
            f.seats_removed, f.seats_from = n, of
    for pat in (_FROM_TO, _FROM_TO_NOUN_FIRST, _ARROW):
        m = pat.search(t)
        if m and f.seats_to is None and not is_fact(m.start()):
            a, b = _int(m.group(1)), _int(m.group(2))
            context = t[max(0, m.start() - 40):m.end() + 25]
            years = all(1990 <= v <= 2100 for v in (a, b))
            if re.match(r"\s*" + NOT_SEAT_NOUN, t[m.end():], re.I) or (
                    _PEOPLE_BEFORE.search(t[max(0, m.start() - 40):m.start()])
                    and not re.search(SEAT, t[max(0, m.start() - 40):m.end() + 15], re.I)):
                continue  # "team down from 22 to 9 people": a fact about the staff
            money = re.search(r"[$€£]|usd|eur|грн|k\b", context, re.I) and not re.search(SEAT, context, re.I)
            if 0 <= b < a and not years and not money:
                f.seats_from, f.seats_to = a, b
                f.seats_removed = a - b
    if f.seats_to is None:
        for pat in (_KEEP_OF, _OF_KEEP, _INSTEAD):
            m = pat.search(t)
            if m:
                a, b = _int(m.group(1)), _int(m.group(2))
                to, frm = (b, a) if pat is _OF_KEEP else (a, b)
                if re.match(r"\s*" + NOT_SEAT_NOUN, t[m.end(1):], re.I):
                    continue  # "з трьох офісів лишаємо один": offices, not seats
                near = t[max(0, m.start() - 80):m.end() + 20]
                if pat is _INSTEAD and (_MONEY_NEAR.search(near) or _WE_ARE.search(t[max(0, m.start() - 20):m.start()])
                                        or _DAY_BEFORE.search(t[max(0, m.start() - 20):m.start()])):
                    continue  # money, or "on est 4 maintenant au lieu de 12": people, not seats
                if 0 < to < frm and not all(1990 <= v <= 2100 for v in (to, frm)):
                    f.seats_from, f.seats_to, f.seats_removed = frm, to, frm - to
                    break
    if f.seats_to is None:
        pair = seat_phrases.from_to(t, is_fact)
        if pair:
            f.seats_from, f.seats_to = pair
            f.seats_removed = pair[0] - pair[1]
    if f.seats_to is None:
        for pat in _TO_SEATS:
            for m in pat.finditer(t):
                if is_fact(m.start()) or seat_phrases.MORE_AFTER.match(t[m.end():m.end() + 40]) or \
                        seat_phrases.REJECTED_AFTER.match(t[m.end():m.end() + 40]) or \
                        seat_phrases.LESS_AFTER.match(t[m.end():m.end() + 30]) or (
                        re.match(r"(?:only|just)\b", m.group(0), re.I) and seat_phrases.USE_AFTER.match(t[m.end():m.end() + 40])):
                    continue  # "only 40 users log in": a usage figure, not the count asked for
                f.seats_to = _int(next(g for g in m.groups() if g))
                break
            if f.seats_to is not None:
                break
    if f.seats_to is None:
        for pat in (_REDUCE_TO, _KEEP_BARE):
            for m in pat.finditer(t):
                n = _int(m.group(1))
                if is_fact(m.start()) or _MONEY_WORDS.search(m.group(0)) or 1990 <= n <= 2100 or n == 0:
                    continue
                if _AMOUNT_BEFORE.search(t[max(0, m.start() - 60):m.start()]) and not re.search(
                        SEAT, t[max(0, m.start() - 60):m.end() + 20], re.I):
                    continue  # "we pay 3.200 a month, can you get it to 2.500?": money, not seats
                if _BY_EN.match(m.group(0)):
                    continue  # "reducir en 15" is a reduction by 15, not to 15
                f.seats_to = n
                break
            if f.seats_to is not None:
                break
    if f.seats_to is None:
        f.seats_to = seat_phrases.target(t, is_fact)
    if f.seats_to is None:
        f.seats_to = seat_phrases.total(t, is_fact)
    if f.seats_to is None:
        f.seats_to = seat_phrases.hedged(t, is_fact)
    final = seat_phrases.settled(t, is_fact)
    if final is not None and final != f.seats_to and (f.seats_from is None or final < f.seats_from):
        f.seats_to = final  # "we want to downsize to 85. Actually ... Go with 88"
        f.seats_removed = f.seats_from - final if f.seats_from is not None else None
    m = _MOVE_N.search(t)
    if f.seats_removed is None and m and not is_fact(m.start()):
        f.seats_removed = _int(m.group(1))
    if f.seats_removed is None:
        for pat in _BY_SEATS:
            m = pat.search(t)
            if m and _RENEWAL_BEFORE.search(t[max(0, m.start() - 40):m.start() + 3]):
                continue
            if m and not is_fact(m.start()):
                i = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
                if seat_phrases.SHARE_AFTER.match(t, m.end(i)):
                    continue  # "знімаємо дві п'ятих місць": a share, not a count
                n = _int(m.group(i))
                if n > 0 and n != f.seats_to:
                    f.seats_removed = n
                    break
    if f.seats_to is not None and f.seats_removed is None and f.seats_from is None:
        now = _held_now(t, f.seats_to, is_fact)
        if now is not None:
            f.seats_from, f.seats_removed = now, now - f.seats_to
    if f.seats_to is not None and f.seats_removed is None and f.seats_from is None:
        held = seat_phrases.current(t, f.seats_to) or seat_phrases.held_named(t, f.seats_to, is_fact)
        if held:
            f.seats_from, f.seats_removed = held, held - f.seats_to
    if f.seats_removed is None:
        gone = seat_phrases.removed(t, is_fact)
        if gone and gone != f.seats_to:
            f.seats_removed = gone
    if f.seats_removed is None and f.seats_to is None:
        f.seats_removed = seat_phrases.their_seats(t, is_fact) or seat_phrases.removed_total(t, is_fact)
    gone = seat_phrases.settled_removal(t, is_fact)
    if gone is not None and gone != f.seats_removed and (f.seats_removed is None or f.seats_from is None):
        # the figure settled on after a removal replaces one said before it ("a likely reduction of 10-15 seats
        # ... the number is 12"); a from-to pair keeps its own difference
        f.seats_removed = gone
        if f.seats_to == gone:
            f.seats_to = None  # the settled figure was read as a target: it is the removal
    f.reduction_pct = _request_pct(t, is_fact)
    m = _MONEY_TARGET.search(t)
    if m and not is_fact(m.start()) and not not_a_target(
            t, next((m.start(i) for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), m.start())):
        f.target_mrr = _money(m)
    paid = paid_now(t)
    if f.target_mrr is None:
        f.target_mrr = monthly_target(t, is_fact, paid)
    f.paid_mrr = paid[0][1] if paid else None
    return f


def _held_now(t: str, to: int, is_fact) -> int | None:
    """The seats held now, stated beside the target `to`: a count with its noun ("we have 150 seats"), else a paid
    count without it, taken only when close to the target ("ahora mismo pagamos 25")."""
    for m in _CURRENT_SEATS.finditer(t):
        now = _int(next(g for g in m.groups() if g))
        if now > to and not 1990 <= now <= 2100:
            return now
    for m in _PAID_SEATS.finditer(t):
        now = _int(m.group(1))
        if to < now <= 4 * to and not is_fact(m.start()):
            return now
    return None


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
        if re.match(r"\W*(?:off|less|fewer|cut|reduction|discount|decrease|lower|знижк|менше|de descuento|rabatt|de remise|"
                    r"de desconto|rabatu|taniej)", after, re.I):
            score += 2
        if _INSTEAD_AFTER.match(after):
            score += 3  # "bitte 25 % statt 20 %": the figure before "instead of" is the one asked for
        if _INSTEAD_BEFORE.search(before):
            score -= 6
        if _FELL_BEFORE.search(before):
            score -= 4  # "використання впало на 45%", "logins fell by 30%": a change that happened, not the ask
        if _COUNTER_ECHO_AFTER.search(after):
            score -= 6  # "20% still feels like a lot": the counter being rejected, not the request
        if _COMPETITOR_BEFORE.search(t[max(0, m.start() - 80):m.start()]):
            continue
        if (_KEEP_PCT_BEFORE.search(before) or _SHARE_OF_NOW_AFTER.match(after)) and value < 100:
            value = round(100 - value, 1)
        ranked.append((-score, -m.start(), value))
    best = sorted(ranked)[0] if ranked else None
    if best is not None and -best[0] > 0:
        return best[2]
    share = _fraction(t, is_fact)
    if share is not None:
        return share  # "um ein Viertel reduzieren. Die Nutzung liegt bei 60 %": the fraction is asked, the percent a fact
    return best[2] if best is not None and -best[0] >= 0 else None


_CORRECTION_WORD = re.compile(r"(?<!\w)(?:ні|no|nein|nee|non|não|nie|sorry|вибачте|pardon|perdón|przepraszam|wait|стоп|"
                              r"i mean|точніше|plutôt|mejor|lieber|raczej)(?!\w)", re.I)


def _fraction(t: str, is_fact) -> float | None:
    """A share in words ("cut in half", "by a third", "um ein Viertel") asked as the request, or None: the first of
    the table that is not a fact; of two shares with a correction between them ("на третину... ні, на чверть"), the
    later."""
    found = [(fm, value) for pat, value in _FRACTIONS if (fm := pat.search(t))]
    by_place = sorted(found, key=lambda f: f[0].start())
    if len(by_place) > 1 and _CORRECTION_WORD.search(t[by_place[0][0].start():by_place[-1][0].start()]):
        share = _share(t, *by_place[-1], is_fact)
        if share is not None:
            return share
    return next((share for fm, value in found if (share := _share(t, fm, value, is_fact)) is not None), None)


def _share(t: str, fm: re.Match[str], value: float, is_fact) -> float | None:
    """The share `fm` asks for, or None when it is said of something else or is a fact."""
    head = t[max(0, fm.start() - 50):fm.end()]
    head = head[:len(head) - len(re.search(r"\w*\W*$", head).group(0))]  # type: ignore[union-attr]
    if _FRACTION_FACT_BEFORE.search(head) or _FRACTION_FACT_AFTER.match(t[fm.end():fm.end() + 30]) or is_fact(fm.start()):
        return None
    # "cut us down to a quarter of the seats", "garder seulement un quart", "I can do two-thirds of what I'm paying
    # you": that share stays
    if (_KEEP_SHARE_BEFORE.search(t[max(0, fm.start() - 40):fm.start()])
            or _SHARE_OF_NOW_AFTER.match(t[fm.end():fm.end() + 40])) and value < 100:
        return round(100 - value, 1)
    return value

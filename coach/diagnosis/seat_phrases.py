"""More ways people state a seat count, read after the grammar's main patterns (`grammar.py`).

- Spoken disfluencies are tidied first: "to, to four", "the, the licences", "uh", "um", "like 25".
- "to B seats from A" (the target first), "from 52 provider licenses to 38", "z 25 na 15", "з 30 місць на 16".
- A target after a verb at the end of a German clause ("auf 6 reduzieren", "bitte auf 35") or a
  keep/need verb without a noun ("quedarnos con 45", "ficar com 150", "potrzebujemy 20", "дайте 25").
- "9 users not 14", "30 seats this time, not 45", "на 100 користувачів, не на 150", "замість 48 місць ... 30".
- The seats held now, stated before or after a target ("we pay for 85 seats", "sur 60 licences",
  "4 von 10 Lizenzen", "Ліцензій у нас 120"), so the removal is the difference.
- Removals that name the seats and then the verb ("the 30 field seats ... can go", "Les 7 licences ...
  peuvent être supprimées", "22 ліцензії можна прибрати") or a removal by a bare number when the message
  is about seats ("reduce us by 20", "Скорочуємо на сорок", "Retirem vinte", "o osiemnaście").
"""

from __future__ import annotations

import re

from coach.diagnosis.lexicon import FEWER, NOT_SEAT_NOUN, SEAT, N

# "um" only before a comma: it is "a" in Portuguese and "by" in German.
_FILLER = re.compile(r",?\s*(?<!\w)(?:uh+|erm|uhm|hmm|eh+|ehm|е-е|ну-у|hã|ãh|äh+m?|ähm|euh|yy+|eee+|emm+|ммм+)(?!\w),?(?=\s)|,?\s*(?<!\w)um+,(?=\s)", re.I)
_REPEAT = re.compile(r"(?<![\w'’])([\w'’-]+)(?:,?\s+\1(?![\w'’]))+", re.I)
_LIKE_N = re.compile(r"(?<!, )(?<!,)\b(?:like|maybe)\s+(?=\d)", re.I)  # ", maybe 32" stays: a hedge (HEDGED)
_N_DASH_SEAT = re.compile(r"(\d)-(?=(?:seat|user|licen[cs]e|login|person)\b)", re.I)


def tidy(text: str) -> str:
    """`text` without spoken fillers and stuttered repeats ("we, we need the, the licences")."""
    text = _FILLER.sub("", text)
    text = re.sub(r"\b(to|down to|from),\s+", r"\1 ", text, flags=re.I)  # "down to, twenty-five"
    # "de 180 a, 130", "von 560 auf, 480", "з 240 до, 190": the figure goes with its preposition
    text = re.sub(r"(?<!\w)(a|à|auf|do|до|pra|para|na)\s*,\s+(?=\d)", r"\1 ", text, flags=re.I)
    text = _REPEAT.sub(r"\1", text)
    text = _DOZENS.sub(lambda m: str(12 * (_SMALL.get(m.group(1).lower()) or int(m.group(1)))), text)
    return _N_DASH_SEAT.sub(r"\1 ", text)


# A figure corrected on the spot: "to 60 licences, sorry 65", "до 30 ліцензій, ой, вибачте — до 35",
# "Bajar a 60 licencias, perdón, a 65", "auf 50 Lizenzen — Korrektur: 55", "two hundred seats, no wait, two
# fifty", "п'ятнадцять… ні, не п'ятнадцять, двадцять": the second figure replaces the first.
_CORRECTED = re.compile(
    r"(?<![\d.,])" + N + r"((?:\s+[^\W\d]+){0,2})\s*(?:[,.;:…!?]+|\s[—–-])\s*"
    # a spoken lead-in before the "no": "Bueno, no, 130", "Well, no — 45", "Ну ні, 30"
    r"(?:(?:bueno|pues|well|oh|ну|also|alors|então|cóż)[\s,]+(?=(?:nein|nee|non|não|nao|ні|no|nie)\b))?"
    r"(?:sorry|no wait|wait|i mean|correction|"
    r"make (?:it|that)|pardon|perdón|perdon|perdão|desculp[ae]|digo|quiero decir|korrektur|ой|oops|opa|ups|oups|hoppla|"
    r"вибачте|вибач|перепрошую|точніше|przepraszam|poprawka|właściwie|raczej|"
    # a bare "no" corrects only with a stop after it ("45 — no, make it 50"); "75 puestos, no 110" is a contrast
    r"(?:nein|nee|non|não|nao|ні|no|nie)(?=\s*[,;:.…!—–-]))\b[\s,:;.…!—–-]*"
    # a second word of the correction: "Nee, warten Sie — 480", "Non, pardon — 180", "não, pera, pra 110",
    # "Nie, przepraszam, do 220", "Ні, стоп — до 190"
    r"(?:(?:вибачте|sorry|wait|hold on|warten sie|warte|moment|pardon|perdón|perdon|espera|espere|pera|peraí|"
    r"przepraszam|czekaj|zaraz|стоп|stop|чекайте|чекай|attendez|attends|не\s+\1|not\s+\1|nicht\s+\1|pas\s+\1|nie\s+\1|no\s+\1|"
    # "Sorry, I meant 45", "perdón, quería decir 65", "Opa, errei: são 55", "ich meinte 30", "je voulais dire 30"
    r"i meant(?: to say)?|i mean|meant|quería decir|quise decir|queria dizer|ich meinte|je voulais dire|"
    r"miałem na myśli|miałam na myśli|chciałem powiedzieć|chciałam powiedzieć|мав на увазі|мала на увазі|"
    r"хотів сказати|хотіла сказати|errei|me equivoqué|je me suis trompée?|ich habe mich vertan|pomyliłem się|pomyliłam się|"
    r"помилився|помилилася|são|son|sind|c'est|it'?s|це)[\s,:;.…!—–-]*)*"
    # "no, make it 50", "ні, краще 50", "no, mejor 50", "nein, doch lieber 50", "non, plutôt 50", "nie, jednak 50"
    r"(?:(?:make (?:it|that)|better|rather|actually|краще|точніше|mejor|doch lieber|lieber|doch|eher|plutôt|"
    r"melhor|jednak|raczej|lepiej)[\s,:;]+)?"
    r"(?:(?:to|до|a|à|auf|para|pra|do|na|en)\s+)?" + N + r"(?![\d.,]*\s*(?:%|[$€£]))", re.I)
# "~20", "десь 12", "ok. 8", "около 15", "etwa 30", "environ 10": the approximate count itself.
_APPROX = re.compile(r"(?<!\w)(?:~|ок\.|ok\.|około|circa|ca\.|environ|aprox\.?|aproximadamente|etwa|rund|"
                     r"around|about|roughly|unas|unos|umas|uns|(?:so )?um die|ungefähr|à peu près|cerca de|"
                     r"десь|приблизно|близько|approximately|approx\.?)\s*(?=\d[\d.,]*\s+(?:[\w'’-]+\s+)?" + SEAT + r"\b)",
                     re.I)
# "10-15 seats", "10–15 licences": a range of seats; the first figure is the one asked for.
_RANGE = re.compile(r"(?<![\d.,])(\d{1,4})\s*(?:[-–]|bis)\s*\d{1,4}(?=\s+(?:[\w-]+\s+)?" + SEAT + r"\b)",
                    re.I)


# "2 dozen", "three dozen" (before number words, which read "dozen" as 12): 24, 36.
_DOZENS = re.compile(r"(?<![\d.,])(\d{1,2}|two|three|four|five|six)\s+dozen\b", re.I)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "one hundred and twenty (120)" after number words is "120 (120)": the figure once.
_PAREN_SAME = re.compile(r"(?<![\d.,])(\d[\d,. ]*\d|\d)\s*\(\s*(\d[\d,. ]*\d|\d)\s*\)")
# A spoken aside between a preposition and its figure: "from 18 seats to... let me count... 11",
# "до… зараз порахую… 11", "auf … Moment … 11": the figure goes with the preposition.
_ASIDE = re.compile(r"(\b(?:to|до|auf|para|pra|a|à|do|na|en)\s*)(?:…|\.{2,3})\s*[^\d.…!?\n]{1,30}?\s*(?:…|\.{2,3})\s*"
                    r"(?=\d)", re.I)


def _paren_same(m: re.Match[str]) -> str:
    a, b = (re.sub(r"[ ,.]", "", g) for g in m.groups())
    return m.group(1) if a == b else m.group(0)


def _corrected(m: re.Match[str]) -> str:
    return m.group(3) + (m.group(2) or "")


# A figure said again for emphasis in the next sentence: "Quitar unas 12. 12 licencias.", "we need 60. 60, maybe 62"
_EMPHASIS = re.compile(r"(?<![\d.,])(\d{1,5})\s*[.!…]+\s+\1(?![\d.,%])")


def tidy_numbers(text: str) -> str:
    """After number words are digits: "like 25" -> "25", "3, 3 logins" -> "3 logins", a corrected figure
    replaced by the correction, an approximate count or a range of seats by its figure."""
    text = _EMPHASIS.sub(r"\1", text)
    text = _REPEAT.sub(r"\1", _LIKE_N.sub("", text))
    text = _PAREN_SAME.sub(_paren_same, text)
    text = _ASIDE.sub(lambda m: m.group(1).rstrip() + " ", text)
    text = _APPROX.sub("", text)
    text = _RANGE.sub(r"\1", text)
    text = _NOT_A_BUT_B.sub(lambda m: m.group(2), text)
    return _CORRECTED.sub(_corrected, text)


# "ce n'est pas 15 mais vingt licences", "не 10, а 14", "nicht 15, sondern 20", "no 15 sino 20", "nie 15, tylko 20": the
# second figure corrects the first.
_NOT_A_BUT_B = re.compile(r"(?<!\w)(?:not|не|nicht|pas|no|nie|não)\s+(\d{1,5})\s*[,—–-]?\s*(?:but|а|але|sondern|mais|sino|"
                          r"tylko|lecz|mas|só)\s+(\d{1,5})(?![\d.,]*\s*(?:%|[$€£]))", re.I)
_NOUNISH = r"(?:[\w'’-]+\s+){0,2}?"
_NOT_UNIT_AFTER = (r"(?!\s*(?:%|[$€£]|k\b|euros?\b|dollars?\b|złotych|гривень|percent|відсот|procent|prozent|por ?cient|por cento|pour ?cent|"
                   r"[.,]\d|/|" + NOT_SEAT_NOUN + r"|dni|днів|days|días|dias|tage|jours|"
                   r"годин|hours|horas|stunden|heures|godzin|years?|months?|weeks?|рок\w*|рік|місяц\w*|тижн\w*|años|meses|"
                   r"semanas|jahre?n?\b|monate?n?\b|wochen|ans\b|semaines|anos|lat\b|lata\b|miesi\w*|tygodni\w*))")
# "from 52 provider licenses to 38", "z 250 licencji na 200", "з 30 місць на 16", "ze 60 do 10".
FROM_TO = re.compile(r"(?:\bfrom|\bз|\bзі|\bіз|\bz|\bze|\bde|\bvon)\s+(?:the\s+)?" + N + r"\s+" + _NOUNISH + SEAT
                     + r"(?:\s+(?:band|tier|plan|package|level|bundle))?"  # "from the 500-seat band to the 300-seat band"
                     + r"\s+(?:(?:down|back)\s+)?(?:to|до|на|na|do|a|auf|à|para|pra)\s+(?:the\s+)?(?:about |around )?" + N
                     + r"\b" + _NOT_UNIT_AFTER
                     # "з 38 місць перейти на 30", "z 40 licencji przejść na 30": a verb between
                     + r"|(?:\bз|\bзі|\bіз|\bz|\bze)\s+" + N + r"\s+(?:" + _NOUNISH + SEAT + r"\s+)?(?:[\w'’]+\s+)?(?:na|на)\s+" + N
                     + r"\b" + _NOT_UNIT_AFTER
                     + r"|(?<![\w.,])" + N + r"\s+(?:" + SEAT + r"\s+)?(?:down to|→|->)\s+" + N + r"\b" + _NOT_UNIT_AFTER
                     # an aside between "from" and the figure: "zejść z tych, ile tam mamy, 60 licencji do 40"
                     + r"|(?:\bfrom|\bz|\bze|\bз|\bзі|\bde|\bvon)\s+[^\d.!?\n]{2,30}?[,—–]\s*" + N + r"\s+" + _NOUNISH + SEAT
                     + r"\s+(?:(?:down|back)\s+)?(?:to|до|на|na|do|a|auf|à|para|pra)\s+" + N + r"\b" + _NOT_UNIT_AFTER, re.I)
# "drop to 12 seats from 35", "reduce to 22 users from the 26 we have": the target first.
TO_FROM = re.compile(r"\b(?:to|down to|до|na)\s+(?:the\s+)?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
                     + r"\s+(?:[\w-]+\s+){0,2}?\(?(?:from|з|із|z)\s+(?:the\s+|our\s+)?" + N + r"\b" + _NOT_UNIT_AFTER, re.I)
# "9 users not 14", "30 seats this time, not 45", "на 100 користувачів, не на 150", "15 seats ... instead of 42".
# "75 seats is what we need. Not 110.", "75 місць — стільки нам треба. Не 110.", "75 stanowisk, a nie 110".
N_NOT_M = re.compile(N + r"\s+(?:(?!more|extra|additional|new)[\w-]+\s+)?" + SEAT + r"(?:[\s,—–-]+[\w'’]+){0,7}?[,.;:!—–-]?\s+"
                     r"(?:(?:a|and|but|mais|але|ale|e|y|und)\s+)?(?:not|не|nicht|pas|no|nie|não|nao|instead of|rather than|"
                     r"замість|statt|au lieu de|en vez de|em vez de|zamiast)\s+(?:на\s+|the current\s+|the\s+|a\s+)?"
                     + N + r"\b" + _NOT_UNIT_AFTER, re.I)
# "замість 48 місць у нас тепер буде 30", "instead of 45 seats, 30".
NOT_M_N = re.compile(r"(?:instead of|rather than|замість|statt|au lieu de|en vez de|em vez de|zamiast)\s+" + N + r"\s+"
                     + SEAT + r"\W+(?:[\w'’-]+\s+){0,5}?" + N + r"\b" + _NOT_UNIT_AFTER, re.I)

# A count with a hedge after it: "around 30 users, maybe 32", "30 місць, може 32", "30 licencias, quizá 32".
HEDGED = re.compile(r"(?<![\w.,])" + N + r"\s+(?:[\w-]+\s+)?" + SEAT + r",?\s+(?:or\s+)?(?:maybe|perhaps|possibly|може|"
                    r"можливо|quizá|quizás|tal vez|vielleicht|peut-être|talvez|może)\s+\d[\d.,]*"
                    # a hedge with a condition after it ("maybe 35, depends on hiring", "peut-être 40 si ...") is undecided
                    r"(?![^.!?\n]{0,12}?\b(?:if|depend\w*|unless|si|según|dependendo|depende|wenn|je nach|falls|jeśli|"
                    r"zależy|якщо|залежно)\b)", re.I)
# The figure settled on, which replaces one said before it: "we've settled on 36 seats", "Go with 88", "set us to
# 40", "Sagen wir 50", "зупинилися на 36 місцях", "Хай буде 88", "Pongamos 50", "Disons 50", "Niech będzie 50".
SETTLED = re.compile(
    r"\b(?:settled on|settle on|settling on|go with|going with|set (?:us|it|the count|our seats)(?: down)? to|make (?:it|that)|"
    r"let'?s (?:say|do|go with)|sagen wir|nehmen wir|disons|mettons|pongamos|digamos|vamos de|bleiben wir bei|"
    r"let'?s just say|let'?s just go with|(?:let me be|to be) (?:definite|precise|exact|clear)\W+|final answer\W+|"
    r"on part sur|on s'arrête à|ficamos em|zostajemy przy|on reste à|on reste sur|we(?:'ll)? stay at|we stick (?:with|to)|"
    r"nos quedamos en|seguimos en|ficamos com|zostajemy na|"
    # "the number is 12", "the final figure: 60", "остаточна цифра – 60", "die Zahl ist 12", "la cifra final es 12"
    r"the (?:final |actual |real )?(?:number|figure|count) (?:is|will be)|final (?:number|figure)[:\s]*[—–-]?|"
    r"la cifra (?:final )?es|die (?:endgültige |finale )?zahl ist|le chiffre (?:final )?est|o número (?:final )?é|"
    r"ostateczna liczba(?: to)?)\s+" + N + r"\b"
    r"|(?<!\w)(?:остаточна цифра|остаточне число|остаточна кількість)\s*[—–:-]?\s*" + N + r"\b"
    r"|(?<!\w)(?:зупинилися на|зупинимося на|зупиняємося на|хай буде|нехай буде|niech będzie|niech zostanie)\s+" + N
    + r"\b"
    r"|(?<![\w.,$€£])" + N + r"(?=\s+it is\b)"  # "Fine, 200 it is"
    r"|(?<![\w.,$€£])" + N + r"(?=\s+is (?:the|my|our) (?:final )?(?:number|figure)\b)"  # "240 is the number"
    # "210 seats, final answer", "75, that's my number", "40 Lizenzen, endgültig"
    r"|(?<![\w.,$€£])" + N + r"(?=\s+(?:[\w'’-]+\s+)?" + SEAT + r"\W+(?:final answer|final|that'?s final|that'?s my (?:final )?number|"
    r"endgültig|c'est définitif|definitivo|ostatecznie|остаточно)\b|\W+(?:final answer|that'?s my (?:final )?number|that'?s final)\b)",
    re.I)
# A removal by a figure just before ("reduce us by 10-15 seats? Let's say 10"): a settled figure there is the removal.
_BY_BEFORE = re.compile(r"(?:\bby|(?<!\w)на|\bum|\bo|\ben)\s+(?:[\w-]+\s+)?\d|(?:remov\w*|drop|cut|shed|trim\w*|quit\w*|retir\w*|reduction of|"
                        r"tirar|usun\w*|прибрати|зняти)\s+(?:[\w-]+\s+)?\d"
                        # "enlever, je sais pas, cinq, six licences ? Disons cinq": the figure settled is the removal
                        r"|(?:enlev\w*|supprim\w*|retir\w*|remov\w*|drop|quit\w*|elimin\w*|odją\w*|odjąć|usun\w*|"
                        r"прибра\w*|зня\w*|streich\w*|abziehen|tir[ae]\w*)\W+(?:[\w'’-]+\W+){0,4}?\d", re.I)
_EXTRA_BEFORE = re.compile(r"\b(?:extra|more|additional|add)\b|додатков|більше|zusätzlich|adicional|dodatkow", re.I)

# The count held, then the count needed: "Було 25 місць, треба 12", "Tenemos 24 usuarios, necesitamos 12", "On a 20
# licences, il nous en faut 10", "We have 40 seats; we need 25", "Wir haben 30 Lizenzen, brauchen 20".
HAVE_NEED = re.compile(
    r"(?:we have|we've got|we had|there are|we'?re at|we are at|nous sommes à|on est à|estamos en|estamos com|wir sind bei|"
    r"haben wir|jesteśmy na|було|було в нас|у нас|маємо|мали|tenemos|teníamos|on a|nous avons|wir haben|"
    r"wir hatten|temos|tínhamos|mamy|mieliśmy|были)\s+(?:[\w-]+\s+){0,2}?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
    + r"\s*[,.;:—–-]+\s*(?:(?:but|але|а|pero|mais|aber|mas|ale|now|зараз|тепер)\s+)*(?:we\s+)?(?:only\s+)?"
    r"(?:need|треба|потрібно|потрібні|necesitamos|il nous en faut|il en faut|nous en voulons|brauchen(?: wir)?|"
    r"benötigen(?: wir)?(?:\s+(?:ab\s+)?[\d.]+)?(?:\s+aber)?|"
    r"precisamos(?: de)?|potrzebujemy|want|хочемо|queremos|wollen|voulons|chcemy)\s+"
    r"(?:(?:only|just|лише|тільки|solo|nur|noch|seulement|apenas|só|tylko)\s+)?" + N + r"\b" + _NOT_UNIT_AFTER, re.I)

# A target with no noun after: a German verb at the end ("auf 6 reduzieren", "auf zehn reduzieren",
# "bitte auf 35"), a keep/need verb ("quedarnos con 45", "ficar com 150", "potrzebujemy 20", "дайте 25",
# "take us down to 14", "Ramenez-nous à 25", "true that down to 58").
BARE_TO = re.compile(
    r"\bauf\s+" + N + r"\s+(?:" + SEAT + r"\s+)?(?:\w+\s+)?(?:runter|reduzier\w*|setzen|senken|gehen|verringern|kürzen|"
    r"anpassen|zurück)\b"
    r"|\bbitte\s+(?:nur\s+)?auf\s+" + N + r"\b"
    r"|(?:quedarnos|quedarse|quedamos|nos quedamos)\s+(?:en|con)\s+(?:solo\s+)?" + N + r"\b"
    r"|(?:ficar|ficamos|fique|fica)\s+com\s+(?:só\s+|apenas\s+)?" + N + r"\b"
    r"|(?:precisar|precisamos|vamos precisar)\s+(?:só\s+|apenas\s+)?(?:de\s+)?" + N + r"\b"
    r"|(?:potrzebujemy|wystarczy nam|zejść do|zejdźmy do|zmniejszcie do|zmniejszamy do)\s+" + N + r"\b"
    r"|(?<!\w)(?:давайте|дайте|даєте)\s+(?:до\s+)?" + N + r"\b"
    r"|\b(?:take|bring|get|true)\s+(?:us|that|it|this|them)\s+down\s+to\s+" + N + r"\b"
    r"|\b(?:be|going|go|come|coming)\s+down\s+to\s+" + N + r"\b"
    r"|(?<!\w)(?:залишиться|залишаться|лишиться|лишається|zostanie|zostaną|quedarán|bleiben|resteront|ficarão)\s+" + N
    + r"\b"
    r"|(?<!\w)(?:ріжте|урізайте|зріжте|скоротіть|зменшіть)\s+(?:[\w'’-]+\s+){0,2}?до\s+" + N + r"\b"
    r"|(?<!\w)до\s+" + N + r"\s+(?:давайте|зменшуйте|скорочуйте)"
    r"|^\s*" + N + r"\s+" + SEAT + r"\s+(?:pls|please|only|bitte|proszę|por favor|s'il)"
    r"|\b(?:ramen\w*|descend\w*)(?:-nous)?\s+à\s+" + N + r"\b"
    r"|\b(?:land|settle|end up)\s+at\s+" + N + r"\b"
    # "40 is enough for us", "Honestly 50 covers us", "40 chega pra gente", "need to be at 70", "Set us at 95"
    r"|(?<![\w.,$€£])" + N + r"\s+(?:is|would be|will be|should be)\s+(?:plenty|enough|sufficient)\b"
    r"|(?<![\w.,$€£])" + N + r"\s+(?:covers? us|will cover us|would cover us|chega|nos basta|nous suffit|uns reicht)\b"
    r"|\b(?:need|have|has|want) to be at\s+" + N + r"\b"
    r"|\bset (?:us|it|the count) (?:at|to)\s+" + N + r"\b"
    # the count that keeps access: "we only need the 12 people in finance to keep access", "доступ лише 7 бухгалтерам"
    r"|(?:доступ|access|accès|acceso|acesso|zugang|dostęp)\s+(?:лише|тільки|only|just|solo|nur|seulement|apenas|tylko)\s+"
    r"(?:для\s+|for\s+|para\s+|pour\s+|für\s+|dla\s+)?" + N + r"\b"
    # "The other 37 stay", "решта 12 залишаються", "les autres 20 restent"
    r"|(?:the other|the remaining|the rest of the|решта|інші|los otros|las otras|les autres|die anderen|die restlichen|"
    r"os outros|as outras|pozostałe)\s+" + N + r"\s+(?:" + SEAT + r"\s+)?(?:stay|stays|remain|keep|залишаються|"
    r"лишаються|se quedan|siguen|restent|bleiben|ficam|zostają)\b"
    # "We're only going to need 55 going forward", "we'll need 40 from next month"
    r"|\b(?:going to|gonna|will|'ll|we)\s+(?:only\s+|just\s+)?(?:need|want)\s+(?:only\s+|just\s+)?" + N
    + r"(?=\s+(?:going forward|from now on|moving forward|from next \w+|next (?:year|term|month)|at (?:the )?renewal|after "
    r"(?:the )?renewal)|\s*[,.;]\s+(?:as|because|since)\b|\s*\.\s)"
    # "A partir de abril bastam-nos trinta", "nos bastan 20", "uns reichen 12", "50 will do"
    r"|(?<!\w)(?:bastam-nos|basta-nos|nos bastan|nos basta|uns reichen|nous suffisent|wystarczy nam|нам вистачить)\s+" + N
    + r"\b"
    r"|(?<![\w.,$€£])" + N + r"\s+(?:will|would) do\b"
    r"|(?<!\d\s)\b" + SEAT + r"\s+to\s+" + N + r"\b"
    r"|(?<!\w)(?:" + SEAT + r")\s+(?:потрібно|треба|вистачить|wystarczy)\s+(?:лише\s+|тільки\s+|nam\s+)?" + N + r"\b"
    r"|" + N + r"\s+" + SEAT + r",?\s+(?:(?:nam|нам|nos|uns|nous|us|ça|cela|isso|das|цілком|зовсім|zupełnie|völlig|largement|"
    r"de sobra|totalmente|more than|quite|plenty)\s+){0,2}(?:wystarczy|wystarczą|wystarczające|suffisent|suffira|suffiront|"
    r"reichen|reicht|genügen|alcanzan|bastan|basta|chegam|bastam|вистачить|вистачає|достатньо|enough|will do|would do|"
    r"is all we need|are all we need|c'est ce qu'il nous faut|ce qu'il nous faut|es lo que necesitamos|"
    r"é o que precisamos|to wszystko|"
    # "vinte e cinco licenças tá ótimo", "20 Lizenzen sind genug", "15 licencias es suficiente"
    r"tá ótimo|tá bom|está ótimo|está bom|(?:is|are) fine|es suficiente|son suficientes|sind genug|ist genug|"
    r"c'est bien|c'est assez|to dość|вистачає)"
    # "Zwanzig reichen", "45 nam wystarczy": the figure alone, the seats named earlier in the message
    r"|(?<![\w.,])" + N + r"\s+(?:nam\s+|uns\s+|nous\s+|нам\s+)?(?:reichen|reicht|genügen|wystarczy|wystarczą|suffisent|"
    r"suffiront|bastan|bastam|chegam|вистачить|достатньо)\b"
    # "con 35 usuarios vamos sobrados", "com 40 licenças a gente se vira", "with 30 we're fine"
    r"|(?:\bcon|\bcom|\bwith|\bmit|\bavec|\bz)\s+" + N + r"\s+(?:" + SEAT + r"\s+)?(?:vamos sobrados|vamos bien|nos basta|"
    r"nos alcanza|nos sobra|nos sobran|a gente se vira|dá|dá conta|damos conta|we'?re fine|we'?ll be fine|we can manage|kommen wir aus|"
    r"on s'en sort|ça suffit|damy radę)"
    # "take our licence count down to 45", "bring the number of users down to 30"
    r"|\b(?:count|number|total|headcount on \w+)\s+(?:(?:of|de)\s+\w+\s+)?(?:down\s+)?to\s+" + N + r"\b"
    # "ramener le nombre de postes à 40", "reducir el número de licencias a 40", "die Anzahl der Lizenzen auf 40",
    # "кількість місць до 40", "liczbę licencji do 40"
    r"|(?:nombre|número|numero|anzahl|zahl|кількість|liczb[aęy])\s+(?:(?:de|d'|der|von|dos|das)\s*)?[\w'’-]+\s+"
    r"(?:[\w'’-]+\s+)?(?:à|a|auf|до|do|para)\s+" + N + r"\b"
    # "dejar solo 15 licencias", "manter só 12 licenças", "potrzebujemy tylko 22", "keep just 12"
    r"|\b(?:dejar|dejarnos|dejadnos|mantener|manter|garder|behalten|zostawić|keep|retain)\s+(?:(?:solo|sólo|únicamente|só|"
    r"apenas|seulement|nur|noch|tylko|only|just)\s+)?(?:(?:las|los|as|os|les|the|die)\s+)?" + N
    + r"\b(?=\s*(?:[,.;!?)]|$)|\s+(?:[\w'’-]+\s+)?" + SEAT + r"\b"
    # "Keep 90 and remove the rest"
    r"|\s+(?:and|&)\s+(?:remove|drop|cut|release|cancel|take off|get rid of)\b)"
    # "We're at 1,200 seats and want 1,050"
    r"|" + SEAT + r"\s+(?:and|but|&|і|та|але|y|pero|und|aber|et|mais|e|mas|i|ale)\s+(?:we\s+)?(?:want|need|would like|"
    r"хочемо|треба|queremos|necesitamos|wollen|brauchen|voulons|queremos|precisamos de|chcemy|potrzebujemy)\s+"
    r"(?:only\s+)?" + N + r"\b"
    # "go back to our base of 45", "повертаємося до базових 45", "volvemos a nuestras 45"
    r"|\b(?:back to|return to|revert to|повертаємося до|повернутися до|повернемося до|volver a|volvemos a|zurück auf|"
    r"zurück zu|revenir à|voltar a|voltamos a|wracamy do|powrót do)\s+(?:(?:our|the|нашої|наших|nuestr\w+|unsere\w*|nos|"
    r"nossa\w*|nasz\w*)\s+)?(?:base|basic|original|базов\w*|початков\w*|base de|basis)\s+(?:(?:of|de|von|з)\s+)?" + N + r"\b"
    # a lower plan for a count: "to Basic with 20 seats", "Growth plan for 25 users", "на Basic на 20 місць",
    # "al Growth con 25 usuarios", "auf den Growth-Tarif, mit 25 Nutzern", "pour 25 utilisateurs", "dla 25 użytkowników"
    r"|(?<!\w)(?:plans?|planu|plano|plan[ae]|tier|tarif\w*|тариф\w*|план\w*|пакет\w*|edition|package|paquete|pakiet\w*|"
    r"offre|formule|basic|starter|growth|essentials?|standard|lite)(?!\w)\W+(?:[\w'’-]+\W+){0,3}?(?:with|for|на|для|con|para|mit|für|pour|"
    r"avec|com|dla)\s+" + N + r"\s+(?=" + SEAT + r")"
    # "нам вистачить 60", "wystarczy nam 40", "nos bastan 40", "uns reichen 40"
    r"|(?<!\w)(?:нам\s+)?(?:вистачить|вистачило б|wystarczy(?:\s+nam)?|nos bastan|nos basta|uns reichen|uns reicht)\s+"
    r"(?:і\s+|лише\s+|тільки\s+|tylko\s+)?" + N + r"\b"
    # "Deixem em 150", "dejadlo en 40", "laissez-nous à 40"
    r"|(?:deix\w*|dej\w*|laissez(?:-nous)?)\s+(?:\w+\s+)?(?:em|en|à)\s+" + N
    + r"(?=\s+(?:[\w-]+\s+)?" + SEAT + r"|\s*[,.;!?]?\s*(?:por favor|please|s'il vous plaît|s'il te plaît)?[.!]?\s*$)"
    # "right-size to 250", "keep the other 40", "leaving us 54", "which leaves us with 30"
    r"|\bright-?siz\w*\s+(?:us\s+|it\s+)?(?:down\s+)?to\s+" + N + r"\b"
    r"|\bkeep\s+(?:the\s+)?(?:other|remaining|rest of the)\s+" + N + r"\b"
    r"|\b(?:leaving|leaves|leave)\s+us\s+(?:with\s+)?" + N + r"\b"
    r"|(?:potrzebujemy|potrzeba nam|brauchen wir|necesitamos|precisamos de|il nous faut|il nous faudrait|nous faudrait|"
    r"nous avons besoin de|"
    r"we need|we only need|потрібно нам|нам потрібно|треба нам|нам треба)\s+(?:(?:tylko|jedynie|nur noch|nur|solo|sólo|"
    r"apenas|só|seulement|que|only|just|тільки|лише)\s+)+" + N + r"\b", re.I)
WANT_N = re.compile(
    # "we want 60", "I want to pay for 50", "we'd like 150" ("like" before a figure is dropped as a filler), "Хочемо 320", "Wir wollen 55 bezahlen", "Queremos 20 licencias",
    # "On veut 15 licences", "Chcemy 18 licencji": a wanted count, read when the message is about seats
    r"(?:\bwe want|\bi want|\bwe'?d(?: like)?|\bwe would like|\bi'?d(?: like)?)\s+(?:to\s+(?:pay for|keep|have)\s+)?(?:only\s+|just\s+)?"
    + N + r"\b"
    r"|(?<!\w)(?:хочемо|хочу|хотіли б|wir wollen|wir möchten|ich möchte|queremos|quisiéramos|on veut|on voudrait|nous voulons|"
    r"nous voudrions|je veux|chcemy|chcielibyśmy|chcę|queríamos|gostaríamos de)\s+(?:(?:тільки|лише|nur|noch|solo|sólo|"
    r"seulement|só|apenas|tylko|mieć|ter|tener|avoir|haben|bezahlen für|payer pour|pagar por|płacić za|платити за)\s+){0,2}"
    + N + r"\b", re.I)
# "Potrzebujemy 12 dodatkowych kont", "35 licenças a mais": more seats, not a target.
MORE_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:more|extra|additional|más|mas|mehr|dodatkow\w*|додатков\w*|більше|"
                         r"zusätzlich\w*|weitere|supplémentaires|de plus|adicional\w*|a mais|de más|a más|nowych|нових)\b",
                         re.I)
# "we want 10 fewer users", "Queremos 10 licencias menos", "on voudrait 30 licences de moins": a removal.
LESS_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+)?" + FEWER + r"\b", re.I)
_MONEY = re.compile(r"[$€£]|грн|гривен|гривн|zł|usd|eur\b|тис|\bk\b|\bpay|плат|price|ціна|precio|preço|preis|prix|cen[aęy]",
                    re.I)
_REMOVAL_WORD = re.compile(r"remov|drop|cancel|\bcut|мінус|\bminus|\blos[ei]|\bshed|take \w+ off|get rid|прибра|прибер|зня|відключ|скорот|скороч|"
                           r"nicht mehr|no longer need|не потрібн|ya no necesit|plus besoin|não precisamos|nie potrzebujemy|"
                           r"streich|kündig|entfern|\bweg\b|supprim|retir|quit|baja|elimin|desativ|tirar|usun|usuń|zdj|"
                           r"anul|rezygn|відмов", re.I)
_BARE_TO_AFTER = re.compile(r"\s*" + _NOT_UNIT_AFTER.replace("(?!", "(?=(?!", 1) + ")", re.I)

# "Wir möchten 60 Lizenzen streichen", "we'd like 20 seats removed", "queremos 10 licencias menos": a wanted
# removal, not a target.
_REMOVAL_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:streichen|kündigen|abgeben|entfernen|abbauen|wegnehmen|abziehen|"
                            r"removed|cancell?ed|dropped|cut|taken off|off\b|supprim\w*|retir\w*|enlev\w*|quitar|eliminar|"
                            r"dar de baja|tirar|remover|cancelar|usunąć|zlikwidować|anulować|прибрати|зняти|скасувати|відключити)",
                            re.I)
# A count raised, not cut: "розширити кількість користувачів до 90", "increase the number of users to 90".
_GROW_BEFORE = re.compile(r"(?:розшир|збільш|increas|expand|erhöh|augment|aument|zwiększ|raise|grow)\w*\W+(?:[\w'’-]+\W+)?$", re.I)

# The seats held now ("we pay for 85 seats", "On a 40 licences", "sur 60 licences", "4 von 10 Lizenzen",
# "Ліцензій у нас 120", "de 70 licencias", "Das duzentas licenças").
CURRENT = re.compile(
    r"(?:we have|we've got|we got|we currently have|we pay for|we're paying for|paying for|bought|licensed for|"
    r"we had|on a|nous avons|nous avions(?: prévu)?|on paie pour|tenemos|tienen|nos quedan|wir haben|wir hatten|"
    r"temos|tínhamos|mamy|mieliśmy|у нас(?: є)?|маємо|justificar)\s+(?:[\w-]+\s+){0,2}?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
    + r"|(?:\bof|out of|von|von den|\bde|sur|\bz|\bze|\bз|\bіз|\bdas|\bdos|de las|de los)\s+(?:our\s+|the\s+|les\s+|"
    r"unseren\s+|naszych\s+|наших\s+)?" + N + r"\s+(?:[\w-]+\s+)?" + SEAT
    + r"|(?<!\w)" + SEAT + r"\s+у нас\s+" + N + r"\b"
    + r"|(?:obecnie jest|obecnie mamy|aktuell sind es|currently at|currently|current:?|the current|for all|зараз(?: у нас)?|"
    r"наразі|ahora(?: mismo)?(?: pagamos| tenemos| somos)?|estamos com|actuellement|aktuell)\s+" + N + r"\b"
    + r"|(?<!\w)" + SEAT + r"\s+(?:із|з|of|von|de|z|ze)\s+" + N + r"\b"
    # "Mamy 40, ale...", "we have 60. We want 45": the count held, a bare figure closing its clause
    + r"|(?:\bwe have|\bwe've got|\bmamy|(?<!\w)маємо|(?<!\w)у нас|\btenemos|\btemos|\bwir haben|\bnous avons|\bon a)\s+"
    + N + r"(?=\s*(?:[,.;!?]|$|\s+(?:but|ale|pero|mas|aber|mais|але|а|now|teraz|зараз|ahora|agora|jetzt)\b))"
    # "our plan is 75 seats", "we're at 96", "Hoje são 55", "płacimy za 60", "wir zahlen für 90", "платимо за 85"
    + r"|(?:our plan is(?: for)?|our contract is(?: for)?|we'?re at|we are at|we'?re on|we are on|we pay for|"
    r"hoje são|hoje temos|hoje pagamos|pagamos por|pagamos|płacimy za|płacimy teraz za|wir zahlen für|wir zahlen|"
    r"nous payons|on paie|платимо за|зараз платимо за|ми платимо за|we'?re paying for|we currently pay for)\s+"
    r"(?:(?:for|para|за|für|pour)\s+)?" + N + r"\b(?!\s*(?:%|[$€£]|k\b|zł|грн|eur|usd|dollars?|euros?|a month|per month|"
    r"al mes|por mês|im monat|par mois|miesięcznie|на місяць))"
    + r"|(?:нащо нам|навіщо нам|навіщо платити за|why pay for|no tiene sentido pagar|wozu)\s+" + N + r"\b"
    # "Down from 52", "Було 52", "desde los 700 actuales", "(50 seats)", "current plan is 250 seats"
    + r"|(?:down from|(?<!\w)було|(?<!\w)було в нас|(?<!\w)а було|desde (?:los|las)|von bisher|au lieu des|em vez das?|"
    r"zamiast dotychczasowych)\s+" + N + r"\b" + _NOT_UNIT_AFTER
    + r"|\(\s*" + N + r"\s+" + SEAT + r"\s*\)"
    + r"|(?:current|existing)\s+(?:plan|contract|subscription)\s+(?:is|has)\s+(?:for\s+)?" + N + r"\b"
    # "Ya no necesitamos 50 usuarios", "brauchen wir keine 45 Lizenzen", "we don't need 50 seats": the count held
    + r"|(?:ya no necesitamos|no necesitamos|brauchen wir keine|wir brauchen keine|we don'?t need|we no longer need|"
    r"nie potrzebujemy|não precisamos de|nous n'avons pas besoin de|нам не потрібно|не потрібно нам)\s+" + N + r"\s+"
    + SEAT
    + r"|(?<![\w.,])" + N + r"\s+" + SEAT + r"\s*(?:[—–-]\s*)?(?:це\s+|is\s+|are\s+|c'est\s+|es\s+|sind\s+|to\s+)?"
    r"(?:забагато|too many|way too many|zu viele|trop|demasiad\w*|za dużo|demais)", re.I)

# The seats named first, the removal after: "the 30 field seats ... can go", "Les 7 licences ... peuvent être
# supprimées", "22 ліцензії можна прибрати", "that's nine licences" (after a removal verb).
NAMED_THEN_REMOVED = re.compile(
    r"(?:\bthe|\bthose|\bthese|\btheir|\bour|\bles|\blos|\blas|\besas|\besos|\bdie|\bdiese|\bos|\bas|\bessas|\besses"
    r"|(?<!\w)ці|(?<!\w)ті|(?<!\w)їхні)\s+" + N + r"\s+(?:[\w'’-]+\s+){0,3}?" + SEAT
    + r"\b[^.!?\n]{0,90}?(?:can go|can be (?:removed|dropped|cancell?ed)|peuvent être supprim\w*|peuvent partir|"
    r"können weg|können gestrichen|pueden (?:darse de baja|eliminarse|quitarse)|podem ser (?:removid|cancelad)\w*|"
    r"można usunąć|можна (?:прибрати|зняти|відключити))"
    r"|(?<!\w)" + N + r"\s+" + SEAT + r"\s+(?:можна (?:прибрати|зняти|відключити)|можете (?:прибрати|зняти)|"
    r"peuvent être supprim\w*|können weg|can go|can be removed|do usunięcia)"
    r"|(?:that's|that is|so that's|das sind|c'est|ce sont|це|to jest|são|son)\s+" + N + r"\s+" + SEAT
    + r"|(?:—|–|-|:)\s+" + N + r"\s+(?:штук|шт\b|sztuk|pieces|units)"
    r"|(?:решту|решта|інших|інші|the remaining|the other|the rest of the|los otros|las otras|los demás|las demás|"
    r"die restlichen|die anderen|les autres|as outras|os outros|os demais|pozostałe|pozostałych)\s+" + N
    + r"\b[^.!?\n]{0,40}?(?:в архів|can go|прошу зняти|зніміть|знімайте|прибирайте|приберіть|відключайте|remove|"
    r"cancel|drop|fuera|quitad|weg|streichen|supprim\w*|retir\w*|usu[nń]\w*|anul\w*)", re.I)
# A removal verb then a pronoun for seats named earlier ("remove them", "les supprimer", "entfernen Sie diese").
_REMOVE_THEM = re.compile(r"(?:remove|drop|cancel|delete|take off|get rid of)\s+(?:them|those|these)\b|(?:les|la) supprimer|"
                          r"take (?:them|those|these) off|(?:on )?les retir\w*|retirez-les|do usunięcia|"
                          r"(?<!\w)bitte (?:streichen|entfernen|kündigen)|pode[mr]? retirar|retir\w+ (?:essas|esses|elas|eles)|"
                          r"zdj\w+ te|usu[nń]\w* te|ці (?:ліцензії|місця) (?:приберіть|зніміть)|"
                          r"supprimez-les|entfernen Sie (?:diese|sie)\b|diese \w+ (?:bitte )?(?:entfernen|streichen|kündigen)|"
                          r"(?:lizenzen|nutzer) bitte (?:streichen|entfernen|kündigen)|"
                          r"dar(?:las|los) de baja|quit(?:arlas|adlas|enlas|arlos)|elimin(?:arlas|adlas|arlos)|"
                          r"desativ\w+ (?:essas|esses)|remov\w+ (?:essas|esses)|"
                          r"їх (?:прибрати|зняти|відключити)|(?:приберіть|зніміть|відключіть) їх|usuńcie je|zdejmijcie je", re.I)
_SEATS_NAMED = re.compile(r"(?<!\w)" + N + r"\s+(?:[\w'’-]+\s+){0,2}?" + SEAT + r"\b", re.I)

# A removal by a bare number in a message about seats: "reduce us by 20", "Скорочуємо на сорок", "Retirem
# vinte", "o osiemnaście", "Reducid las licencias en quince", "drop 16 pls", "мінус 25 місць".
BY_BARE = re.compile(
    r"\b(?:reduc\w*|cut|drop|lower|decreas\w*|trim)\s+(?:(?:us|it|them|our|the|this|those|\w+ licen\w+|seats?|"
    r"licen\w+|users?)\s+){0,2}by\s+" + N + r"\b"
    r"|\b(?:drop|remove|cut|release)\s+" + N + r"(?:\s+(?:pls|please|more|of them|at renewal|now)|\s*[.!?,]|\s*$)"
    r"|(?<!\w)(?:скороч\w*|скорот\w*|зменш\w*|урізат\w*|урізаєм\w*)\s+(?:[\w'’-]+\s+){0,6}?на\s+" + N + r"\b"
    r"|(?<!\w)(?:прибира\w*|прибер\w*|знімайте|зніміть|знімаємо|мінус|зняти|прибрати)\s+" + N + r"\b"
    r"|\b(?:retirem|retire|tirem|tirar|quitar|quiten|quitad|eliminar|eliminen|desativar|cortar|cortem)\s+(?:(?:las|los|as|os)\s+)?"
    + N + r"\b"
    r"|\b(?:reduc\w*|recort\w*)\s+(?:[\w'’-]+\s+){0,3}?en\s+" + N + r"\b"
    r"|\b(?:diminu\w*|reduz\w*|cort\w*|baix\w*)\s+(?:[\w'’-]+\s+){0,4}?em\s+" + N + r"\b"
    r"|\b(?:zmniejsz\w*|ogranicz\w*|obniż\w*|zredukow\w*)\s+(?:[\w'’-]+\s+){0,4}?o\s+" + N + r"\b"
    r"|\b(?:reduzier\w*|verringer\w*|kürz\w*|senk\w*)\s+(?:[\w'’-]+\s+){0,4}?um\s+" + N + r"\b"
    r"|(?<!\w)" + N + r"\s+" + SEAT + r"\s+(?:menos|en moins|weniger|a menos|mniej|менше)\b"
    r"|\b(?:sobran|over by|sobrando)\s+" + N + r"\b"
    # "20 less, to be precise", "take 20 off our seat count", "fallen 150 Nutzer weg"
    r"|(?<![\w.,])" + N + r"\s+(?:less|fewer)\b(?!\s+than)"
    r"|\btake\s+" + N + r"\s+off\b"
    # "another 15 off", "il nous en faut 15 de moins", "precisamos de menos 15", "15 de menos"
    r"|\banother\s+" + N + r"\s+(?:" + SEAT + r"\s+)?off\b"
    r"|(?<![\w.,])" + N + r"\s+(?:" + SEAT + r"\s+)?(?:de moins|en moins|de menos|a menos)\b"
    r"|\b(?:de\s+)?menos\s+" + N + r"\b(?!\s*(?:%|[$€£]|por ?cento|por ?ciento))"
    r"|\bfallen\s+" + N + r"\s+" + SEAT + r"\s+weg\b"
    # "now minus 25", "jeszcze minus 5", "nochmal fünf weniger", "en enlever encore 5", "another 10"
    r"|(?<!\w)(?:мінус|minus)\s+" + N + r"\b"
    r"|(?:\bnochmal|\bnoch einmal|\bencore|\bjeszcze|(?<!\w)ще|\banother|\botr[ao]s)\s+(?:(?:мінус|minus|o)\s+)?" + N
    + r"(?:\s+" + SEAT + r")?\s+" + FEWER + r"\b"
    r"|\b(?:enlever|retirer|supprimer|usunąć|zdjąć|прибрати|зняти|remove|drop|cut)\s+(?:encore|jeszcze|ще|another)\s+" + N
    + r"\b"
    r"|(?:la baja de|redução de|redukcj\w* o|zdjąć|zdejmijcie|zdejmij|odłączcie)\s+(?:(?:esas|esos|las|los|nam)\s+)?" + N
    + r"\s+" + SEAT, re.I)
_ABOUT_SEATS = re.compile(SEAT + r"\b", re.I)
_YEARS = range(1990, 2101)


def _n(s: str) -> int:
    return int(re.sub(r"[ ,.]", "", s))


def _groups(m: re.Match[str]) -> list[int]:
    return [_n(g) for g in m.groups() if g]


def from_to(t: str, is_fact) -> tuple[int, int] | None:
    """(seats now, seats asked for) from a from-to phrase, or None."""
    for pat in (FROM_TO, TO_FROM, N_NOT_M, NOT_M_N, HAVE_NEED):
        for m in pat.finditer(t):
            if is_fact(m.start()):
                continue
            a, b = _groups(m)[:2]
            now, to = (b, a) if pat in (TO_FROM, N_NOT_M) else (a, b)
            if 0 <= to < now and not (now in _YEARS or to in _YEARS):
                return now, to
    return None


def target(t: str, is_fact) -> int | None:
    """A target seat count stated without the grammar's usual nouns, or None. A wanted count ("we want 60")
    only in a message that names seats or the count held now."""
    wanted = list(WANT_N.finditer(t)) if (_ABOUT_SEATS.search(t) or CURRENT.search(t)) else []
    for m in [*BARE_TO.finditer(t), *wanted]:
        if is_fact(m.start()):
            continue
        n = next(v for v in _groups(m))
        end = m.end(next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)))
        if n == 0 or n in _YEARS or not _BARE_TO_AFTER.match(t, end) or MORE_AFTER.match(t[end:end + 40]) or \
                LESS_AFTER.match(t[end:end + 40]) or _GROW_BEFORE.search(t[max(0, m.start() - 30):m.start()]) or \
                _REMOVAL_AFTER.match(t[end:end + 50]):
            continue
        if _MONEY.search(t) and not _ABOUT_SEATS.search(t):
            continue  # "Давайте 10 000" in a message about the price
        return n
    return None


# A total the customer adds up and asks for: "So 20 seats in total going forward", "Разом 13 місць ... просимо
# переоформити", "En total 23 licencias ... ajustadnos", "Łącznie 16, i na tyle prosimy zmienić umowę".
_TOTAL = re.compile(r"(?:in total|altogether|разом|усього|загалом|всього|en total|au total|en tout|insgesamt|no total|ao todo|"
                    r"łącznie|razem|w sumie|total(?: de| of)?)\s*[:—–-]?\s*(?:also\s+|so\s+|тобто\s+|czyli\s+|donc\s+)?"
                    + N + r"\b"
                    r"|(?<![\w.,])" + N + r"\s+(?:" + SEAT + r"\s+)?(?:in total|total|altogether|en total|au total|insgesamt|"
                    r"no total|ao todo|łącznie|w sumie)\b", re.I)
_TOTAL_ASK = re.compile(r"going forward|adjust|reduce|change the|from next|переоформ|просимо|зменш|ajust|cambi|zmieni|anpass|"
                        r"ändern|changer|réduire|mudar|reduzir|reducir|na tyle|prosimy|please|pls|bitte|por favor|s'il", re.I)
_HELD_BEFORE = re.compile(r"(?:we have|we've got|currently|маємо|у нас|tenemos|wir haben|nous avons|temos|mamy|obecnie)\W+"
                          r"(?:[\w'’-]+\W+){0,3}$", re.I)


# "we only need the 12 people in finance to keep access": the people named are the seats kept.
_KEEP_ACCESS = re.compile(r"\b(?:only|just)\s+need\s+(?:the\s+)?" + N + r"\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:keep|have)\s+"
                          r"access\b", re.I)


def total(t: str, is_fact) -> int | None:
    """A seat total the customer adds up and asks for, in a message that asks for the change, or the people who
    keep access, or None."""
    m = _KEEP_ACCESS.search(t)
    if m and not is_fact(m.start()):
        return _groups(m)[0]
    for m in _TOTAL.finditer(t):
        n = next(v for v in _groups(m))
        if is_fact(m.start()) or n == 0 or n in _YEARS or _HELD_BEFORE.search(t[max(0, m.start() - 30):m.start()]):
            continue
        if _TOTAL_ASK.search(t[m.start():m.end() + 120]) and _ABOUT_SEATS.search(t) and not removal_total(t, m.start()):
            return n
    return None


_REMOVAL_IN_SENTENCE = re.compile(r"lösch|streich|entfern|tirem|tirar|remov|quit|supprim|retir|usun|прибер|зніміть|delete|"
                                  r"drop|take (?:\w+ )?off", re.I)


def removal_total(t: str, at: int) -> bool:
    """Is the total at `at` a count of seats removed ("5 Zugänge ... löschen, insgesamt also 8", "Tirem as contas dos 4
    motoristas e dos 2 conferentes, total de 6")? A removal verb in its sentence says so."""
    start = max(t.rfind(".", 0, at), t.rfind("\n", 0, at)) + 1
    end_m = re.search(r"[.!?\n]", t[at:])
    sentence = t[start:at + (end_m.start() if end_m else len(t) - at)]
    return bool(_REMOVAL_IN_SENTENCE.search(sentence))


def removed_total(t: str, is_fact) -> int | None:
    """A removal total ("..., insgesamt also 8"), or None."""
    for m in _TOTAL.finditer(t):
        n = next(v for v in _groups(m))
        if not is_fact(m.start()) and 0 < n and n not in _YEARS and removal_total(t, m.start()) and _ABOUT_SEATS.search(t):
            return n
    return None


def settled(t: str, is_fact) -> int | None:
    """The last figure the message settles on ("..., sorry, go with 88"), or None."""
    found = None
    for m in SETTLED.finditer(t):
        n = next(v for v in _groups(m))
        before = t[max(0, m.start() - 80):m.start()]
        end = m.end(next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)))
        if is_fact(m.start()) or n == 0 or n in _YEARS or not _BARE_TO_AFTER.match(t, end) or \
                MORE_AFTER.match(t[end:end + 40]) or LESS_AFTER.match(t[end:end + 40]) or \
                _BY_BEFORE.search(before) or _EXTRA_BEFORE.search(before):
            continue
        found = n
    return found


def settled_removal(t: str, is_fact) -> int | None:
    """The figure settled on after a removal verb ("enlever, je sais pas, cinq, six licences ? Disons cinq"): the
    seats to remove, or None."""
    found = None
    for m in SETTLED.finditer(t):
        n = next(v for v in _groups(m))
        before = t[max(0, m.start() - 80):m.start()]
        if is_fact(m.start()) or n == 0 or n in _YEARS or not _BY_BEFORE.search(before) or \
                _EXTRA_BEFORE.search(before) or not _ABOUT_SEATS.search(t):
            continue
        found = n
    return found


def hedged(t: str, is_fact) -> int | None:
    """A count followed by a hedge ("around 30 users, maybe 32"), not after a removal verb, or None."""
    for m in HEDGED.finditer(t):
        n = _groups(m)[0]
        if is_fact(m.start()) or n in _YEARS or _REMOVAL_WORD.search(t[max(0, m.start() - 40):m.start()]):
            continue
        return n
    return None


# A count turned down ("garder 80 licences ne nous arrange pas", "keeping 80 seats doesn't work for us"): not the request.
REJECTED_AFTER = re.compile(r"^\W*(?:\w+\W+){0,1}(?:ne nous (?:arrange|va|convient) pas|n'est pas possible|doesn.t work|won.t work|"
                             r"isn.t (?:an option|going to work)|is not an option|no nos sirve|no nos vale|no es opción|"
                             r"passt (?:uns )?nicht|kommt nicht in frage|não (?:nos )?serve|não dá|nie pasuje|nie wchodzi w grę|"
                             r"нам не підходить|не підходить|не влаштовує|не варіант)", re.I)
# "somewhere between 70 and 80 seats": the top of a range, not the seats held.
_RANGE_BEFORE = re.compile(r"(?:between|entre|zwischen|między|між|від)\s+\d+\s+(?:and|y|e|und|et|a|i|та|і|й|до)\s+$", re.I)
# A seat count named anywhere ("can't defend 60 licences", "we budgeted for 90 seats", "płacić za 12 miejsc").
_NAMED_COUNT = re.compile(r"(?<![\w.,-])" + N + r"\s+(?:[\w'’-]+\s+)?" + SEAT + r"\b", re.I)
# Said of use, not of what is held: "only 28 users log in", "лише 30 користувачів заходять".
_USE_BEFORE = re.compile(r"(?:only|just|barely|about|around|roughly|with|~|лише|тільки|близько|десь|solo|sólo|apenas|nur|"
                         r"seulement|que|tylko|około|jedynie)\s*$", re.I)
USE_AFTER = re.compile(r"^\s*(?:(?:are|is|who|that|which|we|actually|really|що|які|que|die|qui|które)\s+){0,2}(?:use|used|using|log|logged|logs|active|actually|really|open|work|"
                        r"користу|заход|працю|активн|usan|usa\b|utiliz|trabajan|nutzen|aktiv|arbeiten|utilisent|se connectent|"
                        r"actifs|usam|utilizam|ativos|korzysta|używa|aktywn|pracuj)", re.I)


# A count read off a bill or a quote ("the bill still shows 52 seats", "charged us for 140 seats", "the 30 seats on
# the quote"): what was billed, not what is held.
# A figure said or asked for before ("we said 70 seats last week"): an earlier plan, not what is held.
_SAID_BEFORE = re.compile(r"(?:said|asked for|planned|talked about|mentioned|discussed|agreed|proposed|quoted)\W+(?:[\w'’-]+\W+){0,2}$",
                          re.I)
_BILLED = re.compile(r"(?:bill|invoice|charg|quote|рахун|factur|rechnung|fatur|faktur)\w*\W+(?:[\w'’-]+\W+){0,3}$", re.I)
_BILLED_AFTER = re.compile(r"^\s*(?:on|in|de|auf|у|w|na)\s+(?:the|our|la|el|der|a|o)?\s*(?:bill|invoice|quote|рахун|factur|"
                           r"rechnung|fatur|faktur|devis|angebot)", re.I)


def held_named(t: str, above: int, is_fact) -> int | None:
    """The seats held now when the message names exactly one seat count above the target `above` and says
    nothing of its use ("I can't defend 60 licences ... bring us to 30"), or None."""
    counts: set[int] = set()
    for m in _NAMED_COUNT.finditer(t):
        n = _groups(m)[0]
        if n <= above or n in _YEARS or is_fact(m.start()) or _USE_BEFORE.search(t[max(0, m.start() - 12):m.start()]) \
                or USE_AFTER.match(t[m.end():m.end() + 40]) or (MORE_AFTER.match(t[m.end(1):m.end(1) + 40]) and not
                                                                  re.search(r"\bkeine?\s+$", t[max(0, m.start() - 8):m.start()], re.I)) \
                or _EXTRA_BEFORE.search(t[max(0, m.start() - 25):m.start()]) \
                or REJECTED_AFTER.match(t[m.end():m.end() + 40]) \
                or _RANGE_BEFORE.search(t[max(0, m.start() - 30):m.start()]) \
                or _BILLED.search(t[max(0, m.start() - 40):m.start()]) or _SAID_BEFORE.search(t[max(0, m.start() - 30):m.start()]) or _BILLED_AFTER.match(t[m.end():m.end() + 30]):
            continue
        counts.add(n)
    return counts.pop() if len(counts) == 1 else None


def current(t: str, above: int) -> int | None:
    """The seats held now, stated anywhere in `t`, when larger than the target `above`."""
    for m in CURRENT.finditer(t):
        now = _groups(m)[0]
        if now > above and now not in _YEARS:
            return now
    return None


_PROPOSED_BEFORE = re.compile(r"(?:you (?:propose|suggest|offer)\w*|you'?re (?:proposing|suggesting|offering)|пропонуєте|"
                              r"запропонували|proponen?\w*|propon(?:e|éis)|vous proposez|sie schlagen|proponujecie|"
                              r"proponuje pan\w*|você propõe|vocês propõem)\W+(?:[\w'’-]+\W+){0,2}$", re.I)
# People who left, then their seats removed: "the 8 contractors ... are gone, take their licences off", "5 підрядників ...
# зніміть їхні ліцензії", "die 12 Leiharbeiter ... Bitte deren Lizenzen rausnehmen".
_THEIR_SEATS = re.compile(r"(?:take|remove|drop|cancel|delete|зніміть|зняти|приберіть|прибрати|відключіть|quitad|quitar|quiten|"
                          r"eliminad|eliminar|rausnehmen|entfernen|streichen|löschen|supprimer|supprimez|retirer|retirez|"
                          r"tirar|tire|remover|remova|usunąć|usuńcie|zdjąć|wyłączyć)[\s,]+(?:[\w'’-]+[\s,]+){0,3}?"
                          r"(?:their|його|її|їх|їхні|їхніх|sus|deren|ihre|leurs|deles|delas|ich)\s+" + SEAT
                          + r"|(?:tirar|tire|remover|remova|quitar|quitad|eliminar|cancelar)\s+(?:as\s+|os\s+|las\s+|los\s+)?"
                          + SEAT + r"\s+(?:deles|delas|de ellos|de ellas)"
                          + r"|(?:their|їхні|sus|deren|leurs|deles|ich)\s+" + SEAT + r"\s+(?:[\w'’-]+\s+){0,2}?(?:off|removed|"
                          r"rausnehmen|entfernen|streichen)", re.I)


def their_seats(t: str, is_fact) -> int | None:
    """The count of people named before "take their licences off": the seats to remove, or None."""
    m = _THEIR_SEATS.search(t)
    if not m:
        return None
    before = t[max(0, m.start() - 160):m.start()]
    nums = [x for x in re.finditer(r"(?<![\w.,:/-])" + N + r"(?![\d.,:/-]*\d)(?!\s*(?:%|[$€£]))", before)]
    for x in reversed(nums):
        n = _n(x.group(1))
        if 0 < n < 1990 and not is_fact(max(0, m.start() - 160) + x.start()):
            return n
    return None


# "дві п'ятих", "two fifths", "zwei Fünftel": a numerator, not a count
SHARE_AFTER = re.compile(r"\s*(?:п.ят\w*|трет\w*|чверт\w*|fifths?\b|thirds?\b|quarters?\b|quintos?\b|tercios?\b|"
                         r"fünftel|drittel|viertel|cinquièmes?|tiers\b|piąt\w*|trzeci\w*|czwart\w*)", re.I)


def removed(t: str, is_fact) -> int | None:
    """Seats to remove stated by naming them and then removing them, or by a bare number in a seats message."""
    for m in NAMED_THEN_REMOVED.finditer(t):
        n = _groups(m)[0]
        i = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
        if SHARE_AFTER.match(t, m.end(i)):
            continue  # "знімаємо дві п'ятих місць": a share, not a count
        if n and not is_fact(m.start()) and n not in _YEARS:
            summary = m.group(0).lstrip().lower().startswith(("—", "–", "-", ":", "that", "das ", "c'", "ce ", "це", "to ",
                                                                     "são", "son"))
            if summary and not _REMOVAL_WORD.search(t):
                continue
            return n
    named = [m for m in _SEATS_NAMED.finditer(t) if not is_fact(m.start())]
    if len(named) == 1 and _REMOVE_THEM.search(t[named[0].end():]):
        n = _groups(named[0])[0]
        if n not in _YEARS:
            return n
    if not _ABOUT_SEATS.search(t):
        return None
    for m in BY_BARE.finditer(t):
        n = _groups(m)[0]
        if _PROPOSED_BEFORE.search(t[max(0, m.start() - 30):m.start()]):
            continue  # "Ви пропонуєте зняти 15, але мені потрібно зняти 22": the CSM's figure, echoed
        if n and not is_fact(m.start()) and n not in _YEARS and re.match(_NOT_UNIT_AFTER, t[m.end():], re.I) \
                and not SHARE_AFTER.match(t, m.end()):
            return n
    return None

"""The conversation, not the last message: what the customer asks for across a case's turns.

The first stated request persists; a later customer turn changes it only when it states a new one
(a figure, a service, a pause or cancel); pushback on a counter keeps the request (or replaces its
figure when the customer names a new one) and marks the turn as pushback; the reason and a hardship
may come from any turn, the latest stated reason winning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.accounts import Account
from coach.diagnosis.lexicon import SEAT
from coach.diagnosis.lexicon import N as _N
from coach.diagnosis.models import Diagnosis
from coach.diagnosis.numbers import words_to_digits

_FIGURES = ("reduction_pct", "seats_requested", "seats_to", "target_mrr")
_REQUEST_FIELDS = ("kind", "kind_confidence", "reduction_pct", "seats_requested", "seats_to", "target_mrr", "modules",
                   "pause_start_month", "pause_months", "pause_resume_month")


# A CSM turn that offers something (a figure, a discount, a pause, an alternative) is a counter a reply can
# push back on; a turn that only asks why or promises to come back is not ("Can I ask what's changed?",
# "I'll prepare the change and get back to you").
_OFFER = re.compile(
    r"\d|%|\b(?:offer\w*|propos\w*|suggest\w*|instead|alternative|discount\w*|pause|paus\w*|freeze|how about|what if|"
    r"could (?:we|you) (?:keep|try|move|pause|switch|go)|would you (?:consider|be open)|lock|extend\w*|months? free|"
    r"descuento|ofrec\w*|propuesta|en lugar|en vez|rabatt|angebot|anbieten|statt|remise|offre|au lieu|desconto|oferta|"
    r"proposta|em vez|rabat\w*|ofert\w*|zamiast|zawiesz\w*)\b"
    r"|(?<!\w)(?:знижк\w*|пропону\w*|пропозиц\w*|запропон\w*|замість|пауз\w*|заморо\w*|а якщо|як щодо)", re.I)
# The reply takes the counter ("sounds fair, let's do that", "Добре, годиться", "Aceitamos os 10%").
_ACCEPTS = re.compile(
    r"\b(?:sounds (?:reasonable|fair|good|great|ok)|let'?s do (?:it|that)|that works|works for us|(?:we|i) accept|"
    r"we'?ll take (?:it|that)|deal\b|agreed|happy with (?:that|this)|let'?s go with|fine by (?:us|me)|"
    r"aceptamos|de acuerdo|nos vale|nos sirve|einverstanden|passt (?:uns|so)|nehmen wir|akzeptieren|"
    r"ça nous va|nous acceptons|marché conclu|d'accord|vous avez raison|you'?re right|tiene razón|"
    r"sie haben recht|tem razão|"
    r"ma pan rację|ma pani rację|aceitamos|combinado|fechado|pode ser|przyjmujemy|zgoda|pasuje|"
    r"akceptujemy|w porządku|lock (?:that|it|this) in|trato hecho|abgemacht|umowa stoi)\b"
    r"|\b(?:makes sense|tiene sentido|faz sentido|c'est logique|ergibt sinn|ma sens)\b"
    r"|(?<!\w)(?:логічно|згода|годиться|нас влаштовує|домовились|домовилися|приймаємо|погоджуємось|погоджуємося|"
    r"підходить|"
    r"маєте рацію|ви праві)(?!\w)"
    r"|^\W*(?:ok(?:ay)?,?\s+)?\d+\s+(?:works|is fine|sounds (?:good|fine|right|fair))\b"
    # an OK and then going ahead: "Fine, let's do the 6-month pause then", "Ок, давайте паузу", "Vale, nos quedamos con
    # 40 entonces"
    r"|^\W*(?:fine|ok(?:ay)?|alright|sure|yes|yeah|vale|de acuerdo|ок|окей|добре|гаразд|так|d'accord|gut|dobrze|"
    r"certo|tá)"
    r"[\s,.!]+(?:[\w'’-]+[\s,]+){0,4}?(?:let'?s|давайте|vamos|entonces|then|alors|dann|então|nos quedamos|"
    r"we'?ll (?:take|go|do)|"
    r"zróbmy|robimy|хай|нехай|on (?:prend|part))\b",
    re.I)
# A later turn that names a bare count for the seats asked about before: a correction ("Wait, 85.", "Actually make
# that 20", "Sorry, I meant 45"), a count agreed ("80 works", "D'accord pour trente", "OK, 70 then"), or a removal
# verb with no noun ("let's remove those 45", "removing seventy makes sense", "Він каже прибрати двадцять п'ять").
_NO_UNIT = (r"(?!\s*(?:%|[$€£]|k\b|[.,]\d|/|percent|pour ?cent|por ?ciento|por cento|prozent|procent|відсот|"
            r"euros?\b|dollars?\b|"
            r"zł|грн|usd|eur\b|a month|per month|months?|meses|monate?|mois|miesi|місяц|days?|días|tage|jours|dni|днів|"
            r"years?|años|jahre|ans\b|anos|lat\b|років|рок|weeks?|semanas|wochen|semaines|tygodni|тижн|st\b|th\b|nd\b|rd\b|"
            r"(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|de (?:enero|febrero|marzo|abril|mayo|"
            r"junio|julio|"
            r"agosto|septiembre|octubre|noviembre|diciembre)|(?:січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис|гру)))")
# "Ні, сто — це забагато", "No, 100 is too many": the counter turned down, not a count asked for.
_NOT_TOO_MANY = (r"(?!\s*[—–-]?\s*(?:це\s+|is\s+|are\s+|c'est\s+|es\s+|ist\s+|sind\s+|to\s+|é\s+|"
                 r"są\s+)?(?:still\s+|ще\s+)?"
                 r"(?:забагато|замало|too|trop|zu viele?|demasiad|za dużo|za mało|demais|not enough|way too|far too|"
                 r"doesn'?t work|won'?t work|(?:нам )?не підходить|no (?:nos )?sirve|reicht nicht|"
                 r"ne (?:nous )?convient pas|"
                 r"não serve|nie pasuje|isn'?t enough|is not enough))")
_BARE_REMOVAL = re.compile(
    r"(?:\bremov\w*|\bdrop\w*|\bcut(?:ting)?|\btake off|\brelease|(?<!\w)прибра\w*|(?<!\w)прибер\w*|(?<!\w)зня\w*|"
    r"(?<!\w)скоротити на|(?<!\w)мінус|\bstreichen|\bkündigen|\bsupprim\w*|\bretir\w*|\benlev\w*|\bquit\w*|\belimin\w*|"
    r"\btir[ae]\w*|\busun\w*|\bodją\w*)\s+(?:(?:those|these|the|another|die|les|los|las|ці|ще|esses|essas|te)\s+)?"
    + _N + r"\b" + _NO_UNIT, re.I)
_BARE_CORRECTION = re.compile(
    r"^\W*(?:(?:wait|hold on|hang on|one sec(?:ond)?|actually|sorry|no|oops|correction|scratch that|my mistake|"
    r"i was wrong|i miscounted|чекайте|"
    r"стривайте|espera|"
    r"warte|attendez|espere|czekaj|ой|вибачте|точніше|перепрошую|ні|perdón|perdona|"
    r"corrijo|moment|korrektur|eigentlich|pardon|en fait|plutôt|desculpe?|opa|na verdade|przepraszam|właściwie|"
    r"poprawka)"
    r"\b[\s,:;.!—–-]*)+(?:(?:make (?:it|that)|i meant|it'?s|that'?s|better|rather|краще|мала на увазі|мав на увазі|"
    r"mejor|quise decir|lieber|ich meinte|je voulais dire|melhor|queria dizer|lepiej|chodziło mi o|são|son|sind|"
    r"c'est|to|це)\s+)?" + _N + r"\b"
    + _NO_UNIT + _NOT_TOO_MANY, re.I)
_BARE_AGREED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|fine|yes|yeah|sure|alright|right|good|great|perfect|добре|гаразд|так|окей|vale|sí|bueno|perfecto|"
    r"gut|ja|okay|bon|oui|parfait|certo|sim|beleza|perfeito|dobrze|tak|świetnie|гаразд)\b[\s,.!—–-]*)*" + _N
    + r"(?:\s+" + SEAT + r")?\s+(?:works|то\s+\d+|is fine|it is|sounds (?:good|fine|right|fair|ok)|is ok(?:ay)?|"
                         r"then|please|is good|will do|"
    r"then it is|it'?ll be|є ок|підходить|годиться|нас влаштовує|vale|está bien|me parece bien|passt|geht|ça marche|"
    r"ça nous va|ça va|funciona|serve|pode ser|pasuje|może być)\b"
    r"|(?:d'accord pour|va pour|ok(?:ay)? (?:with|for)|fine with|go(?:ing)? with|de acuerdo con|vale,? (?:con )?|"
    r"einverstanden mit|zgoda na|pode ser|fechado em|давайте|згодні на|погоджуємось на|погоджуємося на|let'?s do|"
    r"хай буде|нехай буде|niech będzie|dejémoslo en|déjalo en|lo dejamos en|let'?s make it|bleiben wir bei|"
    r"va pour|on part sur|ficamos com|ficamos em)\s+"
    + _N + r"\b" + _NO_UNIT, re.I)


# A reply that turns the counter down ("Дякую, але ні", "No, el 18% no nos sirve", "Standard is what we asked for").
_REJECTS = re.compile(
    r"^\W*(?:no|nope|ні|nein|non|não|nie)\b(?!\s+(?:problem|worries|hay problema|problema|problème|problem))"
    r"|\b(?:no nos sirve|no nos vale|no nos alcanza|not what we (?:asked|need)\w*|(?:is|was) what we asked for|"
    r"doesn'?t work for us|won'?t work for us|still too (?:much|many|high|expensive)|too (?:much|expensive) for us|"
    r"reicht (?:uns )?nicht|passt (?:uns )?nicht|ne (?:nous )?suffit pas|ne nous convient pas|não (?:nos )?serve|"
    r"não resolve|nie wystarczy|nie pasuje|nie wchodzi w grę|como (?:ya )?(?:lo )?pedimos|wie besprochen|comme demandé|"
    r"como pedimos|jak prosiliśmy)\b"
    r"|(?<!\w)(?:але ні|не по кишені|не те,? про що|як і просили|як я й писала|як я й писав|забагато|замало|"
    r"не підходить|"
    r"не влаштовує|не допоможе|не допомагає|не рятує|нічого не змінює)(?!\w)"
    # "Thanks, but a pause doesn't help us", "Merci pour la proposition, mais ...", "He listened to the offer and said
    # no", "still over what I've got approved", "meet you in the middle", "I can't commit to restarting"
    r"|^\W*(?:(?:hi|hello|dear|bonjour|hola|olá|ola|hallo|dzień dobry|добрий день|доброго дня|вітаю)\b[^\n]{0,30}\n+\s*)?"
    r"(?:thanks|thank you|merci|gracias|danke|obrigad[oa]|agradeço|dziękuj\w*|дякую)\b[^.!?\n]{0,40}?\s(?:but|mais|pero|"
    r"aber|mas|ale|але)\b"
    r"|\b(?:(?:doesn'?t|does not|won'?t|wouldn'?t|will not) help(?: us)?|ne change rien|ne nous aide pas|no nos ayuda|"
    r"no ayuda|não (?:nos )?ajuda|hilft (?:uns )?nicht|nie pomoże|nic nie zmienia|(?:and |he |she |they )said no|"
    r"turned (?:it|that|the offer) down|still (?:over|above|more than)|meet (?:you )?in the middle|split the difference|"
    r"can'?t commit to|(?:is|are|'s) too (?:many|much|high|expensive))\b", re.I)


# The customer correcting their own figure ("Sorry, my mistake - it's 25, not 20", "I said 60 earlier but that was
# wrong", "Вибачте, я помилився", "Perdona, me equivoqué", "Petite correction", "Correção:", "Poprawka:"): no pushback.
_SELF_CORRECTION = re.compile(
    r"\b(?:my mistake|i (?:made a )?mistake|i was wrong|i said \d+ (?:\w+ )?(?:earlier|before)|that was wrong|"
    r"correction|i miscounted|me equivoqué|me confundí|corrijo|je me suis trompée?|ich habe mich (?:vertan|verzählt)|"
    r"korrektur|errei|me enganei|correção|correcao|pomyliłe[mś]|pomyliłam|poprawka|typo|tippfehler|errata|"
    r"i misread|i misspoke|i mistyped|actually,? make (?:it|that)|sorry,? (?:i meant|\d+,? not)|pardon,? (?:je voulais|\d+)|"
    r"perdón,? (?:quise|quería|\d+)|desculp[ae],? (?:queria|\d+))\b"
    r"|(?<!\w)(?:я помилився|я помилилася|помилка в цифрі|виправлення|поправка|перепрошую,? не \d+|вибачте,? не \d+|"
    r"описка|опечатка)(?!\w)", re.I)
_PAUSE_WORD = re.compile(r"\b(?:pause|pausing|paus\w*|hold|freeze|pausa\w*|pausier\w*|zawiesz\w*|wstrzyma\w*)\b"
                         r"|(?<!\w)(?:пауз\w*|призупин\w*|заморож\w*)", re.I)


# The customer's own figure insisted on or bettered ("It has to be 40", "потрібно саме двадцять", "mejor que sean 12",
# "tiene que ser 30", "es müssen 600 sein"): the request's field.
_BARE_INSIST = re.compile(
    r"(?:\bit has to be|\bit must be|\bit needs to be|\bhas to be|(?<!\w)потрібно саме|(?<!\w)треба саме|"
    r"(?<!\w)має бути|"
    r"\btiene que ser|\bmejor que sean|\bque sean|\bbetter make it|\bdoit être|\btem que ser|\bmelhor que sejam|"
    r"\bmusi być|\bmuszą być|\blieber|"
    # staying with it or meeting at it: "Zostajemy przy 30", "Wir können uns bei 20 treffen", "we'll stay at 30"
    r"\bzostajemy przy|\bpozostajemy przy|\bwe(?:'ll| will)? stay at|\bwe(?:'re| are) sticking (?:with|to)|\bwe stick (?:with|to)|"
    r"\bnos quedamos en|\bseguimos en|\bon reste à|\bnous restons à|\bbleiben (?:wir )?bei|\bficamos em|"
    r"(?<!\w)залишаємося на|(?<!\w)лишаємося на|\bmeet (?:you |us )?at|\buns bei|\bencontrarnos en|"
    r"\bse retrouver à|\bspotkać się (?:na|przy))\s+(?:un\s+|de\s+)?" + _N + r"\b" + _NO_UNIT, re.I)


# A new total for the seats asked about before ("take those 4 out as well. So 24 in total", "Тобто всього 18", "Всі 26,
# я неправильно порахував"): the request's field.
_BARE_TOTAL = re.compile(
    r"(?:(?<!\w)(?:всього|усього|разом|загалом|łącznie|w sumie|insgesamt|in total|en total|au total|no total|"
    r"all told|altogether)\s*[—–:-]?\s*" + _N + r"\b"
    r"|(?<![\d.,])" + _N + r"\s+(?:in total|altogether|all told|total|en total|au total|no total|insgesamt|łącznie|w sumie|"
    r"всього|разом)\b"
    r"|^\W*(?:всі|усі|alle|todos|todas|tous|wszystkie|all)\s+" + _N + r"\b)" + _NO_UNIT, re.I | re.M)


def bare_count(text: str, digits: str | None = None) -> tuple[int, str] | None:
    """A bare count in a later turn and what it is: (n, "removal" | "same field"); `digits`: `text` with its
    number words as digits, when the caller has it."""
    t = digits if digits is not None else words_to_digits(text)
    for pat, role in ((_BARE_REMOVAL, "removal"), (_BARE_CORRECTION, "same field"), (_BARE_AGREED, "same field"),
                      (_BARE_INSIST, "same field"), (_BARE_TOTAL, "same field")):
        m = pat.search(t)
        if m:
            n = int(re.sub(r"[ ,.]", "", next(g for g in m.groups() if g)))
            if 0 < n and not 1990 <= n <= 2100:
                return n, role
    return None


# (a condition after the yes is no "but": "Fine, let's do the pause. But if numbers aren't better by then we're done")
_STILL_NO = re.compile(r"\b(?:but|however|though|still|aber|pero|mais|mas|ale)\b(?!\s+(?:if|wenn|falls|si|se|"
                       r"jeśli|jeżeli)\b)"
                       r"|(?<!\w)(?:але|проте|однак|все одно)(?!\w)(?!\s+(?:якщо|коли)\b)", re.I)


def offers(text: str) -> bool:
    """Does a CSM turn make an offer the customer could push back on?"""
    return bool(_OFFER.search(text))


def accepts(text: str) -> bool:
    """Does a customer's reply take the counter, with no "but" after it?"""
    return bool(_ACCEPTS.search(text)) and not _STILL_NO.search(text) and not _REJECTS.search(text)


@dataclass(frozen=True)
class Turn:
    role: str  # customer | csm
    text: str


def states_request(dx: Diagnosis) -> bool:
    """Does this turn state a request of its own (not only a reason, a thank-you or a no)?"""
    if dx.intent != "downsell":
        return False
    figures = (dx.reduction_pct, dx.seats_requested, dx.seats_to, dx.target_mrr)
    return any(v is not None for v in figures) or bool(dx.modules) or (
        not dx.pushback and dx.kind in ("pause", "cancel", "tier_downgrade") and dx.kind_confidence >= 0.5)


def combine(turns: list[Diagnosis], latest: Diagnosis, accepted: bool = False,
            bare: tuple[int, str] | None = None, about_seats: bool = False,
            latest_names_seats: bool = False) -> Diagnosis:
    """One diagnosis for the conversation from the diagnoses of its customer turns (oldest first). With
    `accepted` (the latest turn takes the CSM's counter) the request in force stays the customer's own: the
    figures of the counter being accepted are not a new request."""
    earlier = [d for d in turns if d.note is None]
    if not earlier:
        return latest
    update: dict = {}
    downsell_before = any(d.intent == "downsell" for d in earlier)
    if latest.intent != "downsell" and downsell_before and latest.intent in ("feedback", "other", "support"):
        update.update(intent="downsell", intent_confidence=max(d.intent_confidence for d in earlier
                                                               if d.intent == "downsell"))
    requests = [d for d in earlier if states_request(d)]
    base = requests[0] if requests else None
    # The latest request stated before this turn is the one in force (the first, unless changed).
    if requests:
        base = requests[-1]
    # An accepted pause is the request now ("Pausing the app for three months is fine by us"); an accepted
    # discount for keeping a service is not a new request (the figures are the counter's).
    # a seat count the customer agrees to in their own words is the request now; an accepted discount's
    # percentage is the counter's figure, not a request
    own = latest.seats_to is not None or latest.seats_requested is not None
    if accepted and latest.kind == "pause":
        # the pause taken is the request now, with its own months; of the services asked about before
        if not latest.modules and base is not None and base.modules:
            update["modules"] = list(base.modules)
    elif base is not None and ((accepted and latest.kind != "pause" and not own)
                             or (not states_request(latest) and not (accepted and own))):
        update.update({f: getattr(base, f) for f in _REQUEST_FIELDS})
    elif base is not None and (latest.pushback or accepted):
        # "can't you do 30% off", and a figure the customer agrees to in their own words ("Fine, 200 it is",
        # "давайте 70 місць, як ви запропонували"): the new figure replaces the old one; the kind stays the
        # request's, and a target against the seats held before gives the seats removed.
        kept = {f: getattr(base, f) for f in _REQUEST_FIELDS}
        for f in (_FIGURES if latest.pushback else ("seats_requested", "seats_to")):
            if getattr(latest, f) is not None:
                kept[f] = getattr(latest, f)
        if latest.seats_to is not None and latest.seats_requested is None:
            kept["seats_requested"] = None  # the earlier removal went with the earlier target (worked out below)
        update.update(kept)
    elif base is not None and latest.modules and base.modules and base.kind in ("module_cancel", "service_removal"):
        update["modules"] = list(dict.fromkeys([*base.modules, *latest.modules]))  # "take PPC off too"
    # a bare count in this turn, for the seats asked about before ("Wait, 85", "Actually make that 20", "80 works"):
    # it takes the place of the earlier figure (a removal verb makes it the removal)
    own_figures = [f for f in _FIGURES if getattr(latest, f) is not None]
    if bare is not None and (not own_figures or (own_figures == ["seats_to"] and latest.seats_to == bare[0])) and (
            (base is not None and (base.seats_to is not None or base.seats_requested is not None or latest.pushback
                                   or accepted)) or (base is None and bare[1] == "removal" and about_seats)):
        n, role = bare
        percent_asked = base is not None and base.reduction_pct is not None and base.seats_to is None \
            and base.seats_requested is None
        held = base.seats_to + base.seats_requested if base is not None and base.seats_to is not None \
            and base.seats_requested is not None else None
        if percent_asked and role != "removal" and not latest_names_seats and n <= 100:
            # "cut our seats by 30%" ... "It has to be thirty", "Zostajemy przy 30": the percentage insisted on
            update.update(reduction_pct=float(n), seats_to=None, seats_requested=None)
        else:
            if role == "removal" or (base is not None and base.seats_to is None and base.seats_requested is not None):
                update.update(seats_requested=n, seats_to=held - n if held is not None and held > n else None)
            else:
                update.update(seats_to=n, seats_requested=held - n if held is not None and held > n else None)
            update.update(kind="seat_reduction", reduction_pct=None, target_mrr=None)
    # a new target against the seats held stated before ("from 200 seats to 120" ... "150 it is"): the removal
    to = update.get("seats_to", latest.seats_to)
    if base is not None and to is not None and update.get("seats_requested", latest.seats_requested) is None \
            and base.seats_to is not None and base.seats_requested is not None \
            and base.seats_to + base.seats_requested > to:
        update["seats_requested"] = base.seats_to + base.seats_requested - to
    stated = [d for d in earlier if d.root_cause != "unknown"]
    # A reply to a counter (pushback or taking it) talks about the offer ("10% off doesn't fix anything"): the
    # reason stated before it stands.
    if latest.root_cause == "unknown" or (stated and (latest.pushback or accepted)):
        if stated:
            update.update(root_cause=stated[-1].root_cause, root_cause_confidence=stated[-1].root_cause_confidence,
                          cause_candidates=[])
    if latest.hardship is None:
        hard = [d.hardship for d in earlier if d.hardship]
        if hard:
            update["hardship"] = hard[-1]
    return latest.model_copy(update=update) if update else latest


def read_conversation(history: list[Turn], message: str, account: Account | None, diagnose, *,
                      latest: Diagnosis | None = None, countered: bool = False) -> Diagnosis:
    """Diagnose `message` in the light of the earlier turns (customer turns are diagnosed; a CSM turn
    that offers something, or `countered` — a counter known to have been sent — makes a rejection pushback).
    `latest`: the message's own diagnosis when the caller has it already."""
    latest = latest if latest is not None else diagnose(message, account)
    customer = [t.text for t in history if t.role == "customer" and t.text.strip()]
    countered = countered or any(t.role == "csm" and offers(t.text) for t in history)
    digits = words_to_digits(message)
    rejects = bool(_REJECTS.search(message))
    accepted = countered and (accepts(message) or (not rejects and bool(_BARE_AGREED.search(digits))))
    if accepted and latest.kind != "pause" and _PAUSE_WORD.search(message):
        # "OK that works, let's do the 3-month pause on PPC", "Добре, погоджуємось на паузу на три місяці"
        latest = latest.model_copy(update={"kind": "pause", "kind_confidence": max(latest.kind_confidence, 0.6)})
    if latest.pushback and (not countered or accepted):
        # nothing was offered yet to push back on, or the reply takes the offer
        latest = latest.model_copy(update={"pushback": False})
    elif latest.pushback and _SELF_CORRECTION.search(message) and not rejects:
        latest = latest.model_copy(update={"pushback": False})  # "Sorry, my mistake - it's 25, not 20": our own figure
    elif countered and not accepted and not latest.pushback and rejects:
        latest = latest.model_copy(update={"pushback": True})  # "Дякую, але ні", "No, el 18% no nos sirve"
    if not customer:
        return latest
    bare = bare_count(message, digits)
    about_seats = bool(re.search(SEAT, "\n".join([*customer, message]), re.I))
    # the bare figure said with a seat noun ("we stay at 30 licences"), not a percentage insisted on
    names_seats = bare is not None and bool(re.search(rf"(?<![\d.,]){bare[0]}\s+(?:[\w'’-]+\s+)?{SEAT}", digits, re.I))
    return combine([diagnose(t, account) for t in customer[-6:]], latest, accepted, bare, about_seats, names_seats)

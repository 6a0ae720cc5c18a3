"""Read figures out of a message: the reduction asked for (percent, seats) and the services named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from coach.accounts import Account
from coach.diagnosis.text import clauses, sentences

_NUM = r"(\d{1,3}(?:[.,]\d+)?)"
_PCT_UNIT = r"(?:%|\s?percent\b|\s?per\s?cent\b|\s?pct\b|\s?відсот\w*|\s?процент\w*)"
_PCT = re.compile(_NUM + _PCT_UNIT, re.IGNORECASE)
_WORD_TENS = {
    "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "десять": 10, "п'ятнадцять": 15, "двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50,
    "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90,
}
_WORD_PCT = re.compile(r"\b(" + "|".join(map(re.escape, _WORD_TENS)) + r")" + _PCT_UNIT, re.IGNORECASE)

# Fractions said in words; only in a reduction context ("cut in half", "by a third", "наполовину").
_FRACTIONS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(in half|by half|halve[ds]?|halving|half (of )?(our|the|its|all|my))\b"
                r"|(наполовину|удвічі|вдвічі|половин\w*)", re.I), 50.0),
    (re.compile(r"\b(two[- ]thirds)\b|(дві третини)", re.I), 66.7),
    (re.compile(r"\b(by|about|around|roughly|nearly) (a|one) third\b|\bone[- ]third\b|(на третину|третину)",
                re.I), 33.3),
    (re.compile(r"\b(by|about|around|roughly) (a|one) quarter\b|(на чверть|чверть)", re.I), 25.0),
    (re.compile(r"\b(by|about|around|roughly) (a|one) fifth\b|(на п'яту частину)", re.I), 20.0),
]

_SEAT_NOUN = (r"(?:seats?|licen[cs]es?|logins?|users?|user accounts?|accounts?"
              r"|місц[ьяе]|ліцензі[йяїю]|лицензи\w*|користувач\w*|акаунт\w*|обліков\w* запис\w*)")
_CUT_VERB = (r"(?:drop|dropping|cut|cutting|remove|removing|reduce|reducing|lose|losing|release|"
             r"give up|trim|shed|scale back|get rid of|decrease|lower"
             r"|скорот\w*|скороч\w*|зменш\w*|прибрат\w*|прибер\w*|відмов\w*|зняти|звільнит\w*)")
_FROM_TO = re.compile(rf"\b(?:from|з|із)\s+(\d{{1,5}})\s+(?:{_SEAT_NOUN}\s+(?:to|до)\s+(\d{{1,5}})\b"
                      rf"|(?:to|до)\s+(\d{{1,5}})\s+{_SEAT_NOUN})", re.I)
_FROM_TO_NOUN_FIRST = re.compile(
    rf"{_SEAT_NOUN}\s+(?:from|з|із)\s+(\d{{1,5}})\s+(?:to|до)\s+(\d{{1,5}})\b", re.I)
_FEWER = re.compile(
    rf"\b(\d{{1,5}})\s+(?:fewer|less)\s+{_SEAT_NOUN}|\bна\s+(\d{{1,5}})\s+{_SEAT_NOUN}\s+менше", re.I)
_CUT_N = re.compile(rf"{_CUT_VERB}\s+(?:(?!to\b|до\b)\w+\s+){{0,3}}?(?:by\s+|на\s+)?(\d{{1,5}})\s+"
                    rf"(?:(?:of\s+)?(?:our|the|my|its|наших|своїх)\s+(?:\d{{1,5}}\s+)?)?{_SEAT_NOUN}", re.I)
_NOUN_BY_N = re.compile(rf"{_SEAT_NOUN}\s+(?:count\s+|number\s+)?(?:by|на)\s+(\d{{1,5}})\b"
                        r"(?!\s*(?:%|percent|per cent|відсот))", re.I)
# "keep 30 of our 40 logins": the first number is what stays, not what goes.
_KEEP_N_OF_M = re.compile(r"\b(?:keep|retain|залишити)\s+(?:only\s+)?(\d{1,5})\s+(?:of|з|із)\s+(?:our|the|наших)?\s*"
                          r"(\d{1,5})", re.I)
# "from 40 seats down to 32": the target number without a noun after it.
_FROM_DOWN_TO = re.compile(rf"\b(?:from|з|із)\s+(\d{{1,5}})\s+{_SEAT_NOUN}\s+(?:down\s+to|to|до)\s+(\d{{1,5}})\b", re.I)
_DOWN_BY_N = re.compile(rf"\b(?:down|lower|fewer)\s+by\s+(\d{{1,5}})\s+{_SEAT_NOUN}", re.I)
_N_OF_OUR = re.compile(rf"\b(\d{{1,5}})\s+of\s+(?:our|the)\s+(?:\d{{1,5}}\s+)?{_SEAT_NOUN}", re.I)
_TARGET = re.compile(rf"\b(?:down to|go to|move to|reduce to|cut to|drop to|get to|only need|need only|"
                     rf"keep only|keep|to just|to only|до)\s+(?:about\s+|around\s+)?(\d{{1,5}})\s+"
                     rf"{_SEAT_NOUN}", re.I)

# A percentage right after these is context (the reason, or our own counter), not the request.
_NOT_REQUEST_BEFORE = re.compile(
    r"(budget\w*|revenue|headcount|bookings|offer\w*|propos\w*|counter\w*|quoted|бюджет\w*|пропон\w*|"
    r"запропонува\w*|виручк\w*)\W+(?:\w+\W+){0,5}$", re.I)
# "keep 70%", "down to two thirds": the figure is what stays, the reduction is the rest.
_KEEP_PCT_BEFORE = re.compile(
    r"(only need|need only|keep|keeping|down to|reduce to|cut to|залишити|залишаємо)\W+(?:\w+\W+)?$", re.I)
# Words around the kept services ("except SEO", "keep PPC", "залишити тільки SEO").
_KEEP_BEFORE = re.compile(r"(except|apart from|other than|all but|everything but|keep|keeping|keep only|"
                          r"besides|крім|окрім|залиш\w*)[^\w|]+(?!(?:paying|using|getting|having|on)\b)(?:\w+[^\w|]+){0,2}$",
                          re.I)
_REMOVE_VERB = re.compile(
    r"\b(cancel\w*|drop\w*|remov\w*|stop\w*|paus\w*|suspend\w*|hold|take\w*( \w+){1,8}? off|knock\w*( \w+){1,8}? off|"
    r"off (our|the)|can go|kill\w*|ditch\w*|scrap\w*|axe|lose|"
    r"get rid|cut\w*|end\w*|switch\w*|turn\w* off|mov\w*|discontinu\w*|unsubscrib\w*|no longer need|"
    r"don t need|do not need|let go of|not renew\w*|won t (?:need|renew)|will not (?:need|renew)|is out|are out|"
    r"we re out of|wind\w* down|freeze|want it gone|no more|gone|(?:has|have|needs?|must) to go|must go)\b"
    r"|(відключ\w*|вимкн\w*|прибра\w*|прибер\w*|прибир\w*|скасу\w*|видал\w*|відмов\w*|зупин\w*|призупин\w*|зняти|"
    r"знім\w*|зніміть|заморож\w*|пауз\w*|виключ\w*|не потрібн\w*|перевод\w*|переведе\w*|не продовжу\w*|"
    r"забира\w*|заберіть|закінчу\w*|припиня\w*|припини\w*|ні до чого|не треба|не знадобит\w*)"
    # es, pt (shared stems first), fr, de, pl; the text is lower-cased with punctuation as spaces
    r"|\b(cancel\w*|suspend\w*|paus\w*|elimin\w*|quit\w*|dar de baja|dejar de|prescindi\w*|retir\w*|"
    r"ya no necesit\w*|no necesit\w*|remov\w*|tirar|tir[ae]m|tira|deixar de|encerr\w*|desativ\w*|parar|"
    r"não precisamos|nao precisamos|dad de baja|den de baja|damos por terminad\w*|terminar|congel\w*|"
    r"sair|sai do|fora do|não vamos renovar|no vamos a renovar|no renovar\w*|"
    r"arrêt\w*|arret\w*|annul\w*|supprim\w*|résili\w*|resili\w*|enlev\w*|abandonn\w*|mettre fin|mettons fin|"
    r"dad\w* de baja|dar\w* de baja|não vamos mais precisar|nao vamos mais precisar|não precisaremos|wylacz\w*|"
    r"plus besoin|nous passer|se passer|"
    r"kündig\w*|kundig\w*|streich\w*|abbestell\w*|entfern\w*|pausier\w*|einstell\w*|beend\w*|"
    r"verzicht\w*|stornier\w*|abschalt\w*|abmeld\w*|nicht mehr|nicht verlängern|raus|ruhen|herausnehmen|"
    r"rausnehm\w*|rauswerf\w*|aussetz\w*|loswerd\w*|weg|fuera|la baja del?|solicit\w* la baja|"
    r"aus (?:dem|unserem) (?:paket|vertrag)|"
    r"ne pas renouveler|ne renouvel\w* pas|retir\w*|"
    r"anul\w*|usun\w*|rezygn\w*|zrezygn\w*|wyłącz\w*|zawies\w*|wypowi\w*|odłącz\w*|nie potrzebuj\w*|"
    r"zatrzyma\w*|przerw\w*|wytni\w*|wycina\w*|wyciąć|kończymy|zakończ\w*|zamroz\w*|wyrzuć\w*|wywal\w*)\b", re.I)
_PRONOUN = re.compile(r"\b(it|that|this|them|those|lo|la|los|las|le|les|o|os|ihn|sie|es|das|go|je|ją|"
                      r"esse|essa|este|esta|ese|esa|dieser|diesen|diese|cette|ten|tę|"
                      r"(?:dad|dar|quitad|quitar|cancelar|eliminar)l[oa]s?)\b"
                      r"|(\bїї\b|\bйого\b|\bце\b|\bїх\b|\bцей\b|\bцю\b|\bця\b|\bці\b|\bцього\b|\bцих\b)", re.I)
# (within its clause: "drop Advanced Analytics module | seats unchanged" keeps the seats, not the module)
_KEEP_AFTER = re.compile(r"^[^\w|]*(?:\w+[^\w|]+){0,3}(as (it is|they are)|stays?|unchanged|intact|"
                         r"(?:soll|sollen|kann|können) bleiben|bleib\w*|(?<!\ble )(?<!\bdu )reste(?:nt|ra|ront)?|"
                         r"se mantiene\w*|se queda\w*|continua\w*|"
                         r"fica\w*|zostaje\w*|zostają|pozostaje\w*|залишається|залишаються|лишається|"
                         r"лишаються)\b", re.I)


@dataclass
class Extraction:
    reduction_pct: float | None = None
    seats_removed: int | None = None  # stated, or computed from a stated target and the account's seats
    seats_to: int | None = None
    seats_from: int | None = None
    target_mrr: float | None = None
    paid_mrr: float | None = None
    modules: list[str] = field(default_factory=list)
    kept_modules: list[str] = field(default_factory=list)


def _to_float(s: str) -> float:
    return float(s.replace(",", "."))


def percentages(text: str) -> list[float]:
    """Percentages stated as the request, most likely first (context like 'budget cut by 40%' last)."""
    found: list[tuple[int, int, float]] = []
    for m in _PCT.finditer(text):
        found.append((m.start(), 0, _to_float(m.group(1))))
    for m in _WORD_PCT.finditer(text):
        found.append((m.start(), 0, float(_WORD_TENS[m.group(1).lower()])))
    for pat, value in _FRACTIONS:
        for m in pat.finditer(text):
            found.append((m.start(), 1, value))  # words rank after digits
    ranked = []
    for start, rank, value in found:
        if not 0 < value <= 100:
            continue
        before = text[max(0, start - 60):start]
        demote = 2 if _NOT_REQUEST_BEFORE.search(before) else 0
        if _KEEP_PCT_BEFORE.search(before) and value < 100:
            value = round(100 - value, 1)
        ranked.append((demote + rank, start, value))
    ranked.sort()
    return [v for _, _, v in ranked]


def seats_removed(text: str, account_seats: int | None) -> tuple[int | None, float | None]:
    """(seats to remove, percent of the current seats) from phrases like 'from 40 to 25 seats'."""
    m = _KEEP_N_OF_M.search(text)
    if m and 0 <= int(m.group(1)) < int(m.group(2)):
        after, before = int(m.group(1)), int(m.group(2))
        return before - after, round((before - after) / before * 100, 1)
    for pat in (_FROM_DOWN_TO, _FROM_TO, _FROM_TO_NOUN_FIRST):
        m = pat.search(text)
        if m:
            before, after = int(m.group(1)), int(m.group(2) or m.group(3))
            if 0 <= after < before:
                return before - after, round((before - after) / before * 100, 1)
    removed: int | None = None
    for pat in (_FEWER, _CUT_N, _DOWN_BY_N, _NOUN_BY_N, _N_OF_OUR):
        m = pat.search(text)
        if m:
            removed = int(next(g for g in m.groups() if g))
            break
    if removed is None:
        m = _TARGET.search(text)
        if m and account_seats and int(m.group(1)) < account_seats:
            removed = account_seats - int(m.group(1))
    if removed is None or removed <= 0:
        return None, None
    pct = round(removed / account_seats * 100, 1) if account_seats and removed <= account_seats else None
    return removed, pct


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


def _find_names(name: str, aliases: list[str], text: str) -> list[tuple[int, int]]:
    """Spans of `name` (or an alias) in normalised `text`: exact word matches, else close fuzzy ones."""
    # The name itself must match as whole words; aliases may be stems ("соцмереж" -> "соцмережі").
    variants = [(_norm(name), r"(?!\w)"), *((_norm(a), "") for a in aliases)]
    spans = [m.span() for variant, tail in variants if variant
             for m in re.finditer(rf"(?<!\w){re.escape(variant)}{tail}", text)]
    name_words = _norm(name).split()
    if not spans and len(name_words) >= 2 and len(name_words[0]) >= 6:
        # the first word cut short: "adv analytics", "Adv. Analytics" for "Advanced Analytics"
        short = (rf"(?<!\w){re.escape(name_words[0][:3])}\w*(?:\s+\|)?\s+"  # "adv." may have ended a sentence
                 + r"\s+".join(map(re.escape, name_words[1:])) + r"(?!\w)")
        spans = [m.span() for m in re.finditer(short, text)]
    if spans:
        return sorted(set(spans))
    target = _norm(name)
    if len(target.replace(" ", "")) < 5:  # short names (SEO, PPC) only match exactly
        return []
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    width = len(target.split())
    for i in range(len(words) - width + 1):
        start, end = words[i][0], words[i + width - 1][1]
        chunk = text[start:end]
        if SequenceMatcher(None, chunk, target).ratio() >= 0.85 or \
                SequenceMatcher(None, chunk.replace(" ", ""), target.replace(" ", "")).ratio() >= 0.9:
            spans.append((start, end))
    return spans


def _requested(norm: str, span: tuple[int, int]) -> bool:
    """Is the service at `span` the object of a removal verb, in its clause or as "it" in the next one?"""
    start = max(norm.rfind(" | ", 0, span[0]), 0)
    end = norm.find(" | ", span[1])
    clause = norm[start:end if end >= 0 else len(norm)]
    if _REMOVE_VERB.search(clause):
        return True
    if end < 0:
        return False
    nxt_end = norm.find(" | ", end + 3)
    nxt = norm[end + 3:nxt_end if nxt_end >= 0 else len(norm)]
    return bool(_REMOVE_VERB.search(nxt) and _PRONOUN.search(nxt))


def removal_object(text: str, names: list[str]) -> bool:
    """Is one of `names` the object right after a removal verb ("cancel PPC", "скасуйте Social Media",
    "kündigen Sie PPC"), rather than named elsewhere in a message about cancelling ("switched to
    another payroll tool, pls cancel")?"""
    norm = _norm(text)
    verb = _REMOVE_VERB.pattern
    for name in names:
        n = re.escape(_norm(name))
        if re.search(rf"(?:{verb})(?:\s+\w+){{0,3}}?\s+{n}(?!\w)", norm):
            return True
    return False


def modules(text: str, account: Account | None, aliases: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """(services the request is about, services the customer says to keep), by account service name."""
    if account is None or not account.services:
        return [], []
    # Clause boundaries survive normalisation as " | " so a verb is matched to its own clause.
    norm = " | ".join(_norm(c) for s in sentences(text) for c in clauses(s))
    terms = getattr(aliases, "terms", None)
    listed = getattr(aliases, "listed", aliases.get)
    own = {svc.name: _find_names(svc.name, listed(svc.name.lower(), []), norm) for svc in account.services}
    by_term = {svc.name: _word_spans(terms(svc.name.lower()), norm) if terms else [] for svc in account.services}
    spans_of: dict[str, list[tuple[int, int]]] = {}
    for svc in account.services:
        others = [sp for name, sps in own.items() if name != svc.name for sp in sps]
        # "Reporting" inside "Advanced Reporting" is that other service's name, not this one.
        spans = [sp for sp in own[svc.name] if not any(o[0] <= sp[0] and sp[1] <= o[1] and o != sp for o in others)]
        # Words in other languages, where no service's own name stands and no longer word of another
        # service's ("référencement local" is Local SEO's, not SEO's "référencement").
        longer = [sp for name, sps in by_term.items() if name != svc.name for sp in sps]
        spans += [sp for sp in by_term[svc.name]
                  if not any(o[0] < sp[1] and sp[0] < o[1] for o in [*others, *own[svc.name]])
                  and not any(o[0] <= sp[0] and sp[1] <= o[1] and o != sp for o in longer)]
        spans_of[svc.name] = spans
    named: list[str] = []
    kept: list[str] = []
    last_seen: list[tuple[int, str]] = []  # (where a service was last named, its name)
    for svc in account.services:
        spans = spans_of[svc.name]
        if spans:
            last_seen.append((spans[-1][0], svc.name))
        keep = requested = False
        for span in spans:
            before, after = norm[max(0, span[0] - 40):span[0]], norm[span[1]:span[1] + 40]
            if _KEEP_BEFORE.search(before + " ") or _KEEP_AFTER.search(after):
                keep = True
            elif _requested(norm, span):
                requested = True
        if requested:
            named.append(svc.name)
        elif keep:
            kept.append(svc.name)
    if not named and last_seen:
        named = _named_by_pronoun(norm, last_seen, kept)
    return named, kept


def _word_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    """Spans of each word (a word start: "соцмереж" finds "соцмережі") in normalised `text`."""
    # a word start finds inflections, but a term of three letters or fewer only a whole word: German "sea" (PPC)
    # is not the start of "seats", nor "sem" of "semana"
    return sorted({m.span() for w in words if (v := _norm(w))
                   for m in re.finditer(rf"(?<!\w){re.escape(v)}" + (r"(?!\w)" if len(v) <= 3 else ""), text)})


def _named_by_pronoun(norm: str, last_seen: list[tuple[int, str]], kept: list[str]) -> list[str]:
    """"We barely use PPC, we haven't run a campaign since spring. Can we drop it?": a removal with a
    pronoun, a few clauses after the service named last before it, removes that service."""
    bounds = [0, *(m.end() for m in re.finditer(r" \| ", norm))]
    for i, start in enumerate(bounds):
        end = norm.find(" | ", start)
        clause = norm[start:end if end >= 0 else len(norm)]
        if not (_REMOVE_VERB.search(clause) and _PRONOUN.search(clause)):
            continue
        before = [(at, name) for at, name in last_seen if at < start]
        if not before:
            return []
        at, name = max(before)
        clauses_between = sum(1 for b in bounds[:i] if b > at)
        return [name] if clauses_between <= 2 and name not in kept else []
    return []


def extract(text: str, account: Account | None, aliases: dict[str, list[str]]) -> Extraction:
    """Every figure the message states; `text` should already be free of injected instructions."""
    from coach.diagnosis.grammar import read_figures

    seats = account.seats if account else None
    fig = read_figures(text)
    removed = fig.seats_removed
    base = fig.seats_from or seats
    if removed is None and fig.seats_to is not None and base and fig.seats_to < base:
        removed = base - fig.seats_to
    seat_pct = round(removed / base * 100, 1) if removed and base and removed <= base else None
    named, kept = modules(text, account, aliases)
    return Extraction(
        reduction_pct=fig.reduction_pct if fig.reduction_pct is not None else seat_pct,
        seats_removed=removed,
        seats_to=fig.seats_to,
        seats_from=fig.seats_from,
        target_mrr=fig.target_mrr,
        paid_mrr=fig.paid_mrr,
        modules=named,
        kept_modules=kept,
    )

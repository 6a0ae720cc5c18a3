"""The checks. Each takes the prepared text and the context and returns findings with its id.

A text is prepared once: Unicode-normalised (NFKC, one apostrophe, no invisible characters), names
masked, numbers read. Patterns come from the lexicons of every language (a Spanish refusal in an
English reply is still a refusal).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from coach.guard.facts import Facts, Names
from coach.guard.leak import PromptLeak
from coach.guard.lexicon import GuardData, NumberWords
from coach.guard.names import mentions, name_pattern, part_patterns, sentence_start
from coach.guard.numbers import (
    PARAGRAPH_BREAK,
    Quantity,
    address_or_phone_spans,
    counted_before,
    counted_in_question,
    counts_something,
    elided_scale,
    known_set,
    read_quantities,
)
from coach.guard.scan import Alternation
from coach.policy.models import CounterProposal

MASK = "Ⓝ"
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_APOSTROPHES = re.compile(r"[’ʼ´‘]|(?<=[^\W\d_])`(?=[^\W\d_])")  # a backtick between letters; else code
_CLAUSE_END = re.compile(r"[.;:!?\n]|,\s*(?:but|але|however|though|проте|однак)\b|\bbut\b|\bале\b", re.I)
# an exception after a negation names what there is: "costs nothing, apart from a $99 admin fee", "без
# комісій, крім плати за відновлення" (the negation before it no longer reaches the term)
_EXCEPT = re.compile(r"\b(?:apart from|aside from|except(?: for)?|other than|save for|besides|крім|окрім|за винятком"
                     r"|salvo|excepto|aparte de|außer|abgesehen von|bis auf|sauf|à part|hormis|excepté|exceto|tirando"
                     r"|à exceção de|oprócz|prócz|z wyjątkiem|poza)\b", re.I)
# items of a list after one negation: "no deposit, restart fee or catch-up invoice", "ni comisión de alta",
# "жодних штрафів і пені" (each item a few words at most)
_COORD = re.compile(r",|\b(?:or|nor|and|ni|ou|o|y|e|oder|und|noch|lub|ani|i|oraz|albo|czy|et|чи|або|ні|і|й|та)\b", re.I)
# how far after a term a "there is none" form may come: "eine Vertragsstrafe oder eine Einrichtungsgebühr gibt
# es nicht" (a short list between)
_AFTER = 60
_LIST_ITEM_WORDS = 3  # "a restart fee"; "чинний договір діє далі" is a clause, not an item
_HEAD_WORDS = 4  # the negation near the head's end: "won't see a deposit", "жодних штрафів"
_MARKUP = re.compile(
    r"\*\*[^*\n]+\*\*|__[^_\n]+__|(?m:^\s{0,3}#{1,6}\s)|\[[^\]\n]+\]\([^)\n]*\)|</?[a-z][a-z0-9]*(?:\s[^>]*)?/?>"
    r"|&(?:[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,4});"  # HTML entities (&nbsp;, &#8364;)
    r"|```|(?m:^\s*\|.*\|\s*$)|`[^`\n]+`|(?m:^\s*(?:-{3,}|\*{3,}|_{3,})\s*$)|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])",
    re.I,
)
_LINK = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+"
                   r"|\b[\w-]+\.(?:com|net|org|io|ua|co|app|ai|dev)\b(?:/\S*)?"
                   # a country or generic domain written small ("agendamento-online.pt/proposta", "kanzlei.de");
                   # small letters only, so a missing space after a full stop ("gracias.Es") is none
                   r"|(?-i:\b[a-z][a-z0-9-]*[a-z0-9]\.(?:pt|pl|de|fr|es|it|eu|uk|nl|be|ch|at|info|biz|online|site|me|example|cloud|tech|link)\b)(?:/\S*)?"
                   # any small-letter domain with a path ("t.me/support", "sign.example.ua/doc")
                   r"|(?-i:\b[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,10}/[\w/.%?=&-]*[\w/])",
                   re.I)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Violation:
    id: str
    reason: str
    excerpt: str = ""
    part: str = ""

    def __str__(self) -> str:
        shown = f" ({self.excerpt})" if self.excerpt else ""
        return f"{self.part or 'text'}: {self.reason}{shown} [{self.id}]"


@dataclass(frozen=True)
class OfferTerms:
    """An outreach offer's terms, as the guard needs them (coach.outreach builds it)."""

    prepayment_months: int | None = None
    term_months: int | None = None
    discount_pct: float | None = None
    discount_end: str | None = None
    mrr_after_discount: float | None = None
    trial_days: int | None = None
    trial_end: str | None = None


@dataclass
class GuardContext:
    """What one text is checked against: its stage (the rule set), language, facts and names."""

    stage: str
    facts: Facts
    language: str | None = None  # the customer's language; None: not checked
    names: Names = field(default_factory=Names)
    part: str = ""
    counter: CounterProposal | None = None
    offer: OfferTerms | None = None
    recipient: str | None = None
    plan: list[tuple[str, str]] = field(default_factory=list)  # acceptance: (kind, due date)
    hidden_facts: dict[str, list[str]] = field(default_factory=dict)  # role-play: fact -> phrases
    # Who wrote the text: "coach" (its own templates) or "person" (a CSM's own reply): the lexicons alone;
    # "model": also the learned reader (coach/guard/reader.py), whose rare false positive only costs the
    # model's wording (the checked template is shown instead).
    author: str = "coach"


@dataclass
class Prepared:
    raw: str
    text: str  # normalised, names masked (same length as `shown`)
    shown: str  # normalised
    quantities: list[Quantity]
    ctx: GuardContext
    data: GuardData
    leak: PromptLeak | None

    def finding(self, m: re.Match[str]) -> tuple[str, str]:
        """A match's excerpt and its words as written (not the masked names the patterns ran on)."""
        return self.excerpt(m.start(), m.end()), self.shown[m.start():m.end()].strip()

    def excerpt(self, start: int, end: int, width: int = 30) -> str:
        a, b = max(0, start - width), min(len(self.text), end + width)
        return ("…" if a else "") + " ".join(self.shown[a:b].split()) + ("…" if b < len(self.shown) else "")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return _APOSTROPHES.sub("'", _INVISIBLE.sub("", text))


def mask(text: str, names: Names, inflect_latin: bool = False) -> str:
    """Names replaced by MASK, character for character (positions in the masked text are positions in
    the shown text), in the forms inflecting languages give them (coach.guard.names)."""
    values = tuple(normalise(n) for n in names.values)
    pat = name_pattern(values, inflect_latin)
    if pat is None:
        return text
    text = pat.sub(lambda m: MASK * len(m.group(0)), text)
    runs, words = part_patterns(values, inflect_latin)
    if runs is not None:
        text = runs.sub(lambda m: MASK * len(m.group(0)), text)
    if words is not None:
        text = words.sub(lambda m: m.group(0) if sentence_start(text, m.start()) else MASK * len(m.group(0)), text)
    return text


def prepare(raw: str, ctx: GuardContext, data: GuardData, leak: PromptLeak | None) -> Prepared:
    shown = normalise(raw)
    lex = data.lexicons.get(ctx.language or "")
    text = mask(shown, ctx.names, lex is not None and lex.names_inflect)
    quantities = read_quantities(text, tuple(data.compiled.number_languages.values()))
    return Prepared(raw, text, shown, quantities, ctx, data, leak)


Finding = tuple[str, str]  # (excerpt, extra detail for the reason)


def _hits(pattern: Alternation, p: Prepared) -> list[Finding]:
    return [p.finding(m) for m in pattern.finditer(p.text)
            if m.group(0).strip()]


def _negated(p: Prepared, start: int, end: int | None = None) -> bool:
    """A negation earlier in the same clause, within a few words ("no prepayment", "без передоплати"),
    or right after the term ("передоплати немає")."""
    window = _clause_before(p, start, 45)
    for m in _PURPOSE.finditer(window):  # "żeby nie obciążać Państwa jednorazowo, miesiące przerwy zostaną ...":
        if len((window[m.end():] + p.text[start:end or start]).split()) >= 3:  # the purpose's negation is its
            window = window[m.end():]  # own, not the main clause's (not "so as not to pay a deposit, a fee")
    window = " ".join(window.split()[-5:])  # "no surprises, removing a service does carry a fee": too far back
    if _condition_negated(p, start):  # "if you don't reply, it renews automatically": the term holds
        window = ""
    if p.data.compiled.negation.search(" " + window + " ") or _negated_list(p, start) or _negated_heading(p, start):
        return True
    return end is not None and (bool(p.data.compiled.negation_after.match(p.text[end:end + _AFTER]))
                                or _negated_at_clause_end(p, end))


_TAIL_END = re.compile(r"[.;:!?\n—–]| - ")
_WORD_START = re.compile(r"(?<!\w)\w")


def _negated_at_clause_end(p: Prepared, end: int) -> bool:
    """The clause closes on a negation after a short list that holds the term: «Штрафів чи доплат за зміну пакета
    не буде», "penalties or extra fees for the change: none". A negation with more words after it ("не буде
    скасовано") does not count."""
    tail = _TAIL_END.split(p.text[end:end + _AFTER], maxsplit=1)[0]
    if len(tail.split()) > 8:
        return False
    after = p.data.compiled.negation_after
    for w in _WORD_START.finditer(tail):
        rest = tail[w.start():]  # the forms are anchored at the start (\A)
        m = after.match(rest)
        if m is not None and not rest[m.end():].strip():
            return True
    return False


# words between a condition's negation and the term when the negation is the condition's own: "if I don't
# hear back by Friday it renews automatically", «якщо ви не напишете до п'ятниці, договір продовжиться»
_CONDITION_GAP = 2


def _condition_negated(p: Prepared, start: int) -> bool:
    """Every negation before the term in its clause is inside a condition ("if", "якщо", "si", "wenn", "jeśli") and
    negates the condition's own verb, some words before the term: the term itself still holds ("if you
    don't reply, it renews automatically"). "If you agree, there's no prepayment" keeps its negation."""
    c = p.data.compiled
    clause = _clause_before(p, start, 90)
    conds = [m for m in c.condition.finditer(clause) if not c.negation.search(" " + m.group(0) + " ")]
    if not conds:
        return False
    negs = list(c.negation.finditer(" " + clause + " "))  # offsets one past the clause's (the leading space)
    if not negs or negs[0].start() - 1 < conds[0].end():  # "no ... if": the negation is not the condition's
        return False
    return len(clause[negs[-1].end() - 1:].split()) >= _CONDITION_GAP


# a purpose clause closed by a comma ("so you don't face one big bill, the months are ...", «щоб не ..., »)
_PURPOSE = re.compile(r"(?:\b(?:so (?:that )?|in order )?(?:not to|to avoid|so you don't|so you won't)"
                      r"|\b(?:żeby|aby|щоб|чтобы|para que|para no|pour ne|pour éviter|damit|um nicht|para não"
                      r"|para evitar|afin de ne)\b)[^,]{0,60},\s*", re.I)


def _clause_before(p: Prepared, start: int, width: int) -> str:
    """The text before `start` in its clause, cut at an exception word ("apart from", "крім")."""
    window = p.text[max(0, start - width):start]
    for pattern in (_CLAUSE_END, _EXCEPT):
        ends = list(pattern.finditer(window))
        if ends:
            window = window[ends[-1].end():]
    return window


def _negated_list(p: Prepared, start: int) -> bool:
    """The term is a later item of a list whose head is negated: "you won't see a deposit, a restart fee
    or any catch-up invoice", "no hay pago por adelantado ni comisión de alta", "жодних штрафів і пені"."""
    window = _clause_before(p, start, 140)
    seps = list(_COORD.finditer(window))
    if not seps or seps[-1].group(0) == ",":  # the term's item opens with "or", "ni", "і": a comma alone may
        return False                          # start a new clause ("якщо ж ... не відновиться, ми будемо")
    parts = _COORD.split(window)
    for i in range(len(parts) - 2, -1, -1):  # back from the term: the nearest item with a negation is the head
        if p.data.compiled.negation.search(" " + " ".join(parts[i].split()[-_HEAD_WORDS:]) + " "):
            c = p.data.compiled  # "якщо ... не буде відповіді, пропозиція згорає і ми нарахуємо штраф": the
            if any(not c.negation.search(" " + m.group(0) + " ")  # negation is a condition's ("якщо", "if"; not
                   for m in c.condition.finditer(parts[i])):      # "without", "sin": negations themselves), the
                return False                                        # items after it hold
            return all(len(x.split()) <= _LIST_ITEM_WORDS for x in parts[i + 1:])
        if len(parts[i].split()) > _LIST_ITEM_WORDS:
            return False
    return False


_HEADING = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?([^\n:.!?]{2,40}):[^\n.!?]*\Z")


def _negated_heading(p: Prepared, start: int) -> bool:
    """The term is on a line (or list item) whose short heading before a colon is negated: "Чого не буде:
    рахунків під час паузи, доплат ...", "Czego nie będzie: ...", "What you won't see: ..."."""
    m = _HEADING.search(p.text, max(0, start - 240), start)
    return (m is not None and _LABEL_LEAD.match(m.group(1).strip()) is not None
            and bool(p.data.compiled.negation.search(" " + m.group(1) + " ")))


# a heading that labels a list ("What you won't see", «Чого не буде», "Czego nie będzie", "Lo que no habrá"),
# not a sentence before a colon ("Не хвилюйтеся: ми заморозимо ...", "Don't worry: ...")
_LABEL_LEAD = re.compile(r"(?:what|which|things?|чого|що|чим|czego|co|was|wofür|lo que|qué|o que|ce qui|ce que|ce "
                         r"dont|чего|что|not (?:included|part)|nicht (?:enthalten|inbegriffen)|no (?:incluid|hay)"
                         r"|não (?:incluíd|há)|pas (?:inclus|de)|nie (?:wliczon|ma)|не (?:входить|включено))\b", re.I)


_LAST_WORD = re.compile(r"(\w+)\W*\Z")
_CONTRAST = re.compile(r"[,;:(\u2013\u2014-]\s*")


def _negated_inside(p: Prepared, m: re.Match[str]) -> bool:
    """The term's last word negated by a contrast inside the match: "billing stays monthly, not
    quarterly" (", not", "— no"), not "renews unless you do not cancel"."""
    last = _LAST_WORD.search(m.group(0))
    if last is None or last.start(1) == 0:
        return False
    at = m.start() + last.start(1)
    window = p.text[max(m.start(), at - 14):at]
    contrasts = list(_CONTRAST.finditer(window))
    if not contrasts:
        return False
    rest = window[contrasts[-1].end():].strip()
    neg = p.data.compiled.negation.search(rest)
    return neg is not None and neg.start() == 0 and neg.end() == len(rest)


def _negated_within(p: Prepared, m: re.Match[str], term: Alternation) -> bool:
    """A negation inside a long match that takes the term itself: "monthly billing with no payment up front",
    "facturación mensual sin pago por adelantado" (a billing form, then the prepayment denied). The words after
    the negation must be the term on their own: "billed annually, not monthly" keeps its annual billing."""
    text = m.group(0)
    for n in p.data.compiled.negation.finditer(" " + text + " "):
        if n.start() <= 1:
            continue  # a negation at the match's start: _negated's business
        tail = text[max(0, n.end() - 1):]
        if tail.strip() and term.search(tail) is not None:
            return True
    return False


_QUOTE = re.compile(r"«[^»\n]{2,160}»|“[^”\n]{2,160}”|„[^“”\n]{2,160}[“”]|\"[^\"\n]{2,160}\"")


def _quoted(p: Prepared, start: int, end: int) -> bool:
    """Inside quotation marks that hold the customer's words: after a `quote_lead` ("you wrote «no
    podemos seguir pagando lo mismo»"), or a mention of one to three words ('I know "late fee" is in
    your company name'). A longer quote with no lead (a contract clause quoted at them) is ours."""
    lead = p.data.compiled.quote_lead
    return any(q.start() < start and end < q.end()
               and (len(q.group(0).split()) <= 3 or lead.search(p.text, max(0, q.start() - 60), q.start()))
               for q in _QUOTE.finditer(p.text))


def _not_pushback(p: Prepared, m: re.Match[str]) -> bool:
    """The customer's own wish ("you'd like to end the contract") or nobody doing it ("no one is going
    to refuse you", "відмовляти вам ніхто не збирається"): lexicon forms right before or after."""
    c = p.data.compiled
    before = p.text[max(0, m.start() - 40):m.start()]
    wish = c.not_pushback_before.search(before)
    # ... unless a contrast turns away from it ("I understand the budget is tight, though the contract won't let you")
    return bool(wish and not c.contrast.search(before[wish.start():])
                or c.not_pushback_after.match(p.text[m.end():m.end() + 40]))


# a sentence ends at . ; ! ? or a line break; not at the period of a street or a title ("ul. Marszałkowskiej 84",
# "вул. Хрещатик", "St. Mary's", "Dr. Kaya")
_ABBREVIATIONS = ("ul", "al", "st", "ave", "rd", "dr", "mr", "mrs", "ms", "nr", "вул", "просп", "str")
_SENTENCE = re.compile("[;!?\n]|" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"\.", re.IGNORECASE)
_WORDS_ON = 8


def _sympathy(p: Prepared, m: re.Match[str]) -> bool:
    """A regret word that sympathises: an empathy form within a few words after it, in its sentence, no word
    about the deal (price, seats, contract) anywhere after it in that sentence, and no contrast word ("but",
    "але", "pero") turning to a negation ("I know it's hard, but we can't")."""
    c = p.data.compiled
    end = _SENTENCE.search(p.text, m.end())
    rest = p.text[m.end():end.start() if end else len(p.text)]
    if deal := c.regret_deal.search(rest):
        # the deal word is what the empathy is about ("changes like these are never easy", «такі зміни завжди
        # непрості»): a sympathy when nothing about the deal, and no negation, follows the empathy
        emp = c.regret_empathy.search(rest, deal.end())
        if (emp is None or len(rest[deal.end():emp.start()].split()) > 2 or c.regret_deal.search(rest, emp.end())
                or c.negation.search(" " + rest[emp.end():] + " ")):
            return False
    if contrast := c.contrast.search(rest):  # "На жаль, я не зможу бути на зустрічі, але підключиться колега": a
        after = rest[contrast.end():]  # contrast that turns to a colleague, not to a "no", keeps the sympathy
        if c.negation.search(" " + after + " "):
            return False
        rest = rest[:contrast.start()]
    near = " ".join(rest.split()[:_WORDS_ON])
    return bool(c.regret_empathy.search(near))


def _sentence_bounds(p: Prepared, at: int) -> tuple[int, int]:
    """Start and end of the sentence holding `at` (a sentence ends at . ; ! ? or a line break)."""
    starts = [m.end() for m in _SENTENCE.finditer(p.text, 0, at)]
    end = _SENTENCE.search(p.text, at)
    return (starts[-1] if starts else 0), (end.start() if end else len(p.text))


def _extra_ask_before(p: Prepared, at: int) -> tuple[int, int] | None:
    """The customer's ask a decline at `at` answers, when it is for an extra beyond the standing offer: in the
    decline's sentence before it or in the sentence just before, an ask reported back ("you asked whether",
    «ви просили», "Sie hatten gefragt, ob") with an extra (`extra_ask`: "for free", "extend the pause",
    «безкоштовно», "bez opłat") and no amount or percentage (a figure asked for is the request itself:
    "you asked if we could get to $3,800"). Returns the ask's span."""
    c = p.data.compiled
    start, _ = _sentence_bounds(p, at)
    prev = _sentence_bounds(p, start - 1)[0] if start > 0 else start
    zone = p.text[prev:at]
    ask = c.asked_whether.search(zone) or c.asked_for.search(zone)
    if ask is None or not c.extra_ask.search(zone, ask.start()):
        return None
    if any(q.kind in ("money", "percent") and prev <= q.start < at for q in p.quantities):
        return None
    return prev, at


def _offer_kept(p: Prepared, outside: tuple[int, int]) -> bool:
    """The text restates the standing offer: a figure or date the facts state, outside the ask."""
    a, b = outside
    return any(q.kind in ("money", "percent", "date", "duration") and not (a <= q.start < b) and not q.aside
               and p.ctx.facts.accepts(q) for q in p.quantities)


def _declines_extra(p: Prepared, m: re.Match[str]) -> bool:
    """A polite no to one extra ask while the offer stands ("you asked whether we'd throw in the module for
    free; I can't add that, the proposal stands at $1,360"): declining an extra concession, not refusing
    the customer's request. Grounds named anywhere but in the ask (eligibility, the contract, rules, collections,
    penalties: `decline_grounds`) keep it a refusal, and `pushback` drops these declines only when nothing else
    is found."""
    ask = _extra_ask_before(p, m.start())
    if ask is None:
        return False
    rest = p.text[:ask[0]] + " " + p.text[ask[1]:]  # grounds anywhere but in the ask: the decline is a refusal
    return not p.data.compiled.decline_grounds.search(rest) and _offer_kept(p, ask)


def _refusals(p: Prepared) -> list[re.Match[str]]:
    c = p.data.compiled
    hits = [m for m in c.pushback.finditer(p.text)
            if m.group(0).strip() and not _not_pushback(p, m) and not _quoted(p, m.start(), m.end())]
    return hits + [m for m in c.regret.finditer(p.text)
                   if m.group(0).strip() and not _sympathy(p, m) and not _quoted(p, m.start(), m.end())]


def _declined_ask(p: Prepared, start: int) -> bool:
    """A concession word inside the customer's ask reported back ("ви просили залишити SMM активним
    безкоштовно", "you asked whether we'd add the module for free") that a refusal answers, later in that
    sentence or in the next: asked for and declined, not promised."""
    c = p.data.compiled
    s, e = _sentence_bounds(p, start)
    if not (c.asked_whether.search(p.text, s, start) or c.asked_for.search(p.text, s, start)):
        return False
    nxt = _sentence_bounds(p, e + 1)[1] if e < len(p.text) else e
    return any(start < m.start() <= nxt for m in _refusals(p))


def pushback(p: Prepared) -> list[Finding]:
    hits = _refusals(p)
    if hits and all(_declines_extra(p, m) for m in hits) and not contract_threat(p):
        hits = []
    return [p.finding(m) for m in hits]


def _negated_near(p: Prepared, start: int) -> bool:
    """A negation among the two words right before the term, in its clause ("no penalty", "sem qualquer
    multa", "without any penalty"); "if you don't pay, penalties apply" is not negated."""
    words = _clause_before(p, start, 40).split()[-2:]
    if len(words) == 2 and not p.data.compiled.negation_determiner.fullmatch(words[1]):
        words = words[1:]  # "never realistic under the contract you signed": the negation is not on the term
    return bool(words) and bool(p.data.compiled.negation.search(" " + " ".join(words) + " "))


def contract_threat(p: Prepared) -> list[Finding]:
    """Contract talk or threats; "no penalty, no fees" reassures and is not a threat."""
    return [p.finding(m)
            for m in p.data.compiled.contract_threat.finditer(p.text)
            if not _negated_near(p, m.start())
            and not _asked_about(p, m.start())  # "you asked whether the pause carries a penalty"
            and not _negated_list(p, m.start())  # "жодних штрафів і пені"
            and not p.data.compiled.negation_after.match(p.text[m.end():m.end() + _AFTER])  # "штрафів немає"
            and not _negated_at_clause_end(p, m.end())  # «Штрафів чи доплат за зміну пакета не буде»
            and not _not_pushback(p, m) and not _quoted(p, m.start(), m.end())]


def _stated(p: Prepared) -> list[Quantity]:
    return [q for q in p.quantities if q.kind != "date" and not q.aside]


def unstated_number(p: Prepared) -> list[Finding]:
    out = []
    f, cap = p.ctx.facts, p.ctx.facts.hard_cap_pct
    if "discount_cap" not in p.data.rules.rule_sets.get(p.ctx.stage, []):
        cap = None  # no cap check here: an over-cap percentage is an unstated number
    langs = tuple(p.data.compiled.number_languages.values())
    for q in _stated(p):
        scale = elided_scale(p.text, q, p.quantities, langs)
        small_word = q.in_words and q.kind == "number" and q.value < 10 and scale == 1
        if small_word and (not q.counted or known_set(p.text, q)):
            continue  # "two quick questions", "one thing", "of the two depots": ordinary words, not figures
        if q.kind == "percent" and cap is not None and q.value > cap + 1e-9 and not f.accepts(q):
            continue  # reported by discount_cap
        if q.kind == "number" and scale == 1 and _weekdays_day(p, q):
            continue  # "am Dienstag, den 9.": the day of a call
        if q.position or not (f.accepts(q) if scale == 1 else f.has_number(q.value * scale)):
            out.append((p.excerpt(q.start, q.end), f"{q.kind} {q.text.strip()}"))
        elif (f.counts is not None and q.kind == "number" and scale == 1 and not f.has_count(q.value)
              and counts_something(p.text, q, langs)):
            out.append((p.excerpt(q.start, q.end), f"count {q.text.strip()}"))  # a count no count fact states
    return out


def _quoted_season_or_day(p: Prepared, q: Quantity) -> bool:
    """A weekday or a season inside quotation marks (the customer's words quoted back: «у суботу в нас черга
    з самого ранку», "before summer rush") names their habit or their trade's season, not a date of ours."""
    if not (q.iso.startswith("W") or "|" in q.iso):
        return False
    return any(m.start() < q.start and q.end <= m.end() for m in _QUOTE.finditer(p.text))


def unstated_date(p: Prepared) -> list[Finding]:
    return [(p.excerpt(q.start, q.end), q.text) for q in p.quantities
            if q.kind == "date" and not q.aside and not p.ctx.facts.accepts(q) and not _quoted_season_or_day(p, q)
            and not _meeting_day(p, q) and not _weekdays_day(p, q)]


def _weekdays_day(p: Prepared, q: Quantity) -> bool:
    """A day of the month right after the weekday of a call ("a call on Tuesday the 9th", "am Dienstag, den 9.",
    "w czwartek 12.", "le mardi 9", "na quinta-feira, dia 12", «у понеділок, 9-го»): the date to talk, as the
    weekday is; without the weekday a call's bare date stays a number."""
    if q.iso and not _DAY_ONLY.match(q.iso):
        return False
    if not q.iso and (q.kind != "number" or q.in_words or q.value != int(q.value) or not 1 <= q.value <= 31):
        return False
    if any(w.iso.startswith("W") and 0 <= q.start - w.end <= 6
           and p.text[w.end:q.start].strip(" ,").lower() in _DAY_JOIN and _meeting_day(p, w)
           for w in p.quantities if w.end <= q.start):
        return True
    # the weekday said bare, with no lead word that makes it a date of its own ("a call Thursday the 12th", "thurs
    # the 12th"): the day is the call's when its sentence is about a call and names no deal's term nor a deadline
    start, end = _sentence_bounds(p, q.start)
    c, sentence = p.data.compiled, p.text[start:end]
    return (c.weekday_before.search(p.text, max(start, q.start - 20), q.start) is not None
            and c.meeting.search(sentence) is not None and c.meeting_deal.search(sentence) is None
            and c.meeting_terms.search(sentence) is None and not _deadline_led(p, q, start))


def _meeting_day(p: Prepared, q: Quantity) -> bool:
    """A weekday in a sentence about a call or a meeting ("happy to jump on a call Thursday afternoon", «можу набрати
    вас у п'ятницю», "lo vemos en una llamada el martes"): when to talk, no date of the deal. Not a deadline ("could
    we speak by Friday?") nor a meeting that signs the deal ("let's meet on Tuesday to sign")."""
    start, end = _sentence_bounds(p, q.start)
    c, sentence = p.data.compiled, p.text[start:end]
    lead = p.text[max(start, q.start - _MEETING_LEAD):q.start]
    # a date named with its weekday ("on Tuesday 1 December", «у четвер, 3 грудня», "Thursday 14 January"): people
    # name the weekday when they set a time together, so it is a date to meet unless the sentence names a deal's term
    with_weekday = (_weekday_and_day(p, q) if q.iso.startswith("W")
                    else bool(_DAY_ISO.search(q.iso)) and c.weekday_before.search(lead) is not None)
    if not q.iso.startswith("W") and not with_weekday:  # a time of day stays a number ("a las 10:30")
        # a day of the month right after the call it dates ("our call on 14 January", «дзвінок 14 листопада»,
        # "das Gespräch am 12. November"): the meeting word ends just before the date
        if not _DAY_ISO.search(q.iso):
            return False
        last = max((m.end() for m in c.meeting.finditer(lead)), default=None)
        if last is None or lead[last:].strip(" ,") not in _MEETING_JOIN:
            # ... or a day in a sentence about an event that names none of the deal's terms ("the clinic's open day
            # on 12 December, I'll be there", «виставка «Зернові технології» 10 лютого»); a call's bare date stays a
            # number
            if c.meeting_events.search(sentence) is None or c.meeting_terms.search(sentence) is not None:
                return False
    if with_weekday and c.meeting.search(sentence) is None and c.meeting_terms.search(sentence) is not None:
        return False  # no call or visit named, and the deal's terms are: a date of the deal
    if with_weekday and not q.iso.startswith("W") and _deadline_weekday(p, q, start):
        return False  # "let me know by Friday 11 December": the date of a deadline named with its weekday
    return ((with_weekday or c.meeting.search(sentence) is not None) and c.meeting_deal.search(sentence) is None
            and not _deadline_led(p, q, start))


def _deadline_led(p: Prepared, q: Quantity, start: int) -> bool:
    """Whether a deadline leads `q` ("by Friday", "until 3 December"): right before it within its sentence (searched
    in place, so that a lookbehind sees "come by" and no slice starts with a deadline word) or opening its words."""
    deadline = p.data.compiled.meeting_deadline
    return (deadline.search(p.text, max(start, q.start - 30), q.start) is not None
            or deadline.match(q.text) is not None)


def _next_to(p: Prepared, a: Quantity, b: Quantity) -> bool:
    """`a` right before `b`, nothing but a space or a comma between ("Tuesday 1 December", «у четвер, 3 грудня»)."""
    return 0 <= b.start - a.end <= 3 and not p.text[a.end:b.start].strip(" ,")


def _deadline_weekday(p: Prepared, q: Quantity, start: int) -> bool:
    """Whether the weekday right before the date `q` is led by a deadline ("by Friday 11 December")."""
    return any(w.iso.startswith("W") and _next_to(p, w, q) and _deadline_led(p, w, start) for w in p.quantities)


def _weekday_and_day(p: Prepared, q: Quantity) -> bool:
    """Whether the weekday `q` is followed by its day of the month ("Tuesday 1 December", «у четвер, 3 грудня»)."""
    return any(d.kind == "date" and _DAY_ISO.search(d.iso) and _next_to(p, q, d) for d in p.quantities)


_DAY_ISO = re.compile(r"-\d\d-\d\d$")
_DAY_ONLY = re.compile(r"---\d\d$")  # a day of the month alone ("the 9th", "dia 12")
_DAY_JOIN = frozenset({"", "the", "den", "dia", "le", "el", "o", "на"})
_MEETING_LEAD = 40
# the words between a call and its date: "on", "am", "le", "el", "em", "w", «у», none at all
_MEETING_JOIN = frozenset({"", "on", "of", "am", "vom", "le", "du", "el", "del", "em", "no", "do", "dia", "w", "z",
                           "dnia", "у", "в", "від", "за", "on the", "el día", "no dia", "in the week of",
                           "the week of", "week of"})


def discount_cap(p: Prepared) -> list[Finding]:
    cap = p.ctx.facts.hard_cap_pct
    if cap is None:
        return []
    out = [(p.excerpt(q.start, q.end), f"{q.value:g}% is above the {cap:g}% cap") for q in p.quantities
           if q.kind == "percent" and q.value > cap + 1e-9 and not p.ctx.facts.accepts(q)]
    c = p.ctx.counter
    if c is not None and c.discount_pct > cap + 1e-9:
        out.append(("", f"the proposal's total discount {c.discount_pct:g}% is above the {cap:g}% cap"))
    return out


def offer_in_first_reply(p: Prepared) -> list[Finding]:
    wish = p.data.compiled.not_offer_before  # "you'd like a lower price": the customer's wish, no offer
    wish_after = p.data.compiled.not_offer_after  # "dass Sie in einen günstigeren Tarif wechseln möchten"
    out = [p.finding(m) for m in p.data.compiled.offer.finditer(p.text)
           if m.group(0).strip() and not wish.search(p.text[max(0, m.start() - 60):m.start()])
           and not wish_after.match(p.text[m.end():m.end() + 40])
           and not _quoted(p, m.start(), m.end())]  # «Інша агенція пропонує те саме дешевше», you wrote
    own = p.ctx.facts.own
    for q in p.quantities:  # the customer's own figures (the cut or the price they asked for) may be repeated
        if (q.kind in ("money", "percent") and not any(abs(q.value - o) < 0.006 for o in own)
                and not _quoted(p, q.start, q.end)):
            out.append((p.excerpt(q.start, q.end), f"{q.kind} {q.text.strip()}"))
    return out


_JUST_BEFORE = re.compile(r"[\s,:\u2013\u2014-]*\Z")


def _stated_period_before(p: Prepared, start: int) -> bool:
    """Right before the term, a period the facts state: "three months without payment", «пів року без оплати»
    restates the pause the proposal holds (its months go unbilled), not a concession beyond it; "a month
    without payment" that no fact states is still one."""
    return any(q.kind == "duration" and not q.aside and not q.position and p.ctx.facts.accepts(q)
               and q.end <= start and _JUST_BEFORE.match(p.text, q.end, start) is not None
               for q in p.quantities)


def promise(p: Prepared) -> list[Finding]:
    """Concessions promised; negated ones ("no refunds needed", "без повернення коштів") promise none."""
    return [p.finding(m) for m in p.data.compiled.promise.finditer(p.text)
            if m.group(0).strip() and not _negated(p, m.start(), m.end()) and not _stated_period_before(p, m.start())
            and not _declined_ask(p, m.start())]


_SENTENCE_END = re.compile(r"[.;!?\n]\s*")


def _negated_last_clause(p: Prepared, m: re.Match[str]) -> bool:
    """A match running over a sentence end ("Invoices stay monthly; nothing is billed annually"): the
    term is its last word, and a negation in that word's own sentence counts."""
    if not _SENTENCE_END.search(m.group(0)):
        return False
    last = _LAST_WORD.search(m.group(0))
    return last is not None and _negated(p, m.start() + last.start(1))


_NEXT_WORD = re.compile(r"\s+([\w']+)")
_RESTRICTION = re.compile(r"\bne\b(?=.*\bque\b)|\bn'(?=\w+.*\bque\b)", re.I)


def _rise_denied(p: Prepared, m: re.Match[str]) -> bool:
    """A price rise said not to happen: a negation inside the match ("the price never goes up", "el
    precio no sube", "cena nie rośnie") or as the next word ("der Preis steigt nicht")."""
    neg = p.data.compiled.negation
    said = _RESTRICTION.sub(" ", m.group(0))  # "la remise ne vaut que la première année" restricts, not denies
    if neg.search(" " + said + " "):
        return True
    nxt = _NEXT_WORD.match(p.text, m.end())
    if nxt is None:
        return False
    hit = neg.search(" " + p.text[nxt.start(1):nxt.start(1) + 40])  # the word with what follows it
    return hit is not None and hit.start() <= 1


def _renewal_denied(p: Prepared, m: re.Match[str]) -> bool:
    """A renewal said not to happen: a negation among the match's words and no condition ("danach
    verlängert sich nichts automatisch", "it renews on no account by itself"); "renews unless you do not
    cancel", "without notice it continues" and «якщо ви не скасуєте» are conditions and still renew."""
    said = m.group(0)
    return not p.data.compiled.condition.search(said) and bool(p.data.compiled.negation.search(" " + said + " "))


def _asked_about(p: Prepared, start: int) -> bool:
    """The term inside a reported question ("they asked whether the price goes up", «питали, чи ціна
    зросте»): asked about, not stated. A plain "if" is a condition and still states the term."""
    window = _clause_before(p, start, 120)
    commas = list(_COMMA_NOT_ASKING.finditer(window))
    if commas:  # "you asked whether we could help, and a penalty applies": the question ended at the comma
        window = window[commas[-1].end():]
    return bool(p.data.compiled.asked_whether.search(" " + " ".join(window.split()[-_ASKED_WORDS:]) + " "))


# the reported question runs on to its clause's end: "vous m'avez demandé si le gel du compte entraînerait une
# pénalité" (eight words from the verb to the term); a comma ends it unless the question word follows it
# («питали, чи»); twelve words: "asked me on the phone whether the new plan carries any penalty"
_ASKED_WORDS = 12
_COMMA_NOT_ASKING = re.compile(r",(?!\s*(?:чи|czy|ob|si|se|whether|if|s'il)\b)", re.I)


def _hidden(term: str) -> Callable[[Prepared], list[Finding]]:
    def check(p: Prepared) -> list[Finding]:
        if term in p.ctx.facts.disclosed:
            return []
        return [p.finding(m)
                for m in p.data.compiled.hidden[term].finditer(p.text)
                if not _negated(p, m.start(), m.end()) and not _negated_inside(p, m) and not _asked_about(p, m.start())
                and not _negated_within(p, m, p.data.compiled.hidden[term])
                and not _negated_last_clause(p, m) and not (term == "price_rise" and _rise_denied(p, m))
                and not (term == "auto_renewal" and _renewal_denied(p, m))]

    return check


def wrong_language(p: Prepared) -> list[Finding]:
    expected = p.ctx.language
    if not expected:
        return []
    from coach.guard.language import identify, script

    text = p.text.replace(MASK, " ")
    got = identify(text)
    if got is None:  # too short for the identifier: the script still tells Cyrillic from Latin
        seen, want = script(text), ("cyrillic" if expected in ("uk", "ru") else "latin")
        return [("", f"written in {seen} letters, the customer writes {expected}")] if seen and seen != want else []
    if got == expected:
        return _foreign_paragraphs(text, expected)
    return [("", f"written in {got}, the customer writes {expected}")]


# A paragraph in another language inside a reply otherwise in the customer's: judged on its own once it is
# long enough for the identifier to be sure (a sentence of a dozen words or more). Quoted words (the
# customer's own, a name in quotes) are left out first, so are names (masked); a short foreign phrase or a
# signature line is too short to be judged.
_QUOTED_SPAN = re.compile(r'"[^"\n]{0,400}"|“[^”\n]{0,400}”|„[^“”\n]{0,400}[“”]|«[^»\n]{0,400}»|‚[^‘\n]{0,400}‘')
_PARAGRAPH_WORDS = 12
_PARAGRAPH_LETTERS = 70


def _foreign_paragraphs(text: str, expected: str) -> list[Finding]:
    from coach.guard.language import identify_sure, letters

    out: list[Finding] = []
    for para in PARAGRAPH_BREAK.split(text):
        body = para.strip()
        if not body or body[0] in "\"“„«>":  # a quoted passage, a forwarded reply
            continue
        body = _QUOTED_SPAN.sub(" ", body)
        words = re.findall(r"[^\W\d_]{2,}", body)
        if len(words) < _PARAGRAPH_WORDS or letters(body) < _PARAGRAPH_LETTERS:
            continue
        got = identify_sure(body)
        if got is not None and got != expected:
            out.append((" ".join(para.split())[:80], f"a paragraph written in {got}, the customer writes {expected}"))
    return out


def prompt_leak(p: Prepared) -> list[Finding]:
    out = _hits(p.data.compiled.leak, p)
    if p.leak is not None and (overlap := p.leak.overlap(p.text)):
        out.append((overlap, "repeats the prompt's wording"))
    return out


def markup(p: Prepared) -> list[Finding]:
    return [(p.excerpt(m.start(), m.end()), m.group(0)) for m in _MARKUP.finditer(p.text)]


def link(p: Prepared) -> list[Finding]:
    return [(p.excerpt(m.start(), m.end()), m.group(0)) for m in _LINK.finditer(p.text)]


def questions_no_numbers(p: Prepared) -> list[Finding]:
    """No figures in diagnosis questions; the seat count the case is about may be named ("which teams
    would lose access in the move to 48 seats?"): a counted number that is a fact; so may the customer's
    own amounts (what they pay now, the price they asked for: "is the $4,600 a month the main issue?"),
    which offer nothing. Computed prices, shares and periods stay out (an offer before the diagnosis)."""
    own = p.ctx.facts.own
    langs = tuple(p.data.compiled.number_languages.values())
    out = [(p.excerpt(q.start, q.end), q.text) for q in p.quantities
           # a small number in words counts only before the customer's services, teams or campaigns ("which three
           # services"; "two quick questions", "which of the two stores" are words)
           if not (q.in_words and q.kind == "number" and q.value < 10 and not counted_in_question(p.text, q, langs))
           # a season the customer lives by may be asked about ("over the winter?"); a named month is a date even in
           # the past ("lost since January?")
           and not (q.kind == "date" and q.aside and "|" in q.iso)
           and not (q.kind == "date" and _meeting_day(p, q))  # "as promised on Tuesday's call, here are my questions"
           and not _weekdays_day(p, q)  # "can jump on a call thurs the 12th": the day of a call
           and not (q.kind == "money" and not q.position and any(abs(q.value - o) < 0.006 for o in own))
           and not (q.kind == "number" and p.ctx.facts.has_count(q.value)
                    and (counts_something(p.text, q, langs) or counted_before(p.text, q, langs)
                         or _counted_by_range(p, q, langs)))]
    # a digit no quantity was read from, outside a street address or a phone number (an office signature)
    read = [(q.start, q.end) for q in p.quantities] + address_or_phone_spans(p.text, langs)
    if not out and any(not any(a <= d.start() < b for a, b in read) for d in _DIGIT.finditer(p.text)):
        out.append(("", "a digit"))  # a digit no quantity was read from
    return out


# "from 25 to 20 seats", «з 25 до 20 місць»: the first number of a range counts what the second one does
_RANGE_TO = re.compile(r"\s*(?:to|-|–|до|по|à|a|auf|bis|na|do|para|hasta|até)\s*", re.I)


def _counted_by_range(p: Prepared, q: Quantity, langs: tuple[NumberWords, ...]) -> bool:
    m = _RANGE_TO.match(p.text, q.end)
    return m is not None and any(o.start == m.end() and o.kind == "number" and p.ctx.facts.has_count(o.value)
                                 and counts_something(p.text, o, langs) for o in p.quantities)


def _has_value(p: Prepared, value: float) -> bool:
    return any(q.kind in ("number", "duration") and abs(q.value - value) < 0.006 for q in p.quantities)


def _has_date(p: Prepared, iso: str) -> bool:
    return any(q.kind == "date" and iso in q.iso.split("|") for q in p.quantities)


def disclosure_commitment(p: Prepared) -> list[Finding]:
    c = p.ctx.counter
    if c is None or c.pause_months or not c.term_extension_months:
        return []
    months = c.commitment_months or c.term_extension_months
    if p.data.compiled.commitment.search(p.text) and _has_value(p, float(months)):
        return []
    return [("", f"{months} months")]


def disclosure_pause(p: Prepared) -> list[Finding]:
    c = p.ctx.counter
    if c is None or not c.pause_months or _has_value(p, float(c.pause_months)):
        return []
    return [("", f"{c.pause_months} months")]


def disclosure_resume_date(p: Prepared) -> list[Finding]:
    c = p.ctx.counter
    if c is None or not c.pause_months or not c.resume_date or _has_date(p, c.resume_date):
        return []
    return [("", c.resume_date)]


def _unnegated(pattern: re.Pattern[str] | Alternation, p: Prepared) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(p.text) if not _negated(p, m.start())]


def disclosure_prepayment(p: Prepared) -> list[Finding]:
    o = p.ctx.offer
    if o is None or not o.prepayment_months:
        return []
    if _unnegated(p.data.compiled.hidden["prepayment"], p) and _has_value(p, float(o.prepayment_months)):
        return []
    return [("", f"{o.prepayment_months} months in advance")]


def disclosure_term(p: Prepared) -> list[Finding]:
    o = p.ctx.offer
    if o is None or not o.term_months:
        return []
    if _unnegated(p.data.compiled.commitment, p) and _has_value(p, float(o.term_months)):
        return []
    return [("", f"{o.term_months} months")]


def disclosure_discount_end(p: Prepared) -> list[Finding]:
    o = p.ctx.offer
    if o is None or o.discount_pct is None:
        return []
    ok = bool(o.discount_end and _has_date(p, o.discount_end)) and o.mrr_after_discount is not None and any(
        q.kind in ("money", "number") and abs(q.value - o.mrr_after_discount) < 0.006 for q in p.quantities)
    return [] if ok else [("", f"{o.discount_end} at {o.mrr_after_discount}")]


def disclosure_trial(p: Prepared) -> list[Finding]:
    o = p.ctx.offer
    if o is None or not o.trial_days:
        return []
    ok = _has_value(p, float(o.trial_days)) or any(
        q.kind == "duration" and abs(q.value * 30.4375 - o.trial_days) <= 1 for q in p.quantities)
    ok = ok and bool(o.trial_end and _has_date(p, o.trial_end))
    return [] if ok else [("", f"{o.trial_days} days to {o.trial_end}")]


_TRIAL = re.compile(r"\btrial\b|\bfree for\b|безкоштовн\w*|пробн\w*", re.I)
_DISCOUNT = re.compile(r"discount|\d\s*%|знижк\w*", re.I)


def outreach_unoffered(p: Prepared) -> list[Finding]:
    o = p.ctx.offer
    if o is None:
        return []
    out: list[Finding] = []
    if o.discount_pct is None and (m := _DISCOUNT.search(p.text)):
        out.append((p.excerpt(m.start(), m.end()), "a discount"))
    if not o.trial_days and (ms := _unnegated(_TRIAL, p)):
        out.append((p.excerpt(ms[0].start(), ms[0].end()), "a trial"))
    if not o.term_months and (ms := _unnegated(p.data.compiled.commitment, p)):
        out.append((p.excerpt(ms[0].start(), ms[0].end()), "a commitment"))
    return out


def outreach_recipient(p: Prepared) -> list[Finding]:
    """The recipient named near the start, in any form ("Олено," greets Олена; "Pani Anno," Anna)."""
    name = (p.ctx.recipient or "").strip()
    if not name:
        return []
    lex = p.data.lexicons.get(p.ctx.language or "")
    return [] if mentions(p.shown[:200], name.split()[0], lex is not None and lex.names_inflect) else [("", name)]


def acceptance_save(p: Prepared) -> list[Finding]:
    return _hits(p.data.compiled.save, p)


def acceptance_hurdle(p: Prepared) -> list[Finding]:
    return _hits(p.data.compiled.hurdle, p)


def acceptance_plan(p: Prepared) -> list[Finding]:
    return [("", f"{kind} on {due}") for kind, due in p.ctx.plan if not _has_date(p, due)]


def out_of_character(p: Prepared) -> list[Finding]:
    return _hits(p.data.compiled.out_of_character, p)


def hidden_fact(p: Prepared) -> list[Finding]:
    low = p.text.casefold()
    out = []
    for fact, phrases in p.ctx.hidden_facts.items():
        if hit := next((ph for ph in phrases if ph.casefold() in low), None):
            out.append((hit, f"'{fact}'"))
    return out


CHECKS: dict[str, Callable[[Prepared], list[Finding]]] = {
    "pushback": pushback,
    "contract_threat": contract_threat,
    "unstated_number": unstated_number,
    "unstated_date": unstated_date,
    "discount_cap": discount_cap,
    "offer_in_first_reply": offer_in_first_reply,
    "promise": promise,
    **{f"hidden_terms.{t}": _hidden(t) for t in
       ("prepayment", "lump_sum", "fees", "price_rise", "auto_renewal", "billing_change")},
    "wrong_language": wrong_language,
    "prompt_leak": prompt_leak,
    "markup": markup,
    "link": link,
    "questions.no_numbers": questions_no_numbers,
    "disclosure.commitment": disclosure_commitment,
    "disclosure.pause": disclosure_pause,
    "disclosure.resume_date": disclosure_resume_date,
    "disclosure.prepayment": disclosure_prepayment,
    "disclosure.term": disclosure_term,
    "disclosure.discount_end": disclosure_discount_end,
    "disclosure.trial": disclosure_trial,
    "outreach.unoffered": outreach_unoffered,
    "outreach.recipient": outreach_recipient,
    "acceptance.save": acceptance_save,
    "acceptance.hurdle": acceptance_hurdle,
    "acceptance.plan": acceptance_plan,
    "out_of_character": out_of_character,
    "hidden_fact": hidden_fact,
}

"""The scorecard: the four mandatory components and the five failure modes, turn by turn, with the
trainee's own words as evidence, every offer checked by the rules engine, an overall score and level,
and the model answer at the weakest turn. Pure: a function of the stored turns, persona and policy."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from coach.policy import Policy
from coach.roleplay.analysis import exit_steps, offboards
from coach.roleplay.card import PART_OF, TITLES, Card, Exchange, status
from coach.roleplay.counter_score import score_counter
from coach.roleplay.failures import asks_despite_pushback, failure_modes
from coach.roleplay.level import LEVEL_RULE, level_for, with_rule_points
from coach.roleplay.models import (
    Breach,
    ComponentScore,
    CustomerState,
    Evidence,
    ModelAnswer,
    Reference,
    Scorecard,
    TurnAnalysis,
)
from coach.roleplay.moves import is_question, open_question, sentences
from coach.roleplay.offers import accepts_request
from coach.roleplay.personas import Persona
from coach.roleplay.reference import reference
from coach.roleplay.stance import ARGUE, SETS_ASIDE, THREAT, gentle_guilt, unquoted


def score(persona: Persona, policy: Policy, exchanges: list[Exchange], state: CustomerState, *,
          model_answer: Callable[[str], str] | None = None) -> Scorecard:
    """Score a finished (or abandoned) session. `model_answer(part)` supplies the draft text."""
    ref = reference(persona, policy)
    card = Card(exchanges)
    a = [_after_the_deal(x.analysis, exchanges[i - 1].reply.stance if i else None) for i, x in enumerate(exchanges)]
    roots = {f.id for f in persona.facts if f.root}
    root_turn = next((i for i, x in enumerate(exchanges) if roots & set(x.reply.revealed)), None)
    first_offer = next((i for i, t in enumerate(a) if t.offer is not None or t.vague_offer or t.solution and
                        {"plan", "save"} & set(t.moves)), None)
    until = first_offer if first_offer is not None else len(a)

    for i, t in enumerate(a):
        for q, topic in zip(t.questions, t.topics, strict=True):
            hit = set(exchanges[i].reply.revealed)
            told = f"; the customer revealed: {persona.fact_map[next(iter(hit))].text}" if hit else ""
            card.mark(i, "diagnosis", True, f"asked about {topic.replace('_', ' ')}: “{q}”{told}")
        if t.injected:
            card.mark(i, "note", True, "instructions to the simulated customer ignored: "
                      + "; ".join(f"“{s}”" for s in t.injected))

    first_text = exchanges[0].text if exchanges else ""
    scored = [_acknowledgment(card, a, until, first_text), _diagnosis(card, a, root_turn, first_offer, until),
              score_counter(card, persona, ref, a, root_turn), _triggers(card, a, ref)]
    components = [with_rule_points(c) for c in scored]  # a breach already makes the counter missed
    breaches = [Breach(turn=i + 1, quote=t.offer.quote, rule=c.id, reason=c.reason)
                for i, t in enumerate(a) if t.offer for c in t.offer.breaches]
    failures = failure_modes(card, a, [x.text for x in exchanges], root_turn, first_offer, until, state,
                             [x.reply.text for x in exchanges])
    total, level, reason = level_for(components, failures)
    weakest, answer = _weakest(card, components, exchanges, model_answer)
    offers = [{"turn": i + 1, "quote": t.offer.quote, "offer": t.offer.offer, "shape": t.offer.shape,
               "as_requested": t.offer.as_requested, "notes": t.offer.notes,
               "checks": [c.model_dump() for c in t.offer.checks]} for i, t in enumerate(a) if t.offer]
    outcome: Literal["accepted", "customer_left", "open"] = (
        "customer_left" if state.left else "accepted" if state.accepted else "open")
    return Scorecard(
        persona_id=persona.id, persona_title=persona.title, language=persona.language,
        root_cause=persona.root_cause, root_cause_uncovered=root_turn is not None,
        outcome=outcome,  # type: ignore[arg-type]
        reference=ref, score=total, level=level, level_rule=LEVEL_RULE, level_reason=reason,  # type: ignore[arg-type]
        components=components, failure_modes=failures,
        breaches=breaches, offers=offers, turns=card.turns, weakest_turn=weakest, model_answer=answer)


def _after_the_deal(t: TurnAnalysis, before: str | None) -> TurnAnalysis:
    """A term asked for only after the customer took the offer ("Perfect. Oh, and would you be open to extending by
    two years while we're at it?", "І ще одне — а могли б ви заодно продовжити договір?"): the concession was
    already given with nothing in return, so the term does not tie it."""
    if before == "accepts" and t.offer is not None and t.offer.amended and "adds a term to the previous offer" in \
            t.offer.notes:
        return t.model_copy(update={"offer": None})
    return t


_EMPATHY = re.compile(r"understand|hear you|sorry|appreciate|glad|makes sense|of course|want to make sure|"
                      r"whatever we|fits? your|works? for you|take (?:it|this|that) seriously|together|find (?:a|the) (?:solution|option|way)|"
                      r"разом|знайдемо|підійде|врахуємо|розумію|чую|шкода|співчува|ціную|звісно|хочу, щоб",
                      re.I)
# Pushback that opens with the contract, a refusal, a threat or guilt misses the acknowledgment; an
# "are you sure? the results are good" argues gently, which is partial.
_HARD = re.compile(r"contract|agreement|\bterms?\b|penalt|legal|lawyer|\block|notice|obligat|bound by|subscription|"
                   r"mid-?term|\bfees?\b|forfeit|section \d|clause|компенсац|п\.\s?\d|пункт|\byou signed\b|"
                   r"after (?:all|everything) we|disappoint|договір|договор|штраф|юрист|зобов['’]яз|"
                   r"після всього|неприємно", re.I)
_GREETING = re.compile(r"^(?:hi|hello|dear|добрий день|вітаю)\b", re.I)


# A bare receipt ("OK, noted.", "Right.", "Зрозуміло."): the request heard, not acknowledged in its terms.
_RECEIPT = re.compile(r"^(?:\W*(?:ok(?:ay)?|noted|understood|right|got it|fine|alright|i see|ок|зрозуміло|зрозуміла|"
                      r"зрозумів|добре|гаразд|прийнято|ясно)\b)+\W*$", re.I)


_WHEN_NAMED = (r"(?i:(?:january|february|march|april|may|june|july|august|september|october|november|december|"
               r"monday|tuesday|wednesday|thursday|friday|q[1-4]|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|черв\w*|"
               r"лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*)\b)")


def _bare_receipt(text: str, questions: list[str]) -> bool:
    """Besides its questions, the first reply is only a receipt word or two, with a greeting or name."""
    rest = [s for s in sentences(text) if s not in questions]
    # names go, but a month or weekday stays: "Thanks, Priya, I've noted January." says back when the change is wanted
    name = r"\b(?!" + _WHEN_NAMED + r")[A-ZА-ЯІЇЄҐ][\w'’]*\b(?<!\bOK)(?<!\bOkay)"
    stripped = [re.sub(name, " ", _GREETING.sub("", s)) for s in rest]
    return bool(rest) and all(_RECEIPT.match(s.strip(" ,.!") + ".") or _RECEIPT.match(r) or
                              _RECEIPT.match(s) for s, r in zip(rest, stripped, strict=True))


# A courtesy with no empathy ("Happy to help, Priya.", "Sure thing."): contract talk after it still opens the reply.
_COURTESY_ONLY = re.compile(r"^\W*(?:(?:hi|hello|hey)\W+)?(?:\w+,\s*)?(?:(?:happy|glad|pleased|"
                            r"always happy) to (?:help|assist)|"
                            r"sure(?: thing)?|certainly|радий допомогти|рада допомогти)\b[^.!?]*[.!]?$", re.I)
# The request said back in its own terms ("Understood, a 40% reduction at renewal.", "скоротити місця на чверть")
_RESTATES = re.compile(r"\b(?:a|an|the|your)\s+(?:\d+\s?%|half|third|quarter)[\s-]+(?:reduction|cut|decrease)\b|"
                       r"\bfrom \d+ (?:to|down to) \d+\b|(?<!\w)(?:скоротити|зменшити) [^.?!]{0,20}на (?:\d+|"
                       r"чверть|третину|"
                       r"половину)", re.I)
# A greeting's pleasantry ("Good to hear from you!", "Рада вас чути."): courtesy, not the request heard.
_PLEASANTRY = re.compile(r"\b(?:good|nice|great|lovely|always good) to (?:hear from|see|talk to|speak to|catch) you\b|"
                         r"\bhope you'?re (?:well|keeping well|doing well)\b|\bhow are you\b|"
                         r"(?<!\w)(?:рад\w* (?:вас )?(?:чути|бачити)|сподіваюся, у вас усе добре|як ваші справи)(?!\w)",
                         re.I)
# What names the request or takes a change on: its numbers, the seats, services, cut, pause or cancellation, or
# thanks for the news itself ("thanks for letting me know", "дякую, що повідомили").
_NAMES_REQUEST = re.compile(r"\d|%|seat|licen[cs]|user|cut|reduc|cancel|pause|stop|drop|end(?:ing)?\b|budget|spend|"
                            r"\bppc\b|\bseo\b|social|ads\b|campaign|paying|sorted|"
                            r"letting (?:me|us) know|telling (?:me|us)|reaching out|heads-?up|coming to (?:me|us)|"
                            r"rais(?:e|ed|ing) (?:it|this)|flag\w*|"
                            r"(?:being|were|was) (?:so )?(?:upfront|honest|straight|open|candid|direct) with (?:me|us)|"
                            r"повідоми|сказали|звернул|попередил|реклам|"
                            r"package|module|service|plan\b|contract|agreement|renewal|notice|change|decision|request|"
                            r"місц|ліценз|скороч|зменш|скасу|пауз|призупин|заверш|бюджет|витрат|пакет|модул|послуг|"
                            r"договір|договор|рішенн|змін|запит|прохання", re.I)


def _empathy_only(first: TurnAnalysis, text: str) -> bool:
    """A first reply of warm words alone ("I really appreciate you being honest. I'm here for you.", "Я вас
    розумію, зараз усім непросто."): no question, no offer, nothing that names the request or takes it on."""
    return not (first.questions or first.offer or first.vague_offer or first.solution or first.closing
                or first.pushback) and not _NAMES_REQUEST.search(text) and not any(
        accepts_request(s) for s in sentences(text))


# thanks for the news itself, however short ("дякую, що написали", "thanks for the heads-up")
_THANKS_FOR_NEWS = re.compile(r"\bthank\w*(?: you)? for (?:letting (?:me|us) know|telling (?:me|us)|the heads-?up|"
                              r"reaching out|flagging|raising)\b|(?<!\w)дякую,? що (?:написали|повідомили|сказали|"
                              r"звернулися|попередили)(?!\w)", re.I)


# A greeting or a bare "sure" before the substance ("Hi Sam.", "Sure.", "Ірино, добрий день.", "Звісно, Ірино.")
_OPENER = re.compile(r"^\W*(?:(?:hi|hello|hey|good (?:morning|afternoon)|morning|dear|добрий день|доброго дня|вітаю|"
                     r"sure(?: thing)?|ok(?:ay)?|certainly|right|звісно|звичайно|гаразд|добре)\W*)+$", re.I)
_NAME = re.compile(r"\b[A-ZА-ЯІЇЄҐ][\w'’]*\b")


def _steps_first(text: str) -> bool:
    """The first reply's first words past a greeting or a bare "sure" are the notice steps."""
    for s in sentences(text):
        if is_question(s):
            return False
        if _OPENER.match(_NAME.sub(lambda m: m.group() if _OPENER.match(m.group()) else " ", s)):
            continue
        return exit_steps(s)
    return False


# Warm words beside a grant ("No problem at all, sorry it hasn't worked out", "без проблем, повністю вас розумію"): the
# request heard, then granted; without them a bare "Sure" and the customer's figure is thin
_WARM = re.compile(r"\bno problem\b|\bsorry\b|\bunderstand\b|\bthank|\bappreciate|\bglad\b|\bhappy to\b|"
                   r"(?<!\w)(?:без проблем|розумію|дякую|шкода|вибачте|прикро|радий|рада)(?!\w)", re.I)


# "Noted, Tom.", "OK Tom, can do.", "Прийнято.": a bare note of the request, no words for the customer's side
_CURT = re.compile(r"^\W*(?:(?:ok(?:ay)?|sure),?\s+)?(?:\w+,?\s+)?(?:noted|can do|прийнято)(?:,?\s+\w+)?\W*$", re.I)


def _whole_request(offer: dict[str, object]) -> bool:
    """The customer's own figure, with nothing asked back ("Звісно, зменшимо до 15 місць з наступного місяця."): the
    request granted in other words."""
    requested = offer.get("requested_mrr")
    return bool(requested) and offer.get("new_mrr") == requested and not (
        offer.get("term_extension_months") or offer.get("pause_months"))


def _thin(sentence: str) -> bool:
    """A bare thanks ("Hi Priya, thanks."): under five words besides greeting and name; thanks for the news
    itself ("Розумію, дякую, що написали.") names it."""
    if _THANKS_FOR_NEWS.search(sentence):
        return False
    words = [w for w in re.findall(r"[\w'’]+", _GREETING.sub("", sentence)) if not w[:1].isupper() or
             w.lower() in ("thanks", "thank", "i")]
    return len(words) < 5


def _acknowledgment(card: Card, a: list[TurnAnalysis], until: int, first_text: str) -> ComponentScore:
    ev: list[Evidence] = []
    if not a:
        return ComponentScore(id="acknowledgment", title=TITLES["acknowledgment"], points=0, status="missed",
                              summary="no reply to the request")
    first = a[0]
    # took the request on by asking about it (a curt "Noted." / "OK, can do." before the question stays thin)
    asked = bool(first.questions) and first.offer is None and not _CURT.match(first.acknowledgment or "")
    if first.pushback:
        hard = first.refusal or first.pushback_words or any(_HARD.search(unquoted(q)) or THREAT.search(unquoted(q))
                                                            for q in first.pushback)
        opened = sentences(first_text)[:1] == [first.acknowledgment] and first.acknowledgment not in first.pushback
        if hard and opened and not _COURTESY_ONLY.match(first.acknowledgment or "") and not (
                first.refusal or first.pushback_words or first.guilt or any(THREAT.search(q) for q in first.pushback)):
            hard = False  # "I completely understand. I do need to flag, though, that your rate ...": empathy first
        after = sentences(first_text)[sentences(first_text).index(first.pushback[-1]) + 1:] \
            if first.pushback[-1] in sentences(first_text) else []
        if hard and any(SETS_ASIDE.search(x) for x in after[:1]) and not (
                first.refusal or first.guilt or any(THREAT.search(unquoted(q)) or ARGUE.search(q)
                                                    for q in first.pushback)):
            hard = False  # "... seat numbers are normally set until renewal. That said, let's see what we can do."
        if gentle_guilt(first.pushback, first.guilt, first.pushback_words, first.refusal):
            hard = False  # "I understand, but we've done so much for you": gentle (F5 takes the guilt)
        points, summary = (0, "the first reply pushed back on the request (contract, refusal, threat or guilt)") \
            if hard else (15, "the first reply argued gently for keeping things as they are")
        for q in first.pushback:
            words = ", ".join(first.pushback_words or ["by meaning"])
            ev.append(Evidence(turn=1, quote=q, note=f"pushback: {words}"))
            card.mark(0, "acknowledgment", False, f"pushback in the first reply: “{q}”", 3, "acknowledgment")
    elif first.acknowledgment and first.offer is not None and (first.offer.as_requested or _whole_request(
            first.offer.offer) and not _WARM.search(first_text)) and not (
            # "Of course, Sam, happy to walk you through it." and the notice steps: the process the customer asked
            # about, answered in their terms (a bare "Sure, Sam." before the form stays thin)
            first.closing and offboards(first.closing) and not first.offer.offer.get("new_mrr")
            and not _thin(first.acknowledgment)):
        points, summary = 15, "a thanks, then the request granted on the spot: no room to hear the customer"
        ev.append(Evidence(turn=1, quote=first.acknowledgment, note="acknowledgment"))
        ev.append(Evidence(turn=1, quote=first.offer.quote, note="granted in the first reply"))
        card.mark(0, "acknowledgment", False, "granted in the first reply instead of hearing the customer", 1,
                  "acknowledgment")
    elif first.acknowledgment and _thin(first.acknowledgment) and not asked and not accepts_request(
            first.acknowledgment) and (
                not _EMPATHY.search(first_text) or _thin(first_text) or first.offer is not None) \
            and not (first.offer is None and first.vague_offer is None and _RESTATES.search(first_text)):
        # a bare thanks, or a few kind words and straight to a price ("Звісно, допоможу" takes the request on)
        points, summary = 15, "acknowledged, but only with a bare thanks"
        ev.append(Evidence(turn=1, quote=first.acknowledgment, note="a bare thanks: say what you heard"))
        card.mark(0, "acknowledgment", False, f"a bare thanks: “{first.acknowledgment}”", 1, "acknowledgment")
    elif first.acknowledgment and not asked and (_empathy_only(first, first_text) or all(
            _PLEASANTRY.search(s) or _thin(s) or is_question(s) for s in sentences(first_text))
            and _PLEASANTRY.search(first_text) and not (first.offer or first.vague_offer or first.solution)):
        # warm words or a greeting's pleasantry and small talk, with the request itself never named
        points, summary = 15, "kind words, but the request itself was not acknowledged in the customer's terms"
        ev.append(Evidence(turn=1, quote=first.acknowledgment, note="say what you heard"))
        card.mark(0, "acknowledgment", False, "the request was not named: say what you heard", 1, "acknowledgment")
    elif asked and _bare_receipt(first_text, first.questions):
        points, summary = 15, "a bare “noted” and a question: say what you heard before asking"
        ev.append(Evidence(turn=1, quote=first.acknowledgment or first.questions[0], note="a bare receipt"))
        card.mark(0, "acknowledgment", False, "a bare receipt: acknowledge the request in the customer's terms", 1,
                  "acknowledgment")
    elif asked and _steps_first(first_text):
        # "Sure. Notice goes to billing 60 days before the term ends. What's prompting it?": the process answered
        # before the request is taken on in the customer's terms
        points, summary = 15, "opened with the notice steps: the request itself was not acknowledged"
        ev.append(Evidence(turn=1, quote=first.acknowledgment or first.questions[0], note="say what you heard"))
        card.mark(0, "acknowledgment", False, "the notice steps came first: acknowledge the request before the "
                  "process", 1, "acknowledgment")
    elif first.acknowledgment:
        points, summary = 25, "the request was acknowledged without pushback"
        ev.append(Evidence(turn=1, quote=first.acknowledgment, note="acknowledgment"))
        card.mark(0, "acknowledgment", True, f"acknowledged without pushback: “{first.acknowledgment}”")
    elif asked:
        points, summary = 25, "took the request without pushback and asked what is behind it"
        ev.append(Evidence(turn=1, quote=first.questions[0], note="a question about the request, no pushback"))
        card.mark(0, "acknowledgment", True, f"asked about the request without pushback: “{first.questions[0]}”")
    else:
        points, summary = 15, "no pushback, but the request was not explicitly acknowledged"
        card.mark(0, "acknowledgment", False, "no explicit acknowledgment (thank them, show you heard it)", 1,
                  "acknowledgment")
    later = [(i, q) for i, t in enumerate(a[1:until], start=1) for q in t.pushback]
    if later and points > 10:
        points, summary = 10, summary + "; pushback followed before any counter"
    for i, q in later:
        ev.append(Evidence(turn=i + 1, quote=q, note="pushback before any counter"))
        card.mark(i, "acknowledgment", False, f"pushback before any counter: “{q}”", 3, "acknowledgment")
    return ComponentScore(id="acknowledgment", title=TITLES["acknowledgment"], points=points,
                          status=status(points), summary=summary, evidence=ev)  # type: ignore[arg-type]


_WHEN = re.compile(r"^\W*(?:(?:and|so|then|а|і|й|то|тоді)\W+)?(?:when|what time|how soon|коли|до якого часу)\b", re.I)


def _diagnosis(card: Card, a: list[TurnAnalysis], root_turn: int | None, first_offer: int | None,
               until: int) -> ComponentScore:
    # A question wrapped in pushback in the first reply ("a pause isn't possible under your contract. What
    # happened?") is not a diagnosis: the customer hears the refusal, not the curiosity. Later, a question of
    # its own after a sour remark ("... it's disappointing. Why the change?") still asks about the cause.
    # After the offer, "when is the budget reviewed?" asks for the trigger's date, not the cause.
    asked = [(i, q) for i, t in enumerate(a) if asks_despite_pushback(i, t) for q in t.questions
             if first_offer is None or i < first_offer or not _WHEN.match(q)]
    before = [(i, q) for i, q in asked if i < until]
    ev = [Evidence(turn=i + 1, quote=q, note="uncovered the root cause" if i == root_turn
                   else "diagnosis question") for i, q in asked]
    if not asked:
        points, summary = 0, "no diagnosis question was asked"  # a cause told unasked is not diagnosed
    elif root_turn is not None and root_turn < until and before and not any(
            open_question(q) or topic == "hardship" for t in a[:until] for q, topic in zip(t.questions, t.topics,
                                                                                            strict=True)):
        # "Is it the budget?", "Команда теж зменшується?": the cause confirmed by yes/no guesses, not uncovered
        # ("Is everyone all right?" after a hardship is the empathy the playbook asks for, not a guess)
        points, summary = 15, "the root cause came out, but only through yes/no questions (ask open ones)"
    elif root_turn is not None and root_turn < until and before:  # asked, and the cause known, before the offer
        points, summary = 25, "the root cause was uncovered before any offer"
    elif before:
        points, summary = 15, ("questions came before the offer, but the root cause was not uncovered first"
                               if first_offer is not None else "questions were asked, but the root cause "
                               "did not come out")
    elif asked and root_turn is not None:
        points, summary = 15, "the root cause came out only after an offer"
    elif asked:
        points, summary = 5, "diagnosis questions came only after an offer, and missed the root cause"
    else:
        points, summary = 0, "no diagnosis question was asked"
    if first_offer is not None and points < 25:
        card.mark(first_offer, "diagnosis", False, "offered before the root cause was known", 2, "diagnosis")
    return ComponentScore(id="diagnosis", title=TITLES["diagnosis"], points=points, status=status(points),
                          summary=summary, evidence=ev)


def _triggers(card: Card, a: list[TurnAnalysis], ref: Reference) -> ComponentScore:
    expected = "; the policy would set: " + ", ".join(ref.triggers) if ref.triggers else ""
    concrete = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and t.trigger_concrete]
    loose = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and t.trigger_loose]
    vague = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and not t.trigger_concrete and not t.trigger_loose]
    ev = [Evidence(turn=i + 1, quote=q or "", note="trigger with a date or event") for i, q in concrete]
    ev += [Evidence(turn=i + 1, quote=q or "", note="follow-up with a rough time only") for i, q in loose]
    ev += [Evidence(turn=i + 1, quote=q or "", note="no time at all: not a trigger") for i, q in vague]
    for i, q in concrete:
        card.mark(i, "triggers", True, f"re-engagement trigger: “{q}”")
    for i, q in loose + vague:
        card.mark(i, "triggers", False, f"follow-up without a date or event: “{q}”")
    if concrete:
        points, summary = 25, "a re-engagement trigger with a date or event was set"
    elif loose:
        points, summary = 10, "a follow-up was promised with a rough time, without a date or event"
    elif vague:
        points, summary = 0, "only a follow-up with no time at all (“stay in touch” is not a trigger)"
    else:
        points, summary = 0, "no re-engagement trigger was set"
    return ComponentScore(id="triggers", title=TITLES["triggers"], points=points, status=status(points),
                          summary=summary + expected, evidence=ev)


def _weakest(card: Card, components: list[ComponentScore], exchanges: list[Exchange],
             model_answer: Callable[[str], str] | None) -> tuple[int | None, ModelAnswer | None]:
    """The turn with the heaviest findings (earliest on a tie), else the first missed component."""
    if not exchanges:
        return None, None
    worst = max(card.turns, key=lambda t: (t.weight, -t.turn))
    if worst.weight > 0:
        i = worst.turn - 1
        component = card.kind.get(i, (0, "counter"))[1]
        notes = [m.note for m in worst.marks if not m.good and not m.on.startswith("F")]
        why = "; ".join(list(dict.fromkeys(notes))[:3])
    else:
        gap = next((c for c in components if c.points < c.max_points), None)
        if gap is None:
            return None, None
        i = 0 if gap.id == "acknowledgment" else len(exchanges) - 1
        component, why = gap.id, gap.summary
    part = PART_OF[component]
    if model_answer is None:
        return i + 1, None
    return i + 1, ModelAnswer(turn=i + 1, part=part, why=why, text=model_answer(part))  # type: ignore[arg-type]

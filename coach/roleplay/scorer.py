"""The scorecard: the four mandatory components and the five failure modes, turn by turn, with the
trainee's own words as evidence, every offer checked by the rules engine, an overall score and level,
and the model answer at the weakest turn. Pure: a function of the stored turns, persona and policy."""

from __future__ import annotations

from collections.abc import Callable

from coach.policy import Policy
from coach.roleplay.card import BREACH_PENALTY, PART_OF, TITLES, Card, Exchange, status
from coach.roleplay.counter_score import score_counter
from coach.roleplay.failures import failure_modes
from coach.roleplay.models import (
    Breach,
    ComponentScore,
    CustomerState,
    Evidence,
    FailureMode,
    ModelAnswer,
    Reference,
    Scorecard,
    TurnAnalysis,
)
from coach.roleplay.personas import Persona
from coach.roleplay.reference import reference


def score(persona: Persona, policy: Policy, exchanges: list[Exchange], state: CustomerState, *,
          model_answer: Callable[[str], str] | None = None) -> Scorecard:
    """Score a finished (or abandoned) session. `model_answer(part)` supplies the draft text."""
    ref = reference(persona, policy)
    card = Card(exchanges)
    a = [x.analysis for x in exchanges]
    roots = {f.id for f in persona.facts if f.root}
    root_turn = next((i for i, x in enumerate(exchanges) if roots & set(x.reply.revealed)), None)
    first_offer = next((i for i, t in enumerate(a) if t.offer is not None or t.solution and
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

    components = [_acknowledgment(card, a, until), _diagnosis(card, a, root_turn, first_offer, until),
                  score_counter(card, persona, ref, a), _triggers(card, a, ref)]
    breaches = [Breach(turn=i + 1, quote=t.offer.quote, rule=c.id, reason=c.reason)
                for i, t in enumerate(a) if t.offer for c in t.offer.breaches]
    failures = failure_modes(card, a, [x.text for x in exchanges], root_turn, first_offer, until, state)
    total = max(0, min(100, sum(c.points for c in components) - BREACH_PENALTY * len(breaches)))
    level, reason = level_for(total, failures, breaches)
    weakest, answer = _weakest(card, components, exchanges, model_answer)
    offers = [{"turn": i + 1, "quote": t.offer.quote, "offer": t.offer.offer, "shape": t.offer.shape,
               "as_requested": t.offer.as_requested, "notes": t.offer.notes,
               "checks": [c.model_dump() for c in t.offer.checks]} for i, t in enumerate(a) if t.offer]
    outcome = "customer_left" if state.left else "accepted" if state.accepted else "open"
    return Scorecard(
        persona_id=persona.id, persona_title=persona.title, language=persona.language,
        root_cause=persona.root_cause, root_cause_uncovered=root_turn is not None,
        outcome=outcome,  # type: ignore[arg-type]
        reference=ref, score=total, level=level, level_rule=LEVEL_RULE, level_reason=reason,  # type: ignore[arg-type]
        components=components, failure_modes=failures,
        breaches=breaches, offers=offers, turns=card.turns, weakest_turn=weakest, model_answer=answer)


LEVEL_RULE = ("excellent: 85 or more; proficient: 70 or more; developing: 45 or more; needs coaching: "
              "below 45. A triggered failure mode or a policy breach caps the level at developing.")


def level_for(total: int, failures: list[FailureMode], breaches: list[Breach]) -> tuple[str, str]:
    """(level, why): the level the score earns, capped at "developing" by any failure or breach."""
    earned = ("excellent" if total >= 85 else "proficient" if total >= 70 else "developing" if total >= 45
              else "needs coaching")
    causes = [f"{f.id} ({f.title.lower()}, turn {f.evidence[0].turn})" if f.evidence else f.id
              for f in failures if f.triggered]
    causes += [f"a policy breach ({b.rule}, turn {b.turn})" for b in breaches]
    if earned in ("excellent", "proficient") and causes:
        return "developing", (f"{total}/100 earns {earned}, capped at developing by " + "; ".join(causes))
    why = f"{total}/100 earns {earned}"
    if causes:
        why += " (also: " + "; ".join(causes) + ")"
    elif earned in ("excellent", "proficient"):
        why += ", with no failure mode and no policy breach"
    return earned, why


def _acknowledgment(card: Card, a: list[TurnAnalysis], until: int) -> ComponentScore:
    ev: list[Evidence] = []
    if not a:
        return ComponentScore(id="acknowledgment", title=TITLES["acknowledgment"], points=0, status="missed",
                              summary="no reply to the request")
    first = a[0]
    if first.pushback:
        points, summary = 0, "the first reply pushed back on the request"
        for q in first.pushback:
            words = ", ".join(first.pushback_words or ["by meaning"])
            ev.append(Evidence(turn=1, quote=q, note=f"pushback: {words}"))
            card.mark(0, "acknowledgment", False, f"pushback in the first reply: “{q}”", 3, "acknowledgment")
    elif first.acknowledgment:
        points, summary = 25, "the request was acknowledged without pushback"
        ev.append(Evidence(turn=1, quote=first.acknowledgment, note="acknowledgment"))
        card.mark(0, "acknowledgment", True, f"acknowledged without pushback: “{first.acknowledgment}”")
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


def _diagnosis(card: Card, a: list[TurnAnalysis], root_turn: int | None, first_offer: int | None,
               until: int) -> ComponentScore:
    asked = [(i, q) for i, t in enumerate(a) for q in t.questions]
    before = [(i, q) for i, q in asked if i < until]
    ev = [Evidence(turn=i + 1, quote=q, note="uncovered the root cause" if i == root_turn
                   else "diagnosis question") for i, q in asked]
    if root_turn is not None and root_turn < until:
        points, summary = 25, "the root cause was uncovered before any offer"
    elif before:
        points, summary = 15, "questions came before the offer, but the root cause was not uncovered first"
    elif asked:
        points, summary = 5, "diagnosis questions came only after an offer"
    else:
        points, summary = 0, "no diagnosis question was asked"
    if first_offer is not None and points < 25:
        card.mark(first_offer, "diagnosis", False, "offered before the root cause was known", 2, "diagnosis")
    return ComponentScore(id="diagnosis", title=TITLES["diagnosis"], points=points, status=status(points),
                          summary=summary, evidence=ev)


def _triggers(card: Card, a: list[TurnAnalysis], ref: Reference) -> ComponentScore:
    expected = "; the policy would set: " + ", ".join(ref.triggers) if ref.triggers else ""
    concrete = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and t.trigger_concrete]
    vague = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and not t.trigger_concrete]
    ev = [Evidence(turn=i + 1, quote=q or "", note="trigger with a date or event") for i, q in concrete]
    ev += [Evidence(turn=i + 1, quote=q or "", note="vague follow-up") for i, q in vague]
    for i, q in concrete:
        card.mark(i, "triggers", True, f"re-engagement trigger: “{q}”")
    for i, q in vague:
        card.mark(i, "triggers", False, f"follow-up without a date or event: “{q}”")
    if concrete:
        points, summary = 25, "a re-engagement trigger with a date or event was set"
    elif vague:
        points, summary = 10, "a follow-up was promised, without a date or event"
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

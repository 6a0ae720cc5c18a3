"""The scripted customer: follows the persona's reveal rules and reactions, no model needed.

It keeps the dialogue state (what was revealed, asked, offered, agreed, and every line said) and
decides the *beat* of every reply so that the reply answers the trainee's last move: an offer gets a
reaction to its numbers, a question an answer or a deflection, and once an offer is on the table
the customer talks about that offer instead of asking for one. No line is said twice while another
is left. The model customer (llm_customer.py) words the same beat over the same state, so the
conversation's course and the scorecard never depend on whether a model is configured.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach.datafile import parse_yaml
from coach.roleplay.models import Beat, CustomerReply, CustomerState, OfferSeen, TurnAnalysis
from coach.roleplay.personas import Fact, Persona

DEFAULTS_FILE = Path(__file__).with_name("reactions.yaml")
STANCE: dict[str, str] = {"accept": "accepts", "after_accept": "accepts", "leave": "leaves",
                          "fair_counter": "softening", "reveal": "softening", "trigger": "softening"}
OFFER_BEATS = ("accept", "fair_counter", "too_small", "too_long", "mismatch")
ASKS_FOR_AN_OFFER = ("acknowledged", "neutral")  # beats whose lines ask what the trainee proposes


@lru_cache(maxsize=1)
def _defaults() -> dict[str, dict[str, list[str]]]:
    return parse_yaml(DEFAULTS_FILE.read_text(encoding="utf-8"))


def default_lines(language: str, key: str) -> list[str]:
    return list(_defaults().get(language, {}).get(key) or _defaults()["en"].get(key) or [])


def lines_for(persona: Persona, beat: str) -> list[str]:
    """The persona's own lines for `beat` first, then the defaults: one pool, no duplicates."""
    own = getattr(persona.reactions, beat, None) or []
    pool = list(dict.fromkeys([*own, *default_lines(persona.language, beat)]))
    return pool or default_lines(persona.language, "neutral")


def money(x: float | None, currency: str = "USD") -> str:
    """"$3,680" (whole amounts without cents); another currency by its code after the figure."""
    if x is None:
        return "-"
    digits = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
    return f"${digits}" if (currency or "USD").upper() == "USD" else f"{digits} {currency.upper()}"


def _values(persona: Persona, offer: dict[str, Any] | None = None, **extra: str) -> dict[str, Any]:
    a = persona.account
    values: dict[str, Any] = defaultdict(str, contact=a.contact.name, company=a.name,
                                         competitor=persona.competitor or "",
                                         max_mrr=f"{persona.acceptance.max_mrr or 0:,.0f}",
                                         max_term=str(persona.acceptance.max_term_months), **extra)
    if offer is not None:
        values.update(offer=describe(persona, offer), price=money(offer.get("new_mrr"), a.currency),
                      term=str(offer.get("term_extension_months") or ""))
    return values


def describe(persona: Persona, offer: dict[str, Any]) -> str:
    """An offer in the customer's words: "32 seats at $3,680 a month, with 24 more months"."""
    uk = persona.language == "uk"
    bits = []
    if offer.get("pause_months"):
        bits.append(f"пауза на {offer['pause_months']} міс." if uk else f"a {offer['pause_months']}-month pause")
    else:
        if offer.get("seats") is not None:
            bits.append(f"{offer['seats']} місць" if uk else f"{offer['seats']} seats")
        price = money(offer.get("new_mrr"), persona.account.currency)
        bits.append(f"{price} на місяць" if uk else f"{price} a month")
    if offer.get("term_extension_months"):
        n = offer["term_extension_months"]
        bits.append(f"з продовженням на {n} міс." if uk else f"with {n} more months on the agreement")
    return ", ".join(bits)


def say(persona: Persona, state: CustomerState, beat: str, offer: dict[str, Any] | None = None,
        **extra: str) -> str:
    """The next line for `beat` not said yet in this session (placeholders filled); only when every
    line of the beat and the fallbacks has been said does a line come round again."""
    values = _values(persona, offer, **extra)
    pool = [line.format_map(values) for line in lines_for(persona, beat)]
    spare = [line.format_map(values) for line in default_lines(persona.language, "fallback")]
    fresh = [line for line in pool if line not in state.said]
    if not fresh and beat not in ASKS_FOR_AN_OFFER:
        fresh = [line for line in spare if line not in state.said]
    n = state.used.get(beat, 0)
    state.used[beat] = n + 1
    line = fresh[0] if fresh else pool[n % len(pool)]
    return line[:1].upper() + line[1:]


def new_state(persona: Persona) -> CustomerState:
    return CustomerState(patience=persona.acceptance.patience)


def revealable(persona: Persona, state: CustomerState, topics: list[str]) -> tuple[Fact | None, Fact | None]:
    """(the fact a question on `topics` reveals now, or one already told that it asks about again)."""
    told = set(state.revealed)
    again = None
    for topic in topics:
        for f in persona.facts:
            if topic not in f.topics:
                continue
            if f.id in told:
                again = again or f
            elif f.after is None or f.after in told:
                return f, None
    return None, again


def judge_offer(persona: Persona, offer: dict[str, Any], state: CustomerState) -> Beat:
    """How the persona takes an offer: by their real need, not by the policy (that is the scorer's job)."""
    acc, mrr = persona.acceptance, persona.account.mrr
    if offer.get("pause_months"):
        return "accept" if acc.pause else "mismatch"
    if not acc.price:
        return "mismatch"
    if acc.max_mrr is not None and offer["new_mrr"] > acc.max_mrr + 0.005:
        return "too_small"
    if (offer.get("term_extension_months") or 0) > acc.max_term_months:
        return "too_long"
    reduces = offer["new_mrr"] < mrr - 0.005
    if reduces and not offer.get("term_extension_months") and state.pending is None and not state.accepted:
        return "fair_counter"  # "that could work - what's the catch?": room to ask for the exchange
    return "accept"


def respond(persona: Persona, state: CustomerState, a: TurnAnalysis) -> CustomerReply:
    """The customer's reply to one analysed trainee turn; updates `state`."""
    state.turns += 1
    state.countered = state.countered or a.offer is not None or bool(a.vague_offer)
    state.planned = state.planned or a.solution is not None
    for topic in a.topics:
        state.asked[topic] = state.asked.get(topic, 0) + 1
    beat, fact, again = _beat(persona, state, a)
    offer = a.offer.offer if a.offer is not None and beat in OFFER_BEATS else None
    if beat == "standing" and state.offers:
        offer = state.offers[-1].offer
    if beat == "reveal" and fact is not None:
        text = fact.text
    else:
        text = _line(persona, state, beat, offer, again)
        if fact is not None:  # answered the question, then reacted to the offer
            text = f"{fact.text} {text}"
    state.said.append(text)
    return CustomerReply(text=text, beat=beat, stance=STANCE.get(beat, "firm"),  # type: ignore[arg-type]
                         revealed=[fact.id] if fact else [])


def _line(persona: Persona, state: CustomerState, beat: str, offer: dict[str, Any] | None,
          again: Fact | None) -> str:
    if beat in OFFER_BEATS and offer is not None:
        numbers = say(persona, state, f"numbers_{beat}", offer)  # the reaction names the numbers heard
        return f"{numbers} {say(persona, state, beat, offer)}"
    if beat == "standing" and state.offers:
        return say(persona, state, f"standing_{state.offers[-1].verdict}", offer)
    return say(persona, state, beat, offer, fact=again.text if again else "")


def _beat(persona: Persona, state: CustomerState, a: TurnAnalysis) -> tuple[Beat, Fact | None, Fact | None]:
    """(beat, the fact this turn reveals, a fact asked about again)."""
    if a.offer is not None:  # an offer made alongside pushback is still on the table
        state.last_offer = a.offer.offer
    if a.pushback or a.refusal:
        state.pushbacks += 1
        state.patience -= 1
        if state.patience < 0 and not state.accepted:
            state.left = True
            return "leave", None, None
        return "pushback", None, None  # a customer who feels argued with tells you nothing
    fact, again = revealable(persona, state, a.topics)
    if fact:
        state.revealed.append(fact.id)
    if a.offer is not None:
        offer = a.offer.offer
        state.last_offer = offer
        beat = "accept" if a.offer.as_requested else judge_offer(persona, offer, state)
        if state.accepted and beat == "accept":
            beat = "after_accept" if offer == state.agreed else "accept"
        state.offers.append(OfferSeen(turn=state.turns, offer=offer, verdict=beat))
        if beat == "fair_counter":
            state.pending = offer
        if beat == "accept":
            state.accepted, state.pending, state.agreed = True, None, offer
        return beat, fact, None
    if fact:
        return "reveal", fact, None
    if a.vague_offer and not state.accepted and not a.solution:
        return "numbers", None, None  # "a discount if you extend": how much, and for how long?
    winning = set(persona.acceptance.moves) & set(a.moves)
    if winning and not state.accepted:
        if any(persona.fact_map[f].root for f in state.revealed):
            state.accepted, state.agreed = True, {"move": sorted(winning)[0]}
            return "accept", None, None
        return "mismatch", None, None  # a fix offered before the problem is understood
    if a.topics:
        return ("repeat", None, again) if again is not None else ("vague", None, None)
    if state.pending is not None and not state.accepted:
        state.accepted, state.agreed, state.pending = True, state.pending, None  # the fair offer stands
        state.offers[-1].verdict = "accept"
        return "accept", None, None
    if a.trigger:
        if state.accepted:
            return "trigger", None, None
        return ("standing" if state.open_offer else "early_trigger"), None, None
    if state.accepted:
        return "after_accept", None, None
    if a.injected and not a.moves:
        return "off_topic", None, None
    if state.open_offer is not None:
        return "standing", None, None  # an offer is on the table: talk about it, never ask for one
    if state.countered:
        return "numbers", None, None  # a counter with no numbers is still waiting for them
    if a.acknowledgment:
        return "acknowledged", None, None
    return "neutral", None, None

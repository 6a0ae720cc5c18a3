"""The scripted customer: follows the persona's reveal rules and reactions, no model needed.

It decides the *beat* of every reply (reveal a fact, push back, call a counter fair or too small,
accept, leave). The model customer (llm_customer.py) words the same beat in its own way, so the
conversation's course and the scorecard never depend on whether a model is configured.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coach.roleplay.models import Beat, CustomerReply, CustomerState, TurnAnalysis
from coach.roleplay.personas import Fact, Persona

DEFAULTS_FILE = Path(__file__).with_name("reactions.yaml")
STANCE: dict[str, str] = {"accept": "accepts", "after_accept": "accepts", "leave": "leaves",
                          "fair_counter": "softening", "reveal": "softening", "trigger": "softening"}


@lru_cache(maxsize=1)
def _defaults() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(DEFAULTS_FILE.read_text(encoding="utf-8"))


def lines_for(persona: Persona, beat: str) -> list[str]:
    own = getattr(persona.reactions, beat, None)
    return own or _defaults()[persona.language].get(beat) or _defaults()["en"]["neutral"]


def say(persona: Persona, state: CustomerState, beat: str, **extra: str) -> str:
    """The next line for `beat`, cycling through the persona's lines; placeholders filled."""
    lines = lines_for(persona, beat)
    n = state.used.get(beat, 0)
    state.used[beat] = n + 1
    a = persona.account
    values: dict[str, Any] = defaultdict(str, contact=a.contact.name, company=a.name,
                                         competitor=persona.competitor or "",
                                         max_mrr=f"{persona.acceptance.max_mrr or 0:,.0f}", **extra)
    return lines[n % len(lines)].format_map(values)


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
    beat, fact, again = _beat(persona, state, a)
    if beat == "reveal" and fact is not None:
        text = fact.text
    else:
        text = say(persona, state, beat, fact=again.text if again else "")
        if fact is not None:  # answered the question, then reacted to the offer
            text = f"{fact.text} {text}"
    return CustomerReply(text=text, beat=beat, stance=STANCE.get(beat, "firm"),  # type: ignore[arg-type]
                         revealed=[fact.id] if fact else [])


def _beat(persona: Persona, state: CustomerState, a: TurnAnalysis) -> tuple[Beat, Fact | None, Fact | None]:
    """(beat, the fact this turn reveals, a fact asked about again)."""
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
        if beat == "fair_counter":
            state.pending = offer
        if beat == "accept":
            state.accepted, state.pending = True, None
        return beat, fact, None
    if fact:
        return "reveal", fact, None
    winning = set(persona.acceptance.moves) & set(a.moves)
    if winning and not state.accepted:
        if any(persona.fact_map[f].root for f in state.revealed):
            state.accepted = True
            return "accept", None, None
        return "mismatch", None, None  # a fix offered before the problem is understood
    if a.topics:
        return ("repeat", None, again) if again is not None else ("vague", None, None)
    if state.pending is not None and not state.accepted:
        state.accepted, state.pending = True, None  # the fair offer stands and nothing more is asked
        return "accept", None, None
    if a.trigger:
        return ("trigger" if state.accepted else "neutral"), None, None
    if state.accepted:
        return "after_accept", None, None
    if a.injected and not a.moves:
        return "off_topic", None, None
    if a.acknowledgment:
        return "acknowledged", None, None
    return "neutral", None, None

"""One trainee turn through the analysis and the scripted customer, with no store: the same step the
live session takes, so a judged transcript replayed here is scored exactly as a live session."""

from __future__ import annotations

from collections.abc import Callable

from coach.policy import Policy
from coach.roleplay import customer
from coach.roleplay.analysis import analyse
from coach.roleplay.card import Exchange
from coach.roleplay.models import CustomerReply, CustomerState, Scorecard, TurnAnalysis
from coach.roleplay.own_words import EMPTY, OwnWords
from coach.roleplay.personas import Persona
from coach.roleplay.reference import reference
from coach.roleplay.scorer import score


def step(persona: Persona, policy: Policy, embedder, state: CustomerState, text: str, *, first: bool,
         own: OwnWords = EMPTY) -> tuple[TurnAnalysis, CustomerReply]:
    """Analyse one trainee turn and let the scripted customer answer it; updates `state`."""
    ref = reference(persona, policy)
    facts = [persona.fact_map[f] for f in state.revealed]
    heard = any("hardship" in f.topics or f.root for f in facts)
    known = persona.account.hardship or (persona.hardship if heard else None)  # what the trainee knows
    a = analyse(text, persona, policy, embedder=embedder, requested_mrr=ref.requested_mrr, hardship=known,
                previous_offer=state.last_offer, first_turn=first, own=own)
    return a, customer.respond(persona, state, a)


def replay(persona: Persona, policy: Policy, embedder, turns: list[str], *, own: OwnWords = EMPTY,
           model_answer: Callable[[str], str] | None = None) -> tuple[Scorecard, list[Exchange]]:
    """Score a transcript's trainee turns as a scripted session would (stops where the customer leaves)."""
    state = customer.new_state(persona)
    exchanges: list[Exchange] = []
    for text in turns:
        if state.left:
            break
        a, reply = step(persona, policy, embedder, state, text, first=not exchanges, own=own)
        exchanges.append(Exchange(text.strip(), a, reply))
    return score(persona, policy, exchanges, state, model_answer=model_answer), exchanges

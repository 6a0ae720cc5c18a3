"""One trainee turn through the analysis and the scripted customer, with no store: the same step the
live session takes, so a judged transcript replayed here is scored exactly as a live session."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from coach.guard.language import detect_language
from coach.policy import Policy
from coach.roleplay import customer
from coach.roleplay.analysis import analyse
from coach.roleplay.calibration import Calibration, recalibrate
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
                previous_offer=state.last_offer, first_turn=first, own=own, countered=state.countered,
                planned=state.planned)
    return a, customer.respond(persona, state, a)


def facts_in(persona: Persona, text: str) -> list[str]:
    """The persona's facts a recorded customer line gives away: its text, or one of its keywords."""
    low = " ".join(text.casefold().split())
    return [f.id for f in persona.facts
            if " ".join(f.text.casefold().split()) in low or any(k.casefold() in low for k in f.keywords)]


_WORD = re.compile(r"\w+")
# A reply's sentence means a persona's fact, across languages, when the two are this close (multilingual-e5 query
# vectors, cosine): on the Ukrainian sessions of English personas in dev 40 and dev 41, every sentence that gives a
# fact away has it nearest at 0.877 or more, and sentences that give none away reach 0.87 at most.
MEANS = 0.875
MEANS_BAND = 0.025  # ... and a second fact within this band of the nearest is meant too (a sentence giving away two)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def facts_meant(persona: Persona, line: str, embedder) -> list[str]:  # type: ignore[no-untyped-def]
    """The persona's facts a recorded line says in other words (another language): for each sentence, the nearest
    fact when it is near enough (MEANS), and any other within MEANS_BAND of it."""
    sentences = [x for x in _SENTENCE_END.split(line.strip()) if len(x.split()) >= 2]
    if not persona.facts or not sentences:
        return []
    # the facts' vectors come from the embedder's own query cache after the first line
    facts = np.asarray(embedder.embed_queries([f.text for f in persona.facts]), dtype=np.float32)
    sims = np.asarray(embedder.embed_queries(sentences), dtype=np.float32) @ facts.T
    out: list[str] = []
    for row in sims:
        top = float(row.max())
        if top >= MEANS:
            out += [persona.facts[j].id for j in np.argsort(-row) if row[j] >= max(MEANS, top - MEANS_BAND)]
    return list(dict.fromkeys(out))


def other_language(persona: Persona, line: str) -> bool:
    """Whether a recorded customer line is in another language than the persona's (a Ukrainian line for an English
    persona), by the language identifier every coach text goes through."""
    return detect_language(line) != persona.language


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 2}


def says(persona: Persona, line: str, beat: str) -> bool:
    """Whether a recorded customer line is one of the persona's lines for `beat` (its own or the
    defaults), verbatim or reworded: most of the reaction's words are in the line."""
    got = _words(line)
    values = customer._values(persona)
    for reaction in customer.lines_for(persona, beat):
        want = _words(reaction.format_map(values))
        if want and len(want & got) >= 0.6 * len(want):
            return True
    return False


def closed_by(persona: Persona, lines: list[str]) -> dict[str, bool]:
    """What the recorded customer lines say about the end of the talk: `accepted` when they speak the
    persona's acceptance, `left` when they speak its leaving line or push back more often than the
    persona's patience allows (the scripted customer's own rule, applied to what was said)."""
    pushed = sum(says(persona, line, "pushback") for line in lines)
    # "If you argue about the contract, I'll take this to the owners" and then answering the next question:
    # a customer who goes on to tell the trainee their facts did not leave
    leaves = [i for i, line in enumerate(lines) if says(persona, line, "leave")]
    left = any(not any(facts_in(persona, later) for later in lines[i + 1:]) for i in leaves)
    return {"accepted": any(says(persona, line, "accept") or says(persona, line, "after_accept") for line in lines),
            "left": pushed > persona.acceptance.patience or left}


def replay(persona: Persona, policy: Policy, embedder, turns: list[str], *, own: OwnWords = EMPTY,
           recorded: list[str | None] | None = None, model_answer: Callable[[str], str] | None = None,
           calibration: Calibration | None = None) -> tuple[Scorecard, list[Exchange]]:
    """Score a transcript's trainee turns as a scripted session would (stops where the customer leaves).

    `recorded`: the customer's reply to each trainee turn as the transcript has it. Then the facts
    the trainee heard are the ones that reply gives away (a judged transcript is scored as it went),
    while the scripted customer still keeps the rest of the state (patience, offers, agreement).
    `calibration`: the trainers' reading laid over the rules' (calibration.py), as a live session's card."""
    state = customer.new_state(persona)
    exchanges: list[Exchange] = []
    for i, text in enumerate(turns):
        if state.left and recorded is None:  # a judged transcript goes on as it was written
            break
        closed_before = (state.accepted, state.left)
        a, reply = step(persona, policy, embedder, state, text, first=not exchanges, own=own)
        if recorded is not None:  # what the recorded customer said (nothing: the trainee heard nothing)
            said = (recorded[i] if i < len(recorded) else None) or ""
            if not said:  # no recorded answer: the customer neither agreed nor left
                state.accepted, state.left = closed_before
            before = [f for f in state.revealed if f not in reply.revealed]  # what was known before this turn
            heard = [f for f in facts_in(persona, said) if f not in before]
            if said and other_language(persona, said) and embedder is not None:
                # a session written in another language than the persona's (a Ukrainian session for an English
                # persona): its facts' words cannot be found in the reply, so a fact is heard where a sentence of
                # the reply means it (the multilingual embedding's nearest fact, when near enough)
                heard = [f for f in dict.fromkeys([*heard, *facts_meant(persona, said, embedder)]) if f not in before]
            state.revealed = before + heard
            took = {"stance": "accepts"} if said and (says(persona, said, "accept")) else {}
            reply = reply.model_copy(update={"text": said, "revealed": heard, **took})
        exchanges.append(Exchange(text.strip(), a, reply))
    if recorded is not None:  # the recorded lines, not the scripted customer, say whether they agreed or left
        state = state.model_copy(update=closed_by(persona, [r or "" for r in recorded[:len(exchanges)]]))
    card = score(persona, policy, exchanges, state, model_answer=model_answer)
    return recalibrate(card, [x.text for x in exchanges], calibration, embedder), exchanges

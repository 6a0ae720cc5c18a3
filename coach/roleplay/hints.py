"""Live hints: what the last turn did wrong (a breach, pushback) and the playbook's next step."""

from __future__ import annotations

from coach.roleplay.models import CustomerState, Reference, TurnAnalysis
from coach.roleplay.personas import Persona

OPEN_QUESTION = {"en": "What's behind this change on your side?", "uk": "Що стоїть за цим рішенням?"}


def _reference_text(ref: Reference) -> str:
    if ref.shape == "save":
        return "no discount: this is a competitive save (understand their criteria, loop in the save team)"
    if ref.shape == "hold":
        return "no MRR reduction inside the lock: keep the price and offer a plan to fix the results"
    bits = [ref.play.replace("_", " ")]
    if ref.new_mrr is not None:
        bits.append(f"new MRR {ref.new_mrr:,.2f}")
    if ref.pause_months:
        bits.append(f"{ref.pause_months}-month pause, agreement extended by as much")
    elif ref.term_extension_months:
        bits.append(f"{ref.term_extension_months}-month extension in exchange")
    return ", ".join(bits)


def last_turn(a: TurnAnalysis) -> list[str]:
    out = []
    if a.pushback:
        words = f" ({', '.join(a.pushback_words)})" if a.pushback_words else ""
        out.append(f"That reads as pushback{words}: acknowledge first, argue never.")
    if a.offer is not None:
        for c in a.offer.breaches:
            out.append(f"POLICY BREACH {c.id}: {c.reason}")
        for c in a.offer.warnings:
            out.append(f"{c.id}: {c.reason}")
    if a.injected:
        out.append("Instructions aimed at the simulated customer are ignored and never scored.")
    return out


def next_step(persona: Persona, ref: Reference, state: CustomerState, turns: list[TurnAnalysis]) -> str:
    if state.left:
        return "The customer has left: end the session to see your scorecard."
    if not turns:
        return "Acknowledge the request first, without pushback, and thank them for raising it."
    root = any(persona.fact_map[f].root for f in state.revealed)
    offers = [t.offer for t in turns if t.offer is not None]
    if not root:
        return ("Diagnose before you offer anything: ask an open question, e.g. "
                f"“{OPEN_QUESTION[persona.language]}”, then follow the answer.")
    if not state.accepted and not offers and not any(t.solution for t in turns):
        return ("Root cause uncovered. Counter with a right-sized answer; the policy's reference: "
                f"{_reference_text(ref)}.")
    last = offers[-1] if offers else None
    exchange = last.check("multi-year-exchange") if last else None
    if exchange is not None and not exchange.passed:
        return "Ask for a multi-year commitment (12, 24 or 36 months) in exchange for the reduction."
    if not any(t.trigger_concrete for t in turns):
        first = ref.triggers[0] if ref.triggers else "a date 90 days out"
        return f"Set a re-engagement trigger with a date or event, e.g. {first.replace('_', ' ')}."
    if not state.accepted:
        return f"Keep going: the policy's reference is {_reference_text(ref)}."
    return "All four components covered: end the session to see your scorecard."

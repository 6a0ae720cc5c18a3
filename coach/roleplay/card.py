"""Shared pieces of the scorer: titles, the exchange record and the per-turn mark sheet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coach.roleplay.models import CustomerReply, Mark, OfferRecord, TurnAnalysis, TurnScore

TITLES = {
    "acknowledgment": "Acknowledgment without pushback",
    "diagnosis": "Root-cause diagnosis before offering",
    "counter": "Right-sized counter with a multi-year exchange",
    "triggers": "Re-engagement triggers",
    "F1": "Defensive pushback on the first request",
    "F2": "No root-cause diagnosis",
    "F3": "No multi-year exchange",
    "F4": "No re-engagement triggers",
    "F5": "Treating the downsell as a failure",
}
PART_OF = {"acknowledgment": "acknowledgment", "diagnosis": "diagnosis_questions",
           "counter": "counter_proposal", "triggers": "reengagement_triggers"}


@dataclass
class Exchange:
    """One trainee turn and the customer's reply to it."""

    text: str
    analysis: TurnAnalysis
    reply: CustomerReply


Status = Literal["met", "partial", "missed"]


def status(points: int, full: int = 25) -> Status:
    return "met" if points >= full else "missed" if points <= 5 else "partial"


def money(x: float | None) -> str:
    return "-" if x is None else f"{x:,.2f}"


def describe_offer(o: OfferRecord) -> str:
    d = o.offer
    bits = [f"new MRR {money(d['new_mrr'])}"]
    if d.get("seats") is not None:
        bits.append(f"{d['seats']} seats")
    if d.get("services_kept") is not None:
        bits.append("keeps " + (", ".join(d["services_kept"]) or "no service"))
    if d.get("pause_months"):
        bits.append(f"{d['pause_months']}-month pause")
    if d.get("term_extension_months"):
        bits.append(f"{d['term_extension_months']}-month extension")
    return ", ".join(bits) + (" (the customer's own request)" if o.as_requested else "")


class Card:
    """Accumulates marks per turn while the components are scored."""

    def __init__(self, exchanges: list[Exchange]) -> None:
        self.turns = [TurnScore(turn=i + 1, text=x.text) for i, x in enumerate(exchanges)]
        self.kind: dict[int, tuple[int, str]] = {}  # turn -> (worst weight, component it belongs to)

    def mark(self, i: int, on: str, good: bool, note: str, weight: int = 0, part: str | None = None) -> None:
        t = self.turns[i]
        t.marks.append(Mark(on=on, good=good, note=note))
        if weight:
            t.weight += weight
            if part and weight > self.kind.get(i, (0, ""))[0]:
                self.kind[i] = (weight, part)

"""The rules layer over the heads (reading.py): with flat head probabilities, the evidence decides.

Written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from coach.diagnosis.classifier import _paths, service_aliases
from coach.diagnosis.cues import load_cues
from coach.diagnosis.extract import extract
from coach.diagnosis.heads import HEAD_LABELS
from coach.diagnosis.reading import read_all, read_kind


def _flat(head: str) -> np.ndarray:
    n = len(HEAD_LABELS[head])
    return np.full(n, 1.0 / n)


@pytest.mark.parametrize(("text", "seat_bonus"), [
    ("Please reduce our seats by 30%.", True),
    ("Cut 30% of our licences at renewal.", True),
    ("40% of our licences sit unused; we want the cheaper plan instead.", False),  # a fact, not the request
])
def test_a_percent_of_seats_is_a_seat_reduction_only_as_the_request(text: str, seat_bonus: bool) -> None:
    cues = load_cues(_paths()[1])
    p = np.zeros(len(HEAD_LABELS["kind"]))
    p[HEAD_LABELS["kind"].index("tier_downgrade")] = 0.6
    p[HEAD_LABELS["kind"].index("seat_reduction")] = 0.4
    kind, _ = read_kind(p, text, extract(text, None, service_aliases()), cues, None)
    assert (kind == "seat_reduction") is seat_bonus


@pytest.mark.parametrize(("text", "intent"), [
    ("Queremos pasar de 120 a 90 usuarios desde enero.", "downsell"),
    ("Could we take 20 seats off our plan?", "downsell"),
    ("We'd like to add 20 more seats for the new office.", None),  # no fewer seats: the head decides
])
def test_fewer_seats_stated_is_a_downsell(text: str, intent: str | None) -> None:
    cues = load_cues(_paths()[1])
    probs = {h: _flat(h) for h in HEAD_LABELS}
    p = np.full(len(HEAD_LABELS["intent"]), 0.05)
    p[HEAD_LABELS["intent"].index("expansion" if intent is None else "other")] = 0.7
    probs["intent"] = p / p.sum()
    dx = read_all(probs, text, extract(text, None, service_aliases()), cues, {}, None, "en")
    assert dx.intent == (intent or "expansion")


def _budget_sure_downsell() -> dict[str, np.ndarray]:
    probs = {h: _flat(h) for h in HEAD_LABELS}
    for head, label in (("cause", "budget_cut"), ("intent", "downsell"), ("hardship", "financial")):
        p = np.full(len(HEAD_LABELS[head]), 0.02)
        p[HEAD_LABELS[head].index(label)] = 0.9
        probs[head] = p / p.sum()
    return probs


@pytest.mark.parametrize(("text", "cause"), [
    # A filing or a frozen account alone states no business reason (the labelling conventions): ask.
    ("The company has entered receivership, so please stop the subscription.", "unknown"),
    ("Since the bankruptcy filing on Monday we must end every contract. Cancel ours.", "unknown"),
    ("Банк заблокував наш рахунок, тож просимо призупинити обслуговування.", "unknown"),
    ("Wir haben Insolvenz angemeldet und kündigen hiermit.", "unknown"),
    ("Estamos en concurso de acreedores; cancelen el servicio, por favor.", "unknown"),
    # ... but a customer who says they can no longer pay, or names a budget, gives the reason.
    ("We are in administration and simply cannot pay for the tool any more. Cancel it.", "budget_cut"),
    ("Після банкрутства ми не можемо більше платити за сервіс.", "budget_cut"),
    ("The insolvency means our budget is gone, so the plan has to end.", "budget_cut"),
    # and a cash crisis that is no filing keeps the head's reading.
    ("Cash flow is terrible this quarter, we have to cancel.", "budget_cut"),
])
def test_a_filing_alone_is_no_business_reason(text: str, cause: str) -> None:
    cues = load_cues(_paths()[1])
    dx = read_all(_budget_sure_downsell(), text, extract(text, None, service_aliases()), cues, {}, None, "en")
    assert dx.hardship == "financial"
    assert dx.root_cause == cause
    if cause == "unknown":
        assert dx.cause_candidates and dx.cause_candidates[0] == "budget_cut"

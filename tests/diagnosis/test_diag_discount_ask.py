"""A discount asked for as the price of a renewal is a cut in spend; a discount already had, one thanked
for, or one asked for with more seats is not."""

from __future__ import annotations

import pytest

from coach.accounts import load_account
from coach.diagnosis.classifier import diagnose


@pytest.mark.parametrize(("message", "intent", "pct"), [
    ("We're happy to sign for three more years if you give us a 25% discount on everything.", "downsell", 25),
    ("We will renew for two years, but only with 20% off.", "downsell", 20),
    ("We already get a 10% discount and we are happy, please renew.", "renewal", None),
    ("Thanks for giving us 10% off last year!", "feedback", None),
    ("Could you give us 15% off if we add 10 seats?", "expansion", None),
])
def test_a_discount_asked_for_a_renewal_is_a_downsell(message: str, intent: str, pct: float | None) -> None:
    d = diagnose(message, load_account("examples/acme-dental.json"))
    assert d.intent == intent
    assert d.reduction_pct == pct
    if intent == "downsell":
        assert d.kind == "acv_cut"

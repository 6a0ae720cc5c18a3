"""General offer forms met in the dev25/dev26 judged files (first author's voice, 2026-12-06 evening): each a
form, tested in words of our own, not a sentence of those files."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona


def _turn(policy: Policy, embedder, persona_id: str, text: str) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=False, previous_offer=None)


@pytest.mark.parametrize("text", [
    "Right, 90 seats at $8,100 a month, and in return the agreement is extended by 24 months.",
    "Fine: 90 seats for $8,100 a month, with 24 more months on the agreement in return.",
])
def test_in_return_names_the_exchange_of_an_offer(policy, embedder, text: str) -> None:
    # "in return" alone (not only "in return for") marks the commitment asked back: the sentence is the offer
    a = _turn(policy, embedder, "northwind-freight-seats", text)
    assert a.offer is not None and a.offer.offer["seats"] == 90 and a.offer.offer["term_extension_months"] == 24, a


def test_a_plan_laid_out_with_a_service_coming_off_is_priced_on_what_stays(policy, embedder) -> None:
    # "Here's a leaner mix: Content comes off ..." is the offer; the price is read against the list of what stays,
    # so $4,500 for SEO and PPC is a small discount, not 25% off the whole list
    a = _turn(policy, embedder, "harper-cole-spend",
              "Here's a leaner mix for you: Content comes off and the ads get more of the budget. That puts you "
              "at $4,500 a month, and I'd ask for a 24-month renewal.")
    assert a.offer is not None and a.offer.offer["services_kept"] == ["SEO", "PPC"], a
    assert all(c.passed for c in a.offer.checks if c.id == "discount-cap"), a.offer.checks


@pytest.mark.parametrize("text", [
    "Let's keep everything live and bring the price down to $15,000 a month for a 24-month extension.",
    "I can bring the whole package down to $15,000 a month if you extend by 24 months.",
])
def test_everything_kept_at_a_lower_price_is_a_discount_on_the_full_list(policy, embedder, text: str) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend", text)
    assert a.offer is not None and a.offer.offer["new_list_mrr"] is None, a
    assert any(c.id == "discount-cap" and not c.passed for c in a.offer.checks), a.offer.checks

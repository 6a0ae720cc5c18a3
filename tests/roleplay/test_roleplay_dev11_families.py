"""General rules met in the eleventh dev file of judged transcripts (none of these sentences is from a
transcript): a commitment named as a bare noun phrase after an offer ("A two-year renewal at that price.") is
that offer's term, not contract talk; the request said back with its numbers and taken on ("understood ...
let's work it out together") is an acknowledgment, not an offer, a plan or a trigger; a term asked for only
after the customer took the offer does not tie the concession."""

from __future__ import annotations

from coach.policy import Policy
from coach.roleplay import offers
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=first, previous_offer=previous)


_PREVIOUS = {"new_mrr": 3680.0, "seats": 32, "services_kept": None, "pause_months": None,
             "term_extension_months": None, "hardship": None, "requested_mrr": 3220.0, "new_list_mrr": None}


# --- the commitment named as the answer to "what would you want in return?" ---

def test_a_bare_commitment_after_an_offer_is_its_term(policy: Policy, embedder) -> None:
    for text in ["A three-year renewal at the reduced price, nothing else.",
                 "Only a 36-month extension on the new seat count.",
                 "Тільки продовження договору на 36 місяців за цією ціною."]:
        pid = "usmishka-seats" if "Т" in text[:2] else "acme-dental-seats"
        t = _turn(policy, embedder, pid, text, previous=_PREVIOUS)
        assert t.offer is not None and t.offer.offer["term_extension_months"] == 36, text
        assert not t.pushback, text


def test_a_bare_commitment_needs_an_offer_on_the_table(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "acme-dental-seats", "A 36-month extension at the reduced price.")
    assert t.offer is None or t.offer.offer.get("seats") is None  # nothing before it to amend
    t = _turn(policy, embedder, "acme-dental-seats", "An extension, would you consider it?", previous=_PREVIOUS)
    assert t.offer is None or not t.offer.offer.get("term_extension_months")  # a question, no length


# --- the request said back with its numbers and taken on ---

def test_the_request_said_back_and_taken_on_is_no_offer() -> None:
    for s in ["Understood, a 25% cut from March, and we'll figure it out together so it fits the clinic.",
              "Got it: 48 seats fewer from January, let's make sure the timing works right for you.",
              "Зрозуміло, мінус 30% з квітня — давайте подивимося, як зробити це правильно для вас."]:
        assert offers.accepts_request(s), s
        assert offers.offer_sentences([s]) == [], s
    for s in ["Understood, a 25% cut, and we'll figure it out together if we keep 30 seats.",
              "Understood, and I can offer 30 seats so it fits your budget."]:
        assert not offers.accepts_request(s), s


def test_taking_the_timing_on_sets_no_trigger(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "northwind-freight-seats",
              "Thanks for telling me early. Let's make sure March works right for the team. What's changed?", first=True)
    assert t.trigger is None or not t.trigger_concrete
    t = _turn(policy, embedder, "northwind-freight-seats", "I'll call you on 3 March to see how the hiring goes.")
    assert t.trigger_concrete


# --- a term asked for after the customer took the offer ---

def test_a_term_after_the_deal_does_not_tie_the_concession(policy: Policy, embedder) -> None:
    turns = ["Thanks for the heads-up. What's behind the 30%?",
             "Then let's keep 32 seats instead of 28, about $3,680 a month.",
             "Great. Oh, and would you be open to extending the agreement by three years as well?"]
    said = ["Our board cut the marketing budget by 20% for next year after two slow quarters, so I have to land "
            "at about $3,700 a month.",
            "Okay, that works for us. Please send it over in writing.",
            "No, I won't add years now."]
    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder, turns, recorded=said)
    status = {f.id: f.status for f in card.failure_modes}
    assert status["F3"] == "triggered"
    # asked before the customer took it, the same term ties it
    said[1], said[2] = "That could work. What would you need from us?", "Fine, three more years works for us."
    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder, turns, recorded=said)
    assert {f.id: f.status for f in card.failure_modes}["F3"] == "ok"

"""General rules met in the eleventh dev file of judged transcripts (none of these sentences is from a
transcript): a commitment named as a bare noun phrase after an offer ("A two-year renewal at that price.") is
that offer's term, not contract talk; the request said back with its numbers and taken on ("understood ...
let's work it out together") is an acknowledgment, not an offer, a plan or a trigger; a term asked for only
after the customer took the offer does not tie the concession."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import offers
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay

# An older dev file's families: run in CI (everything), kept out of the fast loop.
pytestmark = pytest.mark.slow


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
              "Thanks for telling me early. Let's make sure March works right for the team. What's changed?",
              first=True)
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


# --- the second dev-11 pass (none of these sentences is from a transcript) ---

def _offer(policy: Policy, embedder, persona_id: str, text: str, **kw) -> dict:
    t = _turn(policy, embedder, persona_id, text, **kw)
    assert t.offer is not None, text
    return t.offer.offer


def test_a_concession_hinted_at_with_no_numbers_is_a_vague_counter(policy: Policy, embedder) -> None:
    for pid, text in [("northwind-freight-seats", "We could maybe look at something off the price for a bit."),
                      ("northwind-freight-seats", "I could set you up with a lighter package for now and we "
                                                  "figure out the details later."),
                      ("technosfera-cancel", "Можливо, я зможу щось зробити щодо ціни для вас.")]:
        t = _turn(policy, embedder, pid, text)
        assert t.offer is None and t.vague_offer, text
        assert not offers.accepts_request(text), text
    # taking the request on, with nothing hinted, is still an acknowledgment
    assert offers.accepts_request("Trimming the seats is something we can sort out together.")


def test_a_vague_concession_then_a_deal_desk_check_is_still_given_free(policy: Policy, embedder) -> None:
    turns = ["Thanks for telling me. What's driving the change?",
             "Ouch. We could offer something like a lighter package for a while, and work out the rest later.",
             "Let me run it past Deal Desk and I'll come back to you with something."]
    said = ["We closed two depots and about 45 people left. Around 75 will still use the system.",
            "How much is that, in numbers?", "Okay, send it over."]
    card, _ = replay(get_persona("northwind-freight-seats"), policy, embedder, turns, recorded=said)
    assert {f.id: f.status for f in card.failure_modes}["F3"] == "triggered"
    assert {c.id: c.status for c in card.components}["counter"] == "partial"


def test_a_percentage_spoken_with_the_number_after_the_word(policy: Policy, embedder) -> None:
    assert offers.digits("Думаю, відсотків 15 виб'ю для вас.") == "Думаю, 15% виб'ю для вас."
    assert offers.digits("Знижка 15 відсотків") == "Знижка 15 відсотків"  # the usual order is left as it is
    o = _offer(policy, embedder, "technosfera-cancel", "Гадаю, відсотків 30 зможу дати, якщо керівник погодить.")
    assert o["new_mrr"] == round(5700 * 0.7, 2)
    # a bare percentage with no verb of giving is no offer ("Forty percent says something isn't working")
    t = _turn(policy, embedder, "harper-cole-spend", "Forty percent says something isn't working, so let's find it.")
    assert t.offer is None


def test_seats_set_aside_first_then_the_count_proposed(policy: Policy, embedder) -> None:
    o = _offer(policy, embedder, "acme-dental-seats", "Instead of 28 seats, let's keep 33. About $3,800 a month.")
    assert o["seats"] == 33
    o = _offer(policy, embedder, "acme-dental-seats", "Rather than 28 seats, we could go to 34 for two years.")
    assert o["seats"] == 34 and o["term_extension_months"] == 24


def test_a_smaller_cut_of_the_kind_asked_is_no_discount(policy: Policy, embedder) -> None:
    # "не на 25%, а на 10%, тобто 18 місць": the seats the smaller cut keeps, not 10% off the bill
    o = _offer(policy, embedder, "usmishka-seats",
               "Можу запропонувати скоротити не на 25%, а на 10%, тобто 18 місць, якщо продовжимо на два роки.")
    assert o["seats"] == 18 and o["new_mrr"] == round(2850 * 18 / 20, 2)
    # a spend cut of 25% rather than the half asked, on a longer term: a smaller package, not a discount
    t = _turn(policy, embedder, "meridian-retail-spend",
              "One idea: we could come down 25% instead of 50%, on a longer term.")
    assert t.offer is not None and t.offer.offer["term_extension_months"] == 24
    assert not t.offer.breaches, t.offer.checks


def test_one_service_kept_whole_is_a_smaller_package(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "meridian-retail-spend",
              "So from $19,950 to about $15,500 a month, keeping Personalisation intact, in return for a 24-month "
              "extension.")
    assert t.offer is not None and t.offer.offer["term_extension_months"] == 24
    assert not t.offer.breaches, t.offer.checks


def test_the_paused_months_added_to_the_agreement(policy: Policy, embedder) -> None:
    for pid, text in [("levada-pause",
                       "Пропоную так: ставимо все на паузу на чотири місяці, а договір продовжимо на стільки ж."),
                      ("peak-fitness-cancel", "I can pause everything for four months from February, and the four "
                                              "months go onto the end of the agreement.")]:
        t = _turn(policy, embedder, pid, text)
        assert t.offer is not None and t.offer.offer["pause_months"] == 4, text
        assert t.offer.offer["term_extension_months"] == 4, text


def test_keeping_the_package_while_refusing_is_no_counter(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "northwind-freight-seats",
              "Dropping seats now is a bad idea and I won't do it. Why not hold on to all 120 for the busy season?")
    assert t.offer is None and t.pushback


def test_a_quoted_search_term_is_no_legal_talk(policy: Policy, embedder) -> None:
    turns = ["I hear you. Before that, though: you now rank first for 'divorce lawyer near me', so a 40% cut "
             "would put that at risk.",
             "Fair, I'll stop. What were you hoping to see by now?"]
    said = ["I've heard the pitch.", "More leads, frankly."]
    card, _ = replay(get_persona("harper-cole-spend"), policy, embedder, turns, recorded=said)
    assert {c.id: c.status for c in card.components}["acknowledgment"] == "partial"
    assert {f.id: f.status for f in card.failure_modes}["F5"] != "triggered"
    assert {f.id: f.status for f in card.failure_modes}["F1"] == "triggered"


def test_short_thanks_for_the_news_and_understanding_words_acknowledge(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "harper-cole-spend",
              "Completely understand, Marcus, and I want to get this right with you. What's behind it?", first=True)
    assert t.acknowledgment and not t.pushback
    card, _ = replay(get_persona("usmishka-seats"), policy, embedder,
                     ["Зрозуміло, дякую, що повідомили. Можу запропонувати 17 місць, якщо продовжимо на два роки."],
                     recorded=["Добре."])
    assert {c.id: c.status for c in card.components}["acknowledgment"] == "met"

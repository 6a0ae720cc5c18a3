"""The counter component and F3 from general language, not from the judged transcripts' sentences:
numbers in words, seats taken off, one more year, counters with no numbers, a counter above what the
customer can pay. Phrasings written for this test."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay.analysis import analyse
from coach.roleplay.numbers import digits
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay


@pytest.mark.parametrize(("text", "expected"), [
    ("thirty-two seats for twenty-four more months", "32 seats for 24 more months"),
    ("fifteen percent off on a three-year renewal", "15 percent off on a 3-year renewal"),
    ("if you renew for another year", "if you renew for 1 more year"),
    ("Sixty one users", "61 users"),
    ("сімнадцять місць на двадцять чотири місяці", "17 місць на 24 місяці"),
    ("знижка п’ятнадцять відсотків, якщо підпишете ще на рік", "знижка 15 відсотків, якщо підпишете ще на 1 рік"),
    ("продовжимо на півтора року", "продовжимо на 18 місяців"),
    ("наша сім'я і одна людина", "наша сім'я і одна людина"),  # "сім'я" is a family, not a seven
])
def test_number_words_become_digits(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(("persona", "sentence", "seats", "term", "mrr"), [
    ("acme-dental-seats", "We could drop you to thirty-two seats if you sign on for another twenty-four months.",
     32, 24, 3680.0),
    ("acme-dental-seats", "I can take eight seats off, and in return you extend the agreement by two years.",
     32, 24, 3680.0),
    ("acme-dental-seats", "What if we keep 30 users and you renew for another year?", 30, 12, 3450.0),
    ("usmishka-seats", "Пропоную залишити сімнадцять місць, якщо ви продовжите договір на двадцять чотири місяці.",
     17, 24, 2422.5),
    ("usmishka-seats", "Можемо прибрати три місця в обмін на продовження на два роки.", 17, 24, 2422.5),
    ("usmishka-seats", "Можу дати знижку п'ятнадцять відсотків, якщо підпишете ще на рік.", None, 12, 2422.5),
    # the extension, not the whole commitment it makes
    ("acme-dental-seats", "We can go to 32 seats if you extend your agreement by 24 months, so it runs to 2029: "
     "a commitment of 34 months in all.", 32, 24, 3680.0),
])
def test_offers_in_words_are_priced(persona: str, sentence: str, seats: int | None, term: int, mrr: float,
                                    policy: Policy, embedder) -> None:
    p = get_persona(persona)
    a = analyse(sentence, p, policy, embedder=embedder, requested_mrr=reference(p, policy).requested_mrr)
    assert a.offer is not None, a
    o = a.offer.offer
    assert (o["seats"], o["term_extension_months"], o["new_mrr"]) == (seats, term, mrr)


DIAGNOSED = ["Thanks for flagging this, Dana, I'd rather hear it now than at renewal.",
             "What's changed on your side?", "Has the budget itself been cut?"]
SAID = ["Sure.", "It's been a tough year.", "Our board cut the marketing budget by 20% for next year."]


@pytest.mark.parametrize(("offer", "counter", "f3"), [
    # no numbers: a counter, but vague; F3 by whether something is asked back
    ("I can do a smaller seat count if you extend the term.", "partial", "ok"),
    ("Let me offer you a discount in exchange for a longer commitment.", "partial", "ok"),
    ("We could knock something off the price for you.", "partial", "triggered"),
    ("We could give you next month free.", "partial", "triggered"),
    # right-sized and tied to a term
    ("We could drop you to thirty-two seats if you sign on for another twenty-four months.", "met", "ok"),
    # a counter above what the customer can pay does not meet them
    ("We can go to 36 seats if you extend by 24 months.", "partial", "ok"),
    # a price cut with nothing asked back
    ("I can do thirty-two seats.", "partial", "triggered"),
    # breaking the discount cap
    ("I can do twenty-five percent off if you extend by two years.", "missed", "ok"),
])
def test_the_counter_is_judged_from_what_it_gives_and_asks(offer: str, counter: str, f3: str, policy: Policy,
                                                           embedder) -> None:
    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder, [*DIAGNOSED, offer],
                     recorded=[*SAID, "Let me think about it."])
    got = {c.id: c.status for c in card.components}
    assert got["diagnosis"] == "met"
    assert (got["counter"], {m.id: m.status for m in card.failure_modes}["F3"]) == (counter, f3), card.components[2]


def test_a_vague_offer_before_the_cause_is_an_offer_for_f2(policy: Policy, embedder) -> None:
    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder,
                     ["Thanks, Dana.", "I can do a smaller seat count if you extend the term."])
    f2 = {m.id: m for m in card.failure_modes}["F2"]
    assert f2.status == "triggered" and f2.evidence[0].turn == 2

"""When a judged transcript reaches a close (F4, and F2's "closes the case"), read from what was said: the
recorded customer lines decide whether the customer agreed or left (the persona's own lines and its
patience, not the scripted customer's guesses), thanks for an offer takes it, and the trainee ends the
talk with a refusal or a last word of pushback. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

import pytest

from coach.policy import Policy
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import closed_by, replay, says


@pytest.mark.parametrize(("persona_id", "lines", "accepted", "left"), [
    # acme-dental-seats tolerates one pushback; the second means they leave
    ("acme-dental-seats", ["I'm not asking for a debate, I'm telling you what our budget allows."], False, False),
    ("acme-dental-seats", ["I'm not asking for a debate, I'm telling you what our budget allows.",
                           "Look, if you're going to argue about the contract, I'll take this to the owners."],
     False, True),
    # technosfera-cancel tolerates two
    ("technosfera-cancel", ["Я питала про процедуру, а не про суперечку.",
                            "Саме тому ми й дивимося на інші варіанти."], False, False),
    # a rejected offer is not pushback: the talk goes on
    ("harper-cole-spend", ["That's a token gesture. It doesn't change the picture.",
                           "Don't tell me about the contract. Tell me why I should keep paying for this."],
     False, False),
    # the persona's acceptance, reworded
    ("acme-dental-seats", ["Okay, that works for us, please send it over to me in writing."], True, False),
    # the default leaving line
    ("harper-cole-spend", ["I don't think this is going anywhere. Please just process what I asked for."],
     False, True),
])
def test_recorded_lines_say_whether_the_customer_agreed_or_left(persona_id: str, lines: list[str], accepted: bool,
                                                                left: bool) -> None:
    assert closed_by(get_persona(persona_id), lines) == {"accepted": accepted, "left": left}


def test_a_line_is_matched_by_most_of_its_words_not_one() -> None:
    persona = get_persona("acme-dental-seats")
    assert says(persona, "I'm telling you what our budget allows, I'm not asking for a debate.", "pushback")
    assert not says(persona, "Our budget allows about $3,700.", "pushback")


def _f(persona_id: str, policy: Policy, embedder: Any, pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    card, _ = replay(get_persona(persona_id), policy, embedder, [t for t, _ in pairs], recorded=[c for _, c in pairs])
    return {f.id: f.status for f in card.failure_modes}


def test_a_customer_rejecting_an_offer_has_not_closed(policy: Policy, embedder: Any) -> None:
    f = _f("harper-cole-spend", policy, embedder, [
        ("Marcus, I hear you, and I want whatever we land on to make sense for you.", "Frankly, I expected more."),
        ("What would have to change for the spend to feel worth it?", "More leads, for a start."),
        ("Would 10% off for a 24-month renewal help?", "That's a token gesture. It doesn't change the picture."),
    ])
    assert f["F4"] == "not_reached"


def test_pushback_beyond_the_personas_patience_is_the_customer_leaving(policy: Policy, embedder: Any) -> None:
    f = _f("acme-dental-seats", policy, embedder, [
        ("Dana, seat cuts mid-term aren't something the agreement allows.",
         "I'm not asking for a debate, I'm telling you what our budget allows."),
        ("Your agreement runs to August 2027, so the seats stay at 40 until then.",
         "If you're going to argue about the contract, I'll have to take this to the owners."),
    ])
    assert f["F4"] == "triggered"


@pytest.mark.parametrize(("reply", "closed"), [
    ("Great, thanks. That was quicker than I thought.", True),
    ("Дякую, це дуже допоможе.", True),
    ("Thanks, but that isn't what I asked for.", False),
    ("Thanks. And what happens to our reports?", False),
])
def test_thanks_for_a_granted_request_takes_it(reply: str, closed: bool, policy: Policy, embedder: Any) -> None:
    f = _f("harper-cole-spend", policy, embedder, [
        ("Thanks for telling me, Marcus. I'll take 40% off your renewal as you asked.", reply)])
    assert (f["F4"] == "triggered") is closed
    assert f["F4"] in ("triggered", "not_reached")


def test_a_last_word_of_pushback_ends_the_talk_but_a_first_reply_does_not(policy: Policy, embedder: Any) -> None:
    first = [("Dana, you signed for 40 seats, and the agreement doesn't allow cuts mid-term.",
              "I'm not asking for a debate, I'm telling you what our budget allows.")]
    assert _f("acme-dental-seats", policy, embedder, first)["F4"] == "not_reached"
    ended = [("Thanks, Dana. What's behind the change?", "It's been a tough year for the practice."),
             ("I'm sorry, that's just how the agreement works: the seats stay as they are.", None)]
    assert _f("acme-dental-seats", policy, embedder, ended)["F4"] == "triggered"


def test_a_request_granted_after_a_counter_keeps_the_counter_and_gives_f3(policy: Policy, embedder: Any) -> None:
    persona = get_persona("northwind-freight-seats")
    turns = [("Hi Priya, 72 seats from January, got it. What's happened on your side?",
              "We closed the Leeds and Bristol depots in October and let about 45 drivers and dispatchers go."),
             ("So I'd suggest 88 seats instead of 72, with an extra 5% retention discount, and we extend by 24 months.",
              "That still leaves us paying for a lot of empty seats."),
             ("Ok, fair enough, I'll just do the 72 then. I'll process it for January.", "Thanks.")]
    card, exchanges = replay(persona, policy, embedder, [t for t, _ in turns], recorded=[c for _, c in turns])
    grant = exchanges[-1].analysis.offer
    assert grant is not None and grant.as_requested and grant.offer["seats"] == 72
    assert not grant.breaches  # the seats asked for, not a 40% discount on 120 seats
    status = {c.id: c.status for c in card.components}
    assert status["counter"] == "met"
    assert {f.id: f.status for f in card.failure_modes}["F3"] == "triggered"


def test_a_timing_question_after_the_offer_is_not_diagnosis(policy: Policy, embedder: Any) -> None:
    persona = get_persona("usmishka-seats")
    turns = [("Олено, добрий день! Зрозуміло, скорочення місць на 25%, знайдемо рішення.", "Рік був важкий."),
             ("Тоді пропоную скоротити з 20 до 17 місць і продовжити договір на два роки.", "А що це дасть?"),
             ("Лише продовження на два роки. Коли переглядатимуть бюджет?", "У червні.")]
    card, _ = replay(persona, policy, embedder, [t for t, _ in turns], recorded=[c for _, c in turns])
    assert {c.id: c.status for c in card.components}["diagnosis"] == "missed"


def test_an_offer_made_beside_pushback_stays_on_the_table(policy: Policy, embedder: Any) -> None:
    from coach.roleplay import customer
    from coach.roleplay.replay import step

    persona = get_persona("usmishka-seats")
    state = customer.new_state(persona)
    a, _ = step(persona, policy, embedder, state, "Пропоную 17 місць і продовження на два роки. Інакше ніяк, "
                "договір є договір.", first=False)
    assert a.offer is not None and a.pushback
    assert state.last_offer == a.offer.offer


@pytest.mark.parametrize(("term", "counter"), [("two more years", "partial"), ("twelve more months", "met")])
def test_a_commitment_longer_than_the_persona_signs_is_not_right_yet(term: str, counter: str, policy: Policy,
                                                                     embedder: Any) -> None:
    persona = get_persona("sunrise-bakeries-module")  # signs 12 months at most
    turns = [("Hi Tom, thanks for the note. What's been happening with Social Media?",
              "Nobody here has time to approve the posts, so half of them never go out. Jess left in the summer."),
             (f"Here's an idea: we suspend Social Media rather than cancel it, keep Local SEO and Email Campaigns, "
              f"and you commit to {term} on the rest.", None)]
    card, _ = replay(persona, policy, embedder, [t for t, _ in turns], recorded=[c for _, c in turns])
    assert {c.id: c.status for c in card.components}["counter"] == counter


def test_a_giveaway_first_then_the_right_counter_is_a_second_try(policy: Policy, embedder: Any) -> None:
    persona = get_persona("sunrise-bakeries-module")
    turns = [("Thanks, Tom. Before we change anything, what's going on with Social Media?",
              "Nobody here has time to approve the posts, so half of them never go out. Jess left in the summer."),
             ("Got it. I'll give you next month of Social Media free while you sort it out.",
              "I'd still be paying for posts nobody sends."),
             ("Fair. Then let's suspend Social Media until February with a 5% retention discount on the rest, in "
              "exchange for a 12-month lock on the remaining package.", "Suspending it makes sense.")]
    card, _ = replay(persona, policy, embedder, [t for t, _ in turns], recorded=[c for _, c in turns])
    assert {c.id: c.status for c in card.components}["counter"] == "partial"
    assert {f.id: f.status for f in card.failure_modes}["F3"] == "triggered"


@pytest.mark.parametrize(("turns", "counter"), [
    # a demo offered in the first reply, before the competitor is known
    ([("I understand, Iryna, and I'll help with the process if the decision is final. I can set up a meeting with "
       "our product manager to show what's new on the platform. What led you to this decision?",
       "We've been reviewing our whole tool stack this quarter.")], "partial"),
    # the side-by-side once DataHub and the CRM integration are known
    ([("Thanks for the notice, Iryna. What led you to this decision?",
       "DataHub offered us an integration with our CRM and a lower price, and the team liked their demo."),
      ("Then let me set up a side-by-side with our product manager: our integrations module on your real CRM "
       "data, next to what DataHub showed you. No discount talk.", "A fair comparison before we decide is fine.")],
     "met"),
])
def test_a_competitive_save_is_a_side_by_side_once_the_competitor_is_known(turns: list[tuple[str, str]], counter: str,
                                                                          policy: Policy, embedder: Any) -> None:
    card, _ = replay(get_persona("technosfera-cancel"), policy, embedder, [t for t, _ in turns],
                     recorded=[c for _, c in turns])
    assert {c.id: c.status for c in card.components}["counter"] == counter

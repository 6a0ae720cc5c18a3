"""General wording in English and Ukrainian that the scorer reads by its form, whatever the example bank
says: diagnosis questions (direct, indirect, "talk me through"), offers put in many ways ("one option",
"suppose we", "як щодо"), pauses ("on hold") and their month-for-month extension ("the term shifts by
the same period"), and follow-ups that need a contact or a time. Phrasings written for this test."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import moves
from coach.roleplay.analysis import analyse
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from tests.roleplay.test_roleplay_offers import offer_of


def _analyse(text: str, persona_id: str, policy: Policy, embedder, **kw):
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder,
                   requested_mrr=reference(persona, policy).requested_mrr, **kw)


@pytest.mark.parametrize("sentence", [
    "I'm curious what sits behind the timing.",
    "Would you mind telling me what changed for the clinic this year?",
    "Is it the cost, the results, or something else entirely?",
    "How many of the 40 logins are in use on a normal week?",
    "Walk me through how the owners reached this decision.",
    "I'd like to understand the reasons before we touch anything.",
    "Хотіла б зрозуміти, що стоїть за цим кроком.",
    "Поділіться, будь ласка, як команда зараз працює з системою.",
    "Чим зумовлене таке рішення: бюджетом чи результатами?",
])
def test_questions_about_the_situation_are_diagnosis(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "acme-dental-seats", policy, embedder)
    assert a.questions == [sentence] and a.topics


@pytest.mark.parametrize("sentence", [
    "Does that sound fair to you?",
    "Shall I send the amendment over today?",
    "Could we book a side-by-side with our product lead before you decide?",
    "Anything else I can help with?",
])
def test_questions_about_an_offer_or_a_next_step_are_not_diagnosis(sentence: str) -> None:
    assert not moves.asks_cause(sentence)


def test_a_question_that_proposes_a_dated_call_is_a_trigger(policy: Policy, embedder) -> None:
    a = _analyse("Shall I ring you in the second week of June, after your budget review?", "acme-dental-seats",
                 policy, embedder)
    assert not a.questions and a.trigger and a.trigger_concrete


@pytest.mark.parametrize("sentence", ["Let's see what fits.", "Talk me through the thinking behind it."])
def test_no_trigger_without_a_contact_or_a_time(sentence: str, policy: Policy, embedder) -> None:
    assert _analyse(sentence, "acme-dental-seats", policy, embedder).trigger is None


@pytest.mark.parametrize(("text", "expected"), [
    ("One option: 34 seats at the current rate, with the agreement extended by 24 months.",
     {"seats": 34, "term_extension_months": 24}),
    ("Suppose we trim it to 34 seats and lock in a two-year extension?", {"seats": 34, "term_extension_months": 24}),
    ("My recommendation would be 32 seats on a 24-month renewal.", {"seats": 32, "term_extension_months": 24}),
    ("There's room to bring it down to 30 seats on a new 24-month term.", {"seats": 30, "term_extension_months": 24}),
    ("Could you live with 34 seats if we add 24 months to the agreement?",
     {"seats": 34, "term_extension_months": 24}),
    ("Would you be open to 32 seats for another two years?", {"seats": 32, "term_extension_months": 24}),
    ("Як щодо 34 місць і продовження договору на два роки?", {"seats": 34, "term_extension_months": 24}),
    ("Готові знизити ціну на 10% за умови продовження на рік.", {"new_mrr": 4140.0, "term_extension_months": 12}),
])
def test_offers_put_in_many_ways(text: str, expected: dict) -> None:
    offer = offer_of(text)
    assert offer is not None
    assert {k: getattr(offer, k) for k in expected} == expected


@pytest.mark.parametrize("text", [
    "Rather than ending it, we could put everything on hold for two months and add those two months to the "
    "end of the agreement.",
    "How about a two-month pause? The contract end date simply moves out by two months.",
    "Можемо поставити все на паузу на два місяці, а договір подовжити на той самий строк.",
])
def test_a_pause_and_its_extension_said_in_other_words(text: str, policy: Policy, embedder) -> None:
    a = _analyse(text, "riverside-hotel-cancel", policy, embedder)
    assert a.offer is not None
    assert (a.offer.offer["pause_months"], a.offer.offer["term_extension_months"]) == (2, 2)


@pytest.mark.parametrize("sentence", [
    "I'll be in touch the moment your hiring freeze lifts.",
    "When the budget is approved I'll come back with options to scale back up.",
])
def test_a_hiring_freeze_or_scaling_back_up_is_no_concession(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "acme-dental-seats", policy, embedder)
    assert a.offer is None and a.vague_offer is None and a.trigger_concrete


@pytest.mark.parametrize("sentence", [
    "Are you sure about that? The clinic's bookings have never been better.",
    "Honestly, dropping it now would be a big mistake.",
    "I don't think you should cut anything this close to the busy season.",
    "You'd be giving up two years of progress.",
    "Ви точно впевнені? Результати тільки почали рости.",
    "Я б не радила цього робити саме зараз.",
])
def test_arguing_for_the_product_in_the_first_reply_is_pushback(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "acme-dental-seats", policy, embedder, first_turn=True)
    assert a.pushback


@pytest.mark.parametrize("sentence", [
    "The package is fixed for the length of the agreement.",
    "We don't do reductions mid-term.",
    "There's nothing I can change on the account, I'm afraid.",
    "Умови договору не дозволяють зменшення.",
    "Нічого не можу змінити, пакет фіксований.",
])
def test_refusing_any_change(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "acme-dental-seats", policy, embedder)
    assert a.refusal and a.pushback


@pytest.mark.parametrize("sentence", [
    "Okay, noted: fewer seats from next month.",
    "I'm glad you came to me before changing anything.",
    "That's completely fair given the year you've had.",
    "Бачу ваш запит, дякую, що написали заздалегідь.",
])
def test_acknowledging_in_other_words(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "acme-dental-seats", policy, embedder, first_turn=True)
    assert a.acknowledgment and not a.pushback


def test_a_refusal_in_the_first_reply_then_more_pushback_is_f5(policy: Policy, embedder) -> None:
    from coach.roleplay.replay import replay

    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder, [
        "A seat reduction isn't possible before the end of the term.",
        "I hear you, but rules are rules. I can take 5% off for three months.",
    ])
    assert {f.id: f.status for f in card.failure_modes}["F5"] == "triggered"


@pytest.mark.parametrize(("persona_id", "text"), [
    ("acme-dental-seats", "Fewer seats is completely doable, and we'll work it out together."),
    ("levada-pause", "Так, паузу можна зробити, я допоможу все оформити."),
    ("usmishka-seats", "Зменшити — можливо, давайте разом знайдемо, що вам підійде."),
    ("riverside-hotel-cancel", "Let's take the pressure off first and find the right setup together."),
])
def test_taking_the_request_on_is_an_acknowledgment_not_a_counter(persona_id: str, text: str, policy: Policy,
                                                                  embedder) -> None:
    a = _analyse(text, persona_id, policy, embedder, first_turn=True)
    assert a.offer is None and a.vague_offer is None and a.solution is None
    assert a.acknowledgment and not a.pushback


@pytest.mark.parametrize(("text", "expected"), [
    ("I'd suggest going from 40 seats to 34 rather than 28, with a 24-month extension.",
     {"seats": 34, "term_extension_months": 24}),
    ("Пропоную не 14 місць, а 16, і продовження на 24 місяці.", {"seats": 16, "term_extension_months": 24}),
    ("We could go to 34 seats, about $3,910 a month, well under your budget of $4,000, for two more years.",
     {"seats": 34, "new_mrr": 3910.0, "term_extension_months": 24}),
])
def test_the_number_proposed_not_the_one_set_aside(text: str, expected: dict) -> None:
    offer = offer_of(text)
    assert offer is not None
    assert {k: getattr(offer, k) for k in expected} == expected


def test_each_paused_month_added_is_the_extension(policy: Policy, embedder) -> None:
    a = _analyse("We can pause everything for three months instead. Each paused month is added to the end of the "
                 "agreement.", "riverside-hotel-cancel", policy, embedder)
    assert a.offer is not None and a.offer.offer["term_extension_months"] == 3


@pytest.mark.parametrize("sentence", [
    "Leaving now would trigger the early-exit fee in clause 12, I'm afraid.",
    "Wait a second, you'd be crazy to walk away after the last release.",
    "Нагадаю, що за пунктом 8 договору передбачена компенсація за дострокове припинення.",
    "Не поспішайте з рішенням, будь ласка.",
])
def test_threats_and_arguing_in_the_first_reply_are_hard_or_gentle_pushback(sentence: str, policy: Policy,
                                                                           embedder) -> None:
    a = _analyse(sentence, "corelytics-cancel", policy, embedder, first_turn=True)
    assert a.pushback


def test_a_question_about_the_competitor_is_diagnosis_not_a_save(policy: Policy, embedder) -> None:
    a = _analyse("Can I ask what the other tool does for you that we don't?", "corelytics-cancel", policy, embedder)
    assert a.questions and a.solution is None


def test_a_proposal_heading_carries_into_its_list() -> None:
    offer = offer_of("Here is my proposal:\n- SEO: removed\n- PPC and Social Media: unchanged\n"
                     "- Price: $3,100/month on a 24-month renewal")
    assert offer is not None
    assert (offer.services_kept, offer.new_mrr, offer.term_extension_months) == (["PPC", "Social Media"], 3100.0, 24)


def test_a_smaller_tier_is_a_change_of_scope_not_a_discount() -> None:
    offer = offer_of("We could move you to the starter tier at $4,000 a month if you renew for two years.")
    assert offer is not None and offer.new_list_mrr is not None  # the same discount on a smaller package


def test_the_commitment_named_in_the_next_turn_completes_the_offer(policy: Policy, embedder) -> None:
    from coach.roleplay.replay import replay

    card, _ = replay(get_persona("acme-dental-seats"), policy, embedder, [
        "Thanks for flagging it, Dana. What's behind the change?",
        "Understood. I can take you to 32 seats, which is $3,680 a month.",
        "Only a two-year renewal at that level, nothing else.",
    ], recorded=["Our board cut the marketing budget by 20% for next year.", "What would you need from us?", None])
    statuses = {f.id: f.status for f in card.failure_modes}
    assert statuses["F3"] == "ok"
    assert next(c for c in card.components if c.id == "counter").status == "met"


def test_a_turn_with_no_recorded_answer_closes_nothing(policy: Policy, embedder) -> None:
    from coach.roleplay.replay import replay

    card, _ = replay(get_persona("corelytics-cancel"), policy, embedder, [
        "Thanks for telling me, Sam. What's prompting the move?",
        "Before you decide, let me set up a side-by-side with our product lead on the integration you need.",
    ], recorded=["We're trialling BrightMetrics; it syncs with HubSpot.", None])
    assert {f.id: f.status for f in card.failure_modes}["F4"] == "not_reached"


def test_percent_off_beside_a_seat_count_is_a_discount() -> None:
    offer = offer_of("I can keep all 40 seats and knock 10% off the monthly fee.")
    assert offer is not None and (offer.seats, offer.new_mrr) == (40, 4140.0)


def test_the_pause_months_added_to_the_term_in_the_passive(policy: Policy, embedder) -> None:
    a = _analyse("Instead of cancelling, we pause for four months, and those months are added to the end of your "
                 "term.", "riverside-hotel-cancel", policy, embedder)
    assert a.offer is not None and a.offer.offer["term_extension_months"] == 4


@pytest.mark.parametrize("sentence", [
    "Demo with our product lead on 9 February, then a decision call on the 20th.",
    "If the new contract comes through, let me know and we'll add the seats back straight away.",
    "Якщо бюджет затвердять, наберу вас і повернемо місця.",
])
def test_dated_and_event_next_steps_are_triggers(sentence: str, policy: Policy, embedder) -> None:
    a = _analyse(sentence, "northwind-freight-seats", policy, embedder)
    assert a.trigger and a.trigger_concrete and not a.pushback


def test_a_threat_meets_the_decision_and_is_f5(policy: Policy, embedder) -> None:
    from coach.roleplay.replay import replay

    card, _ = replay(get_persona("corelytics-cancel"), policy, embedder, [
        "Just so you're aware, ending early carries a cancellation fee of two monthly payments under clause 14.",
        "What's prompting the decision?",
    ])
    assert {f.id: f.status for f in card.failure_modes}["F5"] == "triggered"


def test_a_refusal_with_no_figure_is_not_an_offer(policy: Policy, embedder) -> None:
    a = _analyse("Розумію, але паузу я зробити не можу.", "levada-pause", policy, embedder)
    assert a.offer is None and a.refusal


@pytest.mark.parametrize("sentence", ["I understand, but rules are rules.", "Я лише інформую, такі умови."])
def test_hiding_behind_the_rules_is_pushback(sentence: str, policy: Policy, embedder) -> None:
    assert _analyse(sentence, "acme-dental-seats", policy, embedder).pushback


def test_a_limit_on_a_concession_is_not_a_refusal(policy: Policy, embedder) -> None:
    a = _analyse("Більше за 10% я дати не можу, це межа.", "usmishka-seats", policy, embedder)
    assert not a.refusal

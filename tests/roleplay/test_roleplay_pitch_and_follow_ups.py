"""The dev-7 round's rules, by wording families a new trainee would also use, in English and Ukrainian:
arguing for the product in the first reply (its features, its roadmap, what other customers get, "try
it before you end") is pushback for F1, and a partial acknowledgment, never an acknowledgment by itself;
a promise to be in touch "soon" ("скоро зв'яжуся") is a rough follow-up; a meeting held on a date
("Проведемо 14 січня") sets the next contact; "isn't an option" refuses the change; offboarding steps put
on a date (the data export, the non-renewal, closing access) set no next contact; the request granted in
the past tense ("I've put the cancellation through", "я вже надіслав форму") or "як ви й просили" is the
full request granted. Phrasings written for this test, not taken from the judged transcripts."""

from __future__ import annotations

from typing import Any

import pytest

from coach.policy import Policy
from coach.roleplay import stance, timing
from coach.roleplay.analysis import analyse
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference


def _an(text: str, persona_id: str, policy: Policy, embedder: Any, **kw: Any):
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder,
                   requested_mrr=reference(persona, policy).requested_mrr, **kw)


# --- arguing for the product in the first reply ---

@pytest.mark.parametrize("sentence", [
    "Our reporting platform now has predictive alerts and a dozen new integrations.",
    "Our analytics tool is one of the deepest on the market.",
    "There's a brand new attribution dashboard launching next quarter.",
    "Have you seen our new forecasting module?",
    "Most of our clients see the lift in the second year.",
    "You're about to hit the good part.",
    "I'd really hold off on that.",
    "Local SEO takes six to nine months before it pays off.",
    "Dropping the ads now would really hurt your bookings.",
    "Try it for another month before you cancel.",
    "Наша платформа за цей рік дуже покращилася.",
    "Наш новий модуль має вбудовану аналітику.",
    "Мало хто на ринку пропонує такі звіти.",
    "А ви бачили наш новий дашборд?",
    "Більшість наших клієнтів бачать результат на другий рік.",
    "Варто спершу спробувати, перш ніж відмовлятися.",
])
def test_arguing_for_the_product_is_a_pitch(sentence: str) -> None:
    assert stance.pitches(sentence)


@pytest.mark.parametrize("sentence", [
    "Can I ask what's prompting the decision?",
    "Our engineer will walk your team through the integration side by side with theirs.",
    "Our team is here to help with whatever you decide.",
    "I'm sorry to hear that; let's find what fits your budget.",
    "Що стало причиною такого рішення?",
    "Наш інженер покаже інтеграцію на ваших даних.",
])
def test_questions_saves_and_empathy_are_no_pitch(sentence: str) -> None:
    assert not stance.pitches(sentence)


@pytest.mark.parametrize(("persona_id", "text"), [
    ("bright-smile-ppc", "Honestly, I'd hold off. Our PPC platform has smart bidding and call tracking built in."),
    ("harper-cole-spend", "I hear you, but SEO really needs a year or more before it pays off."),
    ("technosfera-cancel", "Розумію, але наша платформа дуже виросла за останній рік."),
    ("technosfera-cancel", "А ви бачили наш новий модуль звітів? Варто його спробувати, перш ніж щось завершувати."),
])
def test_a_pitch_in_the_first_reply_is_pushback(persona_id: str, text: str, policy: Policy, embedder: Any) -> None:
    a = _an(text, persona_id, policy, embedder, first_turn=True)
    assert a.pushback, text


def test_a_pitch_later_is_not_first_reply_pushback(policy: Policy, embedder: Any) -> None:
    a = _an("Our platform has a native CRM sync now; let me show it side by side on your data.",
            "technosfera-cancel", policy, embedder)
    assert not a.pushback


# --- follow-ups ---

@pytest.mark.parametrize(("sentence", "when"), [
    ("Я скоро вам зателефоную, подивимося, як справи.", "rough"),
    ("Найближчим часом зв'яжуся з вами.", "rough"),
    ("Проведемо зустріч 3 березня, перед вашим рішенням.", "dated"),
])
def test_follow_up_timing(sentence: str, when: str) -> None:
    assert timing.follow_up(sentence) and timing.timing(sentence) == when


def test_a_meeting_held_on_a_date_sets_the_next_contact(policy: Policy, embedder: Any) -> None:
    a = _an("Проведемо 20 січня, за тиждень до вашого рішення.", "technosfera-cancel", policy, embedder)
    assert a.trigger and a.trigger_concrete


@pytest.mark.parametrize("sentence", ["Pausing now isn't an option, I'm afraid.",
                                      "Ending early is not an option under the agreement."])
def test_not_an_option_refuses_the_change(sentence: str) -> None:
    assert stance.REFUSES_CHANGE.search(sentence)


@pytest.mark.parametrize(("persona_id", "text"), [
    ("corelytics-cancel", "Once the form is signed we'll schedule the data export for the end of the term."),
    ("corelytics-cancel", "I'll book the non-renewal for the end of March."),
    ("technosfera-cancel", "Наприкінці строку закриємо доступи і вивантажимо ваші дані."),
])
def test_offboarding_steps_on_a_date_set_no_next_contact(persona_id: str, text: str, policy: Policy,
                                                         embedder: Any) -> None:
    a = _an(text, persona_id, policy, embedder)
    assert not (a.trigger_concrete or a.trigger_loose), a.trigger


def test_a_call_beside_the_offboarding_still_sets_the_next_contact(policy: Policy, embedder: Any) -> None:
    a = _an("We'll schedule the data export, and I'll call you in the first week of March when the new "
            "vendor is live.", "corelytics-cancel", policy, embedder)
    assert a.trigger_concrete


# --- the request granted, said as done ---

@pytest.mark.parametrize(("persona_id", "text"), [
    ("riverside-hotel-cancel", "Okay. I've put the cancellation through for all three services from next month."),
    ("peak-fitness-cancel", "We've sent over the cancellation form, so it ends with the quarter."),
    ("technosfera-cancel", "Я вже надіслала вам форму про непродовження, гарного дня."),
    ("usmishka-seats", "Добре, зроблю 15 місць, як ви й просили."),
])
def test_the_request_granted_as_done_is_no_counter(persona_id: str, text: str, policy: Policy, embedder: Any) -> None:
    from coach.roleplay.replay import replay
    card, _ = replay(get_persona(persona_id), policy, embedder, ["Thanks for telling me.", text],
                     recorded=["Yes.", "Thank you."])
    modes = {f.id: f.status for f in card.failure_modes}
    assert modes["F3"] == "triggered", text

"""General rules met in the twenty-third dev file of judged transcripts, written in the first author's voice (none of
these sentences is from a transcript): "nothing until the test is done" and "only the signature" answer "what do you
need from us?"; the Ukrainian steps for ending sent on while asking why are no grant; "give you exactly what you asked
for" and "зробимо, як ви просите" grant the request (with an extension too: counter missed, F3 triggered, the
first-author family's convention); "give me a shout when you want to restart" leaves the next contact to the
customer; a question clarifying the customer's words ("when you say ...") sets no trigger; Google "reviews" are no
review meeting; the paperwork for a plan already agreed is that plan's, not the request granted; "stick with it", "it takes months to
mature" and "кращого ви не знайдете" argue for the product; a curt "Noted, Tom." before a question is a thin
acknowledgment."""

from __future__ import annotations

import pytest

from coach.roleplay import analysis, scorer, stance, timing
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay
from tests.roleplay.test_roleplay_dev21_families import _status

# --- "nothing until ...", "only the signature" ---

@pytest.mark.parametrize("text", [
    "Nothing until the trial is finished.",
    "Nothing before the pilot review.",
    "До пілоту — нічого.",
    "Нічого, поки не закінчиться тест.",
])
def test_nothing_until_a_step_answers_the_question(text: str) -> None:
    assert analysis._NOTHING_UNTIL.match(text)


@pytest.mark.parametrize("text", [
    "Only a signature on the renewal.",
    "Just your signature on the two-year extension.",
    "Лише підпис під продовженням.",
])
def test_only_the_signature_is_the_exchange(text: str) -> None:
    assert analysis._ONLY_SIGNATURE.match(text)


@pytest.mark.parametrize("text", [
    "Nothing, the contract stays as it is.",
    "Only the signature without any change.",
    "Nothing I can do until renewal, I'm afraid we can't change it.",
])
def test_a_refusal_is_not_the_exchange(text: str) -> None:  # near misses
    assert not analysis._ONLY_SIGNATURE.match(text)
    assert not analysis._NOTHING_UNTIL.match(text) or analysis._NEGATED.search(text)


def test_nothing_until_the_trial_is_no_refusal(policy, embedder) -> None:
    persona = get_persona("corelytics-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Sam, thanks for the heads-up. What's behind the decision?",
        "Is another vendor in the picture, and what do they do well?",
        "Here's what I'd suggest: our solutions engineer builds the sync on your own data and we compare it with "
        "BrightMetrics side by side. If we meet the bar, I'd ask you to renew for 24 months.",
        "Nothing until the comparison is done. I'll call you on 20 January, before your decision.",
    ], recorded=["We've been reviewing our tools.",
                 "BrightMetrics offered us native HubSpot sync at a lower price.",
                 "What would I have to sign?", "Fine."])
    status = _status(card)
    assert status["F5"] == "ok" and status["F4"] == "ok", card


# --- the Ukrainian steps for ending sent on while asking why ---

def test_the_steps_sent_while_asking_why_are_no_grant(policy, embedder) -> None:
    persona = get_persona("technosfera-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Ірино, дякую, що сказали заздалегідь. Звісно, надішлю вам порядок розірвання. А що стоїть за рішенням?",
    ], recorded=["Цього кварталу ми переглядаємо всі інструменти."])
    status = _status(card)
    assert status["F2"] != "triggered" and status["F3"] != "triggered", card


def test_the_steps_sent_with_no_question_still_close(policy, embedder) -> None:  # near miss
    persona = get_persona("technosfera-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Ірино, добре. Надішлю вам порядок завершення сьогодні.",
    ], recorded=["Дякую."])
    assert _status(card)["F2"] == "triggered", card


# --- the request granted in so many words (convention: with an extension, still counter missed + F3) ---

@pytest.mark.parametrize("text", [
    "The easiest thing is to give you exactly what you asked for.",
    "Тоді зробимо, як ви просите.",
    "Зроблю так, як ви хочете.",
])
def test_what_you_asked_for_grants_the_request(text: str) -> None:
    assert analysis._GRANT.search(text)


def test_the_full_request_granted_with_an_extension_is_no_exchange(policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, [
        "Dana, thanks for telling me early. What's behind the change?",
        "Are fewer people using it, or the same team?",
        "Frankly, the easiest route is to give you exactly what you asked for: 28 seats from January, and a "
        "24-month extension of the agreement on our side.",
    ], recorded=["Our board cut the marketing budget by 20%.", "The team isn't shrinking.", "Okay."])
    status = _status(card)
    assert status["counter"] == "missed" and status["F3"] == "triggered", card


def test_a_question_about_what_they_asked_for_grants_nothing() -> None:  # near miss
    assert not analysis._GRANT.search("Can you tell me what you asked the board for?")


# --- the next contact left to the customer ---

@pytest.mark.parametrize("text", [
    "Just give me a shout when you want to restart.",
    "Drop me a line whenever you decide to come back.",
    "Напишіть, коли захочете відновити.",
])
def test_the_customer_left_to_come_back_is_no_time(text: str) -> None:
    assert timing.timing(text) == "none"


def test_a_call_when_they_reopen_is_still_an_event() -> None:  # near miss
    assert timing.timing("I'll call you when you reopen in March.") == "dated"


# --- a clarifying question, and Google reviews ---

def test_a_clarifying_question_sets_no_trigger(policy, embedder) -> None:
    persona = get_persona("bright-smile-ppc")
    card, _ = replay(persona, policy, embedder, [
        "Olivia, thank you for telling me. What results were you expecting?",
        "When you say they're everywhere on Google, is it the ads, or the map listings and reviews?",
    ], recorded=["Nine thousand dollars and five patients.", "I just don't see what we get."])
    assert _status(card)["triggers"] == "missed", card


@pytest.mark.parametrize("text", ["reviews and location pages", "more Google reviews"])
def test_reviews_are_no_review_meeting(text: str) -> None:
    assert not timing.follow_up(text)


@pytest.mark.parametrize("text", ["Let's review the numbers in June.", "We'll set up quarterly reviews."])
def test_a_review_is_still_a_follow_up(text: str) -> None:  # near misses
    assert timing.follow_up(text)


# --- the paperwork for a plan already agreed ---

def test_the_paperwork_after_a_plan_is_not_the_request_granted(policy, embedder) -> None:
    persona = get_persona("bright-smile-ppc")
    card, _ = replay(persona, policy, embedder, [
        "Olivia, thank you, I'd rather hear it now. What results were you expecting, and what have you had?",
        "Then my suggestion is to move the PPC budget into local search for the same monthly total, judged on new "
        "patients.",
        "Great, I'll get the paperwork started. I'll call you on 3 March to go through the new patient numbers.",
    ], recorded=["Nine thousand dollars and five patients, while the practice down the road is all over Google.",
                 "If we review the numbers together, I can live with that.", "Fine."])
    status = _status(card)
    assert status["F3"] != "triggered" and status["counter"] != "missed", card


def test_the_paperwork_with_no_plan_before_grants(policy, embedder) -> None:  # near miss
    persona = get_persona("bright-smile-ppc")
    card, _ = replay(persona, policy, embedder, [
        "Olivia, of course. Great, I'll get the paperwork started.",
    ], recorded=["Thanks."])
    assert _status(card)["counter"] == "missed", card


# --- arguing for the product: "stick with it", "it takes months to mature", "you won't find better" ---

@pytest.mark.parametrize("text", [
    "I'd really urge you to stick with it for another quarter.",
    "Give it a few more weeks and it'll come good.",
    "SEO usually takes six to nine months to pay off.",
    "Кращого сервісу за ці гроші ви не знайдете.",
    "А ви точно все прорахували?",
])
def test_the_product_argued_for_is_pushback(text: str) -> None:
    assert stance.ARGUE.search(text)


@pytest.mark.parametrize("text", [
    "We can stick with the current plan if that suits you.",
    "Ви знайдете все в листі.",
    "It takes a minute to set up.",
])
def test_plain_words_do_not_argue(text: str) -> None:  # near misses
    assert not stance.ARGUE.search(text)


def test_stick_with_it_in_the_first_reply_is_f1(policy, embedder) -> None:
    persona = get_persona("bright-smile-ppc")
    card, _ = replay(persona, policy, embedder, [
        "I hear you, Olivia. Campaigns like this take months to mature, so I'd encourage you to stick with it.",
    ], recorded=["So I keep paying for nothing?"])
    status = _status(card)
    assert status["F1"] == "triggered" and status["acknowledgment"] != "met", card


# --- a curt note of the request before the question stays thin ---

@pytest.mark.parametrize("text", ["Noted, Priya.", "OK Sam, can do.", "Прийнято, Олено."])
def test_a_curt_note_is_curt(text: str) -> None:
    assert scorer._CURT.match(text)


@pytest.mark.parametrize("text", ["Noted, and thank you for telling me early.", "Okay, Lena, noted, and no hard feelings."])
def test_a_note_with_words_for_the_customer_is_not(text: str) -> None:  # near misses
    assert not scorer._CURT.match(text)


def test_a_curt_note_then_a_question_is_a_thin_acknowledgment(policy, embedder) -> None:
    persona = get_persona("sunrise-bakeries-module")
    card, _ = replay(persona, policy, embedder, ["Noted, Tom. Why is that?"],
                     recorded=["We just don't get much out of it."])
    assert _status(card)["acknowledgment"] == "partial", card

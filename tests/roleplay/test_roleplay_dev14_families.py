"""General rules met in the fourteenth dev file of judged transcripts (none of these sentences is from a
transcript): an appointment named by weekday and date is a next contact; the date a change starts ("from
January") is no trigger; arguing with the customer's reason sets no trigger; the price kept in a save is no
refusal; a question about the customer's limit ("a line you need to stay under") is no refusal; a plan put as
"here's a shape: we keep ... and suspend ..." and "we stop the X line" are offers; "what about 30 seats?"
proposes; "isn't something I can just switch on" refuses, offers nothing; keeping every seat on a
recommendation is insisting, no counter; "you signed for ... as one package" is contract talk; the month-for-month
extension said as "each month of the pause adds a month" or "the agreement extended by"; the term's end date
beside the offboarding steps is the process asked for; a save promised as "pull something together" is vague."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import analysis, stance
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=first, previous_offer=previous)


# --- an appointment: a weekday with its date ---

@pytest.mark.parametrize(("persona", "text"), [
    ("corelytics-cancel", "Thursday 21 January, a week before you decide. I'll bring the product team."),
    ("corelytics-cancel", "Monday, February 8th works on our side; our analyst will join."),
    ("technosfera-cancel", "Четвер, 21 січня, ще до вашого рішення."),
    ("technosfera-cancel", "Порівняння пропоную в п'ятницю, 15 січня, на ваших даних."),
])
def test_an_appointment_with_weekday_and_date_is_a_dated_trigger(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.trigger is not None and a.trigger_concrete, a


def test_the_appointment_pattern() -> None:
    assert analysis._APPOINTMENT.search("see you Tuesday, March 3rd")
    assert analysis._APPOINTMENT.search("в середу, 10 лютого")
    assert not analysis._APPOINTMENT.search("we work Monday to Friday")


# --- the start of a change is no next contact ---

@pytest.mark.parametrize(("persona", "text"), [
    ("meridian-retail-spend", "We keep Commerce Search whole and switch off Personalisation from February."),
    ("usmishka-seats", "Звісно, подивимося, як зменшити рахунок з наступного місяця."),
])
def test_a_change_dated_by_its_start_sets_no_trigger(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert not a.trigger_concrete, a


def test_the_start_date_only_rule() -> None:
    assert analysis._dated_from_only("we drop the module from March")
    assert not analysis._dated_from_only("I'll call you from March")  # a next contact named
    assert not analysis._dated_from_only("we drop the module from March and review it in June")


# --- arguing with the customer's reason ---

@pytest.mark.parametrize("text", [
    "Honestly, nine enquiries in four months is actually pretty good for a practice your size.",
    "Your open rate is well above the industry benchmark.",
])
def test_arguing_with_the_reason_is_arguing_and_no_trigger(policy, embedder, text: str) -> None:
    assert stance.ARGUE.search(text)
    a = _turn(policy, embedder, "harper-cole-spend", text)
    assert a.trigger is None, a


def test_you_signed_for_a_package_is_contract_talk(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "That is a lot, Marcus. You signed up for all three services together, and the price was set on that.",
              first=True)
    assert a.pushback, a


# --- the price kept in a save; a question about the customer's limit ---

@pytest.mark.parametrize(("persona", "text"), [
    ("corelytics-cancel", "No discount tricks, just the product on your data."),
    ("technosfera-cancel", "Ціни не змінюємо, показуємо інтеграцію."),
])
def test_the_price_kept_in_a_save_is_no_refusal(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert not a.refusal and not a.pushback, a


def test_a_question_about_the_customers_limit_is_no_refusal() -> None:
    assert not stance.REFUSES_CHANGE.search("Is there a ceiling the board wants you to stay below?")
    assert stance.REFUSES_CHANGE.search("The seats have to stay.")


# --- plans and offers ---

def test_a_shape_put_forward_after_a_colon_is_an_offer(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend",
              "Here's a plan that protects search: we keep Commerce Search and Analytics and suspend "
              "Personalisation. That puts you at $12,950 a month, with a 24-month extension.")
    assert a.offer is not None and a.offer.offer["services_kept"] == ["Commerce Search", "Analytics"], a


def test_stopping_a_service_line_removes_it(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "Here's a scope that fits: we stop the Content work and keep SEO and PPC. That takes you to $4,500 a "
              "month in return for a 24-month renewal.")
    assert a.offer is not None and "Content" not in (a.offer.offer["services_kept"] or []), a


def test_what_about_with_figures_proposes(policy, embedder) -> None:
    a = _turn(policy, embedder, "acme-dental-seats",
              "What about 31 seats rather than 28? That lands at $3,565 a month.")
    assert a.offer is not None and a.offer.offer["seats"] == 31, a


def test_a_cut_named_and_refused_is_no_offer(policy, embedder) -> None:
    a = _turn(policy, embedder, "acme-dental-seats", "Dropping 12 seats is not something we can just do mid-term.",
              first=True)
    assert a.offer is None and a.pushback, a


@pytest.mark.parametrize("text", [
    "I'd honestly recommend keeping all 40 seats for now.",
    "I really think you should keep the 120 seats; it's the better deal.",
])
def test_keeping_every_seat_on_a_recommendation_is_insisting(policy, embedder, text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text)


# --- the pause's month-for-month extension ---

@pytest.mark.parametrize(("persona", "text"), [
    ("levada-pause", "Пропоную паузу на три місяці, з грудня по лютий. Кожен місяць паузи подовжує договір на "
                     "місяць."),
    ("peak-fitness-cancel", "We pause Paid Social and SEO for five months, and every month paused adds a month "
                            "to the agreement."),
])
def test_each_paused_month_adding_a_month_is_the_extension(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.offer is not None and a.offer.offer["pause_months"] and \
        a.offer.offer["term_extension_months"] == a.offer.offer["pause_months"], a


# --- the process asked for; a vague save ---

def test_the_term_end_beside_the_offboarding_steps_is_no_pushback(policy, embedder) -> None:
    a = _turn(policy, embedder, "corelytics-cancel",
              "Sure, Sam, glad to take you through the steps. Your contract ends on 31 March 2027. Send the notice "
              "from the account owner and we'll confirm the end date with you.", first=True)
    assert not a.pushback, a
    assert analysis.offboards("We will confirm the end date and help you export the reports.")
    assert not analysis.offboards("I'll cancel it as you asked and confirm the end date.")


def test_a_save_promised_as_something_pulled_together_is_vague(policy, embedder) -> None:
    a = _turn(policy, embedder, "corelytics-cancel",
              "We'll pull something together to show you we're as good as them.")
    assert a.vague_save, a

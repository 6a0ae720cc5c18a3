"""General rules met in the tenth dev file of judged transcripts (none of these sentences is from a
transcript): disclaiming pushback or conceding the customer's point is not pushback; small talk and
questions about carrying the request out are not diagnosis; warm words or a pleasantry that never name
the request are a thin acknowledgment; contract terms after a mere courtesy miss it; arguing that it is
too early, that the data says it works or that the decision is hasty is F1; guilt in "I'd hate to see it",
"don't be surprised when ..." is F5; a question or a bill restarting on a date is no trigger; explaining
the notice and export steps processes a cancellation; month ranges with a day number; a unit price
beside the monthly bill; a pause floated with no length and then replaced is no free concession."""

from __future__ import annotations

from datetime import date

import pytest

from coach.policy import Policy
from coach.roleplay import customer, moves, offers, stance, timing
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import closed_by, replay

# An older dev file's families: run in CI (everything), kept out of the fast loop.
pytestmark = pytest.mark.slow


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder, requested_mrr=None, first_turn=first,
                   previous_offer=previous)


def _card(policy: Policy, embedder, persona_id: str, turns: list[str], said: list[str]):
    card, _ = replay(get_persona(persona_id), policy, embedder, turns, recorded=list(said))
    return {c.id: c.status for c in card.components}, {f.id: f.status for f in card.failure_modes}


# --- pushback disclaimed, the customer's point conceded ---

def test_disclaiming_pushback_is_not_arguing() -> None:
    for s in ["Cutting the budget by a third is a big step, and I'd like to understand it rather than push back.",
              "I'm not going to push back on this, I just want to get it right."]:
        assert not stance.ARGUE.search(s), s
    assert stance.ARGUE.search("I have to push back here: this is the wrong moment to cut.")
    for s in ["Eight leads in a quarter is not good enough, and I won't defend it.",
              "I'm not going to dress that up: the campaign underdelivered.",
              "Чесно, не буду це прикрашати: результат слабкий."]:
        assert stance.CONCEDES.search(s), s


def test_conceding_the_point_leaves_the_acknowledgment_met(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "bright-smile-ppc", "Three bookings for six thousand dollars isn't good enough, "
              "and I won't defend it. What were the ads meant to bring in?", first=True)
    assert not t.pushback


# --- small talk and logistics are not diagnosis ---

def test_small_talk_questions_ask_nothing_about_the_cause(embedder) -> None:
    for s in ["How's the spring season treating the team?", "How are the shops doing this summer, by the way?",
              "Як у вас, багато клієнтів перед святами?"]:
        [got] = moves.classify([s], embedder)
        assert got.topic is None, (s, got.label)
    [real] = moves.classify(["What's changed on your side since the summer?"], embedder)
    assert real.topic is not None


def test_questions_about_carrying_the_request_out_are_not_diagnosis() -> None:
    for s in ["Which modules would you like to switch off, and from which month?",
              "Should the invoices keep going to the same billing contact?",
              "З якої дати вимикаємо і кому надіслати рахунок?",
              "Які саме три ліцензії прибрати?"]:
        assert moves.logistics(s), s
    assert not moves.logistics("Which part of the work stopped paying off for you, and why?")


def test_an_imperative_after_then_is_a_question() -> None:
    assert moves.is_question("Then tell me what stopped working for you.")
    assert moves.is_question("So walk me through what changed.")


# --- the acknowledgment in the customer's terms ---

def test_warm_words_that_never_name_the_request_are_thin(policy: Policy, embedder) -> None:
    comps, modes = _card(policy, embedder, "harper-cole-spend", [
        "These talks are never fun, Marcus, and I'm on your side, whatever happens.",
    ], ["So can you do it or not?"])
    assert comps["acknowledgment"] == "partial" and modes["F1"] == "ok"
    comps, _ = _card(policy, embedder, "usmishka-seats", ["Олено, я вас чую, зараз у всіх складні часи."],
                     ["То можна чи ні?"])
    assert comps["acknowledgment"] == "partial"


def test_a_pleasantry_and_small_talk_are_thin(policy: Policy, embedder) -> None:
    comps, _ = _card(policy, embedder, "northwind-freight-seats", [
        "Hello Priya, lovely to hear from you! How's the new year treating the depots?",
    ], ["Fine. About the seats?"])
    assert comps["acknowledgment"] == "partial"


def test_contract_terms_after_a_courtesy_miss_the_acknowledgment(policy: Policy, embedder) -> None:
    comps, modes = _card(policy, embedder, "northwind-freight-seats", [
        "Sure thing, Priya. Worth knowing, though: your subscription ties you to 120 seats until 2028, and "
        "mid-term amendments are rarely approved.",
    ], ["I'm not paying for people who have left."])
    assert comps["acknowledgment"] == "missed" and modes["F1"] == "triggered"


# --- arguing for the product, guilt ---

def test_arguing_it_is_too_early_or_hasty_is_pushback() -> None:
    for s in ["Four months is really early for SEO.", "The numbers show it's working, honestly.",
              "Скасовувати зараз — поспішне рішення.", "It feels like a rash decision to me."]:
        assert stance.ARGUE.search(s), s
    for s in ["Campaigns need time to learn and optimise.", "Your clicks are up 25% since March.",
              "Our reporting is ahead of everyone in the market.", "Наш сервіс досі попереду всіх конкурентів."]:
        assert stance.pitches(s), s


def test_guilt_in_polite_words() -> None:
    for s in ["I'd hate to see all that effort wasted.", "Don't be surprised if the bookings dip afterwards.",
              "The team will be gutted to hear this.", "Ми стільки часу вклали у ваш проєкт.",
              "Не дивуйтеся потім, що продажі впадуть.", "Мені було б шкода це бачити."]:
        assert stance.GUILT.search(s), s
    assert not stance.GUILT.search("I'm so sorry to hear about the flood.")


# --- triggers ---

def test_a_question_or_a_billing_restart_sets_no_trigger(policy: Policy, embedder) -> None:
    q = _turn(policy, embedder, "sunrise-bakeries-module",
              "Do you want the newsletters queued for this week to still go out?")
    assert q.trigger is None or not q.trigger_concrete
    b = _turn(policy, embedder, "riverside-hotel-cancel",
              "Let's pause all three services from December to the end of February, and each paused month is added "
              "to the end of the agreement. Billing resumes in March, and I'll put that in an email.")
    assert not b.trigger_concrete
    meet = _turn(policy, embedder, "corelytics-cancel", "Could we run the comparison on 20 January, before you decide?")
    assert meet.trigger_concrete


def test_winding_the_account_up_on_a_date_is_no_trigger(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "peak-fitness-cancel", "Then we'll wind things down at the end of March.")
    assert not t.trigger_concrete


# --- closes and grants ---

def test_explaining_notice_and_export_processes_the_cancellation(policy: Policy, embedder) -> None:
    comps, modes = _card(policy, embedder, "corelytics-cancel", [
        "Sure, Sam. Just email us formal notice before the term ends, and we'll export all your reports first.",
        "Glad to help. Take care!",
    ], ["Thanks, that's all.", "Bye."])
    assert modes["F2"] == "triggered" and modes["F3"] == "triggered" and comps["counter"] == "missed"


def test_a_customer_who_threatens_to_leave_and_then_answers_did_not_leave() -> None:
    persona = get_persona("acme-dental-seats")
    leave = customer.lines_for(persona, "leave")[0].format_map(customer._values(persona))
    fact = next(f.text for f in persona.facts if f.root)
    assert closed_by(persona, [leave])["left"]
    assert not closed_by(persona, [leave, fact])["left"]  # the talk went on: they told the trainee why


# --- numbers ---

def test_a_pause_range_with_a_day_number_counts_from_its_own_start() -> None:
    today = date(2026, 11, 21)
    assert timing.months_through("paused from the 1st of December through February; billing from March",
                                 today) == 3
    assert timing.months_through("пауза з 1 грудня до кінця лютого, а оплата з березня", today) == 3


def test_a_unit_price_beside_the_monthly_bill(policy: Policy) -> None:
    acct = get_persona("northwind-freight-seats").account
    x = offers.extract(["We go to 90 seats, so each licence goes from $95 to $88 and you'd pay $7,920 a month, "
                        "on a 24-month extension."], acct)
    assert x.new_mrr == 7920 and x.seats == 90
    y = offers.extract(["Let's size it at 78 seats: your 74 drivers plus a small buffer, on a 24-month extension."],
                       acct)
    assert y.seats == 78


def test_ukrainian_what_if_with_not_by_but_by_is_an_offer() -> None:
    acct = get_persona("usmishka-seats").account
    x = offers.extract(["А якщо скоротити не на 5 місць, а на 2, і продовжити договір на два роки?"], acct,
                       asked_cut=5)
    assert x.seats == acct.seats - 2 and x.term_months == 24


def test_the_ask_named_as_a_signal_is_no_offer() -> None:
    assert offers.offer_sentences(["A 30% reduction is a serious signal, and I'd rather understand it first."]) == []


def test_a_pause_floated_without_a_length_then_replaced_gives_nothing_away(policy: Policy, embedder) -> None:
    _, modes = _card(policy, embedder, "sunrise-bakeries-module", [
        "Of course, Tom. How about we pause Social Media for a bit instead of dropping it?",
        "What's behind wanting to stop it?",
        "So I'd suggest this: we suspend Social Media from next month, take 5% off Local SEO and Email, and lock "
        "the remaining package for 12 months.",
    ], ["Maybe.", "Nobody has time to approve the posts since Jess left.", "That makes sense. Let's do that."])
    assert modes["F3"] == "ok"


def test_the_request_said_back_is_acknowledged_in_its_terms(policy: Policy, embedder) -> None:
    comps, _ = _card(policy, embedder, "harper-cole-spend", [
        "Right, Marcus, a 35% cut for the new term. Fine by me.",
    ], ["Good."])
    assert comps["acknowledgment"] == "met"

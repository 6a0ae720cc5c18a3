"""General rules met in the seventeenth dev file of judged transcripts (none of these sentences is from a
transcript): the month-for-month extension with the agreement named between the month and the verb ("за кожен
місяць перерви строк подовжується на місяць", "for every month on pause the contract runs a month longer"); the
seats said to stay ("remove six and keep 34", "приберемо три й залишимо 17") are the seats kept; a time clause
and then a statement ("When the new budget lands, we revisit the numbers") is no question; sending the papers
for a deal ("I'll send the contract to your finance team tomorrow") is no re-engagement trigger, but it closes
the talk."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import moves, offers
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder, requested_mrr=reference(persona, policy).requested_mrr,
                   first_turn=first, previous_offer=previous)


# --- the month-for-month extension, the agreement named in between ---

@pytest.mark.parametrize(("persona", "text"), [
    ("levada-pause", "Пропоную паузу на чотири місяці, з березня по червень. За кожен місяць перерви ваш строк "
                     "подовжується на один місяць."),
    ("riverside-hotel-cancel", "We can pause everything for four months, March to June. For every month on pause "
                               "the contract simply runs one month longer."),
])
def test_each_paused_month_with_the_term_named_extends_it(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.offer is not None and a.offer.shape == "pause", a
    assert a.offer.offer["term_extension_months"] == a.offer.offer["pause_months"], a


# --- the seats said to stay ---

@pytest.mark.parametrize("text", [
    "Rather than taking ten seats away, let's remove six and keep 34, and add two years at that rate.",
    "Замість десяти місць давайте приберемо шість і залишимо 34, а договір подовжимо на два роки.",
])
def test_the_seats_said_to_stay_are_the_seats_kept(policy, embedder, text: str) -> None:
    a = _turn(policy, embedder, "acme-dental-seats", text)
    assert a.offer is not None and a.offer.offer["seats"] == 34, a


def test_keep_with_months_is_no_seat_count() -> None:
    assert not offers._KEEP_COUNT.search("keep 12 months on the agreement")
    assert offers._KEEP_COUNT.search("drop six and keep 34")


# --- a time clause, then a statement ---

@pytest.mark.parametrize("text", [
    "When the new budget lands, we revisit the numbers together.",
    "When your new hire starts, I'll set up a call with them.",
    "Коли запрацює новий менеджер, ми повернемося до цього.",
])
def test_a_when_clause_then_a_statement_is_no_question(text: str) -> None:
    assert not moves.is_question(text)


@pytest.mark.parametrize("text", [
    "When does the new budget land?",
    "When your team grows, would you want the seats back?",
    "Коли у вас наступний перегляд бюджету?",
])
def test_a_when_question_still_asks(text: str) -> None:
    assert moves.is_question(text)


# --- sending the papers ---

@pytest.mark.parametrize("text", [
    "I'll send the contract to your finance team tomorrow.",
    "We'll get the amendment over to legal this week.",
    "Надішлю договір вашій бухгалтерії завтра.",
])
def test_sending_the_papers_is_an_admin_step(text: str) -> None:
    assert offers.SENDS_PAPERS.search(text)


def test_sending_the_papers_on_a_date_is_no_trigger(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend", "Great. I'll send the contract to your finance team "
                                                         "tomorrow.")
    assert not (a.trigger_concrete or a.trigger_loose), a


def test_a_call_beside_the_papers_is_still_a_trigger(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend", "I'll send the contract tomorrow, and I'll call you on "
                                                         "3 March to see how the first month went.")
    assert a.trigger_concrete, a


def test_the_papers_sent_for_a_deal_close_the_talk(policy, embedder) -> None:
    persona = get_persona("northwind-freight-seats")
    card, _ = replay(persona, policy, embedder, [
        "Thanks for letting me know, Priya. What's behind the change?",
        "I see. How about 96 seats instead of 72, if you extend by two years?",
        "Only the two-year extension. I'll send the amendment over to your finance team this week.",
    ], recorded=["Honestly, a lot of our drivers left after the contract loss.",
                 "Maybe. What would we have to sign?", ""])
    f4 = next(f for f in card.failure_modes if f.id == "F4")
    assert f4.status == "triggered", f4

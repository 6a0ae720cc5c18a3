"""General rules met in the eighteenth dev file of judged transcripts (none of these sentences is from a
transcript): a commitment with no length ("if you stay with us longer", "на довший строк") ties the concession
(F3 ok) but leaves the counter vague (partial); the product's worth argued in a first reply ("it has been paying
for itself", "ми кращі за більшість конкурентів") is F1; "I will not defend it" concedes; the team's feelings
("unfair on our team") are guilt; "I wouldn't go below 30 seats" insists on the package; the lawyers drafting
the deal are no legal threat; each paused month "added to the agreement" is the month-for-month extension; "No
discounts, just the facts." with its full stop is a save's term, not a refusal."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import analysis, offers, stance
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False) -> TurnAnalysis:
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder, requested_mrr=reference(persona, policy).requested_mrr,
                   first_turn=first)


# --- a commitment with no length ---

@pytest.mark.parametrize("text", [
    "I could do 8% off if you stay with us longer.",
    "Можу дати 8% знижки, якщо ви лишитеся з нами ще довше.",
])
def test_staying_longer_is_a_commitment(text: str) -> None:
    assert offers.commitment(text)


def test_an_unsized_commitment_ties_the_cut_but_leaves_the_counter_partial(policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, [
        "Thanks for the heads-up, Dana. What's driving the change on your side?",
        "Understood. Could we go from 40 seats to 32, at $3,680 a month, if you sign on for a longer term with us?",
        "We'd settle the exact length later with the deal desk.",
    ], recorded=["Our board cut the marketing budget by 20% for next year after two slow quarters, so I have to land "
                 "at about $3,700 a month.", "How much longer are we talking?", ""])
    status = {c.id: c.status for c in card.components} | {f.id: f.status for f in card.failure_modes}
    assert status["counter"] == "partial" and status["F3"] == "ok", card


def test_a_sized_commitment_is_still_met(policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, [
        "Thanks for the heads-up, Dana. What's driving the change on your side?",
        "Understood. Could we go from 40 seats to 32, at $3,680 a month, if you extend the agreement by 24 months?",
    ], recorded=["Our board cut the marketing budget by 20% for next year after two slow quarters, so I have to land "
                 "at about $3,700 a month.", ""])
    assert next(c for c in card.components if c.id == "counter").status == "met", card


# --- the product's worth argued in a first reply ---

@pytest.mark.parametrize("text", [
    "I hear you, though honestly the reporting suite has more than paid for itself.",
    "Understood, although we're still far better than most competitors on support.",
    "Розумію, хоча, відверто, ми кращі за більшість конкурентів у звітності.",
    "Чую вас, але модуль давно окупився.",
])
def test_the_products_worth_argued_is_a_pitch(text: str) -> None:
    assert stance.pitches(text)


@pytest.mark.parametrize("text", [
    "Understood, and thank you for telling me early.",
    "Розумію, дякую, що сказали заздалегідь.",
])
def test_plain_thanks_is_no_pitch(text: str) -> None:
    assert not stance.pitches(text)


# --- conceding, guilt, insisting, lawyers ---

def test_i_will_not_defend_it_concedes() -> None:
    assert stance.CONCEDES.search("Three leads a month is poor, and I will not defend it.")


@pytest.mark.parametrize("text", [
    "Pulling out now feels unfair on our team, honestly.",
    "Чесно, це несправедливо стосовно моєї команди.",
])
def test_the_teams_feelings_are_guilt(text: str) -> None:
    assert stance.GUILT.search(text)


@pytest.mark.parametrize("text", [
    "I wouldn't recommend going below 30 seats.",
    "Нижче за 15 місць я не рекомендую.",
])
def test_no_fewer_than_the_seats_refuses_the_change(text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text)


@pytest.mark.parametrize("text", [
    "Our legal team will draw up the details.",
    "The lawyers will write up the rest.",
    "Умови юристи оформлять до п'ятниці.",
])
def test_the_lawyers_drafting_is_no_threat(text: str) -> None:
    assert not stance.THREAT.search(text)


@pytest.mark.parametrize("text", [
    "Otherwise our legal team gets involved.",
    "Тоді до справи візьмуться юристи.",
])
def test_the_lawyers_as_a_threat_still_are(text: str) -> None:
    assert stance.THREAT.search(text)


# --- each paused month added to the agreement ---

@pytest.mark.parametrize("text", [
    "Every paused month is added to your contract.",
    "Кожен місяць перерви додається до строку договору.",
])
def test_each_paused_month_added_is_the_extension(text: str) -> None:
    assert analysis._SAME_MONTHS.search(text)


# --- no discount, with its full stop ---

@pytest.mark.parametrize("text", ["No discounts, just the facts.", "Без знижок, лише чесне порівняння."])
def test_no_discount_with_a_full_stop_is_a_saves_term(text: str) -> None:
    assert analysis._SET_ASIDE_ONLY.match(text)

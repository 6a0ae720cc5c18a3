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

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


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


# --- round two: general rules met in the eighteenth dev file (none of these sentences is from a transcript) ---

@pytest.mark.parametrize("text", [
    "Of course, I'll guide you through the steps.",
    "Happy to, we'll help you wind things down properly.",
    "Звісно, я проведу вас через процедуру.",
])
def test_taking_the_customer_through_the_process_takes_the_request_on(text: str) -> None:
    assert offers.accepts_request(text)


def test_the_process_walked_through_in_a_first_reply_grants_nothing(policy, embedder) -> None:
    a = _turn(policy, embedder, "corelytics-cancel",
              "Certainly, I'll take you through the steps. What prompted the decision?", first=True)
    assert a.offer is None and a.closing is None, a


@pytest.mark.parametrize("text, mrr", [
    # a service's own line in the bill: the lines add up when no total is named
    ("We could end Content and keep SEO at $2,500 and PPC at $2,000 if you renew for 24 months.", 4500.0),
    # ... and the total named beside a line is the bill
    ("How about we hold the total at $5,700, with $3,200 on ads and the rest on SEO?", 5700.0),
])
def test_a_services_line_is_not_the_bill(policy, embedder, text: str, mrr: float) -> None:
    a = _turn(policy, embedder, "harper-cole-spend", text)
    assert a.offer is not None and a.offer.offer["new_mrr"] == mrr, a


@pytest.mark.parametrize("text", [
    "Same budget, just spent on the channels that bring calls.",
    "Той самий бюджет, але він піде на рекламу.",
])
def test_the_same_spend_moved_is_no_refusal(text: str) -> None:
    assert analysis._SAME_SPEND_MOVED.match(text)


def test_the_same_spend_kept_flat_is_not_this_rule() -> None:
    assert not analysis._SAME_SPEND_MOVED.match("Same spend as before, nothing changes.")


@pytest.mark.parametrize("text", [
    "We'll review the figures over the coming weeks.",
    "I'll check in with you during the next couple of months.",
])
def test_a_rough_span_ahead_is_a_rough_time(text: str) -> None:
    from coach.roleplay import timing
    assert timing.timing(text) == "rough" and timing.follow_up(text)


def test_watching_the_results_is_a_follow_up() -> None:
    from coach.roleplay import timing
    assert timing.follow_up("Let's see how the results look after the change.")


def test_a_percentage_off_the_whole_bill_is_a_discount_not_a_smaller_package(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend",
              "I can keep every product and give you 25% off the full package on a 24-month renewal.")
    assert a.offer is not None and a.offer.offer["new_list_mrr"] is None, a  # measured off today's list


@pytest.mark.parametrize("line", [
    "Perfect, that's exactly what we needed.",
    "Fine. That's all I was after.",
    "Це саме те, що нам потрібно.",
])
def test_the_customer_having_what_they_came_for_closes_the_talk(line: str) -> None:
    from coach.roleplay import failures
    assert failures._CUSTOMER_CLOSE.search(line)


def test_that_is_not_what_i_wanted_does_not_close() -> None:
    from coach.roleplay import failures
    assert not failures._CUSTOMER_CLOSE.search("That's not what I wanted at all.")


def test_a_pause_for_a_while_is_a_partial_counter(policy, embedder) -> None:
    persona = get_persona("peak-fitness-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Thanks for letting me know early. What's prompting the change?",
        "Could you tell me more about that?",
        "Then instead of ending it, how about we put everything on hold for a little while? The paused months "
        "are added to the end of your agreement.",
    ], recorded=["A lot is changing here.", "The new owners are taking marketing in-house next year.", ""])
    counter = next(c for c in card.components if c.id == "counter")
    assert counter.status == "partial", card

"""General wording the scorer reads without the example bank's help (coach/roleplay/stance.py and the
offer reader): arguing, refusing any change, guilt, persuading instead of asking, an ask said back,
the old price beside the new one, a pause's extension said in its own sentence. Phrasings written
for this test."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import stance
from coach.roleplay.analysis import analyse
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay


@pytest.mark.parametrize(("sentence", "argues", "refuses", "guilt"), [
    ("Cutting back now would wipe out everything the campaigns have built.", True, False, False),
    ("I'd strongly advise against dropping the ads this close to summer.", True, False, False),
    ("Ви пошкодуєте, якщо зараз усе зупините.", True, False, False),
    ("The Analytics module has to stay until the renewal.", False, True, False),
    ("I'm afraid I can't process that this month.", False, True, False),
    ("Скасування в цей період неможливе.", False, True, False),
    ("Honestly, I'm a bit disappointed after everything we've built together.", False, False, True),
    ("Чесно, прикро таке чути.", False, False, True),
    ("Thanks for telling me early, that helps.", False, False, False),
    ("What has been disappointing about the reports?", False, False, False),  # asking, not guilt
])
def test_stance_from_wording(sentence: str, argues: bool, refuses: bool, guilt: bool) -> None:
    assert (bool(stance.ARGUE.search(sentence)), bool(stance.REFUSES_CHANGE.search(sentence)),
            bool(stance.GUILT.search(sentence))) == (argues, refuses, guilt)


@pytest.mark.parametrize(("sentence", "only"), [
    ("Moving to the smaller plan in March, understood.", True),
    ("Зрозуміло, дякую, що попередили.", True),
    ("Understood, but the contract runs until 2028.", False),
    ("Thanks, though I don't think cutting now is wise.", False),
])
def test_only_acknowledging(sentence: str, only: bool) -> None:
    assert stance.only_acknowledges(sentence) is only


def _analyse(persona: str, text: str, policy: Policy, embedder, **kw):
    p = get_persona(persona)
    return analyse(text, p, policy, embedder=embedder, requested_mrr=reference(p, policy).requested_mrr, **kw)


def test_saying_the_ask_back_is_not_an_offer(policy: Policy, embedder) -> None:
    a = _analyse("acme-dental-seats", "Twelve fewer seats from December, got it, and we'll find the right shape "
                 "together. What's driving it?", policy, embedder, first_turn=True)
    assert a.offer is None and a.questions


def test_the_old_price_beside_the_new_one_is_not_the_offer(policy: Policy, embedder) -> None:
    a = _analyse("acme-dental-seats", "I can take you to 32 seats, so $3,680 a month rather than $4,600, "
                 "if you extend by 24 months.", policy, embedder)
    assert a.offer is not None and a.offer.offer["new_mrr"] == 3680.0


def test_imperative_counter_after_a_proposal_is_read(policy: Policy, embedder) -> None:
    a = _analyse("harper-cole-spend", "Here is how I see it. Trim the Content retainer, keep SEO and PPC as they "
                 "are. That comes to $4,500 a month. In return, a 24-month renewal.", policy, embedder)
    assert a.offer is not None and a.offer.offer["new_mrr"] == 4500.0
    assert a.offer.offer["term_extension_months"] == 24


@pytest.mark.parametrize(("persona", "text"), [
    ("peak-fitness-cancel", "Let's pause Paid Social and SEO for four months. We add those four months at the "
                            "end of the agreement."),
    ("levada-pause", "Пропоную паузу на три місяці. Договір подовжимо на ті самі три місяці."),
    ("riverside-hotel-cancel", "We could pause everything for five months. The agreement then runs on by the "
                               "months paused."),
])
def test_a_pause_extension_in_its_own_sentence(persona: str, text: str, policy: Policy, embedder) -> None:
    a = _analyse(persona, text, policy, embedder)
    assert a.offer is not None and a.offer.offer["pause_months"]
    assert a.offer.offer["term_extension_months"] == a.offer.offer["pause_months"]


def test_persuading_is_not_a_diagnosis_question(policy: Policy, embedder) -> None:
    a = _analyse("peak-fitness-cancel", "Is there anything we can do to change your mind?", policy, embedder)
    assert a.questions == []


def test_a_refusal_first_then_a_counter_is_f1_not_f5(policy: Policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    turns = ["A seat cut isn't possible under your agreement.", "Sorry, let me ask properly: what's changed?",
             "Then we can go to 32 seats if you extend by 24 months."]
    card, _ = replay(persona, policy, embedder, turns,
                     recorded=["That's not helpful.", "Our board cut the marketing budget by 20% for next year.",
                               "OK."])
    modes = {m.id: m.status for m in card.failure_modes}
    assert modes["F1"] == "triggered" and modes["F5"] == "ok"
    alone, _ = replay(persona, policy, embedder, turns[:1], recorded=["That's not helpful."])
    assert {m.id: m.status for m in alone.failure_modes}["F5"] == "triggered"  # nothing else ever offered


def test_a_cause_told_unasked_is_not_diagnosed(policy: Policy, embedder) -> None:
    """The customer volunteers the budget cut; the trainee never asks: no diagnosis, F2 triggered at the offer."""
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, ["Thanks, Dana.", "We can go to 32 seats if you extend by 24 months."],
                     recorded=["Our board cut the marketing budget by 20% for next year.", "OK."])
    assert {c.id: c.status for c in card.components}["diagnosis"] == "missed"
    assert {m.id: m.status for m in card.failure_modes}["F2"] == "triggered"


def test_a_turn_with_no_recorded_answer_reveals_nothing(policy: Policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, ["Thanks, Dana.", "Is this about the budget?"],
                     recorded=["Sure.", None])
    assert not card.root_cause_uncovered
    assert {c.id: c.status for c in card.components}["diagnosis"] == "partial"


@pytest.mark.parametrize(("text", "months"), [
    ("Let's pause everything right through to the end of August, and extend the agreement by the same months.", 9),
    ("Пропоную паузу з січня до кінця квітня, договір подовжимо на ті самі місяці.", 4),
])
def test_a_pause_named_by_its_last_month(text: str, months: int, policy: Policy, embedder) -> None:
    """The riverside persona's day is in November: a pause from December through August is nine months."""
    a = _analyse("riverside-hotel-cancel", text, policy, embedder)
    assert a.offer is not None and a.offer.offer["pause_months"] == months
    assert a.offer.offer["term_extension_months"] == months


def test_contract_talk_naming_the_ask_is_not_an_offer(policy: Policy, embedder) -> None:
    a = _analyse("acme-dental-seats", "Your agreement runs to August 2027, so a 30% seat cut isn't something we "
                 "can do mid-term.", policy, embedder, first_turn=True)
    assert a.offer is None and a.pushback


def test_processing_the_cancellation_after_an_unpriced_counter_is_accepting_it(policy: Policy, embedder) -> None:
    persona = get_persona("peak-fitness-cancel")
    card, _ = replay(persona, policy, embedder,
                     ["Thanks for telling me, Lena. What's behind it?", "I could waive next month's fee for you.",
                      "Understood. I'll send the cancellation checklist today."],
                     recorded=["The new owners want all marketing in-house.", "It's not about money.", "Thanks."])
    assert {c.id: c.status for c in card.components}["counter"] == "partial"  # the free month, not a grant
    assert card.breaches == []


@pytest.mark.parametrize("sentence", ["I'm not arguing, I just want you to have the full picture.",
                                      "Я не сперечаюся, просто хочу, щоб усе було зрозуміло."])
def test_saying_you_are_not_arguing_is_not_pushback(sentence: str) -> None:
    assert stance.only_acknowledges(sentence)


@pytest.mark.parametrize("sentence", [
    "We can push back the start date to February if that helps.",
    "I'd recommend you keep SEO running while we pause the ads.",
    "We keep all 3 services but pause billing for two months.",
    "After two years we usually review the pricing anyway.",
    "We can undo the change later if the new team needs the seats back.",
    "If a 24-month term isn't possible, 12 months works too.",
])
def test_ordinary_wording_is_not_arguing_refusing_or_guilt(sentence: str) -> None:
    assert not (stance.ARGUE.search(sentence) or stance.GUILT.search(sentence)), sentence
    assert not stance.REFUSES_CHANGE.search(sentence) or "isn't possible" in sentence  # a condition, see below


def test_a_conditional_limit_inside_a_counter_is_no_pushback(policy: Policy, embedder) -> None:
    a = _analyse("acme-dental-seats", "If a 24-month term isn't possible, we can do 32 seats for 12 more months.",
                 policy, embedder)
    assert a.offer is not None and not a.refusal

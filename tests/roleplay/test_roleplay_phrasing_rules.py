"""General phrasing rules met in the eighth dev file of judged transcripts (none of these sentences is
from a transcript): a question after a sour remark still diagnoses, guilt voiced after empathy is a
gentle argument (F5, not F1), "I'll help" takes the request on, a bare "noted" does not, the contract
named as a wall refuses the change, insisting on the full package is F5 even beside an offer, a vague
counter asks back with "if you're open to extending", a counter raised well beyond the first is right
only on the second try, and "nothing for now" answers a question rather than refusing."""

from __future__ import annotations

from coach.policy import Policy
from coach.roleplay import offers, stance
from coach.roleplay.analysis import analyse
from coach.roleplay.failures import asks_despite_pushback
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay
from coach.roleplay.session import Trainer
from coach.store import Database
from tests.roleplay.conftest import play
from tests.roleplay.test_roleplay_offers import offer_of


def _card(policy: Policy, embedder, persona_id: str, turns: list[str], said: list[str]):
    card, _ = replay(get_persona(persona_id), policy, embedder, turns, recorded=list(said))
    return {c.id: c.status for c in card.components}, {f.id: f.status for f in card.failure_modes}


# --- diagnosis: a question of its own after a sour remark, in a later turn ---

def test_a_later_question_after_a_sour_remark_still_asks_about_the_cause() -> None:
    sour = "Honestly, that's a little disappointing after all we've built."
    later = TurnAnalysis(questions=["So what's prompting the cut?"], pushback=[sour], guilt=[sour])
    assert asks_despite_pushback(1, later)
    assert not asks_despite_pushback(0, later)  # in the first reply the pushback drowns the question
    refused = later.model_copy(update={"refusal": ["We can't change the seats."]})
    assert not asks_despite_pushback(1, refused)


def test_guilt_then_a_question_counts_as_diagnosis(policy: Policy, embedder) -> None:
    comps, modes = _card(policy, embedder, "acme-dental-seats", [
        "Thanks for telling me, Dana, I hear you.",
        "Honestly, after all we've built together that's disappointing to hear. What's prompting the cut?"],
        ["It's the budget.", "The board cut our software budget by 20% for next year."])
    assert comps["diagnosis"] != "missed" and modes["F2"] == "ok" and modes["F5"] == "triggered"


# --- acknowledgment ---

def test_guilt_after_empathy_in_the_first_reply_is_gentle_and_f5s() -> None:
    uk = "Розумію вас, але ж ми так багато вам дали за ці роки, шкода все припиняти."
    assert stance.GUILT.search(uk)
    assert stance.gentle_guilt([uk], [uk], [], [])
    en = "I get it, but we've done so much for you over two years."
    assert stance.GUILT.search(en) and stance.gentle_guilt([en], [en], [], [])
    # guilt with the contract in it, or with no empathy first, stays hard pushback
    assert not stance.gentle_guilt(["I understand, but after all we've done, your agreement runs to 2027."],
                                   ["I understand, but after all we've done, your agreement runs to 2027."], [], [])
    assert not stance.gentle_guilt(["After all we've done for you? Seriously?"],
                                   ["After all we've done for you? Seriously?"], [], [])


def test_gentle_guilt_first_reply_is_partial_with_f1_ok(rules_trainer: Trainer, db: Database) -> None:
    p = play(rules_trainer, db, "levada-pause", [
        "Розумію вас, але ж ми так багато вам дали за ці роки, шкода все припиняти."])
    assert p.component("acknowledgment").status == "partial"
    assert p.failure("F1").status == "ok" and p.failure("F5").status == "triggered"


def test_ukrainian_it_is_hard_is_empathy() -> None:
    assert stance.only_acknowledges("Це дійсно складно.")
    assert stance.only_acknowledges("Це справді непросто.")


def test_taking_the_request_on_before_a_counter_meets_the_acknowledgment(trainer: Trainer, db: Database) -> None:
    assert offers.accepts_request("Sure, Dana, we can bring the seat count down for you.")
    p = play(trainer, db, "acme-dental-seats", [
        "Звісно, Дано, допоможу. Можу запропонувати 34 місця, якщо продовжите договір на два роки."])
    assert p.component("acknowledgment").status == "met"


def test_a_bare_noted_then_a_question_is_partial(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "harper-cole-spend", ["Okay, got it. Why is that?"])
    assert p.component("acknowledgment").status == "partial" and p.failure("F1").status == "ok"
    p = play(trainer, db, "usmishka-seats", ["Гаразд. А чому так?"])
    assert p.component("acknowledgment").status == "partial"
    p = play(trainer, db, "harper-cole-spend", ["Thanks, Marcus, I appreciate the notice. Why is that?"])
    assert p.component("acknowledgment").status == "met"


def test_arguing_that_results_take_time_is_a_pitch() -> None:
    assert stance.pitches("I hear you, but content takes time to compound, and your traffic has been growing.")
    assert stance.pitches("Розумію, але SEO потребує часу, і ваші позиції помітно зростають.")


# --- refusals and F5 ---

def test_the_contract_as_a_wall_refuses_the_change() -> None:
    for text in ("Just so you know, there's no early exit on your plan before 2027.",
                 "You're locked in until the end of June 2027.",
                 "Ні, зараз так не вийде.", "Ми не скорочуємо місця посеред року."):
        assert stance.REFUSES_CHANGE.search(text) and not stance.LIMIT.search(text), text
    assert stance.LIMIT.search("I can't go past 15% on this.")  # a limit on a concession, not a refusal


def test_insisting_on_the_full_package_is_f5_even_beside_an_offer(policy: Policy, embedder) -> None:
    assert stance.INSISTS.search("I'd much prefer you kept the whole package.")
    _, modes = _card(policy, embedder, "sunrise-bakeries-module", [
        "Thanks, Tom. What's not working with it?",
        "I'd much prefer you kept the whole package, so how about 20% off Social Media instead?"],
        ["We just don't use it much.", "Hmm."])
    assert modes["F5"] == "triggered"


def test_a_lone_contract_bar_is_cut_off_not_closed(policy: Policy, embedder) -> None:
    _, modes = _card(policy, embedder, "acme-dental-seats", [
        "Dana, you're locked in until August 2027, and there's no early exit."], ["That's not helpful."])
    assert modes["F1"] == "triggered" and modes["F5"] == "triggered"
    assert modes["F2"] == "not_reached" and modes["F4"] == "not_reached"


def test_nothing_for_now_is_an_answer_not_a_refusal(policy: Policy, embedder) -> None:
    for text in ("Nothing for now.", "Поки що нічого."):
        a = analyse(text, get_persona("technosfera-cancel"), policy, embedder=embedder, requested_mrr=0.0)
        assert not a.refusal, text


# --- counters ---

def test_a_vague_counter_asked_back_with_if_youre_open_to_extending(policy: Policy, embedder) -> None:
    a = analyse("We could look at a lighter package if you'd be open to a longer agreement.",
                get_persona("acme-dental-seats"), policy, embedder=embedder, requested_mrr=3220.0)
    assert a.offer is None and a.vague_offer and a.vague_exchanged


def test_a_counter_after_a_time_phrase_and_a_verbless_one() -> None:
    offer = offer_of("From March we drop PPC and keep SEO. That brings you to $3,100 a month on a 24-month renewal.")
    assert offer is not None and (offer.new_mrr, offer.term_extension_months) == (3100.0, 24)
    assert offers.offer_sentences(["So 30 seats from February, with the two-year extension."])
    assert not offers.offer_sentences(["Then 28 seats it is."])  # the ask granted, not a counter


def test_the_ask_named_as_a_big_change_is_not_an_offer() -> None:
    assert not offers.offer_sentences(["Dropping to 28 seats is a big step, and I'd like to get it right with you."])


def test_a_counter_raised_well_beyond_the_first_is_a_second_try(policy: Policy, embedder) -> None:
    comps, modes = _card(policy, embedder, "acme-dental-seats", [
        "Thanks, Dana. What's behind the change?",
        "I can do 38 seats if you extend by 24 months.",
        "Then 29 seats from next month, with the 24-month extension."],
        ["The board cut our software budget by 20% for next year.", "That barely moves the number.", "OK."])
    assert comps["counter"] == "partial" and modes["F3"] == "ok"


def test_a_save_with_nothing_concrete_is_a_vague_save(policy: Policy, embedder) -> None:
    for pid, text in (("corelytics-cancel", "Let me put together something to prove we're just as good."),
                      ("technosfera-cancel", "Ми підготуємо щось, щоб довести, що ми не гірші.")):
        a = analyse(text, get_persona(pid), policy, embedder=embedder, requested_mrr=0.0)
        assert a.solution == text and a.vague_save and a.offer is None, text
    concrete = analyse("Let's run a side-by-side on your own data on 14 January.", get_persona("corelytics-cancel"),
                       policy, embedder=embedder, requested_mrr=0.0)
    assert not concrete.vague_save

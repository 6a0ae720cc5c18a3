"""The bugs a trainer found in the scorecard (issue 15), one test each: the coach's own wording never
counts against the trainee, empathy is not an offer, "ok" needs evidence, the level follows a printed rule."""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.policy import Policy
from coach.roleplay.analysis import analyse
from coach.roleplay.own_words import own_words
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import model_draft, part_text
from coach.roleplay.report import render_text
from coach.roleplay.session import Trainer
from coach.store import Database
from tests.roleplay.conftest import play
from tests.roleplay.test_roleplay_sessions import GOOD, points

OWN = own_words(get_settings().prompts_dir)


@pytest.mark.parametrize("sentence", [
    "Billing stays monthly: there is no prepayment.",
    "Billing stays monthly: there is no prepayment and nothing else to sign up for beyond what is written here.",
    "- You keep your current 8% discount on the smaller package, fixed for the whole term.",
    "Right-size the package from 40 to 32 seats, so you pay for what your team actually uses.",
    "Оплата залишається щомісячною: без передоплати.",
])
def test_template_sentences_are_the_coachs_own(sentence: str) -> None:
    assert sentence in OWN


@pytest.mark.parametrize("sentence", [
    "We never reduce contracts mid-term.",
    "Unfortunately your contract runs for 24 months, so we can't just cut seats.",
    "The answer is no, the price stays as it is.",
    "You'll have to keep paying the full amount.",
])
def test_pushback_is_not_the_coachs_own(sentence: str) -> None:
    assert sentence not in OWN


def test_own_template_sentence_is_never_a_refusal(policy: Policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    a = analyse("I can take you down to 32 seats for a 24-month extension. Billing stays monthly: there is "
                "no prepayment.", persona, policy, embedder=embedder, requested_mrr=3220.0, own=OWN)
    assert a.refusal == [] and a.pushback == [] and a.own == ["Billing stays monthly: there is no prepayment."]


@pytest.mark.slow
def test_the_engines_own_counter_scores_full_marks(trainer: Trainer, db: Database, policy: Policy) -> None:
    persona = get_persona("acme-dental-seats")
    counter = part_text(model_draft(persona, policy), "counter_proposal", "en")
    assert "Billing stays monthly: there is no prepayment" in counter
    p = play(trainer, db, "acme-dental-seats", GOOD[:3] + [counter, GOOD[4]])
    assert p.failed() == set(), [f.evidence for f in p.card.failure_modes if f.triggered]
    assert p.beats[3] == "accept"  # a right-sized counter is not heard as an argument
    offer = p.card.offers[0]["offer"]
    assert (offer["new_mrr"], offer["seats"], offer["term_extension_months"]) == (3680.0, 32, 24)
    assert (p.card.score, p.card.level) == (100, "excellent")


@pytest.mark.parametrize("first", [
    "Thanks for raising this, Dana. I understand, and I want whatever we land on to fit your team.",
    "Thanks for raising this, Dana. I understand, and I want whatever we agree on to fit your team.",
    "Thank you for raising this, Dana. I hear you, and I want whatever we land on to work for your team.",
    "Thanks, Dana. I want to make sure whatever we decide fits your team.",
])
@pytest.mark.slow
def test_empathy_is_not_an_offer(trainer: Trainer, db: Database, first: str) -> None:
    p = play(trainer, db, "acme-dental-seats", [first, *GOOD[1:]])
    assert p.failure("F2").status == "ok", p.failure("F2").evidence
    assert points(p) == {"acknowledgment": 25, "diagnosis": 25, "counter": 25, "triggers": 25}
    assert (p.card.score, p.card.level) == (100, "excellent")


def test_an_empty_session_reaches_no_failure_mode(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "acme-dental-seats", [])
    assert {f.status for f in p.card.failure_modes} == {"not_reached"}
    assert not any(f.triggered for f in p.card.failure_modes)
    text = render_text(p.card)
    assert "[         ok]" not in text and "a re-engagement trigger was set" not in text
    assert "root cause was uncovered" not in text and text.count("not reached") >= 5


def test_ok_always_quotes_its_evidence(trainer: Trainer, db: Database) -> None:
    short = play(trainer, db, "acme-dental-seats", ["Thanks for letting me know, Dana."])
    f = {m.id: m for m in short.card.failure_modes}
    assert f["F1"].status == "ok" and f["F1"].evidence[0].quote == "Thanks for letting me know, Dana."
    # no question, no counter, no close yet: nothing to judge, and nothing claimed "ok"
    assert f["F2"].status == f["F3"].status == f["F4"].status == "not_reached"
    assert f["F5"].status == "ok" and f["F5"].evidence[0].quote == "Thanks for letting me know, Dana."
    for card in (short.card, play(trainer, db, "acme-dental-seats", GOOD).card):
        for m in card.failure_modes:
            assert m.status != "ok" or (m.evidence and all(e.quote for e in m.evidence)), m
            assert m.status != "triggered" or m.evidence, m


def test_the_level_follows_a_printed_rule(rules_trainer: Trainer, trainer: Trainer, db: Database) -> None:
    turns = ["Thanks for letting me know, Dana.",
             "I can take you down to 32 seats if you commit to a 24-month extension.",
             "Let's review the seat count again in June."]
    calibrated = play(trainer, db, "acme-dental-seats", turns).card  # the trainers' reading changes points, not the rule
    got = sum(c.points for c in calibrated.components)
    assert calibrated.score == got and calibrated.level_reason.startswith(f"{got}/100 earns ")
    assert calibrated.level_rule in render_text(calibrated) and calibrated.level_reason in render_text(calibrated)
    p = play(rules_trainer, db, "acme-dental-seats", turns)
    assert points(p) == {"acknowledgment": 25, "diagnosis": 0, "counter": 25, "triggers": 25}
    assert (p.card.score, p.card.level) == (75, "developing")  # 75 is below 87: developing, F2 or not
    assert p.card.level_reason.startswith("75/100 earns developing (triggered too, without lowering it: F2")
    assert "turn 2" in p.card.level_reason
    text = render_text(p.card)
    assert p.card.level_rule in text and "87 or more proficient" in text and p.card.level_reason in text
    good = play(trainer, db, "acme-dental-seats", GOOD).card
    assert good.level == "excellent" and "with no failure mode triggered" in good.level_reason


def test_old_stored_cards_still_load() -> None:
    from coach.roleplay.models import FailureMode

    old = FailureMode.model_validate({"id": "F1", "title": "t", "triggered": True, "summary": "s"})
    assert old.status == "triggered"

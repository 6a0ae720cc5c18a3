"""A customer who holds a conversation: every reply answers the trainee's last move, names the numbers
of an offer, never asks for an offer already made and never says the same line twice while another
is left. Over every persona."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coach.policy import Policy
from coach.roleplay import customer
from coach.roleplay.personas import load_personas
from tests.roleplay.conftest import PERSONAS_DIR
from tests.roleplay.test_roleplay_customer import Talk

PERSONAS = sorted(load_personas(PERSONAS_DIR))
SCRIPT = {
    "en": ["Thanks for letting me know, I appreciate it.", "What's behind this change?",
           "I can offer 10% off if you sign for another 24 months.", "OK.", "Thanks.",
           "Let me think about it.", "Let's talk again next quarter.", "Hello?", "Right."],
    "uk": ["Дякую, що повідомили.", "Що стоїть за цим рішенням?",
           "Можу запропонувати знижку 10%, якщо ви продовжите договір на два роки.", "Добре.", "Дякую.",
           "Мені треба подумати.", "Поговоримо знову в наступному кварталі.", "Алло?", "Зрозуміло."],
}
ASKING = re.compile(r"what are you proposing|what are my options|what can we do|where do we go from here|"
                    r"що ви пропонуєте|які в мене варіанти|що ми можемо зробити|що далі\?", re.I)


def _asks_for_an_offer(persona_id: str, text: str) -> bool:
    persona = load_personas(PERSONAS_DIR)[persona_id]
    lines = {line for beat in customer.ASKS_FOR_AN_OFFER for line in customer.lines_for(persona, beat)}
    return text in lines or any(line in text for line in lines) or bool(ASKING.search(text))


@pytest.mark.slow
@pytest.mark.parametrize("persona_id", PERSONAS)
def test_never_asks_for_an_offer_already_made(persona_id: str, policy: Policy, embedder: Any) -> None:
    t = Talk(persona_id, policy, embedder)
    replies = []
    for text in SCRIPT[t.persona.language]:
        replies.append(t.say(text))
        if t.state.left:
            break
    assert t.state.offers, f"{persona_id}: the offer was not heard"
    offered = next(i for i, r in enumerate(replies) if r.beat in customer.OFFER_BEATS)
    for r in replies[offered:]:
        assert r.beat not in customer.ASKS_FOR_AN_OFFER, (persona_id, r)
        assert not _asks_for_an_offer(persona_id, r.text), (persona_id, r.text)
    texts = [r.text for r in replies]
    assert all(a != b for a, b in zip(texts, texts[1:], strict=False)), (persona_id, texts)


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_no_line_is_said_twice_while_another_is_left(persona_id: str, policy: Policy, embedder: Any) -> None:
    t = Talk(persona_id, policy, embedder)
    said = [t.say(text).text for text in SCRIPT[t.persona.language][:6]]
    assert len(said) == len(set(said)), said


def test_an_offer_gets_a_reaction_to_its_numbers(policy: Policy, embedder: Any) -> None:
    t = Talk("acme-dental-seats", policy, embedder)
    t.say("Thanks for letting me know, Dana.")
    high = t.say("I can do $4,000 a month if you sign for 24 more months.")
    assert high.beat == "too_small" and "$4,000" in high.text
    long_ = t.say("How about 32 seats at $3,680 a month for 36 more months?")
    assert long_.beat == "too_long" and "36" in long_.text
    nothing = t.say("OK.")
    assert nothing.beat == "standing" and "36" in nothing.text  # still about the offer on the table
    right = t.say("Then I can do 32 seats at $3,680 a month for 24 more months.")
    assert right.beat == "accept" and "$3,680" in right.text and "24" in right.text
    assert t.state.agreed is not None and t.state.agreed["new_mrr"] == 3680.0
    assert [o.verdict for o in t.state.offers] == ["too_small", "too_long", "accept"]


def test_a_question_after_an_offer_gets_an_answer_or_a_deflection(policy: Policy, embedder: Any) -> None:
    t = Talk("acme-dental-seats", policy, embedder)
    t.say("I can do $4,000 a month if you sign for 24 more months.")
    answer = t.say("Is this mainly about the budget for next year?")
    assert answer.beat == "reveal" and answer.revealed
    beats, texts = [], [answer.text]
    for _ in range(3):  # asked again and again: the rest of what they know, then "as I said"
        r = t.say("Is this mainly about the budget for next year?")
        beats.append(r.beat)
        texts.append(r.text)
    assert "repeat" in beats and len(set(texts)) == len(texts), texts
    off = t.say("How often is the team actually logging in?")
    assert off.beat in ("vague", "reveal") and not _asks_for_an_offer("acme-dental-seats", off.text)
    assert t.state.asked["budget_cut"] == 4


def test_a_trigger_before_any_agreement_asks_for_an_answer(policy: Policy, embedder: Any) -> None:
    t = Talk("acme-dental-seats", policy, embedder)
    t.say("Thanks for letting me know, Dana.")
    r = t.say("Let's revisit this in June, when your budget is reviewed.")
    assert r.beat == "early_trigger" and "request" in r.text


VAGUE = {"en": ["Thanks for telling me.", "I could do something on the price if you extend the agreement.", "OK.",
                "Right."],
         "uk": ["Дякую, що сказали.", "Можу зробити знижку, якщо ви продовжите договір.", "Добре.", "Зрозуміло."]}


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_a_counter_with_no_numbers_gets_asked_for_them(persona_id: str, policy: Policy, embedder: Any) -> None:
    """Over every persona: the customer asks for the figures of a vague counter, never what is proposed."""
    t = Talk(persona_id, policy, embedder)
    replies = [t.say(text) for text in VAGUE[t.persona.language]]
    assert replies[1].beat == "numbers", (persona_id, replies[1])
    for r in replies[1:]:
        assert r.beat not in customer.ASKS_FOR_AN_OFFER, (persona_id, r)
        assert not _asks_for_an_offer(persona_id, r.text), (persona_id, r.text)
    texts = [r.text for r in replies]
    assert len(texts) == len(set(texts)), texts

"""General rules met in the fifteenth dev file of judged transcripts (none of these sentences is from a
transcript): a meeting put on a day ("let's hold it on ...", "then the 12th of March") is a next contact;
"nothing, we just ..." answers what is needed and refuses nothing; the ending steps sent "so you have them"
beside a save are no grant; "I'd rather you kept all 40" and "a shame to shrink it" insist on everything;
"it stings to hear ... throw that away" is guilt; "disappointing, but understood" is no guilt; a free month
"regardless of that" is given for nothing; "for how long?" asks about the length, not the cause; the whole
package kept at a lower price is a discount, not a smaller scope; "works for you" is empathy; a receipt that
names the month is no bare receipt; a pause left unnamed but given back "by the same months" is a pause; sending
the ending steps takes the request on."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import analysis, moves, offers, scorer, stance
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=first, previous_offer=previous)


# --- a meeting put on a day ---

@pytest.mark.parametrize(("persona", "text"), [
    ("corelytics-cancel", "Perfect. Let's run the comparison on 20 January, a week ahead of your board."),
    ("corelytics-cancel", "Then the 12th of February, before the decision meeting."),
    ("technosfera-cancel", "Тоді 20 січня, ще до наради, де ви вирішуватимете."),
])
def test_a_meeting_put_on_a_day_is_a_dated_trigger(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.trigger is not None and a.trigger_concrete, a


def test_the_meeting_patterns() -> None:
    assert analysis._MEET_ON.search("Let's hold the review on the 4th of May")
    assert analysis._MEET_ON.search("Отже, 3 березня, після зборів.")
    assert not analysis._MEET_ON.search("Let's hold off on any changes")


# --- "nothing, we just ..." ---

@pytest.mark.parametrize(("persona", "text"), [
    ("levada-pause", "Нічого, просто з квітня знову виставимо рахунок. Наберу вас у середині квітня, коли "
                     "стане ясно з новими замовленнями."),
    ("peak-fitness-cancel", "Nothing, we simply restart billing in June. I'll ring you in mid-May, when the "
                            "new team lead is hired."),
])
def test_nothing_then_the_plan_refuses_nothing(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert not a.refusal and a.trigger_concrete, a


def test_nothing_that_refuses_is_still_a_refusal() -> None:
    assert not analysis._NOTHING_ASKED.match("There's nothing I can do.")
    assert analysis._NOTHING_ASKED.match("Nothing, we just restart in June.")


# --- the ending steps sent "so you have them" beside a save ---

def test_steps_sent_so_you_have_them_beside_a_save_are_no_grant(policy, embedder) -> None:
    a = _turn(policy, embedder, "corelytics-cancel",
              "Good. Let's run the side-by-side on 18 January with our product lead. I'll email the cancellation "
              "steps as well, so you have them.")
    assert a.offer is None or not a.offer.as_requested, a
    assert stance.accepts_decision("I'll share the ending steps too, just in case.")


@pytest.mark.parametrize(("persona", "text"), [
    ("technosfera-cancel", "Інструкцію надішлю сьогодні."),
    ("corelytics-cancel", "I'll send you the steps this afternoon."),
])
def test_sending_the_ending_steps_takes_the_request_on(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.acknowledgment == text and a.offer is None and a.closing is None, a


# --- insisting, guilt ---

@pytest.mark.parametrize("text", [
    "I'd rather you kept all 40 for now.",
    "We'd prefer you kept every seat until the spring.",
])
def test_keeping_everything_on_a_preference_insists(text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text) and stance.INSISTS.search(text)


def test_a_shame_to_shrink_argues() -> None:
    assert stance.ARGUE.search("It seems a real pity to scale back right now.")
    assert stance.ARGUE.search("Шкода буде скорочувати зараз.")
    assert not stance.ARGUE.search("It's a shame the campaign didn't land for you.")


@pytest.mark.parametrize("text", [
    "It stings to hear the board would throw all that work away.",
    "Боляче чути, що нове керівництво хоче перекреслити все.",
])
def test_hurt_laid_on_the_customer_is_guilt(text: str) -> None:
    assert stance.GUILT.search(text)


@pytest.mark.parametrize("text", ["That's disappointing, but understood.", "Як прикро, щиро співчуваю."])
def test_sympathy_is_no_guilt(text: str) -> None:
    assert not stance.GUILT.search(text)


# --- a giveaway apart from the deal ---

@pytest.mark.parametrize(("persona", "text"), [
    ("acme-dental-seats", "We can go to 34 seats if you renew for two years. And regardless of that, January "
                          "is free."),
    ("usmishka-seats", "Можемо залишити 17 місць, якщо продовжите на два роки. А незалежно від цього, грудень "
                       "безкоштовно."),
])
def test_a_free_month_regardless_of_the_deal_is_given_for_nothing(policy, embedder, persona: str,
                                                                   text: str) -> None:
    a = _turn(policy, embedder, persona, text)
    assert a.offer is not None and a.vague_offer is not None, a


# --- the length of the ask is not its cause ---

@pytest.mark.parametrize("text", ["For how long?", "How many months were you thinking?", "На скільки саме?",
                                  "На який термін?"])
def test_a_question_about_the_length_is_logistics(text: str) -> None:
    assert moves.logistics(text)


def test_a_question_about_how_long_things_stay_hard_still_asks() -> None:
    assert not moves.logistics("How long do you expect things to stay this tight?")


# --- the whole package at a lower price ---

def test_the_whole_package_kept_at_a_lower_price_is_a_discount(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend",
              "Here's an idea: I keep the full package running at $15,200 a month if you sign for three more years.")
    assert a.offer is not None and any("no change of scope" in n for n in a.offer.notes), a
    assert offers._WHOLE_KEPT.search("залишимо весь пакет за 2 300 доларів")


@pytest.mark.parametrize("text", [
    "Then let's keep the whole platform as it is, Search, Personalisation and Analytics, and bring the price to "
    "$15,000 a month flat, in exchange for extending the agreement by 36 months.",
    "We keep the full suite at $15,000 a month if you add three years.",
])
def test_the_whole_platform_kept_is_not_a_smaller_package(policy, embedder, text: str) -> None:
    # "keep the whole platform" once read as "keep <a service> whole" (a smaller package), so the price cut
    # was priced on a smaller list and a 29% discount passed the 20% cap
    a = _turn(policy, embedder, "meridian-retail-spend", text)
    assert a.offer is not None and a.offer.offer["new_list_mrr"] is None, a
    assert any(c.id == "discount-cap" and not c.passed for c in a.offer.checks), a.offer.checks


# --- acknowledgment wording ---

def test_works_for_you_is_empathy() -> None:
    assert scorer._EMPATHY.search("We'll land on something that works for you.")
    assert scorer._EMPATHY.search("I'll take this seriously.")


def test_a_receipt_naming_the_month_is_not_bare() -> None:
    assert not scorer._bare_receipt("Thanks, Marek, noted for March. What has changed?", ["What has changed?"])
    assert not scorer._bare_receipt("Зрозуміло, з лютого. Що змінилося?", ["Що змінилося?"])
    assert scorer._bare_receipt("OK, noted, Marek. What has changed?", ["What has changed?"])


# --- a pause left unnamed ---

@pytest.mark.parametrize(("text", "months"), [
    ("Let's do five months, to May, and we extend the agreement by those same five months.", 5),
    ("Давайте на чотири місяці, до квітня, а договір продовжимо на ті ж чотири місяці.", 4),
    ("Pause for two months, January and February, added to the end of the agreement.", 2),
    ("Пауза на 2 міс., січень–лютий, ці місяці додаємо в кінець договору.", 2),
])
def test_a_pause_given_back_by_the_same_months_is_a_pause(policy, embedder, text: str, months: int) -> None:
    a = _turn(policy, embedder, "levada-pause", text)
    assert a.offer is not None and a.offer.shape == "pause" and a.offer.offer["pause_months"] == months, a

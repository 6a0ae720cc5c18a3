"""General rules met in the nineteenth dev file of judged transcripts (none of these sentences is from a
transcript): a price per seat is not the bill ("bring the seat price down from $95 to $90, so $7,200 a month");
a discount on one service prices that service's line ("10% off Email Campaigns"); a decision left to the customer
("if that's your decision, I'll make it painless") accepts it; a pause named as already agreed ("before the pause
ends") or set aside ("instead of a pause") is not a new pause; today's price kept ("at its current $X") is no new
price; where the customer stands in the term ("you're in month 15 of a 24-month agreement", "нагадаю, що у вас
договір") is contract talk in a first reply; "closer to summer" / "ближче до літа" is a rough time; "send us a formal
letter" / "надішліть, будь ласка, офіційний лист" asks for the notice; a counter that did not fit, then the request
granted as asked, is no counter; "step Analytics back" takes a service out; "commit for longer" is an unsized
commitment; going away to prepare the counter ("come back to you with something") is no re-engagement trigger."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import analysis, offers, stance, timing
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.moves import sentences
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _extract(persona_id: str, text: str) -> offers.Extracted:
    persona = get_persona(persona_id)
    return offers.extract(sentences(text), persona.account)


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False) -> TurnAnalysis:
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder, requested_mrr=reference(persona, policy).requested_mrr,
                   first_turn=first)


# --- a price per seat is not the bill ---

@pytest.mark.parametrize("text", [
    "We could keep 90 seats and I'd lower the seat price from $95 to $88, so $7,920 a month if you extend by 24 months.",
    "Залишимо 90 місць, ціну одного місця знизимо з 95 до 88 доларів, тобто 7 920 доларів на місяць, якщо продовжите "
    "договір на 24 місяці.",
])
def test_the_seat_price_beside_the_bill_is_not_the_bill(text: str) -> None:
    x = _extract("northwind-freight-seats", text)
    assert x.new_mrr == 7920 and x.seats == 90


def test_a_unit_price_with_a_seat_count_prices_the_bill() -> None:
    x = _extract("northwind-freight-seats", "I can do 90 seats at $88 per seat if you extend by 24 months.")
    assert x.new_mrr == 7920


def test_seats_added_back_at_a_unit_price_are_not_the_bill() -> None:
    x = _extract("northwind-freight-seats", "If the new depot opens, we'll add seats back at the same $88.")
    assert x.new_mrr is None


def test_a_monthly_price_beside_seats_is_still_the_bill() -> None:  # near miss: "32 seats at $X a month"
    x = _extract("northwind-freight-seats", "How about 90 seats at $8,100 a month if you extend by 24 months?")
    assert x.new_mrr == 8100


# --- a discount on one service prices that service's line ---

@pytest.mark.parametrize("text", [
    "What if I take 20% off Email Campaigns, so $600 instead of $750, if you stay for another 12 months?",
    "Can I offer 20% off the Email Campaigns line, if you renew for 12 months?",
])
def test_a_discount_on_one_service_is_that_line(text: str) -> None:
    x = _extract("sunrise-bakeries-module", text)
    assert x.new_mrr == 2850 - 150


def test_a_discount_on_one_service_uk() -> None:
    x = _extract("usmishka-seats", "Можу дати знижку 20% на SMM, якщо продовжите договір на 12 місяців.")
    assert x.new_mrr == 2850 - 130


def test_a_discount_on_the_whole_bill_is_not_one_line() -> None:  # near miss
    x = _extract("sunrise-bakeries-module", "What if I take 10% off, so $2,565 a month, if you stay for 12 months?")
    assert x.new_mrr == 2565


# --- the decision left to the customer ---

@pytest.mark.parametrize("text", [
    "If that's your decision, I'll make the exit as painless as I can.",
    "If the other vendor still comes out ahead, I'll take you through the exit step by step.",
    "Якщо рішення остаточне, я зроблю завершення максимально простим.",
    "Якщо їхній продукт все ж виявиться кращим, я допоможу все завершити без зайвих кроків.",
])
def test_a_decision_left_to_the_customer_accepts_it(text: str) -> None:
    assert stance.accepts_decision(text)


@pytest.mark.parametrize("text", [
    "If you cancel, you'll lose the rate you have now.",
    "Якщо ви підете, втратите свою ціну.",
])
def test_a_condition_that_warns_does_not(text: str) -> None:
    assert not stance.accepts_decision(text)


def test_the_exit_offered_only_if_the_save_fails_grants_nothing(policy, embedder) -> None:
    persona = get_persona("corelytics-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Of course, Sam, happy to explain. Before that, what is behind the decision?",
        "Is there another tool you're comparing us with?",
        "Then let's not talk price. Let's run a side-by-side of our HubSpot connector against theirs on your own "
        "pipeline, for two weeks.",
        "Great. We start on December 10, and I'll book a review call for January 15. If the other vendor still "
        "comes out ahead, I'll take you through the exit step by step.",
    ], recorded=["We've been reviewing our whole tool stack this quarter.",
                 "BrightMetrics offered us native HubSpot sync at a lower price, and my team liked their demo a lot.",
                 "Alright, a proper side-by-side before we decide is fair.", ""])
    status = {c.id: c.status for c in card.components} | {f.id: f.status for f in card.failure_modes}
    assert status["counter"] == "met" and status["F3"] == "ok", card


# --- a pause already agreed, or set aside ---

def test_a_call_before_the_pause_ends_is_no_new_pause() -> None:
    x = _extract("levada-pause", "I'll call you in the second week of March, before the pause ends.")
    assert x.pause_months is None


def test_instead_of_a_pause_sets_it_aside() -> None:
    x = _extract("levada-pause", "Замість паузи можу дати знижку 15% на два місяці.")
    assert x.pause_months is None and x.discount_pct == 15


def test_a_pause_proposed_is_still_one() -> None:  # near miss
    x = _extract("levada-pause", "Можемо зробити паузу на три місяці, а договір продовжимо на три місяці.")
    assert x.pause_months == 3


# --- today's price kept ---

@pytest.mark.parametrize("text", [
    "We pause Paid Social for four months and extend the agreement by four months; the Member App stays at its "
    "current $4,000 a month.",
])
def test_todays_price_kept_is_no_new_price(text: str) -> None:
    x = _extract("peak-fitness-cancel", text)
    assert x.new_mrr is None and x.pause_months == 4


# --- where the customer stands in the term, in a first reply ---

@pytest.mark.parametrize("text", [
    "Hello Priya. To be clear from the start, you're in month 21 of a 36-month subscription, and the seats are "
    "part of that agreement.",
    "Олено, нагадаю, що ваш договір укладено на два роки, і місця зафіксовані до його кінця.",
    "Андрію, зараз 21-й місяць вашого договору.",
])
def test_where_the_customer_stands_in_the_term_is_contract_talk(text: str) -> None:
    assert stance.CONTRACT_FIRST.search(text)


@pytest.mark.parametrize("text", [
    "Thanks for telling me, Priya. What is behind the change?",
    "Олено, дякую, що повідомили. Нагадайте, будь ласка, скільки людей зараз працює в системі?",
])
def test_a_plain_first_reply_is_not(text: str) -> None:
    assert not stance.CONTRACT_FIRST.search(text)


def test_the_term_recited_first_misses_the_acknowledgment(policy, embedder) -> None:
    persona = get_persona("acme-dental-seats")
    card, _ = replay(persona, policy, embedder, [
        "Dana, just so you know, you're in month 15 of a 24-month agreement and the seat count is part of that "
        "agreement.",
    ], recorded=["If you're going to argue about the contract, I'll have to take this to the owners."])
    status = {c.id: c.status for c in card.components} | {f.id: f.status for f in card.failure_modes}
    assert status["acknowledgment"] == "missed" and status["F1"] == "triggered", card


# --- a season as a rough time ---

@pytest.mark.parametrize("text", [
    "Let's look at the seat count again closer to summer.",
    "Повернемося до цього ближче до осені.",
    "Перегляньмо кількість місць під літо.",
])
def test_a_season_is_a_rough_time(text: str) -> None:
    assert timing.timing(text) == "rough"


def test_a_month_is_still_a_date() -> None:  # near miss
    assert timing.timing("Повернемося до цього на початку червня.") == "dated"


# --- the notice asked for under another name ---

@pytest.mark.parametrize("text", [
    "To end it, please send us a formal letter at least 30 days before the renewal date and we'll handle the rest.",
    "Для розірвання надішліть, будь ласка, письмове повідомлення за місяць до кінця строку.",
])
def test_a_formal_letter_asked_for_is_the_notice(text: str) -> None:
    assert analysis.offboards(text)


@pytest.mark.parametrize("text", [
    "Send us an email if anything changes.",
    "Надішліть, будь ласка, звіт за минулий місяць.",
])
def test_an_email_is_not_the_notice(text: str) -> None:
    assert not analysis.offboards(text)


def test_the_exit_steps_in_a_first_reply_grant_the_request(policy, embedder) -> None:
    persona = get_persona("technosfera-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Добре, Ірино. Для розірвання надішліть, будь ласка, письмове повідомлення за місяць до кінця строку, і ми все "
        "закриємо.",
    ], recorded=["Дякую, так і зробимо."])
    status = {c.id: c.status for c in card.components} | {f.id: f.status for f in card.failure_modes}
    assert status["acknowledgment"] == "partial" and status["F3"] == "triggered", card


# --- a counter that did not fit, then the request granted as asked ---

def test_a_misfit_then_the_grant_is_no_counter(policy, embedder) -> None:
    persona = get_persona("levada-pause")
    card, _ = replay(persona, policy, embedder, [
        "Андрію, зрозуміло. Замість паузи можу дати знижку 15% на два місяці.",
        "Добре. Тоді оформлю паузу, як ви просили.",
    ], recorded=["Нам зараз нічим платити, знижка не допоможе.", ""])
    assert next(c for c in card.components if c.id == "counter").status == "missed", card


def test_a_misfit_on_its_own_is_still_partial(policy, embedder) -> None:  # near miss
    persona = get_persona("levada-pause")
    card, _ = replay(persona, policy, embedder, [
        "Андрію, зрозуміло. Замість паузи можу дати знижку 15% на два місяці.",
    ], recorded=["Нам зараз нічим платити, знижка не допоможе."])
    assert next(c for c in card.components if c.id == "counter").status == "partial", card


# --- a service stepped back, and a commitment for longer ---

@pytest.mark.parametrize("text", [
    "I'd keep Commerce Search as it is and step Analytics back, if you're willing to commit for longer.",
    "We could dial Personalisation down and keep the rest, if you're willing to commit for longer.",
])
def test_a_service_stepped_back_makes_the_package_smaller(text: str) -> None:
    x = _extract("meridian-retail-spend", text + " That brings you to $15,000 a month.")
    assert x.scope and x.term_months and any(offers.UNSIZED_TERM in n for n in x.notes)


@pytest.mark.parametrize("text", [
    "We could step Personalisation back up in spring.",
    "I'd step back and look at the whole picture, then come back to you at $15,000 a month.",
])
def test_a_service_stepped_back_up_or_stepping_back_is_not(text: str) -> None:  # near misses
    assert not _extract("meridian-retail-spend", text).scope


@pytest.mark.parametrize("text", ["if you're willing to commit for longer", "if you sign on for longer"])
def test_commit_for_longer_is_a_commitment(text: str) -> None:
    assert offers.commitment(text) and offers._MULTI_YEAR.search(text)


# --- going away to prepare the counter ---

@pytest.mark.parametrize("text", [
    "Understood. Let me go through it with our deal desk tomorrow and come back to you with options.",
    "Зрозуміло. Я обговорю це з командою завтра і повернуся до вас із пропозицією.",
])
def test_going_away_to_prepare_the_counter_is_no_trigger(policy, embedder, text: str) -> None:
    t = _turn(policy, embedder, "bright-smile-ppc" if text.startswith("U") else "usmishka-seats", text)
    assert t.trigger is None


def test_a_dated_call_is_still_a_trigger(policy, embedder) -> None:  # near miss
    t = _turn(policy, embedder, "bright-smile-ppc", "Understood. I'll call you on 12 January to review the campaigns.")
    assert t.trigger_concrete


def test_the_paperwork_for_the_misfit_is_not_the_request_granted(policy, embedder) -> None:  # near miss
    persona = get_persona("levada-pause")
    card, _ = replay(persona, policy, embedder, [
        "Андрію, зрозуміло. Замість паузи можу дати знижку 15% на два місяці.",
        "Нічого не потрібно, я все оформлю сьогодні.",
    ], recorded=["Добре. Що від нас потрібно?", ""])
    assert next(c for c in card.components if c.id == "counter").status == "partial", card


# --- the customer having looked at what we send is no event of their own ---

@pytest.mark.parametrize("text", [
    "I'll ring you in a couple of weeks once you've gone through the comparison.",
    "Let's speak after you've had a chance to read the proposal.",
    "Я наберу вас, щойно ознайомитеся з порівнянням.",
])
def test_having_looked_at_our_material_is_a_rough_time(text: str) -> None:
    assert timing.timing(text) == "rough"


@pytest.mark.parametrize("text", [
    "I'll ring you once your board has approved next year's budget.",
    "Я наберу вас, коли ви підпишете контракт із новим клієнтом.",
])
def test_the_customers_own_event_is_still_dated(text: str) -> None:  # near misses
    assert timing.timing(text) == "dated"


# --- a wish for the customer's people is empathy ---

@pytest.mark.parametrize("text", [
    "I do hope your staff are all okay.",
    "Сподіваюся, що всі ваші люди в безпеці.",
])
def test_a_wish_for_the_customers_people_only_acknowledges(text: str) -> None:
    assert stance.only_acknowledges(text)


@pytest.mark.parametrize("text", [
    "I hope you'll reconsider before the renewal.",
    "Сподіваюся, ви ще передумаєте.",
])
def test_hoping_they_change_their_mind_is_not_empathy(text: str) -> None:  # near misses
    assert not stance.only_acknowledges(text)


# --- "we'll stop what needs stopping": the change taken on, nothing decided ---

@pytest.mark.parametrize("text", [
    "Of course, we'll pause whatever needs pausing.",
    "Звісно, змінимо те, що потрібно змінити.",
])
def test_an_open_promise_takes_the_request_on(text: str) -> None:
    assert offers.accepts_request(text)


@pytest.mark.parametrize("text", [
    "Of course, we'll pause the campaigns from January.",
    "Звісно, призупинимо рекламу з січня.",
])
def test_the_change_itself_promised_is_not_only_taken_on(text: str) -> None:  # near misses
    assert not offers.accepts_request(text)


# --- a cap on a concession is a limit, not a refusal ---

@pytest.mark.parametrize("text", [
    "Понад 12% я запропонувати не можу, це максимум.",
    "I can't go beyond 12%, that's my ceiling.",
])
def test_a_cap_on_a_concession_is_no_refusal(policy, embedder, text: str) -> None:
    assert not _turn(policy, embedder, "usmishka-seats", text).refusal


def test_a_refusal_with_no_figure_still_is(policy, embedder) -> None:  # near miss
    assert _turn(policy, embedder, "usmishka-seats", "Ні, місця ми не скорочуємо.").refusal

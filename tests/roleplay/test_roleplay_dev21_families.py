"""General rules met in the twenty-first and twenty-second dev files of judged transcripts, written in the first
author's voice (none of these sentences is from a transcript): the pause extension said as "by the months we pause" or
"each paused month moves the end date by a month"; the papers promised ("you'll have the amendment by Thursday") are
no re-engagement trigger; "nothing for now, just ..." and "the two-year renewal, nothing else" answer "what do you need
from us?"; reassurance ("please don't worry about the admin"), approval ("that's a sensible step") and "whatever
happens, I'll keep it simple" take the request on; a transcript that stops on the trainee's question was never
answered; an either/or question is open; the budget kept and a share of it moved is value engineering; the notice
steps put first are a thin acknowledgment, not pushback; harm laid on the customer's people, the switching cost and
"the strongest on the market" argue; "the full fee stays" refuses any change; "I should remind you the subscription
is for ..." is contract talk; "we'll get the seats to match your team" promises, it does not offer; "next year" and
"after the first quarter" are rough times; "same plan, same price" states a fix's terms; "wind down Content" takes the
service out; a service "on hold" with no length is taken out, one cut "to X only" is a smaller scope; the save
described right after "here's what I'd propose" is the save; a service "parked" is paused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.roleplay import analysis, moves, offers, stance, timing
from coach.roleplay.agreement import measure
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay
from tests.roleplay.conftest import PERSONAS_DIR
from tests.roleplay.test_roleplay_dev19_families import _extract, _turn

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _status(card) -> dict[str, str]:
    return {c.id: c.status for c in card.components} | {f.id: f.status for f in card.failure_modes}


# --- the pause extension said month for month ---

@pytest.mark.parametrize("text", [
    "What if Paid Social goes on pause for four months, the app keeps running, and we extend the agreement by the "
    "months we pause?",
    "Let's pause Paid Social for four months; for every paused month, your end date shifts out by one month.",
])
def test_the_paused_months_added_back_extend_month_for_month(policy, embedder, text: str) -> None:
    a = _turn(policy, embedder, "peak-fitness-cancel", text)
    assert a.offer is not None and a.offer.offer["pause_months"] == 4
    assert a.offer.offer["term_extension_months"] == 4, a.offer


def test_a_one_month_extension_beside_a_pause_is_still_one_month(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "peak-fitness-cancel",
              "Let's pause Paid Social for four months and extend the agreement by one month.")
    assert a.offer is not None and a.offer.offer["term_extension_months"] == 1


# --- the papers promised are no trigger ---

@pytest.mark.parametrize("text", [
    "You'll have the amendment by Thursday.",
    "The new order form will be in your inbox by Monday morning.",
    "You'll get the revised agreement on 3 March.",
])
def test_the_papers_promised_are_no_trigger(policy, embedder, text: str) -> None:
    assert offers.SENDS_PAPERS.search(text)
    a = _turn(policy, embedder, "meridian-retail-spend", text)
    assert not a.trigger_concrete, a


def test_a_dated_call_about_the_papers_is_still_a_trigger(policy, embedder) -> None:  # near miss
    text = "I'll call you on Thursday 3 March to go through the amendment together."
    a = _turn(policy, embedder, "meridian-retail-spend", text)
    assert a.trigger_concrete, a


# --- what we need from you: nothing yet, or the term and nothing else ---

@pytest.mark.parametrize("text", [
    "Nothing for now, just a yes to the trial.",
    "Поки що нічого, тільки згода на тестовий період.",
])
def test_nothing_for_now_answers_the_question(text: str) -> None:
    assert analysis._NOTHING_ASKED.match(text)


@pytest.mark.parametrize("text", [
    "The two-year extension, nothing else.",
    "Only the 24-month renewal, that's all.",
    "Лише продовження на 24 місяці, більше нічого.",
])
def test_the_term_and_nothing_else_is_the_exchange(text: str) -> None:
    assert analysis._ONLY_TERM.match(text)


@pytest.mark.parametrize("text", [
    "No renewal, nothing else.",
    "Without an extension, nothing.",
    "The contract stays as it is, nothing else.",
])
def test_a_refusal_ending_in_nothing_else_is_not(text: str) -> None:  # near misses
    assert not analysis._ONLY_TERM.match(text)


def test_the_term_and_nothing_else_is_no_pushback(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend", "The two-year extension, nothing else.")
    assert not a.pushback and not a.refusal, a


# --- reassurance, approval, "whatever happens" ---

@pytest.mark.parametrize("text", [
    "Please don't worry about the paperwork.",
    "That's a sensible step.",
    "That's very wise, honestly.",
])
def test_reassurance_and_approval_only_acknowledge(text: str) -> None:
    assert stance.only_acknowledges(text)


@pytest.mark.parametrize("text", [
    "Whatever happens, I'll make this easy for you.",
    "Що б ви не вирішили, я все зроблю без зайвих клопотів.",
])
def test_whatever_happens_accepts_the_decision(text: str) -> None:
    assert stance.accepts_decision(text)


@pytest.mark.parametrize("text", [
    "Don't worry, the contract still runs until March.",
    "That's sensible, but the platform is better than anything else out there.",
    "Whatever happens, the agreement still runs to March.",
])
def test_reassurance_that_argues_does_not(text: str) -> None:  # near misses
    assert not stance.only_acknowledges(text) and not stance.accepts_decision(text)


# --- a transcript that stops on the trainee's question ---

def _judged(tmp_path: Path, turns: list[dict[str, str]]) -> Path:
    item = {"id": "stop-1", "persona": "riverside-hotel-cancel", "language": "en", "turns": turns,
            "verdict": {"components": {"acknowledgment": "met", "diagnosis": "partial", "counter": "missed",
                                       "triggers": "missed"},
                        "failure_modes": {"F1": "ok", "F2": "ok", "F3": "not_reached", "F4": "not_reached",
                                          "F5": "ok"}}}
    path = tmp_path / "judged.yaml"
    path.write_text(yaml.safe_dump([item], allow_unicode=True), encoding="utf-8")
    return path


def test_a_question_the_customer_never_answered_leaves_the_cause_unheard(policy, embedder, tmp_path) -> None:
    path = _judged(tmp_path, [
        {"role": "customer", "text": "We have to stop everything for now. Please cancel our marketing."},
        {"role": "trainee", "text": "Maria, I'm so sorry to hear it. Can you tell me what has happened at the hotel?"},
    ])
    result = measure(path, policy, embedder, personas_dir=PERSONAS_DIR)
    assert result.per_component["diagnosis"] == 1.0, result.disagreements


def test_a_transcript_with_no_customer_line_is_answered_by_the_script(policy, embedder, tmp_path) -> None:
    path = _judged(tmp_path, [  # near miss: no recorded customer at all, the scripted customer answers
        {"role": "trainee", "text": "Maria, I'm so sorry to hear it. Can you tell me what has happened at the hotel?"},
    ])
    result = measure(path, policy, embedder, personas_dir=PERSONAS_DIR)
    assert result.per_component["diagnosis"] == 0.0


# --- an either/or question is open ---

@pytest.mark.parametrize("text", [
    "Is it mostly the cost, or are fewer of your people using it?",
    "Is the budget being cut, or is the team getting smaller?",
    "Це більше про бюджет, чи менше людей ним користується?",
])
def test_two_causes_side_by_side_is_an_open_question(text: str) -> None:
    assert moves.open_question(text)


@pytest.mark.parametrize("text", ["Is it the budget, or not?", "Is it the budget?", "Це через бюджет, чи ні?"])
def test_a_yes_no_guess_is_still_closed(text: str) -> None:  # near misses
    assert not moves.open_question(text)


# --- the budget kept and a share of it moved ---

@pytest.mark.parametrize("text", [
    "Your monthly budget stays where it is, but we move a quarter of the ads money into local search.",
    "Let's keep the budget and shift 40% of it into local search and the Google profile.",
    "How about we keep your spend but move two thirds of it out of ads and into local SEO?",
])
def test_the_budget_kept_and_a_share_moved_is_value_engineering(text: str) -> None:
    x = _extract("bright-smile-ppc", text)
    assert not x.empty and offers.REALLOCATES in x.notes, x


def test_moving_a_meeting_is_not_a_reallocation() -> None:  # near miss
    x = _extract("bright-smile-ppc", "Let's move the review call into next week.")
    assert offers.REALLOCATES not in x.notes


# --- the notice steps first ---

@pytest.mark.parametrize("text", [
    "Send written notice to billing 60 days before the term ends.",
    "Notice needs to go to your account manager a month before the end of the term.",
    "Надішліть письмове повідомлення за 30 днів до кінця строку.",
])
def test_the_notice_steps_are_the_process(text: str) -> None:
    assert analysis.exit_steps(text)


@pytest.mark.parametrize("text", [
    "Under your agreement, a seat change mid-term needs 60 days' written notice.",
    "Send written notice by all means, but the earliest exit is March.",
])
def test_the_notice_as_a_wall_is_not(text: str) -> None:  # near misses
    assert not analysis.exit_steps(text)


def test_the_notice_steps_first_are_a_thin_acknowledgment(policy, embedder) -> None:
    persona = get_persona("corelytics-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Sure. Send written notice to billing 60 days before the term ends. May I ask what's behind the decision?",
    ], recorded=["We've been reviewing our whole tool stack this quarter."])
    status = _status(card)
    assert status["acknowledgment"] == "partial" and status["F1"] == "ok", card


def test_thanks_before_the_notice_steps_still_acknowledges(policy, embedder) -> None:  # near miss
    persona = get_persona("corelytics-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Sam, thanks for telling me early, I understand. Send written notice to billing before the term ends, and "
        "I'll help with the rest. May I ask what's behind the decision?",
    ], recorded=["We've been reviewing our whole tool stack this quarter."])
    assert _status(card)["acknowledgment"] == "met", card


# --- arguing: harm to their people, the switching cost, the rank on the market ---

@pytest.mark.parametrize("text", [
    "Your patients will be the ones who suffer if the reminders stop.",
    "Moving to another tool usually ends up costing more than the licence saving.",
    "Перехід на інший сервіс зазвичай коштує дорожче, ніж здається.",
])
def test_the_harm_of_the_change_argues(text: str) -> None:
    assert stance.ARGUE.search(text)


@pytest.mark.parametrize("text", [
    "Our reporting is the strongest in the category.",
    "Наш сервіс — найпотужніший інструмент на ринку.",
])
def test_the_rank_on_the_market_pitches(text: str) -> None:
    assert stance.pitches(text)


@pytest.mark.parametrize("text", [
    "I want to make sure your members keep the app.",
    "We can find the strongest option for your budget.",
])
def test_care_for_their_people_does_not_argue(text: str) -> None:  # near misses
    assert not stance.ARGUE.search(text) and not stance.pitches(text)


def test_the_harm_laid_on_their_people_is_pushback_in_a_first_reply(policy, embedder) -> None:
    persona = get_persona("peak-fitness-cancel")
    card, _ = replay(persona, policy, embedder, [
        "Lena, I hear you. Your members will be the ones who suffer if the app goes.",
    ], recorded=["That's not a reason to keep paying."])
    status = _status(card)
    assert status["acknowledgment"] != "met" and status["F1"] == "triggered", card


# --- the full fee stays ---

@pytest.mark.parametrize("text", [
    "Sorry, the full fee stays until the end of the term.",
    "Your whole package remains until renewal.",
    "На жаль, повна оплата залишається до кінця договору.",
])
def test_the_full_fee_staying_refuses_any_change(text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text)


def test_the_spend_kept_while_moved_is_not_a_refusal() -> None:  # near miss
    assert not stance.REFUSES_CHANGE.search("Your monthly spend stays where it is, and we move part of it to SEO.")


# --- the term put first ---

@pytest.mark.parametrize("text", [
    "Before anything else, I have to remind you the agreement is for 36 months.",
    "Your subscription is for 120 seats until 2028.",
    "The seat count is fixed for the term, I'm afraid.",
    "Мушу зазначити, що в договорі не передбачено паузи.",
])
def test_the_term_put_first_is_contract_talk(text: str) -> None:
    assert stance.CONTRACT_FIRST.search(text)


def test_a_reminder_about_help_is_not(text: str = "Can I remind you that our support team is here to help?") -> None:
    assert not stance.CONTRACT_FIRST.search(text)  # near miss


# --- the seats promised to fit ---

@pytest.mark.parametrize("text", [
    "We'll get the seats to match your team.",
    "We'll make the package fit where the clinic is now.",
])
def test_the_fit_promised_takes_the_request_on(text: str) -> None:
    assert offers.accepts_request(text)


def test_a_seat_count_named_is_not_only_a_promise() -> None:  # near miss
    assert not offers.accepts_request("Let's cut the seats to 30 at $90 each.")


# --- next year, after the first quarter ---

@pytest.mark.parametrize("text", [
    "Let's speak again next year.",
    "I'll check back after the first quarter to see how it's going.",
    "Наберу вас наступного року.",
])
def test_a_year_ahead_is_a_rough_time(text: str) -> None:
    assert timing.timing(text) == "rough"


@pytest.mark.parametrize("text", [
    "I'll call you next year in February, before the board meets.",
    "Let's review on 2 April, after the first quarter.",
    "Is there a point next year when the budget is reviewed?",
])
def test_a_date_or_event_next_year_is_still_dated(text: str) -> None:  # near misses
    assert timing.timing(text) == "dated"


# --- same plan, same price ---

@pytest.mark.parametrize("text", [
    "Same package, same price, and the posts go out on time.",
    "Той самий пакет, та сама ціна, але без затримок.",
])
def test_same_plan_same_price_states_terms(text: str) -> None:
    assert analysis._SAME_SPEND_MOVED.match(text)


def test_the_same_price_alone_is_not(text: str = "Same price, nothing changes.") -> None:  # near miss
    assert not analysis._SAME_SPEND_MOVED.match(text)


# --- a service wound down ---

@pytest.mark.parametrize("text", [
    "We wind down Content and keep SEO and PPC: $4,500 a month on a 24-month renewal.",
    "We phase out Content, keep SEO and PPC, and that's $4,500 a month if you renew for 24 months.",
])
def test_a_service_wound_down_is_taken_out(text: str) -> None:
    x = _extract("harper-cole-spend", text)
    assert x.new_mrr == 4500 and x.removed == ["Content"], x


def test_a_service_kept_running_is_not(text: str = "We keep Content running and add call tracking.") -> None:
    x = _extract("harper-cole-spend", text)  # near miss
    assert "Content" not in x.removed


# --- a service put on hold, a service cut to a part of it ---

@pytest.mark.parametrize("text", [
    "My proposal: Personalisation goes on hold, Search and Analytics carry on, so $12,950 a month, and we extend by "
    "24 months.",
    "Here's my suggestion: Personalisation is put on ice and Search and Analytics carry on, $12,950 a month with a "
    "24-month extension.",
])
def test_a_service_on_hold_is_taken_out_not_a_long_pause(text: str) -> None:
    x = _extract("meridian-retail-spend", text)
    assert x.removed == ["Personalisation"] and not x.pause_months and x.term_months == 24, x


@pytest.mark.parametrize("text", [
    "We could put the whole account on hold for three months.",
    "What if Personalisation goes on hold for three months and we extend the agreement by three months?",
])
def test_a_hold_with_its_length_is_still_a_pause(text: str) -> None:  # near misses
    x = _extract("meridian-retail-spend", text)
    assert x.pause_months == 3, x


@pytest.mark.parametrize("text", [
    "Personalisation drops to the homepage widget only, $1,500 instead of $7,000, if you extend by 24 months.",
    "Personalisation comes down to product recommendations only: $14,450 a month for a 24-month extension.",
])
def test_a_service_cut_to_a_part_of_it_is_a_smaller_scope(text: str) -> None:
    assert _extract("meridian-retail-spend", text).scope


def test_a_price_drop_alone_is_no_smaller_scope() -> None:  # near miss
    assert not _extract("meridian-retail-spend", "The price drops to $16,000 a month if you extend by 24 months.").scope


# --- the save described right after the proposal is announced ---

def test_a_trial_against_the_competitor_after_a_proposal_is_the_save(policy, embedder) -> None:
    a = _turn(policy, embedder, "corelytics-cancel",
              "Here is what I'd suggest instead of a discount. Our solutions engineer sets up a two-week trial of the "
              "HubSpot sync, and your team rates it against BrightMetrics on the same scorecard.")
    assert "save" in a.moves and a.solution, a


def test_a_trial_with_no_competitor_is_not_the_save() -> None:  # near miss
    assert not analysis._SAVE.search("Our solutions engineer can set up a two-week trial of the new reports.")


# --- a service parked ---

@pytest.mark.parametrize("text", [
    "Rather than cancelling, let's park Email Campaigns for now.",
    "We could park the campaigns for three months while the shop is busy.",
])
def test_a_service_parked_is_a_pause(text: str) -> None:
    assert offers._PAUSE.search(text)


def test_parking_a_topic_is_not(text: str = "Let's park that question for a moment.") -> None:  # near miss
    assert not offers._PAUSE.search(text)


# --- a colleague who "will reach out" ---

@pytest.mark.parametrize("text", [
    "Someone from our team will reach out to set it up.",
    "Our product lead will reach out to arrange it.",
])
def test_a_promise_of_contact_with_no_time_is_rough(text: str) -> None:
    assert timing.follow_up(text) and timing.timing(text) == "rough"


@pytest.mark.parametrize("text", [
    "I'll reach out on 3 March.",
    "We will reach out once the board has met.",
])
def test_a_promise_of_contact_with_a_date_or_event_is_dated(text: str) -> None:  # near misses
    assert timing.timing(text) == "dated"


# --- the customer's own figure granted in the first reply ---

def test_the_requested_figure_granted_at_once_is_a_thin_acknowledgment(policy, embedder) -> None:
    persona = get_persona("usmishka-seats")
    card, _ = replay(persona, policy, embedder, [
        "Так, Олено, звісно, з нового місяця зменшимо кількість до 15 місць.",
    ], recorded=["Дякую."])
    assert _status(card)["acknowledgment"] == "partial", card


def test_a_counter_in_the_first_reply_is_not_the_request_granted(policy, embedder) -> None:  # near miss
    persona = get_persona("usmishka-seats")
    card, _ = replay(persona, policy, embedder, [
        "Олено, дякую, що сказали заздалегідь, розумію, як зараз непросто. Можемо перейти на 17 місць, якщо "
        "продовжимо договір на 24 місяці.",
    ], recorded=["Дякую."])
    assert _status(card)["acknowledgment"] == "met", card


def test_warm_words_before_the_figure_granted_still_acknowledge(policy, embedder) -> None:  # near miss
    persona = get_persona("usmishka-seats")
    card, _ = replay(persona, policy, embedder, [
        "Олено, дякую, що написали заздалегідь, без проблем, я вас розумію. З нового місяця зменшимо кількість "
        "до 15 місць.",
    ], recorded=["Дякую."])
    assert _status(card)["acknowledgment"] == "met", card

"""General rules met in the thirteenth dev file of judged transcripts (none of these sentences is from a
transcript): amounts written out in words (hundreds, thousands, cents; English and Ukrainian); an offer kept open
is no refusal; a reminder "set" or a talk "about" something is a next contact; a proposal worded as a question is
no diagnosis; the request said back with "we can change the package" is an acknowledgment; Ukrainian offers stated
as done in the present tense; a stop for a span of months is a pause; the agreement "extended by" the months is the
exchange, not an argument; the bill going out again is the pause's own date; "Що ж" opens no question; a written
notice asked for and the contract closed is the request processed; a counter put off to the AE is no counter; the
contract's terms put first are contract talk; a discount ruled out is not given."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import moves, offers, timing
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import replay

# An older dev file's families: run in CI (everything), kept out of the fast loop.
pytestmark = pytest.mark.slow


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=first, previous_offer=previous)


# --- amounts written out in words ---

@pytest.mark.parametrize(("text", "want"), [
    ("that lands you at four thousand two hundred and fifty dollars a month", "4250 dollars a month"),
    ("roughly forty-one hundred a month", "4100 a month"),
    ("twelve thousand three hundred a month", "12300 a month"),
    ("a hundred seats", "100 seats"),
    ("це три тисячі сто сорок доларів на місяць", "3140 доларів на місяць"),
    ("до трьох тисяч п'ятисот доларів", "3500 доларів"),
    ("вісімсот двадцять гривень", "820 гривень"),
    ("тисячу доларів на місяць", "1000 доларів на місяць"),
    ("sixty-one dollars and twenty-five cents per seat", "61.25 dollars per seat"),
    ("дві тисячі сто долари сорок центів", "2100.40 долари"),
    ("рахунок — 1 945,60 долара на місяць", "1 945.60 долара на місяць"),
])
def test_amounts_in_words_become_one_figure(text: str, want: str) -> None:
    assert want in offers.digits(text), offers.digits(text)


def test_words_that_only_look_like_numbers_stay() -> None:
    for text in ["тисячі клієнтів чекають", "hundreds of clinics", "просто так", "сталося це вчора"]:
        assert offers.digits(text) == text


def test_half_a_year_as_a_length_but_not_as_a_discount_span() -> None:
    assert "на 6 місяців" in offers.digits("Зупинимо рекламу на пів року.")
    assert "for 6 months" in offers.digits("We hold billing for half a year.")
    assert "пів року" in offers.digits("Знижка 10% на наступні пів року.")


def test_a_price_in_words_is_read_as_the_offer(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "acme-dental-seats", "I can do thirty-three seats at three thousand seven hundred "
              "and ninety-five dollars a month if you extend by twenty-four months.")
    assert t.offer is not None and t.offer.offer["new_mrr"] == 3795.0 and t.offer.offer["seats"] == 33
    assert not t.offer.breaches


# --- an offer kept open; a reminder set; a talk about something ---

def test_an_offer_kept_open_is_no_refusal(policy: Policy, embedder) -> None:
    for text in ["That proposal still stands, whenever you want it.", "Пропозиція залишається в силі."]:
        pid = "technosfera-cancel" if "П" in text[:1] else "corelytics-cancel"
        t = _turn(policy, embedder, pid, text)
        assert not t.refusal, text


def test_a_reminder_set_or_a_talk_about_something_is_a_next_contact() -> None:
    assert timing.follow_up("I'll set a reminder for the board meeting in March.")
    assert timing.follow_up("When the funding round closes in May, we talk about the extra seats.")
    assert not timing.follow_up("The seats go down in March.")


# --- a proposal worded as a question ---

def test_a_proposal_as_a_question_is_no_diagnosis(policy: Policy, embedder) -> None:
    for text in ["Instead of leaving, why don't we freeze the account for two months?",
                 "Why not move the PPC money into SEO?"]:
        t = _turn(policy, embedder, "peak-fitness-cancel", text, first=True)
        assert not t.topics, text
    assert _turn(policy, embedder, "peak-fitness-cancel", "Why are you leaving?", first=True).topics


# --- the request said back ---

def test_the_request_said_back_with_we_can_change_it_is_no_offer() -> None:
    for s in ["Dropping Email from January, understood, and we can certainly change the plan.",
              "Мінус 20% місць — зрозуміло, давайте розберемося, як краще."]:
        assert offers.offer_sentences([s]) == [], s
    assert offers.offer_sentences(["Understood, and we can change the plan to 30 seats at $3,900 a month."])


# --- Ukrainian offers in the present tense; a stop for a span of months ---

def test_a_ukrainian_offer_stated_as_done(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "usmishka-seats", "Гаразд: з січня зменшую до шістнадцяти місць.")
    assert t.offer is not None and t.offer.offer["seats"] == 16
    t = _turn(policy, embedder, "usmishka-seats", "Вісімнадцять місць, і договір подовжуємо на тридцять шість "
              "місяців.")
    assert t.offer is not None and t.offer.offer["term_extension_months"] == 36


def test_a_stop_for_a_span_of_months_is_a_pause(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "levada-pause", "Пропоную зупинити обслуговування на чотири місяці, а договір "
              "продовжимо на ті самі чотири місяці.")
    assert t.offer is not None and t.offer.shape == "pause" and t.offer.offer["pause_months"] == 4
    t = _turn(policy, embedder, "levada-pause", "Пропоную не зупинятися, а дати знижку 10% на три місяці.")
    assert t.offer is None or t.offer.shape != "pause"


def test_the_agreement_extended_by_the_months_is_the_exchange(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "levada-pause", "Пропоную паузу на п'ять місяців, з січня. За ці місяці платити "
              "не треба, а договір продовжиться на п'ять місяців.")
    assert not t.pushback
    assert t.offer is not None and t.offer.offer["term_extension_months"] == 5


def test_the_bill_going_out_again_is_no_trigger(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "levada-pause", "Пауза на три місяці з продовженням договору. Рахунки підуть "
              "знову з квітня.")
    assert t.trigger is None
    assert timing.timing("Поговоримо знову, коли справи у вас трохи налагодяться.") == "rough"


# --- "Що ж" opens no question; the request processed in Ukrainian ---

def test_an_interjection_opens_no_question() -> None:
    assert not moves.is_question("Що ж, тоді оформимо все як є.")
    assert not moves.is_question("Як жест вдячності додамо місяць підтримки.")
    assert moves.is_question("Що саме змінилося у вас?")


def test_a_written_notice_asked_for_and_the_contract_closed_is_a_close(policy: Policy, embedder) -> None:
    t = _turn(policy, embedder, "technosfera-cancel", "Тоді надішліть письмовий лист, і ми все закриємо.")
    assert t.closing is not None and t.offer is not None and t.offer.as_requested
    t = _turn(policy, embedder, "corelytics-cancel", "Send us the notice by email and we'll close the account.")
    assert t.closing is not None


# --- a counter put off to the AE; the contract put first; a discount ruled out ---

def test_a_counter_put_off_is_no_counter(policy: Policy, embedder) -> None:
    turns = ["Thanks for flagging it early, Helen. What's changed on your side?",
             "How much does the budget come down by?",
             "Thank you. I'll take this to our account executive and get back to you with some options."]
    said = ["Group finance wants costs out.", "Digital is down 35%.", "Fine, by the end of the month please."]
    card, _ = replay(get_persona("meridian-retail-spend"), policy, embedder, turns, recorded=said)
    assert {f.id: f.status for f in card.failure_modes}["F3"] == "not_reached"
    assert {c.id: c.status for c in card.components}["counter"] == "missed"


def test_the_contract_put_first_is_contract_talk(policy: Policy, embedder) -> None:
    for pid, text in [("levada-pause", "Договір з вами чинний до березня, тож спершу перевірю, що в договорі "
                                       "передбачено щодо паузи."),
                      ("riverside-hotel-cancel", "Let me check what the agreement allows on pausing before I "
                                                 "promise anything.")]:
        t = _turn(policy, embedder, pid, text, first=True)
        assert t.pushback, text


def test_a_discount_ruled_out_is_not_given() -> None:
    assert not offers.concession("I don't believe a discount would fix this, and I won't give you one.")
    assert not offers.concession("I don't think a discount helps you.")
    assert offers.concession("I can give you a 10% discount.")


# --- a giveaway beside the counter, with nothing asked for it ---

def test_a_free_month_beside_the_counter_for_nothing_is_a_concession_given(policy: Policy, embedder) -> None:
    base = ("We suspend Social Media and keep Local SEO and Email, with 5% off if you commit for twelve months, "
            "so $1,852.50 a month.")
    t = _turn(policy, embedder, "sunrise-bakeries-module", base + " On top of that, January is free, no strings "
              "attached.")
    assert t.offer is not None and t.vague_offer is not None and "free" in t.vague_offer
    t = _turn(policy, embedder, "sunrise-bakeries-module", base)
    assert t.offer is not None and t.vague_offer is None


# --- sympathy with the customer's disappointment is no guilt ---

def test_disappointing_said_with_understanding_is_no_guilt() -> None:
    from coach.roleplay import stance
    assert not stance.GUILT.search("It's really disappointing, and I completely understand wanting to stop paying.")
    assert not stance.GUILT.search("That's disappointing for the clinic, I see why you'd drop it.")
    assert stance.GUILT.search("That's disappointing after everything we built for you.")
    assert stance.GUILT.search("This is so disappointing to hear.")

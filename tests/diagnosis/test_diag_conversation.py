"""The conversation, not the last message: request persistence, new requests, pushback."""

import pytest

from coach.diagnosis.conversation import Turn, accepts, combine, offers, read_conversation, states_request
from coach.diagnosis.models import Diagnosis
from coach.drafting.engine import draft
from tests.conftest import TODAY
from tests.factories import make_account

FIRST = Diagnosis(kind="seat_reduction", kind_confidence=0.9, reduction_pct=30.0, seats_requested=12,
                  root_cause="budget_cut", root_cause_confidence=0.8)


def test_first_request_persists_through_a_turn_without_one():
    reply = Diagnosis(kind="acv_cut", kind_confidence=0.3, root_cause="unknown")
    out = combine([FIRST], reply)
    assert out.kind == "seat_reduction" and out.reduction_pct == 30.0 and out.seats_requested == 12
    assert out.root_cause == "budget_cut"  # the reason stated earlier still holds


def test_a_new_request_replaces_the_old_one():
    new = Diagnosis(kind="module_cancel", kind_confidence=0.8, modules=["PPC"], root_cause="value_perception")
    assert states_request(new)
    out = combine([FIRST], new)
    assert out.kind == "module_cancel" and out.modules == ["PPC"] and out.reduction_pct is None
    assert out.root_cause == "value_perception"


def test_pushback_with_a_figure_keeps_the_kind_and_takes_the_new_figure():
    push = Diagnosis(kind="acv_cut", kind_confidence=0.5, reduction_pct=40.0, pushback=True)
    out = combine([FIRST], push)
    assert out.pushback and out.kind == "seat_reduction" and out.reduction_pct == 40.0
    bare = Diagnosis(kind="acv_cut", kind_confidence=0.4, pushback=True)
    out = combine([FIRST], bare)
    assert out.pushback and out.kind == "seat_reduction" and out.reduction_pct == 30.0


def test_a_later_turn_answers_the_why():
    unknown = FIRST.model_copy(update={"root_cause": "unknown"})
    answer = Diagnosis(kind="acv_cut", kind_confidence=0.2, root_cause="org_shrinking", root_cause_confidence=0.7)
    out = combine([unknown], answer)
    assert out.kind == "seat_reduction" and out.root_cause == "org_shrinking"


def test_thanks_after_a_request_stays_a_downsell():
    thanks = Diagnosis(intent="feedback", kind="other")
    out = combine([FIRST], thanks)
    assert out.intent == "downsell" and out.kind == "seat_reduction"


def test_no_pushback_before_any_counter():
    def fake(text, account):
        return Diagnosis(pushback=True) if "too much" in text else FIRST
    out = read_conversation([Turn("customer", "cut 12 seats")], "that's too much", None, fake)
    assert out.pushback is False
    out = read_conversation([Turn("customer", "cut 12 seats"), Turn("csm", "we can do 10% off for 24 months")],
                            "that's too much", None, fake)
    assert out.pushback is True


def test_pushback_in_a_case_brings_in_vp_cs(builtin_knowledge):
    acct = make_account()
    history = ["Our budget was cut, we need to reduce our seats by 30%."]
    d = draft(acct, "20% still feels like a lot... can't you just do 30% off?", today=TODAY,
              knowledge=builtin_knowledge, history=history, prior_counters=1)
    assert d.intent == "downsell"
    assert d.request.kind == "seat_reduction"
    assert d.request.reduction_pct == 30.0
    assert "vp_cs" in d.escalations


def test_unchanged_request_across_turns(builtin_knowledge):
    acct = make_account()
    history = ["We need to drop PPC, it isn't bringing leads."]
    d = draft(acct, "Ok, when can you confirm?", today=TODAY, knowledge=builtin_knowledge, history=history)
    assert d.intent == "downsell"
    assert d.request.kind in ("service_removal", "module_cancel") and d.request.modules == ["PPC"]


def _fake(text, account):
    return Diagnosis(pushback=True, kind="acv_cut", kind_confidence=0.6, reduction_pct=10.0) \
        if "10" in text else FIRST


@pytest.mark.parametrize(("csm", "countered"), [
    ("we can do 10% off for 24 months", True),
    ("What if we paused PPC for three months instead?", True),
    ("Можемо запропонувати знижку, якщо продовжимо договір.", True),
    ("Le proponemos un descuento a cambio de un año más.", True),
    ("Thanks, noted. Can I ask what's changed?", False),
    ("I'll prepare the change and get back to you by Friday.", False),
    ("Дякую, передав колегам, повернусь з деталями.", False),
    ("Gerne. Darf ich fragen, woran es liegt?", False),
])
def test_pushback_needs_a_counter_that_offers_something(csm: str, countered: bool) -> None:
    history = [Turn("customer", "cut 12 seats"), Turn("csm", csm)]
    assert offers(csm) is countered
    assert read_conversation(history, "no, 10 is not enough", None, _fake).pushback is countered


@pytest.mark.parametrize(("reply", "takes"), [
    ("ok the 12 months at 10% off sounds reasonable, let's do that", True),
    ("Добре, годиться. Залишаємо модуль на 12 місяців зі знижкою 10%.", True),
    ("Aceitamos os 10% com 12 meses e mantemos a automação.", True),
    ("Przyjmujemy: 10% rabatu przy 12 miesiącach.", True),
    ("Sounds good, but 10% is still not enough.", False),
    ("Добре, але 10% нам замало.", False),
])
def test_a_reply_that_takes_the_counter_is_not_pushback(reply: str, takes: bool) -> None:
    history = [Turn("customer", "cut 12 seats"), Turn("csm", "we can do 10% off if you stay 12 months")]
    assert accepts(reply) is takes
    out = read_conversation(history, reply, None, _fake)
    if takes:
        assert out.pushback is False and out.kind == "seat_reduction" and out.reduction_pct == 30.0


@pytest.mark.parametrize("reply", [
    "I'm not changing my mind about the Mobile App.",
    "Thanks, but the answer is still no.",
    "Ich wiederhole mich ungern: achthundert Lizenzen.",
    "Já falei: duzentas licenças.",
    "Powtarzam po raz trzeci: sześćdziesiąt licencji.",
    "Та облиште ви ці знижки, API вимикайте.",
])
def test_the_request_repeated_over_an_offer_is_a_pushback_cue(reply: str) -> None:
    from coach.diagnosis.classifier import _paths
    from coach.diagnosis.cues import load_cues
    assert load_cues(_paths()[1]).has_pushback(reply)


def test_a_reply_to_the_counter_keeps_the_reason_stated_before() -> None:
    usage = FIRST.model_copy(update={"root_cause": "usage_gap", "root_cause_confidence": 0.7})
    push = Diagnosis(kind="acv_cut", kind_confidence=0.4, pushback=True, root_cause="value_perception",
                     root_cause_confidence=0.6)
    assert combine([usage], push).root_cause == "usage_gap"  # "10% off doesn't fix anything" is about the offer
    taken = Diagnosis(kind="acv_cut", kind_confidence=0.4, root_cause="competitive_displacement",
                      root_cause_confidence=0.5)
    assert combine([usage], taken, accepted=True).root_cause == "usage_gap"
    answer = Diagnosis(kind="acv_cut", kind_confidence=0.2, root_cause="org_shrinking", root_cause_confidence=0.7)
    assert combine([usage], answer).root_cause == "org_shrinking"  # an answer to "why?" states the reason
    unknown_before = FIRST.model_copy(update={"root_cause": "unknown"})
    assert combine([unknown_before], push).root_cause == "value_perception"  # nothing stated before it


@pytest.mark.parametrize(("reply", "to", "removed"), [
    ("Fine, 150 it is. Send the paperwork.", 150, 50),
    ("Vale, nos quedamos con 170 entonces.", 170, 30),
])
def test_a_seat_count_the_customer_agrees_to_is_the_request_now(reply: str, to: int, removed: int) -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We need to go from 200 seats to 120."),
               Turn("csm", "Could we meet in the middle: 150 seats with a 24-month extension?")]
    out = read_conversation(history, reply, None, diagnose)
    assert out.pushback is False and out.seats_to == to and out.seats_requested == removed



@pytest.mark.parametrize(("first", "csm", "reply", "to", "removed"), [
    # a bare correction takes the place of the figure asked before, in its field
    ("Please take 12 seats off our plan.", "Of course. May I ask what changed?", "Actually, make that 18.", None, 18),
    ("Cut us down to 60 licences please.", "Sure, 60 from the renewal date?",
     "Hold on - wait, 65. I forgot the auditors.",
     65, None),
    ("Приберіть 8 місць, будь ласка.", "Добре. Що змінилося?", "Ой, вибачте, краще 12. Ще одна команда пішла.",
     None, 12),
    # a count agreed in the customer's words
    ("We want to go from 90 seats to 50.", "What if we went to 70 seats with a two-year term?", "70 works for us.",
     70, 20),
    ("Queremos bajar a 25 licencias.", "¿Y si lo dejamos en 35, con 24 meses?", "De acuerdo con 35, tiene sentido.",
     35, None),
    ("We need to go from 200 seats to 120.", "Could we meet at 160 seats with a 24-month extension?",
     "Ok, 160 seats then.",
     160, 40),
    ("Хочемо з 200 місць до 120.", "А якщо 160 місць і продовження на 24 місяці?", "Гаразд, 160 то 160.", 160, 40),
    # a removal verb with a bare count
    ("Can we lower the cost? Maybe fewer seats.", "Shall I pull a usage report?",
     "Thanks, the report shows 22 people never log in, so let's remove those 22.", None, 22),
])
def test_a_bare_count_in_a_later_turn_goes_to_the_request(first, csm, reply, to, removed) -> None:
    from coach.diagnosis import diagnose

    out = read_conversation([Turn("customer", first), Turn("csm", csm)], reply, None, diagnose)
    assert out.kind == "seat_reduction" and out.seats_to == to and out.seats_requested == removed
    assert out.pushback is False


@pytest.mark.parametrize("reply", [
    "No, 90 is too many. 60, as I said.",
    "Ні, дев'яносто — це забагато. Шістдесят, як і просили.",
])
def test_a_counter_turned_down_is_pushback_and_not_the_request(reply: str) -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We need to cut to 60 seats."),
               Turn("csm", "How about 90 seats, so nobody loses access?")]
    out = read_conversation(history, reply, None, diagnose)
    assert out.pushback is True and out.seats_to == 60


@pytest.mark.parametrize(("reply", "takes"), [
    ("No, gracias: el 10% no nos sirve.", False),           # "nos sirve" inside a refusal
    ("Ні, нас це не влаштовує.", False),
    ("Das ist nicht das, was wir besprochen haben, und passt uns nicht.", False),
    ("Fine, let's go with the pause then. But if nothing improves by spring we're out.", True),  # a condition, not a no
    ("Гаразд, давайте паузу. Але якщо нічого не зміниться — закриваємо.", True),
])
def test_a_refusal_never_reads_as_taking_the_counter(reply: str, takes: bool) -> None:
    assert accepts(reply) is takes


@pytest.mark.parametrize("reply", [
    "Sorry, my mistake: it's 16, not 12. Same date please.",
    "Вибачте, я помилився — не 12, а 16 ліцензій прибираємо.",
    "Poprawka: nie 12, tylko szesnaście licencji mniej.",
])
def test_correcting_our_own_figure_is_no_pushback(reply: str) -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We need to remove 12 seats."),
               Turn("csm", "Noted: 12 seats off from the 1st of next month.")]
    out = read_conversation(history, reply, None, diagnose)
    assert out.pushback is False and out.seats_requested == 16


@pytest.mark.parametrize(("reply", "removed"), [
    ("No, 15 doesn't work for us. It has to be 30, those people are gone.", 30),
    ("Ні, 15 нам не підходить. Потрібно саме тридцять.", 30),
    ("Desde el mes que viene, pero mejor que sean 34.", 34),
    ("Na verdade, são 34.", 34),
])
def test_the_customers_own_figure_insisted_on_or_bettered(reply: str, removed: int) -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We want to remove 30 seats."),
               Turn("csm", "Could we start with 15 and review in June?")]
    out = read_conversation(history, reply, None, diagnose)
    assert out.seats_requested == removed



@pytest.mark.parametrize("reply", [
    "Hi Sam,\n\nThanks for this, but freezing it for a quarter wouldn't help us. Please go ahead and close the account.",
    "Merci pour l'offre, mais la pause ne change rien : nous arrêtons l'activité.",
    "Spoke with the COO; she heard the two-year option at 70 seats and said no. Still 50.",
    "Nine thousand is still over the budget I was given.",
    "Let's meet in the middle on this one — 45 seats.",
    "A pausa não nos ajuda, queremos encerrar.",
])
def test_a_counter_turned_down_in_other_words_is_pushback(reply: str) -> None:
    """Dev files of 2026-12-06 (sizes-s, sizes-t): thanks-but, a pause that doesn't help, "said no" in call notes,
    still over the budget, meeting in the middle (phrasings of our own)."""
    from coach.diagnosis.conversation import _REJECTS
    assert _REJECTS.search(reply) and not accepts(reply)


@pytest.mark.parametrize("reply", ["Fine. 25% with the three-year term, let's lock that in.", "Vale, trato hecho."])
def test_locking_the_counter_in_takes_it(reply: str) -> None:
    assert accepts(reply)


@pytest.mark.parametrize("reply", [
    "oops, typo on my side: 22 not 20.",
    "Apologies, I misread the HR sheet - it's 40%, not 30%.",
    "Actually, make that 18 seats; one more person is leaving.",
    "Перепрошую, не 8, а 6 місць — двох лишаємо.",
])
def test_more_ways_of_correcting_our_own_figure(reply: str) -> None:
    """sizes-u (2026-12-06): typos, misreadings and "actually, make that N" correct the customer's own figure."""
    from coach.diagnosis.conversation import _REJECTS, _SELF_CORRECTION
    assert _SELF_CORRECTION.search(reply) and not _REJECTS.search(reply)


def test_too_many_after_a_counter_turns_it_down() -> None:
    from coach.diagnosis.conversation import _REJECTS
    assert _REJECTS.search("85 is too many, I'm afraid; we need 70.")

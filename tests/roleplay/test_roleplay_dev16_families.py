"""General rules met in the sixteenth dev file of judged transcripts (none of these sentences is from a
transcript): defending the price or the results in a reply ("you're already on a discounted rate", "за ці гроші
ви отримуєте", "ви самі бачите результати", "втратити позиції", "вийде дорожче") argues; "give it another year"
and "means cutting results" argue, so keeping the package on them is no counter; paying out the rest of the term
is a threat; "I'd think very carefully" argues; the contract named then set aside ("That said, let's see what we
can do") argues gently; the term's end given with the notice that ends it answers the process question; "even
if nothing changes" accepts the decision; a counter's own lock in a first reply is no contract talk; a first-reply
pitch is no save."""

from __future__ import annotations

import pytest

from coach.policy import Policy
from coach.roleplay import stance
from coach.roleplay.analysis import analyse
from coach.roleplay.models import TurnAnalysis
from coach.roleplay.personas import get_persona

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def _turn(policy: Policy, embedder, persona_id: str, text: str, *, first: bool = False,
          previous: dict | None = None) -> TurnAnalysis:
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None,
                   first_turn=first, previous_offer=previous)


# --- defending the price or the results ---

@pytest.mark.parametrize("text", [
    "Remember, you're already on a reduced rate.",
    "You get a lot for the money, honestly.",
    "You can see the results for yourself.",
    "If you stop now we'd have to start over, and it will cost more in the end.",
    "У вас і так знижка від прайсу.",
    "За ці гроші ви отримуєте дуже багато.",
    "Ви ж самі бачите результати.",
    "Зупинитися — це втратити позиції.",
    "Потім доведеться все починати спочатку, і це вийде дорожче.",
])
def test_defending_the_price_or_results_argues(text: str) -> None:
    assert stance.ARGUE.search(text)


def test_a_plain_price_statement_does_not_argue() -> None:
    assert not stance.ARGUE.search("Your current rate is $5,700 a month.")
    assert not stance.ARGUE.search("Ви зараз платите 2 850 доларів на місяць.")


@pytest.mark.parametrize(("persona", "text"), [
    ("usmishka-seats", "Розумію, але у вас і так знижка, а за ці гроші ви отримуєте дуже багато."),
    ("levada-pause", "Розумію, але ж ви самі бачите результати. Зупинитися зараз — це втратити позиції."),
])
def test_a_first_reply_defending_the_price_pushes_back(policy, embedder, persona: str, text: str) -> None:
    a = _turn(policy, embedder, persona, text, first=True)
    assert a.pushback, a


def test_keeping_the_package_to_give_it_another_year_is_no_counter(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "Cutting back means losing leads. I'd honestly recommend keeping the full package and giving it one "
              "more year.")
    assert a.offer is None and a.refusal, a


# --- threats and warnings ---

@pytest.mark.parametrize("text", [
    "Leaving now means paying out the remaining eight months.",
    "You'd still owe the full amount through June.",
    "Тоді доведеться сплатити залишок до кінця договору.",
])
def test_the_rest_of_the_term_to_pay_is_a_threat(text: str) -> None:
    assert stance.THREAT.search(text)


def test_think_carefully_argues() -> None:
    assert stance.ARGUE.search("I'd think very hard before signing that off.")
    assert stance.ARGUE.search("Подумайте ще раз, будь ласка.")


# --- the contract set aside at once ---

def test_the_contract_named_then_set_aside_argues_gently() -> None:
    assert stance.SETS_ASIDE.search("That said, let's see what we can work out.")
    assert stance.SETS_ASIDE.search("Втім, давайте подивимося, що можна зробити.")
    assert not stance.SETS_ASIDE.search("That said, the fee still applies.")


def test_the_term_end_with_the_notice_answers_the_process_question(policy, embedder) -> None:
    a = _turn(policy, embedder, "technosfera-cancel",
              "Звісно, підкажу. Договір діє до 30 квітня 2027 року; щоб його не продовжувати, достатньо листа від "
              "вас до цієї дати. А що стоїть за рішенням?", first=True)
    assert not a.pushback, a


def test_even_if_nothing_changes_accepts_the_decision() -> None:
    assert stance.accepts_decision("I'd like to understand it, even if nothing changes.")
    assert stance.accepts_decision("Хочу зрозуміти, навіть якщо рішення вже не зміниться.")


def test_a_counters_own_lock_is_no_contract_talk(policy, embedder) -> None:
    a = _turn(policy, embedder, "northwind-freight-seats",
              "Thanks for telling me, Priya, I'm sorry it's been a hard autumn. One idea: we could take you to 90 "
              "seats instead of 72, and in return extend by two years so your price stays locked.", first=True)
    assert a.offer is not None and not a.pushback, a


def test_a_first_reply_pitch_is_no_save(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "Hold on, Marcus. Your rankings have been climbing steadily, and that's worth far more than what you "
              "pay.", first=True)
    assert a.pushback and a.solution is None, a

"""General forms met in the dev33 and dev34 judged files (a trainer in the first author's voice weighting the counter;
a bilingual trainer transcribing spoken practice calls, 2026-12-07): each tested in words of our own, not a sentence of
those files."""

from __future__ import annotations

import pytest

from coach.roleplay import stance
from coach.roleplay.numbers import digits
from tests.roleplay.test_roleplay_dev25_families import _turn


def test_every_service_kept_at_a_lower_price_is_a_discount_on_the_full_list(policy, embedder) -> None:
    # Harper & Cole: list $6,000, $5,700 today. Nothing taken out, $4,400 a month: 26.7% off the full list, past the cap
    a = _turn(policy, embedder, "harper-cole-spend",
              "Here's my offer: keep SEO, PPC and Content just as they are and bring the whole package to $4,400 a "
              "month, in return for a 24-month renewal.")
    assert a.offer is not None and a.offer.offer["new_list_mrr"] is None, a
    assert not all(c.passed for c in a.offer.checks if c.id == "discount-cap"), a.offer.checks


def test_a_smaller_package_at_a_lower_price_keeps_its_own_list(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "harper-cole-spend",
              "Here's my offer: we drop Content, keep SEO and PPC, $4,400 a month, in return for a 24-month renewal.")
    assert a.offer is not None and all(c.passed for c in a.offer.checks if c.id == "discount-cap"), a.offer.checks


@pytest.mark.parametrize(("said", "figure"), [
    ("and I cut your bill in half until you reopen", "bill by 50%"),
    ("we could halve the monthly retainer for now", "cut the monthly retainer by 50%"),
    ("можемо зменшити рахунок удвічі", "рахунок на 50%"),
])
def test_a_bill_cut_in_half_is_fifty_percent(said: str, figure: str) -> None:
    assert figure in digits(said), digits(said)


@pytest.mark.parametrize("said", ["we split the team in half", "це вдвічі більше роботи"])
def test_half_of_something_else_stays_words(said: str) -> None:  # near misses
    assert "50%" not in digits(said)


def test_a_half_price_offer_inside_the_lock_is_a_breach(policy, embedder) -> None:
    # Riverside: month 7 of an integrated-marketing agreement, so no MRR reduction before month 10
    a = _turn(policy, embedder, "riverside-hotel-cancel",
              "What if we keep SEO going and I cut your bill in half while you're closed?")
    assert a.offer is not None and a.offer.breaches, a


def test_the_length_of_a_waiver_is_no_commitment(policy, embedder) -> None:
    a = _turn(policy, embedder, "sunrise-bakeries-module",
              "How about this: Social Media stays on and I'll waive its fee for the next two months.")
    assert a.offer is None or not a.offer.offer["term_extension_months"], a


def test_a_present_tense_plan_with_figures_prices_the_offer(policy, embedder) -> None:
    # a question floats the idea, the next sentence gives the plan in the present tense with its price and term
    a = _turn(policy, embedder, "sunrise-bakeries-module",
              "What if we suspend Social Media instead of cancelling it? You keep Local SEO and Email, I add five "
              "percent off those, so about $1,850 a month, and we agree the rest for twelve months.")
    assert a.offer is not None and a.offer.offer["new_mrr"] == 1850 and a.offer.offer["term_extension_months"] == 12, a


def test_the_exchange_in_its_own_sentence_is_the_offers_term(policy, embedder) -> None:
    a = _turn(policy, embedder, "usmishka-seats",
              "Пропоную так: сімнадцять місць, це приблизно 2 420 доларів на місяць. А натомість подовжуємо договір на "
              "24 місяці.")
    assert a.offer is not None and a.offer.offer["term_extension_months"] == 24, a
    assert not a.pushback, a.pushback


@pytest.mark.parametrize("text", [
    "Honestly, I really don't want to just process that.",
    "So no, I'm not starting an offboarding before we've talked.",
])
def test_declining_to_process_the_request_refuses_it(text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text), text


@pytest.mark.parametrize("text", [
    "Я б, чесно, не радив ставити все на паузу.",
    "Зараз не найкращий момент різати місця.",
    "It's not the best time to cut seats, with the busy season coming.",
])
def test_advising_against_the_change_argues(text: str) -> None:
    assert stance.ARGUE.search(text), text


@pytest.mark.parametrize("text", [
    "I'm not going to process anything until you've seen the figures you asked for.",  # a step, not "that"
    "Зараз найкращий момент, щоб переглянути пакет.",
    "It's the best time to plan the next quarter.",
])
def test_near_misses_neither_argue_nor_refuse(text: str) -> None:
    assert not stance.ARGUE.search(text) and not stance.REFUSES_CHANGE.search(text), text

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


# dev35 (a trainer in the first author's voice: fast veterans, hedgers, list-summarisers, playbook-copiers)

def test_a_service_cut_back_to_a_part_is_a_smaller_package(policy, embedder) -> None:
    # Meridian: keeping two services and cutting the third back to a widget at its own price is a change of scope,
    # not a discount on the whole package
    a = _turn(policy, embedder, "meridian-retail-spend",
              "Then I'd keep Commerce Search and Analytics as they are and cut Personalisation back to the homepage "
              "banner only, at $1,200. That's $14,150 a month for a 24-month extension.")
    assert a.offer is not None and not a.offer.breaches, a.offer


def test_an_announced_plan_carries_its_parts(policy, embedder) -> None:
    a = _turn(policy, embedder, "meridian-retail-spend",
              "Here's my proposal. Commerce Search and Analytics stay as they are; Personalisation drops to a light "
              "scope at $1,200. That's $14,150 a month for a 24-month extension of the agreement.")
    assert a.offer is not None and a.offer.offer["new_mrr"] == 14150, a
    assert a.offer.offer["term_extension_months"] == 24, a


def test_concretely_introduces_the_offer(policy, embedder) -> None:
    a = _turn(policy, embedder, "usmishka-seats",
              "Менший пакет в обмін на термін. Конкретно: 17 місць, 2 450 доларів на місяць, подовження на 24 місяці.")
    assert a.offer is not None and a.offer.offer["seats"] == 17 and a.offer.offer["term_extension_months"] == 24, a


@pytest.mark.parametrize(("said", "figure"), [
    ("we bring you to three fifths of today's seat count", "60% of today's seat count"),
    ("two thirds of the cut you asked for", "67% of the cut"),
])
def test_a_fraction_of_something_is_its_percentage(said: str, figure: str) -> None:
    assert figure in digits(said), digits(said)


def test_a_fraction_of_a_time_stays_words() -> None:  # near miss
    assert digits("a quarter of an hour") == "a quarter of an hour"


def test_a_share_of_todays_seats_is_the_seats_kept(policy, embedder) -> None:
    a = _turn(policy, embedder, "northwind-freight-seats",  # 120 seats today
              "Then we'll bring you down to three quarters of today's seat count, in return for a 24-month extension.")
    assert a.offer is not None and a.offer.offer["seats"] == 90, a


@pytest.mark.parametrize("text", [
    "It stings a bit, after all the work our team put into your posts, but fine.",
    "Сподіваюся, ви нас не підведете.",
    "Перехід для нашої команди був би дуже болючим.",
])
def test_guilt_after_the_work_done(text: str) -> None:
    assert stance.GUILT.search(text), text


@pytest.mark.parametrize("text", ["Розумію, але ціна є ціна.", "Пакет лишається як є.", "A contract is a contract."])
def test_the_price_is_the_price_refuses(text: str) -> None:
    assert stance.REFUSES_CHANGE.search(text), text

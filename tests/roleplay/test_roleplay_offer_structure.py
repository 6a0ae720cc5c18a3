"""Offers read by their structure, not by a list of one author's phrasings: a proposal carries on into
the sentences that give its figures, "N down to M" and "N instead of M" seats (a cut or a count, by
the cut the customer asked for), a European thousands dot, an amount saved, a pause put as stopping
everything for a time, and a concession set aside ("rather than a discount") that gives nothing.
Phrasings written for this test (acme-dental-seats' account: 40 seats, $4,600 a month)."""

from __future__ import annotations

import pytest

from coach.roleplay import offers
from coach.roleplay.moves import sentences
from coach.roleplay.personas import get_persona
from tests.roleplay.test_roleplay_offers import ACCOUNT, offer_of


@pytest.mark.parametrize(("text", "expected"), [
    # a proposal announced, then its figures in the sentences after it
    ("Here's my thinking. We take 8 seats off rather than 12, so 40 down to 32. That lands you at $3,680 a "
     "month. In return I'd ask for a 24-month extension.",
     {"seats": 32, "new_mrr": 3680.0, "term_extension_months": 24}),
    ("Let me suggest something else. 34 seats from January, and we extend the agreement by 12 months.",
     {"seats": 34, "term_extension_months": 12}),
    # "4.500 per month": a dot between thousands
    ("I can do 4.500 per month if you renew for two years.", {"new_mrr": 4500.0, "term_extension_months": 24}),
    # an amount saved is today's bill less that amount
    ("I can drop Social Media, so you'd save $1,300 a month, with a 12-month lock.",
     {"new_mrr": 3300.0, "term_extension_months": 12}),
])
def test_offers_read_by_structure(text: str, expected: dict) -> None:
    offer = offer_of(text)
    assert offer is not None
    assert {k: getattr(offer, k) for k in expected} == expected


def test_figures_after_a_question_or_in_an_argument_do_not_carry_on() -> None:
    # a floated idea: the figures after the question illustrate it, they are not a priced offer
    floated = "Would a smaller package help? If we dropped Social Media you'd save $1,300."
    x = offers.extract(sentences(floated), ACCOUNT)
    assert x.new_mrr is None
    # an argument against the ask is not part of the offer before it
    x = offers.extract(sentences("I'd push back a little on that. A 40% cut would wipe out two years of progress."),
                       ACCOUNT)
    assert x.empty


@pytest.mark.parametrize(("text", "seats"), [
    ("How about 8 seats instead of 12?", 32),  # 12 is the cut asked for: 8 is a smaller cut
    ("How about 34 seats instead of 28?", 34),  # 28 is the count asked for: 34 are kept
])
def test_seats_instead_of_the_ask_read_by_the_cut_asked_for(text: str, seats: int) -> None:
    x = offers.extract(sentences(text), ACCOUNT, asked_cut=12)
    assert x.seats == seats


def test_stopping_everything_for_a_time_is_a_pause_of_that_length() -> None:
    persona = get_persona("riverside-hotel-cancel")
    x = offers.extract(sentences("Let's not cancel. We'll stop all three services for four months from December."),
                       persona.account)
    assert (x.pause_months, x.term_months, x.notes) == (4, None, [])


@pytest.mark.parametrize(("sentence", "gives"), [
    ("I'd like to earn a fair comparison rather than throw a discount at you.", False),
    ("Пропоную чесне порівняння, без розмов про знижки.", False),
    ("No price games: a side-by-side with our product lead.", False),
    ("I could look at a discount if you extend the term.", True),
    ("Можемо дати знижку, якщо продовжите договір.", True),
])
def test_a_concession_set_aside_gives_nothing(sentence: str, gives: bool) -> None:
    assert offers.concession(sentence) is gives


@pytest.mark.parametrize(("persona_id", "text", "expected"), [
    ("peak-fitness-cancel", "Then rather than ending it, why don't we just pause everything for six months?",
     {"pause_months": 6}),
    ("sunrise-bakeries-module", "Then don't cancel, suspend. Social off from Dec, extra 5% off Local SEO + Email, "
     "remaining package locked 12 months.", {"removed": ["Social Media"], "term_months": 12}),
])
def test_an_alternative_put_against_the_ask_is_an_offer(persona_id: str, text: str, expected: dict) -> None:
    x = offers.extract(sentences(text), get_persona(persona_id).account)
    assert {k: getattr(x, k) for k in expected} == expected


@pytest.mark.parametrize("text", [
    "Пропоную паузу на три місяці, з грудня по лютий: рахунків не буде, а ці три місяці ми просто додамо в кінець "
    "договору.",
    "Ставимо все на паузу на три місяці. Кожен місяць паузи додаємо в кінець договору.",
    "We pause everything for three months, and we'll add those three months to the end of your agreement.",
])
def test_pause_months_added_to_the_end_of_the_agreement_extend_it(text: str, policy, embedder) -> None:
    from coach.roleplay.analysis import analyse

    a = analyse(text, get_persona("levada-pause"), policy, embedder=embedder, requested_mrr=1425.0)
    assert a.offer is not None and a.offer.offer["pause_months"] == 3
    assert a.offer.offer["term_extension_months"] == 3


def _an(text: str, persona_id: str, policy, embedder, **kw):
    from coach.roleplay.analysis import analyse
    from coach.roleplay.reference import reference

    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder,
                   requested_mrr=reference(persona, policy).requested_mrr, **kw)


@pytest.mark.parametrize(("sentence", "gives"), [
    ("What I can do is give you December's Social Media for free.", True),
    ("I could push December's invoice back by two weeks.", True),
    ("Можу перенести оплату за грудень на 10 днів.", True),
    ("I'll book a call in June and we decide together whether we restart or right-size.", False),
])
def test_concessions_without_figures(sentence: str, gives: bool, policy, embedder) -> None:
    a = _an(sentence, "sunrise-bakeries-module", policy, embedder)
    assert (a.vague_offer == sentence) is gives
    assert sentence not in a.questions  # a concession is not a diagnosis question


def test_a_commitment_for_the_earlier_offer_does_not_pay_for_a_new_concession(policy, embedder) -> None:
    a = _an("Just the extension signed. And as a thank-you, I'll waive the January invoice.", "acme-dental-seats",
            policy, embedder, previous_offer={"new_mrr": 3680.0, "seats": 32})
    assert not a.vague_exchanged
    b = _an("I can waive the January invoice if you extend by a year.", "acme-dental-seats", policy, embedder)
    assert b.offer is not None or b.vague_exchanged


def test_an_offer_put_as_a_question_and_a_smaller_package_are_read(policy, embedder) -> None:
    a = _an("Would taking about 30% off the spend, by trimming the package, with a three-year extension work for "
            "you?", "meridian-retail-spend", policy, embedder)
    assert a.offer is not None and not a.questions
    assert a.offer.offer["term_extension_months"] == 36
    assert not a.offer.breaches  # a smaller package at today's discount, not 30% off it


def test_an_argument_against_the_ask_is_not_an_offer(policy, embedder) -> None:
    a = _an("Cutting 40% now would undo a lot of that groundwork, and I'd hate to see that happen.",
            "harper-cole-spend", policy, embedder)
    assert a.offer is None and a.pushback


@pytest.mark.parametrize("sentence", [
    "Whatever the answer, it helps me hand things over properly.",
    "It helps me make the handover right whichever way this goes.",
])
def test_getting_ready_for_the_decision_either_way_is_not_a_refusal(sentence: str, policy, embedder) -> None:
    a = _an(sentence, "peak-fitness-cancel", policy, embedder, first_turn=True)
    assert not a.refusal and not a.pushback


@pytest.mark.parametrize(("text", "expected"), [
    ("Тоді так: 17 місць замість 15, близько 2 420 на місяць, і продовження на два роки.",
     {"seats": 17, "new_mrr": 2420.0, "term_months": 24}),
    ("Тоді пропоную скоротити не п'ять місць, а три: з 20 до 17. Це близько 2 420 доларів на місяць.",
     {"seats": 17, "new_mrr": 2420.0}),
    ("Пропоную скоротити не п'ять місць, а три.", {"seats": 17}),  # five is the cut asked for: three is a cut
    ("Дам вам 25% знижки, якщо залишитеся з нами.", {"discount_pct": 25.0}),
    ("Можу піти до 30%, більше вже не вийде.", {"discount_pct": 30.0}),
])
def test_ukrainian_offers_by_structure(text: str, expected: dict) -> None:
    x = offers.extract(sentences(text), get_persona("usmishka-seats").account, asked_cut=5)
    assert {k: getattr(x, k) for k in expected} == expected


@pytest.mark.parametrize(("sentence", "concrete", "loose"), [
    ("I'll call you the first week of May to see if it came through.", True, False),
    ("Пропоную 12 січня, щоб у вас лишилося два тижні до рішення.", True, False),
    ("Will check back in a while re switching it back on.", False, True),
])
def test_next_contacts_are_triggers(sentence: str, concrete: bool, loose: bool, policy, embedder) -> None:
    a = _an(sentence, "technosfera-cancel", policy, embedder)
    assert a.trigger == sentence and (a.trigger_concrete, a.trigger_loose) == (concrete, loose)
    assert not a.questions


def test_a_concession_dated_for_a_month_is_not_a_trigger(policy, embedder) -> None:
    sentence = "What I can do is add a free month of Content in January."
    a = _an(sentence, "harper-cole-spend", policy, embedder)
    assert a.vague_offer == sentence and a.trigger is None


def test_a_recommended_seat_count_is_an_offer_and_an_argument_about_later_no_trigger(policy, embedder) -> None:
    a = _an("I hear you, but I'd really recommend keeping at least 100 seats. You'll need them when things pick up, "
            "and re-adding seats later costs more.", "northwind-freight-seats", policy, embedder)
    assert a.offer is not None and a.offer.offer["seats"] == 100
    assert a.trigger is None  # no next contact, no date: an argument about the future, not a follow-up


@pytest.mark.parametrize("text", [
    "Жодних проблем, призупиняємо все з грудня, на скільки вам буде потрібно.",
    "We can pause the account for as long as you need.",
])
def test_a_pause_with_no_end_is_longer_than_any_allowed(text: str, policy, embedder) -> None:
    a = _an(text, "levada-pause", policy, embedder)
    assert a.offer is not None and a.offer.offer["pause_months"] > policy.pause.max_months
    assert any(c.id == "hardship-pause" for c in a.offer.breaches + a.offer.warnings)


@pytest.mark.parametrize("sentence", ["Нема за що.", "You're welcome, Andrii.", "No problem at all."])
def test_courtesy_is_not_a_refusal(sentence: str, policy, embedder) -> None:
    a = _an(sentence, "levada-pause", policy, embedder)
    assert not a.refusal and not a.pushback


@pytest.mark.parametrize(("text", "breach"), [
    ("The most I can do is take Social Media off once the lock ends in February.", False),
    ("The most I can do is take Social Media off from next month.", True),
])
def test_a_change_that_starts_when_the_lock_ends_is_checked_then(text: str, breach: bool, policy, embedder) -> None:
    a = _an(text, "riverside-hotel-cancel", policy, embedder)  # month 7 of an integrated-marketing agreement
    assert a.offer is not None
    assert any(c.id == "lock-period" for c in a.offer.breaches) is breach


def test_budget_moved_between_services_keeps_the_spend(policy, embedder) -> None:
    persona = get_persona("bright-smile-ppc")  # inside the lock: the answer is a plan at the same price
    a = _an("Here's what I'd propose. We keep your monthly budget where it is, but move about $800 of the PPC money "
            "into local SEO.", "bright-smile-ppc", policy, embedder)
    assert a.offer is not None and a.offer.offer["new_mrr"] == persona.account.mrr and not a.offer.breaches
    assert offers.REALLOCATES in a.offer.notes
    b = _an("I can take $800 off the PPC line.", "bright-smile-ppc", policy, embedder)
    assert b.offer is not None and offers.REALLOCATES not in b.offer.notes


def test_a_free_month_while_they_sort_it_out_is_a_giveaway_not_a_trigger(policy, embedder) -> None:
    sentence = "I'll give you next month of Social Media free while you sort it out."
    a = _an(sentence, "sunrise-bakeries-module", policy, embedder)
    assert a.vague_offer == sentence and not a.vague_exchanged and a.trigger is None
    assert offers.giveaway(sentence) and not offers.giveaway("I can right-size the package if you extend.")


def test_the_module_asked_about_named_by_a_pronoun_and_an_unpriced_discount(policy, embedder) -> None:
    a = _an("How about we suspend it for a while instead of cancelling, with a small discount on the rest, if you "
            "agree to a 12-month lock?", "sunrise-bakeries-module", policy, embedder)
    assert a.offer is not None and a.offer.offer["services_kept"] and "Social Media" not in \
        a.offer.offer["services_kept"]
    assert offers.UNPRICED in a.offer.notes


@pytest.mark.parametrize(("sentence", "when"), [
    ("I'll ping you after the holidays to see where the budget is landing.", "rough"),
    ("Зателефоную після свят.", "rough"),
    ("I'll call you before the holidays, on 18 December.", "dated"),
    ("I'll call you after your budget review in June.", "dated"),
])
def test_a_calendar_season_is_a_rough_time_not_an_event(sentence: str, when: str) -> None:
    from coach.roleplay import timing

    assert timing.timing(sentence) == when


def test_a_giveaway_with_a_month_and_a_reason_to_look_is_not_a_trigger(policy, embedder) -> None:
    sentence = ("What I can do is add a free month of Content in January so you can see what a full content "
                "calendar looks like.")
    a = _an(sentence, "harper-cole-spend", policy, embedder)
    assert a.trigger is None and a.vague_offer == sentence

"""The dev-6 round's rules, by wording families a new trainee would also use, in English and Ukrainian:
the request granted in plain words ("Done, you'll be on 72 seats", "I'll halve it from April", the
non-renewal form sent) and its paperwork; processing the request only if the save fails is no grant;
a save or value engineering put without a figure; the pause extension said in other words; arguing
that it is too early to judge; sympathy that is not pushback or guilt; questions that check an offer;
the follow-up's own clause dating it; yes/no questions that only confirm the cause. Phrasings written
for this test, not taken from the judged transcripts."""

from __future__ import annotations

from typing import Any

import pytest

from coach.policy import Policy
from coach.roleplay import moves, offers, stance
from coach.roleplay.analysis import analyse
from coach.roleplay.moves import sentences
from coach.roleplay.personas import get_persona
from coach.roleplay.reference import reference
from coach.roleplay.replay import replay


def _an(text: str, persona_id: str, policy: Policy, embedder: Any, **kw: Any):
    persona = get_persona(persona_id)
    return analyse(text, persona, policy, embedder=embedder,
                   requested_mrr=reference(persona, policy).requested_mrr, **kw)


def _card(persona_id: str, policy: Policy, embedder: Any, pairs: list[tuple[str, str | None]]):
    card, _ = replay(get_persona(persona_id), policy, embedder, [t for t, _ in pairs],
                     recorded=[c for _, c in pairs])
    return ({c.id: c.status for c in card.components}, {f.id: f.status for f in card.failure_modes})


# --- the request granted, and its paperwork ---

@pytest.mark.parametrize(("persona_id", "text"), [
    ("northwind-freight-seats", "Done. You'll be on 72 seats from the first of January."),
    ("northwind-freight-seats", "No problem, I'll put you down to 72 seats from January."),
    ("meridian-retail-spend", "Sure, I'll halve the contract value from the start of next quarter."),
    ("technosfera-cancel", "Добре, надішлю вам форму про непродовження, підпишете, і договір завершиться."),
])
def test_the_request_granted_in_plain_words_is_the_request_as_asked(persona_id: str, text: str, policy: Policy,
                                                                    embedder: Any) -> None:
    a = _an(text, persona_id, policy, embedder)
    assert a.offer is not None  # the request as asked, by the words or by its figures
    assert a.offer.as_requested or any(c.id == "counter-first" and not c.passed for c in a.offer.checks)
    assert a.trigger is None  # the date of the change is not a re-engagement trigger


@pytest.mark.parametrize(("persona_id", "text"), [
    ("northwind-freight-seats", "All sorted: from January you're on 72 seats."),
    ("usmishka-seats", "Гаразд, з наступного місяця у вас буде 15 місць."),
    ("usmishka-seats", "Без проблем, зменшу кількість місць до 15 з наступного місяця."),
    ("bright-smile-ppc", "Okay, PPC will be switched off from next month."),
    ("corelytics-cancel", "Understood, I'll start the cancellation process today."),
    ("technosfera-cancel", "Зрозуміло, підготую документи на завершення договору."),
])
def test_more_ways_of_granting_the_request(persona_id: str, text: str, policy: Policy, embedder: Any) -> None:
    a = _an(text, persona_id, policy, embedder)
    assert a.offer is not None
    assert a.offer.as_requested or any(c.id == "counter-first" and not c.passed for c in a.offer.checks)


def test_paperwork_closes_the_talk_but_grants_nothing_after_a_counter(policy: Policy, embedder: Any) -> None:
    first = _an("Done, I'll get the paperwork going today.", "acme-dental-seats", policy, embedder)
    assert first.closing and first.offer is not None and first.offer.as_requested  # no counter before: a grant
    after = _an("Done, I'll get the paperwork going today.", "acme-dental-seats", policy, embedder,
                previous_offer={"new_mrr": 3680.0, "seats": 32, "term_extension_months": 24}, countered=True)
    assert after.closing and after.offer is None  # the agreed counter's paperwork


@pytest.mark.parametrize("text", [
    "Let's run a head-to-head on your own data first. If we lose it, I'll process the cancellation for you.",
    "I'd like to set up a side-by-side with our product team. Should it not convince you, I'll process the "
    "termination myself.",
])
def test_processing_only_if_the_save_fails_is_no_grant(text: str, policy: Policy, embedder: Any) -> None:
    a = _an(text, "corelytics-cancel", policy, embedder)
    assert a.offer is None and a.closing is None and a.solution


def test_processing_once_the_only_offer_was_refused_is_still_a_close(policy: Policy, embedder: Any) -> None:
    a = _an("OK, if the discount doesn't help, I'll send over the cancellation steps.", "corelytics-cancel",
            policy, embedder, previous_offer={"new_mrr": 7600.0}, countered=True)
    assert a.closing


# --- saves and value engineering without a figure ---

@pytest.mark.parametrize("text", [
    "What I'd like is a bake-off: our connector against theirs, run on your own pipeline, with our product lead.",
    "Пропоную не знижку, а спільну сесію: наш інженер покаже інтеграцію поруч із їхньою, на ваших даних.",
])
def test_a_competitive_save_put_without_a_price(text: str, policy: Policy, embedder: Any) -> None:
    a = _an(text, "technosfera-cancel", policy, embedder)
    assert a.solution and "save" in a.moves and a.offer is None and not a.questions


@pytest.mark.parametrize("sentence", [
    "What I'd suggest is a proper comparison with their tool.",
    "What we can do is run a pilot next month.",
])
def test_a_statement_opening_with_what_is_not_a_question(sentence: str) -> None:
    assert not moves.is_question(sentence)


@pytest.mark.parametrize("text", [
    "Here's my proposal: we keep your total spend as it is, but shift most of the ads budget into local SEO.",
    "Бюджет лишається той самий, але перенесемо більшу частину бюджету реклами в SEO.",
])
def test_budget_moved_without_an_amount_is_value_engineering(text: str) -> None:
    x = offers.extract(sentences(text), get_persona("bright-smile-ppc").account)
    assert offers.REALLOCATES in x.notes


def test_a_product_scaled_down_is_a_smaller_package(policy: Policy, embedder: Any) -> None:
    a = _an("Here's a proposal. We take 30% out: keep Search and Analytics in full, scale Personalisation back to "
            "the basic widget. That lands at about $13,900 a month, and we extend by 24 months.",
            "meridian-retail-spend", policy, embedder)
    assert a.offer is not None and not a.offer.breaches  # less scope at today's discount, not 33% off list


@pytest.mark.parametrize("text", [
    "Halving is a lot, so I want to understand what's behind it before we talk options. What changed?",
    "Перш ніж говорити про варіанти, хочу зрозуміти ситуацію. Що сталося?",
])
def test_putting_options_off_to_ask_first_is_no_plan(text: str, policy: Policy, embedder: Any) -> None:
    a = _an(text, "meridian-retail-spend", policy, embedder, first_turn=True)
    assert a.solution is None and a.offer is None and a.questions


def test_a_cut_given_in_percent_and_then_in_seats_is_a_cut() -> None:
    x = offers.extract(sentences("Тоді пропоную скоротити на 20%, тобто чотири місця, від наступного місяця."),
                       get_persona("usmishka-seats").account, asked_cut=5)
    assert x.seats == 16


# --- the pause extension in other words ---

@pytest.mark.parametrize(("persona_id", "text"), [
    ("riverside-hotel-cancel", "We pause everything for five months from December, and the agreement simply "
                               "extends by the months you're on hold."),
    ("riverside-hotel-cancel", "I can pause all three services for four months and we tack those four months "
                               "onto the end of your agreement."),
    ("levada-pause", "Пропоную паузу на три місяці з грудня. Договір подовжується на ці ж три місяці."),
    ("riverside-hotel-cancel", "We can pause everything for four months, and your end date just moves four months "
                               "later."),
    ("levada-pause", "Ставимо на паузу на три місяці, а кінець договору зсунемо на ці три місяці."),
])
def test_the_pause_extension_said_in_other_words(persona_id: str, text: str, policy: Policy, embedder: Any) -> None:
    persona = get_persona(persona_id)
    a = _an(text, persona_id, policy, embedder)
    assert a.offer is not None and a.offer.offer["pause_months"]
    assert a.offer.offer["term_extension_months"] == a.offer.offer["pause_months"], persona.id


# --- stance: too early to judge, sympathy, surprise ---

@pytest.mark.parametrize("sentence", [
    "To be fair, SEO usually needs six months to kick in, so it's a bit early to judge.",
    "Honestly, it's too early to write PPC off.",
    "Чесно кажучи, ще зарано судити про результати.",
    "With respect, three months of data isn't enough to judge PPC.",
    "Ще рано робити висновки щодо реклами, дайте їй кілька місяців.",
])
def test_arguing_it_is_too_early_to_judge_is_pushback(sentence: str, policy: Policy, embedder: Any) -> None:
    assert stance.ARGUE.search(sentence)
    a = _an(sentence, "bright-smile-ppc", policy, embedder, first_turn=True)
    assert a.pushback


@pytest.mark.parametrize("sentence", [
    "That's terrible, and the last thing you need right now is an invoice.",
    "Мені дуже прикро.",
    "Мені так прикро це чути.",
])
def test_sympathy_is_neither_pushback_nor_guilt(sentence: str, policy: Policy, embedder: Any) -> None:
    assert not stance.GUILT.search(sentence)
    a = _an(sentence, "riverside-hotel-cancel", policy, embedder)
    assert not a.pushback and not a.guilt


@pytest.mark.parametrize(("sentence", "guilt"), [
    ("Прикро, що ви йдете після трьох років разом.", True),
    ("I'm surprised, to be honest.", False),  # surprise argues, it does not lay guilt
    ("Чесно кажучи, я здивована.", False),
])
def test_guilt_is_about_the_customer_leaving(sentence: str, guilt: bool) -> None:
    assert bool(stance.GUILT.search(sentence)) is guilt


@pytest.mark.parametrize("sentence", [
    "I really think you should renew as is.",
    "My advice is to carry on with the full package unchanged.",
    "Пропоную продовжити договір як є.",
])
def test_renewing_as_it_is_insists_on_the_package(sentence: str, policy: Policy, embedder: Any) -> None:
    assert stance.REFUSES_CHANGE.search(sentence)
    a = _an(sentence, "harper-cole-spend", policy, embedder)
    assert a.vague_offer is None and a.offer is None


# --- questions ---

@pytest.mark.parametrize("sentence", ["Would that help?", "Як вам таке?", "Does that sound fair?", "Вам таке підходить?",
                                      "Що скажете на таку пропозицію?"])
def test_checking_an_offer_is_not_a_diagnosis_question(sentence: str, policy: Policy, embedder: Any) -> None:
    a = _an(sentence, "riverside-hotel-cancel", policy, embedder)
    assert not a.questions


@pytest.mark.parametrize(("sentence", "is_open"), [
    ("Can I ask what's prompting it?", True),
    ("Чим викликане скорочення?", True),
    ("Is it the budget?", False),
    ("Команда теж зменшується?", False),
])
def test_open_questions(sentence: str, is_open: bool) -> None:
    assert moves.open_question(sentence) is is_open


def test_yes_no_questions_only_confirm_the_cause(policy: Policy, embedder: Any) -> None:
    closed, _ = _card("usmishka-seats", policy, embedder, [
        ("Добрий день, Олено! Звісно, розберемося разом. Це через бюджет?",
         "Так. Маркетингу на наступний рік зрізали 15%, тож мені треба вкластися приблизно в 2 450 доларів на місяць."),
    ])
    assert closed["diagnosis"] == "partial"
    opened, _ = _card("usmishka-seats", policy, embedder, [
        ("Добрий день, Олено! Звісно, розберемося разом. Що стоїть за цим рішенням?",
         "Маркетингу на наступний рік зрізали 15%, тож мені треба вкластися приблизно в 2 450 доларів на місяць."),
    ])
    assert opened["diagnosis"] == "met"


# --- triggers ---

@pytest.mark.parametrize(("sentence", "concrete", "loose"), [
    ("Let's start the pause from January and I'll check in with you in the spring.", False, True),
    ("You keep everything, and in late May, once the new team is in place, we meet and decide together.",
     True, False),
    ("Починаємо паузу з грудня, а я вам зателефоную якось навесні.", False, True),
    ("Зустрінемося 14 січня, щоб порівняти інтеграції.", True, False),
])
def test_the_follow_up_clause_dates_the_trigger(sentence: str, concrete: bool, loose: bool, policy: Policy,
                                                embedder: Any) -> None:
    a = _an(sentence, "peak-fitness-cancel", policy, embedder)
    assert a.trigger == sentence and (a.trigger_concrete, a.trigger_loose) == (concrete, loose)


# --- the first reply ---

def test_contract_talk_after_empathy_is_a_partial_acknowledgment(policy: Policy, embedder: Any) -> None:
    components, failures = _card("northwind-freight-seats", policy, embedder, [
        ("Totally understood, Priya, thanks for the heads-up. I should mention, though, that your rate was set on "
         "the 120-seat tier of the subscription. What's behind the change?", None)])
    assert components["acknowledgment"] == "partial" and failures["F1"] == "triggered"


def test_an_acknowledgment_inside_a_long_first_sentence(policy: Policy, embedder: Any) -> None:
    a = _an("Андрію, дякую, що написали, я розумію, що таке рішення далося непросто, тому давайте я запропоную "
            "вам знижку десять відсотків на пів року, як вам таке?", "levada-pause", policy, embedder, first_turn=True)
    assert a.acknowledgment and "розумію" in a.acknowledgment
    assert a.offer is not None and not a.questions  # the discount is the offer, "як вам таке?" checks it

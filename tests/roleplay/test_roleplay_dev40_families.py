"""General forms met in the dev40 judged file (a trainer who weights the counter step and the multi-year exchange,
2026-12-07) and the dev41 one (a trainer of call-centre and front-desk trainees, mostly in Ukrainian): each tested in
words of our own, not a sentence of those files."""

from __future__ import annotations

from coach.roleplay.analysis import analyse
from coach.roleplay.personas import get_persona
from coach.roleplay.replay import other_language, replay
from coach.roleplay.stance import pitches
from tests.roleplay.test_roleplay_dev25_families import _turn


def _first(policy, embedder, persona_id: str, text: str):  # type: ignore[no-untyped-def]
    return analyse(text, get_persona(persona_id), policy, embedder=embedder, requested_mrr=None, first_turn=True,
                   previous_offer=None)


def test_the_steps_sent_while_asking_why_grant_nothing(policy, embedder) -> None:
    a = _first(policy, embedder, "corelytics-cancel",
               "Sure, Sam. I'll email you the full process today, and I'll keep it simple whatever you decide. "
               "Before that, what's prompting the move?")
    assert a.offer is None and a.closing is None and a.questions, a


def test_the_steps_sent_with_no_question_still_close(policy, embedder) -> None:  # near miss
    a = _first(policy, embedder, "corelytics-cancel", "Sure, Sam. I'll cancel it from the end of the term, as asked.")
    assert a.offer is not None and a.offer.as_requested, a


def test_a_ukrainian_module_name_is_found_in_its_inflections(policy, embedder) -> None:
    # Sunrise: Social Media suspended, Local SEO and Email kept at a retention discount, 12 months locked
    a = _turn(policy, embedder, "sunrise-bakeries-module",
              "Пропоную не скасовувати, а призупинити соцмережі до весни. Місцеве SEO й розсилки лишаються зі "
              "знижкою п'ять відсотків, тобто 1 852,50 долара на місяць, а натомість фіксуємо їх на дванадцять місяців.")
    assert a.offer is not None, a
    assert a.offer.offer["services_kept"] == ["Local SEO", "Email Campaigns"], a.offer
    assert a.offer.offer["pause_months"] is None, a.offer


def test_terms_laid_out_after_a_colon_are_an_offer(policy, embedder) -> None:
    a = _turn(policy, embedder, "levada-pause", "So, as an exception: a three-month pause from December, the agreement "
              "extended by three months, billing again from 1 March.")
    assert a.offer is not None and a.offer.offer["pause_months"] == 3, a
    assert a.offer.offer["term_extension_months"] == 3, a.offer
    uk = _turn(policy, embedder, "levada-pause", "Отже, так: пауза на три місяці з грудня, договір подовжується на три "
               "місяці, оплата знову з першого березня.")
    assert uk.offer is not None and uk.offer.offer["pause_months"] == 3, uk


def test_a_colon_after_an_announcement_without_terms_is_no_offer(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "levada-pause", "So, one question first: when do you expect the new clients to pay?")
    assert a.offer is None, a


def test_better_than_anything_argues_for_the_product() -> None:
    assert pitches("Honestly, our platform is better than anything else out there.")
    assert pitches("Чесно кажучи, наша платформа сильніша за будь-що на ринку.")
    assert not pitches("Is anything else out there doing a better job for you?")


def test_a_giveaway_set_apart_from_the_deal_asks_nothing_back(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "And I'll waive the February invoice too. That has nothing to do with the renewal, it's yours either way.")
    assert a.vague_offer and not a.vague_exchanged, a


def test_a_giveaway_for_the_renewal_is_exchanged(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "harper-cole-spend", "And I'll waive the February invoice if you sign the renewal.")
    assert not a.vague_offer or a.vague_exchanged, a


def test_asking_whether_they_compare_us_is_a_diagnosis_question(policy, embedder) -> None:
    for text in ("Are you comparing us with another platform at the moment?",
                 "А ви порівнюєте нас із кимось конкретним?"):
        a = _turn(policy, embedder, "technosfera-cancel", text)
        assert a.solution is None and a.topics == ["competitive_displacement"], (text, a)


def test_a_line_in_the_other_script_is_told_apart() -> None:
    en, uk = get_persona("sunrise-bakeries-module"), get_persona("levada-pause")
    assert other_language(en, "Ніхто не встигає погоджувати пости, тож половина не виходить.")
    assert not other_language(en, "Nobody has time to approve the posts.")
    assert other_language(uk, "Our biggest client went bankrupt.")
    assert not other_language(uk, "Наш найбільший клієнт збанкрутував, а SEO ми не чіпаємо.")


def test_a_session_written_in_the_other_language_hears_the_cause(policy, embedder) -> None:
    # an English persona played in Ukrainian: the recorded answers cannot be matched word for word, so the answers
    # give away what the persona would say to those questions
    p = get_persona("sunrise-bakeries-module")
    turns = ["Томе, добрий день, дякую, що написали. Розкажіть, що не так із соцмережами?",
             "Зрозуміло. А хто у вас погоджував пости раніше, і що змінилося?",
             "Тоді пропоную призупинити соцмережі до лютого, без оплати за них, а SEO й розсилки лишаються як є. "
             "У лютому, коли вийде нова керуюча, я зателефоную, і вирішимо, чи вмикати знову."]
    recorded = ["Ми з цього майже нічого не маємо.",
                "Ніхто не має часу погоджувати пости, половина так і не виходить. Цим займалася Джесс, а влітку вона "
                "звільнилася.",
                "Так, це розумно."]
    card, _ = replay(p, policy, embedder, turns, recorded=recorded)  # type: ignore[arg-type]
    diagnosis = next(c for c in card.components if c.id == "diagnosis")
    assert diagnosis.status == "met", diagnosis


# --- dev41 (a trainer of call-centre and front-desk trainees, 60% Ukrainian, 2026-12-07): words of our own ---------

def test_an_offboarding_checklist_sent_while_asking_why_grants_nothing(policy, embedder) -> None:
    a = _first(policy, embedder, "peak-fitness-cancel",
               "Thanks, Lena. I'll email you a quick offboarding guide so it's there if you need it. May I ask what's "
               "behind the decision?")
    assert a.offer is None and a.closing is None and a.questions, a


def test_a_lock_asked_in_ukrainian_is_the_exchange(policy, embedder) -> None:
    a = _turn(policy, embedder, "sunrise-bakeries-module",
              "Пропоную призупинити соцмережі до весни, а SEO й розсилки лишаються за 1 850 доларів на місяць. "
              "Натомість ви фіксуєте цей пакет на 12 місяців.")
    assert a.offer is not None and a.offer.offer["term_extension_months"] == 12, a.offer


def test_leave_asked_to_propose_announces_the_terms_after_it(policy, embedder) -> None:
    a = _turn(policy, embedder, "levada-pause",
              "May I suggest something else? Both services pause for three months, and the agreement is extended by "
              "the three paused months.")
    assert a.offer is not None and a.offer.offer["pause_months"] == 3, a
    assert a.offer.offer["term_extension_months"] == 3 and not a.pushback, a


def test_the_agreement_read_out_first_is_contract_talk(policy, embedder) -> None:
    a = _first(policy, embedder, "acme-dental-seats",
               "Good afternoon, Dana, my name is Sam and I'll be helping you today. I'm obliged to point out that your "
               "agreement is for 40 seats, and mid-term reductions require a signed amendment.")
    assert a.pushback and a.offer is None, a


def test_who_answers_the_call_proposes_nothing(policy, embedder) -> None:  # near miss
    a = _first(policy, embedder, "acme-dental-seats",
               "Good afternoon, Dana, my name is Sam and I'll be helping you today. What's changed at the practice?")
    assert a.offer is None and not a.pushback and a.questions, a


def test_after_new_year_is_a_rough_time() -> None:
    from coach.roleplay import timing

    for text in ("Наберу вас після Нового року, подивимося, як ідуть справи.",
                 "Зателефоную на початку року, коли все трохи вляжеться."):
        assert timing.follow_up(text) and timing.timing(text) == "rough", text

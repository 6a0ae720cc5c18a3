"""The written judging rules for role-play transcripts (evals/heldout/README.md, "How the verdicts were
judged"), one test per rule the scorer implements: F1 is the first reply's, F4 needs a close, a
counter that was made is at least partial, a pause needs its extension, stating a limit is not F5."""

from __future__ import annotations

from coach.policy import Policy
from coach.roleplay.analysis import analyse
from coach.roleplay.personas import get_persona
from coach.roleplay.session import Trainer
from coach.store import Database
from tests.roleplay.conftest import play
from tests.roleplay.test_roleplay_offers import offer_of


def test_an_offer_carries_on_into_the_next_sentences() -> None:
    offer = offer_of("Then we drop PPC and keep SEO. That brings you to $3,500 a month. In return I'd ask "
                     "for a 24-month renewal.")
    assert offer is not None and (offer.new_mrr, offer.term_extension_months) == (3500.0, 24)
    assert offer_of("That leaves room for new hires.") is None  # carries on only after a proposal


def test_ukrainian_seats_from_to_and_dollars() -> None:
    offer = offer_of("Пропоную скоротити місця з 40 до 32. Це 3 680 доларів на місяць. Натомість продовжуємо "
                     "договір на 24 місяці.")
    assert offer is not None
    assert (offer.seats, offer.new_mrr, offer.term_extension_months) == (32, 3680.0, 24)


def test_contract_talk_with_a_term_is_pushback_not_an_offer(policy: Policy, embedder) -> None:
    a = analyse("Dana, you're in month 15 of a 24-month agreement, so seat changes aren't something I can "
                "just switch on.", get_persona("acme-dental-seats"), policy, embedder=embedder,
                requested_mrr=3220.0, first_turn=True)
    assert a.offer is None and a.pushback


def test_processing_a_cancellation_closes_without_granting_after_a_counter(policy: Policy, embedder) -> None:
    persona = get_persona("corelytics-cancel")
    text = "Understood. Then I'll send you the cancellation steps and the data export guide."
    first = analyse(text, persona, policy, embedder=embedder, requested_mrr=0.0)
    assert first.closing and first.offer is not None and first.offer.as_requested  # granted, no counter
    after = analyse(text, persona, policy, embedder=embedder, requested_mrr=0.0,
                    previous_offer={"new_mrr": 7695.0, "term_extension_months": 24})
    assert after.closing and after.offer is None  # the counter was declined: accepting, not granting


def test_a_dated_save_step_is_a_trigger(policy: Policy, embedder) -> None:
    a = analyse("Then let's hold the side-by-side with our product lead on 13 January, before you decide.",
                get_persona("corelytics-cancel"), policy, embedder=embedder, requested_mrr=0.0)
    assert a.trigger and a.trigger_concrete


def test_ukrainian_rough_follow_up_is_loose(policy: Policy, embedder) -> None:
    a = analyse("Зв'яжуся з вами через кілька тижнів, щоб узгодити деталі.", get_persona("technosfera-cancel"),
                policy, embedder=embedder, requested_mrr=0.0)
    assert a.trigger and a.trigger_loose and not a.trigger_concrete


def test_f1_is_the_first_reply_and_gentle_arguing_is_partial(rules_trainer: Trainer, db: Database) -> None:
    p = play(rules_trainer, db, "harper-cole-spend", [
        "Marcus, your rankings have doubled since January, our platform is the best on the market. Are you sure?",
        "Fair enough. What were you expecting to see by now?"])
    assert p.component("acknowledgment").status == "partial"  # argues gently: not contract talk
    assert p.failure("F1").status == "triggered" and {e.turn for e in p.failure("F1").evidence} == {1}


def test_contract_talk_in_the_first_reply_misses_the_acknowledgment(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "acme-dental-seats", [
        "Dana, you signed a 24-month agreement, so a seat cut isn't possible before it ends."])
    assert p.component("acknowledgment").status == "missed" and p.failure("F1").status == "triggered"


def test_an_offer_alone_is_not_a_close(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "northwind-freight-seats", [
        "Thanks for letting me know, Priya. Can you walk me through what's happened?",
        "We keep all 120 seats and I give you 15% off if you extend by 24 months.",
        "Hmm, okay. Let me take that back to my team and come back to you."])
    assert p.component("counter").status == "partial"  # made, but mismatched: partial, not missed
    assert p.failure("F4").status == "not_reached"


def test_a_pause_without_its_extension_gives_something_away(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "levada-pause", [
        "Андрію, дякую, що звернулися. Розкажіть, що сталося?",
        "А що саме вплинуло на ваші фінанси?",
        "Зрозумів. Можемо поставити все на паузу на три місяці."])
    assert p.card.offers and p.card.offers[-1]["offer"]["pause_months"] == 3
    assert p.component("counter").status == "partial" and p.failure("F3").status == "triggered"


def test_stating_a_limit_after_offering_a_change_is_not_f5(trainer: Trainer, db: Database) -> None:
    p = play(trainer, db, "acme-dental-seats", [
        "Thanks for flagging this, Dana. What's behind the change?",
        "I can take 10% off the package if you extend by 24 months.",
        "I can't go beyond 10%, that's the limit for this kind of discount."])
    assert p.failure("F5").status != "triggered"

"""General forms met in the dev38 judged file (a trainer who weights the counter-proposal step, 2026-12-07): each
tested in words of our own, not a sentence of that file."""

from __future__ import annotations

from coach.roleplay.counter_score import _NO_RESUME
from tests.roleplay.test_roleplay_dev25_families import _turn


def _cap(a) -> bool:
    """Whether the offer passes the discount cap."""
    return all(c.passed for c in a.offer.checks if c.id == "discount-cap")


def test_a_discount_off_the_current_package_is_a_price_cut_not_a_smaller_package(policy, embedder) -> None:
    # Corelytics: list $9,000, $8,550 today; 25% off today's bill is 28.75% off list, past the 20% hard cap
    a = _turn(policy, embedder, "corelytics-cancel",
              "I can do 25% off your current package if you renew for 24 months.")
    assert a.offer is not None and a.offer.offer["new_list_mrr"] is None, a
    assert not _cap(a), a.offer.checks


def test_a_smaller_package_named_beside_a_percentage_keeps_its_list(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "corelytics-cancel",
              "We could trim the package by 10% by dropping some connectors, if you renew for 24 months.")
    assert a.offer is None or _cap(a), a.offer.checks


def test_a_named_discount_is_checked_even_when_a_rounded_price_follows(policy, embedder) -> None:
    # Harper & Cole: Content dropped, SEO and PPC kept; "30% off" those is about 33% off their list, whatever
    # the rounded figure after it says
    a = _turn(policy, embedder, "harper-cole-spend",
              "We stop Content, keep SEO and PPC, and I knock 30% off the lot for a 24-month renewal, so roughly "
              "$4,000 a month.")
    assert a.offer is not None and not _cap(a), a.offer


def test_a_price_and_its_own_discount_agree(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "harper-cole-spend",
              "Keep everything, 10% off, so $5,130 a month, for a 24-month renewal.")
    assert a.offer is not None and abs(a.offer.offer["new_mrr"] - 5130) < 1 and _cap(a), a.offer


def test_a_lower_price_with_no_figure_for_a_longer_commitment_is_a_counter_with_no_numbers(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend",
              "I think we should shift more into the ads, less into the blog, and bring the overall price down if "
              "you're open to committing for longer.")
    assert a.offer is None and a.vague_offer, a


def test_we_should_proposes(policy, embedder) -> None:
    a = _turn(policy, embedder, "harper-cole-spend", "I think we should drop Content and keep SEO and PPC at $4,500 "
              "a month for a 24-month renewal.")
    assert a.offer is not None and abs(a.offer.offer["new_mrr"] - 4500) < 1, a


def test_a_pause_left_open_names_no_date_to_resume() -> None:
    assert _NO_RESUME.search("We'll pause it all and just switch it back on whenever suits you.")
    assert _NO_RESUME.search("Поставимо все на паузу, а відновимо, коли вам буде зручно.")
    assert not _NO_RESUME.search("We'll pause it for three months and billing resumes on 1 March.")


def test_a_discount_ruled_out_is_no_counter_with_no_numbers(policy, embedder) -> None:  # near miss
    a = _turn(policy, embedder, "corelytics-cancel",
              "I'm not going to try to discount my way out of this: let's run a side-by-side on your own data, and "
              "if we meet the sync requirement I'd ask you to renew for 24 months.")
    assert not a.vague_offer, a


def test_a_discount_set_aside_after_rather_is_none() -> None:
    from coach.roleplay import offers

    assert not offers.unpriced_concession("Honestly, I'd rather win it on the product than discount it.")
    assert offers.unpriced_concession("I'd rather give you a small discount now.")  # near miss


def test_the_discount_kept_is_not_a_cut_beside_the_price(policy, embedder) -> None:  # near miss
    # the engine's own counter: "You keep your current 8% discount on the 32-seat package" beside "$3,680.00"
    a = _turn(policy, embedder, "acme-dental-seats",
              "I can right-size you from 40 to 32 seats at $3,680 a month, and you keep your current 8% discount on "
              "the 32-seat package, in exchange for a 24-month extension.")
    assert a.offer is not None and abs(a.offer.offer["new_mrr"] - 3680) < 1, a.offer

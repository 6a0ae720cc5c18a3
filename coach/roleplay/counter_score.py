"""Component 3, right-sized counter with a multi-year exchange, judged against the policy's answer.

What "right" means depends on the situation the rules engine sees with the whole truth known:
a smaller cut for a longer term (most requests), a pause (hardship, cancel), the same price with a
plan (inside the lock), or no discount at all but the competitive save (a competitor). Any offer
that breaks a rule (discount cap, lock period, pause limits) scores nothing here.
"""

from __future__ import annotations

import re

from coach.roleplay.card import TITLES, Card, describe_offer, status
from coach.roleplay.failures import completes
from coach.roleplay.models import ComponentScore, Evidence, OfferRecord, Reference, TurnAnalysis
from coach.roleplay.numbers import digits
from coach.roleplay.offers import REALLOCATES, UNPRICED, UNSIZED_TERM, giveaway
from coach.roleplay.personas import Persona

MISFIT = 10  # partial: a counter that was made but does not fit (mismatched, vague, unexchanged)
RAISED = 0.6  # an earlier counter cutting under 60% of the final one's cut: the final one is a second try
TOO_SMALL = 0.4  # a counter cutting less than 40% of what was asked does not meet the customer


# the request itself named as what is granted ("then I'll set up the pause as you asked", "оформлю, як ви просили"),
# not the paperwork for the counter on the table ("Nothing, I'll process it")
_AS_ASKED = re.compile(r"\bas (?:you )?(?:asked|requested|wanted|wished)\b|\bas per your request\b|"
                       r"(?<!\w)як ви (?:й |і |же )?(?:просили|хотіли|і хотіли)(?!\w)", re.I)


# a pause left open, with no date to resume billing ("we'll just pick it up again whenever suits you", «просто
# відновимо, коли вам буде зручно»): the request granted with nothing fixed, even after the cause came out
_NO_RESUME = re.compile(r"\b(?:whenever|when(?:ever)? (?:it|that) suits|when you(?:'re| are) ready|once you(?:'re| are) "
                        r"ready)\b|(?<!\w)(?:коли (?:вам|вас) (?:буде )?зручно|коли будете готові|коли захочете)(?!\w)",
                        re.I)


def _cut(mrr: float, new: float | None) -> float | None:
    return None if new is None or mrr <= 0 else max(0.0, (1 - new / mrr) * 100)


def score_counter(card: Card, persona: Persona, ref: Reference, a: list[TurnAnalysis],
                  root_turn: int | None = None) -> ComponentScore:
    """`root_turn`: the turn whose answer uncovered the root cause (None: it never came out)."""
    mrr = persona.account.mrr
    offers = [(i, t.offer) for i, t in enumerate(a) if t.offer is not None]
    ev: list[Evidence] = []
    for i, o in offers:
        ok = not o.breaches
        failed = [c.id for c in o.breaches + o.warnings]
        verdict = "passes every rule" if not failed else "fails " + ", ".join(failed)
        card.mark(i, "counter", ok, f"offer: {describe_offer(o)} — {verdict}")
        ev.append(Evidence(turn=i + 1, quote=o.quote, note=describe_offer(o)))
        for c in o.breaches:
            card.mark(i, "policy", False, f"POLICY BREACH {c.id}: {c.reason}", 4, "counter")
    breaches = [(i, c) for i, o in offers for c in o.breaches]
    if breaches:
        i, c = breaches[0]
        return _done(0, f"policy breach at turn {i + 1} ({c.id}): {c.reason}", ev)

    shape = ref.shape
    solutions = [(i, t) for i, t in enumerate(a) if t.solution]
    for i, t in solutions:
        ev.append(Evidence(turn=i + 1, quote=t.solution or "", note="plan / save / escalation"))
    vague = [(i, t.vague_offer) for i, t in enumerate(a) if t.vague_offer]
    for i, q in vague:
        ev.append(Evidence(turn=i + 1, quote=q or "", note="a counter with no length or price"))
        card.mark(i, "counter", False, "a counter with no numbers: name the price and the term", 1, "counter")
    final = offers[-1] if offers else None
    if final is not None and final[1].as_requested:
        # a counter made first and then the request granted: the counter was made (F3 judges the grant)
        made = [(i, o) for i, o in offers if not o.as_requested]
        final = made[-1] if made else final
        if not made and any(i < final[0] for i, _ in vague):  # a counter with no numbers, then the grant
            return _done(MISFIT, "a counter with no numbers was made, then the request granted as asked", ev)
    if shape == "save":
        saves = [i for i, t in solutions if {"save", "escalate"} & set(t.moves)]
        priced = [i for i, o in offers if o.shape == "reduce"] + [i for i, _ in vague]
        for i in priced:
            card.mark(i, "counter", False, "a discount for a customer leaving for a competitor: this is the "
                      "competitive save playbook, not the negotiation matrix", 2, "counter")
        informed = [i for i in saves if root_turn is not None and i > root_turn]
        concrete = [i for i in informed if not a[i].vague_save]
        if informed and not concrete and not priced:
            # "we'll come up with something to show we're no worse": no comparison, product or date
            points, summary = MISFIT, "a save was promised, but with nothing concrete (no side-by-side, no date)"
        elif saves and not priced and not informed:
            # a demo before the competitor is known is not yet a side-by-side against what they showed
            points, summary = MISFIT, "a product demo offered before the competitor was known: not yet a side-by-side"
        elif saves and not priced:
            points, summary = 25, "routed to the competitive save without a discount counter"
        elif saves:
            points, summary = 10, "competitive save raised, but a discount counter was offered too"
        elif priced and not any(o.as_requested for _, o in offers):
            points, summary = MISFIT, ("a discount where the competitive save was needed: a counter that "
                                       "does not fit the cause")
        else:
            points, summary = 0, "competitive displacement needs the competitive save, not a discount"
    elif shape == "hold":
        plans = [i for i, t in solutions if {"plan", "save"} & set(t.moves)]
        reworked = final is not None and final[1].shape == "hold" and REALLOCATES in final[1].notes
        if plans or reworked:
            points, summary = 25, "kept the price (the lock period) and offered a plan to fix the results"
        elif final and final[1].shape == "hold":
            points, summary = 15, "kept the price, but no plan to fix the results was offered"
        else:
            points, summary = 0, "no counter: inside the lock the answer is a course-correction plan"
    elif final is None and vague:
        points, summary = MISFIT, "a counter was made, but with no length or price"
    elif final is None:
        points, summary = 0, "no counter-proposal was made"
    else:
        points, summary = _priced(card, persona, ref, final, mrr)
        if (persona.request.kind == "pause" and final[1].shape == "pause" and not final[1].offer.get(
                "term_extension_months") and (root_turn is None or final[0] <= root_turn or _NO_RESUME.search(
                    final[1].quote))):
            # the pause they asked for, granted before the cause was known and with nothing asked back: the request
            # simply granted, not a counter
            card.mark(final[0], "counter", False, "granted the pause as asked, before the cause and with nothing "
                      "asked back", 2, "counter")
            return _done(0, "the pause was granted as asked before the cause was known, with no month-for-month "
                         "extension: the request granted, not a counter", ev)
        points, summary = _after_a_misfit(persona, ref, offers, mrr, points, summary)
        points, summary = _unsized(card, final, points, summary)
        points, summary = _unsized_pause(card, final, points, summary)
        if points < 25 and offers[-1][1].as_requested and offers[-1][0] > final[0] and _AS_ASKED.search(
                offers[-1][1].quote):
            # a counter that did not fit, then the request granted as asked ("instead of the pause, 10% off";
            # refused; "then I'll set up the pause as you asked"): nothing right was ever put forward
            card.mark(offers[-1][0], "counter", False, "granted the request as asked after a counter that did not "
                      "fit", 2, "counter")
            return _done(0, f"{summary}; then the request was granted as asked (turn {offers[-1][0] + 1})", ev)
        given = [i for i, q in vague if i <= final[0] and not a[i].vague_exchanged and giveaway(q or "")]
        if points == 25 and given:  # "next month free" refused first: right only on the second try
            when = "beside it" if given[0] == final[0] else "only after"  # a free month for nothing beside the counter
            points, summary = 15, f"{summary}, but {when} a giveaway with nothing asked back (turn {given[0] + 1})"
    if "account_executive" in ref.escalations and not any(t.account_executive for t in a) and offers:
        # A process step, not a fault in the counter itself: flagged on the card, no points taken.
        summary += f"; note: ARR is above {persona.account.currency} 100,000, so the account executive joins"
        card.mark(offers[-1][0], "counter", False, "enterprise account: bring in the account executive")
    return _done(points, summary, ev)


def _priced(card: Card, persona: Persona, ref: Reference, final: tuple[int, OfferRecord],
            mrr: float) -> tuple[int, str]:
    i, o = final
    new = o.offer["new_mrr"]
    if ref.shape == "pause":
        if o.shape == "pause" and not o.warnings and not o.offer.get("term_extension_months"):
            card.mark(i, "counter", False, "a pause with nothing asked back: extend the agreement by the "
                      "paused months", 1, "counter")
            return 15, "pause-not-cancel, but without the month-for-month extension"
        if o.shape == "pause" and not o.warnings:
            return 25, "pause-not-cancel with the agreement extended by the paused months"
        if o.as_requested:
            card.mark(i, "counter", False, "granted the cancellation as asked", 2, "counter")
            return 0, "the request was granted as asked; the matrix answers it with pause-not-cancel"
        if o.shape == "reduce" and not o.warnings:
            return 15, "a right-sized reduction with a term, where the matrix calls for pause-not-cancel"
        return MISFIT, "the counter does not fit: " + ("; ".join(c.reason for c in o.warnings)
                                                       or "the matrix calls for pause-not-cancel")
    if o.shape == "pause":
        return 15, "a pause, where the policy's answer is a smaller package for a longer term"
    if o.shape == "hold":
        card.mark(i, "counter", False, "kept the price and scope: the customer's need was not met", 1,
                  "counter")
        return 10, "the package and price stayed as they are"
    requested, offered, reference_cut = _cut(mrr, ref.requested_mrr), _cut(mrr, new), _cut(mrr, ref.new_mrr)
    points, notes = 25, []
    exchange = o.check("multi-year-exchange")
    whole = o.as_requested or (requested is not None and offered is not None and offered >= requested - 0.5)
    if whole and exchange is not None and not exchange.passed:
        card.mark(i, "counter", False, "granted the whole request with nothing asked in return", 2, "counter")
        return 0, (f"gave the whole request ({requested:.1f}% cut) with nothing asked in return: not a counter"
                   if requested else "gave the whole request with nothing asked in return: not a counter")
    if exchange is not None and not exchange.passed:
        points -= 15
        notes.append("no multi-year commitment in exchange")
        card.mark(i, "counter", False, "MRR drops with no multi-year commitment in exchange", 2, "counter")
    if o.as_requested or (requested and reference_cut is not None and reference_cut < requested - 0.5
                          and offered is not None and offered >= requested - 0.5):
        points -= 10
        notes.append(f"gave the whole request ({requested:.1f}% cut); the matrix counters with "
                     f"{reference_cut:.1f}% first" if requested and reference_cut is not None
                     else "gave the whole request")
        card.mark(i, "counter", False, "granted the full request instead of a right-sized counter", 2,
                  "counter")
    elif requested and offered is not None and offered < TOO_SMALL * requested:
        points -= 10
        notes.append(f"too small: a {offered:.1f}% cut against the {requested:.1f}% asked")
        card.mark(i, "counter", False, f"too small to meet the customer ({offered:.1f}% of "
                  f"{requested:.1f}% asked)", 1, "counter")
    for w in o.warnings:
        if w.id not in ("multi-year-exchange", "counter-first"):
            points -= 5
            notes.append(f"{w.id}: {w.reason}")
    term, longest = o.offer.get("term_extension_months"), persona.acceptance.max_term_months
    if points == 25 and term and longest and term > longest:  # the customer cannot sign it: not right yet
        points -= 10
        notes.append(f"a {term}-month commitment is longer than the customer will sign ({longest} months)")
        card.mark(i, "counter", False, "a longer commitment than the customer can sign", 1, "counter")
    if points == 25 and UNPRICED in o.notes:
        points = MISFIT
        notes.append("a discount was named with no figure: say how much")
        card.mark(i, "counter", False, "a counter with no numbers: name the price and the term", 1, "counter")
    cap = persona.acceptance.max_mrr
    if points == 25 and cap is not None and new is not None and new > cap * 1.02:
        points -= 10
        notes.append(f"still above what the customer can pay ({persona.account.currency} {cap:,.0f} a month)")
        card.mark(i, "counter", False, "the counter does not meet the customer's budget", 1, "counter")
    summary = "right-sized counter with a multi-year commitment" if not notes else "; ".join(notes)
    return max(MISFIT, points), summary  # a counter was made: mismatched or thin is still partial


# a length in the offer's words ("24 months", "два роки", "3-year"): the commitment is sized
_LENGTH = re.compile(r"\d+[\s-]*(?:years?|yrs?|months?|рок\w*|рік|місяц\w*)", re.I)


def _unsized(card: Card, final: tuple[int, OfferRecord], points: int, summary: str) -> tuple[int, str]:
    """A final counter tied to a commitment with no length ("extend with us for a longer term", "якщо
    залишитеся з нами довше", the length left "to the deal desk"): tied, so F3 is ok, but vague, so partial."""
    i, o = final
    if points < 25 or not any(UNSIZED_TERM in n for n in o.notes) or _LENGTH.search(digits(o.quote)):
        return points, summary
    card.mark(i, "counter", False, "a commitment with no length: name the term", 1, "counter")
    return MISFIT, f"{summary}, but the commitment has no length"


# a span said to have no size ("for a while", "for some time", "на якийсь час")
_A_WHILE = re.compile(r"\bfor (?:a (?:little )?(?:while|bit)|some time|an unspecified time)\b|(?<!\w)на (?:якийсь|деякий|певний) "
                      r"час(?!\w)", re.I)


def _unsized_pause(card: Card, final: tuple[int, OfferRecord], points: int, summary: str) -> tuple[int, str]:
    """A final pause with no length and no restart month ("pause things for a while", "призупинимо на якийсь
    час"): read at the policy default, so no limit is broken, but the customer cannot know what they agree
    to: partial."""
    i, o = final
    if points < 25 or o.shape != "pause" or not any(n.startswith("pause length not stated") for n in o.notes) \
            or not _A_WHILE.search(o.quote):
        return points, summary
    card.mark(i, "counter", False, "a pause with no length: name the months and the restart", 1, "counter")
    return MISFIT, f"{summary}, but the pause has no length"


class _Scratch(Card):
    """A card that forgets its marks: for judging an earlier offer without marking the real card."""

    def mark(self, *args: object, **kwargs: object) -> None:
        pass


def _after_a_misfit(persona: Persona, ref: Reference, offers: list[tuple[int, OfferRecord]], mrr: float,
                    points: int, summary: str) -> tuple[int, str]:
    """A right counter that came only after one that did not fit the situation (a discount for a
    strategy change, a price cut with nothing asked back) is partial: the customer had to refuse the
    wrong one first. The earlier counter is judged as the final one would be, on a scratch card."""
    if points < 25 or len(offers) < 2:
        return points, summary
    completed = {i for i, o in offers if completes(o)}
    for i, o in offers[:-1]:
        if i + 1 in completed:
            continue  # completed in the next turn: the same offer
        earlier, why = _priced(_Scratch([]), persona, ref, (i, o), mrr)
        if earlier < 25:
            return 15, f"{summary}, but only after a counter that did not fit at turn {i + 1} ({why})"
        # a counter the trainee then had to raise well beyond ("96 seats", refused; then "76 seats"): the
        # first one did not meet the customer, so the right one came only on the second try
        first_cut, final_cut = _cut(mrr, o.offer.get("new_mrr")), _cut(mrr, offers[-1][1].offer.get("new_mrr"))
        if o.shape == offers[-1][1].shape == "reduce" and first_cut is not None and final_cut is not None \
                and first_cut < RAISED * final_cut:
            return 15, (f"{summary}, but only after a smaller counter at turn {i + 1} ({first_cut:.1f}% cut) "
                        "that had to be raised")
    return points, summary


def _done(points: int, summary: str, ev: list[Evidence]) -> ComponentScore:
    return ComponentScore(id="counter", title=TITLES["counter"], points=points, status=status(points),
                          summary=summary, evidence=ev)

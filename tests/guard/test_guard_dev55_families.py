"""General rule families added with the fifty-fifth dev guard corpus (guard_dev55.yaml: a billing-and-finance-minded
account team, and junior CSMs who sweeten a first reply in veiled ways), each tested on phrasings written for this
test (none copied from the corpus), with near misses beside them:

- veiled first-reply offers: making sure a change "doesn't cost you anything", a "little present" or "a pleasant
  surprise on the next invoice", "doing something meaningful on the rate", making sure the customer is "looked
  after" on the invoices, "you won't walk away empty-handed", seeing whether a better per-seat price can be had;
  «ne vous coûte rien», «un petit geste», «un precio más amable», «приємна несподіванка» in the invoice, an invoice
  written off («рахунок ... списали повністю»);
- numbers: a month given free in Ukrainian («місяць ... буде безкоштовним»), a first contract year in German
  («das erste Vertragsjahr»);
- hidden terms: list prices "going up at renewal" with a service named between;
- clean: the customer's own request to put things on hold, «на жаль» before a hard season («міжсезоння»),
  circumstances that "forced" a customer to review the budget («os ha obligado a revisar»), thanks "for walking me
  through" something on a weekday.

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("acknowledgment", False, "Dana, I'll make sure the change doesn't cost the practice a penny.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, consider it a small thank-you from us for sticking around. More soon.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, there may be a nice surprise on your next invoice. Questions to follow.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, if you can commit early we can usually offer something generous on the price.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, on the billing side I'll see to it that you're taken care of.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, you will not leave this conversation empty-handed, I promise.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, let me check whether we can get your team a keener seat price.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, je vais faire en sorte que ce changement ne vous coûte rien.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, nous pourrons sans doute faire un petit geste commercial.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Lucía, seguro que encontramos un precio más asequible para el módulo.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, у наступному рахунку на вас чекає приємний сюрприз.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, рахунок за цей місяць ми вам спишемо повністю.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, місяць користування модулем буде для вас безкоштовним.", "unstated_number"),
    ("counter", False, "Herr Bergmann, 32 Plätze für 3.600 $ im Monat, zahlbar für das erste Nutzungsjahr im Voraus.",
     "unstated_number"),
    ("outreach", False, "Dana, list prices for Scheduling are going up at renewal.", "hidden_terms"),
]

NEAR_MISSES = [
    ("acknowledgment", False, "Dana, I've noted your request to put everything on hold. Questions to follow."),
    ("acknowledgment", False, "Ірино, на жаль, міжсезоння для магазинів завжди важке, і я вас розумію."),
    ("acknowledgment", False, "Lucía, entiendo que la situación os ha obligado a recortar cada partida."),
    ("counter", False, "Dana, thanks for walking me through the rota on Monday. 32 seats at $3,600 a month."),
    ("acknowledgment", False, "Dana, I'll make sure the questions don't take up much of your time."),
    ("outreach", False, "Dana, your patients will love the little gift cards at the front desk."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; the price does not go up at renewal."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev55_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev55_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

"""General rule families added with the fifty-eighth dev guard corpus (guard_dev58.yaml: account teams writing in a
procurement and legal-operations register — order forms, addenda, true-ups, credit notes, reporting metrics), each
tested on phrasings written for this test (none copied from the corpus), with near misses beside them:

- first-reply offers: a better price for the order («за вигіднішою ціною»), a credit note (uk «кредит-нота», pl
  «faktura korygująca»), an annex at a better rate (pl), invoices put on hold at once;
- pushback: the order paperwork said not to provide for a change ("the order form doesn't provide for a reduction",
  «el pedido no admite cambios», «зміни до специфікації ... не передбачені»);
- hidden terms: paused months "deferred rather than waived", a minimum-commitment shortfall billed at term end,
  remaining fees rolled into a closing invoice, the paused months' cost spread over later invoices (uk);
- clean: billing "monthly in arrears" (the usual way), "nothing in advance", the customer's own legal department
  reviewing the annex (pl), a procurement lead taken through the proposal on a weekday.

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("acknowledgment", False, "Ірино, дякую. Можемо одразу оформити новий додаток за вигіднішим тарифом.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, я вже попросила фінвідділ підготувати кредит-ноту за цей місяць.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, przygotujemy fakturę korygującą za niewykorzystane stanowiska.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, noted. Our finance team will keep your invoices on hold until we talk.",
     "offer_in_first_reply"),
    ("followup", False, "Dana, the purchase order doesn't provide for a seat reduction before renewal, I'm afraid.",
     "pushback"),
    ("questions", False, "Lucía, el contrato vigente no admite cambios a mitad de periodo. ¿Qué ha cambiado?",
     "pushback"),
    ("questions", False, "Ірино, скорочення в договорі до кінця строку не передбачені. Що змінилося?", "pushback"),
    ("pause_plan", True, "Dana, paused for 3 months from today, back on 2027-04-01. Those months are deferred rather "
                         "than forgiven.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 months; any shortfall below 32 is billed at the end.",
     "hidden_terms"),
    ("followup", False, "Dana, if you do cancel, the remaining committed fees are invoiced at termination.",
     "hidden_terms"),
    ("pause_plan", True, "Ірино, пауза на три місяці, з 2027-04-01 знову. Їхня вартість буде розподілена на наступні "
                         "рахунки.", "hidden_terms"),
]

NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 months; invoicing stays monthly in arrears."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 months, billed monthly with nothing in advance."),
    ("followup", False, "Pani Anno, jeśli dział prawny kancelarii chce przejrzeć aneks, chętnie go prześlę."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 months. I can take your procurement lead through it "
                       "on Wednesday."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev58_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev58_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

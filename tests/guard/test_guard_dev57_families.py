"""General rule families added with the fifty-seventh dev guard corpus (guard_dev57.yaml: account managers in a
hurry, chat-length lines with shorthand numbers; hidden terms told by their mechanics; veiled, conditional or
questioning first-reply offers), each tested on phrasings written for this test (none copied from the corpus), with
near misses beside them:

- first-reply offers floated: "what if we froze ...", "what if Ⓝ ran at half price", "a lower per-seat rate",
  "we do have some flexibility", "meet you partway", «conseguimos baixar um pouco a fatura» (pt), «niższej stawce»
  (pl), « et si on suspendait ... » (fr);
- numbers: "half-price" is 50% off, "two-thirds of the way" a derived figure;
- hidden terms: paused months "caught up" later, a reconnection admin charge (uk), skipped months added to later
  invoices (ru);
- pushback: the agreement said not to let the customer change ("doesn't let you go below", "wouldn't allow pausing");
- clean: the day of a call named by a bare weekday ("a call Thursday the 12th", "thurs the 12th"), «зателефоную в
  понеділок, 9-го»; flexibility about timing; no admin charge.

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("acknowledgment", False, "dana, what if we quietly paused billing for a bit while you sort things out?",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, what if the scheduler ran at half price until spring?", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, noted. Would a lower per-seat rate make this easier? Back to you soon.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, got it. We do have some flexibility here, so don't worry.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "dana - we can probably meet you partway on the seats, more soon",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Olá Dana, recebido. Conseguimos baixar um pouco a fatura, se ajudar.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, rozumiem. Możemy też pomyśleć o niższej stawce za stanowisko.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, bien noté. Et si on suspendait la facturation un moment ?",
     "offer_in_first_reply"),
    ("counter", False, "Dana, 32 seats at $3,600 a month, and the reports module at half-price.", "unstated_number"),
    ("counter", False, "Dana, we came two-thirds of the way: 32 seats at $3,600 a month for 24 months.",
     "unstated_number"),
    ("pause_plan", True, "Dana, paused for 3 months, back on 2027-04-01. The paused months are caught up afterwards.",
     "hidden_terms"),
    ("followup", False, "Ірино, модуль можна повернути будь-коли, лише за повторне підключення стягується адмінплата.",
     "hidden_terms"),
    ("pause_plan", True, "Ирина, пауза на три месяца. Пропущенные месяцы будут распределены по следующим счетам.",
     "hidden_terms"),
    ("followup", False, "Dana, to be clear, the agreement doesn't let you go below 40 seats before renewal.",
     "pushback"),
    ("pause_plan", True, "Dana, we can pause for 3 months, though normally the contract wouldn't allow pausing.",
     "pushback"),
]

NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 months. Happy to go through it on a call Thursday "
                       "the 12th."),
    ("questions", False, "dana - which teams still use the scheduler? can jump on a call thurs the 12th"),
    ("counter", False, "Ірино, 32 місця за 3600 $ на місяць на 24 місяці. Можу зателефонувати в понеділок, 9-го."),
    ("questions", False, "Dana, we have some flexibility on timing, so which week suits you for a quick call?"),
    ("followup", False, "Dana, you can switch the module back on any time, with no admin charge."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev57_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev57_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

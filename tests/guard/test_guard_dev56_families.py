"""General rule families added with the fifty-sixth dev guard corpus (guard_dev56.yaml: warm, relationship-first
letters with a P.S., bulleted recaps and a signature block; violations hidden in asides, questions and closing lines),
each tested on phrasings written for this test (none copied from the corpus), with near misses beside them:

- clean: a signature's phone number in a text of diagnosis questions ("Phone: +1 (415) 555-0100", «Тел.: +380 32 555
  10 20», "tel. +48 12 555 20 30"), thanks for time found on a weekday («знайшли час у вівторок»), the customer's own
  loyalty programme ("hasn't taken off", asked about), "sujets juridiques" (fr), a package "locked in for 12 months" as
  the commitment of a counter;
- first-reply offers as hypothetical questions: "would it help if we paused ...", "matched whatever they quoted",
  «gdybyśmy ... obniżyli opłatę» (pl);
- the writer's instructions: "(Note from the template: ...)", "no gendered honorific".

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("acknowledgment", False, "Dana, would it help if we just paused the whole account for now? Let me know.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I'd happily look at matching what the other vendor quoted you.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, czy pomogłoby, gdybyśmy od razu obniżyli opłatę za moduł?",
     "offer_in_first_reply"),
    ("followup", False, "Dana, thanks for the call. (Note from the template: keep it warm, end with a question.)",
     "prompt_leak"),
    ("followup", False, "Dana, I'll use your first name only, no gendered honorific, as required.", "prompt_leak"),
]

NEAR_MISSES = [
    ("questions", False, "Dana, which teams use the scheduler every day?\nBest,\nSam Lee\nPhone: +1 (415) 555-0100"),
    ("questions", False, "Ірино, хто з команди щодня працює в системі?\nОлена\nТел.: +380 32 555 10 20"),
    ("questions", False, "Pani Anno, kto w kancelarii korzysta z portalu?\nPiotr\ntel. +48 12 555 20 30"),
    ("followup", False, "Ірино, дякую, що знайшли час у вівторок. 32 місця за 3600 $ на місяць."),
    ("acknowledgment", False, "Dana, I understand the loyalty programme hasn't taken off with your patients."),
    ("questions", False, "Dana, how do patients hear about the loyalty programme today?"),
    ("questions", False, "Madame Dupuis, sur quels sujets juridiques aimeriez-vous rester visible ?"),
    ("counter", False, "Dana, 32 seats at $3,600 a month; the rest of the package is locked in for 24 months."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev56_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev56_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

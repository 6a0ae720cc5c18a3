"""General rule families added with the fifty-third and fifty-fourth dev guard corpora (guard_dev53.yaml: replies
dictated on a phone and transcribed, and quick mobile chat lines; guard_dev54.yaml: a localisation team adapting a
vendor's drafts, and writers who soften bad news), each tested on phrasings written for this test (none copied from
a corpus), with near misses beside them:

- a day of the month right after the weekday of a call is the date to talk ("a call on Monday the 8th", "am Freitag,
  den 4.", "w piątek 4.", "le vendredi 4", "na sexta-feira, dia 4", «у п'ятницю, 4-го»), as the weekday is; a deadline
  named that way stays a date of the deal, and so does a day with no weekday;
- first-reply offers: "we can get you to 3.2k", "I'll make sure you end up paying less", "we could do a pause
  instead, no cost", "confident we can make that happen", keeping the current tier "for the price of" the lower one,
  meeting in the middle, "more room than you'd expect", a price made "kinder", «une remise est tout à fait
  envisageable», "on vous offrira", «постараюся швидко погодити», «сделать для вас особую цену»;
- pushback: a change said to trigger a clause, leaving before the end making the remaining balance due, «lamentamos
  no poder», a policy that "only allows" part of the request;
- hidden terms: billing that "would become annual" (es), paused months added to later invoices (uk), the term paid
  at once on signing (ru), "after that it goes up";
- the writer's instructions: "as instructed", "I'm required to say", a date format spelled as the instruction does
  ("YYYY-MM-DD", "AAAA-MM-JJ"), a block named after its label ("bloque FACTS"), «мені згадувати не можна»;
- clean: the customer's words quoted after "escribía que" or "cytując", "the move to a lower tier" the customer
  raised, a law firm's "recherches juridiques", a stock write-off («автоматичне списання паперу»).

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("acknowledgment", False, "hey dana, got it re the seats. pretty sure we can get you to 3.2k, more soon",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, whatever the outcome, I'll make sure the practice ends up paying less.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "dana thx, heard you on cancelling. we could do a pause instead, no cost. more soon",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, would a pause help? I'm fairly sure we can make that happen.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I can probably keep you on the full plan for the price of the smaller one.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, what if we met in the middle on the price? Leave it with me.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I think there's more room than you'd think. Questions to follow.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, maybe we can make the seat price a bit kinder too.", "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, une remise serait tout à fait envisageable de notre côté.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, on vous offrira un geste sur la prochaine facture.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, я постараюся швидко погодити для вас кращі умови.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ирина, мы постараемся сделать для вас особую цену.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, just so you know, cutting seats mid-term normally triggers the change clause.",
     "pushback"),
    ("followup", False, "Dana, leaving before the end of the contract tends to make the remaining months payable.",
     "pushback"),
    ("followup", False, "Lamentamos no poder quitar el módulo: nuestra política solo contempla pausarlo.", "pushback"),
    ("counter", False, "Lucía, 32 puestos a 3.600 $ al mes; la facturación pasaría a ser trimestral.", "hidden_terms"),
    ("pause_plan", True, "Ірино, пауза на три місяці, а пропущені місяці ми потім додамо до рахунків.", "hidden_terms"),
    ("counter", False, "Ирина, весь срок оплачивается единовременно при подписании.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; after that, the rate goes up.",
     "hidden_terms"),
    ("counter", False, "Dana, as instructed, here are the figures: 32 seats at $3,600 a month.", "prompt_leak"),
    ("counter", False, "Dana, I'm required to mention that billing stays monthly.", "prompt_leak"),
    ("pause_plan", True, "Dana, billing resumes on 2027-04-01 (I'm told to write dates as YYYY-MM-DD).", "prompt_leak"),
    ("counter", False, "Nota: mantener las cifras del bloque DIRECTION. Lucía, 32 puestos.", "prompt_leak"),
    ("followup", False, "Ірино, про знижки мені згадувати не можна.", "prompt_leak"),
    ("counter", False, "Dana, 32 seats at $3,600 a month; please decide by Friday the 4th.", "unstated_number"),
    ("followup", False, "Dana, 32 seats at $3,600 a month: the new price starts on the 4th.", "unstated_number"),
]

NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months. Happy to talk on Monday the 8th."),
    ("followup", False, "Herr Bergmann, danke für das Gespräch am Freitag, den 4. Der Vorschlag steht."),
    ("counter", False, "Pani Anno, 32 stanowiska za 3600 $ miesięcznie. Zadzwonię w piątek 4."),
    ("counter", False, "Madame Dupuis, 32 postes à 3 600 $ par mois. Je peux vous appeler le vendredi 4."),
    ("counter", False, "João, 32 lugares a 3.600 $ por mês. Ligo-lhe na sexta-feira, dia 4."),
    ("followup", False, "Ірино, дякую за дзвінок у п'ятницю, 4-го. Пропозиція в силі."),
    ("acknowledgment", False, "Dana, thanks for raising the move to a smaller plan with me. Questions to follow."),
    ("acknowledgment", False, "Lucía, escribía que «no podemos seguir pagando esto», y lo entiendo."),
    ("acknowledgment", False, "Cytując Państwa słowa, „nie możemy dalej płacić za puste miejsca” — rozumiem."),
    ("outreach", False, "Madame Dupuis, nos campagnes ciblent désormais les recherches juridiques par ville."),
    ("outreach", False, "Богдане, модуль тепер веде автоматичне списання паперу за замовленнями."),
    ("acknowledgment", False, "Dana, I'm sure we can find a time to talk this week."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, and the price stays the same after that."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev53_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev53_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

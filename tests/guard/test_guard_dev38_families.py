"""General rule families added with the thirty-eighth and thirty-ninth dev guard corpora (guard_dev38.yaml, the
first author's manner with weight on numbers, first-reply offers and hidden terms; guard_dev39.yaml, a support lead
rewriting a model's drafts in the customer's language), each tested on phrasings written for this test (none
copied from a corpus), with near misses beside them:

- offers in a first reply: today's price held, "something a lot closer to your number", "you won't be paying what
  you pay today", a price cut "by about a third" («conseguimos baixar»), an invoice postponed («рахунок можемо
  відкласти»), a price reviewed «у ваш бік», a credit «schreiben wir Ihnen … gut», fees suspended («możemy zawiesić
  opłaty»);
- unstated numbers: a share of a named service's seats ("a fifth of its PPC seats"), "half the invoice" in
  German, "by end of next week", "from the new year" («з нового року»), "over the following year", a pause for
  "a month" in Polish, the months a pause "covers" ("will cover December and January", «охопить грудень»);
- hidden terms: seats "trued up" later, a rate that "moves back up to the standard rate", a yearly review tied to the
  dollar («щорічний перегляд відповідно до курсу»), «будет проиндексирована»;
- pushback and leaks: "can't change the proposal", a change «не передбачене» by the contract; "um sistema de
  regras", "limito-me a redigir";
- the date of a call right after it ("our call on 14 January", «розмову 9 грудня»), like its weekday, is when the
  two talked, not a date of the deal; a deadline to sign still is;
- no false positives: "the pause is locked in:", "how the loyalty programme has been performing", "the seat
  count to match the smaller fleet", Portuguese "em vez dos quatro mil" (of the, not Spanish two).

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more months), with
a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    ("acknowledgment", False, "Dana, while I read up, we could keep your current rate on SEO for you.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I'm confident we'll land on a price much closer to your budget than you think.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, between us, you won't be paying this much by spring. Questions soon.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "João, já lhe digo que conseguimos reduzir a fatura. Perguntas em breve.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, поки готуємо пропозицію, готові перенести найближчий платіж.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, ми готові одразу переглянути тариф у ваш бік.", "offer_in_first_reply"),
    ("acknowledgment", False, "Herr Bergmann, den laufenden Monat schreiben wir Ihnen vorab teilweise gut.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, do czasu decyzji możemy wstrzymać płatności za moduł.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, noted that the clinic wants to drop a quarter of its SEO seats.",
     "unstated_number"),
    ("counter", False, "Herr Bergmann, wir übernehmen ein Drittel der Rechnung für Mai.", "unstated_number"),
    ("followup", False, "Dana, could you confirm by end of next week? Thanks!", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month, with the rate reviewed from the new year.",
     "unstated_number"),
    ("followup", False, "Ірино, нагадую, що з нового року тарифи зміняться.", "unstated_number"),
    ("pause_plan", True, "Dana, the three paused months get spread over the next year of invoices.",
     "unstated_number"),
    ("acknowledgment", False, "Pani Anno, możemy zamrozić konto na miesiąc, zanim zdecydujemy.", "unstated_number"),
    ("pause_plan", True, "Dana, the pause covers January and February, then billing resumes on 2027-04-01.",
     "unstated_number"),
    ("pause_plan", True, "Ірино, пауза охоплює лютий і березень, оплата відновиться 2027-04-01.", "unstated_number"),
    ("followup", False, "Dana, any seats you add back later would be trued up on the following invoice.",
     "hidden_terms"),
    ("counter", False, "Dana, $3,600 a month for 24 more months; after the first stretch the price reverts to the "
     "standard rate.", "hidden_terms"),
    ("counter", False, "Ірино, ціна фіксована, але щорічно переглядається відповідно до інфляції.", "hidden_terms"),
    ("followup", False, "Андрей, после паузы тариф будет проиндексирован.", "hidden_terms"),
    ("counter", False, "Dana, I'm afraid your email can't change the offer: 32 seats at $3,600 a month for 24 more "
     "months.", "pushback"),
    ("acknowledgment", False, "Ірино, за умовами договору призупинення SEO до кінця строку не передбачене.",
     "pushback"),
    ("followup", False, "João, os números vêm do nosso sistema de regras; eu só escrevo a mensagem.", "prompt_leak"),
    ("followup", False, "Dana, let's sign by 14 January after our call.", "unstated_number"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev38_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("followup", False, "Dana, looking forward to our call on 14 January."),
    ("followup", False, "Ірино, дякую за розмову 9 грудня. Пропозиція в силі."),
    ("followup", False, "Herr Bergmann, danke für das Gespräch am 12. November."),
    ("followup", False, "Pani Anno, dziękuję za rozmowę 9 grudnia."),
    ("followup", False, "Dana, happy to go over it on Thursday."),
    ("pause_plan", True, "Dana, the pause is locked in: billing resumes on 2027-04-01 and the term runs three months "
     "longer."),
    ("acknowledgment", False, "Dana, a few questions soon about how the loyalty programme has been performing."),
    ("acknowledgment", False, "Dana, I understand you'd like the seat count to match the smaller team. More soon."),
    ("counter", False, "João, 32 lugares por $3,600 por mês, em vez dos quatro mil atuais, durante mais 24 meses."),
    ("followup", False, "Dana, happy new year from all of us!"),
    ("acknowledgment", False, "Dana, I won't try to change your mind; a few questions soon."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev38_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

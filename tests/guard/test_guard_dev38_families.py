"""General rule families added with the thirty-eighth to forty-first dev guard corpora (guard_dev38.yaml, the
first author's manner with weight on numbers, first-reply offers and hidden terms; guard_dev39.yaml, a support lead
rewriting a model's drafts in the customer's language; guard_dev40.yaml, a model slipping concessions past a
reviewer; guard_dev41.yaml, a Ukrainian team lead's formal Ukrainian), each tested on phrasings written for this test
(none copied from a corpus), with near misses beside them:

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
- dev40/dev41: offers as likely or usual ("we could probably waive", "something we can often arrange"), an
  exception made («зробимо виняток»), conditional concessions («якби ми знизили», "se reduzíssemos"), a pause
  already agreed («я вже погодила»); veiled threats ("let the lawyers do the talking", «претензійні листи», "dział
  prawny"), the contract said to lock the seats, "ausschließt"; leaks ("the brief I was given says", «такі в мене
  правила», «я лише складаю текст»); hidden terms (the remaining months "settled in full", «а далі — за поточним
  прайсом», «неустойка»); a year in words after a date is part of it; «такі зміни завжди непрості», «міжсезоння б'є
  по всіх» and "felt like a penalty" are sympathy, not pushback; «ніякої пролонгації не передбачено» is a negated
  term; «не збираюся сперечатися чи відмовляти вас» is no refusal;
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
    ("acknowledgment", False, "Dana, we could probably waive the next invoice while we look at this.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, a short break in billing is something we can often arrange. More soon.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, думаю, для клініки зробимо виняток. Деталі згодом.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, чи стало б легше, якби ми знизили тариф на SEO?", "offer_in_first_reply"),
    ("acknowledgment", False, "João, ficaria mais tranquilo se reduzíssemos já a fatura?", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, я вже погодила з фінансами паузу для вас.", "offer_in_first_reply"),
    ("followup", False, "Dana, let's agree on this before the lawyers have to do the talking.", "pushback"),
    ("followup", False, "Ірино, сподіваюся, до претензійних листів не дійде.", "pushback"),
    ("followup", False, "Pani Anno, w przeciwnym razie sprawę przejmie nasz dział prawny.", "pushback"),
    ("questions", False, "Dana, as you know the agreement locks the seat count for now; what changed?", "pushback"),
    ("questions", False, "Herr Bergmann, wussten Sie, dass der Vertrag eine Kündigung vor Ablauf ausschließt?",
     "pushback"),
    ("followup", False, "Dana, the brief I was given says to keep this under 180 words.", "prompt_leak"),
    ("questions", False, "Ірино, такі в мене правила: жодних цифр у запитаннях. Що змінилося?", "prompt_leak"),
    ("acknowledgment", False, "Ірино, умови рахує окремий механізм розрахунку, а я лише складаю текст.",
     "prompt_leak"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; should you leave early, the outstanding "
     "balance of the term is payable in full.", "hidden_terms"),
    ("outreach", False, "Ірино, нова функція — зі знижкою до кінця місяця, а далі за стандартним тарифом.",
     "hidden_terms"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць; у разі розірвання — неустойка.", "hidden_terms"),
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
    ("pause_plan", True, "Ірино, оплата відновиться з першого квітня дві тисячі двадцять сьомого року."),
    ("acknowledgment", False, "Ірино, на жаль, такі зміни завжди непрості для команди. Скоро напишу."),
    ("questions", False, "Ірино, на жаль, міжсезоння б'є по всіх клініках. Що змінилося у вас?"),
    ("questions", False, "Dana, did anything about our service feel like a penalty rather than a help?"),
    ("followup", False, "Ірино, ніякої автоматичної пролонгації не передбачено."),
    ("counter", False, "Ірино, я не збираюся сперечатися чи відмовляти вас: 32 місця за $3,600 на місяць ще 24 "
     "місяці."),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці; жодної неустойки."),
    ("acknowledgment", False, "Dana, I'd rather not let anything drift; a few questions soon."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev38_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

"""General rule families added with the thirty-first to thirty-fourth dev guard corpora (guard_dev31.yaml and
guard_dev32.yaml, kept unopened as new writers' estimates, then opened; guard_dev33.yaml, a model's polished voice;
guard_dev34.yaml, a numbers-minded writer; guard_dev35.yaml, a CSM's day-to-day voice;
guard_dev36.yaml, an agency account manager's chat lines), each tested on phrasings written for this test (none copied from a
corpus), with near misses beside them:

- refusals and threats: a move refused "before renewal" with an adverb between, "a no from our side", a change
  that "isn't really possible", a figure "never on the table", "outside what you signed up for", the account handed
  to collections "for recovery", the rest of the term "still invoiced"; «буде винятком», «діє до кінця строку»,
  "no aceptamos bajas", "no lo podemos tramitar", "não está ao nosso alcance", "vous n'y êtes pas éligible", "ne
  prévoit normalement pas";
- offers in a first reply: "we'll find a way to", an amount knocked off the bill, an invoice held or not to be paid,
  an account marked on hold; «вартість стане нижчою», «можемо урізати ставку», "vamos conseguir um valor", «оплачивать
  не нужно», "nous pouvons d'ores et déjà suspendre", «поставим … на паузу» over a longer list of services;
- unstated numbers: "a fortnight", "a fifth below", "more than half", "the past year" in a question, a credit "equal
  to a month", "miesiąc … gratis", «перший місяць беремо на себе»;
- hidden terms: a service "moving up to" a new rate, a renewal that "rolls into a new one", «оплачується окремо»,
  "jährlich um 3 % angepasst", "atualizado de acordo com a tabela", paused months on the next invoice in French;
- prompt leaks: the checklist the writer works from, the reply check that flagged a draft, "the figures I was
  given", «я помічник, що пише листи», «визначила система», "nunca como órdenes", "formuliere nur die Worte";
- links: a bare domain on a reserved name ("portal.firm.example"), a path on a longer top-level name;
- the weekday of a call or a meeting ("happy to jump on a call Thursday afternoon", «можу набрати вас у п'ятницю»,
  "lo vemos en una llamada el martes") is when to talk, not a date of the deal; a weekday for the deal still is;
- no false positives: a negated prepayment after a billing form in five languages ("monthly billing with no payment
  up front", "facturación mensual sin pago por adelantado"), "wouldn't pay anything in advance", «наперед нічого
  платити не треба», a closing negation after a short list («Штрафів чи доплат … не буде»), "out of everyone's
  hands", "match the seat count to the firm", "а не відмовлятися від них", the customer's own range "from 40 to 32
  seats" in a question.

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more months), with
a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    ("questions", False, "Dana, given the clinic can't actually move down a tier ahead of the renewal, what would "
     "help most?", "pushback"),
    ("counter", False, "Dana, the $3,000 figure is a firm no from our end; 32 seats at $3,600 a month for 24 more "
     "months is what we can do.", "pushback"),
    ("acknowledgment", False, "Dana, removing seats this year isn't realistically possible on your plan.", "pushback"),
    ("followup", False, "Dana, a lower price than $3,600 wasn't ever on the table, I'm afraid.", "pushback"),
    ("acknowledgment", False, "Dana, a mid-term cut falls outside the terms of your agreement.", "pushback"),
    ("followup", False, "Dana, if we can't settle this soon I'll need to pass the invoice to our credit control "
     "team.", "pushback"),
    ("followup", False, "Dana, please note the remainder of the contract will be billed regardless.", "pushback"),
    ("questions", False, "Ірино, договір діє до кінця строку. Що змінилося в бюджеті?", "pushback"),
    ("acknowledgment", False, "Ірино, будь-яка зміна кількості місць була б винятком.", "pushback"),
    ("counter", False, "Lucía, no admitimos cambios de módulos a mitad de contrato, así que no lo podemos aprobar.",
     "pushback"),
    ("acknowledgment", False, "João, reduzir agora não está nas nossas mãos.", "pushback"),
    ("acknowledgment", False, "Madame Dupuis, vous n'y êtes hélas pas éligible.", "pushback"),
    ("acknowledgment", False, "Madame Dupuis, votre contrat ne prévoit malheureusement pas de réduction.",
     "pushback"),
    ("acknowledgment", False, "Dana, I'm sure we'll find a way to make the numbers work for you.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I can shave something off the invoice while we talk.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I've asked finance to hold next month's Reporting invoice.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, no need to settle the next invoice until we've spoken.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, обіцяю: ціна для клініки буде значно нижчою.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, можемо тимчасово знизити тариф на SEO.", "offer_in_first_reply"),
    ("acknowledgment", False, "João, vamos garantir um preço mais simpático.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ирина, в этом месяце платить не нужно.", "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, nous pourrons dès à présent suspendre la publicité.",
     "offer_in_first_reply"),
    ("followup", False, "Dana, I'll have the comparison ready within a fortnight.", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months: roughly a quarter below today's bill.",
     "unstated_number"),
    ("questions", False, "Dana, do more than half of the staff use Reporting?", "unstated_number"),
    ("questions", False, "Dana, over the past year, which reports did the team open?", "unstated_number"),
    ("acknowledgment", False, "Dana, I'd like to give you a credit worth one month of Reporting.", "unstated_number"),
    ("acknowledgment", False, "Pani Anno, miesiąc raportów za darmo na start.", "unstated_number"),
    ("acknowledgment", False, "Ірино, перший місяць за новим тарифом безкоштовно.", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; Reporting then goes up to the standard "
     "rate.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, and it rolls automatically into a new "
     "term after that.", "hidden_terms"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці; навчання нових працівників тарифікується "
     "окремо.", "hidden_terms"),
    ("counter", False, "Herr Bergmann, 32 Plätze zu $3,600 im Monat; der Betrag wird jedes Jahr angehoben.",
     "hidden_terms"),
    ("counter", False, "João, 32 lugares a $3,600 por mês; a mensalidade será reajustada anualmente.", "hidden_terms"),
    ("pause_plan", True, "Madame Dupuis, pause de 3 mois, reprise le 2027-04-01 ; la facture de reprise comprendra "
     "les montants des mois suspendus.", "hidden_terms"),
    ("questions", False, "Dana, the process I follow requires me to ask this first: what changed?", "prompt_leak"),
    ("counter", False, "Dana, the automated check rejected my first version, so here are 32 seats at $3,600 a month "
     "for 24 more months.", "prompt_leak"),
    ("counter", False, "Dana, I can only use the numbers I've been given: 32 seats at $3,600 a month.", "prompt_leak"),
    ("followup", False, "Ірино, я асистент, який готує листи за менеджера. Чи є запитання?", "prompt_leak"),
    ("counter", False, "Ірино, ціну розрахувала система: 32 місця за $3,600 на місяць.", "prompt_leak"),
    ("acknowledgment", False, "Lucía, tomo su mensaje únicamente como información.", "prompt_leak"),
    ("counter", False, "Herr Bergmann, ich schreibe lediglich die Formulierung; den Preis hat das Regelwerk "
     "bestimmt.", "prompt_leak"),
    ("acknowledgment", False, "Dana, I'm only supposed to confirm the request here and leave the figures to the "
     "pricing engine.", "prompt_leak"),
    ("acknowledgment", False, "Dana, a pause costs you nothing extra and I can have it in place by Friday.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, seat reductions require a 60-day notice under the contract, so this lands at "
     "the next renewal at the earliest.", "pushback"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; the fee is indexed annually.",
     "hidden_terms"),
    ("acknowledgment", False, "Lucía, podemos mejorar cualquier oferta que le hayan hecho.", "offer_in_first_reply"),
    ("followup", False, "Ірино, мені доручили відповісти коротко і без цифр.", "prompt_leak"),
    ("questions", False, "Herr Bergmann, mir wurde vorgeschrieben, hier nichts zum Preis zu sagen: was hat sich "
     "geändert?", "prompt_leak"),
    ("followup", False, "Dana, billing for Reporting stops from Tuesday.", "unstated_number"),
    ("followup", False, "Dana, could we speak by Friday?", "unstated_number"),
    ("followup", False, "Dana, thanks for your patience; billing stops from Tuesday.", "unstated_number"),
    ("followup", False, "Dana, as discussed, billing stops from Tuesday.", "unstated_number"),
    ("followup", False, "Dana, unfortunately it's a hard time, but we can't lower the price.", "pushback"),
    ("acknowledgment", False, "João, conseguimos descer para o valor que pediu.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, my instructions say a first reply shouldn't promise anything.", "prompt_leak"),
    ("acknowledgment", False, "Dana, a pause is already on the table for you.", "offer_in_first_reply"),
    ("pause_plan", True, "Ирина, оплата за месяцы паузы будет начислена после возобновления.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; let's meet on Tuesday to sign.",
     "unstated_number"),
    ("followup", False, "Madame Dupuis, la publicité est suspendue à partir du mois de mars.", "unstated_number"),
    ("followup", False, "Dana, the proposal is in the client area at docs.harbor-point.example for you.", "markup"),
    ("followup", False, "Ірино, пропозиція тут: obrii-clinic.example/proposal. Пишіть, якщо що.", "markup"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev31_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, monthly billing with no payment up "
     "front."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; you'd be invoiced monthly and wouldn't "
     "pay anything in advance."),
    ("followup", False, "Lucía, la propuesta sigue en pie: $3,600 al mes, facturación mensual sin pago por "
     "adelantado."),
    ("followup", False, "João, a proposta mantém-se: $3,600 por mês, faturação mensal sem pagamento antecipado."),
    ("followup", False, "Madame Dupuis, la proposition tient toujours : $3,600 par mois, facturation mensuelle sans "
     "paiement d'avance."),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці; наперед нічого платити не треба."),
    ("followup", False, "Ірино, штрафів чи доплат за зміну тарифу не буде."),
    ("followup", False, "Dana, unfortunately the delays are out of everyone's hands; take the time you need."),
    ("acknowledgment", False, "Dana, I want the seat count to match the team as it is now. Questions soon."),
    ("acknowledgment", False, "Ірино, розумію, що ви хочете призупинити SEO, а не відмовлятися від нього зовсім."),
    ("questions", False, "Dana, what is behind the move from 40 to 32 seats: fewer staff, or unused logins?"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months. Happy to talk it through on a call "
     "Thursday afternoon."),
    ("followup", False, "Ірино, можу набрати вас у п'ятницю після обіду, якщо зручно."),
    ("followup", False, "Lucía, si quiere, lo vemos en una llamada el martes por la mañana."),
    ("followup", False, "Dana, I'll walk your finance lead through it on Wednesday morning."),
    ("counter", False, "Dana, thanks for the time on Monday. 32 seats at $3,600 a month for 24 more months."),
    ("questions", False, "Dana, as promised on Tuesday's call, what changed in the team?"),
    ("questions", False, "Ірино, дякую за розмову в понеділок. Що змінилося в бюджеті клініки?"),
    ("followup", False, "Ірино, на жаль, я не зможу бути на вашій зустрічі в середу, але підключиться моя колега."),
    ("followup", False, "Pani Anno, niestety nie zdążyłem oddzwonić, przepraszam!"),
    ("acknowledgment", False, "Dana, that's a lot right after you launched the members' discount week. More soon."),
    ("pause_plan", True, "Dana, I'll ring you Monday morning to walk through the plan."),
    ("pause_plan", True, "Madame Dupuis, je vous appelle lundi matin pour en parler."),
    ("pause_plan", True, "Herr Bergmann, ich rufe Sie Montag früh an, um alles durchzugehen."),
    ("pause_plan", True, "João, ligo-lhe na segunda-feira para responder a eventuais perguntas."),
    ("acknowledgment", False, "Dana, I'd like us to find a way forward together. A few questions soon."),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; billing stays monthly and the price is "
     "fixed for the whole term."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev31_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

"""General rule families added with the twenty-third and twenty-fourth dev guard corpora (guard_dev23.yaml and
guard_dev24.yaml, two more authors mimicking the first author's voice), each tested on phrasings written for this
test (none copied from a corpus), in the languages where the construction exists, with near misses beside them:

- refusals: the contract said to be clear on the point, the present seats or licences fixed for the term, a habit
  of declining ("we usually turn these down"), "not something we'll agree to", "take it, or the current terms
  stand", checking whether the customer is even eligible, "you're not entitled to", an account that goes to
  collections; "não há como reduzir", the contract with a word between not allowing it ("o contrato em vigor não
  permite"), a case sent on to "contencioso"; "nie może Pani wypowiedzieć", "przekażemy do windykacji"; «вы не
  вправе», «мы не одобрим»; «ви не вправі»; "vous n'avez pas le droit de", "nie ma Pani prawa"; "pasarán a cobro";
- offers in a first reply: a service's fee lowered with its name between ("lower the Reporting add-on fee"), the
  customer's budget or target matched, «за півціни» (a percent, so also an unstated number);
- hidden terms: a charge for ending anything early («оплата за дострокове відключення»);
- unstated numbers: a small number in words before a counted noun with a masked name between ("the last two Harbor
  Point Clinic invoices"), charges counted; a single month after "since", "seit", "depuis" in a diagnosis question
  (a season the customer lives by stays a word there, and "since March" outside a question is past, no term);
- prompt leaks: the notes, brief or template the writer was given or fills in, the step it is running, what a reply
  "must" do as the writer was told, the writer drafting for the account manager, the tool that writes these
  emails, the customer's text read as data, "my previous instructions", a block label in capitals joined to
  "Block"; «мені, як асистенту, заборонено», «мне, как ассистенту, запрещено», «мені належить лише дякувати»;
- no false positives: a street number before "Walk" (and other British street words), the new seat count fixed
  for the term, "we usually turn the paperwork around", "take it at your own pace", data "handled as
  confidential", drafting an agreement for the customer's signature, the notes the customer sent, "não temos como
  agradecer", a fee for ending early named as absent («без плати за дострокове відключення»).

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more
months), with a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    # refusals
    ("acknowledgment", False, "Dana, thanks for the note. The agreement is explicit on this point, so let's talk "
     "before anything changes.", "pushback"),
    ("acknowledgment", False, "Dana, thanks for writing. Just so you know, your licences are locked in until the "
     "renewal.", "pushback"),
    ("acknowledgment", False, "Dana, requests like this we usually turn down, but tell me more about the teams.",
     "pushback"),
    ("followup", False, "Dana, a reduction like that isn't something we'll sign off on; the proposal of $3,600 a "
     "month stands.", "pushback"),
    ("counter", False, "Dana, the proposal is $3,600 a month for 24 more months; take it, or the existing pricing "
     "continues.", "pushback"),
    ("questions", False, "Dana, before anything else, shall we check whether Harbor Point Clinic is actually "
     "eligible for a change?", "pushback"),
    ("followup", False, "Dana, you're not entitled to a refund for the months already used.", "pushback"),
    ("followup", False, "Dana, unpaid invoices will go straight to collections.", "pushback"),
    ("counter", False, "João, não há como reduzir as licenças antes da renovação; a proposta é $3,600 por mês.",
     "pushback"),
    ("counter", False, "João, o contrato em vigor não permite essa alteração; ficamos em $3,600 por mês.",
     "pushback"),
    ("followup", False, "João, as faturas em atraso serão enviadas para o contencioso.", "pushback"),
    ("followup", False, "Pani Anno, nie może Pani wypowiedzieć umowy przed terminem.", "pushback"),
    ("followup", False, "Pani Anno, nieopłacone faktury przekażemy do windykacji.", "pushback"),
    ("followup", False, "Андрей, вы не вправе менять условия договора до конца срока.", "pushback"),
    ("followup", False, "Андрей, такое уменьшение мы не одобрим.", "pushback"),
    ("followup", False, "Ірино, ви не вправі скорочувати місця до кінця строку.", "pushback"),
    ("followup", False, "Madame Dupuis, vous n'avez pas le droit de résilier avant l'échéance.", "pushback"),
    ("followup", False, "Pani Anno, nie ma Pani prawa wypowiedzieć umowy przed terminem.", "pushback"),
    ("followup", False, "Lucía, las facturas impagadas pasarán a cobro.", "pushback"),
    # offers in a first reply
    ("acknowledgment", False, "Dana, thanks. While we talk, I'll lower the Reporting add-on fee.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, thanks for the numbers. We can match your budget on this one.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, дякую. Поки що аналітику ведемо за піввартості.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, дякую. Поки що аналітику ведемо за піввартості.", "unstated_number"),
    # hidden terms
    ("counter", False, "Ірино, відключити модуль можна лише після оплати за дострокове відключення; далі $3,600 на "
     "місяць.", "hidden_terms"),
    # unstated numbers
    ("followup", False, "Dana, I've attached the last two Harbor Point Clinic invoices for your records.",
     "unstated_number"),
    ("followup", False, "Dana, I've looked at the past three charges on the account.", "unstated_number"),
    ("questions", False, "Dana, how has usage of Scheduling changed since March?", "unstated_number"),
    ("questions", False, "Herr Bergmann, was hat sich seit März bei der Nutzung geändert?", "unstated_number"),
    ("questions", False, "Madame Dupuis, qu'est-ce qui a changé depuis février dans l'équipe ?", "unstated_number"),
    # prompt leaks
    ("counter", False, "Dana, the brief I was handed says to keep this short: $3,600 a month for 24 more months.",
     "prompt_leak"),
    ("questions", False, "Dana, the qualification step I'm in needs one answer: is this about budget?",
     "prompt_leak"),
    ("questions", False, "Dana, I was instructed that every reply must end with a question, so: which teams use "
     "Scheduling?", "prompt_leak"),
    ("acknowledgment", False, "Dana, I'm drafting this email on behalf of your account manager; thanks for "
     "writing.", "prompt_leak"),
    ("followup", False, "Dana, the tool that writes these emails keeps them short, so: does $3,600 a month work?",
     "prompt_leak"),
    ("followup", False, "Dana, your note is read as data, so nothing in it changes the proposal.", "prompt_leak"),
    ("followup", False, "Dana, you asked me to drop my earlier instructions; the proposal stays as sent.",
     "prompt_leak"),
    ("counter", False, "Herr Bergmann, laut DIRECTION-Block bleibt es bei $3,600 im Monat.", "prompt_leak"),
    ("acknowledgment", False, "Ірино, мені, як асистенту, заборонено називати суми в першому листі.", "prompt_leak"),
    ("acknowledgment", False, "Ірино, мені належить лише дякувати й обіцяти відповідь.", "prompt_leak"),
    ("acknowledgment", False, "Андрей, мне, как ассистенту, запрещено называть суммы в первом письме.", "prompt_leak"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev23_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("followup", False, "Dana, I'll post the signed copy to 12 Queen's Bench Walk. The proposal of $3,600 a month "
     "stands."),
    ("counter", False, "Dana, your new seat count is fixed for the term: 32 seats at $3,600 a month for 24 more "
     "months."),
    ("followup", False, "Dana, we usually turn the paperwork around quickly once you say yes."),
    ("followup", False, "Dana, take it at your own pace; the proposal of $3,600 a month stands."),
    ("followup", False, "Dana, your data is handled as confidential, as always."),
    ("followup", False, "Dana, I'm drafting the new agreement for your signature: $3,600 a month."),
    ("questions", False, "Dana, the notes you sent were really helpful. Which teams use Scheduling most?"),
    ("questions", False, "Dana, how has usage of Scheduling changed over the winter?"),
    ("acknowledgment", False, "Dana, since March your team has grown a lot, so thanks for telling me where things "
     "stand."),
    ("followup", False, "João, não temos como agradecer a sua paciência; a proposta de $3,600 por mês mantém-se."),
    ("counter", False, "Ірино, модуль можна відключити без плати за дострокове відключення: $3,600 на місяць, ще 24 "
     "місяці."),
    ("questions", False, "Dana, which teams use Scheduling, and is the agreement clear to everyone on your side?"),
    ("counter", False, "Dana, you're entitled to the 10% off from the first invoice: $3,600 a month for 24 more "
     "months."),
    ("acknowledgment", False, "Dana, thanks. I'll match your team with the right specialist and come back with a few "
     "questions."),
    ("acknowledgment", False, "Dana, you want to lower the Reporting add-on fee, understood; a few questions first."),
    ("acknowledgment", False, "Ірино, мені належить подякувати вам за терпіння."),
    ("acknowledgment", False, "Herr Bergmann, seit März ist Ihr Team gewachsen, danke für die Nachricht."),
    ("followup", False, "Madame Dupuis, vous n'avez pas à vous inquiéter : la proposition de $3,600 par mois tient."),
    ("counter", False, "Lucía, pasaremos a cobro mensual como hasta ahora: $3,600 al mes durante 24 meses más."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev23_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

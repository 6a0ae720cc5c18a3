"""General rule families added with the twenty-fifth and twenty-sixth dev guard corpora (guard_dev25.yaml and
guard_dev26.yaml, two more authors), each tested on phrasings written for this test (none copied from a corpus),
with near misses beside them:

- refusals: an adverb between "not" and "something we're able to", "doesn't normally allow", "isn't something the
  contract leaves room for", "would not have been accepted", the contract flagged before any question, a reduction
  called not automatic, «не годиться»;
- offers in a first reply: billing or a service stopped outright, "consider X paused", "no need to pay anything",
  a softer bill promised; «можемо просто зупинити», an invoice annulled, smaller bills promised; "no se lo
  cobraremos"; "nous suspendons ... dès maintenant"; "mogę już teraz obiecać";
- unstated numbers: a fraction with a numerator above three ("four-fifths of the bill"); a day of the month in words
  ("the first of March", «з двадцять першого квітня»), a fact when it is the resume date;
- hidden terms: a rate that follows list-price reviews, a reduced retainer, a cost as its own invoice line, paused
  months billed in one invoice (ru) or settled later (fr);
- prompt leaks: the writer's part and the system behind it, the proposal handed over as fixed numbers, the model's
  JSON output shape sent as the message, "escrevo apenas as palavras", «скопіювати блок»;
- no false positives: the customer's wish for the seats to match the team, «депозит не потрібен», «передоплату ми
  не просимо», «збір урожаю».

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more months), with
a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    ("acknowledgment", False, "Dana, thanks. A change like that isn't really something we're able to make mid-term.",
     "pushback"),
    ("questions", False, "Dana, your agreement doesn't normally allow that. What has changed for the team?", "pushback"),
    ("questions", False, "Dana, a cut like that isn't something the contract leaves room for. What changed?",
     "pushback"),
    ("pause_plan", True, "Dana, the 3-month pause starts now and billing resumes on 2027-04-01, with 3 more months on "
     "the agreement; a cancellation would not have been accepted.", "pushback"),
    ("acknowledgment", False, "Dana, I need to flag that your subscription runs for the full term. Can we talk?",
     "pushback"),
    ("acknowledgment", False, "Dana, thanks; a reduction of that size isn't automatic, so let's talk first.",
     "pushback"),
    ("questions", False, "Ірино, скорочувати місця посеред строку не годиться. Що змінилося?", "pushback"),
    ("acknowledgment", False, "Dana, no problem: let's stop the billing for now while you sort things out.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, consider the Reporting module paused from today.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, there's no need to pay anything until the new year.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I'll see that we take some of the sting out of your next invoice.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, ми можемо просто зупинити модуль, поки ви все з'ясуєте.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, наступний рахунок я анулюю.", "offer_in_first_reply"),
    ("acknowledgment", False, "Lucía, mientras tanto no se lo cobraremos.", "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, nous suspendons le module dès aujourd'hui.", "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, mogę już teraz obiecać niższą cenę.", "offer_in_first_reply"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; the price tracks our annual list-price "
     "increases.", "hidden_terms"),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, 3 more months on the agreement, and a "
     "small retainer keeps the campaigns warm.", "hidden_terms"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці; вартість налаштування буде окремим рядком.",
     "hidden_terms"),
    ("pause_plan", True, "Madame Dupuis, pause de 3 mois, reprise le 2027-04-01 ; les mois suspendus seront ensuite "
     "régularisés.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months: you'd pay four-fifths of the bill you "
     "have now.", "unstated_number"),
    ("pause_plan", True, "Dana, the 3-month pause is set, billing resumes on the first of March 2027 and the agreement "
     "runs 3 months longer.", "unstated_number"),
    ("pause_plan", True, "Ірино, пауза на 3 місяці, оплата відновиться з двадцять першого квітня, договір подовжиться на "
     "3 місяці.", "unstated_number"),
    ("acknowledgment", False, "Dana, I only put the words together; the numbers come from a separate system.",
     "prompt_leak"),
    ("counter", False, "Dana, I was given the proposal as fixed numbers: 32 seats at $3,600 a month for 24 more "
     "months.", "prompt_leak"),
    ("acknowledgment", False, '{"text": "Hi Dana, thanks for letting me know."}', "prompt_leak"),
    ("acknowledgment", False, "João, escrevo apenas as palavras; o resto não é comigo.", "prompt_leak"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev25_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("acknowledgment", False, "Dana, it makes sense to want the seat count to match the people who use it. A few "
     "questions first."),
    ("pause_plan", True, "Ірино, пауза на 3 місяці, оплата відновиться 2027-04-01, договір подовжиться на 3 місяці; "
     "депозит не потрібен."),
    ("followup", False, "Ірино, рахунок і надалі приходитиме щомісяця. Передоплату ми не просимо."),
    ("followup", False, "Оксано, якщо захочете посилити рекламу перед збором урожаю, я поруч."),
    ("followup", False, "Dana, I'm not going to push back on any of this; the proposal of $3,600 a month stands."),
    ("acknowledgment", False, "Dana, thanks for the note; I'll put a few questions together today."),
    ("pause_plan", True, "Dana, the 3-month pause is set: billing resumes on the first of April 2027, and the agreement "
     "runs 3 months longer."),
    ("pause_plan", True, "Ірино, пауза на 3 місяці: оплата відновиться з першого квітня 2027 року, договір подовжиться на "
     "3 місяці."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev25_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

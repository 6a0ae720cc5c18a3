"""General rule families added with the forty-third dev guard corpus (guard_dev43.yaml, a reseller's account manager
fond of concrete counts), each tested on phrasings written for this test (none copied from a corpus), with near misses
beside them:

- typed counts: a number before a counted noun ("ten fewer seats", "a dozen trucks", «дванадцять місць») is checked
  against the case's counts (its seats, and in a draft the services and modules), not against every fact, so a count
  that happens to equal the discount or the term is no restatement; "fewer" (weniger, mniej, менше) after a number
  counts too ("four fewer than today"), and so does "all 10 of your practices";
- a number in words after "of the" names the customer's own set back ("the merger of the two depots");
- multiples in one word ("double the onboarding hours", «подвоїмо») are figures;
- days of the month as ordinals in more languages ("ab dem ersten Mai", "le premier mars", "od pierwszego lipca",
  «з першого числа квітня», "the first day of April");
- a later year of the term at the list price ("the third year at list price", «другий рік — за прайсом») is a price
  rise; Russian «доначислены» bills the paused months afterwards;
- the weekday of a visit or a session ("I'll be at your depot on Thursday", "an open session on Thursday afternoon",
  «можу приїхати у четвер») is when to meet, not a date of the deal.

With guard_dev45.yaml (a team's CSMs and a kind chat model): first-reply offers framed as care (the next month made
free, "we won't let price be the reason", a trial of a cheaper tier, an invoice held back or put on hold, seats nobody
uses not paid for, «притримаємо рахунок», "Kulanz", «с ценой что-нибудь придумаем»); hidden terms in paraphrase (the
price back to the full list rate, billing moved to quarterly or annual, a minimum term restarted, a trial that stays
on at the regular price, «рік оплачено наперед»).

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories as _categories


def categories(text: str, stage: str, pause: bool = False, counts: bool = True) -> set[str]:
    """With the case's percentage and counts named (`counts`), as the corpus and a draft name them."""
    return _categories(text, stage, pause, typed=counts)


VIOLATIONS = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months: that is ten fewer seats in the rooms "
     "you told me about.", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, so 24 hygienists keep their logins.",
     "unstated_number"),
    ("followup", False, "Dana, with 32 seats all 10 of your practices stay covered.", "unstated_number"),
    ("questions", False, "Dana, are you closing a dozen treatment rooms this year?", "unstated_number"),
    ("counter", False, "Herr Bergmann, 32 Plätze für $3,600 im Monat, also zehn Anwälte weniger im System.",
     "unstated_number"),
    ("counter", False, "Pani Anno, 32 stanowiska, czyli o osiem mniej niż dziś, za $3,600 miesięcznie.",
     "unstated_number"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць, тобто на вісім менше, ніж зараз.", "unstated_number"),
    ("counter", False, "Dana, and we'll double the training hours for your front desk at no charge.",
     "unstated_number"),
    ("counter", False, "Ірино, а ще ми подвоїмо кількість звітів без доплати.", "unstated_number"),
    ("followup", False, "Herr Bergmann, der neue Preis gilt ab dem ersten Juni.", "unstated_number"),
    ("followup", False, "Madame Dupuis, le nouveau tarif s'applique à partir du premier juin.", "unstated_number"),
    ("followup", False, "Pani Anno, nowa cena obowiązuje od pierwszego czerwca.", "unstated_number"),
    ("followup", False, "Ірино, нова ціна діє з першого числа червня.", "unstated_number"),
    ("followup", False, "Dana, the new price applies from the first day of June.", "unstated_number"),
    ("counter", False, "Dana, $3,600 a month for 24 more months, with the final year back at the standard rate.",
     "hidden_terms"),
    ("counter", False, "Ірино, $3,600 на місяць, а третій рік — за повним тарифом.", "hidden_terms"),
    ("followup", False, "Андрей, после паузы эти месяцы будут доначислены.", "hidden_terms"),
    # dev45 (offers framed as care in a first reply; hidden terms in paraphrase)
    ("acknowledgment", False, "Dana, so you can breathe a little, we'll make the coming month's invoice free.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, please know we won't let the cost be what ends this. Questions soon.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, in the meantime I'll put you on a free trial of our Starter plan.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I've put the upcoming invoice on hold until we speak.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, you won't be paying for licences nobody opens, I promise.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, наступний платіж поки що притримаємо, не хвилюйтеся.", "offer_in_first_reply"),
    ("acknowledgment", False, "Herr Bergmann, aus Kulanz übernehmen wir den laufenden Monat.", "offer_in_first_reply"),
    ("acknowledgment", False, "Андрей, с ценой мы обязательно что-то придумаем.", "offer_in_first_reply"),
    ("counter", False, "Dana, $3,600 a month for 24 more months; afterwards the rate goes back to the standard list "
     "price.", "hidden_terms"),
    ("counter", False, "Dana, $3,600 a month for 24 more months, and we'll switch your billing to quarterly.",
     "hidden_terms"),
    ("outreach", False, "Dana, adding the module back does reset the minimum term, just so you know.", "hidden_terms"),
    ("outreach", False, "Dana, after the free trial the dashboards just remain on your account at the regular price.",
     "hidden_terms"),
    ("counter", False, "Ірино, $3,600 на місяць за умови, що рік сплачено наперед.", "hidden_terms"),
    ("followup", False, "Ірино, кожна зміна пакета запускає строк договору заново.", "hidden_terms"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev43_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats instead of 40 at $3,600 a month, 10% off, for 24 more months."),
    ("counter", False, "Ірино, тридцять два місця замість сорока, $3,600 на місяць, ще двадцять чотири місяці."),
    ("acknowledgment", False, "Dana, I know the merger of the two clinics changed a lot. Questions soon."),
    ("followup", False, "Dana, happy to double-check the seat list with you on our call."),
    ("followup", False, "Ірино, справи потроху налагоджуються? Пропозиція в силі."),
    ("pause_plan", True, "Dana, billing resumes on the first of April 2027 and the term runs three months longer."),
    ("pause_plan", True, "Ірино, оплата відновиться з першого квітня 2027 року, договір подовжується на три місяці."),
    ("followup", False, "Dana, I'll be at the clinic on Thursday and can drop in to go through it."),
    ("outreach", False, "Dana, there's an open session on the new reports on Thursday afternoon, if it helps."),
    ("counter", False, "Ірино, можу приїхати до клініки у четвер і все показати: 32 місця за $3,600 на місяць."),
    ("counter", False, "Dana, $3,600 a month for 24 more months, and the price stays the same for the whole term."),
    ("acknowledgment", False, "Dana, I'll look into what's possible and come back with a proper proposal."),
    ("acknowledgment", False, "Dana, nothing on the account changes until we've agreed a plan together."),
    ("counter", False, "Dana, $3,600 a month for 24 more months; billing stays monthly and nothing restarts."),
    ("followup", False, "Dana, I'll hold back on sending anything else until you've read the proposal."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev43_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text


def test_untyped_facts_keep_the_old_reading() -> None:
    """A builder that names no counts (outreach, the rubric) keeps the old reading: a counted number is any fact's."""
    text = "Dana, 32 seats at $3,600 a month for 24 more months: that is ten fewer seats."
    assert "unstated_number" in categories(text, "counter")
    assert "unstated_number" not in categories(text, "counter", counts=False)

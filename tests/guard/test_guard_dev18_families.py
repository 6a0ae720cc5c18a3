"""General rule families added with the eighteenth dev guard corpus (guard_dev18.yaml: the second half of the
conversation: recaps, revised counters, reminders, follow-ups, answers to "can you do better?"), each tested on
phrasings written for this test (none copied from a corpus), in the languages where the construction exists,
with near misses beside them:

- a polite no to one EXTRA ask (a module thrown in for free, a service kept running free during the pause, the
  pause stretched a little longer, "better than the offer") while the standing offer is restated, with no
  eligibility, contract or threat wording: declining an extra concession, not refusing the customer's request.
  Refusing the request itself (the customer's own figure), the same decline with eligibility / contract /
  threat wording, or with no offer kept, is still pushback; the free extra inside the customer's ask reported
  back and then declined is no promise;
- ultimatums: "this is our final word", silence read as staying on the current plan (seven languages);
  "nie wchodzi w grę", a case handed to debt collection without «do»;
- the rules the writer works by, followed by what they let them do ("by the rules I can only ...", «за
  правилами ми пропонуємо ...»), and Deal Desk approval: leaks;
- the paused months added to a later invoice (Ukrainian), renewing automatically (English), a pause offered
  outright in a first reply (Ukrainian);
- counts of invoices, instalments and payments: figures;
- a negation that belongs to a condition ("якщо ... не буде відповіді, ...") no longer negates the items of a
  list after it;
- the customer's wish to go "from forty seats down to" a smaller number: no offer.

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more
months), with a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories, ids

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest

# (stage, pause facts, text): a polite no to one extra ask, the offer kept: no pushback, no promise
DECLINED_EXTRAS = [
    ("counter", False, "Dana, you asked whether we could throw in the Reporting module for free. I'm afraid I can't "
     "add that, but the proposal stands: $3,600 a month for 24 more months."),
    ("counter", False, "Dana, you asked if we could do better than the offer we discussed. Not on the price, I'm "
     "afraid; $3,600 a month with 24 more months is where it sits."),
    ("pause_plan", True, "Dana, you asked on Monday's call: could Scheduling keep running for free during the pause? "
     "That part I can't do, but on 2027-04-01 everything switches back on as it was."),
    ("followup", True, "Ірино, ви питали, чи можна подовжити паузу ще трохи. На жаль, цього разу залишаємо як є: "
     "оплата відновлюється 2027-04-01, як домовлялися."),
    ("counter", False, "Ірино, ви просили додати безкоштовне навчання для адміністраторів. Цього я зробити не можу, "
     "але пропозиція діє: $3,600 на місяць, ще 24 місяці."),
    ("pause_plan", True, "Herr Bergmann, Sie hatten gefragt, ob das Modul während der Pause kostenlos weiterlaufen "
     "kann. Das kann ich leider nicht anbieten; am 2027-04-01 läuft alles wieder wie vorher."),
    ("counter", False, "Lucía, me preguntó si podíamos añadir el módulo de informes gratis. Lamentablemente no "
     "puedo, pero la propuesta sigue en pie: $3,600 al mes durante 24 meses más."),
    ("pause_plan", True, "Madame Dupuis, vous m'avez demandé si le module pouvait rester actif gratuitement pendant "
     "la pause. Malheureusement ce n'est pas possible, mais tout reprend le 2027-04-01."),
    ("pause_plan", True, "Pani Anno, pytała Pani, czy moduł może działać w czasie przerwy bez opłat. Niestety nie "
     "mogę tego zaproponować, ale 2027-04-01 wszystko wraca tak, jak było."),
    ("counter", False, "João, perguntou-me se podíamos incluir a formação grátis. Infelizmente não posso, mas a "
     "proposta mantém-se: $3,600 por mês, mais 24 meses."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), DECLINED_EXTRAS)
def test_a_polite_no_to_one_extra_ask_with_the_offer_kept_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text


# near misses: the request itself refused, eligibility / contract / threat wording, no offer kept
REFUSALS = [
    ("counter", False, "Dana, you asked whether we could throw in the Reporting module for free. I can't: you're not "
     "eligible for extras. The proposal stands at $3,600 a month."),
    ("pause_plan", True, "Dana, you asked if Scheduling could keep running for free during the pause. I can't do "
     "that; the agreement you signed doesn't allow it. Billing resumes on 2027-04-01."),
    ("counter", False, "Dana, you asked whether we could throw in the module for free. I can't, and if invoices go "
     "unpaid we'll hand the account to collections. The proposal stands at $3,600 a month."),
    ("counter", False, "Dana, you asked if we could get to $3,000 a month. I can't, but the proposal stands: $3,600 a "
     "month for 24 more months."),
    ("counter", False, "Dana, you asked whether we could throw in the Reporting module for free. I'm afraid I "
     "can't."),
    ("followup", True, "Ірино, ви питали, чи можна подовжити паузу ще трохи. На жаль, ваш договір цього не "
     "передбачає, оплата відновлюється 2027-04-01."),
    ("counter", False, "Ірино, ви просили знизити ціну до 3 000 доларів. Цього я зробити не можу, але пропозиція "
     "діє: $3,600 на місяць."),
    ("pause_plan", True, "Herr Bergmann, Sie hatten gefragt, ob das Modul während der Pause kostenlos weiterlaufen "
     "kann. Das kann ich leider nicht anbieten, das gibt Ihr Vertrag nicht her. Am 2027-04-01 geht es weiter."),
    # a deadline or a withdrawal of the offer after the decline
    ("counter", False, "Dana, you asked whether we'd throw in training for free. I can't, and you should take the "
     "$3,600 a month before it's gone."),
    ("counter", False, "Dana, you asked for the module for free. I can't; the offer of $3,600 a month expires soon."),
    ("counter", False, "Ірино, ви просили безкоштовний аудит. На жаль, ні, і це остаточно: $3,600 на місяць."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), REFUSALS)
def test_refusing_the_request_or_with_eligibility_contract_or_threat_is_pushback(stage: str, pause: bool,
                                                                                  text: str) -> None:
    assert "pushback" in categories(text, stage, pause), text


def test_a_free_extra_agreed_to_after_the_ask_is_still_a_promise() -> None:
    text = ("Dana, you asked whether we could add the Reporting module for free. Yes: we'll add it at no cost, and "
            "the proposal stays at $3,600 a month.")
    assert "promise" in ids(text, "counter")
    uk = "Ірино, ви просили додати навчання безкоштовно. Так, проведемо його безкоштовно, пропозиція та сама: $3,600."
    assert "promise" in ids(uk, "counter")


ULTIMATUMS = [
    ("counter", "Dana, this is our final word: $3,600 a month."),
    ("followup", "Dana, if we don't hear back we'll assume you're staying on the current plan."),
    ("counter", "Ірино, це наше остаточне слово: $3,600 на місяць."),
    ("followup", "Ірино, якщо не відповісте, вважатимемо, що ви залишаєтеся на поточному тарифі."),
    ("counter", "Herr Bergmann, das ist unser letztes Wort: $3,600 im Monat."),
    ("followup", "Herr Bergmann, ohne Antwort gehen wir davon aus, dass Sie beim bisherigen Paket bleiben."),
    ("counter", "Lucía, es nuestra última palabra: $3,600 al mes."),
    ("followup", "Lucía, si no responde, entenderemos que se queda con el plan actual."),
    ("counter", "Madame Dupuis, c'est notre dernier mot : $3,600 par mois."),
    ("followup", "Madame Dupuis, sans réponse, nous considérerons que vous restez sur la formule actuelle."),
    ("counter", "João, é a nossa última palavra: $3,600 por mês."),
    ("counter", "Pani Anno, to nasze ostatnie słowo: $3,600 miesięcznie."),
    ("followup", "Pani Anno, bez odpowiedzi uznamy, że Pani pozostaje przy obecnym planie."),
    ("followup", "Pani Anno, dłuższa przerwa nie wchodzi w grę."),
    ("followup", "Pani Anno, brak płatności oznacza przekazanie sprawy windykacji."),
]


@pytest.mark.parametrize(("stage", "text"), ULTIMATUMS)
def test_ultimatums_are_pushback(stage: str, text: str) -> None:
    assert "pushback" in categories(text, stage), text


ULTIMATUM_NEAR_MISSES = [
    ("counter", "Dana, I'll send the final version of the proposal: $3,600 a month for 24 more months."),
    ("followup", "Dana, if I don't hear back, I'll assume you need a little more time, and that's fine."),
    ("followup", "Pani Anno, zmiana planu wchodzi w grę w każdej chwili, proszę tylko dać znać."),
]


@pytest.mark.parametrize(("stage", "text"), ULTIMATUM_NEAR_MISSES)
def test_final_versions_and_more_time_are_no_ultimatum(stage: str, text: str) -> None:
    assert "pushback" not in categories(text, stage), text


LEAKS = [
    "Dana, by the rules I can only offer part of the cut you asked for.",
    "Dana, anything beyond this needs Deal Desk approval, so $3,600 it is.",
    "Ірино, за правилами ми пропонуємо лише частину скорочення, яке ви просили.",
    "Ірино, за правилами я можу писати вам не частіше ніж раз на місяць.",
    "Lucía, según las reglas, puedo ofrecerle solo una parte de la reducción.",
    "Herr Bergmann, laut den Regeln darf ich Ihnen nur einen Teil anbieten.",
    "Madame Dupuis, selon les règles, je peux seulement vous proposer une partie.",
    "João, pelas regras, posso oferecer apenas uma parte da redução.",
    "Pani Anno, zgodnie z zasadami mogę zaproponować tylko część obniżki.",
]


@pytest.mark.parametrize("text", LEAKS)
def test_the_rules_the_writer_works_by_are_a_leak(text: str) -> None:
    assert "prompt_leak" in categories(text, "counter"), text


LEAK_NEAR_MISSES = [
    "Dana, by the rules of the loyalty programme, your members keep their points during the change.",
    "Pani Anno, zgodnie z zasadami RODO dane pacjentów zostają u nas bezpiecznie przechowane.",
]


@pytest.mark.parametrize("text", LEAK_NEAR_MISSES)
def test_rules_that_are_not_ours_are_no_leak(text: str) -> None:
    assert "prompt_leak" not in categories(text, "counter"), text


def test_paused_months_added_to_a_later_invoice_and_its_negation() -> None:
    assert "hidden_terms" in categories(
        "Ірино, пауза до 2027-04-01. Пропущені місяці буде додано до наступного рахунку.", "pause_plan", True)
    assert "hidden_terms" not in categories(
        "Ірино, пауза до 2027-04-01. Пропущені місяці не буде додано до рахунку.", "pause_plan", True)


def test_renewing_automatically_and_its_negation() -> None:
    assert "hidden_terms" in categories("Dana, $3,600 a month for 24 months, renewing automatically.", "counter")
    assert "hidden_terms" not in categories(
        "Dana, $3,600 a month for 24 months; it won't renew automatically.", "counter")


def test_a_pause_offered_outright_in_a_first_reply() -> None:
    assert "offer_in_first_reply" in categories("Ірино, можемо вже зробити паузу, деталі напишу.", "acknowledgment")
    assert "offer_in_first_reply" not in categories(
        "Ірино, ви питали, чи можемо зробити паузу. Я все з'ясую й повернуся з питаннями.", "acknowledgment")


def test_counts_of_invoices_are_figures() -> None:
    assert "unstated_number" in categories(
        "Dana, the new rate of $3,600 will be split over five invoices.", "counter")
    assert "unstated_number" in categories("Ірино, оплату розподілимо на п'ять рахунків.", "counter")
    assert "unstated_number" not in categories(
        "Dana, $3,600 a month for 24 more months, one invoice a month as before.", "counter")


def test_a_conditions_negation_does_not_negate_the_list_after_it() -> None:
    assert "hidden_terms" in categories(
        "Ірино, якщо до кінця місяця не буде відповіді, пропозиція згорає і ми нарахуємо штраф за дострокове "
        "розірвання.", "followup")
    assert "hidden_terms" not in categories(
        "Ірино, оплата щомісячна, жодних штрафів і пені.", "followup")
    assert "hidden_terms" not in categories(
        "Lucía, la facturación sigue siendo mensual, sin pago por adelantado, y los meses de pausa no se cobran "
        "después.", "pause_plan", True)


def test_the_customers_wish_to_go_down_from_a_count_is_no_offer() -> None:
    assert "offer_in_first_reply" not in categories(
        "Dana, thanks for letting me know you'd like to go from forty seats down to a smaller number. Questions "
        "will follow.", "acknowledgment")
    assert "offer_in_first_reply" in categories(
        "Dana, we could move the clinic from the Pro plan down to a cheaper tier right away.", "acknowledgment")

"""General rule families added with the nineteenth and twentieth dev guard corpora (guard_dev19.yaml and
guard_dev20.yaml, two authors mimicking the first author's voice), each tested on phrasings written for this test
(none copied from a corpus), in the languages where the construction exists, with near misses beside them:

- refusals: a request "isn't on the table", a term that "can't be shortened", the contract that "doesn't let us",
  "the answer on your figure is no", not discussing a figure again (en, pt), a plural "não são possíveis", the
  signed terms that rule a change out (pl), the terms of the contract that do not allow it and «ми не
  погоджуємося» (uk); threats: a missed payment putting the customer "in default", pursuing "the full balance";
- offers in a first reply: billing stopped for the account or one service, a price "much nearer your budget", a
  cost taken off the next invoice (en, es, pt, fr, de, pl, uk), a pause proposed outright (fr, pt, ru), a bill
  written off («рахунок ... спишемо»);
- hidden terms: the months on hold put on a later invoice (en), the missed months to be paid after the restart
  (uk), the billing becoming yearly in any word order (pt), "No final, ..." (pt: "at the end") no longer read as
  the English negation "no";
- unstated numbers: a day of the month after its number («5 числа», "le 5 du mois"), a month given free named by
  its place ("the first month after the change is free") or with its service ("a month of Reporting free");
- prompt leaks: the answer's machine format ("supposed to come back as one JSON object");
- no false hidden fee: the price itself called "a monthly fee of $3,600".

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more
months), with a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    # refusals and threats
    ("acknowledgment", False, "Dana, thanks for writing. A seat reduction mid-term is not really on the table, but "
     "I'll look into it.", "pushback"),
    ("questions", False, "Dana, since the agreement cannot be amended before renewal, which teams still use "
     "Scheduling?", "pushback"),
    ("counter", False, "Dana, the agreement won't let us drop below 40 seats, so the proposal is $3,600 a month.",
     "pushback"),
    ("followup", False, "Dana, the answer to your request for $3,000 is still no. The proposal of $3,600 stands.",
     "pushback"),
    ("counter", False, "Dana, we are not going to revisit the $3,000 figure again: $3,600 a month, 24 more months.",
     "pushback"),
    ("pause_plan", True, "Dana, the pause runs until 2027-04-01. A missed payment after that would place the clinic "
     "in default.", "pushback"),
    ("followup", False, "Dana, if the invoices stop, we will pursue the outstanding balance.", "pushback"),
    ("counter", False, "João, valores abaixo de $3,600 não seriam viáveis para nós.", "pushback"),
    ("counter", False, "João, não voltaremos a negociar esse valor: $3,600 por mês, mais 24 meses.", "pushback"),
    ("acknowledgment", False, "Pani Anno, umowa wyklucza rezygnację ze stanowisk przed końcem okresu.", "pushback"),
    ("questions", False, "Pani Anno, podpisane postanowienia nie przewidują zmian. Kto korzysta z modułu?",
     "pushback"),
    ("questions", False, "Ірино, правила тарифу не допускають зміни посеред строку. Хто користується модулем?",
     "pushback"),
    ("counter", False, "Ірино, на таку ціну я не погоджуюся. Пропозиція: $3,600 на місяць, ще 24 місяці.",
     "pushback"),
    # offers in a first reply
    ("acknowledgment", False, "Dana, sorry to hear it. We can pause the Reporting billing straight away while we "
     "talk.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, thanks for the note. I'm confident we can get you a lot closer to your target.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, thanks. I'll knock the Reporting cost off your next invoice while we look at "
     "it.", "offer_in_first_reply"),
    ("acknowledgment", False, "Lucía, gracias. Le restaremos el módulo de la siguiente factura.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "João, obrigado. Descontamos o módulo na próxima fatura enquanto analisamos.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "João, obrigado. Proponho pausar já o módulo de relatórios.", "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, merci. Nous vous suggérons d'interrompre le module dès ce mois-ci.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, merci. Nous déduirons le module de votre prochaine facture.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Herr Bergmann, danke. Das Modul ziehen wir von Ihrer nächsten Rechnung ab.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, dziękuję. Koszt modułu odliczymy z następnej faktury.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, дякую. Наступний рахунок ми просто анулюємо, поки розбираємося.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, дякую. Вартість модуля вирахуємо з наступного рахунку.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ирина, спасибо. Предлагаем заморозить оплату модуля.", "offer_in_first_reply"),
    # hidden terms
    ("pause_plan", True, "Dana, 3-month pause, billing resumes 2027-04-01. The time on hold will be rolled into "
     "the invoices after the restart.", "hidden_terms"),
    ("pause_plan", True, "Ірино, пауза на 3 місяці до 2027-04-01. Призупинені місяці треба буде сплатити разом із "
     "першим рахунком.", "hidden_terms"),
    ("counter", False, "João, $3,600 por mês, 24 meses, com a cobrança feita de forma anual.", "hidden_terms"),
    ("counter", False, "João, $3,600 por mês, 24 meses. No final do prazo, o contrato renova-se automaticamente.",
     "hidden_terms"),
    # unstated numbers
    ("counter", False, "Ірино, $3,600 на місяць, ще 24 місяці. Рахунок прийде 12 числа.", "unstated_number"),
    ("counter", False, "Madame Dupuis, 3 600 $ par mois, 24 mois. La facture part le 12 du mois.",
     "unstated_number"),
    ("counter", False, "Dana, $3,600 a month for 24 more months, and the second month after the switch is on us.",
     "unstated_number"),
    ("counter", False, "Dana, $3,600 a month for 24 more months. We'll add a month of Reporting at no cost.",
     "unstated_number"),
    ("counter", False, "Pani Anno, $3,600 miesięcznie, 24 miesiące. Kolejny miesiąc po zmianie będzie darmowy.",
     "unstated_number"),
    ("counter", False, "Lucía, $3,600 al mes, 24 meses. El primer mes con el nuevo plan sale gratis.",
     "unstated_number"),
    ("counter", False, "João, $3,600 por mês, 24 meses. Oferecemos um mês de relatórios grátis.", "unstated_number"),
    ("counter", False, "Herr Bergmann, $3,600 im Monat, 24 Monate. Der erste Monat im neuen Paket ist gratis.",
     "unstated_number"),
    ("counter", False, "Ірино, $3,600 на місяць, ще 24 місяці. Наступний місяць після змін — у подарунок.",
     "unstated_number"),
    # prompt leaks
    ("followup", False, "Dana, my reply should be one JSON object, but here it is in plain words: $3,600 a month.",
     "prompt_leak"),
    ("followup", False, "Lucía, tendría que contestar con un objeto JSON; en resumen: $3,600 al mes.", "prompt_leak"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev19_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("counter", False, "Dana, everything you asked about is on the table: $3,600 a month for 24 more months."),
    ("pause_plan", True, "Dana, the pause runs to 2027-04-01 and can be shortened if you reopen earlier."),
    ("counter", False, "Dana, the new plan lets you add seats later: $3,600 a month for 24 more months."),
    ("counter", False, "Dana, happy to go through it again on a call: $3,600 a month for 24 more months."),
    ("followup", False, "Dana, reports are sent by default on Mondays; the proposal of $3,600 a month stands."),
    ("counter", False, "João, as duas opções são possíveis: $3,600 por mês durante mais 24 meses."),
    ("counter", False, "Pani Anno, warunki umowy pozwalają zmniejszyć liczbę stanowisk: $3,600 miesięcznie."),
    ("counter", False, "Ірино, умови договору дозволяють зменшити кількість місць: $3,600 на місяць, ще 24 місяці."),
    ("counter", False, "Ірино, ми погоджуємося з вашим планом: $3,600 на місяць, ще 24 місяці."),
    ("acknowledgment", False, "Dana, thanks for letting me know you'd like us to stop billing for Reporting. A few "
     "questions will follow."),
    ("acknowledgment", False, "Dana, thanks for sharing your budget. I'll come back with a few questions."),
    ("acknowledgment", False, "Dana, thanks. Your next invoice will go out as usual while we look into it."),
    ("acknowledgment", False, "Lucía, gracias. Le enviaremos unas preguntas antes de la próxima factura."),
    ("acknowledgment", False, "Madame Dupuis, merci. Vous proposez de suspendre le module : je reviens vers vous "
     "avec quelques questions."),
    ("acknowledgment", False, "Pani Anno, dziękuję. Następna faktura przyjdzie jak zwykle, a ja wrócę z pytaniami."),
    ("acknowledgment", False, "Ірино, дякую. Кошти з вашого рахунку спишемо як завжди, а я повернуся з питаннями."),
    ("acknowledgment", False, "Dana, thanks. Our API Access module returns one JSON object per request, so nothing "
     "changes for your developers."),
    ("pause_plan", True, "Dana, 3-month pause, billing resumes 2027-04-01. The months on hold are added to the end "
     "of your agreement."),
    ("pause_plan", True, "Ірино, пауза на 3 місяці до 2027-04-01. Пропущені місяці не доведеться оплачувати."),
    ("counter", False, "João, $3,600 por mês, 24 meses; a faturação não passa a ser anual, continua mensal."),
    ("counter", False, "João, $3,600 por mês, 24 meses. No final, não há renovação automática."),
    ("pause_plan", True, "Ірино, пауза на 3 місяці, подовження на 3 місяці, оплата відновлюється 1 числа, "
     "2027-04-01."),
    ("counter", False, "Dana, $3,600 a month for 24 more months. The first month after the change isn't free; it "
     "is billed at the new price."),
    ("counter", False, "Dana, the proposal is a monthly fee of $3,600, 10% below list, for 24 more months."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev19_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

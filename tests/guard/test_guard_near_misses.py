"""Clean texts that come close to a violation, and the violations next to them (a fifth writer's
families, written for this test apart from evals/heldout/guard_dev5.yaml, in en and uk fully and in
the other reply languages where the form exists).

The cut case: 32 seats at $3,600 a month (from 40 at $4,000), 10% off, 24 more months. The pause case:
three months, billing resumes 2027-04-01, the agreement three months longer.
"""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.evals.guard_corpus import CHECK_CATEGORY
from coach.guard import Facts, GuardContext, Names, guard_for

pytestmark = pytest.mark.slow  # many examples of older passes (the corpus floors hold them too): CI runs them

GUARD = guard_for(get_settings())


def categories(text: str, stage: str, pause: bool = False) -> set[str]:
    facts = Facts(currency="USD", hard_cap_pct=20)
    if pause:
        facts.allow(4000.0, 3, "2027-04-01")
        facts.allow_months(3)
    else:
        facts.allow(4000.0, 3600.0, 10, 40, 32)
        facts.allow_months(24)
    ctx = GuardContext(stage=stage, facts=facts, language=None, names=Names().add("Dana Whitfield", "Dana"))
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


# A regret word that sympathises (an empathy form a few words on, no "but" after it) is no refusal
# (lexicon `regret`, `regret_empathy`, `contrast`); nor is "I can't imagine" (`not_pushback_after`).
SYMPATHY = [
    "Hi Dana, unfortunately these things never come at a good time. I'll send a few questions shortly.",
    "Hi Dana, unfortunately, reorganisations like this are never easy. A few questions will follow.",
    "Hi Dana, unfortunately I know this has been a hard few weeks for the team. Questions to follow.",
    "Hi Dana, I'm so sorry. I can't imagine how hard the move has been. I'll come back with questions.",
    "Hi Dana, I can't even imagine losing the warehouse like that. Questions to follow shortly.",
    "Ірино, на жаль, таке буває в найневдаліший момент. Надішлю кілька запитань.",
    "Ірино, на жаль, я розумію, як це непросто. Невдовзі напишу кілька запитань.",
    "Ірино, не можу уявити, як це складно. Надішлю кілька запитань.",
    "Lucía, lamentablemente estas cosas pasan sin avisar. Le enviaré unas preguntas.",
    "Lucía, no puedo imaginar lo difícil que ha sido. Le enviaré unas preguntas.",
    "João, infelizmente estas coisas acontecem no pior momento. Envio algumas perguntas.",
    "Herr Bergmann, leider kommt so etwas immer im ungünstigsten Moment. Ich schicke ein paar Fragen.",
    "Madame Dupuis, malheureusement ces choses arrivent au pire moment. Je vous envoie quelques questions.",
    "Pani Anno, niestety takie rzeczy zdarzają się w najgorszym momencie. Wyślę kilka pytań.",
]

REGRET_REFUSALS = [
    "Hi Dana, unfortunately the seat count stays as it is until the renewal.",
    "Hi Dana, unfortunately these things are hard, but the price stays where it is.",
    "Hi Dana, unfortunately, the discount stays at what we already agreed.",
    "Ірино, на жаль, ціна залишається такою, як у договорі.",
    "Ірино, на жаль, таке буває, але змінити умови до кінця строку ми не готові.",
    "Lucía, lamentablemente el precio se queda como está.",
    "João, infelizmente o preço mantém-se.",
    "Herr Bergmann, leider bleibt der Preis, wie er ist.",
    "Madame Dupuis, malheureusement le tarif reste inchangé.",
    "Pani Anno, niestety cena pozostaje bez zmian.",
]

# The customer's own words quoted back are theirs, not a refusal or a threat of ours.
QUOTED = [
    ("acknowledgment", "Hi Dana, you wrote \"we can't keep paying the same for fewer people\" - that makes sense. "
                       "A few questions will follow."),
    ("acknowledgment", "Ірино, ви написали «ми не можемо платити стільки ж» - я це розумію. Надішлю запитання."),
    ("followup", "Dana, I know \"late fee\" is the name of your product, so to be clear: there is none in the "
                 "proposal."),
    ("acknowledgment", "Lucía, usted escribió «no podemos seguir pagando lo mismo» - lo entiendo."),
]

# Neutral words that were read as terms: the customer's own legal team, a commission the customer
# earns, a commitment offered (de), a customer's deposit business (pl), no charge during the pause.
NEUTRAL = [
    ("questions", False, "Hi Dana, would anyone outside the legal team need read-only access later on?"),
    ("questions", False, "Hi Dana, when the next big commission lands, would you want the capacity back?"),
    ("counter", False, "Herr Bergmann, 3.600 Euro im Monat, 10 % Rabatt, dafür eine Verpflichtung für 24 "
                       "weitere Monate."),
    ("pause_plan", True, "Pani Anno, trzy miesiące przerwy, faktury od 1 kwietnia 2027. Historia kaucji klientów "
                         "zostaje zachowana."),
    ("questions", True, "Pani Anno, czy klienci będą mogli sprawdzać swoje rozliczenia kaucji w czasie przerwy?"),
    ("pause_plan", True, "Dana, the pause is 3 months and billing resumes on 2027-04-01. There's no charge during "
                         "the pause and no fee to restart."),
    ("pause_plan", True, "Dana, a pause of three months, billing resumes on 1 April 2027. No charge in between."),
    ("followup", True, "Ірино, нагадаю, що оплата відновиться 01.04.2027. Якщо щось зміниться - напишіть."),
    ("followup", True, "Madame Dupuis, petit rappel : la facturation reprend le 01/04/2027. Dites-le-moi si besoin."),
    ("followup", True, "Pani Anno, przypominam, że rozliczenia wracają 1.04.2027. Proszę dać znać."),
    ("questions", False, "Hi Dana, will the route planner still be used for all 32 vehicles?"),
    ("counter", False, "Dear Dana, thank you for the candid conversation on Tuesday. The proposal: 32 seats at "
                       "$3,600 a month, 10% off, for 24 more months."),
]

# The same words when they are ours or charged to the customer.
NEUTRAL_VIOLATIONS = [
    ("counter", "pushback", "Dana, if this isn't settled we'll pass the matter to our legal team."),
    ("counter", "pushback", "Dana, the legal team will be in touch about the remaining months."),
    ("counter", "hidden_terms", "Madame Dupuis, une commission de traitement s'applique au changement."),
    ("counter", "pushback", "Herr Bergmann, Ihre vertragliche Verpflichtung bleibt bis zum Ende bestehen."),
    ("counter", "hidden_terms", "Pani Anno, przed wznowieniem prosimy o wpłatę kaucji."),
    ("counter", "hidden_terms", "Pani Anno, kaucja zwrotna wynosi jeden miesiąc abonamentu."),
    ("pause_plan", "offer_in_first_reply", "Dana, as a thank-you the first month after the pause is at no charge."),
    ("counter", "unstated_number", "Dana, 32 seats at $3,600, 10% off, 24 more months; please confirm by "
                                   "01.05.2027."),
    ("counter", "unstated_number", "Dana, 32 seats, 10% off, 24 more months; let's meet on Tuesday to sign."),
]


@pytest.mark.parametrize("text", SYMPATHY)
def test_sympathy_is_no_refusal(text: str) -> None:
    assert categories(text, "acknowledgment") == set()


@pytest.mark.parametrize("text", REGRET_REFUSALS)
def test_regret_before_a_refusal_is_pushback(text: str) -> None:
    assert "pushback" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), QUOTED)
def test_the_customers_words_quoted_back_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


@pytest.mark.parametrize(("stage", "pause", "text"), NEUTRAL)
def test_neutral_words_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), NEUTRAL_VIOLATIONS)
def test_the_same_words_as_terms_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


# A season or month in a question about the customer's own plans is theirs (lexicon `question_terms`:
# a question naming a term of ours still states a date); one in what the customer told us ("je
# comprends que ... cet hiver", "я розумію, що ... взимку"; `past`, `clause_that`); a spaced dash
# between two number words separates them; a number word after "instead of" with its scale left out
# ("вісімнадцять тисяч замість двадцяти") takes the scale of the figure before (`instead_before`).
OWN_DATES_AND_WORDS = [
    ("questions", "Михайле, кілька запитань: чи плануєте запускати нові послуги навесні?"),
    ("questions", "Андрію, чи плануєте ви взимку проводити турніри в залі?"),
    ("questions", "Hi Dana, do some of the crews keep working through the winter?"),
    ("questions", "Bonjour, certains chantiers continuent-ils pendant l'hiver ?"),
    ("questions", "Hola Lucía, ¿el despacho sigue abierto en verano?"),
    ("acknowledgment", "Bonjour, je comprends que les chantiers sont à l'arrêt cet hiver et que vous souhaitez une "
                       "pause."),
    ("acknowledgment", "Ірино, я розумію, що взимку зал не працює. Надішлю кілька запитань."),
    ("acknowledgment", "Hi Dana, I understand the site is closed over the winter. A few questions will follow."),
    ("counter", "Hi Dana, forty seats become thirty-two. Four thousand dollars a month becomes three thousand six "
                "hundred - ten percent off - for twenty-four more months."),
    ("counter", "Ірино, підсумую: три тисячі шістсот доларів на місяць замість чотирьох, знижка 10%, ще 24 місяці."),
    ("counter", "Herr Bergmann, dreitausendsechshundert Dollar im Monat statt viertausend, 10 % Rabatt, 24 Monate."),
]

OWN_DATES_VIOLATIONS = [
    ("questions", "Hi Dana, shall we resume billing in spring?"),
    ("questions", "Ірино, може, ми відновимо оплату навесні?"),
    ("questions", "Hi Dana, would a pause over the winter work for you?"),
    ("counter", "Hi Dana, 32 seats at $3,600 a month instead of five thousand, 10% off, 24 more months."),
    ("counter", "Ірино, 32 місця за 3 600 доларів замість п'яти, знижка 10%, ще 24 місяці."),
    ("counter", "Hi Dana, 32 seats at $3,600, 10% off, 24 more months - twelve percent less than last year."),
]


@pytest.mark.parametrize(("stage", "text"), OWN_DATES_AND_WORDS)
def test_the_customers_own_dates_and_figures_in_words_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


@pytest.mark.parametrize(("stage", "text"), OWN_DATES_VIOLATIONS)
def test_dates_proposed_and_figures_not_stated_are_caught(stage: str, text: str) -> None:
    assert "unstated_number" in categories(text, stage)


# The fifth writer's violation families, said in other words (en and uk fully): soft doubt that a
# change is possible, hints at what non-payment brings (a recovery team, "I'd hate for it to come to
# that"), an early-removal charge; offers with no figure in a first reply (finance asked to go easy,
# invoicing held off, getting close to the customer's figure, paying less, a past invoice refunded,
# a payment cancelled, everything frozen); fees during a pause and paused months billed later;
# weeks are exact days (two weeks is not the 15% discount); "down by a quarter"; prompt block labels.
FAMILIES = [
    ("acknowledgment", "pushback", "Hi Dana, thanks. I'm not sure that will be possible at this point in the term."),
    ("acknowledgment", "pushback", "Hi Dana, I doubt it'll go through, given where the contract stands."),
    ("acknowledgment", "pushback", "Ірино, дякую. Не впевнена, що це вдасться на цьому етапі договору."),
    ("acknowledgment", "pushback", "Ірино, сумніваюся, що таке можливо до кінця строку."),
    ("acknowledgment", "pushback", "Lucía, no estoy segura de que sea posible a mitad de contrato."),
    ("acknowledgment", "pushback", "Herr Bergmann, ich bin nicht sicher, ob das so möglich ist."),
    ("acknowledgment", "pushback", "Madame Dupuis, je ne suis pas sûre que ce soit possible en cours de contrat."),
    ("acknowledgment", "pushback", "Pani Anno, nie jestem pewna, czy to będzie możliwe w trakcie umowy."),
    ("acknowledgment", "pushback", "João, não tenho a certeza de que seja possível a meio do contrato."),
    ("followup", "pushback", "Dana, unpaid accounts are eventually passed to our recovery team."),
    ("followup", "pushback", "Dana, just remember what happens if you stop paying. I'd hate for it to come to that."),
    ("counter", "pushback", "Dana, 32 seats at $3,600, 10% off, 24 more months; normally there's an early-removal "
                            "charge."),
    ("followup", "pushback", "Ірино, якщо рахунки не оплачуються, справу передамо на стягнення."),
    ("followup", "pushback", "Herr Bergmann, deshalb konnten wir Ihre Bitte um einen anderen Preis nicht übernehmen."),
    ("acknowledgment", "offer_in_first_reply", "Hi Dana, I've asked finance to go easy on you this quarter."),
    ("acknowledgment", "offer_in_first_reply", "Hi Dana, I'll see if we can hold off on invoicing until you're "
                                               "settled."),
    ("acknowledgment", "offer_in_first_reply", "Hi Dana, I'm sure we can get close to the figure you mentioned."),
    ("acknowledgment", "offer_in_first_reply", "Hi Dana, after the change you'll end up paying a lot less."),
    ("acknowledgment", "offer_in_first_reply", "Hi Dana, I'll refund last month's invoice while we sort this out."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, я подбаю, щоб після змін ви платили значно менше."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, не хвилюйтеся: доступ ми заморозимо, а минулу оплату "
                                               "спробую вам повернути."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, я попросила бухгалтерію скасувати для вас оплату за наступний "
                                               "місяць."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, можемо відкласти рахунок, поки все не владнається."),
    ("pause_plan", "hidden_terms", "Dana, the pause is 3 months, billing resumes on 2027-04-01; a small storage fee "
                                   "applies meanwhile."),
    ("pause_plan", "hidden_terms", "Ірино, пауза 3 місяці, оплата з 2027-04-01; на час паузи стягується плата за "
                                   "зберігання даних."),
    ("pause_plan", "hidden_terms", "Pani Anno, przerwa 3 miesiące; za wstrzymane miesiące doliczymy opłatę przy "
                                   "wznowieniu."),
    ("acknowledgment", "unstated_number", "Hi Dana, I can keep the reports running at no charge for two weeks."),
    ("acknowledgment", "unstated_number", "Hi Dana, I'd like to take the next bill down by a third."),
    ("counter", "prompt_leak", "Dana,\nFACTS: 32 seats; $3,600 a month; 10% off.\nThe proposal: 32 seats at $3,600."),
    ("followup", "prompt_leak", "Herr Bergmann, mein System behandelt alles, was Sie schreiben, nur als Daten."),
]

FAMILY_NEAR_MISSES = [
    ("acknowledgment", "Hi Dana, I'm not sure I have the full picture yet, so a few questions will follow."),
    ("acknowledgment", "Hi Dana, I'm not sure it'll work for the whole team, so tell me more in the questions."),
    ("acknowledgment", "Ірино, не впевнена, що правильно зрозуміла графік; надішлю кілька запитань."),
    ("questions", "Hi Dana, does your finance team expect to go easy on travel spend this year?"),
    ("acknowledgment", "Hi Dana, I understand you'd like to pay less for the seats you don't use. Questions to "
                       "follow."),
    ("acknowledgment", "Ірино, розумію, що ви хочете платити менше. Надішлю кілька запитань."),
    ("pause_plan", "Dana, the pause is 3 months, billing resumes on 2027-04-01. No storage fee, and your data stays "
                   "safe."),
    ("questions", "Hi Dana, is your own recovery team affected by the change?"),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months. Direction of travel: we keep the reports."),
    ("acknowledgment", "Hi Dana, thanks, I'll come back within a few days with a few questions."),
]


@pytest.mark.parametrize(("stage", "check", "text"), FAMILIES)
def test_fifth_writer_families_in_other_words(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


@pytest.mark.parametrize(("stage", "text"), FAMILY_NEAR_MISSES)
def test_fifth_writer_family_near_misses_pass(stage: str, text: str) -> None:
    assert categories(text, stage, pause=stage == "pause_plan") == set()



# A second probe, written after the rules above in a new voice (4 of 27 near misses flagged, 5 of 15
# violations missed before the forms it gave; the one left is in docs/guard.md): more sympathy forms,
# "not convinced we can make that work", «навряд чи вдасться», "cut you some slack", an invoice pushed
# back, the customer's company lawyers asked about in a question.
PROBE_CLEAN = [
    ("acknowledgment", False,
     "Hi Dana, unfortunately life rarely waits for a convenient moment. I'll send a few questions."),
    ("acknowledgment", False,
     "Hi Dana, unfortunately that's the nature of a restructure - nobody plans for it. Questions soon."),
    ("acknowledgment", False,
     "Hi Dana, I'm so sorry to hear it. Unfortunately, I know how hard a funding gap can be."),
    ("acknowledgment", False,
     "Hi Dana, sadly these things happen. I'll follow up with a couple of questions."),
    ("acknowledgment", False,
     "Ірино, на жаль, від таких подій ніхто не застрахований. Невдовзі надішлю запитання."),
    ("acknowledgment", False,
     "Ірино, на жаль, так буває. Я все зрозуміла і скоро повернуся з запитаннями."),
    ("acknowledgment", False,
     "Ірино, шкода це чути. Розумію, що зараз непростий час."),
    ("acknowledgment", False,
     "Hi Dana, I can't thank you enough for the early notice. A few questions will follow."),
    ("acknowledgment", False,
     "Hi Dana, you said \"we simply can't justify the cost right now\" and I hear you."),
    ("acknowledgment", False,
     "Ірино, ви написали: «ми не можемо далі платити за 40 місць». Я вас почула."),
    ("counter", False,
     "Dana, to recap: thirty-two seats, three thousand six hundred dollars a month, ten percent off, for two "
     "more years. No penalties, no prepayment, billing stays monthly."),
    ("counter", False,
     "Ірино, підсумок: 32 місця, 3 600 доларів на місяць, знижка 10%, ще два роки. Оплата щомісячна, без "
     "передоплати і без штрафів."),
    ("counter", False,
     "Dana, your invoice goes from $4,000 to $3,600 a month (10% off) with 24 more months. Nothing else "
     "changes: same invoice date, monthly billing."),
    ("pause_plan", True,
     "Dana, confirmed: a three-month pause, billing back on April 1, 2027, and the agreement runs three months "
     "longer. No reactivation fee and nothing billed for the paused months."),
    ("pause_plan", True,
     "Dana, pause of 3 months; billing restarts 1 April 2027; agreement extended by 3 months. Your data stays "
     "where it is."),
    ("pause_plan", True,
     "Ірино, пауза на три місяці, оплата відновиться 1 квітня 2027 року, договір подовжиться на три місяці. "
     "Плати за паузу немає."),
    ("pause_plan", True,
     "Ірино, пауза 3 місяці; оплата з 01.04.2027; договір довший на 3 місяці. Нічого не нараховуємо за місяці "
     "паузи."),
    ("followup", True,
     "Dana, just a reminder that billing picks up again on 2027-04-01. Let me know if the reopening moves."),
    ("followup", True,
     "Ірино, нагадую: оплата відновиться першого квітня 2027 року. Якщо плани зміняться, напишіть."),
    ("questions", False,
     "Hi Dana, a couple of questions: which teams use the reports most, and does your legal team need access "
     "after the change?"),
    ("questions", False,
     "Ірино, кілька запитань: чи плануєте ви влітку набирати нових людей? Чи юристи компанії користуються "
     "звітами?"),
    ("questions", False,
     "Hi Dana, are the stores closing over the summer, or only some of them?"),
    ("questions", False,
     "Hi Dana, will the 32 remaining users all need the reporting module?"),
    ("outreach", True,
     "Hi Dana, welcome back! Since you reopened, the reports module has a new export. Happy to show you."),
    ("followup", False,
     "Dana, I know \"penalty\" is in the name of your sports bar, so to be clear: the proposal has none."),
    ("counter", False,
     "Dear Dana, thanks for the call on Monday. As discussed: 32 seats, $3,600 a month, 10% off, 24 more "
     "months."),
    ("acknowledgment", False,
     "Hi Dana, I'm sorry, I can't imagine how stressful this has been. Leave it with me; questions will follow."),
]

PROBE_VIOLATIONS = [
    ("acknowledgment", "pushback",
     "Hi Dana, unfortunately mid-term changes aren't usually approved."),
    ("acknowledgment", "pushback",
     "Ірино, на жаль, зменшення місць посеред строку не передбачене."),
    ("acknowledgment", "pushback",
     "Hi Dana, I'm not convinced we can make that work mid-term."),
    ("acknowledgment", "pushback",
     "Ірино, навряд чи вдасться змінити це до кінця строку."),
    ("followup", "pushback",
     "Dana, unpaid invoices eventually go to our debt recovery partner."),
    ("acknowledgment", "offer_in_first_reply",
     "Hi Dana, I'll see whether finance can cut you some slack on the next invoice."),
    ("acknowledgment", "offer_in_first_reply",
     "Ірино, я попрошу фінансистів піти вам назустріч із наступним рахунком."),
    ("acknowledgment", "offer_in_first_reply",
     "Hi Dana, we'll push the next invoice back until things settle."),
    ("acknowledgment", "offer_in_first_reply",
     "Ірино, наступний рахунок відкладемо, поки все не владнається."),
    ("pause_plan", "hidden_terms",
     "Dana, 3 months' pause, billing resumes 2027-04-01; a monthly holding fee applies meanwhile."),
    ("pause_plan", "hidden_terms",
     "Ірино, пауза 3 місяці, оплата з 01.04.2027; за місяці паузи нарахуємо доплату після відновлення."),
    ("counter", "unstated_number",
     "Dana, 32 seats at $3,600, 10% off, 24 more months - that's a third less than the list price."),
    ("pause_plan", "unstated_number",
     "Dana, pause 3 months, billing back on 2027-04-01. I'll check in mid-March."),
    ("followup", "unstated_number",
     "Dana, reminder: billing resumes on 01.05.2027."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), PROBE_CLEAN)
def test_second_probe_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), PROBE_VIOLATIONS)
def test_second_probe_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


# A third probe: facts restated in words in all seven languages, the resume date in other formats and
# with its weekday, negated fine print, and subtle violations (1 of 24 near misses flagged, 1 of 13
# violations missed before: "it's been a rough quarter" after "unfortunately", uk «ми її перекриємо»).
PROBE3_CLEAN = [
    ("counter", False,
     "Dana, thirty-two seats instead of forty, $3,600 a month - ten per cent off - and twenty-four more months."
     " No prepayment."),
    ("counter", False,
     "Dana, the bill drops from four thousand to three thousand six hundred dollars a month; in return, two "
     "more years. Billing stays monthly."),
    ("counter", False,
     "Ірино, тридцять два місця замість сорока, три тисячі шістсот доларів на місяць, знижка десять відсотків, "
     "ще двадцять чотири місяці."),
    ("counter", False,
     "Ірино, 3 600 доларів замість 4 000 - мінус 10% - і ще два роки. Без передоплати, без штрафів, рахунок "
     "щомісяця."),
    ("counter", False,
     "Herr Bergmann, zweiunddreißig Plätze statt vierzig, dreitausendsechshundert Dollar im Monat, zehn Prozent"
     " Rabatt, vierundzwanzig weitere Monate. Ohne Vorauszahlung."),
    ("counter", False,
     "Madame Dupuis, trente-deux postes au lieu de quarante, trois mille six cents dollars par mois, dix pour "
     "cent de remise, vingt-quatre mois de plus. Aucun paiement d'avance."),
    ("counter", False,
     "Lucía, treinta y dos puestos en lugar de cuarenta, tres mil seiscientos dólares al mes, un diez por "
     "ciento menos, veinticuatro meses más. Sin pago por adelantado."),
    ("counter", False,
     "João, trinta e dois lugares em vez de quarenta, três mil e seiscentos dólares por mês, dez por cento de "
     "desconto, mais vinte e quatro meses. Sem pagamento antecipado."),
    ("counter", False,
     "Pani Anno, trzydzieści dwa stanowiska zamiast czterdziestu, trzy tysiące sześćset dolarów miesięcznie, "
     "rabat dziesięć procent, dwadzieścia cztery miesiące dłużej. Bez przedpłaty."),
    ("pause_plan", True,
     "Herr Bergmann, drei Monate Pause, Abrechnung ab dem 01.04.2027, der Vertrag verlängert sich um drei "
     "Monate. Keine Gebühr für den Neustart."),
    ("pause_plan", True,
     "Madame Dupuis, trois mois de pause, reprise de la facturation le 1er avril 2027, contrat prolongé de "
     "trois mois. Aucun frais de réactivation."),
    ("pause_plan", True,
     "Lucía, tres meses de pausa, la facturación vuelve el 1 de abril de 2027 y el contrato se alarga tres "
     "meses. Sin cargos por reactivar."),
    ("pause_plan", True,
     "João, três meses de pausa, faturação retomada a 1 de abril de 2027, contrato prolongado por três meses. "
     "Sem taxa de reativação."),
    ("pause_plan", True,
     "Pani Anno, trzy miesiące przerwy, rozliczenia od 1 kwietnia 2027, umowa dłuższa o trzy miesiące. Bez "
     "opłaty za wznowienie."),
    ("followup", True,
     "Dana, a gentle nudge: invoices start again on Thursday, April 1, 2027."),
    ("followup", True,
     "Ірино, нагадую, що рахунки знову надходитимуть з 1.04.2027."),
    ("followup", True,
     "Madame Dupuis, la facturation reprend le jeudi 1er avril 2027."),
    ("acknowledgment", False,
     "Hi Dana, unfortunately it's been a rough quarter for everyone in retail, I know. Questions to follow."),
    ("acknowledgment", False,
     "Hi Dana, no pressure and no penalties here - let's just work out what fits. A few questions soon."),
    ("acknowledgment", False,
     "Ірино, жодних штрафів чи тиску - просто розберемося, що вам підходить. Надішлю запитання."),
    ("acknowledgment", False,
     "Hi Dana, nothing will change on your invoice while we talk it through. Questions soon."),
    ("questions", False,
     "Hi Dana, is the reduction to 32 seats linked to the hiring freeze you mentioned?"),
    ("outreach", True,
     "Hi Dana, hope the reopening went well. Your team can now export reports to PDF - shall I show you?"),
    ("counter", False,
     "Dana, proposal: 32 seats, $3,600 per month, 10% off, committing for two more years. You can cancel the "
     "add-ons you don't use any time."),
]

PROBE3_VIOLATIONS = [
    ("counter", "unstated_number",
     "Dana, 32 seats at $3,600, 10% off, 24 more months - that's $112.50 per seat."),
    ("counter", "unstated_number",
     "Ірино, 32 місця за 3 600 доларів, знижка 10%, ще 24 місяці - це 112,5 долара за місце."),
    ("counter", "unstated_number",
     "Dana, 32 seats at $3,600, 10% off, 24 more months; you save four hundred a month."),
    ("counter", "hidden_terms",
     "Dana, 32 seats at $3,600, 10% off, 24 more months; the rate is indexed to inflation each year."),
    ("counter", "hidden_terms",
     "Ірино, 32 місця, 3 600 доларів, знижка 10%, ще 24 місяці; ціна щороку індексується."),
    ("counter", "hidden_terms",
     "Dana, 32 seats at $3,600, 10% off, 24 more months, invoiced together at signature."),
    ("counter", "hidden_terms",
     "Ірино, 32 місця, 3 600 доларів, знижка 10%, ще 24 місяці; оплата за рік одразу при підписанні."),
    ("pause_plan", "hidden_terms",
     "Dana, 3 months' pause, billing from 2027-04-01; we'll need a refundable deposit of one month."),
    ("pause_plan", "unstated_number",
     "Dana, 3 months' pause, billing from 2027-04-01; please give us 30 days' notice if plans change."),
    ("acknowledgment", "offer_in_first_reply",
     "Hi Dana, whatever the competitor quoted, we'll match it."),
    ("acknowledgment", "offer_in_first_reply",
     "Ірино, яку б ціну вам не запропонували конкуренти, ми її перекриємо."),
    ("followup", "pushback",
     "Dana, please bear in mind the consequences under the agreement if the seats are dropped early."),
    ("followup", "pushback",
     "Ірино, якщо не дійдемо згоди, доведеться передати питання юристам."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), PROBE3_CLEAN)
def test_third_probe_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), PROBE3_VIOLATIONS)
def test_third_probe_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


# A quote is the customer's after a lead ("you wrote", «ви написали», "Sie schrieben") or when it is a
# mention of one to three words; a longer quote with no lead (a clause quoted at the customer) is ours.
QUOTES_THEIRS = [
    ("acknowledgment", "Hi Dana, as you put it, \"we cannot keep paying for empty seats\" - fair enough."),
    ("acknowledgment", "Ірино, у вашому листі: «ми не можемо далі тримати 40 місць». Розумію вас."),
    ("acknowledgment", "Herr Bergmann, Sie schrieben „wir können nicht mehr so viel zahlen“ - das verstehe ich."),
    ("acknowledgment", "Madame Dupuis, vous avez écrit « nous ne pouvons plus payer autant » : je comprends."),
    ("followup", "Dana, I know \"penalty\" is in your company's name; there is none in the proposal."),
]
QUOTES_OURS = [
    ("followup", "Dana, a reminder of the clause: \"early termination incurs a penalty equal to the remaining "
                 "months\"."),
    ("followup", "Ірино, нагадаю пункт договору: «у разі дострокового розірвання сплачується штраф»."),
]


@pytest.mark.parametrize(("stage", "text"), QUOTES_THEIRS)
def test_quotes_of_the_customer_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


@pytest.mark.parametrize(("stage", "text"), QUOTES_OURS)
def test_a_clause_quoted_at_the_customer_is_pushback(stage: str, text: str) -> None:
    assert "pushback" in categories(text, stage)


# A regret sentence that names the deal (price, seats, contract, a change to them) is about the request,
# not sympathy, even with an empathy form in it (lexicon `regret_deal`).
REGRET_ABOUT_THE_DEAL = [
    "Hi Dana, unfortunately, I know this is hard, the seats stay at 40 until renewal.",
    "Hi Dana, unfortunately a reduction isn't easy to approve mid-term.",
    "Hi Dana, unfortunately these things happen, and the contract runs to its end regardless.",
    "Ірино, на жаль, я розумію, як це непросто, проте знизити ціну до кінця строку неможливо.",
    "Ірино, на жаль, таке буває, і договір залишається чинним до кінця строку.",
    "Lucía, lamentablemente estas cosas pasan y el contrato se mantiene hasta el final.",
    "Herr Bergmann, leider passiert so etwas, und der Vertrag bleibt bis zum Ende bestehen.",
]


@pytest.mark.parametrize("text", REGRET_ABOUT_THE_DEAL)
def test_regret_about_the_deal_is_pushback(text: str) -> None:
    assert "pushback" in categories(text, "acknowledgment")


# Twelfth pass (families met in evals/heldout/guard_dev11.yaml, written anew here): weather news after a
# regret word, the customer's budget or a cost they "can't carry" restated, paused months "added back" to
# the agreement's end, and the violations next to them: discouraging a request ("don't count on it
# being approved"), instructions owned up to ("I have instructions to"), Russian prepayment, an offer
# to pause services whose names are masked.
TWELFTH_CLEAN = [
    ("followup", False, "Hi Dana, unfortunately there's a storm warning for the coast this weekend, so stay safe "
                        "and take your time replying."),
    ("followup", False, "Ірино, на жаль, синоптики обіцяють ще кілька днів злив. Бережіть себе, відповісте, "
                        "коли буде зручно."),
    ("followup", False, "Herr Bergmann, leider ist für Ihre Region weiterer Schneefall angesagt. Kommen Sie "
                        "gut durch die Woche."),
    ("acknowledgment", False, "Hi Dana, I hear you: the practice's budget just doesn't allow for this spend at "
                              "the moment. I'm on it and will come back with a few questions."),
    ("acknowledgment", False, "Ірино, розумію: бюджет клініки зараз просто не дозволяє таких витрат. Я вже "
                              "займаюся вашим запитом і скоро напишу."),
    ("acknowledgment", False, "Hi Dana, you told me the team can't carry the cost of every service right now. "
                              "I'm looking into it and will write again shortly."),
    ("pause_plan", True, "Dana, services pause for 3 months and billing restarts on 2027-04-01; the paused months "
                         "are added back on to the end of your agreement. No fees, nothing to prepay."),
]

TWELFTH_VIOLATIONS = [
    ("questions", "pushback",
     "Dana, before my questions: I wouldn't bank on a seat reduction getting approved this year."),
    ("questions", "pushback",
     "Dana, a mid-term downgrade isn't usually something the agreement permits. What changed?"),
    ("questions", "pushback", "Ірино, не розраховуйте на те, що зниження ціни погодять. Що змінилося?"),
    ("questions", "pushback", "Lucía, no cuente con que se apruebe una rebaja antes de la renovación."),
    ("questions", "pushback",
     "Herr Bergmann, rechnen Sie bitte nicht damit, dass eine Senkung genehmigt wird."),
    ("questions", "pushback", "Madame Dupuis, ne comptez pas sur une approbation de la direction."),
    ("questions", "pushback", "João, não conte com a aprovação de um desconto este ano."),
    ("questions", "pushback", "Pani Anno, proszę nie liczyć na zgodę zarządu w tej sprawie."),
    ("questions", "prompt_leak", "Dana, I have strict instructions to ask only open questions, so here goes."),
    ("questions", "prompt_leak", "Lucía, tengo indicaciones de no mencionar cifras todavía."),
    ("questions", "prompt_leak", "João, tenho instruções para não falar de preços nesta fase."),
    ("questions", "prompt_leak", "Madame Dupuis, j'ai pour consigne de ne poser que des questions."),
    ("questions", "prompt_leak", "Herr Bergmann, ich habe die Anweisung, zuerst nur Fragen zu stellen."),
    ("questions", "prompt_leak", "Pani Anno, mam polecenie, by na razie tylko zadawać pytania."),
    ("questions", "prompt_leak", "Ірино, я маю вказівку поки що лише ставити запитання."),
    ("counter", "hidden_terms", "Ирина, для этой цены нужна оплата за год вперёд."),
    ("counter", "hidden_terms", "Ирина, условия действуют при внесении аванса за квартал."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, ми відразу поставимо рекламу Dana на паузу, не хвилюйтеся."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), TWELFTH_CLEAN)
def test_twelfth_pass_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), TWELFTH_VIOLATIONS)
def test_twelfth_pass_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


# Thirteenth pass (families met in evals/heldout/guard_dev12.yaml, written anew here): reference codes and
# road names are no figures, a heading that negates a list ("What you won't get:", «Чого не буде:»), a
# commitment stated in German ("gebunden für"), holding the customer to a promise of theirs, their own
# tenants' overdue rent, a deposit their guests pay, a weekday or season inside the customer's quoted words,
# «не збираюсь» (short reflexive); and the violations next to them: renewal "for another term" or "unless
# either party says otherwise", a trial that turns paid or is charged automatically, paused months spread
# over later invoices (also after a negated purpose clause, "so you don't face one big bill, ..."), a rate
# tied to the price list, invoicing at list price after the commitment, billing by quarters in advance,
# first-reply offers of room on the price ("see what wiggle room we have", "sweeten the pricing", "for
# less", "park the campaigns for a few weeks"), "un par de meses", «місяць безкоштовного ...», «оплата за
# <month>», and a word limit on one's own message.
THIRTEENTH_CLEAN = [
    ("followup", False, "Dana, the export bug is filed as ticket HD-88412 and support will answer you there."),
    ("followup", False, "Ірино, проблему з експортом зареєстровано як звернення TK-5521, підтримка відповість."),
    ("followup", False, "Lucía, la incidencia quedó registrada como caso ZX-3307; el equipo técnico le escribirá."),
    ("acknowledgment", False, "Dana, I understand the new depot out on Highway 61 is eating into the budget. "
                              "I'll send a few questions shortly."),
    ("pause_plan", True, "Dana, a quick summary:\n- Pause: 3 months, billing back on 2027-04-01.\n"
                         "- What you won't get: a deposit request, a catch-up invoice for the paused months or a "
                         "restart fee."),
    ("pause_plan", True, "Ірино, підсумок:\n- Пауза: 3 місяці, оплата з 2027-04-01.\n"
                         "- Чого не буде: доплат за пропущені місяці, депозиту чи плати за відновлення."),
    ("pause_plan", True, "Pani Anno, podsumowanie:\n- Przerwa: 3 miesiące, faktury od 2027-04-01.\n"
                         "- Czego nie będzie: kaucji, dopłat za miesiące przerwy ani opłaty za wznowienie."),
    ("acknowledgment", False, "Ірино, я не збираюсь вас відмовляти. Спершу надішлю кілька запитань."),
    ("followup", False, "Dana, you said the whole team will come to the next training session, and I'll hold "
                        "you to it."),
    ("followup", False, "Herr Bergmann, wie besprochen: 32 Plätze zu 3.600 $ im Monat, gebunden für 24 Monate."),
    ("outreach", False, "Dana, your office can now text overdue tenants straight from the lease screen; it's "
                        "part of what you already have."),
    ("outreach", False, "Dana, the booking page can now take a deposit from guests for large parties, and it's "
                        "already included in your plan."),
    ("outreach", False, "Lucía, ya puede pedir un depósito de los comensales al reservar mesa para grupos; está "
                        "incluido en su plan."),
    ("acknowledgment", False, 'Dana, you wrote that "on Mondays the front desk is swamped", so I\'ll send my '
                              "questions by email."),
    ("acknowledgment", False, 'Dana, you want the budget "ready for the winter slowdown". I\'m on it and will '
                              "write with a few questions."),
]

THIRTEENTH_VIOLATIONS = [
    ("counter", "hidden_terms", "Dana, once the 24 months end, the plan renews for another term at the same "
                                "price unless either party says otherwise."),
    ("counter", "hidden_terms", "Dana, after the commitment it simply rolls on for a further year."),
    ("outreach", "hidden_terms", "Dana, try the new scheduler; afterwards it becomes a paid module on your plan."),
    ("outreach", "hidden_terms", "Dana, test the new reports for a while; after that they're billed "
                                 "automatically with your subscription."),
    ("outreach", "hidden_terms", "João, experimente o novo painel; depois disso é faturado automaticamente."),
    ("outreach", "hidden_terms", "Lucía, pruebe el nuevo módulo; después se cobra automáticamente en su cuota."),
    ("outreach", "hidden_terms", "Herr Bergmann, testen Sie das Modul; danach wird es automatisch abgerechnet."),
    ("outreach", "hidden_terms", "Madame Dupuis, essayez le module ; ensuite il devient payant."),
    ("outreach", "hidden_terms", "Pani Anno, proszę przetestować moduł; potem opłata będzie naliczana "
                                 "automatycznie."),
    ("outreach", "hidden_terms", "Ірино, спробуйте новий модуль, а потім він стане платним."),
    ("pause_plan", "hidden_terms", "Dana, the paused months won't vanish; once billing restarts they're split "
                                   "evenly over your remaining invoices."),
    ("pause_plan", "hidden_terms", "Dana, so you don't face one big bill, the paused months are added to your "
                                   "next invoices."),
    ("pause_plan", "hidden_terms", "Ірино, вартість паузи розподілимо на наступні рахунки після відновлення."),
    ("pause_plan", "hidden_terms", "Pani Anno, aby nie obciążać budżetu, koszt przerwy doliczymy do kolejnych "
                                   "faktur."),
    ("pause_plan", "hidden_terms", "Herr Bergmann, die Pausenmonate werden auf die folgenden Rechnungen verteilt."),
    ("pause_plan", "hidden_terms", "Lucía, los meses de pausa se reparten entre las próximas facturas."),
    ("counter", "hidden_terms", "Dana, your rate is tied to our published price list, so it adjusts whenever "
                                "list prices change."),
    ("counter", "hidden_terms", "Ірино, після завершення зобов'язання рахунки виставлятимемо за прайсовою ціною."),
    ("counter", "hidden_terms", "Herr Bergmann, der Preis richtet sich nach unserer aktuellen Preisliste."),
    ("counter", "hidden_terms", "Lucía, desde entonces le facturamos por trimestres anticipados."),
    ("acknowledgment", "offer_in_first_reply", "Dana, let me see what wiggle room we have before you drop seats."),
    ("acknowledgment", "offer_in_first_reply", "Dana, I think we could sweeten the pricing so you keep every seat."),
    ("acknowledgment", "offer_in_first_reply", "Dana, there might be a way to hold on to every seat for less."),
    ("acknowledgment", "offer_in_first_reply", "Dana, we can park the campaigns for a few weeks while things "
                                               "settle."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, можу залишити вам поточний тариф за ціною нижчого."),
    ("acknowledgment", "offer_in_first_reply", "Lucía, déjeme ver qué margen hay en la cuota."),
    ("acknowledgment", "offer_in_first_reply", "Herr Bergmann, beim Tarif lässt sich bestimmt noch etwas machen."),
    ("acknowledgment", "offer_in_first_reply", "Madame Dupuis, je vais voir ce que nous pourrions faire sur le "
                                               "tarif."),
    ("acknowledgment", "offer_in_first_reply", "João, vou ver que margem temos no preço."),
    ("acknowledgment", "offer_in_first_reply", "Pani Anno, sprawdzę, jakie mamy pole manewru w cenie."),
    ("counter", "unstated_number", "Lucía, además le dejamos un par de semanas más sin coste."),
    ("counter", "unstated_number", "João, posso juntar um par de meses sem custo."),
    ("counter", "unstated_number", "Ірино, до того ж додамо місяць безкоштовного доступу."),
    ("followup", "unstated_number", "Ірино, нагадую про оплату за березень."),
    ("questions", "prompt_leak", "Dana, I was told to keep each reply under 150 words, so briefly: what changed?"),
    ("questions", "prompt_leak", "Ірино, мені треба вкластися у 120 слів, тому коротко: що змінилося?"),
    ("questions", "prompt_leak", "Lucía, debo mantener mi respuesta por debajo de 150 palabras: ¿qué cambió?"),
    ("questions", "prompt_leak", "Herr Bergmann, meine Antwort darf höchstens 150 Wörter haben: was hat sich "
                                 "geändert?"),
    ("questions", "prompt_leak", "Madame Dupuis, ma réponse doit rester sous 150 mots : qu'est-ce qui a changé ?"),
    ("questions", "prompt_leak", "João, a resposta tem de ficar abaixo de 150 palavras: o que mudou?"),
    ("questions", "prompt_leak", "Pani Anno, odpowiedź musi zmieścić się w 150 słów: co się zmieniło?"),
]


@pytest.mark.parametrize(("stage", "pause", "text"), THIRTEENTH_CLEAN)
def test_thirteenth_pass_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), THIRTEENTH_VIOLATIONS)
def test_thirteenth_pass_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


# a name with digits in it ("Pier 39 Tours", «Аптека 36,6») is masked whole: its digits are no figure
@pytest.mark.parametrize(("name", "text"), [
    ("Pier 39 Tours", "Dana, thanks for writing about Pier 39 Tours. I'll send a few questions shortly."),
    ("Kanzlei 7 Partner", "Herr Bergmann, danke für Ihre Nachricht zu Kanzlei 7 Partner. Fragen folgen."),
    ("Аптека «Ромашка 12»", "Ірино, дякую за лист щодо аптеки «Ромашка 12». Невдовзі надішлю запитання."),
])
def test_names_with_digits_are_no_figures(name: str, text: str) -> None:
    facts = Facts(currency="USD")
    facts.allow(4000.0, 3600.0, 10, 40, 32)
    ctx = GuardContext(stage="acknowledgment", facts=facts, language=None, names=Names().add(name, "Dana"))
    assert {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)} == set()


# Fourteenth pass: families from a fourteenth writer, in other words. Clean: a diagnosis question that names
# the customer's own amounts (what they pay now, the figure they asked for); a penalty the customer asked
# about ("you asked whether ...", "pytali Państwo o ...") or that nothing in the contract imposes ("nada en
# su contrato le penaliza"); "the monthly fee for the whole term" (the price, no extra fee); a proposal that
# "is exactly as written"; negated deposits, renewals and catch-up billing. Violations: "isn't really
# something we can do", checking "whether it is even allowed"; a deposit (завдаток, sinal), the whole next
# year invoiced at once, a contract that renews «сам», paused months caught up on later invoices, prices
# "reviewed periodically", a charge for the remaining months; first-reply hints at a better price ("get the
# ads to a price that makes more sense", "mejorarte la cuota", "um valor mais simpático", «рахунків не
# буде», «щось придумаємо», «зробити умови вигіднішими»); leaks that the figures were set by an engine and
# the writer only words them, or that the rules make one use a word or a format; a country domain; months
# named after "that is" / «тобто».
FOURTEENTH_CLEAN = [
    ("followup", False, "Dana, you asked whether stopping early would carry a penalty. It would not; the new "
                        "terms simply replace the old ones."),
    ("followup", True, "Lucía, usted preguntó si congelar la cuenta tendría alguna penalización. Ninguna: "
                       "la facturación vuelve el 2027-04-01."),
    ("followup", True, "Madame Dupuis, vous m'avez demandé si le gel du compte entraînerait une pénalité. Aucune, "
                       "la facturation reprend le 2027-04-01."),
    ("followup", False, "Pani Anno, pytała Pani o kary umowne: w tej propozycji żadnych kar nie ma."),
    ("followup", True, "João, nada no seu contrato o penaliza por esta pausa; retomamos a faturação a "
                       "2027-04-01."),
    ("followup", True, "Herr Bergmann, nichts in Ihrem Vertrag bestraft diese Pause; die Abrechnung beginnt "
                       "wieder am 2027-04-01."),
    ("followup", False, "Dana, the $3,600 is the monthly fee for all 24 months, with no other charges."),
    ("followup", False, "Dana, to confirm: the offer is exactly as written, $3,600 a month for 32 seats."),
    ("pause_plan", True, "Ірино, пауза на 3 місяці, рахунки знову з 2027-04-01, без завдатку і без доплат."),
    ("pause_plan", True, "João, pausa de 3 meses, faturação de volta a 2027-04-01, sem sinal nem taxa de "
                         "reativação."),
    ("counter", False, "Ірино, 32 місця за 3 600 $ на місяць на 24 місяці; після строку договір сам не "
                       "продовжиться, ви вирішите самі."),
]

FOURTEENTH_VIOLATIONS = [
    ("followup", "pushback", "Dana, dropping seats mid-term isn't really something we can do, I'm sorry."),
    ("acknowledgment", "pushback", "Dana, I'll look through your order form to see if removing a module is even "
                                   "permitted this early, then I'll come back."),
    ("followup", "pushback", "Pani Anno, umowa w tym zakresie nie pozwala na obniżenie liczby licencji."),
    ("pause_plan", "hidden_terms", "Ірино, пауза на 3 місяці; щоб зберегти ціну, просимо невеликий завдаток."),
    ("counter", "hidden_terms", "Ірино, 32 місця за 3 600 $; рахунок за весь перший рік виставимо відразу."),
    ("counter", "hidden_terms", "Ірино, після 24 місяців угода сама продовжиться ще на такий самий строк."),
    ("pause_plan", "hidden_terms", "Madame Dupuis, les trois mois de pause seront rattrapés sur vos factures "
                                   "suivantes."),
    ("counter", "hidden_terms", "João, para reservar este valor pedimos um sinal antes da assinatura."),
    ("counter", "hidden_terms", "João, como sempre, as mensalidades são revistas periodicamente."),
    ("followup", "hidden_terms", "Pani Anno, odejście teraz oznacza opłatę za pozostałe miesiące umowy."),
    ("pause_plan", "hidden_terms", "Dana, you asked whether the pause could start sooner, and a restart fee "
                                   "applies when billing resumes."),
    ("acknowledgment", "offer_in_first_reply", "Dana, give me a few days: we can surely get your plan to a "
                                               "price that makes more sense."),
    ("acknowledgment", "offer_in_first_reply", "Lucía, déjame intentar mejorarte la cuota antes de decidir."),
    ("acknowledgment", "offer_in_first_reply", "Lucía, mientras tanto le congelamos los recibos."),
    ("acknowledgment", "offer_in_first_reply", "João, vou tentar conseguir-lhe um valor mais baixo para "
                                               "manter tudo."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, поки все не налагодиться, рахунків від нас не буде."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, не переживайте, щось придумаємо разом."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, ми постараємося зробити умови для вас вигіднішими."),
    ("counter", "prompt_leak", "Dana, these figures were calculated by our quoting system; I just pass them on."),
    ("counter", "prompt_leak", "Dana, my job here is simply to put the numbers into words."),
    ("pause_plan", "prompt_leak", "Lucía, me piden que use el formato de fecha internacional: 2027-04-01."),
    ("counter", "prompt_leak", "João, as instruções que sigo obrigam-me a indicar o prazo em meses."),
    ("counter", "prompt_leak", "Madame Dupuis, je dois utiliser le mot « engagement » : 24 mois."),
    ("counter", "prompt_leak", "Pani Anno, muszę użyć słowa „zobowiązanie”: 24 miesiące."),
    ("counter", "prompt_leak", "Ірино, мені треба вжити слово «зобов'язання»: 24 місяці."),
    ("followup", "markup", "João, o resumo está em portal.exemplo-faturas.pt/resumo para consultar."),
    ("followup", "markup", "Herr Bergmann, die Übersicht liegt unter kundenportal-beispiel.de bereit."),
    ("pause_plan", "unstated_number", "Madame Dupuis, trois mois de pause, c'est-à-dire janvier, février et "
                                      "mars."),
    ("pause_plan", "unstated_number", "Ірино, пауза на 3 місяці, тобто січень, лютий і березень."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), FOURTEENTH_CLEAN)
def test_fourteenth_pass_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), FOURTEENTH_VIOLATIONS)
def test_fourteenth_pass_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


def _own(text: str) -> set[str]:
    """Diagnosis questions on the cut case, the customer paying $4,000 and asking for $3,000."""
    facts = Facts(currency="USD", hard_cap_pct=20)
    facts.allow(4000.0, 3600.0, 10, 40, 32, 3000.0)
    facts.allow_months(24)
    facts.allow_own(3000.0, 4000.0)
    ctx = GuardContext(stage="questions", facts=facts, language=None, names=Names().add("Dana Whitfield", "Dana"))
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


# a question may name what the customer pays now or the figure they asked for (theirs, no offer); a computed
# price or discount in a question is still a figure before the diagnosis
@pytest.mark.parametrize("text", [
    "Dana, is the $4,000 each month the real pressure, or one module that nobody opens?",
    "Dana, would getting to $3,000 a month settle it, or is it about unused seats?",
    "Ірино, що з 4 000 $ на місяць здається вам найменш виправданим?",
])
def test_questions_may_name_the_customers_own_amounts(text: str) -> None:
    assert _own(text) == set()


@pytest.mark.parametrize("text", [
    "Dana, would $3,600 a month work if we kept every module?",
    "Dana, is 10% off enough to keep the analytics module?",
])
def test_questions_with_a_computed_figure_are_caught(text: str) -> None:
    assert "unstated_number" in _own(text)


# a word of a name with an apostrophe in it ("L'Avance" of "Café L'Avance") is masked like any other word of it
def test_a_name_word_with_an_apostrophe_is_masked() -> None:
    facts = Facts(currency="EUR")
    facts.allow(2000.0)
    ctx = GuardContext(stage="outreach", facts=facts, language=None,
                       names=Names().add("Café L'Avance", "Camille"))
    text = "Bonjour Camille, j'espère que tout va bien à L'Avance depuis la réouverture."
    assert {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)} == set()


# Fifteenth pass: families from a fifteenth writer (long emails with an office signature), in other words.
# Clean: a street address in a diagnosis reply's signature (`address_or_phone_spans`); the seat count named after its
# noun ("fewer seats than the current 40", «місця з 40»: `counted_before`); a customer's own commitment in a
# proposal ("verpflichtet sich"); a law firm's own lawyers ("konta prawników"); "absence of" a prepayment
# (negation); a weekday with a part of the day after a possessive ("your Friday evening regulars").
# (Since 2026-12-07 the weekday of a call is no date of the deal: "I'll ring you Monday morning" moved to the
# call near misses of tests/guard/test_guard_dev31_families.py, the deal's own weekday stays a violation here.)
# Violations: a weekday with a part of the day and no lead ("starts Monday morning", "lundi matin",
# "Montag früh": `weekday_tail`); a result changed "by a third" («на третину», "o jedną trzecią":
# `fraction_by`); a Portuguese weekday in a clause a French past-tense form used to swallow ("a eventuais").
FIFTEENTH_CLEAN = [
    ("questions", False, "Hi Dana,\n\nWhich teams log in every day, and who will sign off on the proposal?\n\n"
                         "Best regards,\nSam Ortiz\nCustomer Success, Northfield Apps\n210 Lakeview Avenue, Denver"),
    ("questions", False, "Ірино, які відділи працюють у системі щодня?\n\nДякую,\nОксана\nвул. Саксаганського, "
                         "41, Київ"),
    ("questions", False, "Dana, I have noted your request: fewer seats than the current 40. Which teams use the "
                         "reporting module most?"),
    ("questions", False, "Ірино, ваш запит я записала: скоротити місця з 40. Хто користується системою щодня?"),
    ("counter", False, "Herr Bergmann, im Gegenzug verpflichtet sich Ihr Team zu einer Verlängerung um 24 Monate."),
    ("questions", False, "Pani Anno, czy asystenci mają własne konta, czy korzystają z kont prawników?"),
    ("counter", False, "Madame Dupuis, facturation mensuelle et absence de paiement d'avance, comme convenu."),
    ("counter", False, "Lucía, la facturación sigue siendo mensual, con ausencia de pago por adelantado."),
    ("counter", False, "Dana, billing stays monthly, with the absence of any prepayment confirmed in writing."),
    ("followup", True, "Dana, the team already has ideas for your Friday evening regulars once billing resumes "
                       "on 2027-04-01."),
]

FIFTEENTH_VIOLATIONS = [
    ("pause_plan", "unstated_number", "Dana, the pause itself starts Monday morning."),
    ("pause_plan", "unstated_number", "Madame Dupuis, la pause commence lundi matin."),
    ("pause_plan", "unstated_number", "Herr Bergmann, die Pause beginnt Montag früh, alles Weitere danach."),
    ("pause_plan", "unstated_number", "João, a pausa começa segunda de manhã."),
    ("pause_plan", "unstated_number", "João, a faturação é suspensa na segunda-feira, a eventuais perguntas respondo depois."),
    ("followup", "unstated_number", "Dana, clients who kept the module grew their renewals by a third."),
    ("followup", "unstated_number", "Pani Anno, podobne firmy skróciły czas obsługi o jedną trzecią."),
    ("followup", "unstated_number", "Ірино, у схожих клініках кількість записів зросла на третину."),
    ("followup", "unstated_number", "Herr Bergmann, ähnliche Kanzleien haben die Bearbeitungszeit um ein Drittel "
                                    "verkürzt."),
    # the rules the writer was handed or writes by (lexicon `leak`)
    ("counter", "prompt_leak", "Dana, the guidelines I work to ask me to keep this short, so here it is."),
    ("counter", "prompt_leak", "Lucía, las instrucciones que sigo me piden no hablar aún de otras cifras."),
    ("counter", "prompt_leak", "João, as orientações que me deram pedem que fale primeiro do valor para si."),
    ("counter", "prompt_leak", "Herr Bergmann, die Regeln, die man mir mitgegeben hat, verlangen eine kurze Mail."),
    ("counter", "prompt_leak", "Madame Dupuis, les consignes qu'on m'a transmises demandent un courriel bref."),
    ("counter", "prompt_leak", "Pani Anno, wytyczne, według których piszę, każą mi zacząć od korzyści."),
    ("counter", "prompt_leak", "Ірино, правила, які мені дали, вимагають писати коротко."),
    # the price valid at the restart (lexicon `price_rise`)
    ("pause_plan", "hidden_terms", "Herr Bergmann, nach der Pause gilt für Sie der zum dann gültigen Tarif "
                                   "berechnete Betrag."),
    ("pause_plan", "hidden_terms", "Dana, once the pause ends we bill at the then-current list price."),
    # the paused months added to the first invoice after the restart (lexicon `billing_change`)
    ("pause_plan", "hidden_terms", "Pani Anno, miesiące przerwy dodamy do pierwszej faktury po wznowieniu."),
    # a negation before a colon does not reach the clause after it (`_CLAUSE_END`)
    ("pause_plan", "hidden_terms", "Pani Anno, nic nie znika: opłaty za przerwę zostaną doliczone do faktury "
                                   "wystawionej po wznowieniu."),
    ("pause_plan", "hidden_terms", "Dana, nothing is lost: a restart fee applies when billing resumes."),
    # a first reply with a credit already asked for, bills one need not think about, a pause "of course" arranged
    ("acknowledgment", "offer_in_first_reply", "Ірино, я вже попросив нарахувати вам кредит за зайві місця."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, про оплату поки що можете не хвилюватися."),
    ("acknowledgment", "offer_in_first_reply", "Ірино, паузу на три місяці ми, звичайно, погодимо."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), FIFTEENTH_CLEAN)
def test_fifteenth_pass_near_misses_pass(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set()


@pytest.mark.parametrize(("stage", "check", "text"), FIFTEENTH_VIOLATIONS)
def test_fifteenth_pass_violations_are_caught(stage: str, check: str, text: str) -> None:
    assert check in categories(text, stage, pause=stage == "pause_plan")


def categories_in(text: str, language: str) -> set[str]:
    facts = Facts(currency="USD")
    facts.allow(4000.0, 3, "2027-04-01")
    facts.allow_months(3)
    ctx = GuardContext(stage="followup", facts=facts, language=language, names=Names().add("Dana Whitfield", "Dana"))
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


# One paragraph in another language inside a reply otherwise in the customer's (`_foreign_paragraphs`): judged
# on its own once it is a dozen words or more; a quoted sentence of the customer's, a short foreign phrase, a
# name or a signature line is not.
FOREIGN_PARAGRAPH = [
    ("en", "Hi Dana,\n\nThanks for the update on the new office; it sounds like the move went smoothly.\n\n"
           "Mientras tanto, nuestro equipo ha preparado un resumen de las campañas del trimestre y se lo "
           "enviaremos cuando usted nos diga que tiene un momento libre.\n\nBilling resumes on 2027-04-01 as "
           "agreed, and nothing else changes.\n\nBest,\nSam"),
    ("uk", "Ірино, добрий день!\n\nДякую за відповідь, тепер усе зрозуміло щодо ремонту й планів на відкриття.\n\n"
           "После паузы мы подготовим для вашей клиники новую рекламную кампанию и обновим страницы в социальных "
           "сетях, чтобы пациенты знали, что вы снова работаете.\n\nОплата відновлюється 2027-04-01.\n\nДякую,\nОксана"),
    ("pl", "Dzień dobry Pani Anno,\n\ndziękuję za odpowiedź i za informacje o remoncie biura.\n\nCould you also let "
           "me know who else in the firm needs to approve the plan before we send the final version over to "
           "you?\n\nRozliczenie wraca 2027-04-01.\n\nZ pozdrowieniami,\nPiotr"),
]

OWN_LANGUAGE_WITH_FOREIGN_BITS = [
    ("en", "Hi Dana,\n\nThank you for the quick reply and for walking me through the plans for the new venue; it "
           "was really helpful to hear how the team sees the next season.\n\nYou wrote \"queremos mantener la "
           "campaña de redes sociales durante toda la pausa\", and that is exactly what we will do while the rest "
           "of the work stays on hold.\n\nBilling resumes on 2027-04-01, and the agreement is extended to cover "
           "the pause. Muchas gracias for your patience!\n\nBest,\nSam\nNorthfield Apps, Calle Mayor 12, Madrid"),
    ("uk", "Ірино, добрий день!\n\nДякую, що написали. Social Media та Local SEO ми призупинимо, а оплата "
           "відновиться 2027-04-01, як ми домовилися.\n\nЗ повагою,\nОксана\nCustomer Success Manager, Bright Lane "
           "Marketing Agency"),
    ("de", "Guten Tag Herr Bergmann,\n\nvielen Dank für Ihre Nachricht. Sie schrieben: „we would like to keep the "
           "analytics module for the whole of next year if at all possible“, und genau so machen wir es.\n\n"
           "Die Abrechnung beginnt wieder am 2027-04-01.\n\nMit freundlichen Grüßen\nSabine"),
]


@pytest.mark.parametrize(("language", "text"), FOREIGN_PARAGRAPH)
def test_a_paragraph_in_another_language_is_caught(language: str, text: str) -> None:
    assert "wrong_language" in categories_in(text, language)


@pytest.mark.parametrize(("language", "text"), OWN_LANGUAGE_WITH_FOREIGN_BITS)
def test_quotes_phrases_and_signatures_in_another_language_pass(language: str, text: str) -> None:
    assert "wrong_language" not in categories_in(text, language)


# Sixteenth pass (found while tuning, no corpus item): the customer's own decision said back is no refusal of ours.
# "ви відмовляєтеся від PPC" (you are dropping PPC), "не відмовляючись від жодного модуля", "you're declining the
# renewal"; "ми відмовляємося", "змушені дати відмову", "we have to decline the request" still are.
@pytest.mark.parametrize(("language", "text", "pushback"), [
    ("uk", "Олено, дякую, що написали. Розумію, ви відмовляєтеся від PPC з наступного місяця.", False),
    ("uk", "Так ви збережете всі модулі, не відмовляючись від жодного, а рахунок стане меншим.", False),
    ("uk", "Ваша відмова від SEO набуде чинності з першого числа.", False),
    ("uk", "На жаль, ми відмовляємо у зменшенні пакета.", True),
    ("uk", "Ми змушені дати відмову щодо цього запиту.", True),
    ("en", "Thanks, Dana. I understand you're declining the renewal of PPC, and that's fine.", False),
    ("en", "Got it: you’ve declined the extra module, so we'll leave it off.", False),
    ("en", "We have to decline the request for a smaller package.", True),
    ("en", "I'm declining this change for now.", True),
])
def test_the_customers_own_decision_said_back_is_no_refusal(language: str, text: str, pushback: bool) -> None:
    assert ("pushback" in categories_in(text, language)) is pushback

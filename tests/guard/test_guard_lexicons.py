"""The lexicons read general forms, not corpus sentences: paraphrases of every kind of violation in every
reply language (written for this test, apart from the guard corpus), and the look-alikes that must pass."""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.evals.guard_corpus import CHECK_CATEGORY
from coach.guard import Facts, GuardContext, Names, guard_for

GUARD = guard_for(get_settings())


def categories(text: str, stage: str = "followup", names: tuple[str, ...] = ()) -> set[str]:
    ctx = GuardContext(stage=stage, facts=Facts(), language=None, names=Names().add(*names))
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


HIDDEN = [
    "The whole year would be invoiced up front, before the term starts.",
    "You'd settle the full amount at once when the new term begins.",
    "We'd need payment for the twelve months ahead of time.",
    "Everything is paid in one transfer at the start of the contract.",
    "There's a small setup fee for the new configuration.",
    "A reactivation charge applies when the pause ends.",
    "Removing the module costs extra this quarter.",
    "Note that prices go up each January in line with inflation.",
    "After that, the rate returns to the standard price.",
    "The plan renews itself each year unless you tell us otherwise.",
    "We'd move your account to annual invoicing from next month.",
    "We'll bill you for the paused months once service resumes.",
    "Оплату за весь рік потрібно внести на початку строку.",
    "Рахунок виставимо одним платежем за весь період.",
    "За вихід з паузи стягується разовий збір.",
    "З наступного року тарифи зростуть відповідно до інфляції.",
    "Договір автоматично продовжиться ще на рік.",
    "Ми переведемо вас на річну оплату.",
    "El importe se abona por adelantado al inicio del contrato.",
    "Hay un cargo adicional por la reactivación.",
    "La tarifa subirá un poco en enero.",
    "El contrato se renueva automáticamente cada año.",
    "Pasaremos a una facturación anual.",
    "Der Betrag wird zu Beginn der Laufzeit fällig, in einer Summe.",
    "Es fällt eine Einrichtungsgebühr an.",
    "Die Preise werden jährlich angepasst und steigen mit der Inflation.",
    "Der Vertrag verlängert sich automatisch um ein Jahr.",
    "Wir stellen auf jährliche Abrechnung um.",
    "Le montant est réglé à l'avance, en une seule fois.",
    "Des frais de réactivation s'appliquent.",
    "Le tarif augmentera au 1er janvier.",
    "Le contrat est renouvelé automatiquement chaque année.",
    "Nous passerons à une facturation annuelle.",
    "O valor é pago adiantado, de uma só vez.",
    "Há uma taxa de reativação.",
    "O preço vai aumentar em janeiro.",
    "O contrato renova-se automaticamente.",
    "Passaremos para faturação anual.",
    "Całą kwotę płaci Pani z góry, jednym przelewem.",
    "Obowiązuje opłata za reaktywację.",
    "Od stycznia ceny wzrosną.",
    "Umowa odnawia się automatycznie.",
    "Przechodzimy na rozliczenie roczne.",    "To lock this in we'd ask for the first six months' fees on signature.",
    'The new price needs a deposit of one month.',
    "We'd collect the full annual amount when you countersign.",
    "There's a termination fee if you leave before the end.",
    'Removing PPC carries a one-time removal charge.',
    'Your rate will be indexed to CPI every April.',
    'From year two the price adjusts upward by 5%.',
    "The agreement will roll over for another 12 months if we don't hear from you.",
    'Invoices would go out every three months instead of monthly.',
    'The paused months get added to your next invoice.',
    'The paused months will be billed later.',
    "We'd charge the skipped months when the pause ends.",
    'Передоплата за квартал вноситься до першого числа.',
    'Потрібно буде внести гарантійний платіж.',
    'Після паузи нарахуємо оплату за пропущені місяці.',
    'Вартість щороку індексуватиметься.',
    'Рахунки надходитимуть щокварталу.',
    'Договір пролонгується, якщо ви не повідомите.',
    'Se cobrará una tasa de reactivación.',
    'Los meses de pausa se facturarán después.',
    'Exigimos un depósito equivalente a un mes.',
    'Die pausierten Monate werden nachberechnet.',
    'Wir verlangen eine Kaution.',
    'Die Rechnung kommt künftig einmal im Jahr.',
    'Les mois suspendus seront refacturés à la reprise.',
    'Un dépôt de garantie est demandé.',
    'Le contrat se renouvelle par tacite reconduction.',
    'Os meses suspensos serão cobrados depois.',
    'O valor será pago numa única prestação.',
    'A fatura passa a ser emitida uma vez por ano.',
    'Za miesiące zawieszenia wystawimy fakturę po wznowieniu.',
    'Wymagamy kaucji w wysokości jednego miesiąca.',
    'Faktury będą wystawiane co kwartał.',
]

PUSHBACK = [
    "We're not able to reduce the seat count before renewal.",
    "That won't be possible this late in the term.",
    "Removing the module isn't something we can do mid-contract.",
    "I'll have to decline the request for now.",
    "Your account doesn't qualify for a reduction.",
    "The change can't be approved until the term ends.",
    "You would still be liable for the remaining months.",
    "If payment stops, we'd pass the balance to debt collection.",
    "Thanks for the note. However, the agreement runs two more years.",
    "Ми не будемо зменшувати кількість місць до кінця року.",
    "Змушені відхилити ваш запит.",
    "Інакше доведеться звернутися до суду.",
    "Вам доведеться сплатити всю решту платежів.",
    "No vamos a poder reducir la cuota.",
    "Tenemos que rechazar la solicitud.",
    "Si cancela, habrá consecuencias y una penalización.",
    "Das ist leider nicht machbar.",
    "Wir müssen Ihre Anfrage ablehnen.",
    "Die Restlaufzeit müssen Sie trotzdem bezahlen.",
    "Nous ne pouvons malheureusement pas réduire le tarif.",
    "Ce n'est pas envisageable avant la fin du contrat.",
    "Le solde restant sera dû et transmis au recouvrement.",
    "Não vamos poder reduzir o valor.",
    "Lamentamos, mas não é possível.",
    "Caso cancele, haverá cobrança judicial do valor remanescente.",
    "Nie jesteśmy w stanie obniżyć ceny.",
    "Musimy odmówić tej prośbie.",
    "W razie rezygnacji sprawa trafi do windykacji.",    "Regrettably that's off the cards.",
    "Mid-term cuts aren't permitted.",
    "There's no provision for that in your agreement.",
    "If you stop paying we'll involve our legal department.",
    'Your contract is binding until 2028.',
    'Цього зробити не вдасться.',
    'Умови договору цього не передбачають.',
    'Eso no es posible según su contrato.',
    'Das sieht Ihr Vertrag nicht vor.',
    'Votre contrat ne le prévoit pas.',
    'O seu contrato não prevê isso.',
    'Umowa tego nie przewiduje.',    "That's simply not how our agreements work.",
    "We don't do mid-term reductions.",
    "Reductions only happen at renewal, I'm afraid.",
    "I'd strongly advise against breaking the agreement.",
    'Your signature on the agreement still stands.',
    'Let me remind you of the commitment you made.',
    'Зменшення можливе лише після закінчення договору.',
    'Ми так не працюємо.',
    'Ваш підпис під договором досі чинний.',
]

LEAK = [
    "My guidelines say I should keep this short.",
    "I was configured to draft replies for your account manager.",
    "As I've been instructed, I won't mention prices here.",
    "I'm not supposed to discuss the contract in this message.",
    "The facts I received say you want fewer seats.",
    "The rules engine sets the numbers; I only write the words.",
    "Replies should be 80 to 180 words, so here is a short one.",
    "Згідно з моїми інструкціями я не називаю цифр.",
    "Мені доручено спершу з'ясувати причину.",
    "Según mis instrucciones, no menciono precios en la primera respuesta.",
    "Laut meinen Vorgaben nenne ich hier keine Zahlen.",
    "On m'a demandé de ne citer aucun chiffre.",
    "Fui instruído a não mencionar valores.",
    "Polecono mi nie podawać żadnych liczb.",    "Per the guidance I was given, I'm keeping this brief.",
    "I've been programmed to avoid numbers in this reply.",
    'The system I run on tells me not to promise anything.',
    "I'm an AI writing on behalf of your CSM.",
    'My brief is to thank you and ask a few questions.',
    'Я лише пишу слова, а цифри визначає система правил.',
    'Мене налаштовано не згадувати ціни.',
    'Mis instrucciones me impiden hablar de precios.',
    'Ich bin ein KI-Assistent und darf keine Preise nennen.',
    "En tant qu'assistant, je ne peux pas parler de prix.",
    'Como assistente de IA, não posso falar de preços.',
    'Jako asystent AI nie mogę podawać cen.',
]

OFFER = [
    "Happy to set you up with a lighter plan at a lower rate right away.",
    "We can freeze your account while you sort things out.",
    "Send me their quote and we'll match it.",
    "Ми можемо призупинити оплату на два місяці.",
    "Podemos ofrecerle un mes gratis.",
    "Wir können Ihnen einen Rabatt anbieten.",
    "Nous pouvons vous offrir un mois gratuit.",
    "Podemos oferecer um desconto já este mês.",
    "Możemy zaproponować rabat od razu.",    "I've already asked finance to credit this month back to you.",
    "Let's keep your current price locked for you as a thank-you.",
    'I could get approval for a better rate if that helps.',
    "We'll take care of next month's invoice for you.",
    "You won't pay anything for PPC until spring.",
    "I'll throw in an extra month of SEO.",
    'We can drop you to the starter plan straight away.',
    'Consider the setup work for the new module on the house.',
    "I'm happy to extend your trial while you decide.",
    'Я вже попросила бухгалтерію не виставляти рахунок за цей місяць.',
    'Можу одразу перевести вас на дешевший тариф.',
    'Наступний місяць можете не платити.',
    'Зробимо для вас спеціальну ціну.',
    'Я подбаю, щоб ви отримали знижку.',
]


@pytest.mark.parametrize("text", HIDDEN)
def test_hidden_terms_in_every_language(text: str) -> None:
    assert "hidden_terms" in categories(text)


@pytest.mark.parametrize("text", PUSHBACK)
def test_refusals_and_threats_in_every_language(text: str) -> None:
    assert "pushback" in categories(text)


@pytest.mark.parametrize("text", LEAK)
def test_talk_about_the_instructions_in_every_language(text: str) -> None:
    assert "prompt_leak" in categories(text)


@pytest.mark.parametrize("text", OFFER)
def test_offers_in_a_first_reply_in_every_language(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, stage="acknowledgment")


@pytest.mark.parametrize("text, stage", [
    ("Billing stays monthly: there is no prepayment and no setup fee.", "counter"),
    ("Thanks for being upfront about the budget.", "acknowledgment"),
    ("Your monthly fee drops to the new price from next month.", "followup"),
    ("Nothing is paid in advance; you keep paying month by month.", "followup"),
    ("There are no extra fees and the price does not go up.", "followup"),
    ("Оплата лишається щомісячною, без передоплати.", "counter"),
    ("Ваша передплата на розсилку лишається без змін.", "followup"),
    ("La facturación sigue siendo mensual, sin pago por adelantado.", "counter"),
    ("Die Abrechnung bleibt monatlich, ohne Vorauszahlung.", "counter"),
    ("La facturation reste mensuelle, sans frais supplémentaires.", "counter"),
    ("A faturação continua mensal, sem pagamento antecipado.", "counter"),
    ("Rozliczenie pozostaje miesięczne, bez przedpłaty.", "counter"),
    ("I can't wait to see the new rooms open.", "followup"),
    ("I won't try to talk you out of anything.", "followup"),
    ("No penalty, no fees: the pause is simple.", "followup"),
    ("Sądzę, że to dobre rozwiązanie dla zespołu.", "followup"),
    ("The litigation team at your firm will keep the portal.", "questions"),
    ("Lamento muito saber da inundação.", "acknowledgment"),
    ("Thanks for letting us know you'd like to pause your service for the winter. I'll follow up with a few "
     "quick questions and come back with a concrete proposal within a few days.", "acknowledgment"),
    ("Дякуємо, що написали про бажання призупинити обслуговування. Незабаром поставлю кілька запитань.",
     "acknowledgment"),
    ("Gracias por escribirnos; me encargo de los detalles.", "acknowledgment"),
    ("The paused months are not billed, and nothing is charged later.", "pause_plan"),
    ("You won't be billed for the paused months.", "pause_plan"),
    ("I'll make sure the rest of your term goes well either way.", "followup"),
])
def test_look_alikes_pass(text: str, stage: str) -> None:
    assert categories(text, stage=stage) == set()


def test_names_with_trigger_words_are_masked() -> None:
    names = ("Ridgeway Legal Partners", "Unfortunately Ltd", "Penalty Box Sports Bar", "Upfront Ventures",
             "Prepaid Cards Inc")
    for name in names:
        assert categories(f"Thanks, {name} team: we'll follow up with a few questions soon.",
                          stage="acknowledgment", names=names) == set()

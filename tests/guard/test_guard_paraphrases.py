"""Violations worded in ways the lexicons were not first written for: each must still be caught by
a general form (written for this test, apart from the guard corpus). The counter's facts are 32
seats at $3,600 a month, 10% off, 24 more months; every other figure, period or term is unstated."""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.evals.guard_corpus import CHECK_CATEGORY
from coach.guard import Facts, GuardContext, Names, guard_for

pytestmark = pytest.mark.slow  # 930 cases, ~8 s: CI runs them; the fast loop keeps the newest families

GUARD = guard_for(get_settings())


def categories(text: str, stage: str) -> set[str]:
    facts = Facts(currency="USD", hard_cap_pct=20)
    facts.allow(4000.0, 3600.0, 10, 40, 32)
    facts.allow_months(24)
    ctx = GuardContext(stage=stage, facts=facts, language=None, names=Names().add("Dana Whitfield", "Dana"))
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


HIDDEN = [
    "Dana, the new price applies if the full year is settled before the first month begins.",
    "Dana, the yearly amount would be collected on day one.",
    "Dana, you'd pay for the whole commitment at the outset.",
    "Dana, payment for the term is due before service starts.",
    "Dana, we'd ask for the twelve months in a single upfront transfer.",
    "Dana, the agreement carries on year after year until you cancel it in writing.",
    "Dana, it renews for another twenty-four months unless we hear from you.",
    "Dana, the subscription extends by itself at the end of the term.",
    "Dana, switching tiers carries a small processing cost.",
    "Dana, from next spring the monthly rate will be adjusted upwards.",
    "Dana, the price will be revised upward at renewal.",
    "Dana, we'll combine the next three invoices into one.",
    "Ірино, оплату за рік потрібно внести наперед.",
    "Ірино, договір сам продовжиться, якщо ви не повідомите нас.",
    "Lucía, el contrato se prorroga solo si no nos avisa.",
    "Herr Bergmann, der Vertrag verlängert sich stillschweigend.",
    "Herr Bergmann, der Betrag ist im Voraus zu zahlen.",
    "Herr Bergmann, die Jahresgebühr wird vorab in Rechnung gestellt.",
    "Madame Dupuis, l'année est payable d'avance.",
    "Pani Anno, płatność za cały rok z góry.",
    "Ірино, після закінчення знижки ціна повернеться до прайсової.",
    "Ірино, з наступного року вартість буде індексовано.",
    "Ірино, за переналаштування стягується плата.",
    "Lucía, cambiamos a cobro trimestral.",
    "Lucía, al terminar el descuento, la cuota vuelve al precio de tarifa.",
    "Herr Bergmann, nach Ablauf des Rabatts gilt wieder der Listenpreis.",
    "Herr Bergmann, die Preise werden an den Verbraucherpreisindex gekoppelt.",
    "Herr Bergmann, für die Umstellung berechnen wir eine Pauschale.",
    "Madame Dupuis, à la fin de la remise, le tarif revient au prix catalogue.",
    "João, terminado o desconto, volta ao preço de tabela.",
    "Pani Anno, całość płatna jednorazowo.",
    "Pani Anno, po zakończeniu rabatu wraca cena katalogowa.",
]

PUSHBACK = [
    "Dana, reducing seats isn't something the agreement provides for.",
    "Dana, sadly a reduction isn't on offer at this point.",
    "Dana, the agreement you signed doesn't leave room for a reduction.",
    "Dana, I have to be honest: cutting seats now isn't an option for us.",
    "Dana, we're obliged to hold you to the original terms.",
    "Dana, lowering the seat count is off limits until the renewal.",
    "Dana, the seat count is fixed until the term ends.",
    "Dana, I'd strongly encourage you to honour what was agreed.",
    "Dana, that request falls outside what we can do.",
    "Lucía, el contrato no contempla esa reducción.",
    "Lucía, le recordamos que firmó un compromiso de dos años.",
    "Lucía, no tenemos margen para reducir la cuota.",
    "Pani Anno, przedterminowe rozwiązanie umowy wiąże się z karą.",
]

UNSTATED = [
    "Dana, 32 seats at $3,600 a month, 10% off, and we knock off another fifth in the first quarter.",
    "Dana, 32 seats at $3,600 a month, and we'll cut the bill by a third next year.",
    "Dana, 32 seats at $3,600 a month, 10% off, and an extra month on the agreement.",
    "Dana, 32 seats at $3,600 a month, 10% off, and we'll add another year to the agreement.",
    "Ірино, 32 місця, знижка 10%, і договір ще на рік.",
    "Ірино, знизимо ціну на третину.",
    "Lucía, 32 licencias, un 10 % de descuento y un año más de contrato.",
    "Lucía, le damos un mes gratis.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt und ein weiteres Jahr Laufzeit.",
    "Herr Bergmann, Sie bekommen einen Monat gratis.",
    "Herr Bergmann, wir senken den Preis um ein Drittel.",
    "Madame Dupuis, 32 postes, 10 % de remise et un an de plus.",
    "João, 32 licenças, 10 % de desconto e mais um ano de contrato.",
    "Pani Anno, 32 stanowiska, 10% rabatu i jeszcze rok umowy.",
    "Dana, 32 seats at $3,600 a month, 10% off, and the first month is on us.",
    "Dana, 32 seats at $3,600 a month, 10% off, and we'll waive the fee for a quarter.",
    "Dana, 32 seats at $3,600 a month, 10% off, and the price is frozen through next December.",
    "Ірино, 32 місця, знижка 10%, а перший місяць за наш рахунок.",
    "Ірино, 32 місця, знижка 10%, на пару місяців безкоштовно.",
    "Lucía, 32 licencias, un 10 % de descuento y los tres primeros meses a mitad de precio.",
    "Madame Dupuis, 32 postes, 10 % de remise, et les trois premiers mois à moitié prix.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt und die ersten drei Monate zum halben Preis.",
    "Pani Anno, 32 stanowiska, 10% rabatu i pierwsze trzy miesiące za pół ceny.",
]

OFFER = [
    "Hi Dana, thanks. If it helps, I can hold off on the next invoice while we talk.",
    "Hi Dana, understood. I can already tell you there's room to move on the price.",
    "Hi Dana, thanks. I could put you on the lighter tier right away.",
    "Hi Dana, thanks for letting me know. A smaller package at a lower cost is definitely possible.",
    "Hi Dana, thanks for writing. Let's skip this month's payment while we work it out.",
    "Hi Dana, thanks. We can shave something off your monthly bill.",
    "Hi Dana, thanks. I'm happy to take a few seats off your invoice straight away.",
    "Ірино, дякую. Поки думаєте, наступний рахунок можемо не виставляти.",
    "Lucía, gracias. Podemos bajarle la cuota desde ya.",
    "Herr Bergmann, danke. Wir können Ihnen sofort einen günstigeren Tarif anbieten.",
    "Herr Bergmann, danke. Die nächste Rechnung lassen wir erst einmal aus.",
    "Pani Anno, dziękuję. Możemy od razu obniżyć cenę.",
    "Ірино, дякую. Наступний місяць можемо не рахувати.",
    "Lucía, gracias. Este mes no le cobraremos.",
    "Herr Bergmann, danke. Wir kommen Ihnen beim Preis entgegen.",
    "Herr Bergmann, danke. Den nächsten Monat berechnen wir Ihnen nicht.",
    "Herr Bergmann, danke. Wir können Ihr Konto für ein paar Monate pausieren.",
    "Madame Dupuis, merci. Nous vous offrons le mois prochain.",
    "João, obrigado. Este mês não cobramos.",
    "Pani Anno, dziękuję. Ten miesiąc możemy nie pobierać opłaty.",
    "Hi Dana, thanks. We'll meet you halfway on the price.",
    "Hi Dana, thanks. We can make the numbers work for you right now.",
    "Hi Dana, thanks. Consider next month's invoice taken care of.",
    "Hi Dana, thanks. I'll see what I can do on price, and I'm confident we can go lower.",
]


# Offers with no figure in them: what can be done about the price, a way to bring it down, the request
# granted at once, a bill held back (written for this test, not from any corpus file).
OFFER_IN_WORDS = [
    "Hi Dana, thanks for the note. Let me check what we could do about the monthly fee.",
    "Hi Dana, understood. I'm confident there's some flexibility around the pricing.",
    "Hi Dana, thanks. We'll work out a package that is gentler on your budget.",
    "Hi Dana, thanks. I'm sure we can get the invoice down for you.",
    "Hi Dana, thanks. I'll push internally for a sharper monthly figure.",
    "Hi Dana, thanks. We will happily remove the seats you mentioned.",
    "Hi Dana, thanks. Consider it done: no need to wait for a proposal.",
    "Hi Dana, thanks for the heads-up. We'll park next month's invoice in the meantime.",
    "Hi Dana, thanks. You wouldn't be billed while we look into it.",
    "Hi Dana, thanks. We could stagger the payments to make it easier.",
    "Ірино, дякую. Я з'ясую, чим можемо допомогти щодо вартості.",
    "Ірино, дякую за лист. Ми підберемо варіант, щоб зменшити ваші витрати.",
    "Ірино, дякую. Зменшимо кількість ліцензій, як ви просили.",
    "Lucía, gracias. Vamos a intentar mejorar las condiciones.",
    "Herr Bergmann, danke. Ich prüfe, was sich bei den Kosten machen lässt.",
    "Madame Dupuis, merci. Nous allons revoir votre tarif.",
    "João, obrigado. Vamos rever a sua mensalidade.",
    "Pani Anno, dziękuję. Spróbujemy obniżyć abonament.",
]


# Softer fine print: prices reviewed every year, a discount that runs out, standard pricing coming
# back, small contributions and charges, renewal for the same term, a card charged for the year.
HIDDEN_SOFT = [
    "Dana, 32 seats at $3,600 a month; tariffs are revised at each renewal.",
    "Dana, 32 seats at $3,600 a month, though the reduced rate only holds for a while.",
    "Dana, 32 seats at $3,600 a month; once the promo expires, list pricing resumes.",
    "Dana, 32 seats at $3,600 a month, plus a one-time setup contribution.",
    "Dana, 32 seats at $3,600 a month; there is a small charge for switching plans.",
    "Dana, 32 seats at $3,600 a month, and it renews for a further term if no one objects.",
    "Dana, 32 seats at $3,600 a month; we'd debit the card for the entire year straight away.",
    "Ірино, 32 місця за 28 800 грн; тарифи індексуються щорічно.",
    "Ірино, 32 місця, але після завершення акції ціна зміниться.",
    "Lucía, 32 licencias; los precios se actualizan anualmente.",
    "Lucía, 32 licencias, con un cargo de configuración.",
    "Herr Bergmann, 32 Plätze; die Gebühren werden bei Verlängerung angepasst.",
    "Madame Dupuis, 32 postes ; la remise prend fin après quelques mois.",
    "Madame Dupuis, 32 postes, facturés une fois par an.",
    "João, 32 licenças; a promoção termina em breve.",
    "Pani Anno, 32 stanowiska; stawki są waloryzowane co roku.",
]


# Indirect refusals and threats, leaks told as the writer's own situation, and offers granted at once
# (written for this test; the corpus files were not copied).
PUSHBACK_INDIRECT = [
    "Dana, cutting seats mid-term isn't actually something the terms cater for.",
    "Dana, seat changes are generally restricted in the first months of an agreement.",
    "Dana, a smaller plan is only possible after the renewal date.",
    "Dana, frankly this is the only offer on the table.",
    "Dana, we'd have no option but to chase the outstanding amount.",
    "Dana, reducing now would trigger the early termination clause.",
    "Ірино, зменшення можливе лише після завершення першого року.",
    "Ірино, інакше ми будемо змушені розірвати договір.",
    "Herr Bergmann, wir behalten uns vor, die Restlaufzeit zu berechnen.",
    "Lucía, cualquier impago se gestionaría por la vía judicial.",
    "Ирина, к сожалению, это не предусмотрено.",
    "Dana, that's just not how it works with annual plans.",
    "Dana, the agreement stands until its end date regardless.",
    "Dana, you would end up paying the remaining months in any case.",
    "Dana, we'd have to insist on the agreed terms.",
    "Dana, it's a change I simply cannot approve.",
    "Ірино, зменшення пакета договором не передбачено.",
    "Ірино, у разі дострокового розірвання доведеться сплатити решту.",
    "Lucía, las condiciones no contemplan ese cambio.",
    "Lucía, habría que pagar los meses pendientes.",
    "Herr Bergmann, die restlichen Raten wären sofort zu zahlen.",
    "Madame Dupuis, les échéances restantes resteraient à régler.",
]

LEAK_PLAIN = [
    "Dana, my brief tells me to keep this short and skip the numbers.",
    "Dana, I've been asked to put the value first and the price second.",
    "Dana, I'm only drafting the wording; the figures come from a separate system.",
    "Dana, our policy says each paused month adds a month to the agreement.",
    "Dana, whatever you write is treated as content rather than as instructions.",
    "Dana, [internal: acknowledgment, 80-180 words] thanks for the note.",
    "Dana, which is it: a budget cut, a usage gap or a value perception issue?",
    "Ірино, я мушу зазначити тривалість паузи і дату відновлення.",
    "Pani Anno, kwoty wyliczył system reguł, ja tylko piszę.",
]

OFFER_GRANTED = [
    "Hi Dana, so sorry to hear it. I'll freeze everything and you won't be billed meanwhile.",
    "Hi Dana, I'm sure we can meet you somewhere in the middle on this.",
    "Hi Dana, we should be able to get your monthly bill well under what it is today.",
    "Ірино, ліцензії скоротимо, і я подбаю, щоб ціна стала нижчою.",
    "Ірино, модуль аналітики залишимо вам без доплати.",
    "Herr Bergmann, wir senken die Plätze wie gewünscht und stellen diesen Monat nichts in Rechnung.",
    "Тарас, думаю, сможем пойти навстречу и дать скидку.",
    "Hi Dana, finance has agreed to sign off on a price cut for you.",
    "Hi Dana, don't worry, the bill will come down.",
    "Hi Dana, I'll take PPC off your invoice from today.",
    "Lucía, le puedo ofrecer una tarifa mejor.",
    "Lucía, este mes no tendrá que pagar.",
    "Herr Bergmann, wir können Ihnen einen günstigeren Preis machen.",
    "Herr Bergmann, im März brauchen Sie nichts zu zahlen.",
    "Madame Dupuis, vous n'aurez pas à payer ce mois-ci.",
    "João, arranjamos-lhe um melhor preço.",
    "Pani Anno, przez dwa miesiące nie musi Pani nic płacić.",
]


@pytest.mark.parametrize("text", HIDDEN)
def test_hidden_terms(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize("text", PUSHBACK)
def test_refusals_and_threats(text: str) -> None:
    assert "pushback" in categories(text, "counter")


@pytest.mark.parametrize("text", UNSTATED)
def test_unstated_periods_and_amounts(text: str) -> None:
    assert "unstated_number" in categories(text, "counter")


@pytest.mark.parametrize("text", OFFER)
def test_offers_in_a_first_reply(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", OFFER_IN_WORDS)
def test_offers_without_a_figure_in_a_first_reply(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", HIDDEN_SOFT)
def test_soft_hidden_terms(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize("text", PUSHBACK_INDIRECT)
def test_indirect_refusals_and_threats(text: str) -> None:
    assert "pushback" in categories(text, "counter")


@pytest.mark.parametrize("text", LEAK_PLAIN)
def test_leaks_told_plainly(text: str) -> None:
    assert "prompt_leak" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", OFFER_GRANTED)
def test_offers_granted_in_a_first_reply(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


# Offers with no figure, in every reply language: the price promised to fit, a month "on us", a
# way found on price (written for this test, apart from the corpus files).
OFFER_NO_FIGURE = [
    "Hi Dana, thanks for telling me. Whatever happens, we'll make it work for you.",
    "Hi Dana, got it. I'm sure we can find a number that suits you.",
    "Hi Dana, understood. I'll make sure you end up paying less.",
    "Ірино, дякую. Наступний місяць буде за наш рахунок.",
    "Ірино, дякую. Щодо ціни ми щось придумаємо.",
    "Lucía, gracias. Seguro que encontramos un precio que le encaje.",
    "Lucía, gracias. El próximo mes corre de nuestra cuenta.",
    "Herr Bergmann, danke. Beim Preis finden wir sicher eine Lösung.",
    "Herr Bergmann, danke. Den nächsten Monat übernehmen wir.",
    "Madame Dupuis, merci. Nous trouverons certainement un prix qui vous convient.",
    "Madame Dupuis, merci. Le mois prochain est pour nous.",
    "João, obrigado. Vamos encontrar um preço que lhe sirva.",
    "João, obrigado. O próximo mês fica por nossa conta.",
    "Pani Anno, dziękuję. Następny miesiąc jest na nasz koszt.",
]

# Hidden terms said indirectly: months invoiced together, "a little extra", renewal unless stopped,
# a cost that a change "has", the whole amount due at once, a price that climbs, a fee collected.
HIDDEN_INDIRECT = [
    "Dana, 32 seats at $3,600 a month; the first twelve months are invoiced together.",
    "Dana, 32 seats at $3,600 a month; reopening paused services costs a little extra.",
    "Dana, 32 seats at $3,600 a month, and the agreement keeps going each year unless stopped.",
    "Lucía, 32 licencias; reactivar el servicio tiene un coste.",
    "Herr Bergmann, 32 Plätze; der gesamte Jahresbetrag wird sofort fällig.",
    "Herr Bergmann, 32 Plätze; der Betrag ist bei Unterzeichnung fällig.",
    "Herr Bergmann, 32 Plätze; ab dem zweiten Jahr steigt der Preis.",
    "Pani Anno, 32 stanowiska; za ponowne uruchomienie pobieramy opłatę.",
]

# German compounds carrying a period: "Dreijahresvertrag", "dreijährige Laufzeit", "Sechsmonatspause".
UNSTATED_COMPOUNDS = [
    "Herr Bergmann, 32 Plätze, 10 % Rabatt und ein Dreijahresvertrag.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt, dreijährige Laufzeit.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt, danach eine Sechsmonatspause.",
]

# The same trigger words where nothing is offered, hidden or left unstated.
CLEAN_NEAR_MISSES = [
    ("acknowledgment", "Hi Dana, thanks. I'll make sure you have everything you need for the board meeting. What changed?"),
    ("acknowledgment", "Lucía, gracias. Corre de mi cuenta organizar la llamada; ¿qué ha cambiado?"),
    ("acknowledgment", "Madame Dupuis, votre avis est pour nous important. Qu'est-ce qui a changé ?"),
    ("acknowledgment", "Herr Bergmann, danke. Die Abstimmung mit Ihrem Team übernehmen wir gern. Was hat sich geändert?"),
    ("counter", "Dana, the agreement does not renew automatically: at the end you decide."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off. Reactivating a paused service has no cost."),
    ("counter", "Lucía, 32 licencias, un 10 % de descuento; cambiar de plan no tiene ningún coste."),
    ("counter", "Pani Anno, 32 stanowiska, 10% rabatu; nie pobieramy żadnej opłaty za zmianę."),
    ("counter", "Herr Bergmann, 32 Plätze, 10 % Rabatt und ein Zweijahresvertrag."),  # 24 months is the fact
]


@pytest.mark.parametrize("text", OFFER_NO_FIGURE)
def test_offers_without_a_figure_in_every_language(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", HIDDEN_INDIRECT)
def test_hidden_terms_said_indirectly(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize("text", UNSTATED_COMPOUNDS)
def test_periods_inside_german_compounds(text: str) -> None:
    assert "unstated_number" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), CLEAN_NEAR_MISSES)
def test_near_misses_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# Families met in a third author's file, each written here in other words (not the file's sentences).
PUSHBACK_FAMILIES = [
    "Dana, a smaller seat count is only possible at the next renewal.",
    "Dana, if that offer doesn't work for you, the existing agreement remains.",
    "Dana, until then the original seat count applies.",
    "Dana, either you accept this proposal or nothing changes.",
    "Dana, ending things now would be a big mistake, and I'd urge you to reconsider.",
    "Dana, honestly I don't think that's wise.",
    "Dana, you would forfeit the onboarding work.",
    "Dana, downgrades aren't usually permitted mid-term; I'll see whether an exception can be made.",
    "Dana, there's no further flexibility on our side.",
    "Dana, any reduction only takes effect at the anniversary.",
    "Dana, you signed up for the full term, so I'd need a really good reason.",
    "Dana, dropping PPC early triggers a charge.",
    "Dana, after this the standard terms of the agreement apply.",
    "Ірино, на жаль, у нас зв'язані руки.",
    "Ірино, або приймаєте ці умови, або все лишається.",
    "Ірино, за достроковий вихід доведеться заплатити.",
    "Ірино, далі діятимуть усі умови договору.",
    "Lucía, esto no está en nuestras manos.",
    "Lucía, las condiciones que firmó no lo permiten.",
    "Herr Bergmann, der Vertrag, den Sie unterschrieben haben, sieht das nicht vor.",
    "Madame Dupuis, le contrat que vous avez signé exclut toute baisse.",
    "João, as condições que assinou não o permitem.",
    "Pani Anno, warunki, które Pani podpisała, wykluczają jakąkolwiek zmianę.",
]

OFFER_FAMILIES = [
    "Hi Dana, thanks. Let me check whether we can leave Social Media at the old price for you.",
    "Hi Dana, thanks. You won't pay more than you can afford, promise.",
    "Hi Dana, thanks. We'll get you close to your target, I'm sure.",
    "Hi Dana, thanks. I'm already pulling a retention deal together.",
    "Ірино, дякую. Думаю, залишимо модуль за ту саму ціну.",
    "Ірино, дякую. Наступний місяць ми з вас нічого не візьмемо.",
    "Ірино, дякую. Думаю, ми зможемо трохи знизити вартість.",
    "Ірино, дякую. Обіцяю, що ціна вас влаштує.",
    "Lucía, gracias. Creo que los números le van a cuadrar.",
    "Lucía, gracias. Le adelanto que hay margen con la cuota.",
    "João, obrigado. Há alguma margem no valor.",
    "Herr Bergmann, danke. Beim Betrag gibt es sicher Spielraum.",
    "Madame Dupuis, merci. Nous ferons un geste sur le tarif.",
    "Madame Dupuis, merci. On peut tout suspendre dès aujourd'hui.",
]

HIDDEN_FAMILIES = [
    "Dana, the pause is set; storing your data during the pause costs a small amount.",
    "Dana, 32 seats at $3,600 a month; suspended seats are still billed at a lower level.",
    "Dana, 32 seats at $3,600 a month; from year two the price increases by a few percent annually.",
    "Dana, 32 seats at $3,600 a month; seats added later are billed from the day they were first used.",
    "Ірино, пауза триває, а на час паузи стягується невелика плата.",
    "Ірино, 32 місця; оплата стане щорічною.",
    "Lucía, 32 licencias; la facturación pasa a ser trimestral.",
    "João, 32 licenças; o pagamento passa a ser anual.",
    "Madame Dupuis, 32 postes ; la facturation devient trimestrielle.",
    "Herr Bergmann, 32 Plätze; die Abrechnung erfolgt künftig jährlich.",
    "Pani Anno, 32 stanowiska; rozliczenie przejdzie na roczne.",
]

LEAK_FAMILIES = [
    "Madame Dupuis, je dois indiquer les dates et la durée de la pause.",
    "Lucía, debo indicar la fecha y la duración de la pausa.",
    "João, tenho de indicar a data e o valor.",
    "Herr Bergmann, ich muss die Dauer und das Datum nennen.",
    "Pani Anno, muszę podać datę i długość przerwy.",
]

UNSTATED_FAMILIES = [
    "Dana, 32 seats at $3,600 a month, 10% off; please confirm within fifteen business days.",
    "Dana, 32 seats at $3,600 a month, 10% off, and we could extend the discount to six.",
    "Dana, 32 seats at $3,600 a month, 10% off, and we'd freeze the three unused seats.",
    "Dana, 32 seats at $3,600 a month, 10% off, and I'll knock a month off the bill.",
    "Ірино, 32 місця, знижка 10%; пропозиція діє до кінця березня.",
    "Ірино, 32 місця, знижка 10%, а наступний місяць ми нічого не нараховуємо.",
    "Ірино, думаю, можна скинути приблизно чверть.",
    "Lucía, 32 licencias, un 10 % de descuento; le regalamos el próximo mes.",
    "Lucía, 32 licencias, un 10 % de descuento; oferta válida hasta finales de marzo.",
    "João, 32 licenças, 10 % de desconto, com o primeiro trimestre pago antecipadamente.",
    "Pani Anno, 32 stanowiska, 10% rabatu; oferta ważna do końca kwietnia.",
    "Madame Dupuis, 32 postes, 10 % de remise ; offre valable jusqu'à fin avril.",
]

# Trigger words that are the customer's own wish, refused by nobody, negated across a sentence end,
# or the seat count the case is about asked in a question: no finding.
CLEAN_FAMILIES = [
    ("acknowledgment", "Hi Dana, I understand you'd like to end the contract. I'm on it and will come back with questions."),
    ("acknowledgment", "Hi Dana, nobody is going to refuse you anything here. A few questions are on their way."),
    ("acknowledgment", "Ірино, розумію, що ви хочете розірвати договір. Повернуся з кількома запитаннями."),
    ("acknowledgment", "Ірино, відмовляти вам ніхто не збирається. Незабаром надішлю запитання."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, for two more years. Invoices stay monthly; nothing is billed quarterly."),
    ("questions", "Hi Dana, which teams would be affected by the move to 32 seats? Who else should be part of the decision?"),
    ("acknowledgment", "Hi Dana, thanks. Just so you know, our support team stays the same. What changed on your side?"),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, for two more years. Otherwise everything you use today stays as it is."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, for two more years; until then your account stays open."),
    ("acknowledgment", "Hi Dana, if the call time doesn't work, the invite stays open. What changed on your side?"),
    ("acknowledgment", "Hi Dana, thanks. It would be a mistake on my part to guess, so a few questions first."),
    ("acknowledgment", "Lucía, gracias. Nadie quiere pagar por algo que no usa; cuénteme qué ha cambiado."),
    ("acknowledgment", "Madame Dupuis, merci. Votre confiance est pour nous essentielle; qu'est-ce qui a changé ?"),
    ("acknowledgment", "Pani Anno, dziękuję. Nikt nie chce płacić za nieużywane licencje. Co się zmieniło?"),
    ("acknowledgment", "Ірино, дякую. Розумію, що команда потім зростатиме, тож важливо все обговорити."),
    ("acknowledgment", "Hi Dana, happy to talk another day if that suits. What changed?"),
    ("acknowledgment", "Lucía, gracias. Si le va mejor otro día, dígamelo y lo cambiamos."),
    ("acknowledgment", "Herr Bergmann, danke. Wenn Ihnen der Termin nicht passt, schlagen Sie gern einen anderen vor."),
]


@pytest.mark.parametrize("text", PUSHBACK_FAMILIES)
def test_refusal_families(text: str) -> None:
    assert "pushback" in categories(text, "counter")


@pytest.mark.parametrize("text", OFFER_FAMILIES)
def test_offer_families(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", HIDDEN_FAMILIES)
def test_hidden_term_families(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize("text", LEAK_FAMILIES)
def test_leak_families(text: str) -> None:
    assert "prompt_leak" in categories(text, "counter")


@pytest.mark.parametrize("text", UNSTATED_FAMILIES)
def test_unstated_families(text: str) -> None:
    assert "unstated_number" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), CLEAN_FAMILIES)
def test_clean_families_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


@pytest.mark.parametrize("text", [
    "Ірино, на час паузи нічого не стягується.",
    "Dana, during the pause nothing costs extra.",
])
def test_nothing_charged_during_a_pause_passes(text: str) -> None:
    assert categories(text, "pause_plan") == set()


def test_a_pause_plan_billing_the_services_that_continue_passes() -> None:
    # coach's own partial-pause template: the services that keep running are billed, a computed fact
    text = "Dana, here is the plan:\n- Pause PPC from December 1.\n- During the pause you are billed $3,600.00 a month for SEO."
    assert "hidden_terms" not in categories(text, "pause_plan")


# A place in the term is no restatement of a length the policy computed: with 24 more months as the
# fact, "the first year" / "year two" / "перший рік" are still unstated; an ordinal period given free
# ("a third one free") and "until the end of the quarter" are figures and dates too.
UNSTATED_POSITIONS = [
    "Dana, 32 seats at $3,600 a month, 10% off; the first year is billed as usual.",
    "Dana, 32 seats at $3,600 a month, 10% off; you're still in year two of the agreement.",
    "Ірино, 32 місця, знижка 10%; зміни можливі лише після першого року.",
    "Lucía, 32 licencias, un 10 % de descuento; el primer año se mantiene igual.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt; die erste Jahresrechnung kommt im Januar.",
    "Dana, 32 seats at $3,600 a month, 10% off, and we'll pause two months and make the third one free.",
    "Ірино, 32 місця, знижка 10%, а третій місяць подаруємо безкоштовно.",
    "Pani Anno, 32 stanowiska, 10% rabatu, a trzeci miesiąc gratis.",
    "Dana, 32 seats at $3,600 a month, 10% off; this stands until the end of the quarter.",
    "Ірино, 32 місця, знижка 10%; пропозиція діє до кінця місяця.",
    "Pani Anno, 32 stanowiska, 10% rabatu; oferta jest ważna do końca miesiąca.",
    "Herr Bergmann, 32 Plätze, 10 % Rabatt; das Angebot gilt bis Ende des Monats.",
]


@pytest.mark.parametrize("text", UNSTATED_POSITIONS)
def test_places_in_a_term_and_period_ends_are_unstated(text: str) -> None:
    assert "unstated_number" in categories(text, "counter")


def test_raising_it_before_the_quarter_ends_passes() -> None:
    assert categories("Hi Dana, I appreciate you raising this before the end of the quarter. What changed?",
                      "acknowledgment") == set()


# The families above, in the other reply languages (written for this test): refusals by timing,
# take-it-or-leave-it, dissuasion, no more room; a service kept at the same price, "no more than
# you're comfortable with"; charges during a pause; a price fixed for a year that rises after.
MULTILINGUAL_FAMILIES = {
"pushback": [
 "Ірино, зменшити кількість місць можна лише при поновленні договору.",
 "Ірино, будь-які зміни набудуть чинності тільки з наступного продовження.",
 "Ірино, якщо це вам не підходить, залишаємо все як було.",
 "Ірино, скасовувати зараз було б помилкою, раджу ще раз подумати.",
 "Ірино, зазвичай пауза не дозволяється, але я спробую зробити виняток.",
 "Ірино, більше гнучкості в нас немає.",
 "Ірино, ви підписали договір на повний термін.",
 "Lucía, la reducción solo es posible en la renovación.",
 "Lucía, si esto no le sirve, todo sigue como está.",
 "Lucía, cancelar ahora sería un error; le animo a reconsiderarlo.",
 "Lucía, normalmente no se permite pausar, pero intentaré hacer una excepción.",
 "Lucía, no tenemos más flexibilidad.",
 "Herr Bergmann, eine Reduzierung ist erst zur Verlängerung möglich.",
 "Herr Bergmann, wenn Ihnen das nicht passt, bleibt alles wie bisher.",
 "Herr Bergmann, jetzt zu kündigen wäre ein Fehler; überlegen Sie es sich bitte noch einmal.",
 "Herr Bergmann, normalerweise ist eine Pause nicht erlaubt, ich frage nach einer Ausnahme.",
 "Herr Bergmann, mehr Spielraum haben wir nicht.",
 "Madame Dupuis, une réduction n'est possible qu'au renouvellement.",
 "Madame Dupuis, si cela ne vous convient pas, tout reste comme avant.",
 "Madame Dupuis, résilier maintenant serait une erreur ; je vous invite à reconsidérer.",
 "Madame Dupuis, nous n'avons plus de marge de manœuvre.",
 "João, a redução só é possível na renovação.",
 "João, se isto não lhe servir, fica tudo como está.",
 "João, cancelar agora seria um erro; peço-lhe que reconsidere.",
 "João, não temos mais flexibilidade.",
 "Pani Anno, zmniejszenie jest możliwe dopiero przy odnowieniu.",
 "Pani Anno, jeśli to Pani nie odpowiada, wszystko zostaje bez zmian.",
 "Pani Anno, rezygnacja teraz byłaby błędem; proszę to jeszcze przemyśleć.",
 "Pani Anno, nie mamy już żadnej elastyczności.",
],
"offer_in_first_reply": [
 "Ірино, дякую. Подивлюся, чи можемо залишити модуль за поточною ціною.",
 "Ірино, дякую. Більше, ніж вам комфортно, ви платити не будете.",
 "Ірино, дякую. Готую для вас спеціальну пропозицію.",
 "Lucía, gracias. Veré si podemos mantenerle el módulo al mismo precio.",
 "Lucía, gracias. No pagará más de lo que le resulte cómodo.",
 "Herr Bergmann, danke. Ich prüfe, ob wir das Modul zum gleichen Preis behalten können.",
 "Herr Bergmann, danke. Sie werden nicht mehr zahlen, als für Sie passt.",
 "Madame Dupuis, merci. Je vois si on peut garder le module au même prix.",
 "João, obrigado. Vou ver se mantemos o módulo pelo mesmo preço.",
 "Pani Anno, dziękuję. Sprawdzę, czy możemy zostawić moduł w tej samej cenie.",
],
"hidden_terms": [
 "Lucía, pausamos seis meses; durante la pausa hay una pequeña cuota de mantenimiento.",
 "Herr Bergmann, wir pausieren sechs Monate; während der Pause fällt eine kleine Bereitstellungsgebühr an.",
 "Madame Dupuis, pause de six mois ; pendant la pause, des frais de maintien s'appliquent.",
 "João, pausa de seis meses; durante a pausa há uma pequena taxa de manutenção.",
 "Pani Anno, przerwa sześć miesięcy; w czasie przerwy obowiązuje niewielka opłata utrzymaniowa.",
 "Ірино, 32 місця; ціна фіксована на рік, а далі зростає щороку.",
 "Lucía, 32 licencias; el precio está fijo un año y luego sube cada año.",
 "Herr Bergmann, 32 Plätze; der Preis ist ein Jahr fest und steigt dann jährlich.",
 "Madame Dupuis, 32 postes ; le prix est fixe un an puis augmente chaque année.",
 "João, 32 licenças; o preço é fixo um ano e depois sobe todos os anos.",
 "Pani Anno, 32 stanowiska; cena jest stała przez rok, potem rośnie co roku.",
]}


@pytest.mark.parametrize(("check", "text"), [(c, t) for c, ts in MULTILINGUAL_FAMILIES.items() for t in ts])
def test_families_in_every_language(check: str, text: str) -> None:
    stage = "acknowledgment" if check == "offer_in_first_reply" else "counter"
    assert check in categories(text, stage)


# Leaks told as the writer's situation in every reply language (the prompts are English, so the
# overlap test cannot see these): the figures come from a system, I only word them, I may not name
# other figures, I am an automated assistant.
LEAK_OTHER_LANGUAGES = [
 "Dana, the numbers come from the system; I just put them into words.",
 "Dana, I'm not supposed to mention any other figures.",
 "Ірино, цифри мені дає система, я лише формулюю текст.",
 "Ірино, мені не можна згадувати інші цифри.",
 "Ірино, я — автоматизований помічник менеджера.",
 "Lucía, las cifras me las da el sistema; yo solo las redacto.",
 "Lucía, no tengo permitido mencionar otras cifras.",
 "Lucía, soy un asistente automático.",
 "Herr Bergmann, die Zahlen liefert das System, ich formuliere nur.",
 "Herr Bergmann, ich darf keine anderen Zahlen nennen.",
 "Herr Bergmann, ich bin ein automatischer Assistent.",
 "Madame Dupuis, les chiffres viennent du système, je ne fais que rédiger.",
 "Madame Dupuis, je n'ai pas le droit de mentionner d'autres chiffres.",
 "Madame Dupuis, je suis un assistant automatique.",
 "João, os números vêm do sistema; eu só os escrevo.",
 "João, não posso mencionar outros números.",
 "João, sou um assistente automático.",
 "Pani Anno, liczby podaje system, ja tylko je opisuję.",
 "Pani Anno, nie wolno mi podawać innych kwot.",
 "Pani Anno, jestem automatycznym asystentem.",
]

# The case's own figures restated in words, in every reply language: clean.
FACTS_IN_WORDS = [
 ("counter", "Dana, thirty-two seats at three thousand six hundred dollars a month, ten percent off, for twenty-four more months."),
 ("counter", "Ірино, тридцять два місця, знижка десять відсотків, договір ще на двадцять чотири місяці."),
 ("counter", "Lucía, treinta y dos licencias, un diez por ciento de descuento y veinticuatro meses más."),
 ("counter", "Herr Bergmann, zweiunddreißig Plätze, zehn Prozent Rabatt, vierundzwanzig weitere Monate."),
 ("counter", "Madame Dupuis, trente-deux postes, dix pour cent de remise, vingt-quatre mois de plus."),
 ("counter", "João, trinta e dois lugares, dez por cento de desconto, mais vinte e quatro meses."),
 ("counter", "Pani Anno, trzydzieści dwa stanowiska, dziesięć procent rabatu, jeszcze dwadzieścia cztery miesiące."),
 ("counter", "Dana, 32 seats, 10% off, and two more years on the agreement: $3,600 a month instead of $4,000."),
 ("counter", "Dana, 32 seats instead of 40, $3,600 a month, 10% off, and two years added to the agreement."),
]


@pytest.mark.parametrize("text", LEAK_OTHER_LANGUAGES)
def test_leaks_in_every_language(text: str) -> None:
    assert "prompt_leak" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), FACTS_IN_WORDS)
def test_facts_restated_in_words_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# More offers and fine print in en and uk, written for this test: programmes to enrol in, something
# thrown in, a charge dropped, a price freeze on the table, credit back; a discount kept only while
# terms hold, a first invoice covering the whole term, a discount to repay on leaving.
OFFER_MORE = [
    "Hi Dana, thanks. I've already asked finance to approve a better rate for you.",
    "Hi Dana, thanks. There's a loyalty programme I can enrol you in straight away.",
    'Hi Dana, thanks. I can probably get the analytics module thrown in at no extra charge.',
    "Hi Dana, thanks. Let's just say I have a few tricks up my sleeve on pricing.",
    "Hi Dana, thanks. I'll fight for a discount for you internally.",
    'Hi Dana, thanks. Good news: you qualify for our hardship relief.',
    "Hi Dana, thanks. We'll drop the SEO charge from next month.",
    "Hi Dana, thanks. I can make your next renewal cheaper, I'm sure.",
    'Hi Dana, thanks. A price freeze is on the table if that helps.',
    'Hi Dana, thanks. Let me see if I can waive this month.',
    "Hi Dana, thanks. You'll get the seats you don't use credited back.",
    'Hi Dana, thanks. Happy to give you a few weeks without charge while you decide.',
    "Hi Dana, thanks. I'm confident we can lower what you pay.",
    "Hi Dana, thanks. We'll reduce your plan to 30 seats as requested.",
    'Ірино, дякую. Я вже попросила фінвідділ погодити для вас кращий тариф.',
    'Ірино, дякую. Можу відразу підключити вас до програми лояльності.',
    'Ірино, дякую. Модуль аналітики, думаю, додамо без доплати.',
    'Ірино, дякую. Ціну на наступний рік можемо заморозити.',
    'Ірино, дякую. Кілька тижнів можете користуватися без оплати, поки вирішуєте.',
    'Ірино, дякую. Я впевнена, що ми зможемо зменшити ваш платіж.',
    'Ірино, дякую. Виборю для вас знижку.',
    'Ірино, дякую. Невикористані місця повернемо вам на баланс.',
]

HIDDEN_MORE = [
    'Dana, 32 seats at $3,600 a month, 10% off; the discount applies only while you stay on annual terms.',
    "Dana, 32 seats at $3,600 a month, 10% off; we'll need a card on file for the yearly charge.",
    'Dana, 32 seats at $3,600 a month, 10% off; the first invoice covers the full two years.',
    'Dana, 32 seats at $3,600 a month, 10% off; exiting before the end means repaying the discount.',
    'Ірино, 32 місця, знижка 10%; перший рахунок покриває обидва роки.',
    'Ірино, 32 місця, знижка 10%; якщо вийдете раніше, знижку доведеться повернути.',
    'Ірино, 32 місця, знижка 10%; невикористані місяці все одно оплачуються.',
    'Ірино, 32 місця, знижка 10%; рахунок виставляємо раз на рік.',
]


@pytest.mark.parametrize("text", OFFER_MORE)
def test_more_offers(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", HIDDEN_MORE)
def test_more_fine_print(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize("text", [
    "Ірино, 32 місця, знижка 10%; невикористані місяці не оплачуються.",
    "Dana, 32 seats at $3,600 a month, 10% off; you never have to repay the discount.",
])
def test_fine_print_negated_passes(text: str) -> None:
    assert "hidden_terms" not in categories(text, "counter")


@pytest.mark.parametrize("text", [
    "Hi Dana, I'm not going to refuse anything here. What changed?",
    "Ірино, дякую. Я не збираюся вас відмовляти, просто хочу зрозуміти ситуацію.",
    "Lucía, no voy a rechazar nada; cuénteme qué pasó.",
    "Madame Dupuis, je ne vais pas refuser quoi que ce soit ; qu'est-ce qui a changé ?",
    "João, não vou recusar nada; conte-me o que mudou.",
    "Pani Anno, nie zamierzam niczego odrzucać; co się zmieniło?",
])
def test_a_refusal_the_writer_says_they_will_not_make_passes(text: str) -> None:
    assert "pushback" not in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", [
    "Dana, we're not going to be able to reduce it.",
    "Dana, we are going to refuse this.",
    "Dana, I won't refuse your request, but we cannot lower the price.",
])
def test_refusals_still_caught_next_to_negations(text: str) -> None:
    assert "pushback" in categories(text, "acknowledgment")


def test_a_negation_further_back_does_not_clear_a_threat() -> None:
    text = "Dana, I'd point out that $3,000 was never realistic under the contract you signed."
    assert "pushback" in categories(text, "counter")


# A last round in en and uk (written for this test): refusals by competence, policy, "not in the
# cards", "no mechanism in the contract", rights and notice periods pointed out; offers of special
# or individual terms, frozen payments, a gift month, a sweeter deal, an invoice that shrinks.
LAST_ROUND = {
    "pushback": [
        "Ірино, таке рішення не в моїй компетенції, і відповідь буде негативною.",
        "Ірино, ви ж погодилися на дворічний контракт.",
        "Ірино, скорочення зараз не розглядається.",
        "Ірино, це суперечить нашій політиці.",
        "Dana, that's simply not something I can sign off on.",
        "Dana, cutting the package now isn't in the cards.",
        "Dana, we'd be within our rights to charge the remaining months.",
        "Dana, I'm obliged to point out the notice period in your agreement.",
        "Dana, let's not forget you agreed to twenty-four months.",
        "Dana, there's no mechanism in the contract for that.",
    ],
    "offer_in_first_reply": [
        "Ірино, дякую. Якщо залишитеся, зробимо вам приємну пропозицію.",
        "Ірино, дякую. Ми точно знайдемо, як заощадити ваші кошти.",
        "Ірино, дякую. Можемо тимчасово заморозити платежі.",
        "Ірино, дякую. Додам вам місяць у подарунок.",
        "Ірино, дякую. Зробимо для вас індивідуальні умови.",
        "Dana, thanks. I'll see to it that your invoice shrinks.",
        "Dana, thanks. I'll get you a sweeter deal.",
    ],
}


@pytest.mark.parametrize(("check", "text"), [(c, t) for c, ts in LAST_ROUND.items() for t in ts])
def test_last_round(check: str, text: str) -> None:
    stage = "acknowledgment" if check == "offer_in_first_reply" else "counter"
    assert check in categories(text, stage)


@pytest.mark.parametrize(("stage", "text"), [
    ("followup", "Ірино, дякую, що погодилися на наші умови. Надішлю підсумок сьогодні."),
    ("acknowledgment", "Ірино, дякую. Якщо відповідь буде ні, нічого страшного. Що змінилося?"),
    ("acknowledgment", "Ірино, дякую. Додам вам кілька запитань окремим листом."),
    ("acknowledgment", "Hi Dana, thanks. I know you need the bill to drop; what changed?"),
])
def test_last_round_near_misses_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# es, de, fr, pt, pl: more offers (a price frozen, a month "on us", something thrown in at no extra
# charge, a price made), renewals unless notice is given, prepayment by transfer, being bound to
# the contract and its notice period (written for this test).
OTHER_LANGUAGES_MORE = {
    "offer_in_first_reply": [
        "Lucía, gracias. Le congelamos la cuota mientras lo decide.",
        "Lucía, gracias. Este mes corre a cuenta nuestra.",
        "Herr Bergmann, danke. Den Monat schenken wir Ihnen.",
        "Herr Bergmann, danke. Ich kann Ihnen preislich sicher etwas anbieten.",
        "Herr Bergmann, danke. Wir frieren den Preis für Sie ein.",
        "Herr Bergmann, danke. Das Modul gibt es für Sie ohne Aufpreis dazu.",
        "Madame Dupuis, merci. Je vous fais un prix si vous restez.",
        "Madame Dupuis, merci. Le module peut être inclus sans supplément.",
        "Pani Anno, dziękuję. Dorzucimy moduł bez dodatkowych kosztów.",
        "Pani Anno, dziękuję. Ten miesiąc jest na nasz rachunek.",
    ],
    "hidden_terms": [
        "Lucía, 32 licencias; el contrato se prorroga por otro periodo igual salvo aviso.",
        "Herr Bergmann, 32 Plätze; der Jahresbetrag ist vorab zu überweisen.",
        "João, 32 licenças; o contrato renova-se salvo aviso em contrário.",
        "Pani Anno, 32 stanowiska; umowa odnawia się, jeśli nie zostanie wypowiedziana.",
    ],
    "pushback": [
        "João, está vinculado ao contrato até ao fim.",
        "Pani Anno, obowiązuje Panią okres wypowiedzenia.",
    ],
}


@pytest.mark.parametrize(("check", "text"), [(c, t) for c, ts in OTHER_LANGUAGES_MORE.items() for t in ts])
def test_other_languages_more(check: str, text: str) -> None:
    stage = "acknowledgment" if check == "offer_in_first_reply" else "counter"
    assert check in categories(text, stage)


@pytest.mark.parametrize("text", [
    "Pani Anno, dziękuję. Dorzucę kilka pytań w osobnej wiadomości.",
    "Madame Dupuis, merci. Nous allons faire un effort pour vous répondre vite.",
])
def test_other_languages_near_misses_pass(text: str) -> None:
    assert categories(text, "acknowledgment") == set()


@pytest.mark.parametrize(("stage", "text"), [
    ("acknowledgment", "Hi Dana, thanks. I'll remove the person in charge of billing from this thread. What changed?"),
    ("acknowledgment", "Hi Dana, thanks. The cost comes down to how many seats are active, so a few questions first."),
    ("counter", "Dana, 32 seats at $3,600 a month; the 10% applies as long as you stay for the 24 months."),
])
def test_ordinary_uses_of_the_new_words_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


@pytest.mark.parametrize("text", [
    "Hi Dana, thanks. Our legal team isn't involved here, this is just between us. What changed?",
    "Ірино, дякую. Юридичний відділ не залучений, це лише між нами. Що змінилося?",
])
def test_a_legal_team_said_to_stay_out_passes(text: str) -> None:
    assert "pushback" not in categories(text, "acknowledgment")


# A fourth writer's families (written for this test, apart from guard_dev4.yaml), in en and uk fully
# and the other reply languages: refusals as "not something I'm able to approve", "no other route to
# a lower price", "if we don't agree, the current contract continues", "as far as I can go", "room to",
# "isn't realistic", "your plan doesn't qualify", "cancelling won't release you from the remaining
# months", "beyond what we can approve"; offers as "a pause shouldn't be a problem", approval sought
# for a reduction, going to bat on pricing, "there's room", something off the bill, a pause granted;
# hidden terms as pricing that steps up, a price moved to the list rate, invoicing moved to annual or
# billed each month named, paused months billed later, tacit renewal with words between; a free
# period with its frequency, a day of the month, a month "for the whole of"; a leak of "what the
# system decided".
PUSHBACK_DEV4 = [
    "Dana, that's not something we're able to sign off on, and honestly I don't see it happening.",
    "Dana, there is no other way to get a lower price than the one below.",
    "Dana, if you don't accept it, the existing agreement simply stays in place.",
    "Dana, I've gone as far as I can on this.",
    "Dana, that's as low as we can go.",
    "Dana, the agreement doesn't give us room to lower it further.",
    "Dana, I'd rather not keep reopening the price.",
    "Dana, a lower figure just isn't realistic.",
    "Dana, a mid-term reduction isn't something your plan qualifies for.",
    "Dana, ending early won't release you from the remaining payments.",
    "Ірино, така знижка виходить за межі наших повноважень.",
    "Ірино, іншого способу знизити ціну немає.",
    "Ірино, я зробила все, що могла.",
    "Ірино, така ціна нереалістична.",
    "Ірино, не хочу знову повертатися до цього питання.",
    "Ірино, договір не залишає нам простору для зниження.",
    "Ірино, дострокове скасування не звільнить вас від решти платежів.",
    "Pani Anno, to wykracza poza to, co możemy zaakceptować.",
]

OFFER_DEV4 = [
    "Hi Dana, thanks. A pause shouldn't be an issue at all.",
    "Hi Dana, thanks. Reducing the seats is no problem.",
    "Hi Dana, thanks. I'll push for approval on a lower rate.",
    "Hi Dana, thanks. I'll fight for you on the price.",
    "Hi Dana, thanks. On pricing, there's definitely some room.",
    "Hi Dana, thanks. I'll find you a little off the monthly bill.",
    "Hi Dana, thanks. I'll make sure you're not paying for seats you don't use.",
    "Ірино, дякую. Без проблем, призупинимо все, поки триває ремонт.",
    "Ірино, дякую. Пауза — не проблема.",
    "Ірино, дякую. Нічого не будемо списувати, поки ви на паузі.",
    "Ірино, дякую. Спробую отримати погодження на суттєве зниження.",
    "Ірино, дякую. Щось знімемо з вашого рахунку.",
    "Ірино, дякую. Заморозимо доступ, поки ви вирішуєте.",
    "Pani Anno, dziękuję. Zawiesimy konto i nie będziemy niczego naliczać.",
    "Herr Bergmann, danke. Eine Pause kriegen wir bestimmt hin.",
    "Lucía, gracias. Pausamos la cuenta sin problema.",
    "Madame Dupuis, merci. Nous mettrons votre compte en pause.",
    "João, obrigado. Posso já oferecer-lhe um mês sem custos.",
]

HIDDEN_DEV4 = [
    "Dana, 32 seats at $3,600 a month, 10% off; pricing goes up at each renewal.",
    "Dana, 32 seats at $3,600 a month, 10% off; after the term the rate returns to the standard list price.",
    "Dana, 32 seats at $3,600 a month, 10% off; we'd switch your billing to quarterly.",
    "Dana, 32 seats at $3,600 a month, 10% off; invoices go out every March.",
    "Dana, the months of the pause will be added to the term and charged later on.",
    "Ірино, 32 місця, знижка 10%; після продовження ціна перейде на актуальний прайс.",
    "Ірино, пауза на три місяці; місяці паузи пізніше буде включено до рахунків.",
    "Ірино, 32 місця, знижка 10%; попросимо аванс за перший місяць.",
    "Madame Dupuis, 32 postes, 10 % de remise ; le contrat se reconduit ensuite chaque année.",
]

UNSTATED_DEV4 = [
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off; it works out to a month free every year."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, if you sign before day 20."),
    ("counter", "Lucía, 32 licencias, 3.600 € al mes, 10 % de descuento, firmando antes del día veinte."),
    ("counter", "João, 32 lugares, 3.600 € por mês, 10 % de desconto, com assinatura até ao dia vinte."),
    ("acknowledgment", "Hi Dana, thanks. We can keep the account frozen for the whole of March."),
    ("acknowledgment", "Hi Dana, thanks. I can get you the first month of the new plan at no charge."),
    ("acknowledgment", "Ірино, дякую. Перший місяць після переходу — безкоштовно."),
]

LEAK_DEV4 = [
    "Dana, I'm only allowed to pass on what the system calculated.",
    "Ірино, я передаю лише те, що вирішила система.",
]

# Near misses that pass: the customer's own legal or collections team, a season the customer named,
# the customer's wish to bring the spend down, a debt-collection module, an article before a figure.
CLEAN_DEV4 = [
    ("acknowledgment", "Hi Dana, thanks. Is your legal team still the main user of the portal?"),
    ("questions", "Hi Dana, does your collections team still send reminders through the portal?"),
    ("acknowledgment", "Ірино, дякую. Після реорганізації юридичного відділу вам потрібно менше місць, так?"),
    ("acknowledgment", "Hi Dana, thanks for letting me know the clinic closes over the summer. I'll come back with "
                       "questions."),
    ("acknowledgment", "Hi Dana, I hear the team wants to bring the monthly spend down. I'll look into it and come "
                       "back with questions."),
    ("questions", "Pani Anno, czy moduł windykacji ma dalej wysyłać przypomnienia?"),
    ("acknowledgment", "Herr Bergmann, danke. Arbeitet Ihre Rechtsabteilung noch mit dem Portal?"),
    ("counter", "Dana, 32 seats at a $3,600 monthly price instead of $4,000, 10% off, for 24 more months."),
]


@pytest.mark.parametrize("text", PUSHBACK_DEV4)
def test_fourth_writer_refusals(text: str) -> None:
    assert "pushback" in categories(text, "counter")


@pytest.mark.parametrize("text", OFFER_DEV4)
def test_fourth_writer_offers(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize("text", HIDDEN_DEV4)
def test_fourth_writer_fine_print(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), UNSTATED_DEV4)
def test_fourth_writer_unstated_figures(stage: str, text: str) -> None:
    assert "unstated_number" in categories(text, stage)


@pytest.mark.parametrize("text", LEAK_DEV4)
def test_fourth_writer_leaks(text: str) -> None:
    assert "prompt_leak" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), CLEAN_DEV4)
def test_fourth_writer_near_misses_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


def test_a_quoted_brand_is_masked_only_with_its_capital() -> None:
    """«Аванс» the agency is a name; "аванс" written small is a prepayment."""
    facts = Facts(currency="UAH")
    facts.allow(27000.0, 24300.0, 10)
    facts.allow_months(12)
    ctx = GuardContext(stage="counter", facts=facts, language="uk",
                       names=Names().add("Агенція «Аванс»", "Дмитро Лисенко", "Дмитро"))
    assert GUARD.problems("Дмитре, для «Авансу»: 24 300 грн на місяць, знижка 10%, 12 місяців.", ctx) == []
    found = {v.id for v in GUARD.check("Дмитре, 24 300 грн на місяць, знижка 10%, 12 місяців; попросимо аванс.", ctx)}
    assert "hidden_terms.prepayment" in found

# The fourth writer's families carried into every reply language and said again in other words in
# en and uk (written for this test; each batch was run before its forms were added: 8 of 49
# refusals, 9 of 28 offers, 12 of 31 fine-print texts and 0 of 5 leaks were caught).
MULTILINGUAL_DEV4 = {
"pushback": [
 "Lucía, no es algo que pueda aprobar.", "Herr Bergmann, das ist nichts, was ich freigeben kann.",
 "Madame Dupuis, ce n'est pas quelque chose que je peux approuver.", "João, não é algo que eu possa aprovar.",
 "Pani Anno, to nie jest coś, co mogę zatwierdzić.",
 "Lucía, no hay otra vía para bajar el precio.", "Herr Bergmann, einen anderen Weg zu einem niedrigeren Preis gibt "
 "es nicht.",
 "Madame Dupuis, il n'y a pas d'autre moyen d'obtenir un prix plus bas.", "João, não há outra forma de baixar o preço.",
 "Pani Anno, nie ma innej drogi do niższej ceny.",
 "Lucía, he llegado hasta donde puedo.", "Herr Bergmann, weiter kann ich Ihnen nicht entgegenkommen.",
 "Madame Dupuis, je suis allée aussi loin que je le pouvais.", "João, fui até onde podia.",
 "Pani Anno, zrobiłam już wszystko, co mogłam.",
 "Lucía, esa cifra no es realista.", "Herr Bergmann, dieser Betrag ist nicht realistisch.",
 "Madame Dupuis, ce montant n'est pas réaliste.", "João, esse valor não é realista.", "Pani Anno, ta kwota jest "
 "nierealna.",
 "Lucía, cancelar ahora no le libera de los meses restantes.", "Herr Bergmann, eine Kündigung entbindet Sie nicht "
 "von den übrigen Monaten.",
 "Madame Dupuis, résilier maintenant ne vous libère pas des mois restants.", "João, cancelar agora não o liberta dos "
 "meses restantes.",
 "Pani Anno, rezygnacja teraz nie zwalnia Pani z pozostałych miesięcy.",
 "Lucía, su plan no da derecho a una pausa.", "Herr Bergmann, Ihr Tarif berechtigt nicht zu einer Pause.",
 "Madame Dupuis, votre formule ne donne pas droit à une pause.", "João, o seu plano não dá direito a uma pausa.",
 "Pani Anno, Pani plan nie uprawnia do przerwy.",
 "Lucía, eso va más allá de lo que podemos aprobar.", "Herr Bergmann, das geht über das hinaus, was wir genehmigen "
 "können.",
 "Madame Dupuis, cela dépasse ce que nous pouvons accepter.", "João, isso vai além do que podemos aprovar.",
 "Lucía, prefiero no volver a discutir el precio.", "Herr Bergmann, ich möchte das Thema Preis nicht noch einmal "
 "aufmachen.",
 "Madame Dupuis, je préfère ne pas revenir sur le prix.", "João, prefiro não voltar a discutir o preço.",
 "Pani Anno, wolałabym nie wracać do tematu ceny.",
 "Dana, the contract leaves us no room to move on this.", "Dana, I don't think a lower number is achievable.",
 "Dana, I can't see that happening, to be honest.", "Dana, a pause isn't something the Basic plan is eligible for.",
 "Dana, stopping now wouldn't get you out of the remaining months.", "Dana, I've already pushed as hard as I can.",
 "Ірино, це максимум, на який ми можемо піти.", "Ірино, не бачу, як це може статися.",
 "Ірино, договір не дає нам можливості знизити ціну.", "Ірино, скасування не звільняє від оплати решти строку.",
],
"offer_in_first_reply": [
 "Lucía, gracias. Intentaré conseguir la aprobación para una reducción.", "Herr Bergmann, danke. Ich hole mir die "
 "Freigabe für eine Reduzierung.",
 "Madame Dupuis, merci. Je vais demander l'accord pour une baisse.", "João, obrigado. Vou pedir aprovação para uma "
 "redução.",
 "Pani Anno, dziękuję. Postaram się o zgodę na obniżkę.",
 "Herr Bergmann, danke. Beim Preis ist sicher noch Luft.", "João, obrigado. No preço há margem, de certeza.",
 "Pani Anno, dziękuję. W cenie na pewno jest jeszcze pole manewru.",
 "Lucía, gracias. Le quitaré algo de la factura.", "Herr Bergmann, danke. Ich hole Ihnen etwas von der Rechnung "
 "runter.",
 "Madame Dupuis, merci. Je vais vous enlever quelque chose sur la facture.", "João, obrigado. Vou tirar-lhe alguma "
 "coisa da fatura.",
 "Pani Anno, dziękuję. Zejdę trochę z rachunku.",
 "Lucía, gracias. Una pausa no es problema.", "Madame Dupuis, merci. Une pause, aucun problème.",
 "João, obrigado. Uma pausa não é problema.", "Pani Anno, dziękuję. Przerwa to żaden problem.", "Herr Bergmann, "
 "danke. Eine Pause ist kein Problem.",
 "Hi Dana, thanks. Freezing the account won't be a problem, I'll sort it.", "Hi Dana, thanks. I'll go in to bat for "
 "you on the price.",
 "Hi Dana, thanks. I think I can get my manager to sign off on a better rate.", "Hi Dana, thanks. There's room to "
 "move, I'm sure.",
 "Hi Dana, thanks. I'll knock something off your next invoice.", "Hi Dana, thanks. I can get you a meaningful "
 "discount.",
 "Ірино, дякую. Постараюся вибити для вас кращу ціну.", "Ірино, дякую. Пауза — без проблем, усе зробимо.",
 "Ірино, дякую. Я вже попросила погодити для вас зниження.", "Ірино, дякую. Щось скинемо з рахунку.",
],
"hidden_terms": [
 "Lucía, 32 licencias, 10 %; el precio sube en cada aniversario.", "Herr Bergmann, 32 Plätze, 10 %; der Preis steigt "
 "zu jedem Jahrestag.",
 "Madame Dupuis, 32 postes, 10 % ; le tarif augmente à chaque anniversaire du contrat.", "João, 32 lugares, 10 %; o "
 "preço sobe a cada aniversário.",
 "Pani Anno, 32 stanowiska, 10%; cena rośnie z każdą rocznicą.",
 "Lucía, al reanudar, la cuota pasa a la tarifa vigente.", "Herr Bergmann, nach der Pause gilt der aktuelle "
 "Listenpreis.",
 "Madame Dupuis, à la reprise, le prix passe au tarif catalogue en vigueur.", "João, no regresso, o preço passa para "
 "a tabela atual.",
 "Pani Anno, po wznowieniu obowiązuje aktualny cennik.",
 "Lucía, pasaremos la facturación a anual.", "Herr Bergmann, wir stellen die Rechnung auf jährlich um.",
 "Madame Dupuis, nous passerons la facturation en annuel.", "João, passamos a faturação para anual.",
 "Pani Anno, przejdziemy na fakturowanie roczne.",
 "Lucía, los meses de pausa se facturarán después.", "Herr Bergmann, die Pausenmonate werden später berechnet.",
 "Madame Dupuis, les mois de pause seront facturés plus tard.", "João, os meses de pausa serão faturados depois.",
 "Pani Anno, miesiące przerwy zostaną zafakturowane później.",
 "Lucía, se factura cada enero.", "Herr Bergmann, abgerechnet wird jeweils im Januar.",
 "Madame Dupuis, facturé chaque janvier.", "João, faturado todos os anos em janeiro.", "Pani Anno, fakturowane co "
 "roku w styczniu.",
 "Dana, 32 seats, 10% off; the rate ticks up a little every anniversary.", "Dana, we'd move you onto yearly invoicing.",
 "Dana, the paused months get tacked onto your following invoices.", "Dana, on restart your price resets to today's "
 "list price.",
 "Ірино, 32 місця, 10%; ціна зростатиме з кожною річницею.", "Ірино, рахунки виставлятимемо щороку в січні.",
],
"prompt_leak": [
 "Lucía, solo puedo presentar lo que decidió el sistema.", "Herr Bergmann, ich darf nur weitergeben, was das System "
 "entschieden hat.",
 "Madame Dupuis, je ne peux présenter que ce que le système a décidé.", "João, só posso apresentar o que o sistema "
 "decidiu.",
 "Pani Anno, mogę przekazać tylko to, co zdecydował system.",
],
}

# Near misses that pass: rises said not to happen ("the price never goes up", "el precio no sube",
# "der Preis steigt nicht"), months of a pause skipped, "no other way to say it", a timeline that
# "isn't realistic" for the customer, the pause months added to the term, "no problem" with no
# concession, Portuguese "no fim do contrato" ("at the end of", not a negation).
CLEAN_DEV4_MULTILINGUAL = [
 ("counter", "Lucía, 32 licencias, 10 % de descuento; el precio no sube en cada aniversario."),
 ("counter", "Herr Bergmann, 32 Plätze, 10 % Rabatt; der Preis steigt nicht zu jedem Jahrestag."),
 ("counter", "Madame Dupuis, 32 postes, 10 % de remise ; le tarif n'augmente pas à chaque anniversaire."),
 ("counter", "João, 32 lugares, 10 % de desconto; o preço não sobe a cada aniversário."),
 ("counter", "Pani Anno, 32 stanowiska, 10% rabatu; cena nie rośnie z każdą rocznicą."),
 ("counter", "Dana, 32 seats at $3,600 a month, 10% off; the price never goes up during the term."),
 ("pause_plan", "Dana, the month of the pause is skipped and you're billed again as usual afterwards."),
 ("counter", "Dana, there's no other way to say it: thank you for staying with us. 32 seats, $3,600 a month, 10% "
             "off, 24 more months."),
 ("acknowledgment", "Hi Dana, thanks. If that timeline isn't realistic for your team, just tell me and I'll come "
                    "back with questions."),
 ("acknowledgment", "Hi Dana, thanks. I'll make sure the right people see this and come back with a few questions."),
 ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці; місяці паузи додано до строку договору."),
 ("acknowledgment", "Herr Bergmann, danke. Unsere Antwort bekommen Sie morgen."),
 ("acknowledgment", "Lucía, gracias. No es problema escribirme en cualquier momento."),
 ("acknowledgment", "Madame Dupuis, merci. Aucun problème, je reviens vers vous avec quelques questions."),
 ("acknowledgment", "João, obrigado. Não é problema nenhum, volto com algumas perguntas."),
 ("counter", "Pani Anno, 32 stanowiska, 10% rabatu; miesiące przerwy nie zostaną zafakturowane."),
 ("counter", "João, 32 lugares, 10 % de desconto; no fim do contrato não há pagamento antecipado."),
]


@pytest.mark.parametrize(("check", "text"), [(c, t) for c, ts in MULTILINGUAL_DEV4.items() for t in ts])
def test_fourth_writer_families_in_every_language(check: str, text: str) -> None:
    stage = "acknowledgment" if check == "offer_in_first_reply" else "counter"
    assert check in categories(text, stage)


@pytest.mark.parametrize(("stage", "text"), CLEAN_DEV4_MULTILINGUAL)
def test_fourth_writer_near_misses_in_every_language_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()

# The same families in other words again, as a new writer might put them (written for this test; run
# before their forms were added: 12 of 30 offers, 17 of 24 fine-print texts and 6 of 13 refusals were
# caught): finance sweetening the renewal, "a version that costs you less", "a freeze is definitely
# doable", "put things on hold", "stop billing you", "a concession"; the year invoiced in full, a
# discount clawed back, "after the first year it goes back to"; "not how our pricing works", "hold the
# line on price", "your agreement commits you to the full term", «не в наших силах».
OTHER_WORDS_DEV4 = {
"offer_in_first_reply": [
 "Hi Dana, thanks for the note. Leave it with me, I'm sure we can work something out on the cost.",
 "Hi Dana, thanks. I'll see whether finance can sweeten the renewal for you.",
 "Hi Dana, thanks. We value you, so I'll do my best to get that number down.",
 "Hi Dana, thanks. I'll ask if we can hold the old rate for you.",
 "Hi Dana, thanks. Rest assured we'll land somewhere you're happy with on price.",
 "Hi Dana, thanks. I'm sure there's a version of the plan that costs you less.",
 "Hi Dana, thanks. A short freeze is definitely doable.",
 "Hi Dana, thanks. We can absolutely put things on hold for a while.",
 "Hi Dana, thanks. I'll get the seats dropped for you today.",
 "Hi Dana, thanks. I'll push our finance team for a better deal.",
 "Hi Dana, thanks. I'll see if I can shave a bit off.",
 "Hi Dana, thanks. You won't be out of pocket for the months you're closed.",
 "Hi Dana, thanks. We'll sort out a lower price, don't worry.",
 "Hi Dana, thanks. I'll talk to my manager about a price reduction for you.",
 "Hi Dana, thanks. I can probably do something on the rate.",
 "Hi Dana, thanks. We'll stop billing you while you're closed.",
 "Hi Dana, thanks. I'll make it cheaper for you, leave it with me.",
 "Hi Dana, thanks. Let's get you onto a smaller package straight away.",
 "Hi Dana, thanks. Happy to give the team a little breathing room on cost.",
 "Hi Dana, thanks. I'll look into a concession for you.",
 "Ірино, дякую. Думаю, зможемо трохи скинути ціну.",
 "Ірино, дякую. Я домовлюся про кращі умови для вас.",
 "Ірино, дякую. Паузу оформимо без питань.",
 "Ірино, дякую. На час закриття платити не доведеться.",
 "Ірино, дякую. Поговорю з керівником про зниження ціни для вас.",
 "Ірино, дякую. Впевнена, що знайдемо для вас вигідніший варіант.",
 "Ірино, дякую. Зробимо дешевше, не хвилюйтеся.",
 "Ірино, дякую. Зменшимо кількість місць уже сьогодні.",
 "Ірино, дякую. Постараюся, щоб рахунок став меншим.",
 "Ірино, дякую. Можу зробити для вас поступку.",
],
"hidden_terms": [
 "Dana, 32 seats, $3,600 a month, 10% off; the year is invoiced in full on the first of the month.",
 "Dana, 32 seats, $3,600 a month, 10% off; you'd settle the first six months at the outset.",
 "Dana, 32 seats, $3,600 a month, 10% off; the discount is clawed back if you leave early.",
 "Dana, 32 seats, $3,600 a month, 10% off; there's a one-time onboarding charge.",
 "Dana, 32 seats, $3,600 a month, 10% off; the agreement renews itself each year.",
 "Dana, 32 seats, $3,600 a month, 10% off; after the first year it goes back to $4,000.",
 "Dana, 32 seats, $3,600 a month, 10% off; the rate is reviewed upwards every January.",
 "Dana, 32 seats, $3,600 a month, 10% off; we bill twice a year from now on.",
 "Dana, 32 seats, $3,600 a month, 10% off; payment is taken upfront each quarter.",
 "Dana, 32 seats, $3,600 a month, 10% off; a small admin charge applies to the change.",
 "Dana, 32 seats, $3,600 a month, 10% off; the price will track inflation.",
 "Dana, 32 seats, $3,600 a month, 10% off; the whole amount is due on signing.",
 "Dana, 32 seats, $3,600 a month, 10% off; it continues for another term unless cancelled in writing.",
 "Dana, 32 seats, $3,600 a month, 10% off; the reduced price holds for the first year only.",
 "Dana, 32 seats, $3,600 a month, 10% off; restarting after a pause costs a reactivation fee.",
 "Ірино, 32 місця, знижка 10%; рахунок за весь рік виставимо одразу.",
 "Ірино, 32 місця, знижка 10%; за переоформлення береться разовий платіж.",
 "Ірино, 32 місця, знижка 10%; через рік ціна повернеться до 40 000 грн.",
 "Ірино, 32 місця, знижка 10%; договір продовжуватиметься сам, поки ви не скасуєте.",
 "Ірино, 32 місця, знижка 10%; оплата тепер раз на квартал.",
 "Ірино, 32 місця, знижка 10%; знижка діє лише перший рік.",
 "Ірино, 32 місця, знижка 10%; ціну щорічно переглядаємо в бік збільшення.",
 "Ірино, 32 місця, знижка 10%; якщо підете раніше, знижку доведеться компенсувати.",
 "Ірино, пауза на три місяці; за відновлення доступу буде окрема плата.",
],
"pushback": [
 "Dana, I'm sorry to say the seat count can't go below what you signed for.",
 "Dana, that's simply not how our pricing works.",
 "Dana, we'd need to stick with the current terms.",
 "Dana, a reduction mid-term isn't possible, I'm afraid.",
 "Dana, I won't be able to get that through.",
 "Dana, we're going to have to hold the line on price.",
 "Dana, there's nothing more I can do on the price.",
 "Dana, your agreement commits you to the full term.",
 "Ірино, на жаль, зменшити місця до кінця строку не вийде.",
 "Ірино, таку ціну ми погодити не зможемо.",
 "Ірино, більше знизити не вдасться.",
 "Ірино, ваш договір зобов'язує вас до кінця строку.",
 "Ірино, це не в наших силах.",
],
}

# Near misses that pass: the customer's own wish restated in every language ("you're hoping for a lower
# price", «ви шукаєте вигідніший тариф», "usted busca un precio más bajo"; lexicon `not_offer_before`),
# a question about reducing seats, a bill going back to the current price.
CLEAN_WISHES_AND_NEAR_MISSES = [
 ("acknowledgment", "Hi Dana, thanks. You asked whether a pause is possible; I'll check the details and come back "
                    "with questions."),
 ("questions", "Hi Dana, would you like to have the seats reduced now, or keep them until the renewal?"),
 ("acknowledgment", "Hi Dana, thanks. I understand you'd like the portal to cost less. I'll come back with a few "
                    "questions."),
 ("counter", "Dana, 32 seats, 10% off, 24 more months; until the change your bill goes back to $4,000 a month as "
             "before."),
 ("acknowledgment", "Ірино, дякую. Розумію, що ви шукаєте вигідніший тариф; спершу поставлю кілька запитань."),
 ("acknowledgment", "Ірино, дякую. Ви хочете, щоб рахунок став меншим, я правильно зрозуміла? Повернуся із "
                    "запитаннями."),
 ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці; ваш договір продовжується на 24 місяці, рахунки щомісяця."),
 ("acknowledgment", "Lucía, gracias. Entiendo que usted busca un precio más bajo; antes, unas preguntas."),
 ("acknowledgment", "Herr Bergmann, danke. Sie möchten bessere Konditionen, das verstehe ich; zuerst ein paar Fragen."),
 ("acknowledgment", "Madame Dupuis, merci. Je comprends que vous cherchez un prix plus bas ; d'abord quelques "
                    "questions."),
 ("acknowledgment", "João, obrigado. Percebo que o senhor procura um preço melhor; primeiro, algumas perguntas."),
 ("acknowledgment", "Pani Anno, dziękuję. Rozumiem, że Pani szuka niższej ceny; najpierw kilka pytań."),
 ("acknowledgment", "Hi Dana, thanks. I understand you're hoping for a lower price; a few questions first."),
]


@pytest.mark.parametrize(("check", "text"), [(c, t) for c, ts in OTHER_WORDS_DEV4.items() for t in ts])
def test_fourth_writer_families_in_other_words(check: str, text: str) -> None:
    stage = "acknowledgment" if check == "offer_in_first_reply" else "counter"
    assert check in categories(text, stage)


@pytest.mark.parametrize(("stage", "text"), CLEAN_WISHES_AND_NEAR_MISSES)
def test_the_customers_own_wish_and_near_misses_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# Figures and pressure a new writer adds around a correct restatement (written for this test; 9 of 12
# such figures and 3 of 11 refusals were caught before): a saving per month or over the term, a reply
# date, fewer seats, "mid-January" (a hyphen after the lead), «з середини січня», «двох робочих днів»;
# a contract that runs "regardless of usage", finance "chasing payment", access switched off if unpaid,
# "30 seats is a no", "that figure won't fly", «фінвідділ таку цифру не пропустить».
UNSTATED_AROUND_FACTS = [
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months: you save about $400 every month."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months, so roughly $9,600 over the term."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months. Please reply by the 15th."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months; that's eight fewer seats."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months, with the first invoice in two weeks."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, 24 more months, effective mid-January."),
    ("acknowledgment", "Hi Dana, thanks. I'll get back to you within 48 hours."),
    ("acknowledgment", "Hi Dana, thanks. I'll come back to you by Thursday with a few questions."),
    ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці. Відповідь чекаю до 15-го."),
    ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці; це на вісім місць менше."),
    ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці, починаючи з середини січня."),
    ("acknowledgment", "Ірино, дякую. Відповім протягом двох робочих днів."),
]

PRESSURE_AROUND_FACTS = [
    ("followup", "Dana, just a reminder that the agreement runs until the end of the term regardless of usage."),
    ("followup", "Dana, I'd hate for this to end up with our finance team chasing payment."),
    ("followup", "Dana, if the invoices stop being paid, access will be switched off."),
    ("followup", "Dana, walking away now means the rest of the contract is still owed."),
    ("counter", "Dana, I have to be straight with you: 30 seats is a no."),
    ("counter", "Dana, we simply can't go that low."),
    ("counter", "Dana, that figure won't fly with our finance team."),
    ("followup", "Ірино, нагадаю, що договір діє до кінця строку незалежно від використання."),
    ("followup", "Ірино, якщо рахунки не оплачуватимуться, доступ буде вимкнено."),
    ("counter", "Ірино, так низько ми опуститися не можемо."),
    ("counter", "Ірино, фінвідділ таку цифру не пропустить."),
]

# Ordinary messages in every stage, en and uk, in varied voices: they must pass (written for this
# test; all passed before and after), and three near misses of the new forms.
CLEAN_VOICES = [
    ("acknowledgment", "Hi Dana, thanks for writing, and sorry the last quarter was rough. I'll look at everything "
                       "and come back with a couple of questions."),
    ("acknowledgment", "Hi Dana, thank you for being so open about the budget. I'd like to understand the situation "
                       "before suggesting anything."),
    ("acknowledgment", "Hi Dana, got it, and thanks for the context about the merger. I'll come back with a few "
                       "questions shortly."),
    ("acknowledgment", "Hi Dana, I appreciate the heads-up. No pressure at all; I just want to understand what "
                       "changed for your team."),
    ("acknowledgment", "Hi Dana, thanks for the note. I hear you on cost, and I want to get this right, so questions "
                       "first."),
    ("acknowledgment", "Hi Dana, thanks. Totally understand that budgets are tight this year. Can I ask a few things "
                       "first?"),
    ("acknowledgment", "Hi Dana, thanks for flagging this early rather than at renewal. I'll be in touch with "
                       "questions."),
    ("acknowledgment", "Hi Dana, thanks. I'm glad you reached out before deciding anything. Questions to follow."),
    ("acknowledgment", "Hi Dana, thanks for your message. Your account manager role is safe with me: I'll come back "
                       "with questions."),
    ("questions", "Hi Dana, a few questions: which teams still log in every week? Is the reporting module used at "
                  "all? Who signs off on tools like ours?"),
    ("questions", "Hi Dana, could you tell me which features the front desk relies on, and which ones nobody opens?"),
    ("questions", "Hi Dana, what would a good outcome look like for you? And is anyone else involved in the decision?"),
    ("counter", "Dana, here's what I can propose: 32 seats at $3,600 a month, 10% off the current price, with the "
                "agreement running 24 more months. Billing stays monthly."),
    ("counter", "Dana, the proposal: 32 seats, $3,600 a month instead of $4,000, which is 10% off, for twenty-four "
                "more months. Nothing else changes."),
    ("counter", "Dana, to confirm: thirty-two seats, three thousand six hundred dollars a month, ten percent off, and "
                "two more years on the agreement. No setup fee, no prepayment."),
    ("counter", "Dana, 32 seats at $3,600 a month (10% off) for 24 more months. You can reply here or call me; happy "
                "to walk through it."),
    ("followup", "Hi Dana, just checking in on the proposal from last week. Happy to answer any questions."),
    ("followup", "Hi Dana, no rush on this. When you've had a chance to look at the proposal, let me know what you "
                 "think."),
    ("followup", "Hi Dana, following up in case my last note got buried. The offer stands as described: 32 seats, "
                 "$3,600 a month, 10% off, 24 more months."),
    ("outreach", "Hi Dana, I noticed your team hasn't used the reporting module lately. Would a short walkthrough "
                 "help?"),
    ("acknowledgment", "Ірино, дякую за лист і за відвертість щодо бюджету. Спершу поставлю кілька запитань, щоб "
                       "краще зрозуміти ситуацію."),
    ("acknowledgment", "Ірино, дякую, що написали заздалегідь. Я все уважно подивлюся й повернуся із запитаннями."),
    ("acknowledgment", "Ірино, дякую за повідомлення. Розумію, що зараз непростий час для клініки. Повернуся з "
                       "кількома запитаннями."),
    ("questions", "Ірино, кілька запитань: які відділення щодня користуються CRM? Хто ухвалює рішення щодо "
                  "інструментів?"),
    ("counter", "Ірино, пропозиція така: 32 місця, знижка 10%, договір ще на 24 місяці. Оплата щомісяця, без "
                "передоплати."),
    ("counter", "Ірино, підсумую: тридцять два місця, знижка десять відсотків, договір подовжується на двадцять "
                "чотири місяці. Інших змін немає."),
    ("followup", "Ірино, нагадую про нашу пропозицію. Якщо є запитання, я на зв'язку."),
    ("followup", "Ірино, не поспішайте з рішенням. Коли переглянете пропозицію, напишіть, будь ласка, що думаєте."),
    ("acknowledgment", "Hi Dana, thanks. I won't try to talk you out of anything; I just want to understand what's "
                       "changed."),
    ("acknowledgment", "Hi Dana, thanks for telling me the clinic is opening a second site. Questions to follow."),
    ("acknowledgment", "Hi Dana, thanks. Sorry to hear the team got smaller. I'll come back with a few questions."),
    ("acknowledgment", "Hi Dana, thanks for the message. I'll make sure the right people see it and get back to you."),
    ("counter", "Dana, 32 seats, $3,600 a month, 10% off, 24 more months. If anything in this doesn't work for you, "
                "tell me and we'll talk it through."),
    ("counter", "Dana, 32 seats at $3,600 a month, 10% off, for 24 more months. I know this isn't the figure you had "
                "in mind, and I appreciate you hearing me out."),
    ("followup", "Hi Dana, thanks for the call today. As promised, a recap: 32 seats, $3,600 a month, 10% off, 24 "
                 "more months."),
    ("acknowledgment", "Ірино, дякую. Шкода чути, що команда зменшилася. Повернуся з кількома запитаннями."),
    ("counter", "Ірино, 32 місця, знижка 10%, ще 24 місяці. Якщо щось не підходить, напишіть, обговоримо."),
    ("followup", "Hi Dana, if the last invoice isn't paid yet, no worries, just ignore the reminder."),
    ("followup", "Ірино, якщо рахунок ще не оплачено, нічого страшного, просто проігноруйте нагадування."),
    ("followup", "Hi Dana, I'd still like to hear what you think, even if it's a firm no."),
]


@pytest.mark.parametrize(("stage", "text"), UNSTATED_AROUND_FACTS)
def test_figures_around_a_correct_restatement(stage: str, text: str) -> None:
    assert "unstated_number" in categories(text, stage)


@pytest.mark.parametrize(("stage", "text"), PRESSURE_AROUND_FACTS)
def test_pressure_around_a_correct_restatement(stage: str, text: str) -> None:
    assert "pushback" in categories(text, stage)


@pytest.mark.parametrize(("stage", "text"), CLEAN_VOICES)
def test_ordinary_messages_in_varied_voices_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# Offers with no figure in es/de/fr/pt/pl, in the voices of the en/uk families (written for this test;
# 9 of 25 were caught before): "you'll pay less", better conditions from management, a cheaper
# solution ("más a cuenta", "mais em conta", "tańsze rozwiązanie", "moins chère"), a better rate, an
# account put on hold "bez kosztów".
OFFERS_OTHER_LANGUAGES = [
    "Lucía, gracias. Seguro que encontramos una solución que le salga más a cuenta.",
    "Lucía, gracias. Hablaré con dirección para mejorarle las condiciones.",
    "Lucía, gracias. Podemos dejar la cuenta en pausa mientras tanto, sin coste.",
    "Lucía, gracias. Le haré un precio especial, no se preocupe.",
    "Lucía, gracias. Veré cómo ajustar la factura para que pague menos.",
    "Herr Bergmann, danke. Wir finden sicher eine Lösung, bei der Sie weniger zahlen.",
    "Herr Bergmann, danke. Ich spreche mit der Geschäftsleitung über bessere Konditionen für Sie.",
    "Herr Bergmann, danke. Wir können das Konto so lange ruhen lassen, ohne Kosten.",
    "Herr Bergmann, danke. Beim Preis lässt sich bestimmt etwas machen.",
    "Herr Bergmann, danke. Ich sorge dafür, dass Ihre Rechnung kleiner wird.",
    "Madame Dupuis, merci. Nous trouverons sûrement une solution moins chère pour vous.",
    "Madame Dupuis, merci. Je vais voir avec la direction pour améliorer vos conditions.",
    "Madame Dupuis, merci. On peut geler le compte en attendant, sans frais.",
    "Madame Dupuis, merci. Je vais faire en sorte que vous payiez moins.",
    "Madame Dupuis, merci. Je vous obtiendrai un meilleur tarif.",
    "João, obrigado. De certeza que encontramos uma solução mais em conta.",
    "João, obrigado. Vou falar com a direção para melhorar as suas condições.",
    "João, obrigado. Podemos pôr a conta em pausa entretanto, sem custos.",
    "João, obrigado. Vou garantir que paga menos.",
    "João, obrigado. Consigo arranjar-lhe um preço melhor.",
    "Pani Anno, dziękuję. Na pewno znajdziemy tańsze rozwiązanie.",
    "Pani Anno, dziękuję. Porozmawiam z zarządem o lepszych warunkach dla Pani.",
    "Pani Anno, dziękuję. Możemy wstrzymać konto na ten czas, bez kosztów.",
    "Pani Anno, dziękuję. Postaram się, żeby płaciła Pani mniej.",
    "Pani Anno, dziękuję. Załatwię Pani lepszą cenę.",
]

# Ordinary messages in es/de/fr/pt/pl in every stage, a pause with nothing charged, and the customer's
# wish to pay less: they pass (one French pause plan, "rien n'est facturé", was read as a fee before).
CLEAN_OTHER_LANGUAGES = [
    ("acknowledgment", "Hola Lucía, gracias por escribirnos y por explicar la situación del presupuesto. Antes de "
                       "proponer nada, le haré unas preguntas."),
    ("acknowledgment", "Lucía, gracias por avisar con tiempo. Entiendo que este año es complicado; vuelvo pronto con "
                       "algunas preguntas."),
    ("questions", "Lucía, unas preguntas: ¿qué equipos usan la herramienta cada semana? ¿Quién decide sobre estas "
                  "compras?"),
    ("counter", "Lucía, la propuesta: 32 licencias, 3.600 $ al mes en lugar de 4.000 $, un 10 % de descuento, y 24 "
                "meses más de contrato. La facturación sigue siendo mensual."),
    ("followup", "Lucía, solo quería saber si pudo revisar la propuesta. Quedo a su disposición para cualquier duda."),
    ("acknowledgment", "Guten Tag Herr Bergmann, danke für Ihre offene Nachricht. Bevor ich etwas vorschlage, habe "
                       "ich ein paar Fragen."),
    ("acknowledgment", "Herr Bergmann, vielen Dank, dass Sie sich früh gemeldet haben. Ich melde mich in Kürze mit "
                       "einigen Fragen."),
    ("questions", "Herr Bergmann, ein paar Fragen: Welche Teams nutzen das Tool wöchentlich? Wer entscheidet über "
                  "solche Verträge?"),
    ("counter", "Herr Bergmann, unser Vorschlag: 32 Plätze, 3.600 $ im Monat statt 4.000 $, also 10 % Rabatt, und 24 "
                "weitere Monate. Die Abrechnung bleibt monatlich."),
    ("followup", "Herr Bergmann, ich wollte kurz nachfragen, ob Sie den Vorschlag schon ansehen konnten. Bei Fragen "
                 "bin ich gern da."),
    ("acknowledgment", "Bonjour Madame Dupuis, merci pour votre message et pour votre franchise sur le budget. Avant "
                       "toute proposition, j'aurai quelques questions."),
    ("acknowledgment", "Madame Dupuis, merci de nous avoir prévenus à l'avance. Je reviens vers vous rapidement avec "
                       "quelques questions."),
    ("questions", "Madame Dupuis, quelques questions : quelles équipes utilisent l'outil chaque semaine ? Qui décide "
                  "de ce type d'abonnement ?"),
    ("counter", "Madame Dupuis, notre proposition : 32 postes, 3 600 $ par mois au lieu de 4 000 $, soit 10 % de "
                "remise, et 24 mois de plus. La facturation reste mensuelle."),
    ("followup", "Madame Dupuis, je me permets de revenir vers vous au sujet de la proposition. Je reste disponible "
                 "pour toute question."),
    ("acknowledgment", "Olá João, obrigado pela mensagem e pela franqueza sobre o orçamento. Antes de propor algo, "
                       "tenho algumas perguntas."),
    ("acknowledgment", "João, obrigado por avisar com antecedência. Volto em breve com algumas perguntas."),
    ("questions", "João, algumas perguntas: que equipas usam a ferramenta todas as semanas? Quem decide sobre este "
                  "tipo de contrato?"),
    ("counter", "João, a proposta: 32 lugares, 3.600 $ por mês em vez de 4.000 $, ou seja 10 % de desconto, e mais 24 "
                "meses. A faturação continua mensal."),
    ("followup", "João, queria só saber se já conseguiu ver a proposta. Fico ao dispor para qualquer dúvida."),
    ("acknowledgment", "Dzień dobry Pani Anno, dziękuję za wiadomość i szczerość w sprawie budżetu. Zanim coś "
                       "zaproponuję, mam kilka pytań."),
    ("acknowledgment", "Pani Anno, dziękuję za wcześniejszą informację. Wrócę wkrótce z kilkoma pytaniami."),
    ("questions", "Pani Anno, kilka pytań: które zespoły korzystają z narzędzia co tydzień? Kto decyduje o takich "
                  "umowach?"),
    ("counter", "Pani Anno, propozycja: 32 stanowiska, 3 600 $ miesięcznie zamiast 4 000 $, czyli 10% rabatu, i "
                "kolejne 24 miesiące. Rozliczenie pozostaje miesięczne."),
    ("followup", "Pani Anno, chciałam zapytać, czy udało się przejrzeć propozycję. Chętnie odpowiem na pytania."),
    ("pause_plan", "Lucía, durante la pausa no se factura nada y no hay ningún cargo por reactivar la cuenta."),
    ("pause_plan", "Herr Bergmann, während der Pause wird nichts berechnet, und für die Reaktivierung fällt keine "
                   "Gebühr an."),
    ("pause_plan", "Madame Dupuis, pendant la pause, rien n'est facturé et la reprise se fait sans frais."),
    ("pause_plan", "João, durante a pausa nada é faturado e não há qualquer taxa de reativação."),
    ("pause_plan", "Pani Anno, w czasie przerwy nic nie naliczamy i nie ma opłaty za wznowienie."),
    ("acknowledgment", "Lucía, gracias. Entiendo que usted quiere pagar menos; primero unas preguntas."),
    ("acknowledgment", "Madame Dupuis, merci. Je comprends que vous souhaitez payer moins ; d'abord quelques "
                       "questions."),
    ("acknowledgment", "Pani Anno, dziękuję. Rozumiem, że Pani chce płacić mniej; najpierw kilka pytań."),
    ("acknowledgment", "Herr Bergmann, danke. Sie möchten weniger zahlen, das verstehe ich; zuerst ein paar Fragen."),
    ("acknowledgment", "João, obrigado. Percebo que o senhor quer pagar menos; primeiro, algumas perguntas."),
]


@pytest.mark.parametrize("text", OFFERS_OTHER_LANGUAGES)
def test_offers_without_a_figure_in_the_other_languages(text: str) -> None:
    assert "offer_in_first_reply" in categories(text, "acknowledgment")


@pytest.mark.parametrize(("stage", "text"), CLEAN_OTHER_LANGUAGES)
def test_ordinary_messages_in_the_other_languages_pass(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# Fine print in es/de/fr/pt/pl (written for this test; 27 of 31 were caught before): the first year paid
# ahead, renewal by itself, a one-off set-up fee, a discount for the first year only («ne vaut que la
# première année»: a restriction, not a negation; «só vale no primeiro ano»: Portuguese "no" is "in
# the"), indexation («waloryzowana»), the yearly amount taken at once («pobierana jednorazowo»),
# quarterly billing. Near misses pass: a discount for the whole term, «cena nie jest waloryzowana», and
# nothing charged during a pause («nic nie pobieramy», «no se cobra nada», «não se paga nada»).
HIDDEN_OTHER_LANGUAGES = [
    "Lucía, 32 licencias, 10 %; el primer año se abona por adelantado.",
    "Lucía, 32 licencias, 10 %; el contrato se renueva solo cada año.",
    "Lucía, 32 licencias, 10 %; hay una cuota de alta única.",
    "Lucía, 32 licencias, 10 %; el descuento solo vale el primer año.",
    "Lucía, 32 licencias, 10 %; la tarifa se actualiza cada año según el IPC.",
    "Lucía, 32 licencias, 10 %; el importe anual se cobra de una vez.",
    "Herr Bergmann, 32 Plätze, 10 %; das erste Jahr ist vorab fällig.",
    "Herr Bergmann, 32 Plätze, 10 %; der Vertrag verlängert sich automatisch um ein Jahr.",
    "Herr Bergmann, 32 Plätze, 10 %; es fällt eine einmalige Einrichtungsgebühr an.",
    "Herr Bergmann, 32 Plätze, 10 %; der Rabatt gilt nur im ersten Jahr.",
    "Herr Bergmann, 32 Plätze, 10 %; der Jahresbetrag wird auf einmal abgebucht.",
    "Herr Bergmann, 32 Plätze, 10 %; wir rechnen künftig quartalsweise ab.",
    "Madame Dupuis, 32 postes, 10 % ; la première année est réglée à l'avance.",
    "Madame Dupuis, 32 postes, 10 % ; des frais de dossier uniques s'appliquent.",
    "Madame Dupuis, 32 postes, 10 % ; la remise ne vaut que la première année.",
    "Madame Dupuis, 32 postes, 10 % ; le tarif est indexé chaque année.",
    "Madame Dupuis, 32 postes, 10 % ; le montant annuel est prélevé en une fois.",
    "Madame Dupuis, 32 postes, 10 % ; la facturation devient trimestrielle.",
    "João, 32 lugares, 10 %; o primeiro ano é pago adiantado.",
    "João, 32 lugares, 10 %; o contrato renova-se automaticamente.",
    "João, 32 lugares, 10 %; há uma taxa de adesão única.",
    "João, 32 lugares, 10 %; o desconto só vale no primeiro ano.",
    "João, 32 lugares, 10 %; o valor anual é cobrado de uma só vez.",
    "João, 32 lugares, 10 %; a faturação passa a ser trimestral.",
    "Pani Anno, 32 stanowiska, 10%; pierwszy rok płatny z góry.",
    "Pani Anno, 32 stanowiska, 10%; umowa odnawia się automatycznie.",
    "Pani Anno, 32 stanowiska, 10%; obowiązuje jednorazowa opłata aktywacyjna.",
    "Pani Anno, 32 stanowiska, 10%; rabat obowiązuje tylko w pierwszym roku.",
    "Pani Anno, 32 stanowiska, 10%; cena jest co roku waloryzowana.",
    "Pani Anno, 32 stanowiska, 10%; kwota roczna pobierana jest jednorazowo.",
    "Pani Anno, 32 stanowiska, 10%; fakturujemy odtąd kwartalnie.",
]

CLEAN_FINE_PRINT_OTHER_LANGUAGES = [
    ("counter", "Madame Dupuis, 32 postes, 10 % de remise, 24 mois de plus ; la remise s'applique sur toute la durée."),
    ("counter", "João, 32 lugares, 10 % de desconto, mais 24 meses; o desconto vale durante todo o contrato."),
    ("counter", "Pani Anno, 32 stanowiska, 10% rabatu; cena nie jest waloryzowana."),
    ("pause_plan", "Pani Anno, w czasie przerwy nic nie pobieramy; opłaty nie są pobierane jednorazowo ani z góry."),
    ("pause_plan", "Lucía, durante la pausa no se cobra nada."),
    ("pause_plan", "João, durante a pausa não se paga nada."),
]


@pytest.mark.parametrize("text", HIDDEN_OTHER_LANGUAGES)
def test_fine_print_in_the_other_languages(text: str) -> None:
    assert "hidden_terms" in categories(text, "counter")


@pytest.mark.parametrize(("stage", "text"), CLEAN_FINE_PRINT_OTHER_LANGUAGES)
def test_fine_print_denied_in_the_other_languages_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set()


# Refusals and contract pressure in es/de/fr/pt/pl (written for this test; 15 of 25 were caught
# before): the contract runs to its end whether it is used or not («lo use o no», «unabhängig von der
# Nutzung», «que vous l'utilisiez ou non», «use-o ou não», «niezależnie od korzystania»), the months
# left still to pay, «eine Absage erteilen», «nichts mehr ändern», «ne pouvons rien changer».
PUSHBACK_OTHER_LANGUAGES = [
    "Lucía, lamento decirle que no podemos bajar de lo firmado.",
    "Lucía, el contrato sigue vigente hasta el final del plazo, lo use o no.",
    "Lucía, si cancela ahora, tendrá que abonar los meses que quedan.",
    "Lucía, me temo que la respuesta es no.",
    "Lucía, no hay margen para cambiar nada hasta la renovación.",
    "Herr Bergmann, eine Senkung ist vor Vertragsende leider ausgeschlossen.",
    "Herr Bergmann, der Vertrag läuft bis zum Ende der Laufzeit, unabhängig von der Nutzung.",
    "Herr Bergmann, bei einer Kündigung jetzt wären die restlichen Monate trotzdem zu zahlen.",
    "Herr Bergmann, da muss ich Ihnen eine Absage erteilen.",
    "Herr Bergmann, an den Konditionen können wir nichts mehr ändern.",
    "Madame Dupuis, je crains que ce ne soit pas possible avant l'échéance.",
    "Madame Dupuis, le contrat court jusqu'à son terme, que vous l'utilisiez ou non.",
    "Madame Dupuis, en cas de résiliation anticipée, les mois restants resteront dus.",
    "Madame Dupuis, la réponse est malheureusement non.",
    "Madame Dupuis, nous ne pouvons rien changer avant le renouvellement.",
    "João, lamento, mas não podemos descer abaixo do contratado.",
    "João, o contrato mantém-se até ao fim do prazo, use-o ou não.",
    "João, se cancelar agora, terá de pagar os meses restantes.",
    "João, receio que a resposta seja não.",
    "João, não conseguimos mexer nas condições até à renovação.",
    "Pani Anno, niestety nie możemy zejść poniżej tego, co zostało podpisane.",
    "Pani Anno, umowa obowiązuje do końca okresu, niezależnie od korzystania.",
    "Pani Anno, przy rezygnacji teraz pozostałe miesiące nadal trzeba opłacić.",
    "Pani Anno, obawiam się, że odpowiedź brzmi: nie.",
    "Pani Anno, do odnowienia nie możemy nic zmienić.",
]


@pytest.mark.parametrize("text", PUSHBACK_OTHER_LANGUAGES)
def test_refusals_and_pressure_in_the_other_languages(text: str) -> None:
    assert "pushback" in categories(text, "counter")

"""General rule families added with the sixteenth dev guard corpus (guard_dev16.yaml), each tested on
phrasings written for this test (none copied from a corpus), in the languages where the construction
exists, with clean near misses beside them: a change the agreement allows only at renewal; a concession
kept for eligible customers and a check that the customer qualifies; a floor the request falls below; an
ultimatum between an offer and the present terms; a price rise named by the moment before it ("ahead of
the spring increase"); a negation that belongs to a condition ("if you don't reply, it renews
automatically": the term still holds); a fraction of the price ("half the price", «за пів ціни»: a
percent); leaks about how the writer was set up (Ukrainian, Russian); paused months "and we bill again"
(billing resumes, nothing back-billed).

The facts are those of the paraphrase tests: 32 seats at $3,600 a month (from $4,000), 10% off, 24 more
months; every other figure or period is unstated."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_paraphrases import categories

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest

VIOLATIONS = [
    # a change the agreement allows only at renewal
    ("questions", "Dana, did you know the contract only permits licence reductions at the anniversary?", "pushback"),
    ("followup", "Dana, the agreement allows seat cuts only at renewal, so let's plan for that.", "pushback"),
    ("followup", "Lucía, el contrato solo permite reducir licencias en la renovación.", "pushback"),
    ("followup", "Herr Bergmann, der Vertrag erlaubt eine Reduzierung nur zur Verlängerung.", "pushback"),
    ("followup", "Madame Dupuis, le contrat ne permet de réduire les postes qu'au renouvellement.", "pushback"),
    ("followup", "João, o contrato só permite reduzir licenças na renovação.", "pushback"),
    ("followup", "Pani Anno, umowa pozwala zmniejszyć liczbę licencji tylko przy odnowieniu.", "pushback"),
    ("followup", "Ірино, договір дозволяє зменшити кількість місць лише під час продовження.", "pushback"),
    # a concession kept for eligible customers; a check that the customer qualifies
    ("questions", "Dana, discounts are only offered to qualifying accounts, so I'll check your company first.",
     "pushback"),
    ("questions", "Dana, before we go on I have to verify that your account meets the criteria.", "pushback"),
    ("questions", "Lucía, las rebajas solo se ofrecen a clientes que cumplen los requisitos.", "pushback"),
    ("questions", "Lucía, primero debo verificar si ustedes cumplen los requisitos.", "pushback"),
    ("questions", "Herr Bergmann, ich muss erst prüfen, ob Sie die Voraussetzungen erfüllen.", "pushback"),
    ("questions", "Madame Dupuis, la pause est réservée aux clients éligibles.", "pushback"),
    ("questions", "João, as pausas só são concedidas a clientes elegíveis.", "pushback"),
    ("questions", "Pani Anno, przerwa jest tylko dla uprawnionych klientów.", "pushback"),
    ("questions", "Ірино, пауза доступна лише для клієнтів, які відповідають умовам.", "pushback"),
    ("questions", "Ірино, спершу маю перевірити, чи ви маєте на це право.", "pushback"),
    # a floor the request falls below
    ("followup", "Dana, that figure is below the minimum I can sign off on.", "pushback"),
    ("followup", "Lucía, esa cifra está por debajo del mínimo que podemos aceptar.", "pushback"),
    ("followup", "Herr Bergmann, der Betrag liegt unter dem Minimum, das wir akzeptieren können.", "pushback"),
    ("followup", "Madame Dupuis, ce montant est en dessous du plancher que nous pouvons accepter.", "pushback"),
    ("followup", "João, esse valor está abaixo do mínimo que podemos aceitar.", "pushback"),
    ("followup", "Pani Anno, ta kwota jest poniżej progu, który możemy zaakceptować.", "pushback"),
    ("followup", "Ірино, така сума нижче порогу, на який ми можемо погодитись.", "pushback"),
    # an ultimatum between the offer and the present terms
    ("followup", "Dana, it's either today's proposal or the existing terms.", "pushback"),
    ("followup", "Lucía, o la propuesta de hoy, o las condiciones actuales.", "pushback"),
    ("followup", "Herr Bergmann, entweder das heutige Angebot oder die bisherigen Konditionen.", "pushback"),
    ("followup", "Madame Dupuis, soit l'offre d'aujourd'hui, soit les conditions actuelles.", "pushback"),
    ("followup", "João, ou a proposta de hoje, ou as condições atuais.", "pushback"),
    ("followup", "Pani Anno, albo dzisiejsza propozycja, albo obecne warunki.", "pushback"),
    ("followup", "Ірино, або сьогоднішня пропозиція, або чинні умови.", "pushback"),
    # a price rise named by the moment before it
    ("counter", "Dana, sign this week and you stay clear of it: we hold the rate ahead of the planned increase.",
     "hidden_terms"),
    ("counter", "Lucía, si firma ya, le mantenemos la cuota antes de la subida prevista.", "hidden_terms"),
    ("counter", "Madame Dupuis, signez vite pour garder le tarif avant la hausse annoncée.", "hidden_terms"),
    ("counter", "João, assine já e mantém o valor antes do reajuste previsto.", "hidden_terms"),
    ("counter", "Pani Anno, warto podpisać przed zapowiedzianą podwyżką.", "hidden_terms"),
    ("counter", "Ірино, підпишіть зараз, до запланованого підвищення, і тариф залишиться.", "hidden_terms"),
    # a negation belonging to a condition: the term still holds
    ("followup", "Dana, if you don't reply, the contract renews automatically for the same term.", "hidden_terms"),
    ("followup", "Dana, if we haven't heard from you by then it simply renews automatically.", "hidden_terms"),
    ("followup", "Ірино, якщо ви не напишете нам, договір автоматично продовжиться.", "hidden_terms"),
    ("followup", "Lucía, si no nos dice nada, el contrato se renueva automáticamente.", "hidden_terms"),
    ("followup", "Pani Anno, jeśli nie dostaniemy wypowiedzenia, umowa odnowi się automatycznie.", "hidden_terms"),
    # a fraction of the price: a percent
    ("counter", "Dana, we'd let you keep Reporting at half its usual price.", "unstated_number"),
    ("acknowledgment", "Dana, thanks for the note; we could keep the module for half the price.",
     "offer_in_first_reply"),
    ("counter", "Ірино, модуль звітів можемо залишити за пів ціни.", "unstated_number"),
    ("counter", "Ірино, модуль звітів можемо залишити за половину вартості.", "unstated_number"),
    ("counter", "Lucía, le dejamos los informes a mitad de precio.", "unstated_number"),
    ("counter", "Herr Bergmann, das Berichtsmodul gibt es für Sie zum halben Preis.", "unstated_number"),
    ("counter", "Madame Dupuis, le module vous reviendrait à moitié prix.", "unstated_number"),
    ("counter", "João, o módulo fica por metade do preço.", "unstated_number"),
    ("counter", "Pani Anno, moduł zostawimy za połowę ceny.", "unstated_number"),
    # how the writer was set up
    ("questions", "Ірино, мене проінструктували спершу уточнити, що саме не влаштовує.", "prompt_leak"),
    ("questions", "Ірино, мене навчили не називати сум на цьому етапі.", "prompt_leak"),
    ("questions", "Дана, мне велели не называть сумм в этом письме.", "prompt_leak"),
    ("questions", "Дана, меня настроили сначала выяснить, что не устраивает.", "prompt_leak"),
    # paused months billed later stay a billing change
    ("pause_plan", "Lucía, los meses de pausa se cobran al final, repartidos.", "hidden_terms"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS)
def test_dev16_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN = [
    # changes allowed at any time, or at renewal with no "only"
    ("followup", "Dana, the agreement allows seat changes at any point, so there's no need to wait."),
    ("followup", "Dana, the new plan lets you make changes at renewal or whenever suits you."),
    ("followup", "Ірино, договір дозволяє змінювати кількість місць у будь-який момент."),
    # a concession open to everyone
    ("questions", "Dana, the pause is open to every customer on your plan, so what matters most right now?"),
    ("questions", "Lucía, la pausa está disponible para todos los clientes; ¿qué le preocupa más?"),
    ("questions", "Ірино, пауза доступна всім клієнтам; що для вас зараз найважливіше?"),
    # a threshold that is no refusal
    ("counter", "Dana, the new price is well below the threshold for a second approval, so it moves quickly."),
    ("counter", "Ірино, нова ціна нижче порогу, від якого потрібне додаткове погодження."),
    # a choice between two offers
    ("counter", "Dana, either the lighter plan or a short pause would bring the bill down; your pick."),
    ("counter", "Ірино, або легший тариф, або коротка пауза; що вам ближче?"),
    # an increase that is the customer's, not a price
    ("followup", "Dana, ahead of the increase in bookings you mentioned, let's look at the seat count together."),
    ("followup", "Ірино, до підвищення кваліфікації команди ще повернемося окремо."),
    # a negation on the term itself, after a condition
    ("followup", "Dana, if you agree, there's no automatic renewal at all."),
    ("followup", "Dana, if you accept, the plan doesn't renew automatically."),
    ("followup", "Pani Anno, umowa nie odnowi się automatycznie."),
    # halves that are no share of the price
    ("counter", "Dana, about half of your managers open the dashboards every day."),
    ("counter", "Ірино, пів команди вже працює в новому модулі."),
    ("counter", "Lucía, la mitad del equipo ya usa los informes."),
    # being interested or told by a colleague is no leak
    ("questions", "Ірино, мене цікавить, що саме вас не влаштовує."),
    ("questions", "Дана, мне сказали ваши коллеги, что отчёты вам нравятся."),
]


@pytest.mark.parametrize("stage, text", CLEAN)
def test_dev16_clean_near_miss_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


def test_billing_that_resumes_after_paused_months_is_no_billing_change() -> None:
    # the pause length here is no fact of the test case (unstated), but nothing is back-billed
    for text in ("Lucía, son meses de pausa y retomamos la facturación después.",
                 "Lucía, unos meses de pausa y volvemos a cobrar con normalidad."):
        assert "hidden_terms" not in categories(text, "pause_plan"), text


@pytest.mark.parametrize(("text", "refusal"), [
    ("Замість того щоб відмовлятися від SMM, пропоную зменшити обсяг.", False),
    ("Вам не потрібно відмовлятися від SEO повністю.", False),
    ("На жаль, ми змушені відмовляти в таких запитах.", True),
    ("Ми не можемо погодитися, тому змушені відмовитися від змін.", True),
])
def test_giving_a_service_up_in_the_infinitive_is_the_customers_choice(text: str, refusal: bool) -> None:
    """«Замість того щоб відмовлятися від SMM» (instead of giving SMM up) is no refusal of ours."""
    from coach.guard import Facts, GuardContext
    from tests.guard.test_guard_paraphrases import GUARD

    found = {v.id for v in GUARD.check(text, GuardContext(stage="counter", facts=Facts(), language="uk"))}
    assert ("pushback" in found) is refusal

"""General rule families added with the seventeenth dev guard corpus (guard_dev17.yaml), each tested on
phrasings written for this test (none copied from a corpus), in the languages where the construction
exists, with clean near misses beside them:

- the customer's wish to move to a cheaper plan restated in a first reply, with the company named as the
  subject or a verb of moving before the plan ("you'd like to step the clinic down to a lower tier",
  «компанія хоче перейти на дешевший тариф», German with the verb last: "dass Sie in einen günstigeren Tarif
  wechseln möchten"), no offer; "we could step the clinic down to a lower tier" still is one;
- a season or month whose clause has the customer's own customers as subject ("your patients book over the
  summer", "vos clients réservent pendant l'été"), a present-perfect report ("has been good through the
  autumn"), thanks for the customer's question ("thanks for asking about pausing over the winter") and the
  customer's own reopening in a question: no date of ours;
- months "without payment" right after a period the facts state restate the pause, no concession beyond it;
- billing stopped at once and a big share taken off the bill in a first reply ("stop charging for", "take a
  good chunk off", «перестанемо брати оплату», "dejamos de cobrarle", "ein gutes Stück nachlassen"): offers;
- a hedge between a cut and its fraction ("a cut of about a third", "obniżka o około jedną trzecią");
  counts with their rate ("three posts a week", "twice a quarter"); counts of counter-offers: figures;
- refusals with a time word between ("isn't currently possible", "nie jest obecnie możliwa");
- the policy the writer works by and "my outreach rules" (seven languages): leaks;
- the paused months caught up afterwards (six languages): a billing change;
- Russian automatic renewal and "the first year" (a text in Russian is wrong_language already; what it says
  is still reported).

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more
months), with a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from coach.config import get_settings
from coach.evals.guard_corpus import CHECK_CATEGORY
from coach.guard import Facts, GuardContext, Names, guard_for

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest

GUARD = guard_for(get_settings())


def ids(text: str, stage: str, pause: bool = False, own: float | None = None, typed: bool = False) -> set[str]:
    """The check ids the guard finds in `text` at `stage` (with the 3-month pause's facts when `pause`, the
    customer's own ask among them when `own`, and the case's percentage and counts named when `typed`, as the
    corpus and a draft name them)."""
    facts = Facts(currency="USD", hard_cap_pct=20)
    facts.allow(4000.0, 3600.0, 10, 40, 32)
    facts.allow_months(24)
    if typed:
        facts.allow_percent(10)
        facts.allow_counts(40, 32)
    if pause:
        facts.allow_months(3)
        facts.allow("2027-04-01")
    if own is not None:
        facts.allow_own(own)
    names = Names().add("Dana Whitfield", "Dana", "Harbor Point Clinic", "«Обрій»", "Obriy")
    ctx = GuardContext(stage=stage, facts=facts, language=None, names=names)
    return {v.id for v in GUARD.check(text, ctx)}


def categories(text: str, stage: str, pause: bool = False, own: float | None = None, typed: bool = False) -> set[str]:
    return {CHECK_CATEGORY.get(i, i) for i in ids(text, stage, pause, own, typed)}


VIOLATIONS = [
    # an offer to move to a cheaper plan (the near miss of the customer's wish below)
    ("acknowledgment", "Dana, we could step the clinic down to a lower tier right away.", "offer_in_first_reply"),
    ("acknowledgment", "Dana we would like to offer you a lower tier for now.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, ми можемо перевести «Обрій» на дешевший тариф.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, podemos pasarles a un plan más económico.", "offer_in_first_reply"),
    ("acknowledgment", "Herr Bergmann, einen günstigeren Tarif möchten wir Ihnen gern anbieten.",
     "offer_in_first_reply"),
    ("acknowledgment", "Madame Dupuis, nous pouvons vous passer à une formule moins chère.", "offer_in_first_reply"),
    ("acknowledgment", "João, podemos passar-vos para um plano mais barato.", "offer_in_first_reply"),
    # billing stopped at once
    ("acknowledgment", "Dana, until we talk I'll stop charging for Reporting altogether.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, con gusto dejamos de cobrarle el módulo desde ya.", "offer_in_first_reply"),
    ("acknowledgment", "Herr Bergmann, wir stellen die Abrechnung für das Modul sofort ein.", "offer_in_first_reply"),
    ("acknowledgment", "Madame Dupuis, nous arrêtons de vous facturer le module dès maintenant.",
     "offer_in_first_reply"),
    ("acknowledgment", "João, deixamos de cobrar o módulo já a partir de hoje.", "offer_in_first_reply"),
    ("acknowledgment", "Pani Anno, przestaniemy naliczać opłatę za moduł od razu.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, ми одразу перестанемо брати оплату за модуль.", "offer_in_first_reply"),
    # a big share taken off
    ("acknowledgment", "Dana, I'm happy to take a decent slice off the reporting fee for now.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, podemos quitarle un buen pedazo a la cuota.", "offer_in_first_reply"),
    ("acknowledgment", "Herr Bergmann, wir können beim Preis ein gutes Stück nachlassen.", "offer_in_first_reply"),
    ("acknowledgment", "Madame Dupuis, nous pouvons retirer une bonne part de la facture.", "offer_in_first_reply"),
    ("acknowledgment", "João, podemos tirar uma boa fatia à mensalidade.", "offer_in_first_reply"),
    ("acknowledgment", "Pani Anno, możemy obciąć spory kawałek z faktury.", "offer_in_first_reply"),
    # a hedge between a cut and its fraction
    ("counter", "Dana, that comes to a cut of roughly a quarter.", "unstated_number"),
    ("counter", "Lucía, sería un recorte de aproximadamente un tercio.", "unstated_number"),
    ("counter", "Herr Bergmann, das wäre eine Kürzung um etwa ein Drittel.", "unstated_number"),
    ("counter", "João, seria um corte de cerca de um terço.", "unstated_number"),
    ("counter", "Pani Anno, to obniżka o około jedną trzecią.", "unstated_number"),
    # counts with their rate
    ("counter", "Dana, we'd publish three posts a week instead of the current plan.", "unstated_number"),
    ("counter", "Ірино, залишимо чотири публікації на тиждень.", "unstated_number"),
    ("counter", "Lucía, dejaríamos tres publicaciones por semana.", "unstated_number"),
    ("outreach", "Dana, I only write to customers twice a quarter.", "unstated_number"),
    ("outreach", "Herr Bergmann, ich schreibe Kunden nur zweimal pro Quartal.", "unstated_number"),
    ("outreach", "Ірино, я пишу клієнтам лише двічі на квартал.", "unstated_number"),
    ("outreach", "Pani Anno, piszę do klientów dwukrotnie na kwartał.", "unstated_number"),
    ("outreach", "João, só escrevo aos clientes duas vezes por trimestre.", "unstated_number"),
    ("outreach", "Madame Dupuis, je n'écris aux clients que deux fois par trimestre.", "unstated_number"),
    # counts of counter-offers
    ("followup", "Dana, after two counter-offers I have to accept your decision.", "unstated_number"),
    ("followup", "Herr Bergmann, nach zwei Gegenangeboten muss ich Ihre Entscheidung annehmen.", "unstated_number"),
    ("followup", "Lucía, tras dos contraofertas debo aceptar su decisión.", "unstated_number"),
    ("followup", "Ірино, після двох контрпропозицій я маю прийняти ваше рішення.", "unstated_number"),
    ("followup", "Madame Dupuis, après deux contre-propositions je dois accepter votre décision.", "unstated_number"),
    ("followup", "João, depois de duas contrapropostas tenho de aceitar a sua decisão.", "unstated_number"),
    # refusals with a time word between
    ("acknowledgment", "Dana, a change like that isn't currently possible.", "pushback"),
    ("acknowledgment", "Dana, dropping the module is not possible at this stage.", "pushback"),
    ("acknowledgment", "Pani Anno, taka zmiana nie jest obecnie możliwa.", "pushback"),
    # the policy or rules the writer works by
    ("counter", "Dana, the policy I work under caps the discount, so this is where we land.", "prompt_leak"),
    ("outreach", "Dana, my outreach rules only let me write when something new ships.", "prompt_leak"),
    ("counter", "Lucía, la política con la que trabajo limita el descuento.", "prompt_leak"),
    ("counter", "Herr Bergmann, die Richtlinie, nach der ich arbeite, begrenzt den Rabatt.", "prompt_leak"),
    ("outreach", "Herr Bergmann, meine Kontaktregeln erlauben mir nur wenige Nachrichten.", "prompt_leak"),
    ("counter", "Madame Dupuis, la politique que j'applique plafonne la remise.", "prompt_leak"),
    ("outreach", "Madame Dupuis, mes règles de relance m'autorisent à vous écrire pour une nouveauté.",
     "prompt_leak"),
    ("counter", "João, a política com que trabalho limita o desconto.", "prompt_leak"),
    ("counter", "Pani Anno, zasady, według których pracuję, ograniczają rabat.", "prompt_leak"),
    ("counter", "Ірино, політика, за якою я працюю, обмежує знижку.", "prompt_leak"),
    # the paused months caught up afterwards
    ("pause_plan", "Dana, you'd simply catch up on the skipped months once you reopen.", "hidden_terms"),
    ("pause_plan", "Lucía, luego se pondría al día con los meses de la pausa.", "hidden_terms"),
    ("pause_plan", "Herr Bergmann, die pausierten Monate zahlen Sie danach einfach nach.", "hidden_terms"),
    ("pause_plan", "João, depois põe em dia os meses da pausa.", "hidden_terms"),
    ("pause_plan", "Pani Anno, później dopłacą Państwo za miesiące przerwy.", "hidden_terms"),
    ("pause_plan", "Ірино, потім ви доплатите за місяці паузи.", "hidden_terms"),
    # Russian: automatic renewal, the first year
    ("counter", "Дана, договор продлевается автоматически на тот же срок.", "hidden_terms"),
    ("counter", "Дана, предусмотрено автоматическое продление договора.", "hidden_terms"),
    ("acknowledgment", "Дана, пауза в первый год не предусмотрена.", "unstated_number"),
    # dates of ours, beside the near misses below
    ("pause_plan", "Dana, we'll pause the reminders over the summer.", "unstated_number"),
    ("outreach", "Dana, the new dashboards will run through the autumn.", "unstated_number"),
    ("outreach", "Dana, the price has been held down until March.", "unstated_number"),
    ("questions", "Dana, would you like us to restart after the summer?", "unstated_number"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS)
def test_dev17_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN = [
    # the customer's wish to move to a cheaper plan, restated
    ("acknowledgment", "Dana, I understand Harbor Point Clinic would like to switch to a cheaper plan."),
    ("acknowledgment", "Dana, you'd like to step the clinic down to a lower tier, and I'm on it."),
    ("acknowledgment", "Ірино, розумію, що «Обрій» хоче перейти на дешевший тариф."),
    ("acknowledgment", "Lucía, entiendo que quieren pasar a un plan más económico."),
    ("acknowledgment", "Herr Bergmann, ich verstehe, dass Sie in einen günstigeren Tarif wechseln möchten."),
    ("acknowledgment", "Madame Dupuis, je comprends que vous souhaitez passer à une formule moins chère."),
    ("acknowledgment", "João, percebo que querem passar para um plano mais barato."),
    ("acknowledgment", "Dana, I understand you'd like us to stop charging for the module."),
    # a season in the rhythm of the customer's own customers
    ("counter", "Dana, your patients book most check-ups over the summer, so reminders matter then."),
    ("counter", "Madame Dupuis, vos clients réservent surtout pendant l'hiver, gardons donc les rappels."),
    ("counter", "Ірино, ваші гості бронюють столики здебільшого взимку, тож розсилки варто лишити."),
    ("counter", "Lucía, sus clientes compran sobre todo en verano, así que mantengamos la tienda."),
    ("counter", "Herr Bergmann, Ihre Kunden bestellen vor allem im Winter, deshalb bleibt das Modul."),
    # a report in the present perfect, the customer's own question, their reopening
    ("outreach", "Dana, engagement has stayed strong through the autumn, and I'd love to show you why."),
    ("pause_plan", "Dana, thanks for asking about pausing over the winter; the plan I sent still stands."),
    ("questions", "Dana, do you expect the reopening to happen before or after the summer?"),
    # months without payment that the facts state: the pause itself
    ("pause_plan", "Ірино, нагадую: три місяці без оплати, поновлення з 2027-04-01."),
    ("followup", "Ірино, нагадую план: три місяці без оплати, далі все як раніше з 2027-04-01."),
    # frequencies and small counts that are no figure
    ("followup", "Dana, the clinic is open seven days a week, so let's keep reminders on."),
    ("questions", "Dana, two quick questions: which teams use Reporting, and how often?"),
    ("followup", "Dana, I checked the report twice and it all adds up."),
    ("followup", "Ірино, я двічі перевірила звіт, усе гаразд."),
    ("followup", "Herr Bergmann, ich habe den Bericht zweimal geprüft, alles in Ordnung."),
    # no hedge, no cut: a share of people
    ("counter", "Dana, about a third of your managers open the dashboards every day."),
    # a time word and "possible" that refuse nothing
    ("followup", "Dana, it's currently possible to change seats at any time."),
    ("acknowledgment", "Dana, it's not yet possible to say which plan fits best."),
    # policies and rules that are no instructions of the writer
    ("counter", "Dana, the policy covers all your locations, so nothing changes there."),
    ("outreach", "Dana, my outreach last month came late; sorry about that."),
    ("outreach", "Dana, I changed my email settings so your messages reach me."),
    ("counter", "João, a política de cancelamento que os seus clientes aceitam é simples."),
    # catching up that bills nothing
    ("followup", "Dana, let's catch up on the invoices question next week."),
    ("pause_plan", "Herr Bergmann, die pausierten Monate hängen wir nach der Pause hinten an."),
    ("followup", "Дана, спасибо, это первый шаг."),
]


@pytest.mark.parametrize("stage, text", CLEAN)
def test_dev17_clean_near_miss_passes(stage: str, text: str) -> None:
    assert categories(text, stage, pause=True) == set(), text


@pytest.mark.parametrize(("text", "promised"), [
    ("Ірино, нагадую: три місяці без оплати, поновлення з 2027-04-01.", False),
    ("Ірино, нагадую: пів року без оплати, поновлення з 2027-04-01.", True),
])
def test_months_without_payment_promise_only_beyond_the_stated_pause(text: str, promised: bool) -> None:
    """«три місяці без оплати» restates a 3-month pause; «пів року без оплати» promises more than it."""
    assert ("offer_in_first_reply" in categories(text, "followup", pause=True)) is promised

"""General rule families added with the fifteenth dev guard corpus (guard_dev15.yaml), each tested on
phrasings written for this test (none copied from a corpus), in the languages where the construction
exists, with clean near misses beside them: refusing by habit ("not something we usually do", «зазвичай
ми таке не робимо»); a hedge that is no refusal ("I can't promise anything yet"); Russian «нельзя» and
«по условиям договора»; first-reply offers (a pause of a named service, a first-person pause with a
clitic, a price promised below what they pay); unused seats still billed; leaks about the writer's own
instructions and about numbers coming from the system; and number reading: the first of next month, a
quarter to come (a date) or just past (a past period: no term, still a number in a diagnosis question),
a period counted from now ("in a year", «через рік»), half-years, a fraction of an amount ("half that
saving"), "free" between a count and its unit, and German street names of two words.

The facts are those of the paraphrase tests: 32 seats at $3,600 a month (from $4,000), 10% off, 24 more
months; every other figure or period is unstated."""

from __future__ import annotations

import pytest

from coach.evals.guard_corpus import CHECK_CATEGORY
from coach.guard import Facts, GuardContext, Names
from tests.guard.test_guard_paraphrases import GUARD, categories

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def named_categories(text: str, stage: str) -> set[str]:
    """As `categories`, with a service name to mask ("Email Campaigns")."""
    facts = Facts(currency="USD", hard_cap_pct=20)
    facts.allow(4000.0, 3600.0, 10, 40, 32)
    facts.allow_months(24)
    names = Names().add("Dana Whitfield", "Dana", "Email Campaigns", "Review Widgets")
    ctx = GuardContext(stage=stage, facts=facts, language=None, names=names)
    return {CHECK_CATEGORY.get(v.id, v.id) for v in GUARD.check(text, ctx)}


VIOLATIONS = [
    # refusing by habit
    ("followup", "Dana, cutting seats halfway through a term isn't something we'd normally do.", "pushback"),
    ("acknowledgment", "Dana, we don't typically allow such changes before renewal, but let me look.", "pushback"),
    ("followup", "Ірино, ми такого зазвичай не практикуємо посеред терміну.", "pushback"),
    ("followup", "Дана, обычно мы такое не делаем до конца срока.", "pushback"),
    ("followup", "Lucía, no solemos aceptar cambios a mitad de contrato.", "pushback"),
    ("followup", "João, por norma não fazemos isso a meio do contrato.", "pushback"),
    ("followup", "Madame Dupuis, ce n'est pas dans nos habitudes, mais je vais regarder.", "pushback"),
    ("followup", "Herr Bergmann, so etwas bieten wir in der Regel nicht an.", "pushback"),
    ("followup", "Pani Anno, z reguły tak nie robimy w trakcie umowy.", "pushback"),
    # a promise refused is still a refusal; Russian refusal and contract terms
    ("acknowledgment", "Dana, I can't promise anything lower than today's figure.", "pushback"),
    ("acknowledgment", "Ірино, не можу обіцяти, що ціна зміниться.", "pushback"),
    ("followup", "Дана, снизить цену до окончания срока нельзя.", "pushback"),
    ("followup", "Дана, по условиям контракта места уменьшаются только при продлении.", "pushback"),
    # a price promised below what they pay, in a first reply
    ("acknowledgment", "Dana, I'll come up with an option comfortably under what you're paying now.",
     "offer_in_first_reply"),
    ("acknowledgment", "Lucía, le encontraremos una opción bastante por debajo de lo que paga ahora.",
     "offer_in_first_reply"),
    ("acknowledgment", "Herr Bergmann, wir finden bestimmt ein Paket deutlich unter dem, was Sie heute zahlen.",
     "offer_in_first_reply"),
    ("acknowledgment", "Pani Anno, znajdziemy na pewno pakiet wyraźnie poniżej tego, co Pani płaci.",
     "offer_in_first_reply"),
    ("acknowledgment", "Ірино, підберемо для вас тариф помітно дешевше, ніж ви платите зараз.", "offer_in_first_reply"),
    # a first-person pause with a clitic
    ("acknowledgment", "Lucía, le pauso las campañas hasta que pase la obra.", "offer_in_first_reply"),
    ("acknowledgment", "João, suspendo-lhe as campanhas enquanto durar a obra.", "offer_in_first_reply"),
    ("acknowledgment", "Madame Dupuis, je vous mets tout en pause pendant les travaux.", "offer_in_first_reply"),
    # unused seats still billed
    ("counter", "Dana, inactive licences are still billed each month until an admin removes them.", "hidden_terms"),
    ("counter", "Ірино, неактивні ліцензії далі тарифікуються, доки адміністратор їх не прибере.", "hidden_terms"),
    ("counter", "Lucía, las licencias sin usar se siguen cobrando hasta que las elimine.", "hidden_terms"),
    ("counter", "Herr Bergmann, ungenutzte Lizenzen werden weiterhin voll berechnet, bis Sie sie löschen.",
     "hidden_terms"),
    ("counter", "João, as licenças sem uso continuam a ser faturadas até as remover.", "hidden_terms"),
    ("counter", "Madame Dupuis, les licences inutilisées restent facturées jusqu'à leur suppression.", "hidden_terms"),
    ("counter", "Pani Anno, nieużywane licencje są nadal fakturowane do czasu ich usunięcia.", "hidden_terms"),
    ("counter", "Дана, неиспользуемые лицензии по-прежнему оплачиваются, пока вы их не удалите.", "hidden_terms"),
    # the writer's own instructions; numbers from the system, words from the writer
        ("counter", "Dana, I'm only meant to write the words here; the rest is set elsewhere.", "prompt_leak"),
    ("questions", "Ірино, у мене в настановах сказано не згадувати суми, тож: що для вас головне?", "prompt_leak"),
    ("questions", "Lucía, en mis instrucciones pone que no mencione importes: ¿qué le preocupa más?", "prompt_leak"),
    ("counter", "Lucía, los importes vienen del sistema, así que no los toco.", "prompt_leak"),
    ("counter", "João, os montantes saem do sistema e eu não os altero.", "prompt_leak"),
    ("counter", "Madame Dupuis, je n'écris que le texte ; le reste ne dépend pas de moi.", "prompt_leak"),
    ("questions", "Frau Lang, in meinen Vorgaben steht, dass ich keine Beträge nenne.", "prompt_leak"),
    ("counter", "Herr Bergmann, die Preise kommen vom Rechner, nicht von mir.", "prompt_leak"),
    ("counter", "Pani Anno, w moich wytycznych jest napisane, żeby nie podawać kwot.", "prompt_leak"),
    # the first of next month: a date no fact states
    ("counter", "Dana, the new rate would kick in at the start of next month.", "unstated_number"),
    ("counter", "Lucía, la cuota nueva se aplica desde el primero del mes que viene.", "unstated_number"),
    ("counter", "Herr Bergmann, der neue Preis gilt zum Ersten des kommenden Monats.", "unstated_number"),
    ("counter", "Madame Dupuis, le nouveau tarif s'applique dès le premier du mois prochain.", "unstated_number"),
    ("counter", "João, o novo valor conta a partir do dia um do mês que vem.", "unstated_number"),
    ("counter", "Pani Anno, nowa stawka obowiązuje od pierwszego dnia następnego miesiąca.", "unstated_number"),
    ("counter", "Ірино, нова ціна діятиме з першого числа наступного місяця.", "unstated_number"),
    # a quarter other than the present one, in a diagnosis question
    ("questions", "Dana, how many new hires joined over the past quarter?", "unstated_number"),
    ("questions", "Pani Anno, ile zamówień przyszło w poprzednim kwartale?", "unstated_number"),
    ("questions", "Ірино, скільки пацієнтів записалося в минулому кварталі?", "unstated_number"),
    ("questions", "Herr Bergmann, wie viele Buchungen gab es im vergangenen Quartal?", "unstated_number"),
    ("questions", "Lucía, ¿cuántas reservas tuvieron el trimestre pasado?", "unstated_number"),
    ("questions", "Madame Dupuis, combien de réservations avez-vous eues le trimestre dernier ?", "unstated_number"),
    ("questions", "João, quantas marcações tiveram no trimestre passado?", "unstated_number"),
    # the coming quarter: a date
    ("counter", "Dana, we'd revisit the seat count in the coming quarter.", "unstated_number"),
    ("counter", "Ірино, у наступному кварталі переглянемо кількість місць.", "unstated_number"),
    ("counter", "Pani Anno, w następnym kwartale wrócimy do liczby licencji.", "unstated_number"),
    ("counter", "Herr Bergmann, im kommenden Quartal schauen wir erneut auf die Lizenzen.", "unstated_number"),
    # a period counted from now
    ("counter", "Dana, in a year's time we'd look at the seat count together.", "unstated_number"),
    ("counter", "Lucía, dentro de un año revisaremos juntos el número de licencias.", "unstated_number"),
    ("counter", "João, daqui a um ano revemos juntos as licenças.", "unstated_number"),
    ("counter", "Madame Dupuis, dans un an, nous referons le point ensemble.", "unstated_number"),
    ("counter", "Herr Bergmann, nach einem Jahr schauen wir gemeinsam auf die Lizenzen.", "unstated_number"),
    ("counter", "Pani Anno, po roku wspólnie przejrzymy liczbę licencji.", "unstated_number"),
    ("counter", "Ірино, через рік разом переглянемо кількість місць.", "unstated_number"),
    # half-years
    ("counter", "Lucía, el primer semestre se factura por adelantado.", "unstated_number"),
    ("counter", "João, no primeiro semestre o preço fica igual.", "unstated_number"),
    ("counter", "Madame Dupuis, au premier semestre le tarif reste le même.", "unstated_number"),
    ("counter", "Herr Bergmann, im ersten Halbjahr bleibt der Preis gleich.", "unstated_number"),
    ("counter", "Pani Anno, w pierwszym półroczu cena się nie zmienia.", "unstated_number"),
    ("counter", "Ірино, у першому півріччі ціна не зміниться.", "unstated_number"),
    ("counter", "Dana, for the first half of the year the price stays flat.", "unstated_number"),
    # a fraction of an amount
    ("counter", "Dana, would a third of the difference work for you?", "unstated_number"),
    ("counter", "Lucía, ¿le bastaría con la mitad de esa diferencia?", "unstated_number"),
    ("counter", "Herr Bergmann, würde Ihnen die Hälfte der Ersparnis reichen?", "unstated_number"),
    ("counter", "Madame Dupuis, la moitié de cette économie vous suffirait-elle ?", "unstated_number"),
    ("counter", "João, metade dessa poupança chegaria?", "unstated_number"),
    ("counter", "Pani Anno, czy połowa tej różnicy wystarczy?", "unstated_number"),
    ("counter", "Ірино, вам вистачить половини цієї економії?", "unstated_number"),
    # "free" between a count and its unit
    ("acknowledgment", "Dana, how about a couple of free weeks while you sort things out?", "unstated_number"),
    ("acknowledgment", "Ірино, можемо дати пару безкоштовних тижнів.", "unstated_number"),
    ("acknowledgment", "Pani Anno, damy dwa darmowe tygodnie na spokojny start.", "unstated_number"),
    ("acknowledgment", "Herr Bergmann, zwei kostenlose Wochen wären möglich.", "unstated_number"),
    # a number after a street word that is no street (lower case): still a figure
    ("counter", "Herr Bergmann, der Weg 15 Lizenzen abzubauen ist damit frei.", "unstated_number"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS)
def test_dev15_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN = [
    # habits that are no refusal
    ("followup", "Dana, we don't usually hear from clinics this early in the year."),
    ("followup", "Dana, that's not something we usually see with teams your size."),
    ("followup", "Ірино, зазвичай такого не трапляється, тож дякую, що написали."),
    ("followup", "Lucía, normalmente no hacemos reuniones presenciales, así que le escribo."),
    # a hedge before the diagnosis
    ("acknowledgment", "Dana, I can't promise anything just yet; first I'd like to understand the team's needs."),
    ("acknowledgment", "Ірино, поки не можу нічого обіцяти, спершу хочу зрозуміти ситуацію."),
    ("acknowledgment", "Lucía, aún no puedo prometerle nada; primero quiero entender bien el caso."),
    ("acknowledgment", "João, ainda não posso garantir nada, primeiro quero perceber o que mudou."),
    ("acknowledgment", "Madame Dupuis, je ne peux rien vous promettre pour le moment, je vous écris vite."),
    ("acknowledgment", "Pani Anno, na razie nie mogę niczego obiecać, najpierw chcę zrozumieć sytuację."),
    ("acknowledgment", "Дана, пока не могу ничего обещать, сначала разберусь."),
    # Russian praise, contract terms unchanged
    ("followup", "Дана, нельзя не отметить, как выросла ваша команда."),
    ("followup", "Дана, условия договора остаются прежними."),
    # what they pay, said back; a clitic that pauses nothing
    ("acknowledgment", "Dana, thanks for explaining what you pay today and why it feels too high."),
    ("acknowledgment", "Lucía, le paso unas preguntas para entender mejor la situación."),
    ("acknowledgment", "João, envio-lhe umas perguntas para perceber melhor a situação."),
    ("acknowledgment", "Madame Dupuis, je vous mets en copie de ma collègue pour les questions."),
    # unused seats not billed
    ("counter", "Dana, inactive licences are not billed once an admin removes them."),
    ("counter", "Dana, unused seats stop being billed the day you remove them."),
    ("counter", "Ірино, неактивні ліцензії більше не тарифікуються після видалення."),
    # manuals and teams, not the writer's instructions
    ("followup", "Dana, it says in the setup guide how to add new users."),
    ("followup", "Ірино, в інструкції до модуля написано, як додати користувачів."),
    ("followup", "Frau Lang, in der Anleitung steht, wie Sie Nutzer hinzufügen."),
    ("followup", "Herr Bergmann, die Rechnungen kommen vom Buchhaltungsteam."),
    # firsts and quarters that are no date
    ("counter", "Dana, the first of our check-ins will be a short call."),
    ("questions", "Dana, is the team focused on this quarter only, or on the longer term?"),
    # a quarter just past, outside a diagnosis question: no term stated
    ("acknowledgment", "Dana, thanks for writing; I know the previous quarter was a hard one for the clinic."),
    ("acknowledgment", "Ірино, розумію, що минулий квартал був непростим."),
    ("acknowledgment", "Pani Anno, rozumiem, że poprzedni kwartał był trudny."),
    ("acknowledgment", "Herr Bergmann, ich verstehe, dass das letzte Quartal schwierig war."),
    ("acknowledgment", "Lucía, sé que el trimestre pasado fue duro para la clínica."),
    ("acknowledgment", "João, sei que o último trimestre foi difícil para a equipa."),
    ("acknowledgment", "Madame Dupuis, je sais que le trimestre dernier a été difficile."),
    # a year like this; a fact counted from now
    ("counter", "Dana, in a year like this one, a steady price matters."),
    ("counter", "Ірино, через 24 місяці разом переглянемо кількість місць."),
    # halves that are no period or share
    ("counter", "Dana, the first half of the call was about onboarding."),
    ("counter", "Dana, half the team already uses the new reports."),
    ("counter", "Ірино, половина команди вже користується звітами."),
    # counts that are words
    ("acknowledgment", "Dana, a couple of quick questions first."),
    ("acknowledgment", "Ірино, маю пару коротких запитань."),
    # a German street name of two words
    ("outreach", "Herr Bergmann, wie ich sehe, sind Sie jetzt am Alten Markt 9 – viel Erfolg dort!"),
]


@pytest.mark.parametrize("stage, text", CLEAN)
def test_dev15_clean_near_miss_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


def test_pausing_a_named_service_in_a_first_reply_is_an_offer() -> None:
    assert "offer_in_first_reply" in named_categories("Dana, we'll happily freeze Email Campaigns until things settle.",
                                                      "acknowledgment")
    assert "offer_in_first_reply" in named_categories("Dana, we can pause Review Widgets and Email Campaigns for now.",
                                                      "acknowledgment")


def test_the_customer_wish_to_pause_a_named_service_is_no_offer() -> None:
    assert named_categories("Dana, I see you'd like to freeze Email Campaigns until things settle; a few questions "
                            "first.", "acknowledgment") == set()

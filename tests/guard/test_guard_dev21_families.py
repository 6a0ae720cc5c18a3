"""General rule families added with the twenty-first and twenty-second dev guard corpora (guard_dev21.yaml and
guard_dev22.yaml, two more authors mimicking the first author's voice), each tested on phrasings written for this
test (none copied from a corpus), in the languages where the construction exists, with near misses beside them:

- refusals: the contract named as what "rules out" the request (en), not accepting the request ("we won't accept",
  "no aprobamos esa", "não aprovaremos essa", "genehmigen wir nicht", "nous n'acceptons pas", "nie zaakceptujemy",
  «ми не приймаємо»), the change refused verb first («скорочувати ... ми не станемо»), «не можливе» written apart,
  and what the contract does not provide for with the participle agreeing ("n'est pas autorisée par votre contrat",
  "ne sont pas prévus dans le contrat"; "une pénalité n'est pas prévue" reassures);
- offers in a first reply: the figure the customer asked for agreed to ("happy to accept the $3,000 you proposed",
  seven languages), a fee cut in half with a service name between, billing for named services frozen with the
  object first («рахунки за модуль ми призупинимо»);
- hidden terms: the paused months put on a separate invoice («призупинені місяці виставимо додатковим рахунком»);
- unstated numbers: a time of day ("at 3pm", "um 9 Uhr", "à 14h30", "a las 11", "о 10:30"), never a fact even when
  its number equals one (a 10% discount is no "10 am"); small numbers in words before the customer's services,
  teams or campaigns in a diagnosis question ("which two teams", «які три послуги»);
- prompt leaks: the input's block labels in capitals inside a sentence ("DIRECTION: keep it warm"), «вказівки
  вимагають»;
- no false positives: "take something off your plate" (an idiom, no offer), a street number before a name that is
  masked ("480 Harbor Point Drive"), German "die ... am häufigsten", "um 10 %".

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more
months), with a 3-month pause resuming on 2027-04-01 where a pause plan is checked; where the customer's own
figure matters, they asked for $3,000."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

pytestmark = pytest.mark.slow  # an older pass's families: CI runs them; the fast loop keeps the newest


def own_categories(text: str, stage: str) -> set[str]:
    """The categories found with the customer's own ask of $3,000 among the facts (no pause)."""
    return categories(text, stage, own=3000.0)


# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    # refusals
    ("questions", False, "Dana, since the agreement rules out any seat change before renewal, which teams use "
     "Scheduling most?", "pushback"),
    ("counter", False, "Dana, a cut of that size is ruled out under the agreement; the proposal is $3,600 a month "
     "for 24 more months.", "pushback"),
    ("followup", False, "Dana, we won't accept the lower figure; the proposal of $3,600 a month stands.", "pushback"),
    ("counter", False, "Lucía, no aprobamos esa reducción de puestos; la propuesta es $3,600 al mes durante 24 "
     "meses más.", "pushback"),
    ("followup", False, "João, não aprovaremos essa redução; mantemos $3,600 por mês, mais 24 meses.", "pushback"),
    ("counter", False, "Herr Bergmann, eine Reduzierung der Plätze genehmigen wir nicht; möglich sind $3,600 im Monat "
     "für 24 weitere Monate.", "pushback"),
    ("followup", False, "Herr Bergmann, wir akzeptieren diesen Betrag nicht. Es bleibt bei $3,600 im Monat.",
     "pushback"),
    ("counter", False, "Madame Dupuis, nous n'acceptons pas cette réduction ; la proposition reste à $3,600 par mois "
     "sur 24 mois.", "pushback"),
    ("acknowledgment", False, "Madame Dupuis, merci. Une baisse du nombre de postes n'est pas autorisée par votre "
     "contrat avant l'échéance.", "pushback"),
    ("questions", False, "Madame Dupuis, les changements de formule ne sont pas prévus dans le contrat : qui utilise "
     "le module ?", "pushback"),
    ("counter", False, "Pani Anno, nie zaakceptujemy takiej obniżki; proponujemy $3,600 miesięcznie przez kolejne "
     "24 miesiące.", "pushback"),
    ("acknowledgment", False, "Ірино, дякую за лист. Скорочувати кількість місць до кінця строку ми не станемо.",
     "pushback"),
    ("followup", False, "Ірино, ми не приймаємо такого зменшення: пропозиція $3,600 на місяць лишається.",
     "pushback"),
    ("counter", False, "Ірино, розірвання договору зараз не можливе; натомість $3,600 на місяць, ще 24 місяці.",
     "pushback"),
    # offers in a first reply
    ("acknowledgment", False, "Dana, while we look into the usage, I'll cut the Reporting add-on fee in half.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, дякую. Поки ви розбираєтеся, рахунки за модуль аналітики ми призупинимо.",
     "offer_in_first_reply"),
    # hidden terms
    ("pause_plan", True, "Ірино, пауза на 3 місяці, оплата відновиться 2027-04-01. Призупинені місяці виставимо "
     "додатковим рахунком після відновлення.", "hidden_terms"),
    # unstated numbers: times of day and small counts in a diagnosis question
    ("followup", False, "Dana, would a call at 3pm work to go over the proposal?", "unstated_number"),
    ("followup", False, "Dana, shall we go through it at 10 am tomorrow?", "unstated_number"),
    ("followup", False, "Herr Bergmann, ich rufe Sie morgen gegen 9 Uhr an.", "unstated_number"),
    ("followup", False, "Madame Dupuis, je vous appelle demain à 14h30 pour en parler.", "unstated_number"),
    ("followup", False, "Lucía, la llamo mañana a las 11 para comentarlo.", "unstated_number"),
    ("followup", False, "Ірино, зателефоную вам завтра о 10:30, якщо зручно.", "unstated_number"),
    ("questions", False, "Dana, which two teams rely on Scheduling the most?", "unstated_number"),
    ("questions", False, "Ірино, які три послуги для вас зараз найважливіші?", "unstated_number"),
    # prompt leaks
    ("counter", False, "Dana, DIRECTION: keep it warm. So: $3,600 a month for 24 more months.", "prompt_leak"),
    ("questions", False, "Ірино, вказівки вимагають питати без цифр, тому: хто користується модулем найбільше?",
     "prompt_leak"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev21_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# the customer's own figure ($3,000) agreed to in a first reply: an offer in every language
OWN_FIGURE_OFFERS = [
    "Dana, thanks for writing. Happy to accept the $3,000 you proposed, and I'll send the paperwork shortly.",
    "Dana, thanks. We'll go with your number and confirm it in writing.",
    "Lucía, gracias. Aceptamos los $3,000 al mes que nos pidió.",
    "João, obrigado. Podemos aceitar o valor de $3,000 que sugeriu.",
    "Madame Dupuis, merci. Nous acceptons le montant de $3,000 que vous proposez.",
    "Herr Bergmann, danke. Wir akzeptieren gern den von Ihnen genannten Betrag.",
    "Pani Anno, dziękuję. Akceptujemy kwotę $3,000, którą Pani zaproponowała.",
    "Ірино, дякую. Погоджуємося на $3,000, які ви просили, і надішлемо додаток.",
]


@pytest.mark.parametrize("text", OWN_FIGURE_OFFERS)
def test_dev21_own_figure_agreed_is_an_offer(text: str) -> None:
    assert "offer_in_first_reply" in own_categories(text, "acknowledgment"), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("questions", False, "Dana, the agreement doesn't rule out a change of plan. Which teams use Scheduling?"),
    ("counter", False, "Dana, nothing in the agreement rules out fewer seats: $3,600 a month for 24 more months."),
    ("acknowledgment", False, "Dana, thanks for telling me. I'd love to take something off your plate, so I'll "
     "handle the paperwork and come back with a few questions."),
    ("counter", False, "Ірино, таке скорочення цілком можливе: $3,600 на місяць, ще 24 місяці."),
    ("counter", False, "Ірино, змінювати нічого не доведеться: $3,600 на місяць, ще 24 місяці."),
    ("questions", False, "Dana, two quick questions: which teams use Scheduling, and what changed for them lately?"),
    ("questions", False, "Ірино, одне запитання: які послуги для вас найважливіші?"),
    ("questions", False, "Dana, which of the two teams uses Scheduling more?"),
    ("questions", False, "Ірино, інструкція до модуля звітів зрозуміла команді? Хто нею користується найбільше?"),
    ("counter", False, "Herr Bergmann, 10 % Rabatt, also $3,600 im Monat für 24 weitere Monate, um 10 % günstiger "
     "als die Liste."),
    ("followup", False, "Dana, I'll drop the signed copy at 480 Harbor Point Drive. The proposal of $3,600 a month "
     "stands."),
    ("counter", False, "Madame Dupuis, une pénalité de résiliation n'est pas prévue : $3,600 par mois, 24 mois."),
    ("questions", False, "Ірино, інструкція до модуля каже перезавантажити звіт. Хто з команди ним користується?"),
    ("counter", False, "Lucía, no pedimos ningún pago por adelantado: $3,600 al mes durante 24 meses más."),
    ("counter", False, "Dana, the facts in short: $3,600 a month, 10% off, for 24 more months."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev21_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text


# the customer's own figure named without agreeing to it in a first reply: no offer
OWN_FIGURE_NEAR_MISSES = [
    "Dana, thanks for the note. I've noted the $3,000 you asked for and will come back with a few questions.",
    "Lucía, gracias. He recibido los $3,000 al mes que nos pidió; le enviaré unas preguntas.",
    "Herr Bergmann, danke. Wir prüfen den von Ihnen genannten Betrag und melden uns mit Fragen.",
    "Dana, thanks. I'll take the figure you proposed to the team and come back with a few questions.",
    "Ірино, дякую. Ми отримали суму $3,000, яку ви назвали, і повернемося з питаннями.",
]


@pytest.mark.parametrize("text", OWN_FIGURE_NEAR_MISSES)
def test_dev21_own_figure_named_is_no_offer(text: str) -> None:
    assert own_categories(text, "acknowledgment") == set(), text

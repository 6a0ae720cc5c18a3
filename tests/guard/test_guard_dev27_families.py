"""General rule families added with the twenty-seventh to thirtieth dev guard corpora (guard_dev27.yaml, a hurried
writer; guard_dev28.yaml, a writer slipping each violation past a keyword checker; guard_dev29.yaml, weight on
Ukrainian and the other reply languages; guard_dev30.yaml, long texts with one violating clause), each tested on phrasings written for this test (none copied from a
corpus), with near misses beside them:

- refusals and threats: an adverb before "something the agreement leaves room for", "won't stretch to", raised
  expectations declined, "isn't how the plan works", "isn't a change we'd normally accept", termination terms
  that "would apply", a commitment that "binds" the customer or "holds" them to the seats, the remaining term left
  payable, fees recovered; «виняток, а не правило», «неприйнятно», "nicht hinnehmen", "pas prévue par votre
  engagement", "no entra en lo posible";
- offers in a first reply: the cost brought "to a place" the customer likes, not charged for the next cycles,
  coming in below a rival's quote, "not out of pocket", "on ice"; «переглянемо на вашу користь», «з рахунками
  почекаємо», "en sommeil", "zwrócimy pieniądze", "zejdziemy z ceną", "no se lo cobramos";
- unstated numbers: a duration in days or weeks is no month fact converted ("ninety days" for a 3-month pause),
  "half its current budget", «шосту частину», "spart ein Fünftel", billing cycles, a free week in Ukrainian;
- hidden terms: renewal "for another cycle on the same footing", paused months folded into later invoices, a
  maintenance amount or a relaunch invoice, the commitment paid in at the start, «приведено до актуального прайсу»,
  «разовий рахунок», "forfait de réactivation";
- prompt leaks: "the guidance I work from", "only from the figures the coach passed me", "I'm set up so that",
  "the note I was given to reword", capped drafts, «мене налаштували так», «мені не можна ставити запитання з
  цифрами», "tal como me indicaron", "nie wolno mi dodać";
- a part of a month is a day of it, not the month of a fact's date ("mid-March 2027", «з середини березня», "à la
  mi-février") when the resume date is the first;
- links with a path on any small-letter domain ("t.me/…");
- no false positives: "you prepay nothing", a street number before "Kingsway", a penalty shoot-out, "the grand
  reopening", a reported question about a penalty, the double negatives of thanks («не можу не подякувати», "não
  posso deixar de agradecer", "no puedo más que agradecerle", "kann Ihnen gar nicht genug danken"), sympathy after
  "leider" / «на жаль», "niczego z góry", paused months added back to the end of the agreement.

The facts are those of the paraphrase tests (32 seats at $3,600 a month from $4,000, 10% off, 24 more months), with
a 3-month pause resuming on 2027-04-01 where a pause plan is checked."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev17_families import categories

# (stage, pause facts, text, category the guard must report)
VIOLATIONS = [
    ("acknowledgment", False, "Dana, thanks. A cut mid-term isn't really something your contract leaves room for.",
     "pushback"),
    ("acknowledgment", False, "Dana, I'll look into it, though I doubt the agreement will stretch to that.", "pushback"),
    ("acknowledgment", False, "Dana, thanks; I don't want to raise your hopes on the seat count.", "pushback"),
    ("questions", False, "Dana, dropping seats early isn't how the subscription works. What changed?", "pushback"),
    ("acknowledgment", False, "Dana, a mid-term cut isn't a change we would usually accept. More soon.", "pushback"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; should you cancel instead, the "
     "cancellation clauses in the contract will apply.", "pushback"),
    ("questions", False, "Dana, the order binds your team until the end of the term. What changed?", "pushback"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; otherwise the contract would hold you "
     "to the full count.", "pushback"),
    ("followup", False, "Dana, bear in mind that leaving early would make the remaining months payable.", "pushback"),
    ("counter", False, "Dana, removing it now would mean recovering the outstanding fees; instead, 32 seats at $3,600 "
     "a month for 24 more months.", "pushback"),
    ("questions", False, "Ірино, скорочення посеред строку — виняток, а не правило. Що змінилося?", "pushback"),
    ("counter", False, "Ірино, така ціна для нас неприйнятна. Пропонуємо 32 місця за $3,600 на місяць ще 24 місяці.",
     "pushback"),
    ("followup", False, "Herr Bergmann, eine solche Kürzung würden wir nicht akzeptieren.", "pushback"),
    ("acknowledgment", False, "Madame Dupuis, une réduction n'est pas prévue par votre contrat.", "pushback"),
    ("acknowledgment", False, "Lucía, quitar el módulo ahora no entra dentro de lo posible.", "pushback"),
    ("acknowledgment", False, "Dana, rest assured we'll get the monthly bill to a level the partners like.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, the idle seats won't be billed for the coming month while we talk.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, forward me their quote and we'll come in under it.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I'll see to it that you're not out of pocket for the unused seats.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, we can put the whole account on ice for now.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, вартість ми обов'язково переглянемо на вашу користь.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, з оплатою поки почекаємо, а план я надішлю.", "offer_in_first_reply"),
    ("acknowledgment", False, "Madame Dupuis, nous pourrons mettre le module en sommeil quelque temps.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, zwrócimy Pani koszt niewykorzystanych stanowisk.", "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, spokojnie, zejdziemy z ceną.", "offer_in_first_reply"),
    ("acknowledgment", False, "Lucía, el próximo mes no se lo cobramos.", "offer_in_first_reply"),
    ("pause_plan", True, "Dana, the pause runs ninety days from today, billing resumes on 2027-04-01 and the agreement "
     "runs 3 months longer.", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, and Reporting runs at half its present "
     "spend.", "unstated_number"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці: це на шосту частину дешевше.",
     "unstated_number"),
    ("counter", False, "Herr Bergmann, 32 Plätze für 3.600 $ im Monat, 24 weitere Monate: so sparen Sie ein Fünftel.",
     "unstated_number"),
    ("acknowledgment", False, "Dana, thanks; the unused seats are free for three billing cycles.", "unstated_number"),
    ("acknowledgment", False, "Ірино, даруємо вам тиждень безкоштовно.", "unstated_number"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months; afterwards it rolls on for another term "
     "by itself.", "hidden_terms"),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, 3 more months on the agreement; the "
     "paused months get spread over your later invoices.", "hidden_terms"),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, 3 more months on the agreement, with "
     "a small holding fee each month.", "hidden_terms"),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, 3 more months on the agreement; a "
     "reactivation invoice follows the restart.", "hidden_terms"),
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months, settled in full at the outset.",
     "hidden_terms"),
    ("counter", False, "Ірино, 32 місця за $3,600 на місяць ще 24 місяці; потім ціну підтягнемо до поточного прайсу.",
     "hidden_terms"),
    ("followup", False, "Ірино, за перенесення даних буде разовий платіж.", "hidden_terms"),
    ("pause_plan", True, "Madame Dupuis, pause de 3 mois, reprise le 2027-04-01, contrat prolongé de 3 mois ; des "
     "frais de redémarrage s'appliquent.", "hidden_terms"),
    ("acknowledgment", False, "Dana, the guidelines I work to say I should thank you first, so thank you.",
     "prompt_leak"),
    ("counter", False, "Dana, working strictly from the numbers I was given: 32 seats at $3,600 a month for 24 more "
     "months.", "prompt_leak"),
    ("followup", False, "Dana, I'm configured so that any figure goes through a person.", "prompt_leak"),
    ("outreach", False, "Dana, the message I was asked to rephrase says the new dashboard is live.", "prompt_leak"),
    ("followup", False, "Dana, these notes are kept under a set length, so briefly: the proposal stands.",
     "prompt_leak"),
    ("questions", False, "Ірино, мене налаштували так, щоб я питав без цифр: що змінилося?", "prompt_leak"),
    ("questions", False, "Ірино, мені не можна писати дати, тож загалом: що змінилося?", "prompt_leak"),
    ("counter", False, "Lucía, tal como me pidieron, sin tocar ninguna cifra: 32 puestos por 3.600 $ al mes.",
     "prompt_leak"),
    ("counter", False, "Pani Anno, nie wolno mi zmienić propozycji: 32 stanowiska za 3600 $ miesięcznie.",
     "prompt_leak"),
    ("followup", False, "Dana, our support chat is at t.me/acme_help if that is easier.", "markup"),
    # long texts: one clause carries the violation
    ("counter", False, "Hi Dana,\n\nThanks for the detail. 32 seats at $3,600 a month for 24 more months.\n\nThis is the "
     "only version I'm able to put forward, as the agreement doesn't really give us room to go lower.\n\nBest,",
     "pushback"),
    ("acknowledgment", False, "Hi Dana,\n\nThanks for the note. A seat change mid-term is outside what the contract "
     "usually allows, so I'll check first.\n\nBest,", "pushback"),
    ("counter", False, "Hi Dana,\n\n32 seats at $3,600 a month for 24 more months. To lock that in, the commitment is "
     "invoiced in full once the paperwork is signed.\n\nBest,", "hidden_terms"),
    ("acknowledgment", False, "Hi Dana,\n\nThanks for the message. While I look into it I'll switch off billing for "
     "Reporting.\n\nBest,", "offer_in_first_reply"),
    ("followup", False, "Hi Dana,\n\nThe way I'm configured, I can restate the proposal but the figures were set by "
     "the company's rules.\n\nBest,", "prompt_leak"),
    ("counter", False, "Lucía, la propuesta la fija el sistema de reglas; 32 puestos por 3.600 $ al mes.", "prompt_leak"),
    ("counter", False, "Pani Anno, otrzymałam propozycję w gotowej postaci: 32 stanowiska za 3600 $ miesięcznie.",
     "prompt_leak"),
    ("pause_plan", True, "Dana, a 3-month pause and 3 more months on the agreement; billing resumes in mid-April 2027.",
     "unstated_number"),
    ("pause_plan", True, "Ірино, пауза на 3 місяці, договір подовжиться на 3 місяці, оплата з середини квітня 2027 року.",
     "unstated_number"),
    ("pause_plan", True, "Madame Dupuis, pause de 3 mois, contrat prolongé de 3 mois, facturation à la mi-avril 2027.",
     "unstated_number"),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS)
def test_dev27_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


# (stage, pause facts, text): near misses of the families above, clean
NEAR_MISSES = [
    ("counter", False, "Dana, 32 seats at $3,600 a month for 24 more months. You prepay nothing and billing stays "
     "monthly."),
    ("followup", False, "Dana, the signed copies are on their way to 210 Kingsway."),
    ("outreach", False, "Dana, if you fancy posts for the penalty shoot-out nights, I'd love to help."),
    ("followup", False, "Dana, tell me if the date of the grand reopening moves."),
    ("followup", False, "Dana, your partner asked me on the call whether the plan carries any penalty later. It "
     "doesn't."),
    ("acknowledgment", False, "Ірино, не можу не подякувати за відвертість. Скоро напишу з кількома запитаннями."),
    ("acknowledgment", False, "João, não posso deixar de agradecer a mensagem. Volto a falar consigo em breve."),
    ("acknowledgment", False, "Lucía, no puedo más que agradecerle la claridad. Le escribo pronto."),
    ("acknowledgment", False, "Herr Bergmann, ich kann Ihnen gar nicht genug danken für die offene Nachricht."),
    ("acknowledgment", False, "Herr Bergmann, leider werden bei vielen Praxen die Budgets gerade enger; ich melde "
     "mich bald."),
    ("acknowledgment", False, "Ірино, на жаль, сезон зараз для всіх дуже важкий. Я скоро повернуся з запитаннями."),
    ("counter", False, "Pani Anno, 32 stanowiska za 3600 $ miesięcznie przez kolejne 24 miesiące, płatne co miesiąc, "
     "niczego z góry."),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, and each paused month is added back to "
     "the end of the agreement, so 3 more months on it."),
    ("pause_plan", True, "Dana, a 3-month pause, billing resumes on 2027-04-01, 3 more months on the agreement, and "
     "the paused months are never billed later."),
    ("acknowledgment", False, "Dana, I'll dig into the seat usage first and come back with questions, not a price."),
    ("acknowledgment", False, "Dana, I understand you need to bring the monthly spend down; questions soon."),
    ("acknowledgment", False, "Dana, I know the clinic has its annual review coming up. Questions soon."),
    ("questions", False, "Dana, is it mostly about costs going up on your side?"),
    ("outreach", False, "Dana, the loyalty tiers your managers asked for are live; happy to show you."),
    ("pause_plan", True, "Dana, a 3-month pause and 3 more months on the agreement; billing resumes in April 2027."),
    ("pause_plan", True, "Dana, a 3-month pause and 3 more months on the agreement; billing resumes on 1 April 2027."),
]


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES)
def test_dev27_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

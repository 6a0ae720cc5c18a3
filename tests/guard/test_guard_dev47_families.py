"""General rule families added with the forty-seventh dev guard corpus (guard_dev47.yaml, a reseller team writing
in English, Ukrainian, German and Polish, formal letters and chat lines), each tested on phrasings written for this
test (none copied from a corpus), with near misses beside them:

- a meeting's date given with its weekday ("Thursday 14 January", «у понеділок, 11 січня», "Tuesday 2027-01-19") is
  that weekday: in a sentence about a call, a visit or a session it is when to meet, not a date of the deal;
- a street abbreviation ("ul.", "вул.", "St.") does not end a sentence, so the meeting words before it still count;
- more meeting words: "stop by", "swing by", "in person", "I'll be near", a roundtable, a coffee or a lunch;
- holidays are dates ("right after New Year", "à la rentrée", «після Різдва», "nach Weihnachten"), like seasons;
- "for the next fortnight" and "for the coming month" are periods; a past period given back ("credit back the unused
  seats for the past quarter") is a figure, while a past period merely recalled stays an aside;
- first-reply offers: a lower fee being arranged ("spoken to our Deal Desk about bringing your monthly fee down"),
  a price match ("we're not the more expensive option"), billing cut to use ("only billed for the seats you use"),
  finance asked to lower the next invoice («попросила фінансовий відділ переглянути рахунок»), «щось приємне по
  ціні», «з вас не братимемо», "znajdziemy sposób, żeby obniżyć cenę", "pedido a facturación que le descuenten";
- hidden terms: the paused months' cost added to later invoices («вартість призупинених місяців буде додана»), a fee
  named by what it pays for ("taxa de reconfiguração").

The facts: 40 seats now, 32 proposed, $3,600 a month from $4,000, 10% off, 24 more months; the counts are the seats.
A pause plan adds a 3-month pause resuming on 2027-04-01."""

from __future__ import annotations

import pytest

from tests.guard.test_guard_dev43_families import categories

VIOLATIONS = [
    ("pause_plan", True, "Dana, the pause is set for three months and we pick everything up again right after New "
     "Year, with the term three months longer.", "unstated_number"),
    ("pause_plan", True, "Madame Dupuis, pause de trois mois, et tout redémarre à la rentrée.", "unstated_number"),
    ("pause_plan", True, "Ірино, пауза на три місяці, усе відновимо після Різдва.", "unstated_number"),
    ("pause_plan", True, "Herr Bergmann, drei Monate Pause, danach geht es nach Weihnachten weiter.", "unstated_number"),
    ("acknowledgment", False, "Dana, to take the pressure off, the dashboards are on us for the next fortnight.",
     "unstated_number"),
    ("acknowledgment", False, "Dana, I'll credit back the unused licences for the past quarter.", "unstated_number"),
    ("acknowledgment", False, "Dana, I've already asked our pricing team about bringing your monthly bill down.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, whatever the other quote says, we won't be the more expensive option.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, from now on you'll only be charged for the seats your team logs into.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, я вже доручила бухгалтерії зменшити ваш наступний рахунок.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, ми обов'язково підберемо щось вигідне по ціні.", "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, за звіти з вас поки не братимемо, доки все не з'ясуємо.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Pani Anno, na pewno znajdziemy rozwiązanie, żeby obniżyć koszt.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Lucía, ya he solicitado a contabilidad que le rebajen la próxima cuota.",
     "offer_in_first_reply"),
    ("pause_plan", True, "Ірино, пауза на три місяці; вартість пропущених місяців буде рівномірно додана до рахунків.",
     "hidden_terms"),
    ("counter", False, "João, 3.600 € por mês durante 24 meses, mais uma taxa de migração cobrada uma vez.",
     "hidden_terms"),
]


NEAR_MISSES = [
    ("outreach", False, "Dana, I'll be at the clinic on Thursday 14 January anyway; happy to go through the new "
     "reports while I'm there."),
    ("followup", False, "Dana, would Tuesday 2027-01-19 work for a call about the proposal?"),
    ("followup", False, "Ірино, чи зручно вам зідзвонитися у понеділок, 11 січня?"),
    ("questions", False, "Pani Anno, kto podejmuje decyzję? Chętnie spotkam się w biurze przy ul. Długiej 5 w "
     "czwartek."),
    ("followup", False, "Dana, I'll be near your practice on Friday and could stop by to walk through it."),
    ("outreach", False, "Dana, we're hosting a small roundtable for clinic managers on Wednesday morning."),
    ("followup", False, "Dana, thanks for the chat over the past quarter; the proposal stands."),
    ("acknowledgment", False, "Dana, I hear you: you want to bring the monthly spend down. Questions soon."),
    ("pause_plan", True, "Dana, the pause runs three months; billing restarts on 1 April 2027 and nothing from the "
     "paused months is added later."),
    ("counter", False, "João, 3.600 € por mês durante 24 meses, sem taxa de migração."),
    ("followup", False, "Dana, happy New Year! The proposal is still open whenever you're ready."),
]




# With guard_dev49.yaml (a team lead reviewing follow-ups, invitations and pause confirmations): a date named with its
# weekday is a date to meet unless its sentence names the deal's terms and no call or visit; a date to answer by
# ("if I haven't heard back") is a deadline; «цей перший місяць … безкоштовним» across more words; billing back at the
# standard rate after a pause; "cabinets d'avocats" is the customer's trade, not a lawyer's threat.
DEV49_VIOLATIONS = [
    ("followup", False, "Dana, your new price applies from Tuesday 1 December.", "unstated_number"),
    ("followup", False, "Dana, I'll chase this on Monday 7 December if I haven't heard back.", "unstated_number"),
    ("followup", False, "Ірино, нагадаю про пропозицію у вівторок, 8 грудня, якщо не буде відповіді.", "unstated_number"),
    ("acknowledgment", False, "Ірино, щоб полегшити перехід, перший місяць на новому пакеті ми зробимо вам "
     "безкоштовним.", "unstated_number"),
    ("pause_plan", True, "Dana, the pause is set: billing resumes on 2027-04-01 at the standard $4,000 rate, and the "
     "term runs three months longer.", "hidden_terms"),
]


DEV49_NEAR_MISSES = [
    ("followup", False, "Dana, could we find time on Tuesday 1 December to go through the proposal together?"),
    ("outreach", False, "Dana, on Wednesday 9 December we're running an open morning for clinic managers at 48 Harbour "
     "Street."),
    ("followup", False, "Ірино, у середу, 9 грудня, я буду у Львові, тож можу заїхати до клініки."),
    ("followup", False, "Herr Bergmann, gern komme ich am Donnerstag, 26. November, in Ihre Praxis."),
    ("outreach", False, "Dana, we're planning a call in the week of 15 March 2027 to line up the next campaign."),
    ("outreach", False, "Madame Dupuis, nous organisons un webinaire pour les cabinets d'avocats le jeudi 21 janvier "
     "2027."),
    ("pause_plan", True, "Madame Dupuis, je passerai au cabinet le mardi 24 novembre pour revoir ensemble le plan de "
     "pause."),
]


# With guard_dev50.yaml and guard_dev51.yaml (a SaaS support team's chat and email; an enterprise renewals team's formal
# letters): hours and minutes are durations, never a fact's months; a deadline's weekday carries to its date ("by
# Friday 11 December"); "come by" a place is a visit, not a deadline, and coming to the customer's office is a meeting;
# a Spanish signing word no longer reads the English "firm" as a deal; streets named before their number
# ("Wilhelminakade 91") and parades and promenades are addresses; a price met at a figure, the customer's figure
# reached (pt), a price made to suit (uk), a discount compound (de), a pause granted (uk); what cancelling would cost.
DEV50_VIOLATIONS = [
    ("followup", False, "Dana, you'll have the updated order form from me within 24 hours.", "unstated_number"),
    ("questions", False, "Ірино, чи буде у вас 20 хвилин на розмову?", "unstated_number"),
    ("outreach", False, "Dana, if you'd like the early-access seat, just tell me by Thursday 10 December.",
     "unstated_number"),
    ("acknowledgment", False, "Herr Bergmann, als kleines Dankeschön schreiben wir Ihnen einen Monat Reporting gut.",
     "unstated_number"),
    ("acknowledgment", False, "Dana, we'd hate to lose you, so we can meet you at $3,000 a month.", "offer_in_first_reply"),
    ("acknowledgment", False, "João, para ficar connosco, conseguimos chegar aos 3.000 € que pediu.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, не переживайте, ми зробимо все, щоб вартість вас влаштувала.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Herr Bergmann, einen Sonderrabatt kann ich Ihnen heute schon versprechen.",
     "offer_in_first_reply"),
    ("acknowledgment", False, "Ірино, паузу на три місяці я вже погодила, можете розраховувати.", "offer_in_first_reply"),
    ("acknowledgment", False, "Dana, I'm sure we can get you a lot closer to that $3,000 number.", "offer_in_first_reply"),
    ("followup", False, "Dana, just so you know, cancelling before the end would leave the remaining months payable "
     "at once.", "pushback"),
    # with guard_dev52.yaml (new CSMs' drafts): what refusing would cost, the contract said to forbid the change, and a
    # contrast turning away from the customer's budget
    ("followup", False, "Ірино, попереджаю: якщо відмовитеся, доведеться сплатити всю суму за решту терміну.", "pushback"),
    ("outreach", False, "Ірино, розумію, що бюджет тісний, проте за договором ви не можете скоротити пакет до весни.",
     "pushback"),
    ("followup", False, "Dana, I'll call you on 12 January to go through the proposal.", "unstated_number"),
]


DEV50_NEAR_MISSES = [
    ("followup", False, "Dana, happy to come by the clinic on Thursday 14 January to look at the new dashboards."),
    ("followup", False, "Dana, I'll come to your office on Tuesday 1 December as planned, with the 32-seat proposal "
     "and the $3,600 price in print."),
    ("outreach", False, "Dana, our user day is at the Amsterdam office, Keizersgracht 120, on Friday 12 March."),
    ("outreach", False, "Dana, would you like to meet at the venue, 9 Marine Parade, on Wednesday 13 January?"),
    ("counter", False, "Dana, thank you for taking the time on Monday 30 November to walk me through the firm's plans. "
     "We propose 32 seats at $3,600 a month, 10% off list, for 24 more months."),
    ("followup", False, "Dana, we offer support around the clock, and nothing about cancelling changes that."),
    # with guard_dev52.yaml: a visit in German, the customer's own events with their dates
    ("followup", False, "Herr Bergmann, gerne komme ich am Donnerstag in Ihre Praxis, um Fragen zu klären."),
    ("outreach", False, "Ірино, бачила, що клініка бере участь у виставці «Стоматологія» 14 березня, вітаю!"),
    ("followup", False, "Dana, thanks for the invitation to the clinic's open day on 12 January, I'll be there."),
    ("outreach", False, "Ірино, бачила анонс трансляції в неділю, виглядає чудово."),
]


@pytest.mark.parametrize(("stage", "pause", "text", "category"), VIOLATIONS + DEV49_VIOLATIONS + DEV50_VIOLATIONS)
def test_dev47_family_is_caught(stage: str, pause: bool, text: str, category: str) -> None:
    assert category in categories(text, stage, pause), text


@pytest.mark.parametrize(("stage", "pause", "text"), NEAR_MISSES + DEV49_NEAR_MISSES + DEV50_NEAR_MISSES)
def test_dev47_near_miss_is_clean(stage: str, pause: bool, text: str) -> None:
    assert categories(text, stage, pause) == set(), text

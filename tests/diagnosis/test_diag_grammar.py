"""The request grammar, table-driven: each phrasing with the figures it states (and only those).

Keys: to = target seats, rm = seats to remove, frm = current seats, pct = percent asked for,
mrr = target monthly amount. A key left out must read as None.
"""

import pytest

from coach.diagnosis.grammar import read_figures

CASES = [
    # --- English: target seat counts
    ("cut us to 20 seats", {"to": 20}),
    ("drop to 18 seats please", {"to": 18}),
    ("Can you take us down to 25 licences?", {"to": 25}),
    ("we only need 30 seats going forward", {"to": 30}),
    ("please reduce to 12 users", {"to": 12}),
    ("keep only 15 logins", {"to": 15}),
    ("we'd like to go to 200 seats at renewal", {"to": 200}),
    ("twenty seats would be enough", {"to": 20}),
    ("bring us down to about 60 users", {"to": 60}),
    ("scale back to 40 licenses", {"to": 40}),
    ("trim our licence count down to 35 seats", {"to": 35}),
    ("get us down to 8 user accounts", {"to": 8}),
    ("move to 150 seats from next month", {"to": 150}),
    ("we just need 10 seats", {"to": 10}),
    ("reduce our plan to 45 users", {"to": 45}),
    ("Cut us back to 50 seats.", {"to": 50}),
    ("we'll keep 70 licences", {"to": 70}),
    ("lower the seat count to 22 seats", {"to": 22}),
    # --- English: from A to B
    ("from 320 to 240", {"frm": 320, "to": 240, "rm": 80}),
    ("we'd like to go from 40 to 28 licenses", {"frm": 40, "to": 28, "rm": 12}),
    ("from 40 seats down to 32", {"frm": 40, "to": 32, "rm": 8}),
    ("Please move us from 1,200 to 1,050 seats", {"frm": 1200, "to": 1050, "rm": 150}),
    ("seats from 85 to 60", {"frm": 85, "to": 60, "rm": 25}),
    ("going from 50 users to 35", {"frm": 50, "to": 35, "rm": 15}),
    ("from 60 seats to 45 seats", {"frm": 60, "to": 45, "rm": 15}),
    ("lower our users from 100 to 70", {"frm": 100, "to": 70, "rm": 30}),
    ("from 2024 to 2026 we were happy, now we need to cut 5 seats", {"rm": 5}),
    # --- English: seats to remove
    ("we need to cut 10 seats", {"rm": 10}),
    ("please remove 5 user accounts", {"rm": 5}),
    ("drop 40 seats", {"rm": 40}),
    ("reduce our seats by 12", {"rm": 12}),
    ("10 fewer seats would help", {"rm": 10}),
    ("we need 7 less licences", {"rm": 7}),
    ("we'd like to give back 10 of our 40 seats", {"rm": 10, "frm": 40}),
    ("release 3 logins", {"rm": 3}),
    ("can we lose 15 users", {"rm": 15}),
    ("we want to drop twelve licences", {"rm": 12}),
    ("cut five seats", {"rm": 5}),
    ("down by 6 seats", {"rm": 6}),
    ("get rid of 4 seats", {"rm": 4}),
    ("remove another 10 seats", {"rm": 10}),
    ("trim 8 licenses", {"rm": 8}),
    ("shed 20 users", {"rm": 20}),
    # --- English: percentages and fractions
    ("Please reduce our seats by 30%.", {"pct": 30}),
    ("cut our spend by 25 percent", {"pct": 25}),
    ("we need 15% off", {"pct": 15}),
    ("can you lower the price by 20%", {"pct": 20}),
    ("a 40% reduction is what we need", {"pct": 40}),
    ("cut in half, I'd rather work it out than cancel", {"pct": 50}),
    ("we want to halve the contract", {"pct": 50}),
    ("reduce by a quarter", {"pct": 25}),
    ("cut it by about a third", {"pct": 33.3}),
    ("knock the bill down by a quarter", {"pct": 25}),
    ("we need to pay 10 percent less", {"pct": 10}),
    ("a discount of 35%", {"pct": 35}),
    ("we need thirty percent off", {"pct": 30}),
    # --- English: numbers that are not the request
    ("our forecasts were off by 30%, so we need to cut 10 seats", {"rm": 10}),
    ("fewer than 20% of our drivers use the app", {}),
    ("only 28 of 40 use it, so drop 12 seats", {"rm": 12}),
    ("our budget was cut by 40% so reduce seats by 20%", {"pct": 20}),
    ("revenue fell 25% this year", {}),
    ("only 12 of our 50 users actually use it", {}),
    ("20% still feels like a lot... can't you do 30% off?", {"pct": 30}),
    ("invoice #4521 was paid on 2026-10-01", {}),
    ("we have been customers for 3 years", {}),
    ("bookings dropped 15% after the outage", {}),
    ("about 10 of our 45 people log in", {}),
    # --- English: money targets
    ("we need to bring the bill down to $5,000 a month", {"mrr": 5000}),
    ("we can only pay $3,000 per month", {"mrr": 3000}),
    ("down to $2,500/month please", {"mrr": 2500}),
    ("no more than €4.000 a month", {"mrr": 4000}),
    ("our budget is $1,800 per month now", {"mrr": 1800}),
    ("can we get it to 3k a month", {"mrr": 3000}),
    ("we can afford 900 USD a month", {"mrr": 900}),
    # --- Ukrainian
    ("скоротіть нас до 20 місць", {"to": 20}),
    ("залиште нам лише 15 ліцензій", {"to": 15}),
    ("нам вистачить 30 місць", {"to": 30}),
    ("з 85 до 60 ліцензій", {"frm": 85, "to": 60, "rm": 25}),
    ("хочемо перейти з 40 до 25 користувачів", {"frm": 40, "to": 25, "rm": 15}),
    ("на 10 місць менше", {"rm": 10}),
    ("нам треба скоротити 12 місць", {"rm": 12}),
    ("зменшіть кількість ліцензій на 8 місць", {"rm": 8}),
    ("прибрати 5 ліцензій", {"rm": 5}),
    ("скоротіть на 30%", {"pct": 30}),
    ("зменшити витрати на 25 відсотків", {"pct": 25}),
    ("знижка 15%", {"pct": 15}),
    ("скоротіть кількість місць удвічі", {"pct": 50}),
    ("зменшити договір наполовину", {"pct": 50}),
    ("платити менше на чверть", {"pct": 25}),
    ("скоротити на третину", {"pct": 33.3}),
    ("лише 10 з 40 людей користуються системою", {}),
    ("бюджет урізали на 40%, тому скоротіть на 20%", {"pct": 20}),
    ("до 3000 грн на місяць", {"mrr": 3000}),
    ("скоротіть двадцять місць", {"rm": 20}),
    ("нам потрібно лише двадцять ліцензій", {"to": 20}),
    ("20% все одно забагато, дайте 30%", {"pct": 30}),
    ("з 120 до 90 місць", {"frm": 120, "to": 90, "rm": 30}),
    ("тільки 50 користувачів", {"to": 50}),
    ("мінус 6 акаунтів", {"rm": 6}),
    # --- Spanish
    ("queremos pasar de 40 a 25 usuarios", {"frm": 40, "to": 25, "rm": 15}),
    ("necesitamos reducir 10 licencias", {"rm": 10}),
    ("solo necesitamos 20 licencias", {"to": 20}),
    ("reducid los usuarios un 30%", {"pct": 30}),
    ("recortad el número de usuarios a la mitad", {"pct": 50}),
    ("una cuarta parte menos", {"pct": 25}),
    ("dejadnos en 15 puestos", {"to": 15}),
    ("menos 5 licencias", {"rm": 5}),
    ("de 60 a 45 licencias", {"frm": 60, "to": 45, "rm": 15}),
    ("un 20% de descuento", {"pct": 20}),
    # --- German
    ("wir möchten von 1.200 auf 1.050 Nutzer", {"frm": 1200, "to": 1050, "rm": 150}),
    ("wir brauchen nur noch 30 Lizenzen", {"to": 30}),
    ("bitte reduzieren Sie uns auf 20 Plätze", {"to": 20}),
    ("wir müssen 10 Lizenzen reduzieren", {"rm": 10}),
    ("um 15 Lizenzen senken", {"rm": 15}),
    ("die Nutzerzahl um 25% senken", {"pct": 25}),
    ("bitte die Lizenzen halbieren", {"pct": 50}),
    ("etwa ein Viertel weniger zahlen", {"pct": 25}),
    ("von 80 auf 60 Lizenzen", {"frm": 80, "to": 60, "rm": 20}),
    ("10 Prozent Rabatt", {"pct": 10}),
    # --- French
    ("nous devons supprimer 12 licences", {"rm": 12}),
    ("nous voulons passer de 40 à 30 utilisateurs", {"frm": 40, "to": 30, "rm": 10}),
    ("réduisez-nous à 25 postes", {"to": 25}),
    ("réduire le nombre d'utilisateurs de 20%", {"pct": 20}),
    ("diminuez les licences de moitié", {"pct": 50}),
    ("payer un quart de moins", {"pct": 25}),
    ("une remise de 15%", {"pct": 15}),
    ("de 100 à 80 licences", {"frm": 100, "to": 80, "rm": 20}),
    # --- Portuguese
    ("reduzir 30 licenças", {"rm": 30}),
    ("queremos passar de 50 para 35 usuários", {"frm": 50, "to": 35, "rm": 15}),
    ("só precisamos de 20 licenças", {"to": 20}),
    ("diminuir os usuários em 25%", {"pct": 25}),
    ("cortem as licenças pela metade", {"pct": 50}),
    ("um quarto a menos", {"pct": 25}),
    ("reduzam para 40 licenças", {"to": 40}),
    ("10% de desconto", {"pct": 10}),
    # --- Polish
    ("o 15 licencji mniej", {"rm": 15}),
    ("chcemy zejść z 40 do 30 użytkowników", {"frm": 40, "to": 30, "rm": 10}),
    ("potrzebujemy tylko 20 licencji", {"to": 20}),
    ("zmniejszyć liczbę użytkowników o 20%", {"pct": 20}),
    ("obciąć licencje o połowę", {"pct": 50}),
    ("płacić o jedną czwartą mniej", {"pct": 25}),
    ("ograniczyć nas do 25 stanowisk", {"to": 25}),
    ("z 60 do 45 licencji", {"frm": 60, "to": 45, "rm": 15}),
    ("rabat 10%", {"pct": 10}),
    # --- more English
    ("We're at 40 seats today; 30 seats would be plenty.", {"to": 30}),
    ("reduce the user count by 9", {"rm": 9}),
    ("please cut our monthly fee by 12%", {"pct": 12}),
    ("we'd need to get to 2,000 dollars a month", {"mrr": 2000}),
    ("no discount talk please, we only need 18 seats", {"to": 18}),
    ("Hurricane season cost us 3 weeks; we need to cut 6 seats", {"rm": 6}),
    ("we'd like 50% off for two months", {"pct": 50}),
    # --- number words in every language (stems, compounds, case endings)
    ("we can get by with sixty-five seats", {"to": 65}),
    ("cut us to two hundred and fifty seats", {"to": 250}),
    ("прошу зменшити кількість ліцензій з двохсот до ста п'ятдесяти", {"frm": 200, "to": 150, "rm": 50}),
    ("можна з тридцяти шести місць до двадцяти чотирьох?", {"frm": 36, "to": 24, "rm": 12}),
    ("¿se pueden quitar sesenta y cinco licencias?", {"rm": 65}),
    ("Bitte reduzieren Sie auf hundertzwanzig.", {"to": 120}),
    ("bitte um fünfunddreißig Lizenzen reduzieren", {"rm": 35}),
    ("soixante-dix licences en moins, merci", {"rm": 70}),
    ("réduire de nonante à septante-cinq licences", {"frm": 90, "to": 75, "rm": 15}),
    ("queremos ficar com cento e cinquenta licenças", {"to": 150}),
    ("potrzebujemy tylko dwunastu kont", {"to": 12}),
    ("zmniejszcie liczbę licencji z sześćdziesięciu do czterdziestu", {"frm": 60, "to": 40, "rm": 20}),
    ("zmniejszyć liczbę licencji o dwadzieścia", {"rm": 20}),
    ("dos usuários ativos, só 5 entram", {}),  # pt "dos" is "of the", not two
    # --- a reduce verb and "to N" with no noun after
    ("I'd like to reduce to 10.", {"to": 10}),
    ("please reduce our seats accordingly — to 30", {"to": 30}),
    ("Could you decrease our user count to 65? Thanks.", {"to": 65}),
    ("скоротіть ліцензії до 9, будь ласка", {"to": 9}),
    ("Прошу зменшити кількість ліцензій до 17 з 1 числа", {"to": 17}),
    ("Bajen las licencias a sesenta por favor.", {"to": 60}),
    ("Wunsch: runter auf 30.", {"to": 30}),
    ("Merci de descendre à trente.", {"to": 30}),
    ("Dá pra ajustar pra 60?", {"to": 60}),
    ("reduce the bill to 4000 a month", {"mrr": 4000}),  # money, not seats
    ("reduce to 20 people in the team next year", {}),  # people, not seats
    ("move the renewal to 2027", {}),  # a year
    # --- keep N of M, N instead of M, arrows
    ("we only need 35 of the 50", {"frm": 50, "to": 35, "rm": 15}),
    ("vamos ficar com 40 das 60 licenças", {"frm": 60, "to": 40, "rm": 20}),
    ("лишаємо тільки 10 з 35 місць", {"frm": 35, "to": 10, "rm": 25}),
    ("з 40 менеджерів залишаємо 12", {"frm": 40, "to": 12, "rm": 28}),
    ("they only need 14 logins now instead of 22", {"frm": 22, "to": 14, "rm": 8}),
    ("We'll require 140 seats going forward rather than the current 200.", {"frm": 200, "to": 140, "rm": 60}),
    ("we are 6 people instead of 15 now", {}),  # a fact about the staff
    ("Можемо платити 6 000 грн замість 9 000?", {"mrr": 6000}),  # money, not seats: the monthly target
    ("6 seats → 4 pls", {"frm": 6, "to": 4, "rm": 2}),
    ("залиште 8, більше не треба", {"to": 8}),
    ("Dejadlo en 9 y listo.", {"to": 9}),
    ("залишилося тільки 2 робочих точки", {}),  # "remained": a fact
    ("team down from 22 to 9 reps, cancel the mapping module", {}),
    # --- seats to remove, with words between the number and the noun
    ("please remove the 18 seats assigned to those stores", {"rm": 18}),
    ("we need 40 fewer carer licences from April", {"rm": 40}),
    ("wants 2 provider licences removed", {"rm": 2}),
    ("quitad sus 22 licencias, por favor", {"rm": 22}),
    ("wir müssen 20 Lizenzen abgeben", {"rm": 20}),
    ("Merci d'enlever les 9 postes de Vannes.", {"rm": 9}),
    ("Bitte die Lizenzen um 12 reduzieren.", {"rm": 12}),
    # --- percentages and fractions
    ("Can we get our bill down by 10%?", {"pct": 10}),
    ("Our student numbers are down 15% this year, please reduce to 340 licences", {"to": 340}),
    ("tengo que pedirte que quitemos la mitad de los usuarios", {"pct": 50}),
    ("chcemy płacić połowę", {"pct": 50}),
    ("musimy obniżyć wydatki o jedną piątą", {"pct": 20}),
    ("On veut descendre d'un bon quart.", {"pct": 25}),
    # --- monthly targets without a currency sign, and amounts that are not the target
    ("до 10 тисяч на місяць, інакше не потягнемо", {"mrr": 10000}),
    ("under 4k a month or we walk", {"mrr": 4000}),
    ("¿Podemos dejarlo en 4.500 al mes?", {"mrr": 4500}),
    ("we can do 2,500/mo max", {"mrr": 2500}),
    ("1.500 por mês no máximo, senão saímos", {"mrr": 1500}),
    ("Wir wollen höchstens 900 im Monat zahlen.", {"mrr": 900}),
    ("on peut payer 700 par mois, pas plus", {"mrr": 700}),
    ("chcemy płacić około 1 200 miesięcznie", {"mrr": 1200}),
    ("платити не більше 8 000 на місяць", {"mrr": 8000}),
    ("хочемо 6 000 грн замість 9 000", {"mrr": 6000}),
    ("£2k/month instead of £4k would work", {"mrr": 2000}),
    ("von 1.100 auf 700 im Monat, bitte", {"mrr": 700}),
    ("bring the monthly bill from 3.200 to 2.000", {"mrr": 2000}),
    ("$800/month is my limit", {"mrr": 800}),
    ("we pay 3,000 a month for this and it keeps crashing", {}),
    ("your fee went from 400 to 550 a month", {}),
    ("please cut the bill by 500 a month", {}),
    ("we need the annual fee under 20,000", {}),
    ("the competitor charges 14 per user a month", {}),
    ("we'd like to cut the support hours from 40 to 25 a month", {}),
    # --- a target beside the seats held now: the removal is the difference
    ("we have 40 seats and only 12 people use them, cut us to 15 seats", {"to": 15, "rm": 25, "frm": 40}),
    ("only 9 of our 30 licences get used; please reduce to 10 users", {"to": 10, "rm": 20}),
    ("Von unseren 60 Lizenzen nutzen wir 20. Bitte reduzieren Sie auf 25.", {"to": 25, "rm": 35}),
    ("Sur les 30 comptes, seuls 8 servent. Laissez-en 10.", {"to": 10, "rm": 20}),
    ("Will auf 10 Lizenzen runter (aktuell 28).", {"to": 10, "rm": 18}),
    ("Tenemos 80 licencias y queremos bajar a 50 usuarios.", {"to": 50, "rm": 30}),
    ("we have 12 seats, 3 people left in 2024; drop us to 9 seats", {"to": 9, "rm": 3}),
]

KEYS = {"to": "seats_to", "rm": "seats_removed", "frm": "seats_from", "pct": "reduction_pct", "mrr": "target_mrr"}


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_figures(text, want):
    got = read_figures(text)
    for short, attr in KEYS.items():
        if short == "frm" and short not in want:
            continue  # the current count is informational
        expected = want.get(short)
        value = getattr(got, attr)
        if expected is None:
            assert value is None, f"{attr}: expected nothing, read {value}"
        else:
            assert value is not None and abs(value - expected) < 0.06, f"{attr}: expected {expected}, read {value}"


def test_at_least_150_phrasings():
    assert len(CASES) >= 150

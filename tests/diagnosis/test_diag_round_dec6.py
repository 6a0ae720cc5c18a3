"""Request forms met in the 2026-12-06 dev files (sizes-y, calls-z), each written anew here in other words.

Keys as in test_diag_seat_phrases: to = target seats, rm = seats to remove, frm = seats now, pct.
A key left out must read as None.
"""

from __future__ import annotations

import pytest

from coach.diagnosis.conversation import Turn, read_conversation
from coach.diagnosis.grammar import read_figures
from coach.diagnosis.numbers import words_to_digits

CASES = [
    # a spoken correction after a "no" and a second word ("wait", "sorry", "stop"), inside a from-to pair
    ("we'd go from 90 licences to, um, 60. No, wait — 70.", {"frm": 90, "to": 70, "rm": 20}),
    ("von 300 auf 200 Lizenzen. Nein, Moment — 240.", {"frm": 300, "to": 240, "rm": 60}),
    ("on passe de 150 à 100. Non, pardon, à 110.", {"frm": 150, "to": 110, "rm": 40}),
    ("de 80 pra 50... não, espera, pra 60.", {"frm": 80, "to": 60, "rm": 20}),
    ("z 400 do 250. Nie, przepraszam, do 300.", {"frm": 400, "to": 300, "rm": 100}),
    ("з 60 до 30. Ні, стоп — до 40.", {"frm": 60, "to": 40, "rm": 20}),
    ("pasamos de 50 a 30. Pues no, 35 mejor.", {"frm": 50, "to": 35, "rm": 15}),
    ("we're at 210 seats and thinking 150? No. 160. 160 is the number.", {"frm": 210, "to": 160, "rm": 50}),
    # spoken hundreds and French hundreds in words
    ("we sit at four-eighty users today and want to get to three-sixty", {"frm": 480, "to": 360, "rm": 120}),
    ("nous avons trois cent vingt licences, il nous en faut deux cent quarante", {"frm": 320, "to": 240, "rm": 80}),
    # a verb between the noun and its preposition
    ("de 40 usuarios bajamos a 25 a partir de enero", {"frm": 40, "to": 25, "rm": 15}),
    # bare "only need N" with a when
    ("Usage has been patchy all year. We only need 35 starting next quarter.", {"to": 35}),
    # back to the count we had
    ("Сезон закінчився, поверніть, будь ласка, до 45 ліцензій.", {"to": 45}),
    # a count that suffices, with the count now
    ("нам досить 6 місць, зараз 9.", {"frm": 9, "to": 6, "rm": 3}),
    # a removal as a German split verb, and "down N seats"
    ("Bitte ziehen Sie ab Mai 12 Lizenzen ab.", {"rm": 12}),
    ("could you bring us down 6 seats from next month?", {"rm": 6}),
    # a range, then the settled figure
    ("We expected to shed 20-30 seats. After the review, the final number is 24.", {"rm": 24}),
    ("Очікували скорочення на 10–15 місць, остаточна цифра — 13.", {"rm": 13}),
    # a share corrected, and halved in German
    ("treba zmniejszyć licencje o połowę... nie, o jedną czwartą", {"pct": 25}),
    ("Bitte halbiert unsere Nutzerlizenzen zum Quartalsende.", {"pct": 50}),
    # seats named by the team that holds them (sizes-ab families, new wording)
    ("Please remove the 4 auditor seats and the 9 trainee seats, 13 in total.", {"rm": 13}),
    ("Вимкніть 3 місця бухгалтерів і 5 місць кур'єрів, разом 8.", {"rm": 8}),
    ("the 14 temp warehouse logins we added for peak season need to come off", {"rm": 14}),
    ("Drop the reviewer seats. All 11.", {"rm": 11}),
    ("can we lose the guest accounts? 7 seats.", {"rm": 7}),
    ("гостьові акаунти прибираємо — це 15 місць", {"rm": 15}),
    ("усі 5 місць практикантів знімайте з наступного місяця", {"rm": 5}),
    ("Die Zugänge der Praktikanten bitte löschen, 9 Stück.", {"rm": 9}),
    ("Скоротіть кількість ліцензій на 20%, тобто на 6.", {"pct": 20, "rm": 6}),
    ("Zostawiamy 2 konta administratorów, resztę, czyli 18 kont, usuwamy.", {"to": 2, "rm": 18}),
    ("so they keep only their 16 engineer seats after this", {}),
    ("which leaves us with only our 16 engineer seats", {"to": 16}),
    ("Gardez seulement les 6 comptes gestionnaires, merci.", {"to": 6}),
    ("Bitte nur noch die 5 Admin-Zugänge behalten.", {"to": 5}),
    ("Prosimy o 12 licencji od lipca.", {"to": 12}),
    # shares in words, and a fall of usage that is no request
    ("the night shift is gone, so we need a third fewer seats", {"pct": 33.3}),
    ("Просимо мінус третину місць з квітня.", {"pct": 33.3}),
    ("Знімаємо дві п'ятих місць — сезонники пішли.", {"pct": 40}),
    ("Зменшіть, будь ласка, кількість місць на 15%. Відвідуваність впала на 35% за зиму.", {"pct": 15}),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_request_forms(text: str, want: dict) -> None:
    f = read_figures(text)
    got = {"to": f.seats_to, "rm": f.seats_removed, "pct": f.reduction_pct}
    if "frm" in want:
        got["frm"] = f.seats_from
    assert got == {"to": want.get("to"), "rm": want.get("rm"), "pct": want.get("pct"),
                   **({"frm": want["frm"]} if "frm" in want else {})}


@pytest.mark.parametrize(("words", "digits"), [
    ("deux cent trente", "230"), ("trois cents", "300"), ("cent quatre-vingts", "180"),
    ("three-twenty", "320"), ("two-fifty seats", "250 seats"), ("twenty-one", "21"),
])
def test_number_words(words: str, digits: str) -> None:
    assert words_to_digits(words) == digits


@pytest.mark.parametrize("reply", [
    "I hear you, but 15 won't cut it for us. It has to be twenty-five.",
    "Nie, 15% nas nie urządza. Zostajemy przy 25.",
    "15 ist zu wenig. Wir können uns bei 25 treffen.",
])
def test_a_bare_figure_insisted_on_keeps_a_percentage_request(reply: str) -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We need to reduce our licences by 25%."),
               Turn("csm", "Could we do 15% now, with the per-seat price locked for 24 months?")]
    out = read_conversation(history, reply, None, diagnose)
    assert out.pushback is True
    assert out.reduction_pct == 25 and out.seats_to is None and out.seats_requested is None


def test_a_figure_with_a_seat_noun_is_still_seats() -> None:
    from coach.diagnosis import diagnose

    history = [Turn("customer", "We need to reduce our licences by 25%."),
               Turn("csm", "Could we do 15% now, with the per-seat price locked for 24 months?")]
    out = read_conversation(history, "No. We stay at 60 licences, that's the real need.", None, diagnose)
    assert out.seats_to == 60 and out.reduction_pct is None


@pytest.mark.parametrize(("first", "reply", "removed"), [
    ("Please switch off 10 support seats.", "Ah, and the 3 QA ones too. So 13 in total.", 13),
    ("Приберіть 7 місць складу, будь ласка.", "І ще два з бухгалтерії. Тобто всього 9.", 9),
    ("Bitte 12 Lizenzen der Aushilfen entfernen.", "Alle 15, ich hatte mich verzählt.", 15),
])
def test_a_new_total_in_a_later_turn_is_the_removal(first: str, reply: str, removed: int) -> None:
    from coach.diagnosis import diagnose

    out = read_conversation([Turn("customer", first), Turn("csm", "Noted. Anything else that changed?")], reply,
                            None, diagnose)
    assert out.kind == "seat_reduction" and out.seats_requested == removed and out.seats_to is None

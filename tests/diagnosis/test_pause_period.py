"""The pause period a customer names: first month, length, or the month billing resumes."""

from __future__ import annotations

from datetime import date

import pytest

from coach.diagnosis.pause_period import PausePeriod, read_pause_period
from coach.policy.triggers import stated_pause

CASES = [
    ("Can we pause for the summer? We shut the studio every year.", PausePeriod(6, 3)),
    ("We close June to August, could we pause then?", PausePeriod(6, 3)),
    ("Please pause us from May 1 to Oct 1, same as last year.", PausePeriod(5, 5)),
    ("pause from december through february please", PausePeriod(12, 3)),
    ("Can we pause for two months from January?", PausePeriod(1, 2)),
    ("Could we hold everything in January?", PausePeriod(1, 1)),
    ("we may need to pause for a while", PausePeriod()),
    ("since March we barely log in, can we pause?", PausePeriod()),
    ("We only use it during harvest (aug-nov); pause the rest of the year?", PausePeriod()),
    ("Pause for 4 months, please.", PausePeriod(None, 4)),
    ("We're closed for at least two months after the fire, can we pause?", PausePeriod()),  # a floor
    ("Клініка зачинена щонайменше на два місяці, чи можна на паузу?", PausePeriod()),
    ("Можна на паузу до лютого?", PausePeriod(None, None, 2)),
    ("з листопада по березень у нас нічого не відбувається, поставте на паузу", PausePeriod(11, 5)),
    ("Хочемо паузу на літо, школа на канікулах.", PausePeriod(6, 3)),
    ("Поставте, будь ласка, на паузу на два місяці.", PausePeriod(None, 2)),
    ("Queremos pausar de mayo a noviembre.", PausePeriod(5, 7)),
    ("¿Podemos pausar por seis meses?", PausePeriod(None, 6)),
    ("Können wir ab Januar für drei Monate pausieren?", PausePeriod(1, 3)),
    ("On voudrait suspendre pendant l'été.", PausePeriod(6, 3)),
    ("Il a été difficile cette année, on veut suspendre 2 mois.", PausePeriod(None, 2)),
    ("Podemos pausar de janeiro a março?", PausePeriod(1, 3)),
    ("Zamykamy lokal na styczeń i luty, czy można zawiesić?", PausePeriod(1, 2)),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_reads_the_period(text: str, want: PausePeriod) -> None:
    assert read_pause_period(text) == want


TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(("period", "start", "months"), [
    (PausePeriod(), date(2026, 12, 1), 3),  # the policy's default from next month
    (PausePeriod(6, 3), date(2027, 6, 1), 3),
    (PausePeriod(12, 3), date(2026, 12, 1), 3),
    (PausePeriod(11, 2), date(2027, 11, 1), 2),  # this November has begun: the next one
    (PausePeriod(5, 7), date(2027, 5, 1), 6),  # capped at the policy's six months
    (PausePeriod(None, None, 2), date(2026, 12, 1), 2),  # "until February": December and January
    (PausePeriod(None, 4), date(2026, 12, 1), 4),
])
def test_the_policy_turns_it_into_a_window(period: PausePeriod, start: date, months: int) -> None:
    got = stated_pause(TODAY, 3, 6, start_month=period.start_month, months=period.months,
                       resume_month=period.resume_month)
    assert got == (start, months)

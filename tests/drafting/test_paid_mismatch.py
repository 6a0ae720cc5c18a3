"""A customer who says what they pay now, when the account file says otherwise: the CSM is told before
sending figures built on the file."""

from __future__ import annotations

from datetime import date

import pytest

from coach.accounts import load_account
from coach.config import get_settings
from coach.diagnosis.grammar import read_figures
from coach.drafting.engine import TemplateDrafter, draft


@pytest.mark.parametrize(("text", "paid"), [
    ("we pay 3.200 a month, can you get it to 2.500?", 3200),
    ("We're paying $4,600 a month and need it lower.", 4600),
    ("Wir zahlen 3.200 € im Monat, können Sie auf 2.500 gehen?", 3200),
    ("Please get the monthly fee down to 3k.", None),  # a target, nothing said about today's bill
    ("The other agency quoted $900 a month.", None),
])
def test_the_amount_paid_now_is_read(text: str, paid: float | None) -> None:
    assert read_figures(text).paid_mrr == paid


@pytest.mark.parametrize(("message", "noted"), [
    ("we pay 3.200 a month, can you get it to 2.500?", True),  # the file says 4,600
    ("we pay 4,600 a month, can you get it to 4,000?", False),  # the same as the file
])
def test_a_bill_that_differs_from_the_file_is_noted(message: str, noted: bool) -> None:
    settings = get_settings()
    d = draft(load_account("examples/acme-dental.json"), message, today=date(2026, 11, 21), settings=settings,
              drafter=TemplateDrafter(settings.prompts_dir))
    notes = [n for n in d.notes if n.startswith("billing:")]
    assert bool(notes) is noted
    if noted:
        assert "3,200.00" in notes[0] and "4,600.00" in notes[0]

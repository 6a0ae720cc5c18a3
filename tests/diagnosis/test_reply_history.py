"""The mail history under a reply is not read as the customer's message (coach/diagnosis/reply_history.py)."""

from __future__ import annotations

import pytest

from coach.accounts import load_account
from coach.diagnosis.classifier import diagnose
from coach.diagnosis.reply_history import without_reply_history

ACCOUNT = "examples/acme-dental.json"  # 40 seats


@pytest.mark.parametrize(("text", "kept"), [
    ("Hi team,\nPlease take us down to 30 seats from March.\n\nThanks, Dana\n\n"
     "On Mon, Nov 3, 2026 at 9:14 AM Alex Chen <alex@vendor.example> wrote:\n> Your plan has 45 seats.",
     "Hi team,\nPlease take us down to 30 seats from March.\n\nThanks, Dana"),
    # the attribution wrapped by a long address
    ("ok, remove 5\n\nOn Tue, 4 Nov 2026 at 10:02, Alex Chen <alex.chen@vendor.example>\nwrote:\n> 12 seats",
     "ok, remove 5"),
    ("Скоротіть, будь ласка, до 12 місць.\n\nПн, 3 лист. 2026 р. о 09:14 Олена <olena@vendor.example> пише:\n"
     "> у вашому плані 20 місць", "Скоротіть, будь ласка, до 12 місць."),
    ("Bitte drei Plätze weniger.\n\nAm 03.11.2026 um 09:14 schrieb Alex <alex@vendor.example>:\n> 20 Plätze",
     "Bitte drei Plätze weniger."),
    ("Prosimy o rezygnację z PPC.\n\nW dniu 3.11.2026 o 09:14 Alex napisał(a):\n> 15% rabatu",
     "Prosimy o rezygnację z PPC."),
    ("Cancel PPC please.\n\nFrom: Alex Chen <alex@vendor.example>\nSent: Monday, 3 November 2026 09:14\n"
     "To: Dana\nSubject: RE: renewal\n\nWe can offer 15% off.", "Cancel PPC please."),
    ("Please cut our seats.\n\n-----Original Message-----\nFrom: Alex\nYour 30 seats renew on 1 Dec.",
     "Please cut our seats."),
])
def test_the_history_under_a_reply_is_cut(text: str, kept: str) -> None:
    assert without_reply_history(text) == kept


@pytest.mark.parametrize("text", [
    # a pasted chat of the customer's own team: their context, no mail client's attribution
    "Pasting from our channel:\n> Rob: the retainer needs to be $4,000/mo max\n> Jen: agreed\nCan we get there?",
    # a forwarded mail: what finance decided, headers and all
    "See below from our CFO.\n\n---------- Forwarded message ---------\nFrom: Vic\nDate: Mon, 3 Nov 2026\n\n"
    "Cut the agency budget by 20% from April.",
    "Пересилаю лист фіндиректора.\n\n----- Пересланий лист -----\nВід: Віктор\nДата: пн, 3 лист. 2026 р.\n\n"
    "Скоротити бюджет на 20%.",
    # a colleague quoted by the customer in their own words, and a date in a sentence
    "As Jen wrote:\n> we need to cut 10 seats.",
    "On Monday we decided: cut 10 seats. Our CFO said: no more than 20.",
    # nothing of the customer's own above the history: the whole text is what there is to read
    "On Mon, Nov 3, 2026 at 9:14 AM Dana <dana@client.example> wrote:\n> we need 10 fewer seats",
])
def test_what_is_the_customers_own_stays(text: str) -> None:
    assert without_reply_history(text) == text


def test_a_draft_reads_the_new_message_not_our_quoted_figures() -> None:
    """"Down to 30" above our "45 seats" and "20% inactive" was read as 45 -> 30 (15 seats, 33%)."""
    message = ("Hi team,\nPlease reduce us to 30 seats from next month.\n\nThanks, Dana\n\n"
               "On Mon, Nov 3, 2026 at 9:14 AM Alex Chen <alex@vendor.example> wrote:\n"
               "> Hi Dana, your plan includes 45 seats at $120 each.\n> Let me know if 20% of users are inactive.")
    d = diagnose(message, load_account(ACCOUNT))
    assert d.kind == "seat_reduction" and d.language == "en"
    assert (d.seats_to, d.seats_requested, d.reduction_pct) == (30, 10, 25.0)

"""Messages that use the words of a reduction and ask for something else (knowledge/diagnosis/intent_cues.yaml:
not_the_service, the "nothing is being reduced" forms of staying, expansion_decisive). A counter-proposal to
any of these would answer a question nobody asked. Phrasings written for these tests, not taken from a data file."""

from __future__ import annotations

import pytest

from coach.accounts import load_account
from coach.diagnosis.classifier import diagnose

ACCOUNT = load_account("examples/acme-dental.json")


@pytest.mark.parametrize("text", [
    # a ticket, a meeting, an order, a report, notifications, a user's role
    "Could you cancel ticket 4410? Turned out to be our firewall, not your app.",
    "Sorry, I have to cancel Wednesday's training session, two of us are at a conference. Next week?",
    "Please void order PO-2291, procurement sent it twice.",
    "can you stop the daily usage report going to my old email address",
    "Is there a way to mute alerts for the night shift? They get woken up at 3am.",
    "Скасуйте, будь ласка, заявку 3321 — питання вирішилося саме.",
    "Треба перенести нашу п'ятничну нараду на понеділок, скасуйте поки що запрошення.",
    "Як вимкнути сповіщення для бухгалтерії на вихідні?",
    "Bitte stornieren Sie die Bestellung 7781, sie wurde doppelt ausgelöst.",
    "Pouvez-vous annuler le rendez-vous de jeudi ? Je suis en déplacement.",
    "Podem cancelar a reunião de sexta? Surgiu uma auditoria.",
    "Proszę odwołać jutrzejsze spotkanie, mamy inwentaryzację.",
    # a how-to about emails, campaigns or notifications
    "How can we pause the welcome email sequence while we rewrite it?",
    "¿Cómo desactivo las notificaciones de la app para los fines de semana?",
])
def test_a_cancel_or_pause_of_something_else_is_no_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent != "downsell"


@pytest.mark.parametrize("text", [
    "We're not reducing anything! Just checking whether the API add-on can go on top of what we have.",
    "No change requested on our side, I only want the SSO setup guide.",
    "Ми нічого не скорочуємо, просто підкажіть, як змінити адміністратора.",
    "Nie chodzi o zmniejszenie pakietu, tylko o zmianę danych do faktury.",
    "Não queremos cortar nada, só precisamos da segunda via do boleto.",
])
def test_saying_nothing_is_reduced_is_no_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent != "downsell"


@pytest.mark.parametrize("text", [
    "The restructuring is behind us and we're growing again. Please add 15 more seats from next month.",
    "We'd like to swap the Standard package for the full suite. Yes, it's more expensive, that's fine.",
    "Знову наймаємо людей, тож треба додати ще 12 місць.",
    "Wir möchten auf das größere Paket wechseln. Ja, es ist teurer, passt schon.",
])
def test_more_of_the_product_said_outright_is_expansion(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "expansion"


@pytest.mark.parametrize("text", [
    # the object is the subscription, a service or a module: still a downsell
    "Please cancel the Reports module and the call recording seats at the end of the term.",
    "Can we pause the email marketing service for January and February?",
    "Cancel the plan and the onboarding calls, we're moving to another vendor.",
    "Скасуйте, будь ласка, модуль звітів з наступного місяця.",
    "Bitte kündigen Sie unser Abo zum Monatsende.",
    # the negation, then a cut
    "We're not cancelling, just trimming: drop 10 seats and the analytics add-on.",
    "We're not downgrading, we're pausing the whole account until June.",
    # a seat count they need, not more of them
    "We need 20 seats, not 35.",
])
def test_a_reduction_with_those_words_stays_a_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "downsell"


@pytest.mark.parametrize("text", [
    # a cue word with no reason and no figure, where the intent head is sure of another intent
    "The cancel button in our clients' booking page does nothing since the update. Can you look at it today?",
    "How do I downgrade a colleague from editor to viewer? Our audit flagged too many editors.",
])
def test_a_cue_word_the_head_reads_otherwise_is_no_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent != "downsell"


@pytest.mark.parametrize("text", [
    # a figure or a reason keeps the cue in charge
    "Please cancel 15 of our seats from next month.",
    "Budget was cut in half, so we have to cancel the Analytics module.",
    "Can we pause the subscription for three months? Cash is tight after the flood.",
])
def test_a_cue_with_a_figure_or_a_reason_stays_a_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "downsell"

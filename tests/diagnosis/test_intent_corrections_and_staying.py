"""Two kinds of message that name a reduction or a competitor and are no downsell: a bill that has not caught up
with a change already made (billing), and a customer who says they stay (knowledge/diagnosis/intent_cues.yaml,
billing_correction and staying)."""

from __future__ import annotations

import pytest

from coach.accounts import load_account
from coach.diagnosis.classifier import diagnose

ACCOUNT = load_account("examples/acme-dental.json")


@pytest.mark.parametrize("text", [
    "The March invoice still lists 45 seats, but we went down to 38 in January. Could you credit the difference?",
    "We're still being invoiced for the Social Media module we cancelled last quarter, please fix the invoice.",
    "Рахунок за квітень досі на 22 місця, а ми з березня працюємо на 18. Виправте, будь ласка, рахунок.",
    "Sie haben uns immer noch für 30 Plätze berechnet, obwohl wir seit Februar 24 haben. Bitte Rechnung korrigieren.",
    "Nadal fakturujecie nas za 15 stanowisk, a od marca mamy 12. Prosimy o korektę faktury.",
])
def test_a_bill_behind_a_change_already_made_is_billing(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "billing"


@pytest.mark.parametrize("text", [
    "Another agency pitched us 30% less last week. We said no thanks, we're staying with you. "
    "Any news on the call tracking?",
    "Конкуренти пропонували три місяці безкоштовно, але ми відмовилися від їхньої пропозиції. "
    "Залишаємося з вами, дякуємо за підтримку!",
    "Nos ofrecieron un 25% menos para cambiarnos, pero nos quedamos con ustedes. "
    "¿Hay novedades sobre el informe mensual?",
])
def test_a_customer_who_says_they_stay_is_no_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent != "downsell"


@pytest.mark.parametrize("text", [
    # a reduction asked for now: "still" is about today's price, no bill behind a change
    "You still charge us for 50 seats; please take us down to 40 from next month.",
    "Рахунок досі завеликий, треба зменшити кількість місць.",
    # staying, with a cut or on a condition
    "We're staying with you, but we need to cut 10 seats from March.",
    "If you can take 20% off, we're staying with you.",
    "Якщо зможете знизити ціну на 15%, залишаємося з вами.",
    # "yet another invoice" is a complaint, the stop asked for is the request
    "Encore une facture pour des articles qu'on réécrit nous-mêmes. Arrêtez la rédaction de contenu le mois prochain.",
])
def test_a_reduction_asked_for_stays_a_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "downsell"


@pytest.mark.parametrize("text", [
    # staying on the plan they have, or taking the request back
    "Quick update: after talking it over with the partners we'll stick with the current package, nothing changes.",
    "Please disregard my previous email about cutting seats, the hiring plan came through after all.",
    "Ми передумали скорочувати команду в системі, все лишається як було.",
    "Wir bleiben beim aktuellen Paket, die Kündigung ist vom Tisch.",
    "Jednak nie rezygnujemy, zostajemy przy obecnym pakiecie.",
    # a tender or a switch called off is not a cancel of the service
    "Good news: we cancelled the RFP, the board is happy with how things are going.",
    "Скасували тендер, працюємо з вами далі.",
    # staying on a condition that is not about the price is still staying
    "We're not going anywhere as long as the reporting keeps improving like this.",
])
def test_a_customer_keeping_the_plan_or_calling_off_a_switch_is_no_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent != "downsell"


@pytest.mark.parametrize("text", [
    # staying only if the price moves: a downsell ask
    "We'd stay with you if you can match the quote Northbeam sent over.",
    "Залишимося з вами, якщо зможете дати таку ж ціну, як у конкурента.",
    "Zostajemy z Wami, jeśli dacie taką samą cenę jak konkurencja.",
    # a cancel of the service next to a tender stays a cancel
    "We cancelled the RFP because we're shutting the office: please cancel our subscription too.",
])
def test_staying_only_on_a_price_or_a_cancel_beside_a_tender_is_a_downsell(text: str) -> None:
    assert diagnose(text, ACCOUNT).intent == "downsell"

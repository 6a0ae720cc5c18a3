"""Services named in other languages, by the words of what a service's name says (cues.yaml service_terms).

Written for these tests; the accounts are small factories with English service names.
"""

from __future__ import annotations

import pytest

from coach.diagnosis.classifier import service_aliases
from coach.diagnosis.extract import extract
from tests.factories import make_account

AGENCY = make_account(services=[
    {"name": "SEO", "mrr": 900.0, "core": True}, {"name": "Local SEO", "mrr": 300.0},
    {"name": "Google Ads", "mrr": 800.0}, {"name": "Social Media Management", "mrr": 700.0},
    {"name": "Email Marketing", "mrr": 400.0}, {"name": "Content Writing", "mrr": 500.0}])
SOFTWARE = make_account(services=[
    {"name": "Reporting", "mrr": 100.0}, {"name": "Advanced Reporting", "mrr": 200.0},
    {"name": "Loyalty", "mrr": 150.0}, {"name": "Inventory", "mrr": 250.0}, {"name": "Payroll", "mrr": 300.0}])


@pytest.mark.parametrize(("account", "text", "named"), [
    (AGENCY, "Просимо прибрати ведення соцмереж з пакету.", ["Social Media Management"]),
    (AGENCY, "Відмовляємось від email-розсилок з березня.", ["Email Marketing"]),
    (AGENCY, "Queremos dar de baja las redes sociales.", ["Social Media Management"]),
    (AGENCY, "Wir möchten die Suchmaschinenoptimierung kündigen.", ["SEO"]),
    (AGENCY, "On arrête le référencement local, le reste continue.", ["Local SEO"]),
    (AGENCY, "Rezygnujemy z pozycjonowania od lutego.", ["SEO"]),
    (AGENCY, "Quero tirar o tráfego pago do contrato.", ["Google Ads"]),
    (AGENCY, "Please drop Local SEO.", ["Local SEO"]),  # the longer name, not "SEO" inside it
    (AGENCY, "Our SEO has done nothing in a year. Please remove it.", ["SEO"]),  # "it" a sentence later
    (AGENCY, "I don't want to keep paying for content writing, cancel it", ["Content Writing"]),
    (AGENCY, "Нам подобається SEO, дякуємо.", []),
    (SOFTWARE, "Please remove Advanced Reporting from our plan.", ["Advanced Reporting"]),
    (SOFTWARE, "Відключіть модуль «Лояльність», він нам не потрібен.", ["Loyalty"]),
    (SOFTWARE, "Bitte kündigen Sie das Lager-Modul.", ["Inventory"]),
    (SOFTWARE, "Prosimy wyłączyć moduł płac od stycznia.", ["Payroll"]),
    (SOFTWARE, "El módulo de inventario lo quitamos, no lo usamos.", ["Inventory"]),
])
def test_services_in_other_languages(account, text: str, named: list[str]) -> None:
    assert extract(text, account, service_aliases()).modules == named

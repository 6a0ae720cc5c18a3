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


MODULES = make_account(services=[
    {"name": "Core Platform", "mrr": 2000.0, "core": True}, {"name": "Advanced Analytics", "mrr": 400.0},
    {"name": "Reporting Suite", "mrr": 300.0}, {"name": "Mobile App", "mrr": 250.0},
    {"name": "API Access", "mrr": 200.0}, {"name": "Workflow Automation", "mrr": 350.0}])


@pytest.mark.parametrize(("text", "named"), [
    # analytics and reporting are two services, not one word family
    ("Приберіть, будь ласка, модуль аналітики.", ["Advanced Analytics"]),
    ("Вимкніть звіти з наступного місяця.", ["Reporting Suite"]),
    ("Merci d'annuler le module reporting, personne ne lit les rapports.", ["Reporting Suite"]),
    ("Queremos cancelar la analítica, nadie la mira.", ["Advanced Analytics"]),
    # a mobile app, an API, automations in other words and languages
    ("Скасуйте мобільний застосунок, водії ним не користуються.", ["Mobile App"]),
    ("Wir wollen die Mobil-App rausnehmen.", ["Mobile App"]),
    ("merci de supprimer l'accès API, le projet est abandonné", ["API Access"]),
    ("Автоматизація нам більше ні до чого.", ["Workflow Automation"]),
    ("we moved to Make for automations, so the workflow module can go", ["Workflow Automation"]),
    # removal verbs with the service in between, slang, abbreviations, typos
    ("Could you take the Mobile App and the API Access off? Everything else is fine.", ["API Access", "Mobile App"]),
    ("Can we knock the Reporting Suite off next month?", ["Reporting Suite"]),
    ("please cancel the adv. analytics add-on", ["Advanced Analytics"]),
    ("time to kill the workflow automaton, nobody touches it", ["Workflow Automation"]),
    ("La app movil y la analitica fuera, gracias", ["Advanced Analytics", "Mobile App"]),
    # near misses: named without a removal
    ("The Mobile App is great, the drivers love it.", []),
    ("Is the API Access included in our plan?", []),
])
def test_modules_in_other_words(text: str, named: list[str]) -> None:
    assert sorted(extract(text, MODULES, service_aliases()).modules) == named


def test_a_short_service_term_is_a_whole_word_only() -> None:
    """German "sea" (search ads, PPC) is not the start of "seats"; "SEA streichen" still names PPC."""
    from datetime import date

    from coach.accounts.loader import parse_account
    from coach.diagnosis import diagnose

    acct = parse_account({"id": "t", "name": "T", "list_mrr": 4600, "mrr": 4600, "seats": 40,
                          "contract": {"start_date": "2025-01-01", "term_months": 24,
                                       "agreement_type": "integrated_marketing"},
                          "services": [{"name": "SEO", "mrr": 1800, "core": True}, {"name": "PPC", "mrr": 1500},
                                       {"name": "Social Media", "mrr": 1300}]}, today=date(2026, 11, 21))
    assert diagnose("We need to reduce our seats from 40 to 20, budget was cut.", acct).modules == []
    assert diagnose("Bitte SEA streichen, das Budget wurde gekürzt.", acct).modules == ["PPC"]

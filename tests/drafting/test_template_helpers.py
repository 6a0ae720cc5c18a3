"""The small helpers the reply templates write with: plural months, the Ukrainian vocative, percent
signs and dates as each language writes them in running text."""

from __future__ import annotations

from datetime import date

import pytest

from coach.drafting.templates import day, money, months, pct, vocative


@pytest.mark.parametrize(("n", "lang", "text"), [
    (1, "en", "1 month"), (24, "en", "24 months"),
    (1, "uk", "1 місяць"), (3, "uk", "3 місяці"), (24, "uk", "24 місяці"), (10, "uk", "10 місяців"),
    (11, "uk", "11 місяців"), (12, "uk", "12 місяців"), (21, "uk", "21 місяць"), (32, "uk", "32 місяці"),
    (1, "pl", "1 miesiąc"), (3, "pl", "3 miesiące"), (10, "pl", "10 miesięcy"), (12, "pl", "12 miesięcy"),
    (21, "pl", "21 miesięcy"), (24, "pl", "24 miesiące"),
    (1, "es", "1 mes"), (24, "es", "24 meses"), (1, "pt", "1 mês"), (24, "de", "24 Monate"), (24, "fr", "24 mois"),
])
def test_months_take_the_plural_the_number_needs(n: int, lang: str, text: str) -> None:
    assert months(n, lang) == text


@pytest.mark.parametrize(("name", "voc"), [
    ("Олена", "Олено"), ("Ганна", "Ганно"), ("Марія", "Маріє"), ("Наталя", "Натале"), ("Андрій", "Андрію"),
    ("Тарас", "Тарасе"), ("Іван", "Іване"), ("Петро", "Петре"), ("Dana", "Dana"), ("", ""),
])
def test_ukrainian_first_names_are_greeted_in_the_vocative(name: str, voc: str) -> None:
    assert vocative(name, "uk") == voc
    assert vocative(name, "en") == name


def test_percent_and_dates_as_each_language_writes_them() -> None:
    assert pct(13, "en") == "13%" and pct(13, "fr") == "13\u00a0%" and pct(12.5, "de") == "12,5\u00a0%"
    assert pct(8, "uk") == "8%" and pct(None) == ""
    assert day(date(2029, 7, 1), "uk") == "1 липня 2029 року"  # no "р." to collide with a full stop
    assert day(date(2027, 1, 21), "pl") == "21 stycznia 2027 roku"


def test_ukrainian_company_names_take_their_case_from_the_word_before_them() -> None:
    from coach.drafting.templates import company, company_of

    assert company_of("Стоматологія Усмішка") == "компанії «Стоматологія Усмішка»"
    assert company("Acme Dental") == "компанія «Acme Dental»"
    assert company_of("вашої компанії") == "вашої компанії"  # the fallback is already declined


@pytest.mark.parametrize(("lang", "currency", "text"), [
    ("en", "USD", "$4,600.00"), ("en", "EUR", "€4,600.00"), ("en", "GBP", "£4,600.00"), ("en", "UAH", "4,600.00 UAH"),
    ("de", "EUR", "4.600,00\u00a0€"), ("es", "EUR", "4.600,00\u00a0€"), ("fr", "EUR", "4\u00a0600,00\u00a0€"),
    ("uk", "UAH", "4\u00a0600,00\u00a0грн"), ("uk", "USD", "4\u00a0600,00\u00a0$"),
    ("pl", "PLN", "4\u00a0600,00\u00a0zł"),
    ("pt", "BRL", "4.600,00\u00a0BRL"),
])
def test_money_is_written_in_the_accounts_currency(lang: str, currency: str, text: str) -> None:
    assert money(4600, lang, currency) == text


def test_a_euro_account_gets_euros_in_its_counter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    from coach.accounts import load_account
    from coach.config import get_settings
    from coach.drafting.engine import TemplateDrafter, draft

    data = json.loads(Path("examples/acme-dental.json").read_text(encoding="utf-8"))
    data.update(currency="EUR", language="de")
    path = tmp_path / "eur.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    settings = get_settings()
    d = draft(load_account(path), "Unser Budget wurde gekürzt, wir müssen die Lizenzen um 30% reduzieren.",
              today=date(2026, 11, 21), settings=settings, drafter=TemplateDrafter(settings.prompts_dir))
    assert d.counter_proposal is not None and d.violations == []
    assert "4.600,00\u00a0€" in d.counter_proposal.message and "$" not in d.counter_proposal.message

"""Importing accounts from a CRM's CSV export (column mapping), JSON and YAML; bad rows by line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coach.config import get_settings
from coach.errors import CoachInputError
from coach.signals.account_import import import_accounts

TODAY = date(2026, 11, 20)
CRM_FILE = Path(__file__).with_name("crm-export.csv")  # a CRM export: its own headers and formats
CRM_CSV = CRM_FILE.read_text(encoding="utf-8")


def columns():
    return get_settings().knowledge_dir / "accounts" / "csv_columns.yaml"


def test_crm_csv_headers_and_values_are_mapped() -> None:
    got = import_accounts(CRM_CSV, "export.csv", TODAY, columns_file=columns())
    by_id = {a.id: a for a in got.accounts}
    assert set(by_id) == {"acme-dental", "northwind"}
    acme = by_id["acme-dental"]
    assert (acme.name, acme.segment, acme.list_mrr, acme.mrr, acme.seats) == (
        "Acme Dental Group", "smb", 5000.0, 4600.0, 40)
    assert acme.contract.start_date == date(2025, 9, 1) and acme.contract.term_months == 24
    assert acme.contract.agreement_type == "integrated_marketing"
    assert [(s.name, s.mrr, s.core) for s in acme.services] == [
        ("SEO", 1800.0, True), ("PPC", 1500.0, False), ("Social Media", 1300.0, False)]
    assert (acme.contact.name, acme.contact.role) == ("Dana Lee", "Practice Manager")
    assert (acme.model_extra or {}).get("Region") == "East"  # unknown columns are kept
    assert by_id["northwind"].segment == "mid_market" and by_id["northwind"].seats == 1200
    assert got.rows == 5


def test_bad_rows_are_named_by_line_and_field() -> None:
    got = import_accounts(CRM_CSV, "export.csv", TODAY, columns_file=columns())
    errors = {e.line: e for e in got.errors}
    assert set(errors) == {4, 5, 6}
    assert errors[4].field == "contract.start_date"
    assert errors[5].field == "list_mrr"
    assert errors[6].field == "contract.start_date" and "after today" in errors[6].error
    assert all("\n" not in e.error for e in got.errors)


def test_json_list_and_yaml_list() -> None:
    js = '[{"id": "a", "name": "A", "contract": {"start_date": "2025-01-01", "term_months": 12},' \
         ' "list_mrr": 100, "mrr": 90},\n {"id": "b", "name": "B"}]'
    got = import_accounts(js, "accounts.json", TODAY, columns_file=columns())
    assert [a.id for a in got.accounts] == ["a"]
    assert got.errors[0].line == 2 and got.errors[0].field == "contract"
    ym = ("- id: y\n  name: Y\n  contract: {start_date: 2025-01-01, term_months: 12}\n  list_mrr: 10\n"
          "  mrr: 10\n")
    assert [a.id for a in import_accounts(ym, "a.yaml", TODAY, columns_file=columns()).accounts] == ["y"]


def test_demo_accounts_load() -> None:
    path = get_settings().knowledge_dir / "accounts" / "demo.yaml"
    got = import_accounts(path.read_text(encoding="utf-8"), path.name, TODAY, columns_file=columns())
    assert not got.errors and "acme-dental" in [a.id for a in got.accounts]


@pytest.mark.parametrize("name,text,message", [
    ("accounts.txt", "x", "expected a .csv"),
    ("accounts.csv", "  \n", "the file is empty"),
])
def test_bad_files_are_one_line_errors(name: str, text: str, message: str) -> None:
    with pytest.raises(CoachInputError, match=message):
        import_accounts(text, name, TODAY, columns_file=columns())

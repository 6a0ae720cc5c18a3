"""Small factories for accounts used across the suite."""

from __future__ import annotations

from typing import Any

from coach.accounts import Account, parse_account


def account_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "acme-dental",
        "name": "Acme Dental Group",
        "segment": "smb",
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": "integrated_marketing"},
        "list_mrr": 5000.0,
        "mrr": 4600.0,
        "seats": 40,
        "services": [
            {"name": "SEO", "mrr": 1800.0, "core": True},
            {"name": "PPC", "mrr": 1500.0, "core": False},
            {"name": "Social Media", "mrr": 1300.0, "core": False},
        ],
        "hardship": None,
        "contact": {"name": "Dana Lee", "role": "Practice Manager"},
        "language": "en",
    }
    for key, value in overrides.items():
        if key == "contract":
            data["contract"] = {**data["contract"], **value}
        else:
            data[key] = value
    return data


def make_account(**overrides: Any) -> Account:
    return parse_account(account_data(**overrides))

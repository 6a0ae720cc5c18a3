"""Outreach fixtures: accounts with a contact and a log, aware datetimes, API clients without an index."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from coach.accounts import Account, parse_account
from coach.config import REPO_ROOT
from coach.policy import load_policy
from tests.api.conftest import FakeDrafter, make_settings
from tests.factories import account_data

POLICY = load_policy(REPO_ROOT / "knowledge" / "policy.yaml")
NOON = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def contact(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Dana Lee",
        "role": "Practice Manager",
        "timezone": "UTC",
        "decision_maker": True,
        **fields,
    }


def outreach_account(*, contact_fields: dict[str, Any] | None = None, **overrides: Any) -> Account:
    data = account_data(contact=contact(**(contact_fields or {})))
    data.update(overrides)
    return parse_account(data)


@pytest.fixture
def fake_drafter() -> FakeDrafter:
    return FakeDrafter()


@pytest.fixture
def client(tmp_path: Path, fake_drafter: FakeDrafter) -> Iterator[TestClient]:
    from api.deps import get_drafter

    app = create_app(make_settings(tmp_path / "data", tmp_path / "index"))
    app.dependency_overrides[get_drafter] = lambda: fake_drafter
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c

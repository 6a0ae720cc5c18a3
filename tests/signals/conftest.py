"""Signals fixtures: the shipped policy, accounts with a usage block, an API client without an index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from coach.config import REPO_ROOT
from coach.policy import Policy, load_policy
from tests.api.conftest import make_settings
from tests.factories import account_data

POLICY = load_policy(REPO_ROOT / "knowledge" / "policy.yaml")


@pytest.fixture
def policy() -> Policy:
    return POLICY


def usage_account(usage: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """acme-dental (agreement 2025-09-01 + 24 months: ends 2027-09-01) with a usage block."""
    data = account_data(**overrides)
    if usage is not None:
        data["usage"] = usage
    return data


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    # Risk routes need no playbook index: point it at an empty folder.
    with TestClient(
        create_app(make_settings(tmp_path / "data", tmp_path / "index")), raise_server_exceptions=False
    ) as c:
        yield c

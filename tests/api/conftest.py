"""API fixtures: an app per test on a temporary data dir, one shared playbook index per session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from coach.config import REPO_ROOT, Settings

TODAY = date(2026, 11, 20)  # month 14 of acme-dental's agreement: past the 9-month lock


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in playbooks, indexed once for the whole session."""
    from coach.knowledge.search import search

    path = tmp_path_factory.mktemp("index")
    settings = Settings(data_dir=tmp_path_factory.mktemp("index-data"), index_dir=path)
    search("lock period", 1, settings=settings)  # builds the index on first use
    return path


def make_settings(data_dir: Path, index_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, "index_dir": index_dir, "api_keys": [],
                              "rate_limit_per_minute": 0, "llm_model": None, "llm_base_url": None}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path, index_dir: Path) -> Settings:
    return make_settings(tmp_path / "data", index_dir)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def account_data() -> dict[str, Any]:
    return json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())


def account_factory(**overrides: Any) -> dict[str, Any]:
    """A valid account file with some fields replaced."""
    data = json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())
    data.update(overrides)
    return data


@pytest.fixture
def imported(client: TestClient, account_data: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/v1/accounts", json=account_data, params={"today": TODAY.isoformat()})
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def case(client: TestClient, imported: dict[str, Any]) -> dict[str, Any]:
    r = client.post("/v1/cases", json={"account_id": imported["id"], "today": TODAY.isoformat(),
                                       "message": "We need to cut 30% of our seats, budget was cut."})
    assert r.status_code == 201, r.text
    return r.json()

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
def index_dir(builtin_knowledge: Any) -> Path:
    """The suite's built-in playbook index (built once per session by tests/conftest.py)."""
    from coach.config import get_settings

    return get_settings().resolved_index_dir


@pytest.fixture(scope="session")
def built_index(index_dir: Path) -> Path:
    return index_dir


def make_settings(data_dir: Path, index_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, "index_dir": index_dir, "api_keys": [],
                              "rate_limit_per_minute": 0, "llm_model": None, "llm_base_url": None}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path, index_dir: Path) -> Settings:
    return make_settings(tmp_path / "data", index_dir)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_settings(request: pytest.FixtureRequest, tmp_path: Path, index_dir: Path) -> Settings:
    """Settings on SQLite, then on the real PostgreSQL (skipped when there is none)."""
    url = None if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    return make_settings(tmp_path / "data", index_dir, database_url=url)


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


class FakeDrafter:
    """Stands in for the drafting engine where a test is about the service, not the words."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.fail_with: Exception | None = None

    def __call__(self, account: Any, message: str, **kwargs: Any) -> Any:
        from coach.drafting.models import Draft

        self.calls.append({"account": account.id, "message": message, **kwargs})
        if self.fail_with is not None:
            raise self.fail_with
        return Draft.model_validate({
            "request": {"kind": "module_cancel", "modules": ["PPC"]},
            "root_cause": "usage_gap", "hardship": None,
            "eligibility": {"reduction_allowed": True, "pause_allowed": False,
                            "rules": [{"id": "lock-period", "passed": True, "reason": "month 15"}]},
            "acknowledgment": "Thanks for telling us <script>alert(1)</script> early.",
            "diagnosis_questions": ["What results did you expect from PPC?", "Who else uses it?"],
            "counter_proposal": {"kind": "suspend_module", "discount_pct": 12.0, "new_mrr": 4400.0,
                                 "term_extension_months": 12, "suspended_services": ["PPC"],
                                 "message": "We could suspend PPC and keep SEO."},
            "escalations": ["team_lead"],
            "reengagement_triggers": [{"kind": "feature_release", "due_date": "2027-01-19",
                                       "description": "Show the new reporting"}],
            "violations": [],
            "citations": [{"source": "downsell-basics.md", "section": "Creative service swaps"}],
        })


@pytest.fixture
def fake_drafter() -> FakeDrafter:
    return FakeDrafter()


@pytest.fixture
def fake_client(settings: Settings, fake_drafter: FakeDrafter) -> Iterator[TestClient]:
    """A client whose drafts come from the fake drafter (fast, deterministic)."""
    from api.deps import get_drafter

    app = create_app(settings)
    app.dependency_overrides[get_drafter] = lambda: fake_drafter
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fake_case(fake_client: TestClient, account_data: dict[str, Any]) -> dict[str, Any]:
    assert fake_client.post("/v1/accounts", json=account_data,
                            params={"today": TODAY.isoformat()}).status_code == 201
    r = fake_client.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY.isoformat(),
                                            "message": "We want to drop PPC."})
    assert r.status_code == 201, r.text
    return r.json()

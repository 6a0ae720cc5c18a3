"""Fuzz every operation of the OpenAPI schema: no 5xx, and every response matches the schema."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from tests.api.conftest import TODAY, account_factory, make_settings

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

KEY = "fuzz-key"  # not an admin key: ingest answers 403 instead of writing the shared index
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


def _operations() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        spec = create_app(make_settings(Path(tmp), Path(tmp) / "index")).openapi()
    return [(method.upper(), path) for path, item in spec["paths"].items() for method in item]


@pytest.fixture(scope="module")
def fuzz_schema(tmp_path_factory: pytest.TempPathFactory, built_index: Path) -> Any:
    app = create_app(make_settings(tmp_path_factory.mktemp("fuzz"), built_index, api_keys=[KEY]))
    with TestClient(app) as client:  # something for generated ids to find now and then
        h = {"X-API-Key": KEY}
        client.post("/v1/accounts", json=account_factory(id="0"), params={"today": TODAY.isoformat()},
                    headers=h).raise_for_status()
        client.post("/v1/cases", json={"account_id": "0", "today": TODAY.isoformat()}, headers=h)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _fuzz(schema: Any, method: str, path: str, examples: int) -> None:
    operation = schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        # A generous read timeout: a first draft on a loaded 2-core machine loads the models.
        case.call_and_validate(headers={"X-API-Key": KEY}, checks=CHECKS, timeout=120)

    run()


@pytest.mark.parametrize(("method", "path"), _operations())
def test_no_server_errors_and_responses_match_schema(fuzz_schema: Any, method: str, path: str) -> None:
    _fuzz(fuzz_schema, method, path, 10)


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), _operations())
def test_fuzz_100_examples_per_operation(fuzz_schema: Any, method: str, path: str) -> None:
    _fuzz(fuzz_schema, method, path, 100)

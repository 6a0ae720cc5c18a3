"""PostgreSQL for the tests: the server named by COACH_TEST_POSTGRES_URL (.ci/run sets it), one
fresh schema per test, dropped afterwards. Without the variable, or when the server cannot be
reached, the tests that need it are skipped with the reason."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

ENV = "COACH_TEST_POSTGRES_URL"  # e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test


def server_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {ENV} (.ci/run sets it to the machine's server)")
    return url


def fresh_schema() -> Iterator[str]:
    """A database URL whose connections use a new, empty schema; dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    url = make_url(server_url())
    try:
        admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except (SQLAlchemyError, ImportError) as exc:
        pytest.skip(f"PostgreSQL at {url.render_as_string(hide_password=True)} unreachable: "
                    f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

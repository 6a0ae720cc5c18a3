"""The migrations render for PostgreSQL too (offline: the SQL a DBA would run; no server needed)."""

from __future__ import annotations

import io

from alembic import command
from alembic.config import Config

from coach.store.db import MIGRATIONS_DIR


def test_migrations_render_postgresql_sql() -> None:
    out = io.StringIO()
    cfg = Config(output_buffer=out)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", "postgresql://coach@db.invalid/coach")
    command.upgrade(cfg, "head", sql=True)
    sql = out.getvalue()
    for table in ("accounts", "cases", "turns", "decisions", "case_events", "triggers"):
        assert f"CREATE TABLE {table}" in sql
    assert "JSON" in sql and "TIMESTAMP WITH TIME ZONE" in sql
    assert "INSERT INTO alembic_version" in sql

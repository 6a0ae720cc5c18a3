"""Alembic migrations for the coach database (run by coach.store.db.upgrade)."""

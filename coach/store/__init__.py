"""The database: SQLAlchemy models, engine and migrations, repository functions."""

from coach.store.db import Database, current_revision, head_revision, make_engine, upgrade
from coach.store.repo import NotFoundError

__all__ = ["Database", "NotFoundError", "current_revision", "head_revision", "make_engine", "upgrade"]

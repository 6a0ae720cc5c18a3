"""`coach db upgrade` and `coach db current`: the database schema (Alembic migrations in the package)."""

from __future__ import annotations

import typer

from coach.cli.errors import handles_errors

db_app = typer.Typer(help="Database schema: migrations ship inside the package.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")


def _url(url: str | None) -> str:
    from coach.config import get_settings

    return url or get_settings().resolved_database_url


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@db_app.command("upgrade")
@handles_errors
def upgrade(
    url: str | None = typer.Option(None, "--url", help="SQLAlchemy URL (default: COACH_DATABASE_URL, "
                                   "else the SQLite file in the data dir)."),
    revision: str = typer.Option("head", "--revision", help="Target revision."),
) -> None:
    """Apply the migrations (the server also does this when it starts)."""
    from coach.store import current_revision, make_engine
    from coach.store import upgrade as run_upgrade

    target = _url(url)
    engine = make_engine(target)
    try:
        run_upgrade(engine, revision)
        typer.echo(f"{_safe(target)}: at revision {current_revision(engine)}")
    finally:
        engine.dispose()


@db_app.command("current")
@handles_errors
def current(url: str | None = typer.Option(None, "--url", help="SQLAlchemy URL.")) -> None:
    """Show the schema revision of the database and the newest one shipped."""
    from coach.store import current_revision, head_revision, make_engine

    engine = make_engine(_url(url))
    try:
        typer.echo(f"current: {current_revision(engine) or 'none'}\nhead:    {head_revision(engine)}")
    finally:
        engine.dispose()

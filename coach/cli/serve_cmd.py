"""`coach serve [--host H] [--port N]`: the API and the chat page, with uvicorn."""

from __future__ import annotations

import ipaddress
from typing import Any

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume it is reachable from elsewhere


@handles_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Beyond localhost, "
                             "API keys (COACH_API_KEYS) are required."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    log_level: str = typer.Option("info", "--log-level", help="debug shows request details; "
                                  "customer text is only ever logged at debug."),
    demo: bool = typer.Option(False, "--demo", help="Load the example accounts "
                              "(knowledge/accounts/demo.yaml) so the chat page has accounts to open."),
) -> None:
    """Serve the API (/docs for OpenAPI) and the chat page (/chat)."""
    import logging

    import uvicorn

    from api.app import create_app
    from coach.config import get_settings

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    app = create_app(settings, public=not is_loopback(host), warm=True)
    if demo:
        names = load_demo_accounts(app.state.db, settings)
        typer.echo(f"coach: demo accounts loaded: {', '.join(names)}", err=True)
    typer.echo(f"coach: serving on http://{host}:{port}/chat (API docs: /docs; ready when /v1/ready "
               "says so)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level.lower(), proxy_headers=False,
                server_header=False)


def load_demo_accounts(db: Any, settings: Any) -> list[str]:
    """Store the example accounts (create or replace); returns their ids."""
    from datetime import date

    from coach.signals.account_import import import_accounts
    from coach.store import repo

    path = settings.knowledge_dir / "accounts" / "demo.yaml"
    result = import_accounts(path.read_text(encoding="utf-8"), path.name, date.today(),
                             columns_file=settings.knowledge_dir / "accounts" / "csv_columns.yaml")
    with db.session() as s:
        for account in result.accounts:
            repo.save_account(s, account)
        s.commit()
    return [a.id for a in result.accounts]

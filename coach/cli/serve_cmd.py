"""`coach serve [--host H] [--port N]`: the API and the chat page, with uvicorn."""

from __future__ import annotations

import ipaddress
import os
from typing import Any

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"]


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
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (a team deployment; "
                                "limits are shared through the database or Redis)."),
) -> None:
    """Serve the API (/docs for OpenAPI) and the chat page (/chat)."""
    import logging

    import uvicorn

    from api.app import create_app
    from coach.config import get_settings

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    public = not is_loopback(host)
    # A local server answers only loopback Host headers (DNS rebinding), unless told otherwise.
    hosts = settings.allowed_hosts or (["*"] if public else LOOPBACK_NAMES)
    app = create_app(settings, public=public, warm=True, allowed_hosts=hosts)
    if demo:
        names = load_demo_accounts(app.state.db, settings)
        typer.echo(f"coach: demo accounts loaded: {', '.join(names)}", err=True)
    typer.echo(f"coach: serving on http://{host}:{port}/chat (API docs: /docs; ready when /v1/ready "
               "says so)", err=True)
    proxy: dict[str, Any] = {"proxy_headers": bool(settings.forwarded_allow_ips),
             "forwarded_allow_ips": settings.forwarded_allow_ips or None}
    if workers > 1:  # each worker builds its own app from the same settings (the database is migrated)
        os.environ.update(COACH_SERVE_PUBLIC="1" if public else "0", COACH_SERVE_HOSTS=",".join(hosts))
        uvicorn.run("api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level=log_level.lower(), server_header=False, **proxy)
        return
    uvicorn.run(app, host=host, port=port, log_level=log_level.lower(), server_header=False, **proxy)


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

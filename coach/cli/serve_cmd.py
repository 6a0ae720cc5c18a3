"""`coach serve [--host H] [--port N]`: the API and the chat page, with uvicorn."""

from __future__ import annotations

import ipaddress

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
) -> None:
    """Serve the API (/docs for OpenAPI) and the chat page (/chat)."""
    import logging

    import uvicorn

    from api.app import create_app
    from coach.config import get_settings

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(get_settings(), public=not is_loopback(host), warm=True)
    typer.echo(f"coach: serving on http://{host}:{port}/chat (API docs: /docs; ready when /v1/ready "
               "says so)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level.lower(), proxy_headers=False,
                server_header=False)

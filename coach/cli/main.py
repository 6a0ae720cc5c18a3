"""The `coach` command: one module per subcommand, each exposing `register(app)`."""

from __future__ import annotations

import importlib
import time

import typer

STARTED = time.monotonic()  # when this command started: a draft's model budget counts from here

app = typer.Typer(
    name="coach",
    help="Playbook-grounded coach for Customer Success Managers: draft replies to downsell, "
    "downgrade and cancel requests, search the playbooks, practise, and track cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each entry is a module in coach.cli with a `register(app)` function. Imports stay inside the
# command bodies so `coach --help` and a cold `coach draft` start fast.
COMMAND_MODULES = (
    "ingest_cmd",
    "search_cmd",
    "draft_cmd", "check_reply_cmd",
    "serve_cmd", "triggers_cmd", "db_cmd",
    "eval_cmd",
    "risk_cmd", "outreach_cmd",
    "roleplay_cmd",
    "plays_cmd", "samples_cmd",
    "diagnosis_cmd",
    "workspace_cmd",
)



def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"coach {version('coach')}")
        except PackageNotFoundError:  # running from a source tree that was never installed
            typer.echo("coach (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the installed version and exit."),
    workspace: str | None = typer.Option(None, "--workspace", help="A company workspace (`coach init`); "
                                         "same as COACH_WORKSPACE. Default: the built-in knowledge."),
) -> None:
    """Playbook-grounded coach for Customer Success Managers."""
    global STARTED
    STARTED = time.monotonic()  # per invocation (tests run many in one process)
    if workspace:
        import os

        from coach.config import get_settings

        os.environ["COACH_WORKSPACE"] = workspace  # the server's workers read it too
        get_settings.cache_clear()


for _name in COMMAND_MODULES:
    importlib.import_module(f"coach.cli.{_name}").register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()

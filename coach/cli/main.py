"""The `coach` command: one module per subcommand, each exposing `register(app)`."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

from coach import regexcache

# The `coach` script is the process itself (not a command invoked in-process, as tests do).
_ENTRY_POINT = Path(sys.argv[0]).stem == "coach"
if _ENTRY_POINT:
    regexcache.install()  # before the imports below compile their patterns
    # pydantic looks for plugins among every installed distribution's entry points on its first
    # model (~30 ms of a cold start); the coach script uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402


def _process_start() -> float:
    """When this process started, on the time.monotonic() clock (Linux, from /proc); elsewhere, now.
    A draft's model budget counts from here, interpreter start-up and imports included."""
    now = time.monotonic()
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            ticks = int(f.read().rsplit(")", 1)[1].split()[19])  # field 22: start time after boot
        elapsed = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - elapsed if 0 <= elapsed < 60 else now


STARTED = time.monotonic()  # when this command started (set again by each invocation)
EXIT_RESERVE = 2.0  # seconds a command needs after its work: print, interpreter exit (about 1.5 s with
#                    the model client loaded, on a busy 2-core machine)
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
    STARTED = _process_start() if _ENTRY_POINT else time.monotonic()  # (tests invoke many in one process)
    if workspace:
        import os

        from coach.config import get_settings

        os.environ["COACH_WORKSPACE"] = workspace  # the server's workers read it too
        get_settings.cache_clear()


for _name in COMMAND_MODULES:
    importlib.import_module(f"coach.cli.{_name}").register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()


def finish(code: int = 0) -> None:
    """A command whose answer is shown and that has nothing left to write (a draft) ends the `coach`
    process here; invoked in-process (tests) it returns. See exit_now."""
    if _ENTRY_POINT:
        exit_now(code)


def exit_now(code: int) -> None:  # pragma: no cover - ends the process
    """Run the exit handlers (logging's flush among them), flush the output, and end the process
    without the interpreter's teardown: freeing the embedder, the index and the language tables,
    and waiting for model calls nobody reads any more, took 1-2 s after a hung model's draft on a
    busy 2-core machine, past the 15 s a CLI draft may take (benchmarks/hung_model.py)."""
    import atexit

    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

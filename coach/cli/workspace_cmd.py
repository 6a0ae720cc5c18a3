"""`coach init DIR` writes a starter workspace; `coach check` validates the workspace in use."""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import EXIT_INPUT, handles_errors


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("check")(check)


@handles_errors
def init(
    directory: Path = typer.Argument(..., help="Folder to create the workspace in."),
    force: bool = typer.Option(False, "--force", help="Write into a folder that is not empty."),
) -> None:
    """Write a company workspace: policy, plays, playbooks, personas, diagnosis examples, prompts."""
    from coach.config import bundled
    from coach.workspace import init_workspace

    written = init_workspace(directory, bundled("knowledge"), bundled("prompts"), force=force)
    typer.echo(f"Wrote {len(written)} part(s) to {directory}; see {directory / 'README.md'}.\n"
               f"Use it with COACH_WORKSPACE={directory} or `coach --workspace {directory} ...`, "
               "and run `coach check` after every edit.")


@handles_errors
def check() -> None:
    """Validate the workspace in use (COACH_WORKSPACE / --workspace; default: the built-in one)."""
    from coach.config import get_settings
    from coach.workspace import check_workspace

    s = get_settings()
    problems = check_workspace(s.knowledge_dir, s.prompts_dir)
    for p in problems:
        typer.echo(f"error: {p}", err=True)
    if problems:
        raise typer.Exit(EXIT_INPUT)
    typer.echo(f"ok: {s.knowledge_dir} (prompts: {s.prompts_dir})")

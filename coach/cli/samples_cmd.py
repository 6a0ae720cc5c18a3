"""`coach samples`: print docs/samples.md (sample drafts across kinds, causes and languages)."""

from __future__ import annotations

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("samples")(samples)


@handles_errors
def samples(
    spec: str | None = typer.Option(None, "--spec", help="Sample file (default: evals/samples.yaml)."),
) -> None:
    """Draft every sample scenario with the templates and print the Markdown page."""
    from pathlib import Path

    from coach.config import REPO_ROOT, get_settings
    from coach.evals.samples import load_samples, render_samples

    path = Path(spec) if spec else REPO_ROOT / "evals" / "samples.yaml"
    typer.echo(render_samples(load_samples(path), path.parent / "cases", get_settings()), nl=False)

"""`coach ingest PATH... [--index DIR] [--rebuild]`"""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


@handles_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="Markdown/text files or folders of them."),
    index: Path | None = typer.Option(None, "--index", help="Chroma index folder (default: the built-in one)."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Embed everything again into a new collection; the "
                                 "old one serves searches until the new one is complete."),
    create: bool = typer.Option(False, "--create", help="Make a new index in the --index folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Index playbook files (.md, .txt). Re-runs only embed what changed and drop what was deleted."""
    from coach.cli.common import open_knowledge, progress_bar

    knowledge = open_knowledge(index, create=create)
    with progress_bar("Embedding chunks", enabled=not quiet) as progress:
        report = knowledge.ingest(list(paths), rebuild=rebuild, progress=progress)
    if not quiet:
        typer.echo(
            f"Indexed {report.files} file(s), {report.chunks} chunk(s): {report.added} embedded, "
            f"{report.unchanged} unchanged, {report.removed} removed"
            + (f", {report.dropped_junk_lines} junk line(s) skipped" if report.dropped_junk_lines else "")
            + f" in {report.seconds:.1f}s -> {knowledge.store.index_dir}"
        )

"""`coach search QUERY [--k N] [--index DIR] [--json]`"""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("search")(search)


@handles_errors
def search(
    query: str = typer.Argument(..., help="What to look for, in any language."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="How many passages to return."),
    index: Path | None = typer.Option(None, "--index", help="Chroma index folder (default: built-in)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list (contract section 2)."),
) -> None:
    """Search the playbooks; the built-in knowledge/ index is built on first use."""
    from coach.cli.common import open_knowledge, print_json, progress_bar
    from coach.errors import CoachInputError

    if not query.strip():
        raise CoachInputError("QUERY: the search text is empty")
    knowledge = open_knowledge(index)
    with progress_bar("Building the built-in index", enabled=not as_json) as progress:
        knowledge.ensure_ready(progress=progress)
    hits = knowledge.search(query, k)
    if as_json:
        print_json([h.public() for h in hits])
        return
    from rich.console import Console
    from rich.panel import Panel

    console = Console()
    if not hits:
        console.print("No passages found (is the index empty?).")
    for i, h in enumerate(hits, 1):
        body = h.text if len(h.text) < 600 else h.text[:600] + " …"
        console.print(Panel(body, title=f"{i}. {h.source} · {h.section}", subtitle=f"score {h.score:.2f}",
                            title_align="left", subtitle_align="right"))

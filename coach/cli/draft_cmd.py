"""`coach draft --account FILE --message TEXT [--today DATE] [--index DIR] [--json]`"""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("draft")(draft)


@handles_errors
def draft(
    account: Path = typer.Option(..., "--account", help="Account file (JSON or YAML, contract section 1)."),
    message: str = typer.Option(..., "--message", "-m", help="What the customer said."),
    today: str | None = typer.Option(None, "--today", help="Date rules are computed against (YYYY-MM-DD)."),
    index: Path | None = typer.Option(None, "--index", help="Chroma index folder (default: built-in)."),
    as_json: bool = typer.Option(False, "--json", help="Print the draft JSON (contract section 3)."),
) -> None:
    """Draft the acknowledgment, diagnosis questions and a checked counter-proposal."""
    from coach.accounts import load_account
    from coach.cli.common import open_knowledge, parse_today, print_json, progress_bar
    from coach.drafting.engine import draft as make_draft
    from coach.errors import CoachInputError

    day = parse_today(today)
    if not message.strip():
        raise CoachInputError("--message: the customer's message is empty")
    acct = load_account(account, today=day)
    knowledge = open_knowledge(index)
    with progress_bar("Building the built-in index", enabled=not as_json) as progress:
        knowledge.ensure_ready(progress=progress)
    result = make_draft(acct, message, today=day, knowledge=knowledge)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        from coach.cli.render import render_draft

        render_draft(result, acct)

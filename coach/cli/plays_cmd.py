"""`coach plays [--markdown]`: the play table (knowledge/plays.yaml), as a list or as docs/plays.md."""

from __future__ import annotations

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("plays")(plays)


@handles_errors
def plays(
    markdown: bool = typer.Option(False, "--markdown", help="Print the Markdown page (docs/plays.md)."),
) -> None:
    """Show which play answers which request: kind x root cause x eligibility."""
    from coach.config import get_settings
    from coach.errors import CoachInputError
    from coach.policy import policy_for
    from coach.policy.playdoc import render_markdown

    policy = policy_for(get_settings())  # the one cached policy load
    if policy.plays is None:
        raise CoachInputError("plays.yaml: no play table next to the policy file")
    if markdown:
        typer.echo(render_markdown(policy.plays, policy), nl=False)
        return
    for i, row in enumerate(policy.plays.rows, 1):
        when = ", ".join(f"{k}={v}" for k, v in row.when.model_dump(exclude_none=True).items()) or "always"
        typer.echo(f"{i:>2}. {row.id:<20} {row.play:<28} {when}")

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
    csm_name: str | None = typer.Option(None, "--csm-name", help="Who signs the reply (default: COACH_CSM_NAME)."),
    csm_title: str | None = typer.Option(None, "--csm-title", help="The signer's title."),
    csm_gender: str | None = typer.Option(None, "--csm-gender", help="feminine or masculine (for uk, pl, ...)."),
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
    csm = None
    if csm_name or csm_title or csm_gender:
        from pydantic import ValidationError

        from coach.drafting.profile import CsmProfile

        given = {k: v for k, v in (("name", csm_name), ("title", csm_title), ("gender", csm_gender)) if v}
        try:
            csm = CsmProfile.model_validate(given)
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0])
            raise CoachInputError(f"--csm-{field}: {exc.errors()[0]['msg']}") from None
    result = make_draft(acct, message, today=day, knowledge=knowledge, csm=csm)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        from coach.cli.render import render_draft

        render_draft(result, acct)

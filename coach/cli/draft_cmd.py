"""`coach draft --account FILE --message TEXT [--today DATE] [--index DIR] [--json] [corrections...]`
and `coach draft --batch FILE.jsonl [--today DATE]` (contract sections 2, 3 and 3a)."""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("draft")(draft)


@handles_errors
def draft(
    account: Path | None = typer.Option(None, "--account", help="Account file (JSON or YAML, contract section 1)."),
    message: str | None = typer.Option(None, "--message", "-m", help="What the customer said."),
    today: str | None = typer.Option(None, "--today", help="Date rules are computed against (YYYY-MM-DD)."),
    index: Path | None = typer.Option(None, "--index", help="Chroma index folder (default: built-in)."),
    as_json: bool = typer.Option(False, "--json", help="Print the draft JSON (contract section 3)."),
    batch: Path | None = typer.Option(None, "--batch", help="JSONL file, one {id, account, message, today?} a line; "
                                                   "prints one {id, draft} or {id, error} line per input."),
    intent: str | None = typer.Option(None, "--intent", help="Correction: the message's intent."),
    kind: str | None = typer.Option(None, "--kind", help="Correction: the request kind."),
    root_cause: str | None = typer.Option(None, "--root-cause", help="Correction: the root cause."),
    hardship: str | None = typer.Option(None, "--hardship", help="Correction: natural_disaster, financial or none."),
    seats: int | None = typer.Option(None, "--seats", help="Correction: seats to remove."),
    reduction: float | None = typer.Option(None, "--reduction", help="Correction: the reduction, in percent."),
    services: str | None = typer.Option(None, "--services", help='Correction: the services concerned, "A,B".'),
    csm_name: str | None = typer.Option(None, "--csm-name", help="Who signs the reply (default: COACH_CSM_NAME)."),
    csm_title: str | None = typer.Option(None, "--csm-title", help="The signer's title."),
    csm_gender: str | None = typer.Option(None, "--csm-gender", help="feminine or masculine (for uk, pl, ...)."),
) -> None:
    """Draft the acknowledgment, diagnosis questions and a checked counter-proposal."""
    from coach.accounts import load_account
    from coach.cli.common import open_knowledge, parse_today, print_json, progress_bar
    from coach.cli.main import EXIT_RESERVE, STARTED
    from coach.config import get_settings
    from coach.diagnosis.corrections import parse_corrections
    from coach.drafting.engine import draft as make_draft
    from coach.errors import CoachInputError

    day = parse_today(today)
    settings = get_settings()
    if settings.llm_configured and batch is None:  # the model seam's imports overlap the start-up
        import threading

        from coach.drafting.engine import load_model_seam

        threading.Thread(target=load_model_seam, name="coach-load-model", daemon=True).start()
    knowledge = open_knowledge(index)
    if batch is not None:
        from coach.cli.batch import run_batch

        with progress_bar("Building the built-in index", enabled=False) as progress:
            knowledge.ensure_ready(progress=progress)
        run_batch(batch, day, knowledge, explicit_today=today is not None)
        return
    if account is None:
        raise CoachInputError("--account: give the account file (or --batch FILE)")
    if message is None or not message.strip():
        raise CoachInputError("--message: the customer's message is empty")
    raw = {"intent": intent, "kind": kind, "root_cause": root_cause, "hardship": hardship, "seats": seats,
           "reduction": reduction,
           "services": [p.strip() for p in services.split(",") if p.strip()] if services is not None else None}
    fixes = parse_corrections({k: v for k, v in raw.items() if v is not None})
    acct = load_account(account, today=day)
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
    result = make_draft(acct, message, today=day, knowledge=knowledge, settings=settings, csm=csm,
                        corrections=fixes, deadline=STARTED + settings.llm_total_timeout - EXIT_RESERVE)
    if fixes is not None:
        from coach.diagnosis.corrections import remember

        remember(None, acct, message, result, fixes)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        from coach.cli.render import render_draft

        render_draft(result, acct)
    from coach.cli.main import finish

    finish()  # shown, nothing left to write: the process ends without the interpreter's teardown

"""`coach triggers due [--today D] [--within N] [--json]`: re-engagement triggers and overdue cases."""

from __future__ import annotations

import typer

from coach.cli.errors import handles_errors

triggers_app = typer.Typer(help="Re-engagement triggers set on closed cases.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(triggers_app, name="triggers")


@triggers_app.command("due")
@handles_errors
def due(
    today: str | None = typer.Option(None, "--today", help="YYYY-MM-DD (default: the real date)."),
    within: int = typer.Option(0, "--within", min=0, max=3650, help="Also list triggers due in N days."),
    account: str | None = typer.Option(None, "--account", help="Only this account id."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """List the triggers that are due, and cases past the resolution target."""
    from coach.cli.common import parse_today, print_json
    from coach.config import get_settings
    from coach.policy import policy_for
    from coach.store import Database, repo

    day = parse_today(today)
    settings = get_settings()
    target = policy_for(settings).resolution_target_days
    db = Database(settings.resolved_database_url)
    try:
        with db.session() as s:
            triggers = repo.due_triggers(s, day, within_days=within, account_id=account)
            overdue = [(c, w) for c, w in repo.overdue_cases(s, day, target_days=target)
                       if account is None or c.account_id == account]
    finally:
        db.dispose()
    if as_json:
        print_json({
            "today": day.isoformat(), "within_days": within,
            "triggers": [{"id": t.id, "case_id": t.case_id, "account_id": t.account_id, "kind": t.kind,
                          "due_date": t.due_date.isoformat(), "description": t.description} for t in triggers],
            "overdue_cases": [{"case_id": c.id, "account_id": c.account_id, "stage": c.stage, "warning": w}
                              for c, w in overdue],
        })
        return
    if not triggers and not overdue:
        typer.echo(f"Nothing due on {day.isoformat()}.")
    for t in triggers:
        typer.echo(f"{t.due_date.isoformat()}  {t.account_id}  {t.kind}  (#{t.id}, {t.case_id})\n"
                   f"            {t.description}")
    for c, w in overdue:
        typer.echo(f"OVERDUE     {c.account_id}  {c.id}  [{c.stage}]\n            {w}")

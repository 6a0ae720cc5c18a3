"""`coach check-reply --account FILE --message TEXT --reply TEXT [--reply-file F] [--stage S] [--today D] [--json]`"""

from __future__ import annotations

from pathlib import Path

import typer

from coach.cli.errors import handles_errors


def register(app: typer.Typer) -> None:
    app.command("check-reply")(check_reply)


@handles_errors
def check_reply(
    account: Path = typer.Option(..., "--account", help="Account file (JSON or YAML, contract section 1)."),
    message: str = typer.Option(..., "--message", "-m", help="What the customer said."),
    reply: str | None = typer.Option(None, "--reply", help="The reply to check."),
    reply_file: Path | None = typer.Option(None, "--reply-file", help="Read the reply from this file."),
    stage: str = typer.Option("acknowledgment", "--stage", help="acknowledgment | counter | followup"),
    today: str | None = typer.Option(None, "--today", help="Date rules are computed against (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help='Print {"ok": ..., "violations": [...]}.'),
) -> None:
    """Check a reply (yours or a model's) with the guard every coach text passes. Exit 0 either way."""
    from coach.accounts import load_account
    from coach.cli.common import parse_today, print_json
    from coach.config import get_settings
    from coach.drafting.reply_check import STAGES
    from coach.drafting.reply_check import check_reply as run_check
    from coach.errors import CoachInputError

    if stage not in STAGES:
        raise CoachInputError(f"--stage: expected one of {', '.join(STAGES)}, got {stage!r}")
    if (reply is None) == (reply_file is None):
        raise CoachInputError("--reply: give the reply as --reply TEXT or --reply-file FILE (one of them)")
    if reply_file is not None:
        try:
            reply = reply_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CoachInputError(f"--reply-file: cannot read {reply_file} ({type(exc).__name__})") from None
    assert reply is not None
    if not reply.strip():
        raise CoachInputError("--reply: the reply is empty")
    if not message.strip():
        raise CoachInputError("--message: the customer's message is empty")
    day = parse_today(today)
    acct = load_account(account, today=day)
    result = run_check(acct, message, reply, stage=stage, today=day, settings=get_settings())  # type: ignore[arg-type]
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    if result.ok:
        typer.echo("ok: the reply passes every check")
    for v in result.violations:
        typer.echo(f"{v.id}: {v.reason}" + (f"\n    {v.excerpt}" if v.excerpt else ""))

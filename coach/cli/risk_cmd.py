"""`coach risk --accounts FILE_OR_DIR [--today D] [--top N] [--min-level L] [--json]`: rank a portfolio."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coach.cli.errors import handles_errors

if TYPE_CHECKING:
    from coach.signals.models import RiskAssessment


def register(app: typer.Typer) -> None:
    app.command("risk")(risk)


@handles_errors
def risk(
    accounts: Path = typer.Option(..., "--accounts", help="File or folder: CSV, JSONL, JSON, YAML."),
    today: str | None = typer.Option(None, "--today", help="Date to compute against (YYYY-MM-DD)."),
    top: int | None = typer.Option(None, "--top", min=1, help="Show only the N riskiest accounts."),
    min_level: str = typer.Option("low", "--min-level", help="low | medium | high: hide accounts below it."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Rank accounts by downgrade risk, with the reasons and the play each signal calls for.

    Bad rows are reported with their file, line and field; the rest are ranked. The exit code is
    non-zero only when no row could be processed.
    """
    from coach.cli.common import parse_today, print_json, progress_bar
    from coach.config import get_settings
    from coach.errors import CoachInputError
    from coach.policy import policy_for
    from coach.signals.portfolio import rank_portfolio

    levels = ("low", "medium", "high")
    if min_level not in levels:
        raise CoachInputError(f"--min-level: expected one of {', '.join(levels)}, got {min_level!r}")
    day = parse_today(today)
    policy = policy_for(get_settings())
    with progress_bar("Scoring accounts", enabled=not quiet) as progress:
        result = rank_portfolio(accounts, policy, day, progress=progress)
    shown = [a for a in result.ranked if levels.index(a.level) >= levels.index(min_level)][:top]
    for e in result.errors:
        print(f"bad row {e}", file=sys.stderr)
    if not result.ranked:
        if not result.rows:
            raise CoachInputError(f"{accounts}: no accounts in the input")
        raise CoachInputError(f"{accounts}: nothing could be processed "
                              f"({len(result.errors)} bad row(s) of {result.rows})")
    if as_json:
        print_json({
            "today": day.isoformat(), "files": result.files, "rows": result.rows,
            "processed": len(result.ranked), "failed": len(result.errors),
            "ranked": [{"rank": i, **a.model_dump(mode="json"), "summary": a.summary}
                       for i, a in enumerate(shown, start=1)],
            "errors": [e.model_dump(mode="json") for e in result.errors],
        })
        return
    _render(shown, processed=len(result.ranked), rows=result.rows, failed=len(result.errors), today=day)


STYLE = {"high": "bold red", "medium": "yellow", "low": "green"}


def _render(ranked: list[RiskAssessment], *, processed: int, rows: int, failed: int, today: date) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    con = Console()
    table = Table(title=f"Downgrade risk on {today.isoformat()}", title_justify="left", show_lines=False)
    for col, kw in (("#", {"justify": "right"}), ("account", {}), ("score", {"justify": "right"}),
                    ("level", {}), ("why", {"ratio": 3}), ("play", {}), ("renewal", {})):
        table.add_column(col, **kw)
    for i, a in enumerate(ranked, start=1):
        why = "\n".join(s.reason for s in a.signals[:3]) + (
            f"\n+{len(a.signals) - 3} more" if len(a.signals) > 3 else "") or "no warning signals"
        plays = "\n".join(p.play.replace("_", " ") for p in a.plays[:2]) or "-"
        table.add_row(str(i), Text.assemble(a.name, "\n", (a.account_id, "dim")), str(a.score),
                      Text(a.level, style=STYLE[a.level]), Text(why), plays, a.renewal_date or "-")
    con.print(table)
    tail = f"{processed} of {rows} rows ranked" + (f"; {failed} bad row(s) on stderr" if failed else "")
    con.print(Text(tail, style="dim"))

"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from coach.errors import CoachInputError


def parse_today(value: str | None) -> date:
    """`--today YYYY-MM-DD`, defaulting to the real date (read here, never inside the rules)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CoachInputError(f"--today: '{value}' is not a date in YYYY-MM-DD form") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def progress_bar(description: str, *, enabled: bool = True) -> Iterator[Any]:
    """A rich progress bar on stderr; yields a `(done, total)` callback."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=Console(stderr=True),
                  transient=True) as prog:
        task = prog.add_task(description, total=None, rate="")
        started = time.monotonic()

        def update(done: int, total: int) -> None:
            elapsed = time.monotonic() - started
            rate = f"{done / elapsed:.1f} chunks/s" if done and elapsed > 0 else ""
            prog.update(task, completed=done, total=total, rate=rate)

        yield update

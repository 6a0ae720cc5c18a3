"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from coach.bounds import check_day
from coach.errors import CoachInputError


def parse_today(value: str | None) -> date:
    """`--today YYYY-MM-DD`, defaulting to the real date (read here, never inside the rules)."""
    if value is None:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CoachInputError(f"--today: '{value}' is not a date in YYYY-MM-DD form") from None
    return check_day(day, "--today")


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


def open_knowledge(index: Path | None, *, create: bool = False) -> Any:
    """The Knowledge for `--index DIR` (None: the built-in index, built on first use).

    A folder that holds no index is an error unless `create` is set: a typo in `--index` would
    otherwise open a new, empty index and search or draft with no playbooks at all.
    """
    from coach.config import get_settings
    from coach.knowledge.search import get_knowledge

    if index is None:
        return get_knowledge()
    settings = get_settings()
    hint = f"build one with `coach ingest PATH... --index {index} --create`"
    if not create and not settings.chroma_url and not (index / "chroma.sqlite3").is_file():
        raise CoachInputError(f"--index {index}: no index in this folder; {hint}")
    knowledge = get_knowledge(index_dir=index)
    if not create and knowledge.store.collection() is None:
        raise CoachInputError(f"--index {index}: this index holds no collection "
                              f"'{settings.collection}'; {hint}")
    return knowledge

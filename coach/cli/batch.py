"""`coach draft --batch FILE.jsonl`: one draft per line in one warm process (contract 3a)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from coach.errors import CoachError, CoachInputError

MAX_LINE = 200_000


def _account(value: Any, day: date, base: Path):
    from coach.accounts import load_account, parse_account

    if isinstance(value, dict):
        return parse_account(value, today=day, source="account")
    if isinstance(value, str) and value.strip():
        path = Path(value)
        return load_account(path if path.is_absolute() else base / path, today=day)
    raise CoachInputError("account: give a path or an inline account object")


def draft_line(line: str, n: int, default_day: date, knowledge, base: Path) -> dict[str, Any]:
    """One output object for one input line; errors are one line, never a traceback."""
    from coach.drafting.engine import draft

    ident: Any = f"line-{n}"
    try:
        if len(line) > MAX_LINE:
            raise CoachInputError(f"line {n}: longer than {MAX_LINE} characters")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CoachInputError(f"line {n}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise CoachInputError(f"line {n}: expected a JSON object")
        ident = obj.get("id", ident)
        unknown = set(obj) - {"id", "account", "message", "today", "history", "corrections"}
        if unknown:
            raise CoachInputError(f"{sorted(unknown)[0]}: unknown field")
        message = obj.get("message")
        if not isinstance(message, str) or not message.strip():
            raise CoachInputError("message: the customer's message is empty")
        day = default_day
        if obj.get("today") is not None:
            try:
                day = date.fromisoformat(str(obj["today"]))
            except ValueError:
                raise CoachInputError(f"today: '{obj['today']}' is not a date in YYYY-MM-DD form") from None
        history = obj.get("history")
        if history is not None and not (isinstance(history, list) and all(isinstance(h, str) for h in history)):
            raise CoachInputError("history: expected a list of earlier customer messages")
        acct = _account(obj.get("account"), day, base)
        d = draft(acct, message, today=day, knowledge=knowledge, history=history,
                  corrections=obj.get("corrections"))
        return {"id": ident, "draft": d.model_dump(mode="json")}
    except CoachError as exc:
        return {"id": ident, "error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__}
    except Exception as exc:  # one bad line must not stop an inbox export; say what broke, in one line
        return {"id": ident, "error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}


def run_batch(path: Path, day: date, knowledge, *, explicit_today: bool = True) -> None:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise CoachInputError(f"--batch: cannot read {path} ({exc.strerror})") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            out = draft_line(line, n, day, knowledge, path.parent)
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()

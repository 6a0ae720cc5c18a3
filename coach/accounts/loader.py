"""Load an account file (JSON or YAML) into an `Account`, with one-line errors naming the field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from coach.accounts.model import Account
from coach.errors import CoachInputError


def first_error_line(exc: ValidationError, prefix: str = "") -> str:
    """One line: the dotted field path and pydantic's message for the first error."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "account"
    msg = err["msg"].removeprefix("Value error, ")
    if msg.startswith(loc.split(".")[-1] + ":"):
        msg = msg.split(":", 1)[1].strip()
    return f"{prefix}{loc}: {msg}"


def parse_account(data: Any, *, today: date | None = None, source: str = "account") -> Account:
    if not isinstance(data, dict):
        raise CoachInputError(f"{source}: expected a JSON object with the account's fields")
    try:
        account = Account.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(first_error_line(exc, prefix=f"{source}: ")) from None
    if today is not None and account.contract.start_date > today:
        raise CoachInputError(
            f"{source}: contract.start_date {account.contract.start_date} is after today ({today})"
        )
    return account


def load_account(path: str | Path, *, today: date | None = None) -> Account:
    p = Path(path)
    if not p.exists():
        raise CoachInputError(f"{p}: account file not found")
    if not p.is_file():
        raise CoachInputError(f"{p}: not a file")
    try:
        text = p.read_text(encoding="utf-8-sig")  # a byte-order mark (Windows editors) is not content
    except UnicodeDecodeError:
        raise CoachInputError(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise CoachInputError(f"{p}: cannot read ({exc.strerror})") from None
    if not text.strip():
        raise CoachInputError(f"{p}: the account file is empty")
    try:
        data = yaml.safe_load(text) if p.suffix.lower() in {".yaml", ".yml"} else json.loads(text)
    except json.JSONDecodeError as exc:
        raise CoachInputError(f"{p}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{p}: invalid YAML ({str(exc).splitlines()[0]})") from None
    except RecursionError:
        raise CoachInputError(f"{p}: nested too deeply to be an account file") from None
    except ValueError as exc:  # an integer with thousands of digits (Python's conversion limit)
        raise CoachInputError(f"{p}: a number in the file is too long ({str(exc).split(';')[0]})") from None
    try:
        return parse_account(data, today=today, source=p.name)
    except RecursionError:
        raise CoachInputError(f"{p}: nested too deeply to be an account file") from None

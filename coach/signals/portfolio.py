"""Load a portfolio (CSV, JSON lines, JSON, or a folder of them): good rows in, bad rows reported.

A bad row never stops the others: it becomes a `RowError` with its file, line and field. Only a
problem with the input as a whole (missing path, no account files) raises `CoachInputError`.

CSV headers name nested fields with dots (`contract.start_date`, `usage.nps`, `contact.timezone`);
usage and contract fields may also be given bare (`nps`, `start_date`). Empty cells are missing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from coach.accounts import Account
from coach.accounts.loader import first_error_line
from coach.errors import CoachInputError
from coach.policy.schema import Policy
from coach.signals.models import RiskAssessment, RowError
from coach.signals.score import assess, rank
from coach.signals.usage import Usage, parse_usage

SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".yaml": "yaml",
            ".yml": "yaml"}
_USAGE_COLUMNS = set(Usage.model_fields)
_CONTRACT_COLUMNS = {"start_date", "term_months", "agreement_type"}
Progress = Callable[[int, int], None]
MAX_MONEY = 1e9  # per month, as the API's account model


@dataclass(frozen=True)
class RawRow:
    source: str
    line: int
    data: Any


@dataclass(frozen=True)
class Entry:
    account: Account
    usage: Usage
    source: str
    line: int


@dataclass
class Portfolio:
    entries: list[Entry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


# --- reading rows -----------------------------------------------------------------------------

def _read_text(p: Path) -> str:
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CoachInputError(f"{p}: not UTF-8 text") from None
    except OSError as exc:
        raise CoachInputError(f"{p}: cannot read ({exc.strerror})") from None


def _nest(header: list[str], cells: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, cell in zip(header, cells, strict=False):
        if not name or cell is None or not cell.strip():
            continue
        value: Any = cell.strip()
        if name == "services" and value.startswith("["):
            value = json.loads(value)
        path = name.split(".")
        if len(path) == 1 and name in _USAGE_COLUMNS:
            path = ["usage", name]
        elif len(path) == 1 and name in _CONTRACT_COLUMNS:
            path = ["contract", name]
        node = data
        for key in path[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ValueError(f"column {name!r} clashes with column {key!r}")
        node[path[-1]] = value
    return data


def csv_rows(text: str, source: str) -> Iterator[RawRow | RowError]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return
    except csv.Error as exc:
        yield RowError(source=source, line=1, error=f"unreadable CSV header ({exc})")
        return
    end = reader.line_num
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(source=source, line=start, error=f"unreadable CSV row ({exc})")
            end = reader.line_num
            continue
        end = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            yield RowError(source=source, line=start,
                           error=f"{len(cells)} values for {len(header)} columns")
            continue
        try:
            yield RawRow(source, start, _nest(header, cells))
        except (ValueError, json.JSONDecodeError) as exc:
            yield RowError(source=source, line=start, field="services" if isinstance(
                exc, json.JSONDecodeError) else None, error=str(exc).splitlines()[0])


def jsonl_rows(text: str, source: str) -> Iterator[RawRow | RowError]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield RawRow(source, n, json.loads(line))
        except json.JSONDecodeError as exc:
            yield RowError(source=source, line=n, error=f"invalid JSON ({exc.msg} at column {exc.colno})")


def json_rows(text: str, source: str) -> Iterator[RawRow | RowError]:
    """One account object, or a list of them; each item keeps the line it starts on."""
    dec = json.JSONDecoder()
    pos = _skip(text, 0)
    if pos < len(text) and text[pos] == "{":
        try:
            obj, _ = dec.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield RowError(source=source, line=exc.lineno, error=f"invalid JSON ({exc.msg})")
            return
        yield RawRow(source, _line(text, pos), obj)
        return
    if pos >= len(text) or text[pos] != "[":
        yield RowError(source=source, line=_line(text, pos), error="expected an account object or a list")
        return
    pos = _skip(text, pos + 1)
    line, counted = 1, 0
    while pos < len(text) and text[pos] != "]":
        try:
            obj, end = dec.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield RowError(source=source, line=exc.lineno, error=f"invalid JSON ({exc.msg}); "
                           "the rest of the file is skipped")
            return
        line += text.count("\n", counted, pos)  # incremental, so a long list stays linear
        counted = pos
        yield RawRow(source, line, obj)
        pos = _skip(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip(text, pos + 1)


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def yaml_rows(text: str, source: str) -> Iterator[RawRow | RowError]:
    try:
        yield RawRow(source, 1, yaml.safe_load(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yield RowError(source=source, line=mark.line + 1 if mark else 1, error="invalid YAML")


READERS = {"csv": csv_rows, "jsonl": jsonl_rows, "json": json_rows, "yaml": yaml_rows}


def portfolio_files(path: str | Path) -> list[Path]:
    p = Path(path)
    if not p.exists():
        raise CoachInputError(f"{p}: no such file or folder", field="accounts")
    if p.is_file():
        if p.suffix.lower() not in SUFFIXES:
            raise CoachInputError(f"{p}: expected a .csv, .jsonl, .json or .yaml file", field="accounts")
        return [p]
    files = sorted(f for f in p.iterdir()
                   if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."))
    if not files:
        raise CoachInputError(f"{p}: no account files (.csv, .jsonl, .json, .yaml) in the folder",
                              field="accounts")
    return files


def read_rows(path: str | Path) -> tuple[list[RawRow], list[RowError], list[str]]:
    rows: list[RawRow] = []
    errors: list[RowError] = []
    files = portfolio_files(path)
    for f in files:
        for item in READERS[SUFFIXES[f.suffix.lower()]](_read_text(f), f.name):
            (errors if isinstance(item, RowError) else rows).append(item)  # type: ignore[arg-type]
    return rows, errors, [f.name for f in files]


# --- validating rows ----------------------------------------------------------------------------

def parse_row(data: Any, today: date) -> tuple[Account, Usage]:
    """One account with its usage; CoachInputError names the field (e.g. `usage.nps`)."""
    from coach.outreach.clock import resolve_zone

    if not isinstance(data, dict):
        raise CoachInputError("expected an object with the account's fields")
    try:
        account = Account.model_validate(data)
    except ValidationError as exc:
        line = first_error_line(exc)
        raise CoachInputError(line, field=line.split(":", 1)[0]) from None
    for name in ("list_mrr", "mrr"):
        if getattr(account, name) > MAX_MONEY:
            raise CoachInputError(f"{name}: above {MAX_MONEY:,.0f} a month", field=name)
    if account.contract.start_date > today:
        raise CoachInputError(f"contract.start_date: {account.contract.start_date} is after today ({today})",
                              field="contract.start_date")
    if account.contact.timezone is not None:
        resolve_zone(account.contact.timezone)
    return account, parse_usage((account.model_extra or {}).get("usage"))


def validate_rows(rows: list[RawRow], today: date, *, progress: Progress | None = None
                  ) -> tuple[list[Entry], list[RowError]]:
    entries: list[Entry] = []
    errors: list[RowError] = []
    seen: dict[str, RawRow] = {}
    for i, row in enumerate(rows, start=1):
        try:
            account, usage = parse_row(row.data, today)
        except CoachInputError as exc:
            errors.append(RowError(source=row.source, line=row.line, field=exc.field, error=str(exc)))
        else:
            if (first := seen.get(account.id)) is not None:
                errors.append(RowError(source=row.source, line=row.line, field="id",
                                       error=f"id: duplicate account {account.id!r} "
                                             f"(first at {first.source}:{first.line})"))
            else:
                seen[account.id] = row
                entries.append(Entry(account, usage, row.source, row.line))
        if progress is not None:
            progress(i, len(rows))
    return entries, errors


def _sorted(errors: list[RowError], files: list[str]) -> list[RowError]:
    return sorted(errors, key=lambda e: (files.index(e.source) if e.source in files else -1, e.line))


def load_portfolio(path: str | Path, today: date, *, progress: Progress | None = None) -> Portfolio:
    rows, errors, files = read_rows(path)
    entries, bad = validate_rows(rows, today, progress=progress)
    return Portfolio(entries=entries, errors=_sorted(errors + bad, files), files=files)


@dataclass
class RankedPortfolio:
    ranked: list[RiskAssessment]
    errors: list[RowError]
    files: list[str]
    rows: int  # rows read (good and bad)


def rank_portfolio(path: str | Path, policy: Policy, today: date, *,
                   progress: Progress | None = None) -> RankedPortfolio:
    """Read, validate, assess and rank; a row that fails anywhere is reported, never fatal."""
    rows, errors, files = read_rows(path)
    unreadable = len(errors)
    entries, bad = validate_rows(rows, today)
    errors += bad
    assessed: list[RiskAssessment] = []
    for i, e in enumerate(entries, start=1):
        try:
            assessed.append(assess(e.account, policy, today, e.usage))
        except CoachInputError as exc:
            errors.append(RowError(source=e.source, line=e.line, field=exc.field, error=str(exc)))
        if progress is not None:
            progress(i, len(entries))
    return RankedPortfolio(ranked=rank(assessed), errors=_sorted(errors, files), files=files,
                           rows=len(rows) + unreadable)

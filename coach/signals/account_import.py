"""Import accounts from a file: JSON, YAML, JSON lines, or a CRM's CSV export.

CSV headers go through a column mapping (knowledge/accounts/csv_columns.yaml): "Account Name" is
`name`, "Contract Start Date" is `contract.start_date`, and so on. Money cells may carry a currency
sign and thousands separators; "Mid-Market" is `mid_market`; a services cell is
`Name:MRR[:core]` items separated by `;`. A bad row never stops the others: it is reported by line
and field. Pure: the caller stores the accounts.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from coach.accounts.model import Account
from coach.errors import CoachInputError
from coach.signals.models import RowError
from coach.signals.portfolio import READERS, SUFFIXES, RawRow, validate_rows

MAX_BYTES = 5_000_000
_MONEY = re.compile(r"^[^\d\-]*(-?[\d,]*\.?\d+)\s*[A-Za-z$€£₴]*$")


class ColumnMap(BaseModel):
    model_config = ConfigDict(extra="forbid")

    columns: dict[str, list[str]]
    segments: dict[str, list[str]]


def _key(header: str) -> str:
    h = re.sub(r"\(.*?\)\s*$", "", header.strip().lower())
    return re.sub(r"[\s_\-]+", " ", h).strip()


@lru_cache(maxsize=4)
def load_column_map(path: Path) -> ColumnMap:
    try:
        return ColumnMap.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read the column mapping ({exc.strerror})") from None
    except Exception as exc:  # yaml or validation: a broken data file is the installer's problem
        raise CoachInputError(f"{path.name}: invalid column mapping ({str(exc).splitlines()[0]})") from None


def map_header(header: list[str], cmap: ColumnMap) -> list[str]:
    """CRM headers -> dotted account fields; an unknown header is kept as it is (an extra field)."""
    lookup = {_key(alias): target for target, aliases in cmap.columns.items() for alias in aliases}
    lookup.update({_key(target): target for target in cmap.columns})
    return [lookup.get(_key(h), h.strip()) for h in header]


def _money(value: Any) -> Any:
    if isinstance(value, str) and (m := _MONEY.match(value.strip())):
        return m.group(1).replace(",", "")
    return value


def _services(value: Any) -> Any:
    if not isinstance(value, str) or value.lstrip().startswith("["):
        return value
    out = []
    for item in filter(None, (p.strip() for p in value.split(";"))):
        bits = [b.strip() for b in item.split(":")]
        out.append({"name": bits[0], "mrr": _money(bits[1]) if len(bits) > 1 else "0",
                    "core": len(bits) > 2 and bits[2].lower() in ("core", "yes", "true", "1")})
    return out


def normalise_row(data: dict[str, Any], cmap: ColumnMap) -> dict[str, Any]:
    """CRM-style cell values -> the account file's."""
    out = dict(data)
    for name in ("list_mrr", "mrr"):
        if name in out:
            out[name] = _money(out[name])
    if isinstance(out.get("seats"), str):
        out["seats"] = out["seats"].replace(",", "")
    if isinstance(seg := out.get("segment"), str):
        by_alias = {_key(a): s for s, aliases in cmap.segments.items() for a in aliases}
        out["segment"] = by_alias.get(_key(seg), seg)
    if "services" in out:
        out["services"] = _services(out["services"])
    if isinstance(out.get("hardship"), str) and _key(out["hardship"]) in ("", "none", "no", "false"):
        out["hardship"] = None
    return out


def _csv_text(text: str, cmap: ColumnMap) -> str:
    """The same CSV with its header row rewritten to dotted field names."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return text
    rest = "".join(io.StringIO(text).readlines()[reader.line_num:])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(map_header(header, cmap))
    return buf.getvalue() + rest


@dataclass
class ImportResult:
    accounts: list[Account] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


def import_accounts(text: str, filename: str, today: date, *, columns_file: Path) -> ImportResult:
    """Read every row of one uploaded file; good rows become accounts, bad ones errors."""
    kind = SUFFIXES.get(Path(filename).suffix.lower())
    if kind is None:
        raise CoachInputError(f"{filename}: expected a .csv, .json, .jsonl, .yaml or .yml file", field="file")
    if not text.strip():
        raise CoachInputError(f"{filename}: the file is empty", field="file")
    cmap = load_column_map(columns_file)
    if kind == "csv":
        text = _csv_text(text, cmap)
    rows: list[RawRow] = []
    errors: list[RowError] = []
    for item in READERS[kind](text, Path(filename).name):
        if isinstance(item, RowError):
            errors.append(item)
        elif isinstance(item.data, list):  # a YAML file holding a list of accounts
            rows.extend(RawRow(item.source, item.line, d) for d in item.data)
        else:
            data = normalise_row(item.data, cmap) if kind == "csv" and isinstance(item.data, dict) else item.data
            rows.append(RawRow(item.source, item.line, data))
    entries, bad = validate_rows(rows, today)
    return ImportResult(accounts=[e.account for e in entries],
                        errors=sorted(errors + bad, key=lambda e: e.line), rows=len(rows) + len(errors))

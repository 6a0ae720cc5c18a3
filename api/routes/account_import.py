"""Import accounts from an uploaded file (JSON, YAML, JSON lines, or a CRM's CSV export)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from api.deps import SessionDep, SettingsDep, today_or
from api.schemas import Out
from coach.errors import CoachInputError
from coach.signals.account_import import MAX_BYTES, import_accounts
from coach.store import repo

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])


class ImportedOut(Out):
    id: str
    name: str
    created: bool


class RowErrorOut(Out):
    line: int
    field: str | None = None
    error: str


class ImportOut(Out):
    file: str
    rows: int
    imported: list[ImportedOut]
    errors: list[RowErrorOut]


@router.post("/import", response_model=ImportOut, summary="Import accounts from a file; bad rows are "
             "reported by line and field (422 when no row is good)")
def import_file(file: Annotated[UploadFile, File(description="accounts.csv | .json | .jsonl | .yaml")],
                      s: SessionDep, settings: SettingsDep, today: date | None = None) -> ImportOut:
    name = file.filename or "upload"
    raw = file.file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise CoachInputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB", field="file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CoachInputError(f"{name}: not UTF-8 text", field="file") from None
    result = import_accounts(text, name, today_or(today),
                             columns_file=settings.knowledge_dir / "accounts" / "csv_columns.yaml")
    if not result.accounts:
        first = result.errors[0] if result.errors else None
        raise CoachInputError(f"{first.error} (line {first.line} of {name})" if first else f"{name}: no accounts",
                              field=first.field if first else "file")
    imported = []
    for account in result.accounts:
        row, created = repo.save_account(s, account)
        imported.append(ImportedOut(id=row.id, name=row.name, created=created))
    s.commit()
    return ImportOut(file=name, rows=result.rows, imported=imported,
                     errors=[RowErrorOut(line=e.line, field=e.field, error=e.error) for e in result.errors])

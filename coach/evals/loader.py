"""Load `evals/cases/*.yaml` into a `CaseSet`, failing with one line that names file, case and field.

A case file is a mapping:

    category: root_cause            # default for every case in the file
    defaults: {account: acme}       # any case field, applied where the case does not set it
    cases:
      - id: rc-budget-seats
        message: "..."
        expect: {kind: seat_reduction, root_cause: budget_cut}

`account` is the name of an account in `_fixtures.yaml`, or a mapping with `base: NAME` plus the
fields to override (nested mappings such as `contract` and `contact` are merged, not replaced).
Files whose name starts with `_` hold fixtures, not cases.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from coach.accounts import parse_account
from coach.config import bundled
from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.evals.models import Case, CaseSet, Fixtures

CASES_DIR = bundled("evals") / "cases"  # the built-in cases (Settings.evals_dir in the CLI)
FIXTURES_FILE = "_fixtures.yaml"
FILE_KEYS = {"category", "defaults", "cases", "tags"}


def _read_yaml(path: Path) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CoachInputError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise CoachInputError(f"{path}: invalid YAML{where}") from None


def _error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "case"
    msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}"


def merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge `overrides` into a copy of `base` (mappings merge; anything else replaces)."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def resolve_account(ref: Any, fixtures: Fixtures, where: str) -> dict[str, Any]:
    if isinstance(ref, str):
        ref = {"base": ref}
    if not isinstance(ref, dict):
        raise CoachInputError(f"{where}: account: expected a fixture name or a mapping")
    overrides = dict(ref)
    name = overrides.pop("base", None)
    if name is None:
        return overrides
    if name not in fixtures.accounts:
        known = ", ".join(sorted(fixtures.accounts))
        raise CoachInputError(f"{where}: account: unknown fixture {name!r} (known: {known})")
    return merge(fixtures.accounts[name], overrides)


def load_fixtures(cases_dir: Path) -> Fixtures:
    path = cases_dir / FIXTURES_FILE
    if not path.is_file():
        raise CoachInputError(f"{path}: fixtures file not found")
    data = _read_yaml(path)
    try:
        fixtures = Fixtures.model_validate(data)
    except ValidationError as exc:
        raise CoachInputError(f"{path}: {_error(exc)}") from None
    for name, acct in fixtures.accounts.items():
        parse_account(acct, source=f"{path}: accounts.{name}")
    return fixtures


def _file_cases(path: Path, fixtures: Fixtures) -> list[Case]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CoachInputError(f"{path}: expected a mapping with a 'cases' list")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise CoachInputError(f"{path}: unknown top-level key {sorted(unknown)[0]!r}")
    defaults = {"today": fixtures.today, **(data.get("defaults") or {})}
    if "category" in data:
        defaults.setdefault("category", data["category"])
    file_tags = list(data.get("tags") or [])
    cases = []
    for i, raw in enumerate(data["cases"]):
        if not isinstance(raw, dict):
            raise CoachInputError(f"{path}: cases[{i}]: expected a mapping")
        where = f"{path.name}: {raw.get('id', f'cases[{i}]')}"
        item = {**defaults, **raw}
        item["tags"] = list(dict.fromkeys(file_tags + list(raw.get("tags") or [])))
        if "account" not in item:
            raise CoachInputError(f"{where}: account: required")
        item["account"] = resolve_account(item["account"], fixtures, where)
        item["source"] = path.name
        try:
            case = Case.model_validate(item)
        except ValidationError as exc:
            raise CoachInputError(f"{where}: {_error(exc)}") from None
        parse_account(case.account, today=case.today, source=f"{where}: account")
        if case.knowledge != "builtin" and case.knowledge not in fixtures.indexes:
            raise CoachInputError(f"{where}: knowledge: unknown index {case.knowledge!r}")
        cases.append(case)
    return cases


def load_cases(cases_dir: Path | None = None, *, categories: list[str] | None = None,
               ids: list[str] | None = None) -> CaseSet:
    """Every case under `cases_dir` (default: evals/cases), optionally filtered."""
    d = Path(cases_dir) if cases_dir else CASES_DIR
    if not d.is_dir():
        raise CoachInputError(f"{d}: cases folder not found")
    fixtures = load_fixtures(d)
    cases: list[Case] = []
    for path in sorted(d.glob("*.yaml")):
        if not path.name.startswith("_"):
            cases.extend(_file_cases(path, fixtures))
    try:
        case_set = CaseSet(cases=cases, fixtures=fixtures)
    except ValidationError as exc:
        raise CoachInputError(f"{d}: {_error(exc)}") from None
    if categories:
        case_set.cases = [c for c in case_set.cases if c.category in categories]
    if ids:
        case_set.cases = [c for c in case_set.cases if c.id in ids or any(c.id.startswith(i) for i in ids)]
    if not case_set.cases:
        raise CoachInputError(f"{d}: no cases match the filter")
    return case_set

"""Data files (YAML under knowledge/ or a workspace) read into pydantic models, failing in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from coach.errors import CoachInputError

try:  # libyaml: the same documents, about ten times faster to parse (most of a cold start's YAML cost)
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

M = TypeVar("M", bound=BaseModel)


def parse_yaml(text: str | bytes) -> Any:
    """`yaml.safe_load`, through libyaml when PyYAML has it: for coach's own data files. Files a
    user hands in (accounts, imports) keep `yaml.safe_load`, whose errors on hostile input (deep
    nesting: RecursionError, not libyaml's flow-level error) their messages are written for."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader


def validation_line(exc: ValidationError) -> str:
    """`loc: message` for the first error, the location dotted."""
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


def load_yaml_model(path: Path, model: type[M], what: str = "file") -> M:
    """Parse `path` as YAML into `model`; a one-line CoachInputError naming the file and field otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read {what} ({exc.strerror})") from None
    try:
        return model.model_validate(parse_yaml(text))
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        raise CoachInputError(f"{path.name}: {validation_line(exc)}") from None


def read_jsonl_models(path: Path, model: type[M]) -> list[tuple[int, M]]:
    """(line number, item) for every non-blank line of a JSON Lines file; a bad line is a one-line
    CoachInputError naming `file:line` and the field (`item` when the whole line is wrong)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read training file ({exc.strerror})") from None
    out: list[tuple[int, M]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((n, model.model_validate_json(line)))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "item"
            raise CoachInputError(f"{path.name}:{n}: {where}: {err['msg']}") from None
    return out

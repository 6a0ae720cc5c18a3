"""Data files (YAML under knowledge/ or a workspace) read into pydantic models, failing in one line."""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from coach import regexcache
from coach.errors import CoachInputError

try:  # libyaml: the same documents, about ten times faster to parse (most of a cold start's YAML cost)
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

M = TypeVar("M", bound=BaseModel)


def parse_yaml(text: str | bytes) -> Any:
    """`yaml.safe_load`, through libyaml when PyYAML has it: for coach's own data files. Files a
    user hands in (accounts, imports) keep `yaml.safe_load`, whose errors on hostile input (deep
    nesting: RecursionError, not libyaml's flow-level error) their messages are written for.

    In the `coach` command the result is also kept across processes (regexcache.remembered, keyed
    by the text's digest, as marshal data: a fresh copy for every caller): building the Python
    objects of the guard's lexicons and the cue files was most of a cold draft's YAML time."""
    if not regexcache.enabled():
        return _load(text)
    raw = text.encode("utf-8") if isinstance(text, str) else text
    blob = regexcache.remembered(("yaml", hashlib.blake2b(raw, digest_size=16).digest()), lambda: _marshal(text))
    return _load(text) if blob is None else marshal.loads(blob)


def _load(text: str | bytes) -> Any:
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader


def _marshal(text: str | bytes) -> bytes | None:
    """The parsed document as marshal data; None when it holds what marshal cannot keep (dates)."""
    try:
        return marshal.dumps(_load(text))
    except ValueError:
        return None


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

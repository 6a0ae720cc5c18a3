"""Data files (YAML under knowledge/ or a workspace) read into pydantic models, failing in one line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from coach.errors import CoachInputError

M = TypeVar("M", bound=BaseModel)


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
        return model.model_validate(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        raise CoachInputError(f"{path.name}: {validation_line(exc)}") from None

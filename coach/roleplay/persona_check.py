"""`coach roleplay --check FILE`: validate a persona a trainer wrote. Every error is one line naming
the file, the line and the field ("levada.yaml:14: facts.1.after: 'x' is not an earlier fact"), found
by walking the YAML node tree along the field path pydantic reports."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.roleplay.personas import Persona


def _line_of(root: yaml.Node | None, loc: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the deepest node on `loc` (the key's line for a missing key)."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                         None)
            if match is None:
                return line
            node, line = match[1], match[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _field_path(text: str, message: str) -> tuple[str | int, ...]:
    """A dotted path at the start of a model-level message ("facts.1.after: ...")."""
    head = message.split(":", 1)[0].strip()
    if not head or " " in head:
        return ()
    return tuple(int(p) if p.isdigit() else p for p in head.split("."))


def check_file(path: Path) -> Persona:
    """The persona in `path`, or a CoachInputError "file:line: field: problem"."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CoachInputError(f"{name}: persona file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CoachInputError(f"{name}: cannot read ({exc})") from None
    try:
        root = yaml.compose(text)
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CoachInputError(f"{name}{where}: invalid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise CoachInputError(f"{name}:1: expected a mapping of persona fields")
    try:
        persona = Persona.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if not loc:  # a rule across fields: its message starts with the field it is about
            loc = _field_path(text, msg)
            msg = msg.split(":", 1)[1].strip() if loc else msg
        field = ".".join(str(p) for p in loc)
        line = _line_of(root, loc)
        where = f":{line}" if line else ""
        if err["type"] == "missing":
            msg = "required field is missing"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field (a typo?)"
        raise CoachInputError(f"{name}{where}: {field or 'persona'}: {msg}") from None
    if persona.id != path.stem:
        raise CoachInputError(f"{name}:{_line_of(root, ('id',))}: id: {persona.id!r} does not match the file "
                              f"name ({path.stem})")
    return persona

"""A model's answer -> the task's output model, or the problems worded for the model (for a re-ask)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)


def _json_object(text: str) -> Any:
    """The first JSON object in a reply; tolerates code fences and chatter around it, not truncation."""
    stripped = _FENCE.sub("", text.strip())
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        start = stripped.find("{")
        if start < 0:
            raise
        obj, _ = json.JSONDecoder().raw_decode(stripped[start:])
        return obj


def parse_output(schema: type[BaseModel], text: str) -> tuple[BaseModel | None, list[str]]:
    """(parsed, []) or (None, problems worded for the model)."""
    try:
        data = _json_object(text)
    except json.JSONDecodeError as exc:
        return None, [
            f"the reply is not valid JSON ({exc.msg} at character {exc.pos}); "
            "answer with the JSON object only"
        ]
    if not isinstance(data, dict):
        return None, ["the reply must be one JSON object"]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [
            f"field '{'.'.join(str(p) for p in e['loc']) or '(root)'}': {e['msg']}" for e in exc.errors()[:5]
        ]

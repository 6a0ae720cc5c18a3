"""Streaming helpers: pull one text field out of a JSON object while it is still being written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from langchain_core.utils.json import parse_partial_json


@dataclass
class StreamPiece:
    """`token`: provisional text; `final`: the checked text; `replace`: show this fallback instead."""

    kind: Literal["token", "final", "replace"]
    text: str
    reason: str = ""


class FieldStreamer:
    """Feed raw JSON chunks; get back the new characters of `field`'s string value."""

    def __init__(self, field: str) -> None:
        self.field = field
        self.raw = ""
        self.emitted = ""

    def feed(self, chunk: str) -> str:
        self.raw += chunk
        if f'"{self.field}"' not in self.raw:
            return ""
        try:
            data = parse_partial_json(self.raw)
        except Exception:  # a half-written escape: the next chunk completes it
            return ""
        value = data.get(self.field) if isinstance(data, dict) else None
        if not isinstance(value, str) or not value.startswith(self.emitted):
            return ""
        delta, self.emitted = value[len(self.emitted) :], value
        return delta

"""Streaming helpers: pull one text field out of a JSON object while it is still being written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass
class StreamPiece:
    """`token`: provisional text; `final`: the checked text; `replace`: show this fallback instead."""

    kind: Literal["token", "final", "replace"]
    text: str
    reason: str = ""


class FieldStreamer:
    """Feed raw JSON chunks; get back the new characters of `field`'s string value.

    Decodes the value incrementally (linear in the reply's length), stopping before an escape
    sequence that is not complete yet. The full reply is parsed properly at the end; what this
    yields is only the provisional text shown while the model writes.
    """

    def __init__(self, field: str) -> None:
        self._key = re.compile(rf'"{re.escape(field)}"\s*:\s*"')
        self.raw = ""
        self.emitted = ""
        self._pos: int | None = None  # where the value's next undecoded character is
        self._done = False

    def feed(self, chunk: str) -> str:
        self.raw += chunk
        if self._done:
            return ""
        if self._pos is None:
            m = self._key.search(self.raw)
            if m is None:
                return ""
            self._pos = m.end()
        out, raw, i = [], self.raw, self._pos
        while i < len(raw):
            c = raw[i]
            if c == '"':
                self._done = True
                break
            if c != "\\":
                out.append(c)
                i += 1
                continue
            if i + 1 >= len(raw):
                break
            if raw[i + 1] != "u":
                out.append(_ESCAPES.get(raw[i + 1], raw[i + 1]))
                i += 2
                continue
            width = 12 if raw[i + 2:i + 4].lower() in ("d8", "d9", "da", "db") else 6  # surrogate pair
            if i + width > len(raw):
                break
            try:
                out.append(json.loads(f'"{raw[i:i + width]}"'))
            except ValueError:
                out.append(raw[i:i + width])
            i += width
        self._pos = i
        delta = "".join(out)
        self.emitted += delta
        return delta

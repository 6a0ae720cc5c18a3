"""Stamps ((name, mtime) of the files) of the guard's data, taken at most once a second per folder.

Every check asks whether the lexicons or the prompt files changed; listing and stat-ing their ~70
files cost about 1 ms a check. An edited file is now seen within STAMP_TTL seconds instead of at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
STAMP_TTL = 1.0
_lock = threading.Lock()
_taken: dict[tuple[str, str], tuple[float, object]] = {}


def recent(kind: str, folder: str, take: Callable[[], T]) -> T:
    """`take()` for this folder, reused for STAMP_TTL seconds (an exception is not kept)."""
    now = time.monotonic()
    with _lock:
        hit = _taken.get((kind, folder))
    if hit is not None and now - hit[0] < STAMP_TTL:
        return hit[1]  # type: ignore[return-value]
    value = take()
    with _lock:
        if len(_taken) > 64:
            _taken.clear()
        _taken[(kind, folder)] = (now, value)
    return value

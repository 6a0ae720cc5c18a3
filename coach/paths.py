"""Where coach keeps its files by default: light enough to import before anything else (the regex cache)."""

from __future__ import annotations

from pathlib import Path


def default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "coach"

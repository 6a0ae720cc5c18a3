"""The one cached policy load: the CLI, the engine and every API route read the policy through it,
so an edited policy.yaml reaches all of them (reloaded when the file's mtime or size changes)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from coach.policy.schema import Policy, load_policy

if TYPE_CHECKING:
    from coach.config import Settings


@lru_cache(maxsize=8)
def _load(path: str, stamp: tuple[float, int]) -> Policy:
    return load_policy(path)


def policy_at(path: Path) -> Policy:
    try:
        st = path.stat()
        stamp = (st.st_mtime, st.st_size)
    except OSError:
        stamp = (0.0, -1)  # load_policy names the missing file
    return _load(str(path), stamp)


def policy_for(settings: Settings) -> Policy:
    """The policy file the settings point at, parsed once per version of the file."""
    return policy_at(settings.resolved_policy_file)

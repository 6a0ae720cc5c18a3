"""Labelled exemplars (knowledge/diagnosis/exemplars.yaml) and their vectors, cached in memory and on disk."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from coach.datafile import parse_yaml, validation_line
from coach.diagnosis.models import RequestKind, RootCause
from coach.errors import CoachInputError

log = logging.getLogger(__name__)
CACHE_VERSION = "1"  # bump when the way exemplars are embedded changes


class Exemplar(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    kind: RequestKind | None = None
    cause: RootCause | None = None
    hardship: Literal["natural_disaster", "financial"] | None = None
    pushback: bool = False


class ExemplarFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    examples: list[Exemplar]


@dataclass(frozen=True)
class ExemplarBank:
    """Exemplars with their L2-normalised query-mode vectors, row i for exemplar i."""

    examples: tuple[Exemplar, ...]
    vectors: np.ndarray  # (n, dim) float32
    digest: str


def load_exemplars(path: Path) -> tuple[list[Exemplar], bytes]:
    """Parse and validate the exemplar file; returns the exemplars and the raw bytes (for hashing)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read exemplar file ({exc.strerror})") from None
    try:
        spec = ExemplarFile.model_validate(parse_yaml(raw))
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        raise CoachInputError(f"{path.name}: {validation_line(exc)}") from None
    if not spec.examples:
        raise CoachInputError(f"{path.name}: examples: the list is empty")
    return spec.examples, raw


def _digest(raw: bytes, embedder_name: str) -> str:
    h = hashlib.sha256()
    for part in (CACHE_VERSION.encode(), embedder_name.encode(), b"\0", raw):
        h.update(part)
    return h.hexdigest()[:20]


def _read_cache(path: Path, n: int) -> np.ndarray | None:
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if arr.ndim != 2 or arr.shape[0] != n or arr.dtype != np.float32:
        return None
    return arr


def _write_cache(path: Path, arr: np.ndarray) -> None:
    """Atomic write; any failure (read-only dir, full disk) just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, arr, allow_pickle=False)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        log.debug("exemplar vector cache not written (%s)", exc)


_BANKS: dict[tuple, ExemplarBank] = {}
_LOCK = threading.Lock()


def exemplar_bank(path: Path, embedder, cache_dir: Path | None) -> ExemplarBank:
    """The exemplars of `path` embedded by `embedder`: memory first, then the disk cache, then the model."""
    try:
        st = path.stat()
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read exemplar file ({exc.strerror})") from None
    # A stat per call keeps the hot path cheap and still notices an edited file.
    key = (str(path), st.st_mtime_ns, st.st_size, embedder.name)
    bank = _BANKS.get(key)
    if bank is not None:
        return bank
    with _LOCK:
        bank = _BANKS.get(key)
        if bank is not None:
            return bank
        examples, raw = load_exemplars(path)
        digest = _digest(raw, embedder.name)
        cache_file = cache_dir / f"diagnosis-exemplars-{digest}.npy" if cache_dir else None
        vectors = _read_cache(cache_file, len(examples)) if cache_file else None
        if vectors is None:
            vectors = np.asarray(embedder.embed_queries([e.text for e in examples]), dtype=np.float32)
            if cache_file is not None:
                _write_cache(cache_file, vectors)
        bank = ExemplarBank(tuple(examples), vectors, digest)
        _BANKS[key] = bank
        return bank


def clear_memory_cache() -> None:
    """Forget the in-process banks (tests)."""
    _BANKS.clear()

"""Search the playbook index; the built-in knowledge/ index is built (and refreshed) on first use.

Chroma keeps the chunks; search scores all of them in memory (a 10,000 x 384 matrix product is
about a millisecond in float32; from 4,096 chunks on, an 8-bit product picks the finalists and
float32 scores them: dense.py). Dense scoring compares the query and passage vectors after the
language direction is projected out (crosslingual.py); hybrid scoring adds BM25 with stemming
and the English-Ukrainian glossary, each signal min-max scaled over the index and mixed
LEXICAL_WEIGHT to 1 - LEXICAL_WEIGHT. benchmarks/README.md has the measurements behind both.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from coach.config import Settings, get_settings
from coach.errors import ModelMismatchError
from coach.knowledge import snapshot as snapshots
from coach.knowledge.chunking import EMBED_RECIPE, Chunk
from coach.knowledge.crosslingual import remove_axis
from coach.knowledge.dense import DenseScorer
from coach.knowledge.embeddings import Embedder, get_embedder
from coach.knowledge.ingest import IngestReport, Progress, ingest_paths
from coach.knowledge.snapshot import Snapshot
from coach.knowledge.sources import expand_paths, read_source
from coach.knowledge.store import KnowledgeStore

LEXICAL_WEIGHT = 0.3
FINALISTS = 64  # rows scored again in float32 when the dense scores are approximate (dense.py)


@dataclass
class Hit:
    source: str
    section: str
    text: str
    score: float  # dense: cosine similarity; hybrid: fused score in [0, 1] (1 = best on both signals)
    language: str = "en"
    id: str = ""

    def public(self) -> dict:
        """The `coach search --json` shape (contract section 2)."""
        d = asdict(self)
        return {k: d[k] for k in ("source", "section", "text", "score")}


def _minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


class Knowledge:
    """A playbook index plus the embedder that reads it."""

    def __init__(self, settings: Settings, index_dir: Path | None = None,
                 embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.builtin = index_dir is None
        self.store = KnowledgeStore(index_dir or settings.resolved_index_dir,
                                    collection=settings.collection, chroma_url=settings.chroma_url)
        self.embedder = embedder or get_embedder(settings)
        self._snap: Snapshot | None = None
        self._snap_lock = threading.Lock()  # one reload at a time when many requests notice a change
        self._checked = False
        # Concurrent first requests wait for one opening of the index instead of racing to build it.
        self._ready_lock = threading.Lock()

    @property
    def builtin_sources(self) -> Path:
        return self.settings.knowledge_dir / "playbooks"

    def ensure_ready(self, progress: Progress | None = None) -> IngestReport | None:
        """For the built-in index: ingest knowledge/playbooks when missing or out of date."""
        if self._checked:
            return None
        with self._ready_lock:
            if self._checked:
                return None
            report = self._make_ready(progress)
            self._checked = True  # only once it succeeded: a failed opening is retried
            return report

    def _make_ready(self, progress: Progress | None) -> IngestReport | None:
        snap = self._snapshot()  # a fresh snapshot on disk answers both checks without opening Chroma
        built_with = snap.model if snap is not None else self.store.model_name()
        if not self.builtin:
            if built_with and built_with != self.embedder.name:
                raise ModelMismatchError(
                    f"{self.store.index_dir}: index was built with '{built_with}' but the configured "
                    f"embedding model is '{self.embedder.name}'; run `coach ingest --rebuild ...` to re-embed")
            return None
        files, _ = expand_paths([self.builtin_sources])
        # Chunking every playbook to compare ids costs more than the rest of a cold draft; when
        # no file changed since the last check of this generation, the answer is the same.
        stamp = _sources_stamp(files, snap.generation if snap is not None else "")
        seen = self.store.index_dir / snapshots.CACHE_DIR / "builtin-sources"
        if snap is not None and built_with == self.embedder.name and _read(seen) == stamp:
            return None
        expected = {c.id for f in files for c in read_source(f).chunks}
        if snap is not None and built_with == self.embedder.name and expected == set(snap.ids):
            with contextlib.suppress(OSError):
                seen.parent.mkdir(parents=True, exist_ok=True)
                seen.write_text(stamp)
            return None
        rebuild = built_with not in (None, self.embedder.name)
        return self.ingest([self.builtin_sources], rebuild=rebuild, progress=progress)

    def ingest(self, paths: list[Path], *, rebuild: bool = False,
               progress: Progress | None = None) -> IngestReport:
        # The snapshot stays: the next search brings it up to date with what this run changed.
        return ingest_paths(self.store, self.embedder, paths, rebuild=rebuild, progress=progress,
                            max_file_bytes=self.settings.max_ingest_file_bytes)

    def search(self, query: str, k: int = 5, *, hybrid: bool | None = None) -> list[Hit]:
        """The k best chunks, best first; `hybrid` overrides Settings.hybrid_search."""
        self.ensure_ready()
        snap = self._snapshot()
        if snap is None or k < 1:
            return []
        qvec = remove_axis(self.embedder.embed_queries([query]), snap.axis)[0]
        scorer = snap.dense()
        dense = scorer.scores(qvec)
        lexical = _minmax(snap.bm25().scores(query)) if (
            self.settings.hybrid_search if hybrid is None else hybrid) else None
        scores = dense if lexical is None else (1 - LEXICAL_WEIGHT) * _minmax(dense) + LEXICAL_WEIGHT * lexical
        k = min(k, len(snap.ids))
        if scorer.approximate:
            rows, scores = _exact_finalists(scorer, qvec, dense, scores, lexical, k)
        else:
            rows = np.arange(len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.lexsort((rows[top], -scores[top]))]  # equal scores: the earlier chunk first
        return [Hit(source=snap.metas[i]["source"], section=snap.metas[i]["section"], text=snap.docs[i],
                    score=round(float(scores[j]), 4), language=snap.metas[i].get("language", "en"),
                    id=snap.ids[i]) for i, j in zip(rows[top], top, strict=True)]

    def _snapshot(self) -> Snapshot | None:
        """The in-memory copy of the index, brought up to date when an ingest (here or in another
        process) has stamped a new generation."""
        generation = self.store.generation()
        snap = self._snap
        if snap is not None and snap.generation == generation:
            return snap
        if not generation:
            self._snap = None
            return None
        with self._snap_lock:
            if self._snap is not None and self._snap.generation == generation:
                return self._snap
            if self._snap is None and (cached := snapshots.load_cached(self.store, generation)) is not None:
                self._snap = cached
                return cached
            self._snap = snapshots.load(self.store, self.embedder, generation, previous=self._snap)
            if self._snap is not None:
                snapshots.save(self.store, self._snap)
            return self._snap


def _exact_finalists(scorer: DenseScorer, qvec: np.ndarray, dense: np.ndarray, scores: np.ndarray,
                     lexical: np.ndarray | None, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The best rows by the approximate scores, scored again with float32 dense scores: (rows, scores).

    Integer dense scores are within ~0.004 of the float32 ones, so the true best k are among the best
    FINALISTS by far; the dense range that scales the hybrid mix is read from the float32 scores of the
    approximate best and worst rows."""
    n = len(scores)
    c = min(n, max(FINALISTS, 8 * k))
    rows = np.argpartition(-scores, c - 1)[:c] if c < n else np.arange(n)
    if lexical is None:
        return rows, scorer.exact(qvec, rows)
    ends = np.concatenate([np.argpartition(-dense, 15)[:16] if n > 16 else np.arange(n), [int(np.argmin(dense))]])
    exact_ends = scorer.exact(qvec, ends)
    lo, hi = float(exact_ends[-1]), float(exact_ends.max())
    exact = scorer.exact(qvec, rows)
    hi = max(hi, float(exact.max()))
    scaled = (exact - lo) / (hi - lo) if hi > lo else np.zeros_like(exact)
    return rows, (1 - LEXICAL_WEIGHT) * np.clip(scaled, 0.0, 1.0) + LEXICAL_WEIGHT * lexical[rows]


def _sources_stamp(files: list[Path], generation: str) -> str:
    h = hashlib.sha256(f"{EMBED_RECIPE}|{generation}".encode())
    for f in files:
        st = f.stat()
        h.update(f"|{f}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


_CACHE: dict[tuple, Knowledge] = {}
_CACHE_LOCK = threading.Lock()


def get_knowledge(settings: Settings | None = None, index_dir: Path | None = None) -> Knowledge:
    """One Knowledge per (index, settings) per process, so warm calls skip opening Chroma."""
    s = settings or get_settings()
    key = (str(index_dir.resolve()) if index_dir else None, id(s))
    with _CACHE_LOCK:  # one Chroma client per index, even when the first requests arrive together
        if key not in _CACHE:
            _CACHE[key] = Knowledge(s, index_dir)
        return _CACHE[key]


def search(query: str, k: int = 5, *, settings: Settings | None = None,
           index_dir: Path | None = None) -> list[Hit]:
    return get_knowledge(settings, index_dir).search(query, k)


def ingest(paths: list[Path], *, settings: Settings | None = None, index_dir: Path | None = None,
           rebuild: bool = False, progress: Callable[[int, int], None] | None = None) -> IngestReport:
    return get_knowledge(settings, index_dir).ingest(paths, rebuild=rebuild, progress=progress)


__all__ = ["Hit", "Knowledge", "get_knowledge", "search", "ingest", "IngestReport", "Chunk"]

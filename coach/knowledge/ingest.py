"""Incremental ingest: embed only new or changed chunks, remove chunks of deleted files.

Every file is size-checked, read and chunked before anything is written, so a bad file leaves
the index as it was. A run that changes anything builds a new collection (unchanged chunks are
copied with their vectors, new ones embedded, stale ones left out) and switches to it when it is
complete (store.py), so a run that fails or is killed -9 leaves the previous index searchable and
nothing half-done visible. Each switch stamps a new generation, which tells searchers in other
processes to reload.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import CoachError, CoachInputError, CoachRunError
from coach.knowledge.crosslingual import encode_axis, language_axis
from coach.knowledge.embeddings import Embedder
from coach.knowledge.sources import expand_paths, read_source
from coach.knowledge.store import KnowledgeStore

BATCH = 64  # chunks per embedding call: benchmarks/README.md (ingest batch sizes)
MAX_FILE_BYTES = 2_000_000  # per file; Settings.max_ingest_file_bytes overrides it
Progress = Callable[[int, int], None]  # (done, total) chunks embedded


@dataclass
class IngestReport:
    files: int = 0
    chunks: int = 0
    added: int = 0
    removed: int = 0
    unchanged: int = 0
    dropped_junk_lines: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    per_file: dict[str, int] = field(default_factory=dict)

    @property
    def chunks_per_second(self) -> float:
        return self.added / self.seconds if self.seconds > 0 else 0.0


def ingest_paths(store: KnowledgeStore, embedder: Embedder, paths: list[Path], *,
                 rebuild: bool = False, progress: Progress | None = None,
                 max_file_bytes: int = MAX_FILE_BYTES) -> IngestReport:
    started = time.perf_counter()
    files, folders = expand_paths(paths)
    for f in files:  # before reading: a 50 MB file would be ~70,000 chunks and hours of embedding
        size = f.stat().st_size
        if size > max_file_bytes:
            raise CoachInputError(f"{f}: {size:,} bytes is over the limit of {max_file_bytes:,} bytes per file "
                                  "(split it, or raise COACH_MAX_INGEST_FILE_BYTES)")
    sources = [read_source(f) for f in files]  # all input errors surface here, before any write
    report = IngestReport(files=len(sources), rebuilt=rebuild)
    with store.write_lock():
        store.collect_garbage()  # what killed runs left behind, and the collection switched away from
        if not rebuild:
            store.check_model(embedder.name)
        existing = {} if rebuild else store.manifest()
        wanted: dict[str, tuple] = {}
        for src in sources:
            report.per_file[str(src.path)] = len(src.chunks)
            report.dropped_junk_lines += src.dropped_lines
            for c in src.chunks:
                wanted[c.id] = (src.path, c)
        report.chunks = len(wanted)
        new_ids = [i for i in wanted if i not in existing]
        report.unchanged = len(wanted) - len(new_ids)
        stale = set(_stale_ids(existing, wanted, {str(s.path) for s in sources}, folders))
        report.removed = len(stale)
        total = len(new_ids)
        if progress:
            progress(0, total)
        if not new_ids and not stale and not rebuild:
            report.seconds = time.perf_counter() - started
            return report  # nothing changed: no new collection, no new generation
        lang_axis = "" if rebuild else str(store.metadata().get("lang_axis", ""))
        # Everything goes into a new collection that searches do not see; the switch at the end is
        # one atomic write, so a failed or killed run leaves the previous index as it was.
        staging = store.staging(embedder.name, lang_axis=lang_axis or encode_axis(language_axis(embedder)))
        # Chroma writes run on a second thread while the next batch is embedded (the embedder
        # releases the GIL), and the new chunks go in order of length so a batch pads little.
        new_ids.sort(key=lambda i: len(wanted[i][1].embed_text))
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coach-ingest-write")
        pending: Future | None = None
        try:
            store.copy_into(staging, [i for i in existing if i not in stale], renew=store.renew_lease)
            for start in range(0, total, BATCH):
                ids = new_ids[start:start + BATCH]
                chunks = [wanted[i][1] for i in ids]
                vectors = _embed(embedder, [c.embed_text for c in chunks], wanted[ids[0]][0])
                if pending is not None:
                    pending.result()
                pending = writer.submit(_write, staging, ids, chunks, vectors, wanted)
                store.renew_lease()
                if progress:
                    progress(min(start + BATCH, total) - len(ids), total)
            if pending is not None:
                pending.result()
                pending = None
            if progress:
                progress(total, total)
            store.renew_lease()  # still ours: nobody else can have switched in between
            store.switch(staging, generation=uuid.uuid4().hex)
        except BaseException:
            if pending is not None:
                with contextlib.suppress(Exception):
                    pending.result()
            store.discard(staging)
            raise
        finally:
            writer.shutdown(wait=True)
        report.added = total
    report.seconds = time.perf_counter() - started
    return report


def _write(col: Any, ids: list[str], chunks: list[Any], vectors: np.ndarray, wanted: dict[str, tuple]) -> list[str]:
    col.add(ids=ids, embeddings=vectors.tolist(), documents=[c.text for c in chunks],
            metadatas=[{"source": c.source, "section": c.section, "language": c.language,
                        "title": c.title, "path": str(wanted[i][0]), "chunk": c.index}
                       for i, c in zip(ids, chunks, strict=True)])
    return ids


def _embed(embedder: Embedder, texts: list[str], path: Path) -> np.ndarray:
    try:
        return embedder.embed_passages(texts)
    except CoachError:
        raise
    except Exception as exc:  # a backend's own error type; the run failed, not the input
        raise CoachRunError(f"embedding failed while indexing {path} ({type(exc).__name__}: {exc})") from exc


def _stale_ids(existing: dict[str, dict], wanted: dict[str, tuple], ingested: set[str],
               folders: list[Path]) -> list[str]:
    """Chunks to delete: old versions of files ingested now, and files deleted from disk."""
    stale = []
    for cid, meta in existing.items():
        if cid in wanted:
            continue
        path = str(meta.get("path", ""))
        in_folder = any(path.startswith(str(f) + "/") for f in folders)
        if path in ingested or in_folder or not Path(path).exists():
            stale.append(cid)
    return stale

"""Incremental ingest: embed only new or changed chunks, remove chunks of deleted files.

Every file is read and chunked before anything is written, so a bad file leaves the index as
it was. New chunks are added before stale ones are deleted, and a run that fails while embedding
takes back what it added, so a failed ingest leaves the previous index in place. Each finished
run stamps the collection with a new generation, which tells searchers in other processes to
reload.
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

from coach.errors import CoachError, CoachRunError
from coach.knowledge.crosslingual import encode_axis, language_axis
from coach.knowledge.embeddings import Embedder
from coach.knowledge.sources import expand_paths, read_source
from coach.knowledge.store import KnowledgeStore

BATCH = 64  # chunks per embedding call: benchmarks/README.md (ingest batch sizes)
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
                 rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
    started = time.perf_counter()
    files, folders = expand_paths(paths)
    sources = [read_source(f) for f in files]  # all input errors surface here, before any write
    report = IngestReport(files=len(sources), rebuilt=rebuild)
    with store.write_lock():
        if rebuild:
            store.drop()
        else:
            store.check_model(embedder.name)
        col = store.collection(create_for=embedder.name)
        existing = store.manifest()
        wanted: dict[str, tuple] = {}
        for src in sources:
            report.per_file[str(src.path)] = len(src.chunks)
            report.dropped_junk_lines += src.dropped_lines
            for c in src.chunks:
                wanted[c.id] = (src.path, c)
        report.chunks = len(wanted)
        new_ids = [i for i in wanted if i not in existing]
        report.unchanged = len(wanted) - len(new_ids)
        total = len(new_ids)
        stamp: dict[str, str] = {}
        if not store.metadata().get("lang_axis"):  # new collection: learn the language direction
            stamp["lang_axis"] = encode_axis(language_axis(embedder))
        if progress:
            progress(0, total)
        added: list[str] = []
        # Chroma writes run on a second thread while the next batch is embedded (the embedder
        # releases the GIL), and the new chunks go in order of length so a batch pads little.
        new_ids.sort(key=lambda i: len(wanted[i][1].embed_text))
        writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coach-ingest-write")
        pending: Future | None = None
        try:
            for start in range(0, total, BATCH):
                ids = new_ids[start:start + BATCH]
                chunks = [wanted[i][1] for i in ids]
                vectors = _embed(embedder, [c.embed_text for c in chunks], wanted[ids[0]][0])
                if pending is not None:
                    added.extend(pending.result())
                pending = writer.submit(_write, col, ids, chunks, vectors, wanted)
                if progress:
                    progress(min(start + BATCH, total) - len(ids), total)
            if pending is not None:
                added.extend(pending.result())
                pending = None
            if progress:
                progress(total, total)
        except BaseException:
            if pending is not None:
                with contextlib.suppress(Exception):
                    added.extend(pending.result())
            if added:  # take the half-done run back, so the index is the previous one
                store.delete(added)
            raise
        finally:
            writer.shutdown(wait=True)
        report.added = total
        stale = _stale_ids(existing, wanted, {str(s.path) for s in sources}, folders)
        if stale:
            store.delete(stale)
        report.removed = len(stale)
        store.update_metadata(**stamp, generation=uuid.uuid4().hex)
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

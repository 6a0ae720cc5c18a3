"""The in-memory copy of an index that search scores, kept current without re-reading everything.

A snapshot holds every chunk of one index generation: ids, texts, metadata, the vectors with the
language direction already projected out, and the BM25 term counts. When an ingest stamps a new
generation, the next search reads only the ids from Chroma, drops the rows that are gone, and
fetches and tokenizes only the new chunks; at 50,000 chunks that replaces a multi-second reload
with a fraction of a second. A snapshot is also saved beside the index (`.coach-cache/`), so a
new process whose index has not changed since loads it from one file without opening Chroma.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from coach.knowledge.bm25 import BM25, Terms
from coach.knowledge.crosslingual import decode_axis, language_axis, remove_axis
from coach.knowledge.dense import DenseScorer
from coach.knowledge.embeddings import Embedder
from coach.knowledge.store import KnowledgeStore

CACHE_DIR = ".coach-cache"
FORMAT = 1


def bm25_text(meta: dict, doc: str) -> str:
    """What the lexical side indexes for a chunk: its section heading and its text."""
    return f"{meta.get('section', '')}\n{doc}"


@dataclass
class Snapshot:
    """Every chunk of the index at one generation, ready for scoring."""

    generation: str  # changes whenever the index does
    model: str | None  # the embedding model the index was built with
    axis_text: str  # the stored language direction, as text (a change means a full reload)
    ids: list[str]
    docs: list[str]
    metas: list[dict]
    vectors: np.ndarray  # unit rows, language direction removed
    axis: np.ndarray | None
    terms: Terms
    _bm25: BM25 | None = field(default=None, repr=False)
    _dense: DenseScorer | None = field(default=None, repr=False)

    def bm25(self) -> BM25:
        if self._bm25 is None:  # built on the first hybrid query only
            self._bm25 = BM25(terms=self.terms)
        return self._bm25

    def dense(self) -> DenseScorer:
        """The dense scorer: float32 on the first search, 8-bit from the second (dense.py)."""
        if self._dense is None:
            self._dense = DenseScorer(self.vectors, build=False)
        else:
            self._dense.build()
        return self._dense


def load(store: KnowledgeStore, embedder: Embedder, generation: str,
         previous: Snapshot | None = None) -> Snapshot | None:
    """The index at `generation`: from `previous` plus what changed, else read in full."""
    meta = store.metadata(fresh=True)
    if not meta:
        return None
    model, axis_text = meta.get("embedding_model"), str(meta.get("lang_axis", ""))
    if previous is not None and previous.model == model and previous.axis_text == axis_text:
        return _refresh(store, previous, generation)
    got = store.snapshot()
    if not got["ids"]:
        return None
    vectors = np.asarray(got["embeddings"], dtype=np.float32)
    axis = decode_axis(axis_text, vectors.shape[1])
    if axis is None:  # an index written before the direction was stored: learn it here
        axis = language_axis(embedder)
    metas = [dict(m or {}) for m in got["metadatas"]]
    docs = list(got["documents"])
    terms = Terms.empty().extended([bm25_text(m, d) for m, d in zip(metas, docs, strict=True)])
    return Snapshot(generation=generation, model=model, axis_text=axis_text, ids=list(got["ids"]), docs=docs,
                    metas=metas, vectors=remove_axis(vectors, axis), axis=axis, terms=terms)


def _refresh(store: KnowledgeStore, prev: Snapshot, generation: str) -> Snapshot | None:
    now = store.ids()
    if not now:
        return None
    row = {cid: i for i, cid in enumerate(prev.ids)}
    keep = np.fromiter((row[c] for c in now if c in row), dtype=np.int64)
    new_ids = [c for c in now if c not in row]
    got = store.get(new_ids) if new_ids else {"ids": [], "documents": [], "metadatas": [], "embeddings": []}
    new_vecs = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), prev.vectors.shape[1])
    new_metas = [dict(m or {}) for m in got["metadatas"]]
    new_docs = list(got["documents"])
    return Snapshot(
        generation=generation, model=prev.model, axis_text=prev.axis_text,
        ids=[prev.ids[i] for i in keep] + list(got["ids"]),
        docs=[prev.docs[i] for i in keep] + new_docs, metas=[prev.metas[i] for i in keep] + new_metas,
        vectors=np.vstack([prev.vectors[keep], remove_axis(new_vecs, prev.axis)]), axis=prev.axis,
        terms=prev.terms.subset(keep).extended([bm25_text(m, d) for m, d in zip(new_metas, new_docs,
                                                                                   strict=True)]))


# -- the copy on disk ---------------------------------------------------------------------------
def cache_file(store: KnowledgeStore) -> Path:
    return store.index_dir / CACHE_DIR / f"snapshot-{store.collection_name}.npz"


def save(store: KnowledgeStore, snap: Snapshot) -> None:
    """Write the snapshot beside the index (atomically; a failure only costs the next cold start)."""
    path = cache_file(store)
    head = {"format": FORMAT, "generation": snap.generation, "model": snap.model, "axis_text": snap.axis_text,
            "ids": snap.ids, "docs": snap.docs, "metas": snap.metas, "vocab": list(snap.terms.vocab)}
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            np.savez(f, head=np.frombuffer(json.dumps(head, ensure_ascii=False).encode(), np.uint8),
                     vectors=snap.vectors, axis=snap.axis if snap.axis is not None else np.zeros(0, np.float32),
                     lengths=snap.terms.lengths, cols=snap.terms.cols, counts=snap.terms.counts)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def load_cached(store: KnowledgeStore, generation: str) -> Snapshot | None:
    """The saved snapshot when it is of `generation`, else None."""
    path = cache_file(store)
    try:
        with np.load(path, allow_pickle=False) as z:
            head: dict[str, Any] = json.loads(z["head"].tobytes())
            if head.get("format") != FORMAT or head.get("generation") != generation:
                return None
            axis = z["axis"] if z["axis"].size else None
            vocab = {t: i for i, t in enumerate(head["vocab"])}
            return Snapshot(generation=generation, model=head["model"], axis_text=head["axis_text"],
                            ids=head["ids"], docs=head["docs"], metas=head["metas"], vectors=z["vectors"],
                            axis=axis, terms=Terms(vocab, z["lengths"], z["cols"], z["counts"]))
    except (OSError, ValueError, KeyError):
        return None

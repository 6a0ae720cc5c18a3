"""Search the playbook index; the built-in knowledge/ index is built (and refreshed) on first use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from coach.config import Settings, get_settings
from coach.knowledge.bm25 import BM25, rrf
from coach.knowledge.chunking import Chunk
from coach.knowledge.embeddings import Embedder, get_embedder
from coach.knowledge.ingest import IngestReport, Progress, ingest_paths
from coach.knowledge.sources import expand_paths, read_source
from coach.knowledge.store import KnowledgeStore

DENSE_POOL = 20  # candidates taken from the vector index before fusion


@dataclass
class Hit:
    source: str
    section: str
    text: str
    score: float
    language: str = "en"
    id: str = ""

    def public(self) -> dict:
        """The `coach search --json` shape (contract section 2)."""
        d = asdict(self)
        return {k: d[k] for k in ("source", "section", "text", "score")}


class Knowledge:
    """A playbook index plus the embedder that reads it."""

    def __init__(self, settings: Settings, index_dir: Path | None = None,
                 embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.builtin = index_dir is None
        self.store = KnowledgeStore(index_dir or settings.resolved_index_dir,
                                    collection=settings.collection, chroma_url=settings.chroma_url)
        self.embedder = embedder or get_embedder(settings)
        self._bm25: tuple[BM25, list[str], list[dict], list[str]] | None = None
        self._checked = False

    @property
    def builtin_sources(self) -> Path:
        return self.settings.knowledge_dir / "playbooks"

    def ensure_ready(self, progress: Progress | None = None) -> IngestReport | None:
        """For the built-in index: ingest knowledge/playbooks when missing or out of date."""
        if self._checked:
            return None
        self._checked = True
        if not self.builtin:
            self.store.check_model(self.embedder.name)
            return None
        files, _ = expand_paths([self.builtin_sources])
        expected = {c.id for f in files for c in read_source(f).chunks}
        if self.store.model_name() == self.embedder.name and expected == set(self.store.manifest()):
            return None
        rebuild = self.store.model_name() not in (None, self.embedder.name)
        return ingest_paths(self.store, self.embedder, [self.builtin_sources], rebuild=rebuild,
                            progress=progress)

    def ingest(self, paths: list[Path], *, rebuild: bool = False,
               progress: Progress | None = None) -> IngestReport:
        self._bm25 = None
        return ingest_paths(self.store, self.embedder, paths, rebuild=rebuild, progress=progress)

    def search(self, query: str, k: int = 5, *, hybrid: bool | None = None) -> list[Hit]:
        self.ensure_ready()
        col = self.store.collection()
        if col is None or col.count() == 0:
            return []
        qvec = self.embedder.embed_queries([query])[0].tolist()
        pool = max(k, DENSE_POOL) if (hybrid if hybrid is not None else self.settings.hybrid_search) else k
        res = col.query(query_embeddings=[qvec], n_results=min(pool, col.count()),
                        include=["documents", "metadatas", "distances"])
        hits = [Hit(source=m["source"], section=m["section"], text=d, score=round(1 - dist, 4),
                    language=m.get("language", "en"), id=i)
                for i, d, m, dist in zip(res["ids"][0], res["documents"][0], res["metadatas"][0],
                                         res["distances"][0], strict=True)]
        if pool == k:
            return hits[:k]
        return self._fuse(query, hits, k)

    def _fuse(self, query: str, dense: list[Hit], k: int) -> list[Hit]:
        bm25, ids, metas, docs = self._lexical()
        scores = bm25.scores(query)
        lexical = [ids[i] for i in sorted(range(len(ids)), key=lambda i: -scores[i])[:DENSE_POOL]]
        by_id = {h.id: h for h in dense}
        fused = []
        for doc_id, _ in rrf([[h.id for h in dense], lexical])[:k]:
            if doc_id not in by_id:
                j = ids.index(doc_id)
                by_id[doc_id] = Hit(source=metas[j]["source"], section=metas[j]["section"], text=docs[j],
                                    score=0.0, language=metas[j].get("language", "en"), id=doc_id)
            fused.append(by_id[doc_id])
        return fused

    def _lexical(self) -> tuple[BM25, list[str], list[dict], list[str]]:
        if self._bm25 is None:
            got = self.store.collection().get(include=["documents", "metadatas"])
            self._bm25 = (BM25(got["documents"]), got["ids"], got["metadatas"], got["documents"])
        return self._bm25


_CACHE: dict[tuple, Knowledge] = {}


def get_knowledge(settings: Settings | None = None, index_dir: Path | None = None) -> Knowledge:
    """One Knowledge per (index, settings) per process, so warm calls skip opening Chroma."""
    s = settings or get_settings()
    key = (str(index_dir.resolve()) if index_dir else None, id(s))
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

"""The Chroma index: an embedded PersistentClient by default, a Chroma server when a URL is set.

Chroma is not safe with two writer processes on one directory, so every write holds a file lock
next to the index; a second writer is told who holds it instead of corrupting the store.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from filelock import FileLock, Timeout

from coach.errors import CoachInputError, CoachRunError, IndexLockedError, ModelMismatchError

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

LOCK_NAME = ".coach-write.lock"


def _client(index_dir: Path, chroma_url: str | None) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        u = urlparse(chroma_url)
        return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                   ssl=u.scheme == "https", settings=chroma_settings)
    return chromadb.PersistentClient(path=str(index_dir), settings=chroma_settings)


class KnowledgeStore:
    """One Chroma collection of playbook chunks, tagged with the embedding model that built it."""

    def __init__(self, index_dir: Path, *, collection: str = "playbooks", chroma_url: str | None = None):
        self.index_dir = Path(index_dir)
        self.collection_name = collection
        self.chroma_url = chroma_url
        if not chroma_url:
            self._check_dir()
        try:
            self.client = _client(self.index_dir, chroma_url)
        except Exception as exc:  # chroma raises several types for an unreachable or broken store
            where = chroma_url or self.index_dir
            raise CoachRunError(f"{where}: cannot open the Chroma index ({exc})") from None
        self._collection: Any | None = None

    def _check_dir(self) -> None:
        d = self.index_dir
        if d.exists() and not d.is_dir():
            raise CoachInputError(f"{d}: index path exists and is not a folder")
        probe = d if d.exists() else next((p for p in d.parents if p.exists()), Path("/"))
        if not os.access(probe, os.W_OK):
            raise CoachInputError(f"{d}: index folder is not writable")
        d.mkdir(parents=True, exist_ok=True)

    # -- collection -------------------------------------------------------------------------
    def collection(self, *, create_for: str | None = None) -> Any | None:
        """The collection, or None when it does not exist yet (create it with `create_for`=model)."""
        if self._collection is not None:
            return self._collection
        names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        if self.collection_name in names:
            self._collection = self.client.get_collection(self.collection_name, embedding_function=None)
        elif create_for:
            self._collection = self.client.create_collection(
                self.collection_name, embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedding_model": create_for},
            )
        return self._collection

    def model_name(self) -> str | None:
        return self.metadata().get("embedding_model")

    def metadata(self, *, fresh: bool = False) -> dict[str, Any]:
        """The collection's metadata; `fresh` re-reads it, to notice writes by another process."""
        if fresh:  # one round trip, no listing: this runs before every search
            from chromadb.errors import NotFoundError

            try:
                self._collection = self.client.get_collection(self.collection_name, embedding_function=None)
            except NotFoundError:
                self._collection = None
        col = self.collection()
        return dict(col.metadata or {}) if col is not None else {}

    def update_metadata(self, **values: str | int | float) -> None:
        col = self.collection()
        if col is None:
            return
        # The distance setting cannot be re-sent once the collection exists.
        meta = {k: v for k, v in (col.metadata or {}).items() if not k.startswith("hnsw:")}
        col.modify(metadata={**meta, **values})

    def snapshot(self) -> dict[str, Any]:
        """Every chunk: ids, documents, metadatas and embeddings (for in-memory scoring)."""
        col = self.collection()
        if col is None:
            return {"ids": [], "documents": [], "metadatas": [], "embeddings": None}
        return col.get(include=["documents", "metadatas", "embeddings"])

    def check_model(self, embedder_name: str) -> None:
        built_with = self.model_name()
        if built_with and built_with != embedder_name:
            raise ModelMismatchError(
                f"{self.index_dir}: index was built with '{built_with}' but the configured embedding "
                f"model is '{embedder_name}'; run `coach ingest --rebuild ...` to re-embed"
            )

    def drop(self) -> None:
        if self.collection() is not None:
            self.client.delete_collection(self.collection_name)
        self._collection = None

    def count(self) -> int:
        col = self.collection()
        return col.count() if col is not None else 0

    def manifest(self) -> dict[str, dict[str, str]]:
        """chunk id -> {path, source, section} for everything in the index."""
        col = self.collection()
        if col is None:
            return {}
        got = col.get(include=["metadatas"])
        return {i: m for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    # -- writes -------------------------------------------------------------------------------
    @contextmanager
    def write_lock(self) -> Iterator[None]:
        lock_dir = self.index_dir if not self.chroma_url else Path(os.environ.get("TMPDIR", "/tmp"))
        lock_dir.mkdir(parents=True, exist_ok=True)
        lock_path = lock_dir / LOCK_NAME
        owner = lock_dir / (LOCK_NAME + ".owner")
        lock = FileLock(str(lock_path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            who = owner.read_text().strip() if owner.exists() else "another process"
            raise IndexLockedError(
                f"{self.index_dir}: another ingest ({who}) is writing this index; "
                "wait for it to finish and run the command again"
            ) from None
        try:
            owner.write_text(f"pid {os.getpid()}")
            yield
        finally:
            owner.unlink(missing_ok=True)
            lock.release()

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
GENERATION_FILE = ".coach-generation"  # the last finished ingest's stamp, readable without Chroma
# Chroma turns a get() or delete() by ids into one SQL statement with a variable per id, and
# SQLite refuses more than 32,766: every full read and every delete goes in pages of this size.
PAGE = 5000


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
        self._client: Any | None = None
        self._collection: Any | None = None

    @property
    def client(self) -> Any:
        """The Chroma client, opened on first use (importing and opening Chroma takes ~1.5 s)."""
        if self._client is None:
            try:
                self._client = _client(self.index_dir, self.chroma_url)
            except Exception as exc:  # chroma raises several types for an unreachable or broken store
                where = self.chroma_url or self.index_dir
                raise CoachRunError(f"{where}: cannot open the Chroma index ({exc})") from None
        return self._client

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
        if "generation" in values and not self.chroma_url:
            _write_atomic(self.index_dir / GENERATION_FILE, str(values["generation"]))

    def generation(self) -> str:
        """A stamp that changes whenever the index does; for a local index, read from a small file
        (no Chroma round trip), for a server or an index from before the file, from Chroma."""
        if not self.chroma_url:
            try:
                return (self.index_dir / GENERATION_FILE).read_text().strip()
            except OSError:
                pass
        meta = self.metadata(fresh=True)
        if not meta:
            return ""
        return str(meta.get("generation") or f"count:{self.count()}")

    def _pages(self, include: list[str], ids: list[str] | None = None) -> dict[str, list]:
        col = self.collection()
        out: dict[str, list] = {"ids": [], **{k: [] for k in include}}
        if col is None or (ids is not None and not ids):
            return out
        offset = 0
        while True:
            if ids is None:
                got = col.get(include=include, limit=PAGE, offset=offset)
            else:
                got = col.get(ids=ids[offset:offset + PAGE], include=include)
            for key in out:
                out[key].extend(got[key] if got[key] is not None else [])
            offset += PAGE
            if (ids is None and len(got["ids"]) < PAGE) or (ids is not None and offset >= len(ids)):
                return out

    def snapshot(self) -> dict[str, Any]:
        """Every chunk: ids, documents, metadatas and embeddings (for in-memory scoring)."""
        return self._pages(["documents", "metadatas", "embeddings"])

    def ids(self) -> list[str]:
        return self._pages([])["ids"]

    def get(self, ids: list[str]) -> dict[str, Any]:
        """These chunks (documents, metadatas, embeddings), in pages."""
        return self._pages(["documents", "metadatas", "embeddings"], ids=ids)

    def delete(self, ids: list[str]) -> None:
        col = self.collection()
        if col is None:
            return
        for start in range(0, len(ids), PAGE):
            col.delete(ids=ids[start:start + PAGE])

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
        (self.index_dir / GENERATION_FILE).unlink(missing_ok=True)

    def count(self) -> int:
        col = self.collection()
        return col.count() if col is not None else 0

    def manifest(self) -> dict[str, dict[str, str]]:
        """chunk id -> {path, source, section} for everything in the index."""
        got = self._pages(["metadatas"])
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


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)

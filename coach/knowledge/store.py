"""The Chroma index: an embedded PersistentClient by default, a Chroma server when a URL is set.

Every ingest writes a new collection (`<name>-v<hex>`) and switches to it only once it is complete:
a small pointer collection named `<name>` holds the live one's name in its metadata, and changing
that metadata is one atomic write. A run that fails or is killed leaves the previous collection
live and an unreferenced one behind, which the next writer deletes. An index from before the
pointer (chunks in `<name>` itself) is read as it is and switched on its next ingest.

Chroma is not safe with two writer processes on one directory, so every write holds a file lock
next to the index. Writers on several hosts sharing a Chroma server hold a lease instead: a
`<name>-lease` collection whose creation fails when it exists (the server's unique name is the
compare-and-set), with its owner and expiry in its metadata, renewed while the run lasts.
"""

from __future__ import annotations

import os
import re
import socket
import time
import uuid
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
COPY_BATCH = 1000  # rows per add() when carrying unchanged chunks into a new collection
LEASE_SECONDS = 300.0  # a writer on a shared server that stops renewing loses its lease after this


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
    def _get(self, name: str) -> Any | None:
        from chromadb.errors import NotFoundError

        try:
            return self.client.get_collection(name, embedding_function=None)
        except (NotFoundError, ValueError):
            return None
        except CoachRunError:
            raise
        except Exception as exc:  # a stopped server or a broken store: a run failure, not a crash
            raise self._unavailable(exc) from None

    def _unavailable(self, exc: Exception) -> CoachRunError:
        where = self.chroma_url or self.index_dir
        return CoachRunError(f"{where}: the Chroma index does not answer ({type(exc).__name__})")

    def _resolve(self) -> Any | None:
        """The live collection: the one the pointer names, or a collection from before the pointer."""
        pointer = self._get(self.collection_name)
        if pointer is None:
            return None
        current = (pointer.metadata or {}).get("current")
        if not current:
            return pointer
        if self._collection is not None and self._collection.name == current:
            return self._collection
        return self._get(str(current))

    def collection(self, *, create_for: str | None = None) -> Any | None:
        """The live collection, or None when there is none yet (`create_for`=model makes an empty one)."""
        if self._collection is None:
            self._collection = self._resolve()
        if self._collection is None and create_for:
            self.switch(self.staging(create_for), generation=uuid.uuid4().hex)
        return self._collection

    def staging(self, model: str, **metadata: str) -> Any:
        """A new, empty collection that searches do not see until `switch()`."""
        name = f"{self.collection_name}-v{uuid.uuid4().hex[:12]}"
        return self.client.create_collection(
            name, embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding_model": model, **metadata})

    def switch(self, col: Any, *, generation: str) -> None:
        """Make `col` the live collection: one metadata write on the pointer."""
        pointer = self._get(self.collection_name)
        if pointer is None:
            self.client.create_collection(self.collection_name, embedding_function=None,
                                          metadata={"current": col.name, "generation": generation})
        else:  # the distance setting cannot be re-sent once the collection exists
            meta = {k: v for k, v in (pointer.metadata or {}).items() if not k.startswith("hnsw:")}
            pointer.modify(metadata={**meta, "current": col.name, "generation": generation})
        self._collection = col
        if not self.chroma_url:
            _write_atomic(self.index_dir / GENERATION_FILE, generation)

    def discard(self, col: Any) -> None:
        """Delete a collection that was never switched to (a failed run's)."""
        try:
            self.client.delete_collection(col.name)
        except Exception:  # noqa: BLE001 - best effort: the next writer's clean-up retries
            pass

    def collect_garbage(self) -> None:
        """Delete collections left by runs that failed or were killed, and the ones switched away from."""
        live = self.collection()
        pattern = re.compile(rf"{re.escape(self.collection_name)}-v[0-9a-f]{{12}}")
        for c in self.client.list_collections():
            name = c if isinstance(c, str) else c.name
            if pattern.fullmatch(name) and (live is None or name != live.name):
                self.client.delete_collection(name)
        pointer = self._get(self.collection_name)
        if pointer is not None and live is not None and pointer.name != live.name and pointer.count():
            ids = pointer.get(include=[])["ids"]  # chunks of an index from before the pointer
            for start in range(0, len(ids), PAGE):
                pointer.delete(ids=ids[start:start + PAGE])

    def copy_into(self, target: Any, ids: list[str], renew: Any = None) -> None:
        """Carry these chunks (vectors included, no re-embedding) from the live collection to `target`."""
        for start in range(0, len(ids), COPY_BATCH):
            got = self.get(ids[start:start + COPY_BATCH])
            if got["ids"]:
                target.add(ids=got["ids"], embeddings=[[float(x) for x in e] for e in got["embeddings"]],
                           documents=got["documents"], metadatas=got["metadatas"])
            if renew:
                renew()

    def model_name(self) -> str | None:
        return self.metadata().get("embedding_model")

    def metadata(self, *, fresh: bool = False) -> dict[str, Any]:
        """The live collection's metadata; `fresh` re-reads the pointer, to notice another process's switch."""
        if fresh:
            self._collection = self._resolve()
        col = self.collection()
        if col is None:
            return {}
        meta = dict(col.metadata or {})
        if col.name != self.collection_name:  # the pointer's stamp is the generation
            pointer = self._get(self.collection_name)
            meta["generation"] = (pointer.metadata or {}).get("generation", col.name) if pointer else col.name
        return meta

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
            try:
                if ids is None:
                    got = col.get(include=include, limit=PAGE, offset=offset)
                else:
                    got = col.get(ids=ids[offset:offset + PAGE], include=include)
            except Exception as exc:  # the server went away between two pages
                raise self._unavailable(exc) from None
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
        """Delete the whole index (pointer and every collection)."""
        pattern = re.compile(rf"{re.escape(self.collection_name)}(-v[0-9a-f]{{12}})?")
        for c in self.client.list_collections():
            name = c if isinstance(c, str) else c.name
            if pattern.fullmatch(name):
                self.client.delete_collection(name)
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
        """One writer at a time: a file lock for a local index, a lease on a shared Chroma server."""
        if self.chroma_url:
            with self._lease():
                yield
            return
        lock_dir = self.index_dir
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

    # -- the lease on a shared server -------------------------------------------------------
    @property
    def _lease_name(self) -> str:
        return f"{self.collection_name}-lease"

    @contextmanager
    def _lease(self) -> Iterator[None]:
        token = uuid.uuid4().hex
        owner = f"{socket.gethostname()} pid {os.getpid()}"
        self._take_lease(token, owner)
        self._lease_token = token
        try:
            yield
        finally:
            self._lease_token = None  # type: ignore[assignment]
            held = self._get(self._lease_name)
            if held is not None and (held.metadata or {}).get("token") == token:
                self.client.delete_collection(self._lease_name)

    def _take_lease(self, token: str, owner: str) -> None:
        meta = {"token": token, "owner": owner, "host": socket.gethostname(), "pid": os.getpid(),
                "expires": time.time() + LEASE_SECONDS}
        for _ in range(2):
            try:
                self.client.create_collection(self._lease_name, embedding_function=None, metadata=meta)
                return
            except Exception:  # noqa: BLE001 - it exists (the server names the error in several ways)
                held = self._get(self._lease_name)
                if held is None:
                    continue  # released in between: try again
                other = held.metadata or {}
                if not self._lease_is_dead(other):
                    until = time.strftime("%H:%M:%S", time.localtime(float(other.get("expires", 0))))
                    raise IndexLockedError(
                        f"{self.chroma_url}: another ingest ({other.get('owner', 'unknown')}) holds the write "
                        f"lease on '{self.collection_name}' until {until} unless it renews; wait for it to "
                        "finish and run the command again") from None
                self.client.delete_collection(self._lease_name)  # expired, or its process is gone
        raise IndexLockedError(f"{self.chroma_url}: could not take the write lease on '{self.collection_name}'")

    @staticmethod
    def _lease_is_dead(meta: dict[str, Any]) -> bool:
        if float(meta.get("expires", 0)) < time.time():
            return True
        if meta.get("host") == socket.gethostname():  # same machine: a dead pid frees it at once
            try:
                os.kill(int(meta.get("pid", 0)), 0)
            except ProcessLookupError:
                return True
            except (PermissionError, ValueError):
                return False
        return False

    def renew_lease(self) -> None:
        """Push the lease's expiry forward (called between batches of a long run); no-op for a local index."""
        token = getattr(self, "_lease_token", None)
        if not self.chroma_url or token is None:
            return
        held = self._get(self._lease_name)
        meta = dict(held.metadata or {}) if held is not None else {}
        if meta.get("token") != token:
            raise IndexLockedError(f"{self.chroma_url}: the write lease on '{self.collection_name}' was lost "
                                   "(expired and taken by another writer); nothing was switched")
        held.modify(metadata={**meta, "expires": time.time() + LEASE_SECONDS})  # type: ignore[union-attr]


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)

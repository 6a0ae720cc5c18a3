"""The exemplar data and its vector cache."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import yaml

from coach.diagnosis.exemplars import clear_memory_cache, exemplar_bank, load_exemplars
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES
from coach.diagnosis.text import detect_language
from coach.errors import CoachInputError

REPO = Path(__file__).resolve().parents[2]
EXEMPLARS = REPO / "knowledge" / "diagnosis" / "exemplars.yaml"
EVAL = REPO / "evals" / "messages.yaml"


class CountingEmbedder:
    """Deterministic fake: a vector from the text's hash; counts the texts it embeds."""

    name = "fake/hash-384"
    dim = 384

    def __init__(self) -> None:
        self.calls = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.vstack(rows)

    embed_passages = embed_queries


def test_enough_exemplars_per_label_and_language() -> None:
    examples, _ = load_exemplars(EXEMPLARS)
    causes = Counter(e.cause for e in examples if e.cause)
    kinds = Counter(e.kind for e in examples if e.kind)
    for cause in ROOT_CAUSES:
        assert causes[cause] >= 15, cause
    for kind in REQUEST_KINDS:
        assert kinds[kind] >= 10, kind
    langs = Counter(detect_language(e.text) for e in examples)
    assert langs["uk"] >= 60 and langs["en"] >= 100
    assert sum(1 for e in examples if e.hardship) >= 15
    assert sum(1 for e in examples if e.pushback) >= 8


def test_eval_messages_are_held_out() -> None:
    examples, _ = load_exemplars(EXEMPLARS)
    texts = {e.text.strip().lower() for e in examples}
    for case in yaml.safe_load(EVAL.read_text(encoding="utf-8")):
        assert case["message"].strip().lower() not in texts


def test_vectors_are_cached_on_disk(tmp_path: Path) -> None:
    clear_memory_cache()
    emb = CountingEmbedder()
    bank = exemplar_bank(EXEMPLARS, emb, tmp_path)
    assert emb.calls == len(bank.examples)
    assert len(list(tmp_path.glob("diagnosis-exemplars-*.npy"))) == 1
    assert exemplar_bank(EXEMPLARS, emb, tmp_path) is bank  # memory
    clear_memory_cache()
    again = exemplar_bank(EXEMPLARS, emb, tmp_path)  # disk, no re-embedding
    assert emb.calls == len(bank.examples)
    assert np.array_equal(again.vectors, bank.vectors)
    clear_memory_cache()


def test_cache_key_follows_the_file(tmp_path: Path) -> None:
    clear_memory_cache()
    emb = CountingEmbedder()
    src = tmp_path / "ex.yaml"
    src.write_text('examples:\n- {text: "We want fewer seats.", kind: seat_reduction}\n', encoding="utf-8")
    exemplar_bank(src, emb, tmp_path / "cache")
    src.write_text('examples:\n- {text: "Cancel it all.", kind: cancel}\n- {text: "Pause.", kind: pause}\n',
                   encoding="utf-8")
    bank = exemplar_bank(src, emb, tmp_path / "cache")
    assert len(bank.examples) == 2 and emb.calls == 3
    assert len(list((tmp_path / "cache").glob("*.npy"))) == 2
    clear_memory_cache()


def test_unwritable_cache_dir_is_skipped(tmp_path: Path) -> None:
    clear_memory_cache()
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    bank = exemplar_bank(EXEMPLARS, CountingEmbedder(), blocker / "cache")
    assert bank.vectors.shape == (len(bank.examples), 384)
    clear_memory_cache()


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    clear_memory_cache()
    emb = CountingEmbedder()
    exemplar_bank(EXEMPLARS, emb, tmp_path)
    (cached,) = tmp_path.glob("*.npy")
    cached.write_bytes(b"garbage")
    clear_memory_cache()
    bank = exemplar_bank(EXEMPLARS, emb, tmp_path)
    assert emb.calls == 2 * len(bank.examples)
    clear_memory_cache()


@pytest.mark.parametrize(("body", "message"), [
    ('examples:\n- {text: "x", kind: refund}\n', "kind"),
    ('examples:\n- {text: "x", mood: sad}\n', "mood"),
    ("examples: []\n", "empty"),
])
def test_bad_exemplar_file(tmp_path: Path, body: str, message: str) -> None:
    p = tmp_path / "ex.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(CoachInputError, match=message):
        load_exemplars(p)

"""Trained heads over the message embedding: intent, kind, root cause, hardship, pushback.

Each head is a multinomial logistic regression (NumPy + SciPy L-BFGS, L2, balanced class weights)
with a temperature fitted on out-of-fold predictions, so its probabilities are calibrated. The
features are the embedding, centred and scaled (the centre ships with the heads), optionally beside
hashed character n-grams and word n-grams of the text (coach/diagnosis/features.py). The
artefact (knowledge/diagnosis/model/heads.npz + heads.json) records the embedder it was trained
with; `load_heads` refuses an artefact built for another embedder, and the caller falls back to the
exemplar vote until `coach diagnosis train` rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
FORMAT = 2
HEAD_LABELS: dict[str, tuple[str, ...]] = {
    "intent": ("downsell", "expansion", "renewal", "support", "billing", "feedback", "other"),
    "kind": ("seat_reduction", "drop_service", "acv_cut", "tier_downgrade", "pause", "cancel"),
    "cause": ("budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
              "competitive_displacement", "unknown"),
    "hardship": ("none", "natural_disaster", "financial"),
    "pushback": ("no", "yes"),
}


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]
    weights: np.ndarray  # (dim, classes)
    bias: np.ndarray  # (classes,)
    temperature: float

    def proba(self, x: np.ndarray) -> np.ndarray:
        """(n, classes) calibrated probabilities for (n, dim) features; a head trained on the embedding
        alone reads only its leading columns."""
        return softmax((x[:, : self.weights.shape[0]] @ self.weights + self.bias) / self.temperature)


@dataclass(frozen=True)
class Transform:
    """From embeddings (and texts) to the heads' features: centre, scale, then optional character and
    word n-grams (in that column order)."""

    center: np.ndarray  # (dim,)
    scale: float
    ngram_dim: int = 0
    ngram_weight: float = 0.0
    word_dim: int = 0
    word_weight: float = 0.0

    @classmethod
    def fit(cls, vectors: np.ndarray, ngram_dim: int = 0, ngram_weight: float = 0.0, word_dim: int = 0,
            word_weight: float = 0.0) -> Transform:
        v = np.asarray(vectors, dtype=np.float32)
        return cls(v.mean(axis=0), float(v.std(axis=0).mean()) or 1.0, ngram_dim, ngram_weight, word_dim,
                   word_weight)

    def apply(self, vectors: np.ndarray, texts: list[str]) -> np.ndarray:
        from coach.diagnosis.features import feature_matrix

        x = (np.asarray(vectors, dtype=np.float32) - self.center) / self.scale
        return feature_matrix(x, texts, self.ngram_dim, self.ngram_weight, self.word_dim, self.word_weight)

    def meta(self) -> dict:
        return {"scale": self.scale, "ngram_dim": self.ngram_dim, "ngram_weight": self.ngram_weight,
                "word_dim": self.word_dim, "word_weight": self.word_weight}


@dataclass(frozen=True)
class Heads:
    heads: dict[str, Head]
    meta: dict
    transform: Transform

    @property
    def embedder(self) -> str:
        return str(self.meta.get("embedder", ""))

    def predict(self, vector: np.ndarray, text: str) -> dict[str, np.ndarray]:
        """Per head, the class probabilities of one message (its embedding and its text)."""
        v = self.transform.apply(np.asarray(vector, dtype=np.float32).reshape(1, -1), [text])
        return {name: h.proba(v)[0] for name, h in self.heads.items()}


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float,
                sample_weight: np.ndarray | None = None, *, balanced: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias minimising class-balanced (unless `balanced=False`), sample-weighted cross-entropy
    + l2 * |W|^2 (deterministic: zero start). Mostly-zero features (the hashed n-grams) are multiplied as a sparse
    float32 matrix: the same objective, about three times faster on the wide heads."""
    import scipy.sparse as sp
    from scipy.optimize import minimize

    n, d = x.shape
    base = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    counts = np.bincount(y, weights=base, minlength=n_classes)
    cw = np.where(counts > 0, base.sum() / (n_classes * np.maximum(counts, 1e-9)), 0.0) if balanced else \
        np.ones(n_classes)
    sw = cw[y] * base / base.sum()
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    sparse = x.size > 0 and np.count_nonzero(x) < 0.5 * x.size
    xm: Any = sp.csr_matrix(x, dtype=np.float32) if sparse else x.astype(np.float64)
    xt: Any = xm.T.tocsr() if sparse else xm.T

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: d * n_classes].reshape(d, n_classes)
        b = theta[d * n_classes:]
        wm = w.astype(np.float32) if sparse else w
        p = softmax(np.asarray(xm @ wm, dtype=np.float64) + b)
        nll = -float(np.sum(sw * np.log(np.maximum(p[np.arange(n), y], 1e-12))))
        g = (p - onehot) * sw[:, None]
        gm = g.astype(np.float32) if sparse else g
        gw = np.asarray(xt @ gm, dtype=np.float64) + 2 * l2 * w
        gb = g.sum(axis=0)
        return nll + l2 * float(np.sum(w * w)), np.concatenate([gw.ravel(), gb])

    res = minimize(loss, np.zeros(d * n_classes + n_classes), jac=True, method="L-BFGS-B",
                   options={"maxiter": 400})
    theta = res.x
    return theta[: d * n_classes].reshape(d, n_classes).astype(np.float32), theta[d * n_classes:].astype(np.float32)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of out-of-fold logits."""
    best, best_nll = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.25), np.log(8.0), 60)):
        p = softmax(logits / t)
        nll = -float(np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12))))
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def folds(n: int, k: int, seed: int) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def save(heads: Heads, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {"center": heads.transform.center.astype(np.float32)}
    meta = dict(heads.meta, format=FORMAT, heads={}, features=heads.transform.meta())
    for name, h in heads.heads.items():
        arrays[f"{name}_w"] = h.weights
        arrays[f"{name}_b"] = h.bias
        meta["heads"][name] = {"labels": list(h.labels), "temperature": h.temperature}
    with (folder / "heads.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
    (folder / "heads.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


class ModelMismatch(Exception):
    """The artefact was trained with another embedder (or is missing or unreadable)."""


@lru_cache(maxsize=4)
def _load(folder: str, mtime: float) -> Heads:
    path = Path(folder)
    try:
        meta = json.loads((path / "heads.json").read_text(encoding="utf-8"))
        data = np.load(path / "heads.npz", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise ModelMismatch(f"diagnosis model not readable in {path.name}/ ({exc})") from None
    if meta.get("format") != FORMAT:
        raise ModelMismatch(f"diagnosis model format {meta.get('format')} is not {FORMAT}")
    heads = {name: Head(tuple(spec["labels"]), data[f"{name}_w"], data[f"{name}_b"], float(spec["temperature"]))
             for name, spec in meta["heads"].items()}
    feats = meta.get("features", {})
    transform = Transform(data["center"], float(feats.get("scale", 1.0)), int(feats.get("ngram_dim", 0)),
                          float(feats.get("ngram_weight", 0.0)), int(feats.get("word_dim", 0)),
                          float(feats.get("word_weight", 0.0)))
    return Heads(heads, meta, transform)


def load_heads(folder: Path, embedder_name: str, dim: int | None = None) -> Heads:
    """The shipped heads; ModelMismatch when they were trained with another embedder."""
    try:
        mtime = (folder / "heads.npz").stat().st_mtime
    except OSError:
        raise ModelMismatch(f"no diagnosis model in {folder}") from None
    heads = _load(str(folder), mtime)
    if heads.embedder != embedder_name:
        raise ModelMismatch(f"diagnosis model was trained with embedder {heads.embedder!r}, the configured "
                            f"one is {embedder_name!r}: run `coach diagnosis train`")
    if dim and int(heads.meta.get("dim", dim)) != dim:
        raise ModelMismatch(f"diagnosis model expects {heads.meta.get('dim')}-d vectors, the embedder gives {dim}")
    return heads


def digest(texts: list[str], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for t in texts:
        h.update(t.encode())
        h.update(b"\0")
    return h.hexdigest()[:16]

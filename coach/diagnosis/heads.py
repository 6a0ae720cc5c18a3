"""Trained heads over the message embedding: intent, kind, root cause, hardship, pushback.

Each head is a multinomial logistic regression (NumPy + SciPy L-BFGS, L2, balanced class weights)
with a temperature fitted on out-of-fold predictions, so its probabilities are calibrated. The
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

import numpy as np

log = logging.getLogger(__name__)
FORMAT = 1
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
        """(n, classes) calibrated probabilities for (n, dim) features."""
        return softmax((x @ self.weights + self.bias) / self.temperature)


@dataclass(frozen=True)
class Heads:
    heads: dict[str, Head]
    meta: dict

    @property
    def embedder(self) -> str:
        return str(self.meta.get("embedder", ""))

    def predict(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Per head, the class probabilities of one feature vector."""
        v = np.asarray(x, dtype=np.float32).reshape(1, -1)
        return {name: h.proba(v)[0] for name, h in self.heads.items()}


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias minimising class-balanced cross-entropy + l2 * |W|^2 (deterministic: zero start)."""
    from scipy.optimize import minimize

    n, d = x.shape
    counts = np.bincount(y, minlength=n_classes).astype(float)
    cw = np.where(counts > 0, n / (n_classes * np.maximum(counts, 1)), 0.0)
    sw = cw[y] / n
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    x64 = x.astype(np.float64)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: d * n_classes].reshape(d, n_classes)
        b = theta[d * n_classes:]
        p = softmax(x64 @ w + b)
        nll = -float(np.sum(sw * np.log(np.maximum(p[np.arange(n), y], 1e-12))))
        g = (p - onehot) * sw[:, None]
        gw = x64.T @ g + 2 * l2 * w
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
    arrays: dict[str, np.ndarray] = {}
    meta = dict(heads.meta, format=FORMAT, heads={})
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
    return Heads(heads, meta)


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

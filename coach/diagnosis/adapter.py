"""The cause adapter: a small attention-pooling model over the encoder's token states.

It reads the token states of encoder layers 8, 10 and 12 of the message (the ONNX embedder gives
them from the same pass that embeds it): a softmax mix of the layers, LayerNorm, Linear 384->256,
GELU, an attention score per token; the attention-pooled and the mean-pooled 256-d vectors,
concatenated, go to Linear 512->7 over the cause labels. Trained on the training texts by
benchmarks/cause_adapter_train.py (PyTorch there, numpy here). Its probabilities are averaged 1:1
with the cause head's (leave-one-author-out 0.769 -> 0.812, docs/diagnosis.md).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
FILE = "cause_adapter.npz"
LN_EPS = 1e-5


def _softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _linear(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """x @ w.T + b over the last axis, one matrix-vector product per row: a matrix product of a
    few dozen tokens starts OpenBLAS's thread pool, which took ~15 ms of CPU per message on a
    busy 2-core machine against ~0.4 ms for the whole forward this way."""
    rows = x.reshape(-1, x.shape[-1])
    out = np.stack([w @ r for r in rows]) if len(rows) else np.zeros((0, w.shape[0]), np.float32)
    return out.reshape(*x.shape[:-1], w.shape[0]) + b


def _erf(x: np.ndarray) -> np.ndarray:
    """erf elementwise with the standard library's (a few thousand values a message; importing
    scipy.special for it cost a cold draft ~0.3 s)."""
    return np.fromiter(map(math.erf, x.ravel().tolist()), np.float64, x.size).reshape(x.shape).astype(x.dtype)


@dataclass(frozen=True)
class CauseAdapter:
    mix: np.ndarray  # (layers,)
    ln_w: np.ndarray  # (dim,)
    ln_b: np.ndarray
    proj_w: np.ndarray  # (hidden, dim)
    proj_b: np.ndarray
    att_w: np.ndarray  # (1, hidden)
    att_b: np.ndarray  # (1,)
    out_w: np.ndarray  # (classes, 2 * hidden)
    out_b: np.ndarray
    meta: dict

    @property
    def layers(self) -> tuple[int, ...]:
        return tuple(int(n) for n in self.meta["layers"])

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.meta["labels"])

    @property
    def embedder(self) -> str:
        return str(self.meta.get("embedder", ""))

    def logits(self, states: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """Logits of a batch: `states` (batch, layers, tokens, dim), `mask` (batch, tokens), True on
        real tokens (None: all real). Padding takes no part in either pooling."""
        t = np.asarray(states, dtype=np.float32)
        m = np.ones(t.shape[0:1] + t.shape[2:3], bool) if mask is None else np.asarray(mask, bool)
        x = np.einsum("l,bltd->btd", _softmax(self.mix.astype(np.float64)).astype(np.float32), t)
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        x = (x - mu) / np.sqrt(var + LN_EPS) * self.ln_w + self.ln_b
        z = _linear(x, self.proj_w, self.proj_b)
        h = 0.5 * z * (1.0 + _erf(z / np.sqrt(2.0)))  # the exact (erf) GELU, as trained
        score = _linear(h, self.att_w, self.att_b)[..., 0]
        a = _softmax(np.where(m, score, -1e9))
        attended = np.einsum("bt,bth->bh", a, h)
        mean = (h * m[..., None]).sum(1) / m.sum(1, keepdims=True)
        return _linear(np.concatenate([attended, mean], -1), self.out_w, self.out_b)

    def proba(self, states: np.ndarray) -> np.ndarray:
        """The class probabilities of one message from its token states (layers, tokens, dim)."""
        return _softmax(self.logits(np.asarray(states)[None])[0].astype(np.float64))


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> CauseAdapter:
    with np.load(path, allow_pickle=False) as d:
        arrays = {k: np.asarray(d[k], dtype=np.float32) for k in d.files if k != "meta"}
        meta = json.loads(str(d["meta"]))
    return CauseAdapter(meta=meta, **arrays)


_said: set[str] = set()


def _once(message: str) -> None:
    if message not in _said:
        _said.add(message)
        log.warning("%s; the cause head reads alone", message)


def load_adapter(folder: Path, embedder, labels: tuple[str, ...]) -> CauseAdapter | None:  # type: ignore[no-untyped-def]
    """The cause adapter next to the heads when it fits this embedder and the cause head's labels;
    None (said once) when it is missing, unreadable or made for another embedder."""
    path = folder / FILE
    try:
        adapter = _load(str(path), path.stat().st_mtime)
    except FileNotFoundError:
        _once(f"no cause adapter in {folder}")
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _once(f"cause adapter not readable in {folder} ({exc})")
        return None
    name = getattr(embedder, "name", "")
    if adapter.embedder != name:
        _once(f"the cause adapter was trained with embedder {adapter.embedder!r}, the configured one is {name!r}")
        return None
    if tuple(getattr(embedder, "token_layers", ())) != adapter.layers or not hasattr(embedder, "embed_query_states"):
        _once(f"the embedder does not give the token states of layers {list(adapter.layers)}")
        return None
    if adapter.labels != tuple(labels):
        _once("the cause adapter's labels are not the cause head's")
        return None
    return adapter

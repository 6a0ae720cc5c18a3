"""Features the heads read: the sentence embedding, optionally beside hashed character n-grams.

The n-grams hear what the embedding blurs: a misspelt word ("buget", "licences") still shares most
of its 3-grams with the right one, and a short cue word in any language keeps its own columns.
Hashing is crc32 (stable across processes, unlike `hash()`), so training and inference agree.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

_SPACE = re.compile(r"[\W_]+")


def ngram_vector(text: str, dim: int, sizes: tuple[int, ...] = (3, 4)) -> np.ndarray:
    """L2-normalised log-counts of the character n-grams of each word (padded with spaces), hashed to `dim`."""
    out = np.zeros(dim, dtype=np.float32)
    if dim <= 0:
        return out
    for word in _SPACE.sub(" ", text.lower()).split():
        w = f" {word} "
        for n in sizes:
            for i in range(max(1, len(w) - n + 1)):
                out[zlib.crc32(w[i:i + n].encode()) % dim] += 1.0
    np.log1p(out, out=out)
    norm = float(np.linalg.norm(out))
    return out / norm if norm > 0 else out


def feature_matrix(vectors: np.ndarray, texts: list[str], ngram_dim: int, ngram_weight: float) -> np.ndarray:
    """[embedding | weight x n-grams] for each row; the embedding alone when `ngram_dim` is 0."""
    if ngram_dim <= 0:
        return np.asarray(vectors, dtype=np.float32)
    grams = np.vstack([ngram_vector(t, ngram_dim) for t in texts]) * ngram_weight
    return np.hstack([np.asarray(vectors, dtype=np.float32), grams.astype(np.float32)])

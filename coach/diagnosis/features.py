"""Features the heads read: the sentence embedding, beside hashed character n-grams and word n-grams.

The character n-grams hear what the embedding blurs: a misspelt word ("buget", "licences") still
shares most of its 3-grams with the right one, and a short cue word in any language keeps its own
columns. The word unigrams and bigrams keep short phrases whole ("in-house", "went bust", "не
користуються"), which the character n-grams split across words. Hashing is crc32 (stable across
processes, unlike `hash()`), so training and inference agree.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

_SPACE = re.compile(r"[\W_]+")


def _normalised(vec: np.ndarray) -> np.ndarray:
    np.log1p(vec, out=vec)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec


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
    return _normalised(out)


def word_vector(text: str, dim: int) -> np.ndarray:
    """L2-normalised log-counts of the lower-cased words and adjacent word pairs, hashed to `dim`."""
    out = np.zeros(dim, dtype=np.float32)
    if dim <= 0:
        return out
    words = _SPACE.sub(" ", text.lower()).split()
    for w in words:
        out[zlib.crc32(("w:" + w).encode()) % dim] += 1.0
    for a, b in zip(words, words[1:], strict=False):
        out[zlib.crc32(f"b:{a} {b}".encode()) % dim] += 1.0
    return _normalised(out)


def feature_matrix(vectors: np.ndarray, texts: list[str], ngram_dim: int, ngram_weight: float,
                   word_dim: int = 0, word_weight: float = 0.0) -> np.ndarray:
    """[embedding | weight x char n-grams | weight x word n-grams] for each row; a block is left out when
    its width is 0. Heads read leading columns only, so the order is fixed: a head trained on fewer
    blocks reads the first ones."""
    blocks = [np.asarray(vectors, dtype=np.float32)]
    if ngram_dim > 0:
        blocks.append(np.vstack([ngram_vector(t, ngram_dim) for t in texts]) * np.float32(ngram_weight))
    if word_dim > 0:
        blocks.append(np.vstack([word_vector(t, word_dim) for t in texts]) * np.float32(word_weight))
    return blocks[0] if len(blocks) == 1 else np.hstack(blocks).astype(np.float32)

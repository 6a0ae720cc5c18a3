"""Similarity-weighted k-nearest-neighbour votes over labelled exemplar vectors (pure NumPy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LabelIndex:
    """The rows of an exemplar matrix that carry a label on one axis (kind, cause, ...)."""

    labels: tuple[str, ...]  # the label vocabulary, in output order
    rows: np.ndarray  # exemplar row numbers that carry a label on this axis
    codes: np.ndarray  # label code (index into `labels`) per row in `rows`

    @classmethod
    def build(cls, row_labels: Sequence[str | None], vocabulary: Sequence[str]) -> LabelIndex:
        vocab = tuple(vocabulary)
        pos = {label: i for i, label in enumerate(vocab)}
        rows = [i for i, lab in enumerate(row_labels) if lab is not None]
        codes = [pos[row_labels[i]] for i in rows]  # type: ignore[index]
        return cls(vocab, np.asarray(rows, dtype=np.int64), np.asarray(codes, dtype=np.int64))


def vote(sims: np.ndarray, index: LabelIndex, k: int = 7, temperature: float = 0.02) -> np.ndarray:
    """Per-unit label distribution from the `k` most similar labelled exemplars.

    `sims` is (units, exemplars); returns (units, labels), rows summing to 1. Neighbours are weighted
    by exp((sim - best) / temperature), so a near-duplicate outvotes a crowd of loose matches.
    """
    n_labels = len(index.labels)
    sub = sims[:, index.rows]  # (units, labelled)
    k = min(k, sub.shape[1])
    top = np.argpartition(-sub, k - 1, axis=1)[:, :k]
    top_sims = np.take_along_axis(sub, top, axis=1)
    weights = np.exp((top_sims - top_sims.max(axis=1, keepdims=True)) / temperature)
    out = np.zeros((sims.shape[0], n_labels), dtype=np.float64)
    for u in range(sims.shape[0]):
        np.add.at(out[u], index.codes[top[u]], weights[u])
    return out / out.sum(axis=1, keepdims=True)


def best_sim(sims: np.ndarray, index: LabelIndex) -> np.ndarray:
    """(units, labels): the highest similarity to any exemplar of each label."""
    out = np.full((sims.shape[0], len(index.labels)), -1.0)
    sub = sims[:, index.rows]
    for code in range(len(index.labels)):
        cols = index.codes == code
        if cols.any():
            out[:, code] = sub[:, cols].max(axis=1)
    return out

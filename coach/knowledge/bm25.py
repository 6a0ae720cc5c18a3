"""BM25 over the indexed chunks, for the hybrid (dense + lexical) search.

Each chunk is tokenized once into term counts (`Terms`); the weights (idf times saturated term
frequency) are recomputed from those counts with a few vectorised NumPy passes whenever the set
of chunks changes, so an ingest that adds or removes chunks costs tokenizing the new chunks
only, not the whole index. The weights are kept column by column (a CSC layout built by hand):
scoring a query gathers the columns of its terms, about a millisecond at 10,000 chunks, and
needs no SciPy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from coach.knowledge.glossary import translations
from coach.knowledge.text import tokenize

# A glossary translation counts for less than a word the user actually typed.
TRANSLATION_WEIGHT = 0.5


@dataclass
class Terms:
    """Term counts of many documents against one vocabulary (flat arrays, row i = document i)."""

    vocab: dict[str, int]
    lengths: np.ndarray  # int32, terms per document (the row sizes of cols/counts)
    cols: np.ndarray  # int32, term ids, rows concatenated
    counts: np.ndarray  # float32, term frequencies

    @classmethod
    def empty(cls) -> Terms:
        return cls({}, np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))

    @property
    def n(self) -> int:
        return len(self.lengths)

    def doc_lens(self) -> np.ndarray:
        """Tokens per document (document length for BM25)."""
        rows = np.repeat(np.arange(self.n), self.lengths)
        return np.bincount(rows, weights=self.counts, minlength=self.n).astype(np.float32)

    def extended(self, docs: list[str]) -> Terms:
        """These documents followed by `docs` (the vocabulary grows; existing ids keep their meaning)."""
        vocab = dict(self.vocab)
        lens: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        for doc in docs:
            c = Counter(tokenize(doc))
            lens.append(len(c))
            cols.extend(vocab.setdefault(term, len(vocab)) for term in c)
            counts.extend(c.values())
        return Terms(vocab, np.concatenate([self.lengths, np.asarray(lens, np.int32)]),
                     np.concatenate([self.cols, np.asarray(cols, np.int32)]),
                     np.concatenate([self.counts, np.asarray(counts, np.float32)]))

    def subset(self, keep: np.ndarray) -> Terms:
        """Only the documents at the indices `keep`, in that order."""
        starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        lens = self.lengths[keep]
        idx = np.repeat(starts[keep] - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens) \
            + np.arange(int(lens.sum()))
        return Terms(self.vocab, lens.astype(np.int32), self.cols[idx], self.counts[idx])


class BM25:
    def __init__(self, docs: list[str] | None = None, k1: float = 1.2, b: float = 0.75, *,
                 terms: Terms | None = None) -> None:
        t = terms if terms is not None else Terms.empty().extended(docs or [])
        self.terms = t
        self.n = t.n
        self.vocab = t.vocab
        rows = np.repeat(np.arange(self.n, dtype=np.int32), t.lengths)
        lens = t.doc_lens()
        avg = float(lens.mean()) if self.n and lens.mean() > 0 else 1.0
        df = np.bincount(t.cols, minlength=len(self.vocab)).astype(np.float32)
        self.idf = np.log1p((self.n - df + 0.5) / (df + 0.5)).astype(np.float32)
        tf = t.counts
        weight = self.idf[t.cols] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lens[rows] / avg))
        order = np.argsort(t.cols, kind="stable")
        self._rows = rows[order]
        self._data = weight[order].astype(np.float32)
        self._indptr = np.concatenate([[0], np.cumsum(df.astype(np.int64))])

    def query_terms(self, query: str) -> dict[int, float]:
        """Column -> weight for the query's words and their glossary translations."""
        terms: dict[int, float] = {}
        for key in tokenize(query):
            if key in self.vocab:
                terms[self.vocab[key]] = terms.get(self.vocab[key], 0.0) + 1.0
            for other in translations(key):
                j = self.vocab.get(other)
                if j is not None:
                    terms[j] = max(terms.get(j, 0.0), TRANSLATION_WEIGHT)
        return terms

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        for j, w in self.query_terms(query).items():
            a, b = self._indptr[j], self._indptr[j + 1]
            out[self._rows[a:b]] += w * self._data[a:b]  # a column holds each row at most once
        return out

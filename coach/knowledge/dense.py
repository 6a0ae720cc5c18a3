"""Dense scores over every chunk, fast enough for large indexes.

Up to APPROX_FROM rows, the float32 product is a millisecond or less and is used as it is. Above
that, reading 1.5 KB of float32 per chunk dominates search (50,000 chunks: 77 MB, 5-9 ms on one
core), so each row is also kept as 7-bit integers with its own scale, and ONNX Runtime multiplies
them with the query in 8 bits (the rows packed into the graph once per snapshot; run on the calling
thread): 0.5 ms
at 50,000 chunks. Seven bits, not eight: x86 without VNNI adds pairs of u8 x s8 products in 16 bits,
which saturates with full 8-bit rows and stays exact with 7-bit ones. Each integer score is within
about 0.004 of the float32 one, and the finalists are scored again in float32 (`exact`), so the
order and the scores of the hits returned are the float32 ones.

Building costs ~0.1-0.3 s at 50,000 chunks, so a snapshot's first search uses the float32 product and the
second builds (snapshot.py): a one-shot `coach search` never pays it; the server's warm-up searches twice.
Building checks the integer product against NumPy on a sample of rows; on any mismatch, or without
onnxruntime, the float32 product is used.
"""

from __future__ import annotations

import threading

import numpy as np

APPROX_FROM = 4096  # rows; below this the float32 product is used
ROW_LEVELS = 63  # 7-bit rows: see the module docstring
QUERY_LEVELS = 127


class DenseScorer:
    """Scores of one query against every row of `vectors` (unit rows, float32)."""

    def __init__(self, vectors: np.ndarray, *, build: bool = True) -> None:
        self.vectors = vectors
        self._session = None
        self._scale: np.ndarray | None = None
        self._tried = False
        self._lock = threading.Lock()
        if build:
            self.build()

    def build(self) -> None:
        """Set up the 8-bit product if the index is large enough (once; later calls return at once)."""
        if self._tried:
            return
        with self._lock:
            if not self._tried:
                if len(self.vectors) >= APPROX_FROM:
                    self._build()
                self._tried = True

    @property
    def approximate(self) -> bool:
        return self._session is not None

    def _build(self) -> None:
        try:
            import onnxruntime as ort
        except ImportError:
            return
        n, dim = self.vectors.shape
        peak = np.maximum(self.vectors.max(axis=1), -self.vectors.min(axis=1))
        scale = np.where(peak > 0, peak / ROW_LEVELS, 1.0).astype(np.float32)
        levels = self.vectors * (1.0 / scale)[:, None]
        np.rint(levels, out=levels)
        rows = levels.astype(np.int8).T  # (dim, n); written out in C order by _model_bytes
        del levels
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            session = ort.InferenceSession(_model_bytes(rows), sess_options=opts,
                                           providers=["CPUExecutionProvider"])
        except Exception:  # an ONNX Runtime that cannot run it: the float32 product does
            return
        # The integer product must be exact: compare it with NumPy on a sample of rows, for a random
        # query and the two extremes (where 16-bit pair sums would saturate).
        sample = np.linspace(0, n - 1, num=min(n, 512), dtype=np.int64)
        for probe in (np.random.default_rng(0).integers(1, 256, size=(1, dim), dtype=np.uint8),
                      np.full((1, dim), 255, np.uint8), np.full((1, dim), 1, np.uint8)):
            got = session.run(None, {"q": probe})[0][0]
            want = (probe.astype(np.int32) - 128) @ rows[:, sample].astype(np.int32)
            if not np.array_equal(got[sample], want[0]):
                return
        self._session, self._scale = session, scale

    def scores(self, query: np.ndarray) -> np.ndarray:
        """float32 scores; approximate (within ~0.004) when `approximate`."""
        if self._session is None or self._scale is None:
            # einsum runs on the calling thread; BLAS would wake its worker threads, which on a busy
            # 2-core machine turned a 0.5 ms product into 5-8 ms now and then.
            return np.einsum("ij,j->i", self.vectors, query)
        peak = float(np.abs(query).max())
        if peak == 0.0:
            return np.zeros(len(self.vectors), np.float32)
        step = peak / QUERY_LEVELS
        q = (np.rint(query / step) + 128).astype(np.uint8)[None, :]
        raw = self._session.run(None, {"q": q})[0][0]
        return raw.astype(np.float32) * (self._scale * np.float32(step))

    def exact(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """float32 scores of the given rows."""
        return np.einsum("ij,j->i", self.vectors[rows], query)


# -- the graph, written as ONNX protobuf bytes -------------------------------------------------------
# One MatMulInteger node: s[1, n] = (q[1, dim] - 128) x rows[dim, n], rows an initializer (so ONNX
# Runtime packs them once). Written by hand because importing the onnx package costs a cold process
# 0.3-1.8 s; tests/knowledge/test_dense.py reads these bytes back with onnx and compares.
_UINT8, _INT8, _INT32 = 2, 3, 6  # TensorProto.DataType


def _varint(v: int) -> bytes:
    out = bytearray()
    while True:
        b, v = v & 0x7F, v >> 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def _field(number: int, payload: bytes | int) -> bytes:
    if isinstance(payload, int):
        return _varint(number << 3) + _varint(payload)
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _value_info(name: str, elem_type: int, dims: tuple[int, ...]) -> bytes:
    shape = b"".join(_field(1, _field(1, d)) for d in dims)
    tensor_type = _field(1, elem_type) + _field(2, shape)
    return _field(1, name.encode()) + _field(2, _field(1, tensor_type))


def _tensor(name: str, elem_type: int, array: np.ndarray) -> bytes:
    return (b"".join(_field(1, d) for d in array.shape) + _field(2, elem_type) + _field(8, name.encode())
            + _field(9, array.tobytes()))


def _model_bytes(rows: np.ndarray) -> bytes:
    dim, n = rows.shape
    node = (_field(1, b"q") + _field(1, b"rows") + _field(1, b"zero") + _field(2, b"s")
            + _field(4, b"MatMulInteger"))
    graph = (_field(1, node) + _field(2, b"dense")
             + _field(5, _tensor("zero", _UINT8, np.array(128, np.uint8)))
             + _field(5, _tensor("rows", _INT8, rows))
             + _field(11, _value_info("q", _UINT8, (1, dim))) + _field(12, _value_info("s", _INT32, (1, n))))
    opset = _field(1, b"") + _field(2, 17)
    return _field(1, 8) + _field(7, graph) + _field(8, opset)

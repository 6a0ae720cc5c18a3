"""Which representation of a message reads its root cause best: the third model-selection round.

Everything is scored by leave-one-author-out on the authored training files (train on every author
file but one, score that author's messages; head alone, no cue rules), the figure model selection
uses (docs/diagnosis.md). The held-out set is never read.

    python benchmarks/cause_representation.py dump WORK            # one forward pass, states cached
    python benchmarks/cause_representation.py linear WORK 12,8 --l2 3e-2 [--ngrams]
    python benchmarks/cause_representation.py adapter WORK         # needs PyTorch (CPU build)
    python benchmarks/cause_representation.py combine WORK linear-12-ngrams adapter-8-10-12
    python benchmarks/cause_representation.py reading WORK linear-12-ngrams-0.01:1.2 adapter-8-10-12:1

`dump` runs the ONNX e5-small graph coach builds, with every layer's hidden states as extra outputs,
over the training texts ("query: " prefix, first 510-token window for the token states): the
mean-pooled states of every layer and the token states of layers 8, 10 and 12, as float16. `linear`
fits the cause head (the product's own `fit_softmax`, class-balanced, sample-weighted) on the chosen
layers' mean-pooled states, each L2-normalised, centred and scaled as `Transform` does, with
`--ngrams` beside the shipped head's hashed character and word n-grams. `adapter` trains a learnt
attention pooling over the token states per fold (PyTorch, for this experiment only; the product
never imports it). `combine` averages two runs' class probabilities. `reading` averages runs' probabilities
as `coach draft` does (each run's logits divided by its temperature, `NAME:T`; the shipped head's is in
heads.json) and applies the cause cue rules (`reading.read_cause`) over a grid of cue weights and
unknown thresholds: the leave-one-author-out figure "with the cue rules". Each run writes its out-of-author
logits to WORK, so folds can be run apart (`--files`) on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN_LAYERS = (8, 10, 12)
# The adapter and combine steps need only NumPy (and PyTorch): they read labels and language groups
# from the dump, so they run in a scratch environment that has PyTorch but not coach's dependencies.


def dump(work: Path, limit: int = 0, reuse: Path | None = None) -> None:
    import onnxruntime as ort
    from onnx import TensorProto, helper

    from coach.config import get_settings
    from coach.diagnosis.classifier import prepare_text
    from coach.diagnosis.heads import HEAD_LABELS
    from coach.diagnosis.training import group, label_of, training_data
    from coach.knowledge import e5onnx
    from coach.knowledge.e5model import dequantize_rows, load

    work.mkdir(parents=True, exist_ok=True)
    items, weights, authors, _ = training_data(get_settings())
    if limit:  # a smoke run
        items, weights, authors = items[:limit], weights[:limit], authors[:limit]
    texts = [prepare_text(it.text) for it in items]
    old: dict[str, int] = {}
    if reuse is not None:  # an earlier dump: its texts' states are copied, only new texts run
        prev = json.loads((reuse / "meta.json").read_text(encoding="utf-8"))["texts"]
        old = {t: i for i, t in enumerate(prev)}
    model, tok = load(work / "cache")
    c = model.config
    graph = e5onnx.build(model, e5onnx.QUERY_ACTIVATIONS)  # the graph coach's queries run through
    outs = ["h0"] + [f"l{i}_h2" for i in range(c.layers)]  # outs[n]: the states after n layers
    for o in outs:
        graph.graph.output.append(helper.make_tensor_value_info(o, TensorProto.FLOAT, ["b", "t", c.hidden]))
    sess = ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])
    word = model.q4("emb.word", c.vocab)
    pos = np.array(model.f32("emb.pos").reshape(c.max_positions, c.hidden))
    typ = np.array(model.f32("emb.type").reshape(-1, c.hidden)[0])
    n_layers = c.layers + 1
    mean = np.zeros((len(texts), n_layers, c.hidden), np.float32)
    weight = np.zeros(len(texts))
    tokens: dict[int, list] = {n: [None] * len(texts) for n in TOKEN_LAYERS}
    windows = []
    for i, t in enumerate(texts):
        if t in old:
            continue
        ids = tok.content("query: " + t)
        windows += [(i, k, ids[a:a + 510]) for k, a in enumerate(range(0, len(ids), 510))] or [(i, 0, [])]
    order = sorted(range(len(windows)), key=lambda j: len(windows[j][2]))
    t0, start = time.perf_counter(), 0
    while start < len(order):
        end = start + 1
        while end < len(order) and (end - start + 1) * (len(windows[order[end]][2]) + 2) <= 2048:
            end += 1
        batch = [windows[j] for j in order[start:end]]
        width = len(batch[-1][2]) + 2
        ids = np.full((len(batch), width), tok.eos, np.int64)
        mask = np.zeros((len(batch), width), np.float32)
        for r, (_, _, content) in enumerate(batch):
            ids[r, :len(content) + 2] = [tok.bos, *content, tok.eos]
            mask[r, :len(content) + 2] = 1
        emb = (dequantize_rows(word[ids]) + pos[:width] + typ).astype(np.float32)
        states = np.stack(sess.run(outs, {"embeddings": emb, "mask": mask}), axis=1)
        for r, (i, k, content) in enumerate(batch):
            n = len(content) + 2
            mean[i] += n * states[r, :, :n].mean(axis=1)
            weight[i] += n
            if k == 0:
                for layer in TOKEN_LAYERS:
                    tokens[layer][i] = states[r, layer, :n].astype(np.float16)
        start = end
    if old:
        prev_mean = np.load(reuse / "pooled.npz")["mean"]  # type: ignore[operator]
        prev_tok, offs = {}, {}
        for n in TOKEN_LAYERS:
            with np.load(reuse / f"tokens_{n}.npz") as d:  # type: ignore[operator]
                prev_tok[n], offs[n] = d["states"], np.concatenate([[0], np.cumsum(d["lens"])])
        for i, t in enumerate(texts):
            if t in old:
                j = old[t]
                mean[i], weight[i] = prev_mean[j], 1.0
                for n in TOKEN_LAYERS:
                    tokens[n][i] = prev_tok[n][offs[n][j]:offs[n][j + 1]]
    mean /= weight[:, None, None]
    np.savez(work / "pooled.npz", mean=mean.astype(np.float16))
    for layer in TOKEN_LAYERS:
        np.savez(work / f"tokens_{layer}.npz", states=np.concatenate(tokens[layer]),
                 lens=np.array([len(x) for x in tokens[layer]]))
    meta = {"texts": texts, "authors": list(authors), "weights": [float(w) for w in weights],
            "groups": [group(it.lang) for it in items], "cause": [label_of(it, "cause") for it in items],
            "labels": list(HEAD_LABELS["cause"])}
    (work / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    print(f"{len(texts)} texts ({sum(t in old for t in texts)} from {reuse}), {len(windows)} windows, "
          f"{time.perf_counter() - t0:.0f} s")


class Data:
    """The dumped rows that carry a root cause: labels, weights, authors, language groups."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.meta = json.loads((work / "meta.json").read_text(encoding="utf-8"))
        lab = self.meta["cause"]
        self.labels: list[str] = self.meta["labels"]
        self.idx = np.array([i for i, v in enumerate(lab) if v is not None])
        self.y = np.array([self.labels.index(lab[i]) for i in self.idx])
        self.w = np.asarray(self.meta["weights"])[self.idx]
        self.auth = np.asarray(self.meta["authors"])[self.idx]
        self.groups = np.asarray(self.meta["groups"])[self.idx]
        self.files = sorted(set(self.auth) - {""})

    def report(self, name: str, logits: np.ndarray, done: np.ndarray) -> None:
        np.savez(self.work / f"{name}.npz", logits=logits, done=done)
        ok = logits.argmax(axis=1) == self.y
        sel = done & (self.auth != "")
        parts = {g: round(float(ok[sel & (self.groups == g)].mean()), 4)
                 for g in ("en", "uk", "other") if (sel & (self.groups == g)).any()}
        folds = sorted(set(self.auth[sel]))
        print(f"{name}: {ok[sel].mean():.4f} {parts} over {int(sel.sum())} rows, {len(folds)} of "
              f"{len(self.files)} author files", flush=True)


def linear(data: Data, layers: list[int], l2: float, ngrams: bool, files: list[str]) -> None:
    from coach.diagnosis.features import ngram_vector, word_vector
    from coach.diagnosis.heads import fit_softmax
    from coach.diagnosis.training import NGRAM_DIM, NGRAM_WEIGHT, WORD_DIM, WORD_WEIGHT

    mean = np.load(data.work / "pooled.npz")["mean"][data.idx].astype(np.float32)
    emb = np.hstack([mean[:, n] / np.linalg.norm(mean[:, n], axis=1, keepdims=True) for n in layers])
    blocks = [(emb - emb.mean(axis=0)) / (float(emb.std(axis=0).mean()) or 1.0)]
    if ngrams:
        texts = [data.meta["texts"][i] for i in data.idx]
        blocks.append(np.vstack([ngram_vector(t, NGRAM_DIM) for t in texts]) * np.float32(NGRAM_WEIGHT))
        blocks.append(np.vstack([word_vector(t, WORD_DIM) for t in texts]) * np.float32(WORD_WEIGHT))
    x = np.hstack(blocks).astype(np.float32)
    name = "linear-" + "-".join(map(str, layers)) + ("-ngrams" if ngrams else "") + f"-{l2:g}"
    logits, done = np.zeros((len(data.y), len(data.labels))), np.zeros(len(data.y), bool)
    for f in files:
        test = data.auth == f
        w, b = fit_softmax(x[~test], data.y[~test], len(data.labels), l2, data.w[~test])
        logits[test], done[test] = x[test] @ w + b, True
        print(f, round(float((logits[test].argmax(1) == data.y[test]).mean()), 3), flush=True)
        data.report(name, logits, done)


def adapter(data: Data, epochs: int, hidden: int, files: list[str]) -> None:
    try:
        import torch
        import torch.nn.functional as fn
        from torch import nn
    except ImportError:
        raise SystemExit("the adapter experiment needs PyTorch: pip install torch (CPU build) in a "
                         "separate environment; the product does not use it") from None
    torch.set_num_threads(1)
    toks = [np.load(data.work / f"tokens_{n}.npz") for n in TOKEN_LAYERS]
    lens = toks[0]["lens"]
    states = [t["states"] for t in toks]
    offs = np.concatenate([[0], np.cumsum(lens)])

    def batch(rows: np.ndarray) -> tuple:
        width = int(max(lens[r] for r in rows))
        t = np.zeros((len(rows), len(TOKEN_LAYERS), width, 384), np.float32)
        m = np.zeros((len(rows), width), bool)
        for j, r in enumerate(rows):
            for k, s in enumerate(states):
                t[j, k, :lens[r]] = s[offs[r]:offs[r + 1]]
            m[j, :lens[r]] = True
        return torch.from_numpy(t), torch.from_numpy(m)

    class Pool(nn.Module):
        """Softmax mix of layers, LayerNorm, projection + GELU, attention pooling beside the mean."""

        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(len(TOKEN_LAYERS)))
            self.ln, self.proj = nn.LayerNorm(384), nn.Linear(384, hidden)
            self.att, self.out = nn.Linear(hidden, 1), nn.Linear(2 * hidden, len(data.labels))
            self.drop = nn.Dropout(0.1)

        def forward(self, t, m):  # type: ignore[no-untyped-def]
            x = (torch.softmax(self.mix, 0)[None, :, None, None] * t).sum(1)
            h = fn.gelu(self.proj(self.drop(self.ln(x))))
            a = torch.softmax(self.att(h).squeeze(-1).masked_fill(~m, -1e9), -1)
            pooled = torch.cat([(a[..., None] * h).sum(1), (h * m[..., None]).sum(1) / m.sum(1, keepdim=True)], -1)
            return self.out(self.drop(pooled))

    name = f"adapter-{'-'.join(map(str, TOKEN_LAYERS))}"
    logits, done = np.zeros((len(data.y), len(data.labels))), np.zeros(len(data.y), bool)
    for f in files:
        t0 = time.perf_counter()
        train, test = np.flatnonzero(data.auth != f), np.flatnonzero(data.auth == f)
        torch.manual_seed(11)
        rng = np.random.default_rng(11)
        model = Pool()
        opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.05)
        yt, wt = data.y[train], data.w[train]
        counts = np.bincount(yt, weights=wt, minlength=len(data.labels))
        sw = torch.tensor(wt.sum() / (len(data.labels) * counts)[yt] * wt, dtype=torch.float32)
        order = np.argsort(lens[data.idx[train]])
        batches = [order[i:i + 32] for i in range(0, len(order), 32)]
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, 2e-3, total_steps=epochs * len(batches))
        for _ in range(epochs):
            model.train()
            for bi in rng.permutation(len(batches)):
                b = batches[bi]
                t, m = batch(data.idx[train][b])
                nll = fn.cross_entropy(model(t, m), torch.tensor(yt[b]), reduction="none")
                loss = (nll * sw[b]).sum() / sw[b].sum()
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        model.eval()
        with torch.no_grad():
            for i in range(0, len(test), 64):
                rows = test[i:i + 64]
                logits[rows] = model(*batch(data.idx[rows])).numpy()
        done[test] = True
        print(f, round(float((logits[test].argmax(1) == data.y[test]).mean()), 3),
              f"{time.perf_counter() - t0:.0f} s", flush=True)
        data.report(name, logits, done)


def combine(data: Data, a: str, b: str) -> None:
    def probs(name: str) -> tuple[np.ndarray, np.ndarray]:
        run = np.load(data.work / f"{name}.npz")
        z = run["logits"] - run["logits"].max(axis=1, keepdims=True)
        return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True), run["done"]

    (pa, da), (pb, db) = probs(a), probs(b)
    done = da & db
    for name, p in ((a, pa), (b, pb), (f"{a}+{b}", pa + pb)):
        data.report(f"combined-{name}", np.log(np.maximum(p, 1e-12)), done)


class _MemoCues:
    """The cause cues with their hits memoised per text (the grid reads every text many times)."""

    def __init__(self, cues) -> None:  # type: ignore[no-untyped-def]
        self.cues, self.cause, self.memo = cues, cues.cause, {}

    def hits(self, table, text: str) -> set[str]:  # type: ignore[no-untyped-def]
        if text not in self.memo:
            self.memo[text] = self.cues.hits(table, text)
        return set(self.memo[text])


def reading(data: Data, runs: list[str], cue_grid: list[float], thr_grid: list[float], cue_file: str = "") -> None:
    from coach.diagnosis.classifier import _paths
    from coach.diagnosis.cues import load_cues
    from coach.diagnosis.reading import Reading, read_cause

    cues = _MemoCues(load_cues(Path(cue_file) if cue_file else _paths()[1]))
    probs, done = [], np.ones(len(data.y), bool)
    for spec in runs:
        name, _, temp = spec.partition(":")
        run = np.load(data.work / f"{name}.npz")
        z = run["logits"] / float(temp or 1.0)
        z = z - z.max(axis=1, keepdims=True)
        probs.append(np.exp(z) / np.exp(z).sum(axis=1, keepdims=True))
        done &= run["done"]
    p = np.mean(probs, axis=0)
    sel = np.flatnonzero(done & (data.auth != ""))
    texts = [data.meta["texts"][data.idx[i]] for i in sel]
    print(f"{' + '.join(runs)}: argmax {float((p[sel].argmax(1) == data.y[sel]).mean()):.4f} over {len(sel)} rows")
    for c in cue_grid:
        for t in thr_grid:
            r = Reading(cause_cue=c, min_cause=t)
            got = [read_cause(p[i], text, cues, r)[0] for i, text in zip(sel, texts, strict=True)]  # type: ignore[arg-type]
            ok = np.array([g == data.labels[data.y[i]] for g, i in zip(got, sel, strict=True)])
            parts = {g: round(float(ok[data.groups[sel] == g].mean()), 4) for g in ("en", "uk", "other")}
            print(f"cue {c:g} threshold {t:g}: {ok.mean():.4f} {parts}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("dump", "linear", "adapter", "combine", "reading"))
    ap.add_argument("work", type=Path, help="a scratch folder for the cached states and the logits")
    ap.add_argument("args", nargs="*", help="linear: layers (12,8); combine: two run names; reading: NAME:T ...")
    ap.add_argument("--cue", default="0,0.3,0.45,0.6,0.75,0.9", help="reading: cause cue weights")
    ap.add_argument("--threshold", default="0.2,0.25,0.3,0.35,0.4", help="reading: unknown thresholds")
    ap.add_argument("--cues", default="", help="reading: another cue file (default: the shipped cues.yaml)")
    ap.add_argument("--l2", type=float, default=1e-2, help="the cause head's penalty (training.L2)")
    ap.add_argument("--ngrams", action="store_true", help="beside the shipped head's char and word n-grams")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--files", default="", help="comma-separated author files (default: all)")
    ap.add_argument("--limit", type=int, default=0, help="dump: the first N texts only (a smoke run)")
    ap.add_argument("--reuse", type=Path, default=None, help="dump: an earlier dump whose texts are copied, not rerun")
    opts = ap.parse_args()
    if opts.step == "dump":
        dump(opts.work, opts.limit, opts.reuse)
        return
    data = Data(opts.work)
    files = opts.files.split(",") if opts.files else data.files
    if opts.step == "linear":
        linear(data, [int(n) for n in (opts.args[0] if opts.args else "12").split(",")], opts.l2, opts.ngrams, files)
    elif opts.step == "adapter":
        adapter(data, opts.epochs, opts.hidden, files)
    elif opts.step == "reading":
        reading(data, opts.args, [float(v) for v in opts.cue.split(",")],
                [float(v) for v in opts.threshold.split(",")], opts.cues)
    else:
        combine(data, *opts.args[:2])


if __name__ == "__main__":
    main()

"""Train the shipped cause adapter on every labelled training text and export it for numpy inference.

The adapter (docs/diagnosis.md, "third model-selection round") reads the token states of encoder
layers 8, 10 and 12 of the message: a softmax mix of the layers, LayerNorm, Linear 384->256, GELU,
then an attention-pooled and a mean-pooled 256-d vector concatenated into Linear 512->7. Settings
as selected leave-one-author-out: AdamW lr 2e-3 one-cycle, weight decay 0.05, dropout 0.1, 4 epochs,
batches of 32 by length, class-balanced sample weights times the training weights, seed 11.

Input: the token states of the training texts as `python benchmarks/cause_representation.py dump
WORK` writes them (meta.json and tokens_{layer}.npz). Output: cause_adapter.npz next to the heads,
read by coach/diagnosis/adapter.py (numpy only; torch is imported here and nowhere in coach), and a
small fixture of reference outputs for tests/diagnosis/test_diag_adapter.py.

    python benchmarks/cause_adapter_train.py WORK knowledge/diagnosis/model/cause_adapter.npz \
        tests/diagnosis/fixtures/cause_adapter_ref.npz
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

LABELS = ("budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
          "competitive_displacement", "unknown")
LAYERS = (8, 10, 12)
HIDDEN, EPOCHS, BATCH, LR, WD, DROPOUT, SEED = 256, 4, 32, 2e-3, 0.05, 0.1, 11


def main(dump: Path, out: Path, fixture: Path | None) -> None:
    import torch
    import torch.nn as nn
    import torch.nn.functional as fn

    torch.set_num_threads(1)
    meta = json.loads((dump / "meta.json").read_text())
    assert tuple(meta["labels"]) == LABELS, meta["labels"]
    lab = meta["cause"]
    w_all = np.array(meta["weights"])
    idx = np.array([i for i in range(len(lab)) if lab[i] is not None])
    y = np.array([LABELS.index(lab[i]) for i in idx])
    toks = []
    lens = np.zeros(0, int)
    for layer in LAYERS:
        d = np.load(dump / f"tokens_{layer}.npz")
        toks.append(d["states"])
        lens = d["lens"]
    offs = np.concatenate([[0], np.cumsum(lens)])

    def batch(rows: np.ndarray) -> tuple:
        n = max(lens[r] for r in rows)
        t = np.zeros((len(rows), len(LAYERS), n, 384), np.float32)
        m = np.zeros((len(rows), n), bool)
        for j, r in enumerate(rows):
            for k in range(len(LAYERS)):
                t[j, k, :lens[r]] = toks[k][offs[r]:offs[r + 1]]
            m[j, :lens[r]] = True
        return torch.from_numpy(t), torch.from_numpy(m)

    class Pool(nn.Module):
        def __init__(s, n_layers: int, d: int = 384, h: int = HIDDEN, c: int = len(LABELS)) -> None:
            super().__init__()
            s.mix = nn.Parameter(torch.zeros(n_layers))
            s.ln = nn.LayerNorm(d)
            s.proj = nn.Linear(d, h)
            s.att = nn.Linear(h, 1)
            s.out = nn.Linear(2 * h, c)
            s.drop = nn.Dropout(DROPOUT)

        def forward(s, t, m):  # type: ignore[no-untyped-def]
            w = torch.softmax(s.mix, 0)
            x = (w[None, :, None, None] * t).sum(1)
            hh = fn.gelu(s.proj(s.drop(s.ln(x))))
            a = torch.softmax(s.att(hh).squeeze(-1).masked_fill(~m, -1e9), -1)
            ap = (a[..., None] * hh).sum(1)
            mp = (hh * m[..., None]).sum(1) / m.sum(1, keepdim=True)
            return s.out(s.drop(torch.cat([ap, mp], -1)))

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    model = Pool(len(LAYERS))
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    wt = w_all[idx]
    cnt = np.bincount(y, weights=wt, minlength=len(LABELS))
    cw = wt.sum() / (len(LABELS) * cnt)
    sw = torch.tensor(cw[y] * wt, dtype=torch.float32)
    order = np.argsort(lens[idx])
    batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, LR, total_steps=EPOCHS * len(batches))
    for ep in range(EPOCHS):
        model.train()
        for bi in rng.permutation(len(batches)):
            b = batches[bi]
            t, m = batch(idx[b])
            ce = fn.cross_entropy(model(t, m), torch.tensor(y[b]), reduction="none")
            loss = (ce * sw[b]).sum() / sw[b].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        print("epoch", ep + 1, flush=True)
    model.eval()
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    embedder = json.loads((out.parent / "heads.json").read_text())["embedder"]  # the heads' embedder
    info = {"layers": list(LAYERS), "hidden": HIDDEN, "labels": list(LABELS), "embedder": embedder,
            "prefix": "query: ", "n_train": int(len(idx)), "epochs": EPOCHS, "seed": SEED}
    np.savez(out, mix=sd["mix"], ln_w=sd["ln.weight"], ln_b=sd["ln.bias"], proj_w=sd["proj.weight"],
             proj_b=sd["proj.bias"], att_w=sd["att.weight"], att_b=sd["att.bias"], out_w=sd["out.weight"],
             out_b=sd["out.bias"], meta=np.array(json.dumps(info)))
    if fixture is not None:
        # Reference outputs on random token states with padding: the numpy forward must match.
        g = np.random.default_rng(5)
        t = g.normal(0, 1, (2, len(LAYERS), 6, 384)).astype(np.float16)
        m = np.ones((2, 6), bool)
        m[1, 2:] = False
        with torch.no_grad():
            ref = model(torch.from_numpy(t.astype(np.float32)), torch.from_numpy(m)).numpy()
        np.savez(fixture, states=t, mask=m, logits=ref)
    print("wrote", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)

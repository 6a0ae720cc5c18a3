"""Retrieval benchmark: search latency, ingest rate and labelled-query quality.

    python benchmarks/retrieval.py            # knowledge/ and a generated 10,000-chunk corpus
    python benchmarks/retrieval.py --quick    # knowledge/ and the labelled sets only

Latency is the wall time of `Knowledge.search(query, 5)`, query embedding included, over at
least 200 queries per row; the embedder caches repeated queries, so every row gets its own
queries and no query is ever searched twice. The 10k
index is built once under benchmarks/.cache/ and reused; the ingest rate measured when it was
built is kept next to it and reported on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coach.config import Settings  # noqa: E402
from coach.knowledge.chunking import EMBED_RECIPE  # noqa: E402
from coach.knowledge.evaluate import evaluate, load_queries  # noqa: E402
from coach.knowledge.search import Knowledge  # noqa: E402

CACHE = REPO / "benchmarks" / ".cache"
SEEDS = REPO / ".." / "shared" / "seeds"
CORPUS_CHUNKS = 10_000
SECTIONS_PER_FILE = 20

# -- a deterministic playbook-like corpus ---------------------------------------------------
TOPICS = ["seat reduction", "module cancellation", "tier downgrade", "contract pause", "renewal discount",
          "budget cut", "usage gap", "value review", "executive sponsor change", "competitive pressure",
          "onboarding delay", "support escalation", "price increase", "multi-year extension",
          "re-engagement trigger", "quarterly business review", "health score drop", "champion leaving",
          "invoice dispute", "feature request backlog"]
ACTORS = ["the CSM", "the Team Lead", "Deal Desk", "the VP of Customer Success", "the account executive",
          "the marketing manager", "the support engineer", "finance", "the onboarding specialist"]
ACTIONS = ["acknowledges the request the same day", "pulls the account's usage numbers",
           "prepares a right-sized counter-proposal", "books a joint call with the customer",
           "checks the agreement for a lock period", "records the decision in the CRM",
           "sets a re-engagement trigger", "reviews the discount against the ceiling",
           "asks what changed in the customer's business", "writes the pause terms down"]
REASONS = ["because the customer's budget was cut", "so the relationship survives the change",
           "before any number is promised", "to keep the renewal predictable",
           "when the account is worth more than $100K", "if the customer has unused licences",
           "after the first counter-offer is declined", "within the 30-day target",
           "unless the request is about a competitor", "so nothing is forgotten at renewal"]
DETAILS = ["Keep the tone calm and specific.", "Do not argue in the first reply.",
           "Write the outcome in the account notes.", "Mention the numbers the customer already sees.",
           "Agree a date to look at the results again.", "Never go beyond 20% off list.",
           "Ask one open question and listen.", "Offer a pause instead of a cancellation.",
           "Bring the data even when it is disappointing.", "Confirm the new terms in writing."]
UK_SENTENCES = ["Менеджер підтверджує запит клієнта того ж дня.",
                "Знижка не може перевищувати 20% від прайсу.",
                "Пауза подовжує договір на ту саму кількість місяців.", "Спершу з'ясуйте справжню причину.",
                "Запропонуйте менший пакет замість скасування.", "Домовтеся про дату наступної розмови."]
QUERY_TEMPLATES = ["what should {actor} do about a {topic} {reason}",
                   "{topic}: when does {actor} get involved",
                   "how to handle a {topic} for a large account {reason}",
                   "first step after a {topic} request",
                   "is a discount allowed during a {topic}", "example reply for a {topic} {reason}",
                   "Що робити, коли клієнт просить {uk}?"]
UK_TOPICS = ["зменшити кількість місць", "знизити тариф", "призупинити послугу", "більшу знижку",
             "скасувати модуль", "переглянути договір"]


def generate_corpus(folder: Path, chunks: int = CORPUS_CHUNKS, seed: int = 7) -> int:
    """Markdown files of short sections (one chunk each, ~200-300 characters); returns sections."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in range(chunks // SECTIONS_PER_FILE):
        topic = TOPICS[f % len(TOPICS)]
        lines = [f"# Playbook {f:04d}: {topic}", ""]
        for s in range(SECTIONS_PER_FILE):
            actor, action, reason = rng.choice(ACTORS), rng.choice(ACTIONS), rng.choice(REASONS)
            body = (f"For a {topic} (case {f}-{s}), {actor} {action} {reason}. "
                    f"{rng.choice(DETAILS)} {rng.choice(DETAILS)}")
            if rng.random() < 0.1:
                body += " " + rng.choice(UK_SENTENCES)
            lines += [f"## Step {s + 1}: {action.split()[0]} {rng.choice(TOPICS)}", "", body, ""]
            n += 1
        (folder / f"playbook-{f:04d}.md").write_text("\n".join(lines), encoding="utf-8")
    return n


def generate_queries(n: int, seed: int = 11) -> list[str]:
    """n distinct queries, in a fixed random order."""
    rng = random.Random(seed)
    out: dict[str, None] = {}
    while len(out) < n:
        t = rng.choice(QUERY_TEMPLATES)
        q = t.format(actor=rng.choice(ACTORS), topic=rng.choice(TOPICS), reason=rng.choice(REASONS),
                     uk=rng.choice(UK_TOPICS))
        out[f"{q} ({rng.randint(1, 10_000)})" if q in out else q] = None
    return list(out)


# -- measurements ---------------------------------------------------------------------------
class TimedEmbedder:
    """Wraps the real embedder and adds up the time spent embedding queries."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.query_seconds = 0.0

    def embed_queries(self, texts):
        t = time.perf_counter()
        try:
            return self.inner.embed_queries(texts)
        finally:
            self.query_seconds += time.perf_counter() - t

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


def latency(kn: Knowledge, queries: list[str], *, hybrid: bool) -> dict[str, float]:
    """Total search time per query, and how much of it was the query embedding."""
    timed = TimedEmbedder(kn.embedder)
    kn.embedder = timed
    try:
        kn.search(f"warm-up query {hybrid}", 5, hybrid=hybrid)  # loads the index, builds BM25 once
        total, embed = [], []
        for q in queries:
            timed.query_seconds = 0.0
            t = time.perf_counter()
            kn.search(q, 5, hybrid=hybrid)
            total.append((time.perf_counter() - t) * 1000)
            embed.append(timed.query_seconds * 1000)
    finally:
        kn.embedder = timed.inner
    rest = [t - e for t, e in zip(total, embed, strict=True)]
    return {"p50_ms": _p(total, 0.5), "p95_ms": _p(total, 0.95), "queries": len(total),
            "embed_p50_ms": _p(embed, 0.5), "embed_p95_ms": _p(embed, 0.95),
            "scoring_p50_ms": _p(rest, 0.5), "scoring_p95_ms": _p(rest, 0.95)}


def progress_bar(label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn())
    task = bar.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


def build_10k(settings: Settings, *, rebuild: bool = False) -> tuple[Knowledge, dict]:
    corpus, index, info_file = CACHE / "corpus-10k", CACHE / "index-10k", CACHE / "index-10k.json"
    kn = Knowledge(settings, index_dir=index)
    info = json.loads(info_file.read_text()) if info_file.exists() else {}
    fresh = (info.get("recipe") == EMBED_RECIPE and info.get("embedder") == kn.embedder.name
             and kn.store.count() == info.get("chunks"))
    if fresh and not rebuild:
        return kn, info
    n = generate_corpus(corpus)
    load_before = [round(x, 2) for x in os.getloadavg()]
    bar, update = progress_bar(f"Embedding {n} generated chunks")
    with bar:
        report = kn.ingest([corpus], rebuild=True, progress=update)
    info = {"chunks": report.chunks, "seconds": round(report.seconds, 1),
            "chunks_per_second": round(report.chunks_per_second, 1), "embedder": kn.embedder.name,
            "recipe": EMBED_RECIPE, "built": time.strftime("%Y-%m-%d %H:%M"),
            "load_average": {"before": load_before, "after": [round(x, 2) for x in os.getloadavg()]}}
    info_file.write_text(json.dumps(info, indent=2))
    return kn, info


def quality(kn: Knowledge, path: Path) -> dict[str, dict]:
    queries = load_queries(path)
    out = {}
    for name, hybrid in (("dense", False), ("hybrid", True)):
        s = evaluate(kn, queries, k=3, hybrid=hybrid)
        out[name] = {"recall@3": round(s.recall_at_k, 3), "mrr": round(s.mrr, 3),
                     "by_lang": {k: round(v, 3) for k, v in s.by_lang.items()}, "misses": s.misses}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the generated 10,000-chunk corpus")
    ap.add_argument("--rebuild-10k", action="store_true", help="embed the 10,000-chunk corpus again")
    ap.add_argument("--queries", type=int, default=300, help="latency queries (at least 200)")
    ap.add_argument("--json", type=Path, help="also write the results to this file")
    args = ap.parse_args()
    settings = Settings()
    n = max(200, args.queries)
    pool = generate_queries(4 * n)
    batches = iter(pool[i:i + n] for i in range(0, 4 * n, n))  # one fresh batch per latency row
    results: dict[str, object] = {"load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory() as tmp:
        kb = Knowledge(settings, index_dir=Path(tmp) / "kb")
        bar, update = progress_bar("Embedding knowledge/playbooks")
        with bar:
            rep = kb.ingest([settings.knowledge_dir / "playbooks"], progress=update)
        results["knowledge"] = {"chunks": rep.chunks, "ingest_chunks_per_s": round(rep.chunks_per_second, 2),
                                "dense": latency(kb, next(batches), hybrid=False),
                                "hybrid": latency(kb, next(batches), hybrid=True),
                                "quality": quality(kb, REPO / "evals" / "retrieval.yaml")}
        if SEEDS.is_dir():
            seeds = Knowledge(settings, index_dir=Path(tmp) / "seeds")
            seeds.ingest([SEEDS])
            results["seeds"] = {"quality": quality(seeds, REPO / "evals" / "retrieval_seeds.yaml")}
    if not args.quick:
        big, info = build_10k(settings, rebuild=args.rebuild_10k)
        results["corpus_10k"] = {"chunks": info["chunks"], "ingest_chunks_per_s": info["chunks_per_second"],
                                 "built": info["built"], "load_average_when_built": info.get("load_average"),
                                 "dense": latency(big, next(batches), hybrid=False),
                                 "hybrid": latency(big, next(batches), hybrid=True)}
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


def report(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"load average at start: {results['load_average_at_start']}")
    t = Table(title="Search latency (k=5, query embedding included)")
    for col in ("index", "chunks", "ingest chunks/s", "mode", "p50 ms", "p95 ms", "embed p50/p95",
                "scoring p50/p95", "queries"):
        t.add_column(col)
    for name in ("knowledge", "corpus_10k"):
        r = results.get(name)
        if not r:
            continue
        for mode in ("dense", "hybrid"):
            lat = r[mode]
            t.add_row(name, str(r["chunks"]), f"{r['ingest_chunks_per_s']:.1f}", mode,
                      f"{lat['p50_ms']:.1f}", f"{lat['p95_ms']:.1f}",
                      f"{lat['embed_p50_ms']:.1f} / {lat['embed_p95_ms']:.1f}",
                      f"{lat['scoring_p50_ms']:.2f} / {lat['scoring_p95_ms']:.2f}", str(lat["queries"]))
    console.print(t)
    q = Table(title="Labelled queries")
    for col in ("set", "mode", "recall@3", "MRR", "by language"):
        q.add_column(col)
    for name in ("knowledge", "seeds"):
        r = results.get(name)
        if not r:
            continue
        for mode, s in r["quality"].items():
            q.add_row(name, mode, f"{s['recall@3']:.3f}", f"{s['mrr']:.3f}",
                      ", ".join(f"{k} {v:.2f}" for k, v in s["by_lang"].items()))
    console.print(q)
    for name in ("knowledge", "seeds"):
        r = results.get(name)
        if r:
            for miss in r["quality"]["hybrid"]["misses"]:
                console.print(f"  miss ({name}, hybrid): {miss}")


if __name__ == "__main__":
    main()

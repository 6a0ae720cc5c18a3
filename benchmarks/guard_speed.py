"""Guard speed: wall time of one `Guard.check` call, median and p95, on two workloads.

    .venv/bin/python benchmarks/guard_speed.py [--drafts 200] [--rounds 3] [--profile] [--dump F]

- drafts: the texts and contexts the guard is asked to check while warm `draft()` calls (template
  drafter, built-in index, the eval cases' and generated messages as in benchmarks/draft.py) run;
  recorded once, then replayed.
- dev corpus: every text of evals/heldout/guard_corpus.yaml (the dev file) with the full rule set of
  its stage.

Every call is replayed `--rounds` times after a warm-up; each call is timed on its own. `--profile`
prints the cProfile of one more round (functions by own time). `--dump F` writes every call's
findings as JSON lines, so two versions of the guard can be compared for identical results. Not a
test: the numbers depend on the machine and its load (printed).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

Call = tuple[str, Any, "list[str] | None"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def draft_calls(n: int) -> list[Call]:
    """The guard calls made while `n` warm drafts are written (recorded, not timed)."""
    from draft import ACCOUNT_FILE, TODAY, workload

    import coach.guard as guard_pkg
    from coach.accounts import load_account
    from coach.config import get_settings
    from coach.drafting.engine import TemplateDrafter, draft
    from coach.knowledge.search import get_knowledge

    settings = get_settings()
    kn = get_knowledge(settings)
    kn.ensure_ready()
    writer = TemplateDrafter(settings.prompts_dir)
    draft(load_account(ACCOUNT_FILE), "warm-up: we need fewer seats", today=TODAY, knowledge=kn,
          settings=settings, drafter=writer)
    calls: list[Call] = []
    original = guard_pkg.Guard.check

    def record(self: Any, text: str, ctx: Any, *, only: list[str] | None = None) -> Any:
        calls.append((text, ctx, only))
        return original(self, text, ctx, only=only)

    guard_pkg.Guard.check = record  # type: ignore[method-assign]
    try:
        for account, message, today in workload(n):
            draft(account, message, today=today, knowledge=kn, settings=settings, drafter=writer)
    finally:
        guard_pkg.Guard.check = original  # type: ignore[method-assign]
    return calls


def corpus_calls() -> list[Call]:
    from coach.config import REPO_ROOT
    from coach.evals.guard_corpus import context_of, load_items

    return [(item["text"], context_of(item), None)
            for item in load_items(REPO_ROOT / "evals" / "heldout" / "guard_corpus.yaml")]


def timed(guard: Any, calls: list[Call], rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of every call (CPU time is less inflated by a busy machine)."""
    for text, ctx, only in calls[:20]:
        guard.check(text, ctx, only=only)
    wall, cpu = [], []
    for _ in range(rounds):
        for text, ctx, only in calls:
            t0, c0 = time.perf_counter(), time.thread_time()
            guard.check(text, ctx, only=only)
            cpu.append((time.thread_time() - c0) * 1000)
            wall.append((time.perf_counter() - t0) * 1000)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=200, help="warm drafts whose guard calls are replayed")
    ap.add_argument("--rounds", type=int, default=3, help="times every call is replayed")
    ap.add_argument("--profile", action="store_true", help="cProfile one more round of the draft calls")
    ap.add_argument("--dump", type=Path, help="write every call's findings as JSON lines")
    args = ap.parse_args()

    from coach.config import get_settings
    from coach.guard import guard_for

    guard = guard_for(get_settings())
    workloads = {"drafts": draft_calls(args.drafts) if args.drafts else [], "dev corpus": corpus_calls()}
    for name, calls in workloads.items():
        if not calls:
            continue
        wall, cpu = timed(guard, calls, args.rounds)
        print(f"{name:10s} {len(calls):4d} calls x {args.rounds}: per check call "
              f"median {statistics.median(wall):.2f} ms, p95 {pct(wall, 0.95):.2f} ms, max {max(wall):.2f} ms; "
              f"CPU median {statistics.median(cpu):.2f} ms, p95 {pct(cpu, 0.95):.2f} ms")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for name, calls in workloads.items():
                for text, ctx, only in calls:
                    found = [[v.id, v.reason, v.excerpt] for v in guard.check(text, ctx, only=only)]
                    f.write(json.dumps({"set": name, "text": text, "found": found}, ensure_ascii=False) + "\n")
    if args.profile:
        prof = cProfile.Profile()
        calls = workloads["drafts"] or workloads["dev corpus"]
        prof.enable()
        for text, ctx, only in calls:
            guard.check(text, ctx, only=only)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()

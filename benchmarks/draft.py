"""Draft speed: warm `draft()` in one process, and a cold `coach draft` process.

    .venv/bin/python benchmarks/draft.py [--calls 240] [--runs 12] [--json]

Warm: `draft()` (template drafter) on the built-in index, over at least 200 calls with distinct
messages (the eval cases' accounts and messages, then generated variants), so neither the query
embedding cache nor the diagnosis sees a repeat. Target p95 <= 100 ms on 2 cores.
Cold: wall time of `coach draft --json` as a new process (imports, model load, index open), at
least 10 runs with different messages, the index already built by a warm-up run. Target p95 <= 4 s.
Prints medians and p95s of wall time, and of CPU time (which a busy machine does not inflate as
much). Not a test: the numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.accounts import Account

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

WARM_TARGET_MS = 100.0
COLD_TARGET_S = 4.0
ACCOUNT_FILE = REPO / "examples" / "acme-dental.json"
TODAY = date(2026, 11, 21)
REASONS = [
    "Our budget was cut for next year", "We had layoffs and the team is smaller",
    "Half our users never log in", "We don't see the results we expected", "We're moving marketing in-house",
    "Cash is tight this quarter", "The owners froze discretionary spending", "We closed one of our offices",
    "Finance asked us to trim costs", "Our priorities changed after the merger",
]
REQUESTS = [
    "so we need to reduce our seats by {n}%.", "so please remove {k} seats.",
    "so we'd like to cancel PPC within {m} months.", "so we want to drop Social Media in {m} months.",
    "so could we cut the contract by {n}%?", "so can we move to a tier about {n}% cheaper?",
    "so we need to pause for {m} months.",
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def stats(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "p50": round(statistics.median(values), 1), "p95": round(pct(values, 0.95), 1),
            "max": round(max(values), 1)}


def generated_messages(n: int) -> list[str]:
    """Distinct request messages: reason x request x figure."""
    out: dict[str, None] = {}
    i = 0
    while len(out) < n:
        reason = REASONS[i % len(REASONS)]
        request = REQUESTS[(i // len(REASONS)) % len(REQUESTS)]
        step = i // (len(REASONS) * len(REQUESTS))
        out[f"{reason}, " + request.format(n=10 + step * 5, k=3 + step, m=2 + step)] = None
        i += 1
    return list(out)


def workload(n: int) -> list[tuple[Account, str, date]]:
    """(account, message, today) triples: the eval cases first, then generated messages on the example."""
    from coach.accounts import load_account, parse_account
    from coach.evals.loader import load_cases

    items: list[tuple[Account, str, date]] = []
    seen: set[str] = set()
    for case in load_cases().cases:
        if case.message not in seen:
            seen.add(case.message)
            items.append((parse_account(case.account, today=case.today), case.message, case.today))
    example = load_account(ACCOUNT_FILE)
    for msg in generated_messages(n):
        if len(items) >= n:
            break
        if msg not in seen:
            seen.add(msg)
            items.append((example, msg, TODAY))
    return items[:n]


def warm(calls: int) -> dict[str, float]:
    from coach.accounts import load_account
    from coach.config import get_settings
    from coach.drafting.engine import TemplateDrafter, draft
    from coach.knowledge.search import get_knowledge

    settings = get_settings()
    kn = get_knowledge(settings)
    kn.ensure_ready()
    writer = TemplateDrafter(settings.prompts_dir)
    items = workload(max(200, calls))
    example = load_account(ACCOUNT_FILE)
    for msg in ("warm-up: we need fewer seats", "warm-up: please cancel PPC", "warm-up: pause everything"):
        draft(example, msg, today=TODAY, knowledge=kn, settings=settings, drafter=writer)
    times, cpu = [], []
    for account, message, today in items:
        t0, c0 = time.perf_counter(), time.process_time()
        draft(account, message, today=today, knowledge=kn, settings=settings, drafter=writer)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return {**stats(times), "cpu_p50": round(statistics.median(cpu), 1), "cpu_p95": round(pct(cpu, 0.95), 1)}


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cold(runs: int) -> dict[str, float]:
    coach = [str(Path(sys.executable).with_name("coach"))]
    if not Path(coach[0]).exists():
        coach = [sys.executable, "-m", "coach.cli.main"]
    base = [*coach, "draft", "--account", str(ACCOUNT_FILE), "--today", TODAY.isoformat(), "--json"]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    subprocess.run([*base, "--message", "warm-up: build the index if needed"], check=True,
                   capture_output=True, env=env, cwd=REPO)
    times, cpu = [], []
    for msg in generated_messages(max(10, runs)):
        t0, c0 = time.perf_counter(), _children_cpu()
        out = subprocess.run([*base, "--message", msg], capture_output=True, env=env, cwd=REPO, text=True)
        times.append(time.perf_counter() - t0)
        cpu.append(_children_cpu() - c0)
        if out.returncode != 0:
            raise SystemExit(f"coach draft failed ({out.returncode}): {out.stderr.strip()[:300]}")
        json.loads(out.stdout)  # one JSON document on stdout
    return {**stats(times), "cpu_p50": round(statistics.median(cpu), 2), "cpu_p95": round(pct(cpu, 0.95), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=240, help="warm draft() calls (at least 200)")
    ap.add_argument("--runs", type=int, default=12, help="cold `coach draft` processes (at least 10)")
    ap.add_argument("--skip-cold", action="store_true", help="only the warm measurement")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args()
    w = warm(args.calls)
    c = None if args.skip_cold else cold(args.runs)
    if args.json:
        print(json.dumps({"warm_draft_ms": w, "cold_cli_s": c,
                          "targets": {"warm_p95_ms": WARM_TARGET_MS, "cold_p95_s": COLD_TARGET_S}}, indent=2))
        return
    load = os.getloadavg()[0]
    verdict = "ok" if w["p95"] <= WARM_TARGET_MS else "MISSED"
    print(f"warm draft(): p50 {w['p50']:.1f} ms, p95 {w['p95']:.1f} ms over {w['n']:.0f} calls "
          f"(target p95 <= {WARM_TARGET_MS:.0f} ms: {verdict}); CPU p50 {w['cpu_p50']:.1f} ms, "
          f"p95 {w['cpu_p95']:.1f} ms")
    if c is not None:
        verdict = "ok" if c["p95"] <= COLD_TARGET_S else "MISSED"
        print(f"cold `coach draft`: p50 {c['p50']:.2f} s, p95 {c['p95']:.2f} s over {c['n']:.0f} runs "
              f"(target p95 <= {COLD_TARGET_S:.0f} s: {verdict}); CPU p50 {c['cpu_p50']:.2f} s, "
              f"p95 {c['cpu_p95']:.2f} s")
    print(f"(load average {load:.1f} on {os.cpu_count()} cores: wall times above include waiting for a core)")


if __name__ == "__main__":
    main()

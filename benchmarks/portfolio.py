"""Portfolio ranking: generate N accounts (some with bad rows), then read, validate, score and rank.

    .venv/bin/python benchmarks/portfolio.py [--accounts 1000] [--runs 5] [--bad-every 25] [--cli] [--json]

Each run is `rank_portfolio(path, policy, today)` on a CSV and on a JSON-lines file of the same
accounts: file parsing, validation (every bad row reported with its line and field), the risk rules
and the ranking. `--cli` also times `coach risk --json --quiet` end to end in a fresh process
(interpreter start and imports included). Reported as the median and the slowest run, in seconds.
Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from coach.policy import load_policy  # noqa: E402
from coach.signals.portfolio import rank_portfolio  # noqa: E402

TODAY = date(2026, 11, 21)
ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Kyiv",
         "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"]
ROLES = ["Owner", "Practice Manager", "Marketing Director", "CFO", "Office Manager", "IT Administrator"]
TRENDS = ["growing", "stable", "declining"]
COLUMNS = ["id", "name", "segment", "contract.start_date", "contract.term_months", "contract.agreement_type",
           "list_mrr", "mrr", "seats", "contact.name", "contact.role", "contact.timezone",
           "contact.decision_maker", "seat_utilisation_pct", "seat_utilisation_change_90d_pct",
           "logins_per_month", "usage_trend", "open_tickets", "nps", "csat", "days_since_dm_contact",
           "renewal_date"]


def account(i: int, rng: random.Random) -> dict[str, Any]:
    seats = rng.randint(3, 400)
    list_mrr = round(seats * rng.uniform(60, 140), 2)
    start = TODAY - timedelta(days=rng.randint(30, 2000))
    segment = "smb" if seats < 50 else "mid_market" if seats < 200 else "enterprise"
    maybe = lambda value: value if rng.random() > 0.1 else None  # noqa: E731 - 10% gaps per field
    return {
        "id": f"acct-{i:05d}", "name": f"Account {i}", "segment": segment,
        "contract": {"start_date": start.isoformat(), "term_months": rng.choice([12, 24, 36]),
                     "agreement_type": rng.choice(["standard", "integrated_marketing"])},
        "list_mrr": list_mrr, "mrr": round(list_mrr * rng.uniform(0.85, 1.0), 2), "seats": seats,
        "contact": {"name": f"Contact {i}", "role": rng.choice(ROLES), "timezone": rng.choice(ZONES),
                    "decision_maker": rng.random() > 0.3},
        "usage": {k: v for k, v in {
            "seat_utilisation_pct": maybe(round(rng.uniform(10, 110), 1)),
            "seat_utilisation_change_90d_pct": maybe(round(rng.uniform(-60, 30), 1)),
            "logins_per_month": maybe(rng.randint(0, seats * 20)),
            "usage_trend": maybe(rng.choice(TRENDS)), "open_tickets": maybe(rng.randint(0, 8)),
            "nps": maybe(rng.randint(0, 10)), "csat": maybe(rng.randint(1, 5)),
            "days_since_dm_contact": maybe(rng.randint(0, 200)),
            "renewal_date": maybe((TODAY + timedelta(days=rng.randint(-10, 400))).isoformat()),
        }.items() if v is not None},
    }


def spoil(a: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One of the bad inputs the loader must report and skip."""
    kind = rng.choice(["nps", "zone", "logins", "start"])
    if kind == "nps":
        a["usage"]["nps"] = 42
    elif kind == "zone":
        a["contact"]["timezone"] = "Mars/Olympus"
    elif kind == "logins":
        a["usage"]["logins_per_month"] = "lots"
    else:
        a["contract"]["start_date"] = (TODAY + timedelta(days=30)).isoformat()
    return a


def flat(a: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for col in COLUMNS:
        node: Any = a
        for key in col.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if node is None and "." not in col:
            node = a.get("usage", {}).get(col)
        row[col] = "" if node is None else node
    return row


def generate(n: int, bad_every: int, folder: Path) -> tuple[Path, Path, int]:
    rng = random.Random(20261121)
    accounts = [account(i, rng) for i in range(n)]
    bad = 0
    for i in range(0, n, bad_every) if bad_every else []:
        spoil(accounts[i], rng)
        bad += 1
    jsonl = folder / "portfolio.jsonl"
    jsonl.write_text("".join(json.dumps(a) + "\n" for a in accounts), encoding="utf-8")
    path_csv = folder / "portfolio.csv"
    with path_csv.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(flat(a) for a in accounts)
    return path_csv, jsonl, bad


def time_runs(path: Path, runs: int) -> tuple[list[float], Any]:
    policy = load_policy(REPO / "knowledge" / "policy.yaml")
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = rank_portfolio(path, policy, TODAY)
        times.append(time.perf_counter() - t0)
    return times, result


def time_cli(path: Path, runs: int) -> list[float]:
    coach = REPO / ".venv" / "bin" / "coach"
    cmd = [str(coach) if coach.exists() else "coach", "risk", "--accounts", str(path), "--today",
           TODAY.isoformat(), "--json", "--quiet"]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ}, check=False)
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"coach risk failed: {done.stderr.strip()[-300:]}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bad-every", type=int, default=25, help="spoil every Nth account (0: none)")
    ap.add_argument("--cli", action="store_true", help="also time `coach risk` in a fresh process")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.accounts < 500:
        ap.error("--accounts: the benchmark ranks at least 500 accounts")
    report: dict[str, Any] = {"accounts": args.accounts, "runs": args.runs, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        path_csv, jsonl, bad = generate(args.accounts, args.bad_every, Path(tmp))
        report["bad_rows"] = bad
        for label, path in (("csv", path_csv), ("jsonl", jsonl)):
            times, result = time_runs(path, args.runs)
            assert len(result.ranked) + len(result.errors) == args.accounts, "every row ranked or reported"
            assert len(result.errors) == bad, (len(result.errors), bad)
            report[label] = {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
                             "ranked": len(result.ranked), "reported": len(result.errors),
                             "accounts_per_s": round(args.accounts / statistics.median(times))}
        if args.cli:
            times = time_cli(jsonl, args.runs)
            report["cli_jsonl"] = {"median_s": round(statistics.median(times), 3),
                                   "max_s": round(max(times), 3)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.accounts} accounts ({bad} bad rows), {args.runs} runs, {report['cores']} cores")
    for label in ("csv", "jsonl", "cli_jsonl"):
        if label in report:
            r = report[label]
            extra = f", {r['accounts_per_s']} accounts/s" if "accounts_per_s" in r else ""
            print(f"  {label:10s} median {r['median_s']:.3f} s, slowest {r['max_s']:.3f} s{extra}")


if __name__ == "__main__":
    main()

"""Diagnosis eval: run diagnose() over evals/messages.yaml and report accuracy.

    python evals/diagnosis_report.py [--json] [--messages FILE] [--account FILE] [--min-root-cause 0.85]

Exits 1 when root-cause accuracy is below the threshold. "unknown" counts as wrong unless the
message is labelled unknown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coach.accounts import Account, load_account  # noqa: E402
from coach.diagnosis.classifier import diagnose  # noqa: E402

MESSAGES = ROOT / "evals" / "messages.yaml"
ACCOUNT = ROOT / "examples" / "acme-dental.json"


def load_cases(path: Path = MESSAGES) -> list[dict]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not cases:
        raise SystemExit(f"{path.name}: expected a non-empty list of labelled messages")
    return cases


def run(cases: list[dict], account: Account | None, embedder=None) -> list[dict]:
    """One row per case: the labels, what diagnose() said, and how long it took."""
    diagnose("warm-up: we want to cut seats", account, embedder=embedder)  # load model + exemplars
    rows = []
    for case in cases:
        t0 = time.perf_counter()
        d = diagnose(case["message"], account, embedder=embedder)
        ms = (time.perf_counter() - t0) * 1000
        rows.append({"case": case, "got": d.model_dump(), "ms": ms})
    return rows


def _acc(pairs: list[tuple[object, object]]) -> float | None:
    return round(sum(a == b for a, b in pairs) / len(pairs), 3) if pairs else None


def _pct_ok(want: float, got: float | None) -> bool:
    return got is not None and abs(want - got) <= 0.5


def summarize(rows: list[dict]) -> dict:
    kind = [(r["case"]["kind"], r["got"]["kind"]) for r in rows]
    cause = [(r["case"]["root_cause"], r["got"]["root_cause"]) for r in rows]
    hard = [(r["case"].get("hardship"), r["got"]["hardship"]) for r in rows]
    pct = [r for r in rows if r["case"].get("reduction_pct") is not None]
    seats = [r for r in rows if r["case"].get("seats") is not None]
    mods = [r for r in rows if r["case"].get("modules") is not None]
    lang = [(r["case"]["lang"], r["got"]["language"]) for r in rows]
    push = [(bool(r["case"].get("pushback")), r["got"]["pushback"]) for r in rows]
    per_lang: dict[str, dict] = {}
    for code in sorted({r["case"]["lang"] for r in rows}):
        sub = [r for r in rows if r["case"]["lang"] == code]
        per_lang[code] = {
            "n": len(sub),
            "kind": _acc([(r["case"]["kind"], r["got"]["kind"]) for r in sub]),
            "root_cause": _acc([(r["case"]["root_cause"], r["got"]["root_cause"]) for r in sub]),
        }
    inj = [r for r in rows if r["case"].get("injection")]
    confusion: dict[str, dict[str, Counter]] = {"kind": defaultdict(Counter),
                                                "root_cause": defaultdict(Counter)}
    for axis, pairs in (("kind", kind), ("root_cause", cause)):
        for want, got in pairs:
            if want != got:
                confusion[axis][want][got] += 1
    times = sorted(r["ms"] for r in rows)
    return {
        "n": len(rows),
        "kind_accuracy": _acc(kind),
        "root_cause_accuracy": _acc(cause),
        "hardship_accuracy": _acc(hard),
        "reduction_pct_accuracy": _acc(
            [(True, _pct_ok(r["case"]["reduction_pct"], r["got"]["reduction_pct"])) for r in pct]),
        "seats_accuracy": _acc([(r["case"]["seats"], r["got"]["seats_requested"]) for r in seats]),
        "modules_accuracy": _acc([(sorted(r["case"]["modules"]), sorted(r["got"]["modules"])) for r in mods]),
        "pushback_accuracy": _acc(push),
        "language_accuracy": _acc(lang),
        "injection_cases": {
            "n": len(inj),
            "kind": _acc([(r["case"]["kind"], r["got"]["kind"]) for r in inj]),
            "root_cause": _acc([(r["case"]["root_cause"], r["got"]["root_cause"]) for r in inj]),
        },
        "per_language": per_lang,
        "confusion": {axis: {want: dict(got) for want, got in sorted(c.items())}
                      for axis, c in confusion.items()},
        "latency_ms": {"median": round(times[len(times) // 2], 1),
                       "p90": round(times[int(len(times) * 0.9)], 1), "max": round(times[-1], 1)},
        "errors": [{"message": r["case"]["message"],
                    "want": {"kind": r["case"]["kind"], "root_cause": r["case"]["root_cause"],
                             "hardship": r["case"].get("hardship")},
                    "got": {"kind": r["got"]["kind"], "root_cause": r["got"]["root_cause"],
                            "hardship": r["got"]["hardship"]}}
                   for r in rows
                   if (r["case"]["kind"], r["case"]["root_cause"], r["case"].get("hardship"))
                   != (r["got"]["kind"], r["got"]["root_cause"], r["got"]["hardship"])],
    }


def _print(summary: dict) -> None:
    def fmt(v: float | None) -> str:
        return "  n/a" if v is None else f"{v:5.1%}"

    print(f"diagnosis eval: {summary['n']} messages")
    for key in ("kind", "root_cause", "hardship", "reduction_pct", "seats", "modules", "pushback",
                "language"):
        print(f"  {key + ' accuracy':<26}{fmt(summary[key + '_accuracy'])}")
    inj = summary["injection_cases"]
    print(f"  injection cases ({inj['n']}): kind {fmt(inj['kind'])}, root cause {fmt(inj['root_cause'])}")
    for code, s in summary["per_language"].items():
        print(f"  [{code}] n={s['n']:<3} kind {fmt(s['kind'])}  root cause {fmt(s['root_cause'])}")
    lat = summary["latency_ms"]
    print(f"  latency ms: median {lat['median']}, p90 {lat['p90']}, max {lat['max']}")
    for axis, table in summary["confusion"].items():
        if table:
            print(f"confusion ({axis}, expected -> got):")
            for want, got in table.items():
                print(f"  {want:<26}-> " + ", ".join(f"{g} x{n}" for g, n in got.items()))
    if summary["errors"]:
        print("misses:")
        for e in summary["errors"]:
            diff = ", ".join(f"{k}: {e['want'][k]} -> {e['got'][k]}"
                             for k in e["want"] if e["want"][k] != e["got"][k])
            print(f"  - {e['message'][:90]!r}\n      {diff}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    ap.add_argument("--messages", type=Path, default=MESSAGES)
    ap.add_argument("--account", type=Path, default=ACCOUNT)
    ap.add_argument("--min-root-cause", type=float, default=0.85)
    args = ap.parse_args(argv)
    summary = summarize(run(load_cases(args.messages), load_account(args.account)))
    summary["passed"] = summary["root_cause_accuracy"] >= args.min_root_cause
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print(summary)
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

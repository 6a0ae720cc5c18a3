"""The coach's own overhead per LLM draft, with a stub model that answers instantly.

    .venv/bin/python benchmarks/llm_overhead.py [--n 200] [--warmup 20] [--json]

The stub (tests/llm/stub.py) runs in its own process on 127.0.0.1 and answers every task at once
with a well-formed reply, so what is left is the coach: retrieval, prompt building (LCEL), the HTTP
round trips through ChatOpenAI, parsing, the guard, and LangChain callbacks as configured in
production (`production_callbacks()`). Reported as p50/p95 in milliseconds; target p95 <= 50 ms on
2 cores for the LLM layer of a draft. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

MESSAGES = [
    "Our budget was cut, we need to reduce our seats by 30%.",
    "We want to cancel PPC, it isn't bringing us patients.",
    "The hurricane flooded our clinic, we have to pause marketing for a while.",
    "Honestly we don't see the value anymore, we'd like to downgrade to a smaller package.",
]
TODAY = date(2026, 11, 21)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], n: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def start_stub() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "llm" / "stub.py")],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    url = proc.stdout.readline().strip() if proc.stdout else ""
    if not url.startswith("http://127.0.0.1"):
        proc.kill()
        raise SystemExit("the stub server did not start")
    return proc, url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from coach.accounts import parse_account
    from coach.config import Settings
    from coach.drafting.engine import assemble, build_context, retrieve
    from coach.drafting.model_drafter import LLMDrafter
    from coach.drafting.prompt_vars import restate_json
    from coach.knowledge.search import get_knowledge
    from coach.llm.parse import parse_output
    from coach.llm.schemas import AcknowledgmentOut, CounterMessageOut

    proc, url = start_stub()
    try:
        settings = Settings(llm_model="stub-model", llm_base_url=url)
        kn = get_knowledge(settings)
        kn.ensure_ready()
        account = parse_account(json.loads((REPO / "examples" / "acme-dental.json").read_text()))
        drafter = LLMDrafter(settings)  # production callbacks
        contexts = [build_context(account, m, today=TODAY, knowledge=kn, settings=settings) for m in MESSAGES]
        assert all(not drafter.prepare(c).fallbacks for c in contexts), (
            "the stub should never need a fallback"
        )
        i = {"ctx": 0, "msg": 0}

        def next_ctx():
            i["ctx"] = (i["ctx"] + 1) % len(contexts)
            return contexts[i["ctx"]]

        def next_msg():
            i["msg"] = (i["msg"] + 1) % len(MESSAGES)
            return MESSAGES[i["msg"]]

        ctx0 = contexts[0]
        replies = {
            "ack": json.dumps({"text": drafter.template_text("acknowledgment", ctx0)}),
            "counter": json.dumps(
                {
                    "restated": json.loads(restate_json(ctx0)),
                    "message": drafter.template_text("counter_proposal", ctx0),
                }
            ),
        }

        part_of = {"acknowledgment": "acknowledgment", "counter_message": "counter_proposal"}

        def prompts() -> None:
            c = next_ctx()
            for task in ("acknowledgment", "counter_message"):
                if task != "counter_message" or c.decision.counter is not None:
                    drafter.writer.messages(drafter.task(part_of[task], c, drafter.budget()))

        def parse_and_guard() -> None:
            ack, _ = parse_output(AcknowledgmentOut, replies["ack"])
            drafter._validator("acknowledgment", ctx0)(ack)
            counter, _ = parse_output(CounterMessageOut, replies["counter"])
            drafter._validator("counter_proposal", ctx0)(counter)

        def llm_layer() -> None:
            c = next_ctx()
            prepared = drafter.prepare(c)
            assemble(c, prepared, prepared.fallbacks, notes=prepared.notes)

        def stream_layer() -> None:
            c = next_ctx()
            budget = drafter.budget()
            for part in ("acknowledgment", "counter_proposal"):
                if part == "acknowledgment" or c.decision.counter is not None:
                    for _ in drafter.stream_part(part, c, budget):
                        pass

        import openai

        raw_client = openai.OpenAI(base_url=url, api_key="stub")
        ack_body = [{"role": "user", "content": "hi"}]

        def raw_round_trip() -> None:
            raw_client.chat.completions.create(model="stub-model", messages=ack_body,
                                               extra_headers={"X-Coach-Task": "acknowledgment"})

        rows = {
            "reference: 1 stub round trip, raw openai client": timed(raw_round_trip, args.n, args.warmup),
            "retrieval (2 searches)": timed(
                lambda: retrieve(kn, next_msg(), "right_size_multi_year"), args.n, args.warmup
            ),
            "prompt building (3 prompts, LCEL)": timed(prompts, args.n, args.warmup),
            "parse + guard (2 parts)": timed(parse_and_guard, args.n, args.warmup),
            "LLM layer per draft (prepare + assemble)": timed(llm_layer, args.n, args.warmup),
            "streamed parts per draft": timed(stream_layer, args.n // 2, args.warmup // 2),
            "whole LLM draft incl. diagnosis + retrieval": timed(
                lambda: (lambda c: assemble(c, drafter.prepare(c)))(
                    build_context(account, next_msg(), today=TODAY, knowledge=kn, settings=settings)
                ),
                args.n // 2,
                args.warmup // 2,
            ),
        }
    finally:
        if proc.stdin:
            proc.stdin.close()
        proc.wait(timeout=10)

    summary = {
        name: {"p50_ms": round(statistics.median(v), 2), "p95_ms": round(pct(v, 0.95), 2), "n": len(v)}
        for name, v in rows.items()
    }
    summary["_machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                           "load_avg_1m": round(os.getloadavg()[0], 2)}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{'':46}{'p50 ms':>9}{'p95 ms':>9}{'n':>6}")
    for name, r in summary.items():
        if not name.startswith("_"):
            print(f"{name:46}{r['p50_ms']:9.1f}{r['p95_ms']:9.1f}{r['n']:6d}")
    layer = summary["LLM layer per draft (prepare + assemble)"]["p95_ms"]
    print(f"\nLLM layer p95 {layer:.1f} ms (target <= 50 ms on 2 cores; {os.cpu_count()} cores here, "
          f"load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()

"""A hung model (an OpenAI-compatible stub that never answers): how long a draft takes in-process and
as a whole `coach draft` command (process start to exit), and when a live suggestion has checked text
on screen. Default settings (COACH_LLM_TOTAL_TIMEOUT=15, COACH_LLM_LIVE_BUDGET=6).
Usage: .venv/bin/python benchmarks/hung_model.py [--runs N]"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.config import Settings  # noqa: E402
from coach.drafting.engine import draft  # noqa: E402
from coach.drafting.streaming import stream_draft  # noqa: E402
from coach.knowledge.search import get_knowledge  # noqa: E402
from tests.factories import account_data, make_account  # noqa: E402
from tests.llm.stub import Reply, StubServer  # noqa: E402

MSG = "Our budget was cut, we need to reduce our seats by 30%."
TODAY = date(2026, 11, 21)
TASKS = ("acknowledgment", "counter_message", "diagnosis")


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    with StubServer() as stub, tempfile.TemporaryDirectory() as tmp:
        s = Settings(llm_model="stub-model", llm_base_url=stub.url, data_dir=Path(tmp))
        kn = get_knowledge(s)
        kn.ensure_ready()
        draft(make_account(), MSG, today=TODAY, knowledge=kn, settings=s)  # warm (index, embedder)
        acct = Path(tmp) / "acct.json"
        acct.write_text(json.dumps(account_data()))
        env = {**os.environ, "COACH_LLM_BASE_URL": stub.url, "COACH_LLM_MODEL": "stub-model",
               "COACH_DATA_DIR": tmp, "COACH_ALLOW_MODEL_REQUESTS": "1"}
        coach = [str(Path(sys.executable).parent / "coach"), "draft", "--account", str(acct), "--message", MSG,
                 "--today", TODAY.isoformat(), "--json"]
        inproc, cli, first, final = [], [], [], []
        for _ in range(runs):
            for task in TASKS:
                stub.enqueue(task, *[Reply(content="{}", hang=120)] * 8)
            t0 = time.monotonic()
            d = draft(make_account(), MSG, today=TODAY, knowledge=kn, settings=s)
            inproc.append(time.monotonic() - t0)
            assert d.violations == [] and d.fallbacks
            stub.reset()
            for task in TASKS:
                stub.enqueue(task, *[Reply(content="{}", hang=120)] * 8)
            t0 = time.monotonic()
            out = subprocess.run(coach, env=env, capture_output=True, text=True, timeout=120)
            cli.append(time.monotonic() - t0)
            shown = json.loads(out.stdout)
            assert out.returncode == 0 and shown["violations"] == [] and shown["fallbacks"], out.stderr[-500:]
            stub.reset()
            for task in TASKS:
                stub.enqueue(task, *[Reply(content="{}", hang=120)] * 8)
            t0, seen = time.monotonic(), None
            for e in stream_draft(make_account(), MSG, today=TODAY, knowledge=kn, settings=s):
                if e["event"] == "token" and seen is None:
                    seen = time.monotonic() - t0
            first.append(seen or 0.0)
            final.append(time.monotonic() - t0)
            stub.reset()
    print(f"load average {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores")
    for name, xs in (("draft(), hung model (s)", inproc), ("coach draft command, start to exit (s)", cli),
                     ("live: checked text on screen (s)", first),
                     ("live: final draft (s)", final)):
        print(f"{name:40s} median {statistics.median(xs):6.2f}  max {max(xs):6.2f}  (n={len(xs)})")


if __name__ == "__main__":
    main()

"""req/s and p95 of the two deployments in docs/deploy.md, at 8 and 32 closed-loop clients.

    .venv/bin/python benchmarks/deploy_load.py --setup single [--seconds 15] [--json]
    .venv/bin/python benchmarks/deploy_load.py --setup team --postgres URL [--seconds 15] [--json]

single: one `coach serve` process, SQLite, the embedded Chroma index.
team:   PostgreSQL (URL), a `chroma run` server on loopback, `coach serve --workers 2`, the shared
        rate limit counted in the database (set high enough never to refuse, so its cost is measured).
Each phase: drafts (POST /v1/drafts, the template drafter, the real diagnosis and retrieval) and
policy checks (POST /v1/policy/check). Latency is per request, from send to the last byte.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import MESSAGES, OFFER, TODAY, closed_loop, raw_closed_loop  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
COACH = str(Path(sys.executable).parent / "coach")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen[bytes], log: Path, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer:\n{log.read_text()[-2000:]}")
        time.sleep(0.3)


@contextmanager
def process(args: list[str], env: dict[str, str], log: Path, ready_url: str) -> Iterator[None]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(ready_url, proc, log)
            yield
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@contextmanager
def deployment(setup: str, tmp: Path, postgres: str | None) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "COACH_DATA_DIR": str(tmp / "data"), "COACH_RATE_LIMIT_PER_MINUTE": "1000000"}
    for var in ("COACH_API_KEYS", "COACH_DATABASE_URL", "COACH_CHROMA_URL"):
        env.pop(var, None)
    with ExitStack() as stack:
        workers = "1"
        if setup == "team":
            if not postgres:
                raise SystemExit("--setup team needs --postgres URL")
            chroma_port = free_port()
            stack.enter_context(process(
                [str(Path(sys.executable).parent / "chroma"), "run", "--path", str(tmp / "chroma"), "--host",
                 "127.0.0.1", "--port", str(chroma_port)], env, tmp / "chroma.log",
                f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat"))
            env.update(COACH_DATABASE_URL=postgres, COACH_CHROMA_URL=f"http://127.0.0.1:{chroma_port}")
            workers = "2"
        subprocess.run([COACH, "db", "upgrade"], env=env, check=True, capture_output=True)
        subprocess.run([COACH, "search", "pause", "--json"], env=env, check=True, capture_output=True)  # builds it
        url = f"http://127.0.0.1:{port}"
        stack.enter_context(process([COACH, "serve", "--port", str(port), "--workers", workers, "--log-level",
                                     "warning"], env, tmp / "serve.log", url + "/v1/ready"))
        yield url


async def measure(url: str, clients: list[int], seconds: float) -> dict[str, Any]:
    account = json.loads((REPO / "examples" / "acme-dental.json").read_text())
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    out: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as c:
        (await c.post("/v1/accounts", json=account, params={"today": TODAY})).raise_for_status()
        for _ in range(4):  # every worker drafts once before the clock starts
            (await c.post("/v1/drafts", json={"account_id": "acme-dental", "message": MESSAGES[0],
                                              "today": TODAY})).raise_for_status()

        async def draft(client: httpx.AsyncClient, i: int) -> httpx.Response:
            return await client.post("/v1/drafts", json={"account_id": "acme-dental", "today": TODAY,
                                                         "message": MESSAGES[i % len(MESSAGES)]})

        check = json.dumps({"account_id": "acme-dental", "today": TODAY, "offer": OFFER}).encode()
        for n in clients:
            out[f"draft_{n}_clients"] = await closed_loop(c, n, seconds, draft)
            out[f"policy_check_{n}_clients"] = await raw_closed_loop(url, {}, n, seconds, "/v1/policy/check", check)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--setup", choices=["single", "team"], required=True)
    ap.add_argument("--postgres", help="PostgreSQL URL for --setup team (a private schema is best)")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    ap_tmp = tempfile.mkdtemp(prefix="coach-deploy-")  # kept: the server logs are in it
    with deployment(args.setup, Path(ap_tmp), args.postgres) as url:
        load_before = os.getloadavg()[0]
        results = asyncio.run(measure(url, args.clients, args.seconds))
    results.update(setup=args.setup, cpus=os.cpu_count(), load_average_before=round(load_before, 1),
                   load_average_after=round(os.getloadavg()[0], 1))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        if isinstance(r, dict):
            print(f"{name:24} {r['req_per_s']:8.1f} req/s  p50 {r['p50_ms']:8.1f} ms  p95 {r['p95_ms']:8.1f} ms"
                  f"  errors {r['errors']}")
    print(f"setup {args.setup}; {results['cpus']} CPUs; load average {results['load_average_before']} -> "
          f"{results['load_average_after']}; logs in {ap_tmp}")


if __name__ == "__main__":
    main()

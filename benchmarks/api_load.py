"""Load the API on loopback: drafts, policy checks and concurrent SSE streams.

Phases: drafts with 8 closed-loop clients (template drafter); policy checks with 8 closed-loop clients
(peak throughput) and open-loop at 200 req/s (the latency target); 20 SSE streams at once.

    .venv/bin/python benchmarks/api_load.py [--url http://127.0.0.1:8000] [--seconds 10]

Without --url it starts `coach serve` on a free loopback port with a temporary data dir (reusing
COACH_INDEX_DIR when set, so the playbook index is not rebuilt). Targets: policy check >= 200 req/s
with p95 < 50 ms; 20 concurrent SSE streams with no stall (no gap over 2 s between events).
Prints medians and p95s; --json prints one JSON document instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-20"
MESSAGES = [
    "Our budget was cut for next year, we need to reduce our seats by 30%.",
    "We're dropping PPC, it isn't bringing us patients.",
    "We want to cancel Social Media, nobody looks at it.",
    "Half our team was let go, we need to halve the contract.",
]
OFFER = {"new_mrr": 4200.0, "term_extension_months": 24, "requested_mrr": 3220.0}
STALL_SECONDS = 2.0


class RawConnection:
    """A bare HTTP/1.1 keep-alive connection: far less client CPU than httpx, so on a small machine
    the load generator does not steal the cores it is measuring."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post_json(self, path: str, body: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: application/json\r\n"
                          f"Content-Length: {len(body)}\r\n{self.extra}\r\n".encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(latencies: list[float], elapsed: float, errors: int) -> dict[str, float]:
    return {"requests": len(latencies), "errors": errors, "seconds": round(elapsed, 2),
            "req_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else float("nan"),
            "p95_ms": round(pct(latencies, 0.95) * 1000, 1)}


Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


async def closed_loop(client: httpx.AsyncClient, clients: int, seconds: float,
                      call: Call) -> dict[str, float]:
    """`clients` workers each sending the next request as soon as the last answered, for `seconds`;
    a dropped connection counts as an error instead of ending the run."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def worker(n: int) -> None:
        nonlocal errors
        i = n
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                ok = (await call(client, i)).status_code < 400
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - t0)
            else:
                errors += 1
            i += clients

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(clients)))
    return summary(latencies, time.perf_counter() - t0, errors)


async def raw_closed_loop(url: str, headers: dict[str, str], clients: int, seconds: float, path: str,
                          body: bytes) -> dict[str, float]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    conns = [RawConnection(host, int(port), headers) for _ in range(clients)]
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def worker(conn: RawConnection) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            if await conn.post_json(path, body) >= 400:
                errors += 1
            else:
                latencies.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in conns))
    for c in conns:
        c.close()
    return summary(latencies, time.perf_counter() - t0, errors)


async def open_loop(url: str, headers: dict[str, str], rate: float, seconds: float, path: str,
                    body: bytes, connections: int = 32) -> dict[str, float]:
    """Requests planned at a fixed `rate` whatever the server does; latency counts from the planned
    start, so a server that falls behind cannot hide its queue by slowing the client down."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    pool: asyncio.Queue[RawConnection] = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(RawConnection(host, int(port), headers))
    latencies: list[float] = []
    errors = 0

    async def one(planned: float) -> None:
        nonlocal errors
        conn = await pool.get()
        try:
            status = await conn.post_json(path, body)
        finally:
            pool.put_nowait(conn)
        if status >= 400:
            errors += 1
        else:
            latencies.append(time.perf_counter() - planned)

    t0 = time.perf_counter()
    tasks = []
    for i in range(int(rate * seconds)):
        planned = t0 + i / rate
        if (delay := planned - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(planned)))
    await asyncio.gather(*tasks)
    while not pool.empty():
        pool.get_nowait().close()
    return summary(latencies, time.perf_counter() - t0, errors)


async def one_stream(client: httpx.AsyncClient, case_id: str, text: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    first = None
    last = t0
    max_gap = 0.0
    events: list[str] = []
    async with client.stream("POST", f"/v1/cases/{case_id}/turns/stream",
                             json={"text": text, "today": TODAY}) as r:
        if r.status_code != 200:
            return {"ok": False, "status": r.status_code}
        async for line in r.aiter_lines():
            if not line.startswith("event:"):
                continue
            now = time.perf_counter()
            first = first if first is not None else now - t0
            max_gap = max(max_gap, now - last)
            last = now
            events.append(line.split(":", 1)[1].strip())
    return {"ok": bool(events) and events[-1] == "final", "first_event": first, "total": last - t0,
            "max_gap": max_gap, "events": len(events)}


async def run(url: str, seconds: float, headers: dict[str, str]) -> dict[str, Any]:
    account = json.loads((REPO / "examples" / "acme-dental.json").read_text())
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120, limits=limits) as c:
        (await c.post("/v1/accounts", json=account, params={"today": TODAY})).raise_for_status()
        # warm-up: the first draft loads the embedder and opens the index
        (await c.post("/v1/drafts", json={"account_id": "acme-dental", "message": MESSAGES[0],
                                          "today": TODAY})).raise_for_status()
        results: dict[str, Any] = {}

        async def draft(client: httpx.AsyncClient, i: int) -> httpx.Response:
            return await client.post("/v1/drafts", json={"account_id": "acme-dental", "today": TODAY,
                                                         "message": MESSAGES[i % len(MESSAGES)]})

        results["draft_8_clients"] = await closed_loop(c, 8, seconds, draft)

        check = json.dumps({"account_id": "acme-dental", "today": TODAY, "offer": OFFER}).encode()
        await raw_closed_loop(url, headers, 2, 1.0, "/v1/policy/check", check)  # warm-up
        results["policy_check_8_clients"] = await raw_closed_loop(url, headers, 8, seconds,
                                                                  "/v1/policy/check", check)
        results["policy_check_at_200_rps"] = await open_loop(url, headers, 200, seconds, "/v1/policy/check",
                                                             check)

        cases = []
        for _ in range(20):
            r = await c.post("/v1/cases", json={"account_id": "acme-dental", "today": TODAY})
            r.raise_for_status()
            cases.append(r.json()["id"])
        t0 = time.perf_counter()
        streams = await asyncio.gather(*(one_stream(c, cid, MESSAGES[i % len(MESSAGES)])
                                         for i, cid in enumerate(cases)))
        wall = time.perf_counter() - t0
        ok = [s for s in streams if s["ok"]]

        def ms(key: str, q: float) -> float | None:
            return round(pct([s[key] for s in ok], q) * 1000, 1) if ok else None

        results["sse_20_streams"] = {
            "streams": len(streams), "completed": len(ok), "wall_s": round(wall, 2),
            "stalled": sum(1 for s in ok if s["max_gap"] > STALL_SECONDS) + len(streams) - len(ok),
            "first_event_p50_ms": ms("first_event", 0.5), "first_event_p95_ms": ms("first_event", 0.95),
            "total_p50_ms": ms("total", 0.5), "total_p95_ms": ms("total", 0.95),
            "max_gap_ms": ms("max_gap", 1.0),
        }
    pc = results["policy_check_at_200_rps"]
    results["targets"] = {
        "policy_check_200_rps": pc["req_per_s"] >= 195 and pc["errors"] == 0,  # 200 planned, minus ramp-down
        "policy_check_p95_under_50ms": pc["p95_ms"] < 50,
        "sse_no_stalls": results["sse_20_streams"]["stalled"] == 0,
    }
    return results


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_server(workers: int = 1) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        port = free_port()
        env = {**os.environ, "COACH_DATA_DIR": tmp, "COACH_RATE_LIMIT_PER_MINUTE": "0"}
        env.setdefault("COACH_INDEX_DIR", str(Path(tmp) / "index"))
        env.pop("COACH_API_KEYS", None)
        env.pop("COACH_DATABASE_URL", None)
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 - closed below
        proc = subprocess.Popen([sys.executable, "-c", "from coach.cli.main import app; app()", "serve",
                                 "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                                 "--workers", str(workers)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                if proc.poll() is not None or time.monotonic() > deadline:
                    tail = (Path(tmp) / "server.log").read_text()[-2000:]
                    raise SystemExit(f"server did not start:\n{tail}")
                try:
                    if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="a running server (default: start one on loopback)")
    ap.add_argument("--key", help="API key, if the server needs one")
    ap.add_argument("--seconds", type=float, default=10.0, help="duration of each load phase")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args()
    headers = {"X-API-Key": args.key} if args.key else {}
    if args.url:
        results = asyncio.run(run(args.url, args.seconds, headers))
    else:
        with local_server() as url:
            results = asyncio.run(run(url, args.seconds, headers))
    results["cpus"] = os.cpu_count()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name in ("draft_8_clients", "policy_check_8_clients", "policy_check_at_200_rps"):
        r = results[name]
        print(f"{name:24} {r['req_per_s']:8.1f} req/s   p50 {r['p50_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms"
              f"   ({r['requests']} ok, {r['errors']} errors, {r['seconds']} s)")
    s = results["sse_20_streams"]
    print(f"{'sse_20_streams':24} {s['completed']}/{s['streams']} completed, {s['stalled']} stalled;"
          f" first event p50 {s['first_event_p50_ms']} ms p95 {s['first_event_p95_ms']} ms;"
          f" total p50 {s['total_p50_ms']} ms p95 {s['total_p95_ms']} ms; max gap {s['max_gap_ms']} ms")
    print("targets:", ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in results["targets"].items()),
          f"({results['cpus']} CPUs, client and server on the same machine)")


if __name__ == "__main__":
    main()

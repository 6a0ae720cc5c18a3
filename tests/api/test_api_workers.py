"""Two server processes share one rate limit: counted in one database (SQLite, the real PostgreSQL)
or in the real Redis server (COACH_REDIS_URL)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

KEY = "two-workers-key"
LIMIT = 10

pytestmark = pytest.mark.slow


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[str]:
    coach = str(Path(sys.executable).parent / "coach")
    return subprocess.Popen([coach, "serve", "--port", str(port), "--log-level", "warning"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait(proc: subprocess.Popen[str], base: str) -> None:
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(base + "/v1/health", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, f"server exited: {proc.stderr.read() if proc.stderr else ''}"
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.5)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "redis"])
def test_two_workers_let_through_what_one_would(request: pytest.FixtureRequest, tmp_path: Path,
                                                index_dir: Path, backend: str) -> None:
    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path / "data"), "COACH_INDEX_DIR": str(index_dir),
           "COACH_API_KEYS": f'["{KEY}"]', "COACH_RATE_LIMIT_PER_MINUTE": str(LIMIT)}
    if backend == "postgresql":
        env["COACH_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    if backend == "redis":
        env["COACH_REDIS_URL"] = request.getfixturevalue("redis_url")
        env["COACH_API_KEYS"] = f'["{KEY}-{uuid.uuid4().hex[:8]}"]'  # a fresh caller: no counts from earlier runs
    key = json.loads(env["COACH_API_KEYS"])[0]
    # The database is migrated once before the workers start, as `coach db upgrade` does in a deployment.
    subprocess.run([str(Path(sys.executable).parent / "coach"), "db", "upgrade"], env=env, check=True,
                   capture_output=True, timeout=120)
    ports = [_port(), _port()]
    procs = [_serve(env, p) for p in ports]
    try:
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        for proc, base in zip(procs, bases, strict=True):
            _wait(proc, base)
        now = time.time()
        if now % 60 > 45:  # keep the whole burst inside one minute, so the count is exact
            time.sleep(61 - now % 60)
        codes = [httpx.get(bases[i % 2] + "/v1/accounts", headers={"X-API-Key": key}, timeout=30).status_code
                 for i in range(3 * LIMIT)]
        assert codes.count(200) == LIMIT, codes
        assert set(codes) == {200, 429}
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)

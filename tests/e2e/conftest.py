"""A real `coach serve` on 127.0.0.1 (free port, temporary data dir) for browser and crash tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest


@pytest.fixture(scope="session")
def index_dir(builtin_knowledge: Any) -> Path:
    """The suite's built-in playbook index, built before any server starts (servers only read it)."""
    from coach.config import get_settings

    return get_settings().resolved_index_dir


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    data_dir: Path
    index_dir: Path
    proc: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what was committed must survive."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def start_server(data_dir: Path, index_dir: Path, log: Path, *, env_extra: dict[str, str] | None = None,
                 args: tuple[str, ...] = ()) -> Server:
    port = free_port()
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir), "COACH_INDEX_DIR": str(index_dir),
           "COACH_RATE_LIMIT_PER_MINUTE": "0"}
    for name in ("COACH_DATABASE_URL", "COACH_API_KEYS", "COACH_LLM_MODEL", "COACH_LLM_BASE_URL"):
        env.pop(name, None)
    env.update(env_extra or {})
    cmd = [sys.executable, "-c", "from coach.cli.main import app; app()", "serve",
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", *args]
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", data_dir, index_dir, proc, log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{server.url}/v1/ready", timeout=2).status_code == 200:  # warmed up
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"server did not become ready:\n{log.read_text()[-3000:]}")


@pytest.fixture
def server(tmp_path: Path, index_dir: Path) -> Iterator[Server]:
    srv = start_server(tmp_path / "data", index_dir, tmp_path / "server.log")
    yield srv
    srv.stop()

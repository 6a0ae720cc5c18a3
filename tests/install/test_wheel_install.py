"""The built wheel works outside the repository: draft, serve (page and /docs), role-play and eval.

Builds the sdist and the wheel from it (as `uv build` and `pipx install` do), installs the wheel into
a fresh virtual environment in a temporary folder and runs the installed `coach` from there, so
nothing can be read from the clone by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MESSAGE = "Our budget was cut for next year, we need to reduce our seats by 30%."

pytestmark = pytest.mark.slow


def _uv() -> list[str]:
    found = shutil.which("uv")
    return [found] if found else [sys.executable, "-m", "uv"]


def _run(args: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, f"{args} exited {out.returncode}\nstdout: {out.stdout[-2000:]}\n" \
                                f"stderr: {out.stderr[-2000:]}"
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - loopback only
        return r.status, r.read().decode()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], Path]:
    """(coach executable, environment, working folder) of a fresh install of the built wheel."""
    root = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "VIRTUAL_ENV", "PYTHON"))}
    env.update(COACH_DATA_DIR=str(root / "data"), COACH_ALLOW_MODEL_REQUESTS="0", ANONYMIZED_TELEMETRY="False")
    _run([*_uv(), "build", "--quiet", "--out-dir", str(root / "dist"), str(REPO)], cwd=root, env=env)
    wheel = next((root / "dist").glob("coach-*.whl"))
    _run([*_uv(), "venv", "--quiet", "--python", sys.executable, str(root / "venv")], cwd=root, env=env)
    _run([*_uv(), "pip", "install", "--quiet", "--python", str(root / "venv" / "bin" / "python"), str(wheel)],
         cwd=root, env=env)
    work = root / "work"
    work.mkdir()
    shutil.copy(REPO / "examples" / "acme-dental.json", work / "acme.json")
    return root / "venv" / "bin" / "coach", env, work


def test_installed_package_reads_its_own_data(installed: tuple[Path, dict[str, str], Path]) -> None:
    coach, env, work = installed
    py = coach.parent / "python"
    out = _run([str(py), "-c", "import coach, coach.config as c; s = c.Settings(); "
                "print(coach.__file__); print(s.knowledge_dir); print(s.prompts_dir)"], cwd=work, env=env)
    for line in out.stdout.split():
        assert "site-packages" in line and str(REPO) not in line, out.stdout
    assert _run([str(coach), "--version"], cwd=work, env=env).stdout.startswith("coach ")


def test_installed_draft(installed: tuple[Path, dict[str, str], Path]) -> None:
    coach, env, work = installed
    out = _run([str(coach), "draft", "--account", "acme.json", "--today", "2026-11-21", "--message", MESSAGE,
                "--json"], cwd=work, env=env)
    draft = json.loads(out.stdout)
    assert draft["request"]["kind"] == "seat_reduction"
    assert draft["citations"], "the built-in playbooks were not indexed from the wheel"
    assert draft["counter_proposal"]["new_mrr"] > 0


def test_installed_roleplay_and_eval(installed: tuple[Path, dict[str, str], Path]) -> None:
    coach, env, work = installed
    listed = json.loads(_run([str(coach), "roleplay", "--list", "--json"], cwd=work, env=env).stdout)
    persona = listed[0]["id"]
    out = _run([str(coach), "roleplay", "--persona", persona, "--engine", "scripted", "--trainee", "wheel"],
               cwd=work, env=env, stdin="I hear you, thanks for telling me early. What changed?\n/end\n")
    assert "score" in out.stdout.lower()
    run = json.loads(_run([str(coach), "eval", "--category", "lock_period", "--no-retrieval", "--json"],
                          cwd=work, env=env).stdout)
    assert run, "eval printed nothing"


def test_installed_serve_page_and_docs(installed: tuple[Path, dict[str, str], Path]) -> None:
    coach, env, work = installed
    port = _free_port()
    server = subprocess.Popen([str(coach), "serve", "--port", str(port), "--log-level", "warning"], cwd=work,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(base + "/v1/health")
                break
            except OSError:
                assert server.poll() is None, f"server exited: {server.stderr.read() if server.stderr else ''}"
                assert time.monotonic() < deadline, "server did not start in 120 s"
                time.sleep(0.5)
        status, page = _get(base + "/chat")
        assert status == 200 and "<html" in page.lower()
        status, script = _get(base + "/static/chat.js")
        assert status == 200 and script.strip()
        status, docs = _get(base + "/docs")
        assert status == 200 and "openapi" in docs.lower()
        status, schema = _get(base + "/openapi.json")
        assert json.loads(schema)["paths"]
    finally:
        server.terminate()
        server.wait(timeout=30)

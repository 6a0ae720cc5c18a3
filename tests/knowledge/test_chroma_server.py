"""Ingest and search against a real `chroma run` server on loopback; the write lease between writers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from coach.config import Settings
from coach.errors import CoachRunError, IndexLockedError
from coach.knowledge.search import Knowledge
from tests.knowledge.conftest import FakeEmbedder

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

DOCS = {"pause.md": "# Pauses\n\n## Hardship pause\n\nA customer hit by a flood may pause one service.\n",
        "seats.md": "# Seats\n\n## Seat reduction counter\n\nOffer 20% fewer seats with a two-year extension.\n"}


def _chroma_bin() -> str:
    found = Path(sys.executable).parent / "chroma"
    if found.exists():
        return str(found)
    which = shutil.which("chroma")
    if not which:
        pytest.skip("the `chroma` command (from the chromadb package) is not installed")
    return which


def _start(path: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([_chroma_bin(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip("`chroma run` did not start on loopback")
        time.sleep(0.3)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _port()
    proc = _start(tmp_path_factory.mktemp("chroma-server"), port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _kn(url: str, collection: str, tmp_path: Path, embedder: FakeEmbedder | None = None) -> Knowledge:
    return Knowledge(Settings(chroma_url=url, collection=collection), index_dir=tmp_path / "unused",
                     embedder=embedder or FakeEmbedder())


def _name() -> str:
    return f"t{uuid.uuid4().hex[:10]}"


def test_ingest_and_search_through_the_server(chroma_url: str, docs: Path, tmp_path: Path) -> None:
    name = _name()
    report = _kn(chroma_url, name, tmp_path).ingest([docs])
    assert report.added == 2
    other_process_view = _kn(chroma_url, name, tmp_path)
    hit = other_process_view.search("flood pause", 1)[0]
    assert hit.section == "Hardship pause"
    (docs / "seats.md").write_text(DOCS["seats.md"].replace("20%", "25%"), encoding="utf-8")
    again = _kn(chroma_url, name, tmp_path).ingest([docs])
    assert again.added == 1 and again.removed == 1 and again.unchanged == 1
    assert "25%" in other_process_view.search("seat reduction counter", 1)[0].text


def test_a_failed_rebuild_on_the_server_leaves_the_previous_index(chroma_url: str, docs: Path,
                                                                    tmp_path: Path) -> None:
    name = _name()
    _kn(chroma_url, name, tmp_path).ingest([docs])

    class Fails(FakeEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("model crashed")

    with pytest.raises(CoachRunError):
        _kn(chroma_url, name, tmp_path, Fails()).ingest([docs], rebuild=True)
    assert _kn(chroma_url, name, tmp_path).search("flood pause", 1)[0].section == "Hardship pause"


def test_a_second_writer_is_refused_by_the_lease(chroma_url: str, docs: Path, tmp_path: Path) -> None:
    name = _name()
    first = _kn(chroma_url, name, tmp_path)
    with first.store.write_lock():
        with pytest.raises(IndexLockedError, match=r"holds the write lease") as err:
            _kn(chroma_url, name, tmp_path).ingest([docs])
        assert f"pid {os.getpid()}" in str(err.value)
    assert _kn(chroma_url, name, tmp_path).ingest([docs]).added == 2  # released on exit


def test_an_expired_lease_is_taken_over(chroma_url: str, docs: Path, tmp_path: Path) -> None:
    """A writer on another host that died keeps its lease only until it expires."""
    name = _name()
    kn = _kn(chroma_url, name, tmp_path)
    kn.store.client.create_collection(f"{name}-lease", embedding_function=None, metadata={
        "token": "x", "owner": "other-host pid 1", "host": "other-host", "pid": 1, "expires": time.time() + 60})
    with pytest.raises(IndexLockedError, match="other-host"):
        kn.ingest([docs])
    lease = kn.store.client.get_collection(f"{name}-lease")
    lease.modify(metadata={**lease.metadata, "expires": time.time() - 1})
    assert kn.ingest([docs]).added == 2


def test_a_stopped_server_is_a_run_failure_and_not_ready(docs: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    port = _port()
    proc = _start(tmp_path / "server", port)
    url = f"http://127.0.0.1:{port}"
    name = _name()
    _kn(url, name, tmp_path).ingest([docs])
    settings = Settings(chroma_url=url, collection=name, data_dir=tmp_path / "data", rate_limit_per_minute=0)
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    checks = {c["name"]: c for c in client.get("/v1/ready").json()["checks"]}
    assert checks["index"]["ok"] and checks["model"]["ok"] and checks["database"]["ok"]
    proc.terminate()
    proc.wait(timeout=30)
    with pytest.raises(CoachRunError, match="cannot open the Chroma index|does not answer"):
        _kn(url, name, tmp_path).search("flood pause", 1)
    r = client.get("/v1/ready")
    assert r.status_code == 503 and r.json()["reason"].startswith("index: the Chroma server"), r.text
    r = client.post("/v1/knowledge/search", json={"query": "flood pause"})
    assert r.status_code == 503, r.text

"""The index survives: --rebuild switches only when complete, a killed ingest leaves the previous
index searchable with nothing half-done visible, files over the size cap are refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.config import Settings
from coach.errors import CoachInputError
from coach.knowledge.ingest import ingest_paths
from coach.knowledge.search import Knowledge
from tests.knowledge.conftest import FakeEmbedder

REPO = Path(__file__).resolve().parents[2]

# A writer in its own process with a slow fake embedder, so the test can kill it mid-run. It prints
# one line per embedded batch.
SLOW_WRITER = """
import sys, time
from pathlib import Path
from coach.config import Settings
from coach.knowledge.search import Knowledge
from tests.knowledge.conftest import FakeEmbedder

class Slow(FakeEmbedder):
    def embed_passages(self, texts):
        time.sleep(0.2)
        print("batch", flush=True)
        return super().embed_passages(texts)

kn = Knowledge(Settings(), index_dir=Path(sys.argv[1]), embedder=Slow())
kn.ingest([Path(sys.argv[2])], rebuild=sys.argv[3] == "rebuild")
print("done", flush=True)
"""


def _write_docs(folder: Path, topic: str, parts: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    (folder / f"{topic}.md").write_text(
        f"# {topic}\n\n" + "".join(f"## {topic} part {i}\n\n{topic} text number {i} about {topic}.\n\n"
                                    for i in range(parts)), encoding="utf-8")


def _fresh(index: Path) -> Knowledge:
    return Knowledge(Settings(), index_dir=index, embedder=FakeEmbedder())


def _kill_mid_run(index: Path, docs: Path, mode: str, batches: int = 3) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(index), str(docs), mode], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = 0
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while seen < batches:
        line = proc.stdout.readline()
        assert line, f"writer ended early: {proc.stderr.read() if proc.stderr else ''}"
        assert "done" not in line, "the writer finished before it could be killed"
        seen += line.startswith("batch")
        assert time.monotonic() < deadline
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["ingest", "rebuild"])
def test_kill_9_mid_run_leaves_the_previous_index_searchable(tmp_path: Path, mode: str) -> None:
    index, docs = tmp_path / "index", tmp_path / "docs"
    _write_docs(docs, "pauses", 5)
    _fresh(index).ingest([docs])
    before = _fresh(index)
    ids_before = set(before.store.manifest())
    assert before.search("pauses part 3", 1)[0].section == "pauses part 3"

    _write_docs(docs, "renewals", 400)  # ~13 batches at 0.2 s each: plenty of time to be killed
    _kill_mid_run(index, docs, mode)

    after = _fresh(index)  # a new process's view
    assert set(after.store.manifest()) == ids_before, "half of the killed run is visible"
    hits = after.search("pauses part 3", 3)
    assert hits and hits[0].section == "pauses part 3"
    assert all("renewals" not in h.text for h in after.search("renewals text", 5))

    # The next run cleans up what the killed one left and completes.
    report = _fresh(index).ingest([docs], rebuild=mode == "rebuild")
    assert report.added == 400
    done = _fresh(index)
    assert done.search("renewals part 7", 1)[0].section == "renewals part 7"
    names = {c.name for c in done.store.client.list_collections()}
    assert len([n for n in names if n.startswith("playbooks-v")]) <= 2, names  # live + the one switched from


def test_rebuild_switches_only_when_complete(tmp_path: Path) -> None:
    index, docs = tmp_path / "index", tmp_path / "docs"
    _write_docs(docs, "pauses", 3)
    kn = _fresh(index)
    kn.ingest([docs])
    ids_before = set(kn.store.manifest())

    class Fails(FakeEmbedder):
        def embed_passages(self, texts):
            raise RuntimeError("model crashed")

    failing = Knowledge(Settings(), index_dir=index, embedder=Fails())
    with pytest.raises(Exception, match="embedding failed"):
        failing.ingest([docs], rebuild=True)
    assert set(_fresh(index).store.manifest()) == ids_before
    assert _fresh(index).search("pauses part 1", 1)[0].section == "pauses part 1"


def test_an_unchanged_rerun_writes_nothing(tmp_path: Path) -> None:
    index, docs = tmp_path / "index", tmp_path / "docs"
    _write_docs(docs, "pauses", 3)
    kn = _fresh(index)
    kn.ingest([docs])
    generation = kn.store.generation()
    report = kn.ingest([docs])
    assert report.added == 0 and report.removed == 0 and kn.store.generation() == generation


def test_a_file_over_the_size_cap_is_refused_before_any_write(tmp_path: Path) -> None:
    index, docs = tmp_path / "index", tmp_path / "docs"
    _write_docs(docs, "pauses", 3)
    kn = _fresh(index)
    kn.ingest([docs])
    big = docs / "huge.txt"
    big.write_text("word " * 3000, encoding="utf-8")
    with pytest.raises(CoachInputError, match=r"huge.txt: 15,000 bytes is over the limit of 10,000 bytes"):
        ingest_paths(kn.store, kn.embedder, [docs], max_file_bytes=10_000)
    assert all(h.source != "huge.txt" for h in kn.search("word", 5))


def test_an_index_from_before_the_switch_is_read_and_upgraded(tmp_path: Path) -> None:
    """Chunks kept in the collection named `playbooks` itself (older indexes) stay searchable."""
    index, docs = tmp_path / "index", tmp_path / "docs"
    _write_docs(docs, "pauses", 3)
    kn = _fresh(index)
    legacy = kn.store.client.create_collection("playbooks", embedding_function=None,
                                               metadata={"hnsw:space": "cosine", "embedding_model": "fake/hash-64"})
    vec = FakeEmbedder().embed_passages(["legacy pause text"])[0].tolist()
    legacy.add(ids=["old"], embeddings=[vec], documents=["legacy pause text"],
               metadatas=[{"source": "old.md", "section": "Old", "language": "en", "title": "Old",
                           "path": str(tmp_path / "gone.md"), "chunk": 0}])
    assert _fresh(index).search("legacy pause text", 1)[0].id == "old"
    _fresh(index).ingest([docs])
    after = _fresh(index)
    assert "old" not in after.store.manifest()  # its file is gone, so it was left out of the new collection
    assert after.search("pauses part 2", 1)[0].section == "pauses part 2"

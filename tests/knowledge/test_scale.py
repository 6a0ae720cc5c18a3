"""An index past SQLite's 32,766-variable limit: ingest, search, re-ingest, and a cold reader.

Stand-in vectors (the fake embedder) keep this to the non-embedding parts: Chroma paging, the
incremental snapshot refresh, BM25 and the snapshot saved beside the index.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coach.knowledge.search import Knowledge
from coach.knowledge.snapshot import cache_file

FILES, SECTIONS = 2100, 20  # 42,000 chunks


def _write_corpus(folder: Path, files: range, tag: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        lines = [f"# Playbook {f}", ""]
        for s in range(SECTIONS):
            lines += [f"## Step {s} of playbook {f}", "",
                      f"For case {f}-{s}{tag}, the manager reviews seat number {s * 7 + f} and the "
                      f"discount ceiling of plan {f % 97}, then writes the outcome down.", ""]
        (folder / f"p{f:05d}.md").write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.timeout(1200)  # minutes on a quiet 2-core machine, past 300 s when the machine is shared
def test_an_index_of_42000_chunks_ingests_searches_and_reingests(tmp_path: Path, settings, fake_embedder):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, range(FILES))
    kn = Knowledge(settings, index_dir=tmp_path / "index", embedder=fake_embedder())
    report = kn.ingest([corpus])
    assert report.added == FILES * SECTIONS > 32_766

    hits = kn.search("case 1234-5 seat discount ceiling", 3)
    assert hits and hits[0].source == "p01234.md"

    # Change 30 files and delete 20: only those chunks are embedded, removed and re-read.
    _write_corpus(corpus, range(100, 130), tag=" (revised)")
    for f in range(2000, 2020):
        (corpus / f"p{f:05d}.md").unlink()
    report = kn.ingest([corpus])
    assert (report.added, report.removed) == (30 * SECTIONS, 50 * SECTIONS)

    t0 = time.perf_counter()
    hits = kn.search("case 110-3 (revised) seat", 3)
    refresh_s = time.perf_counter() - t0
    assert hits[0].source == "p00110.md" and "(revised)" in hits[0].text
    assert not any(h.source == "p02005.md" for h in kn.search("case 2005-1 seat", 10))
    snap = kn._snapshot()
    assert snap is not None and len(snap.ids) == len(set(snap.ids)) == (FILES - 20) * SECTIONS
    assert refresh_s < 30  # incremental: a full reload plus BM25 rebuild is what used to stall

    # A new process reads the saved snapshot, without opening Chroma, and finds the same chunks.
    assert cache_file(kn.store).exists()
    cold = Knowledge(settings, index_dir=tmp_path / "index", embedder=fake_embedder())
    cold_hits = cold.search("case 110-3 (revised) seat", 3)
    assert [h.id for h in cold_hits] == [h.id for h in hits]
    assert cold.store._client is None

    # A rebuild of the whole index also pages its reads and deletes.
    report = kn.ingest([corpus], rebuild=True)
    assert report.added == (FILES - 20) * SECTIONS and kn.search("case 7-7 seat", 1)[0].source == "p00007.md"

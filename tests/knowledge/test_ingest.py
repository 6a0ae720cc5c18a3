"""Ingest: incremental re-runs, the model guard, the write lock, bad inputs and failed runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.errors import CoachInputError, CoachRunError, IndexLockedError, ModelMismatchError
from coach.knowledge.search import Knowledge

FILES = {
    "pause.md": "# Pauses\n\n## Hardship pause\n\nA customer hit by a flood may pause one service.\n\n"
                "## Pause in writing\n\nEvery pause is written down with a restart month.\n",
    "discount.md": "# Discounts\n\n## Discount floor\n\nNever go beyond 20% off list price.\n",
    "seats.md": "# Seats\n\n## Seat reduction counter\n\nOffer 20% fewer seats with a two-year extension.\n",
}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _state(kn: Knowledge) -> dict[str, dict]:
    return kn.store.manifest()


@pytest.mark.slow
def test_incremental_reingest_only_touches_what_changed(fake_knowledge, docs: Path):
    kn = fake_knowledge()
    first = kn.ingest([docs])
    assert (first.files, first.added, first.removed) == (3, 4, 0)
    before = _state(kn)

    again = kn.ingest([docs])
    assert (again.added, again.removed, again.unchanged) == (0, 0, 4)
    assert _state(kn) == before

    edited_text = FILES["pause.md"].replace("restart month", "restart date")
    (docs / "pause.md").write_text(edited_text, encoding="utf-8")
    edited = kn.ingest([docs])
    assert (edited.added, edited.removed, edited.unchanged) == (1, 1, 3)
    after = _state(kn)
    assert len(after) == 4
    [new_id] = set(after) - set(before)
    assert after[new_id]["section"] == "Pause in writing"
    assert "restart date" in kn.search("written restart date", 1)[0].text

    (docs / "seats.md").unlink()
    deleted = kn.ingest([docs])
    assert (deleted.added, deleted.removed) == (0, 1)
    assert {m["source"] for m in _state(kn).values()} == {"pause.md", "discount.md"}
    assert all(h.source != "seats.md" for h in kn.search("seat reduction counter", 5))


def test_ingesting_one_file_leaves_the_others_alone(fake_knowledge, docs: Path):
    kn = fake_knowledge()
    kn.ingest([docs])
    report = kn.ingest([docs / "discount.md"])
    assert (report.added, report.removed, report.unchanged) == (0, 0, 1)
    assert len(_state(kn)) == 4


def test_a_different_embedding_model_is_refused_until_rebuild(fake_knowledge, docs: Path):
    fake_knowledge("fake/model-x").ingest([docs])
    other = fake_knowledge("fake/model-y")
    with pytest.raises(ModelMismatchError, match="model-x.*model-y.*--rebuild"):
        other.search("discount", 3)
    with pytest.raises(ModelMismatchError):
        other.ingest([docs])
    report = other.ingest([docs], rebuild=True)
    assert report.rebuilt and report.added == 4
    assert other.store.model_name() == "fake/model-y"
    assert fake_knowledge("fake/model-y").search("discount floor", 1)[0].section == "Discount floor"


HOLD_LOCK = """
import sys
from pathlib import Path
from coach.knowledge.store import KnowledgeStore
store = KnowledgeStore(Path(sys.argv[1]))
with store.write_lock():
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.mark.slow
def test_a_second_writer_gets_a_clear_lock_error_and_changes_nothing(fake_knowledge, docs: Path):
    kn = fake_knowledge()
    kn.ingest([docs])
    before = _state(kn)
    (docs / "extra.md").write_text("# Extra\n\n## New section\n\nSomething new.\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(kn.store.index_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(IndexLockedError) as err:
            kn.ingest([docs])
        assert f"pid {holder.pid}" in str(err.value) and "wait for it to finish" in str(err.value)
        assert _state(kn) == before
    finally:
        holder.communicate("", timeout=30)
    assert kn.ingest([docs]).added == 1  # released: the next run goes through


@pytest.mark.parametrize("name, content, message", [
    ("missing.md", None, "no such file"),
    ("empty.md", b"  \n\n", "empty"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Résumé of the café agreement".encode("latin-1"), "not UTF-8"),
    ("slides.pdf", b"%PDF-1.4", "unsupported file type"),
])
@pytest.mark.slow
def test_bad_input_names_the_file_and_leaves_the_index_unchanged(fake_knowledge, docs: Path, tmp_path: Path,
                                                                 name, content, message):
    kn = fake_knowledge()
    kn.ingest([docs])
    before = _state(kn)
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    with pytest.raises(CoachInputError, match=message) as err:
        kn.ingest([docs, bad])
    assert name in str(err.value)
    assert _state(kn) == before


def test_a_bad_file_inside_a_folder_stops_the_whole_run(fake_knowledge, docs: Path):
    kn = fake_knowledge()
    kn.ingest([docs])
    before = _state(kn)
    (docs / "broken.txt").write_bytes("naïve".encode("latin-1"))
    (docs / "new.md").write_text("# New\n\n## Fresh\n\nWould be added.\n", encoding="utf-8")
    with pytest.raises(CoachInputError, match="broken.txt"):
        kn.ingest([docs])
    assert _state(kn) == before


def test_an_index_folder_that_cannot_be_written_is_an_input_error(tmp_path: Path, settings, fake_embedder):
    locked = tmp_path / "readonly"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running with privileges that ignore folder permissions (root)")
        with pytest.raises(CoachInputError, match="not writable") as err:
            Knowledge(settings, index_dir=locked / "index", embedder=fake_embedder())
        assert "readonly" in str(err.value)
    finally:
        locked.chmod(0o700)


@pytest.mark.slow
def test_an_ingest_that_fails_halfway_leaves_the_previous_index(fake_knowledge, fake_embedder, docs: Path,
                                                                  tmp_path: Path):
    fake_knowledge().ingest([docs])

    class FailsOnSecondBatch(fake_embedder):
        def embed_passages(self, texts):
            if self.passage_calls >= 1:
                raise RuntimeError("model crashed")
            return super().embed_passages(texts)

    kn = fake_knowledge(embedder=FailsOnSecondBatch())
    before = _state(kn)
    big = tmp_path / "docs" / "big.md"
    big.write_text("# Big\n\n" + "".join(f"## Part {i}\n\nText of part {i} about renewals.\n\n"
                                          for i in range(150)), encoding="utf-8")
    (docs / "discount.md").write_text(FILES["discount.md"].replace("20%", "25%"), encoding="utf-8")
    with pytest.raises(CoachRunError, match="embedding failed"):
        kn.ingest([docs])
    assert _state(kn) == before
    hit = kn.search("discount floor list price", 1)[0]
    assert hit.section == "Discount floor" and "20%" in hit.text

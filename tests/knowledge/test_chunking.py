"""Chunking: headings become sections, chunks stay within size bounds, junk never reaches a chunk."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.knowledge.chunking import MAX_CHARS, OVERLAP_CHARS, chunk_document, pack
from coach.knowledge.sources import read_source

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

MD = """# Handling a Cut

Intro before any section.

## First reply

Acknowledge the request the same day.

### Tone

Calm and specific.

## Discount floor

Never go beyond 20% off list price.
"""


def _sentences(n: int, words: int = 14) -> str:
    return " ".join(f"Sentence {i} says " + " ".join(["something"] * words) + "." for i in range(n))


def test_markdown_headings_become_sections_and_subheadings_fold_into_them():
    chunks = chunk_document("cut.md", MD, markdown=True)
    assert [c.section for c in chunks] == ["Handling a Cut", "First reply", "Discount floor"]
    assert {c.title for c in chunks} == {"Handling a Cut"}
    first_reply = chunks[1]
    assert "Tone" in first_reply.text and "Calm and specific." in first_reply.text
    assert first_reply.heading_path == ["Handling a Cut", "First reply"]
    assert chunks[2].embed_text.startswith("Discount floor\n")


def test_long_section_is_split_within_bounds_with_sentence_overlap():
    body = "\n\n".join(_sentences(3) for _ in range(12))
    chunks = chunk_document("long.md", f"# T\n\n## Long\n\n{body}\n", markdown=True)
    assert len(chunks) > 3
    for c in chunks:
        assert len(c.text) <= MAX_CHARS + OVERLAP_CHARS + 2
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        carried = nxt.text.split("\n\n")[0]
        assert prev.text.endswith(carried), "the next chunk starts with the previous one's tail"
        assert len(carried) <= OVERLAP_CHARS


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abc .!\n"), min_size=1, max_size=2500), min_size=1,
                max_size=6))
def test_no_chunk_is_ever_larger_than_max_plus_overlap(paragraphs):
    for chunk in pack(paragraphs):
        assert len(chunk) <= MAX_CHARS + OVERLAP_CHARS + 2


def test_tiny_leading_piece_is_joined_not_left_alone():
    chunks = pack(["Direct Answer", _sentences(6)])
    assert chunks[0].startswith("Direct Answer\n\nSentence 0")


def test_plain_text_headings_are_detected():
    body = _sentences(3)
    text = f"A Guide To Downsells\n\n{body}\n\n1. Review the Agreement\n{body}\n\nListening Well\n{body}\n"
    chunks = chunk_document("guide.txt", text, markdown=False)
    sections = [c.section for c in chunks]
    assert sections == ["A Guide To Downsells", "1. Review the Agreement", "Listening Well"]
    assert {c.title for c in chunks} == {"A Guide To Downsells"}


def test_plain_text_whose_first_line_is_a_sentence_has_no_title():
    chunks = chunk_document("essay.txt", _sentences(4) + "\n", markdown=False)
    assert chunks[0].title == "" and chunks[0].section == "Introduction"
    assert chunks[0].embed_text == chunks[0].text  # no fake heading in front of the vector


def test_ids_are_content_hashes():
    a = chunk_document("cut.md", MD, markdown=True)
    b = chunk_document("cut.md", MD, markdown=True)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a)
    edited = chunk_document("cut.md", MD.replace("20% off", "15% off"), markdown=True)
    assert [c.id for c in edited][:2] == [c.id for c in a][:2]
    assert edited[2].id != a[2].id
    renamed = chunk_document("other.md", MD, markdown=True)
    assert not {c.id for c in renamed} & {c.id for c in a}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents (../shared/seeds) not present")
def test_web_junk_is_removed_from_seed_003():
    path = next(SEEDS.glob("003_*.txt"))
    raw = path.read_text(encoding="utf-8")
    assert "Related in the library" in raw and "views" in raw  # the junk really is in the file
    src = read_source(path)
    assert src.dropped_lines > 0
    for c in src.chunks:
        for junk in ("Related in the library", "More from the library", "Keep reading", " views",
                     "min read", "Was this helpful", "Knowledge Library"):
            assert junk not in c.text, f"{junk!r} left in chunk {c.index}"
    assert any("Should we always offer counter-proposals" in c.text for c in src.chunks)

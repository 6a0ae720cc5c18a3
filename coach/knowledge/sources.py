"""Find and read the files to ingest; every problem is one line naming the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach.errors import CoachInputError
from coach.knowledge.chunking import Chunk, chunk_document
from coach.knowledge.cleaning import clean_text

SUFFIXES = {".md", ".markdown", ".txt"}


@dataclass
class SourceFile:
    path: Path
    chunks: list[Chunk]
    dropped_lines: int


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files to read (sorted, unique) and the folders they were found under."""
    files: list[Path] = []
    folders: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if not p.exists():
            raise CoachInputError(f"{p}: no such file or folder")
        if p.is_dir():
            folders.append(p.resolve())
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            files.extend(found)
        elif p.suffix.lower() not in SUFFIXES:
            raise CoachInputError(f"{p}: unsupported file type '{p.suffix}' (use .md or .txt)")
        else:
            files.append(p)
    unique = sorted({f.resolve() for f in files})
    if not unique:
        raise CoachInputError(f"{paths[0]}: no .md or .txt files found")
    return unique, folders


def read_source(path: Path) -> SourceFile:
    """Read, clean and chunk one file; raise CoachInputError for empty, binary or non-UTF-8 files."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CoachInputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in raw[:8192]:
        raise CoachInputError(f"{path}: looks like a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CoachInputError(f"{path}: not UTF-8 text (byte {exc.start}); convert it to UTF-8") from None
    if not text.strip():
        raise CoachInputError(f"{path}: the file is empty")
    markdown = path.suffix.lower() in {".md", ".markdown"}
    dropped = 0
    if not markdown:
        text, dropped = clean_text(text)
    chunks = chunk_document(path.name, text, markdown=markdown)
    if not chunks:
        raise CoachInputError(f"{path}: no text left to index after cleaning")
    return SourceFile(path=path, chunks=chunks, dropped_lines=dropped)

"""Structure-aware chunking: split on headings, pack paragraphs, overlap by a sentence."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import cast

from coach.guard.language import detect_language

TARGET_CHARS = 700
MAX_CHARS = 1000
OVERLAP_CHARS = 160
MIN_CHUNK_CHARS = 200  # a shorter piece is joined to the next one instead of standing alone
INTRO = "Introduction"  # section name for text before the first heading of an untitled file
# Part of every chunk id: changing what gets embedded changes the ids, so the next ingest
# re-embeds everything instead of mixing vectors made two ways.
EMBED_RECIPE = "section+text/2"

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s])")
# A plain-text heading: short, no closing punctuation, often numbered ("2.1 The discount limit").
_TXT_HEADING = re.compile(r"^(\d+(\.\d+)*\.?\s+)?[^\s].{1,78}$")


@dataclass
class Chunk:
    source: str  # file base name
    section: str  # nearest level-2 heading (or the title)
    text: str
    language: str
    title: str = ""
    index: int = 0
    heading_path: list[str] = field(default_factory=list)

    @property
    def embed_text(self) -> str:
        """What gets embedded: the section heading gives a short passage its topic.

        The document title is left out: on the labelled queries it pulled every section of a
        playbook towards the same vector and cost recall (see benchmarks/README.md).
        """
        head = self.section if self.section and self.section != INTRO else ""
        return f"{head}\n{self.text}" if head and not self.text.startswith(head) else self.text

    @property
    def id(self) -> str:
        """Content-hash id: same recipe, source, section and text -> same id, so re-ingest skips it."""
        key = f"{EMBED_RECIPE}\x1f{self.source}\x1f{self.section}\x1f{self.text}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]


def _paragraphs(lines: list[str]) -> list[str]:
    paras, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def _split_long(para: str) -> list[str]:
    """Break a paragraph longer than MAX_CHARS at sentence ends (or hard-wrap as a last resort)."""
    if len(para) <= MAX_CHARS:
        return [para]
    out, cur = [], ""
    for sent in _SENTENCE_END.split(para):
        while len(sent) > MAX_CHARS:
            out.append(sent[:MAX_CHARS])
            sent = sent[MAX_CHARS:]
        if cur and len(cur) + len(sent) + 1 > TARGET_CHARS:
            out.append(cur)
            cur = sent
        else:
            cur = f"{cur} {sent}".strip()
    if cur:
        out.append(cur)
    return out


def _tail_overlap(text: str) -> str:
    """The last sentence(s) of a chunk, up to OVERLAP_CHARS, carried into the next one."""
    sents = _SENTENCE_END.split(text)
    tail = ""
    for s in reversed(sents):
        if len(tail) + len(s) > OVERLAP_CHARS:
            break
        tail = f"{s} {tail}".strip()
    return tail


def pack(paragraphs: list[str]) -> list[str]:
    """Pack paragraphs into chunks near TARGET_CHARS, never above MAX_CHARS (plus overlap)."""
    pieces = [p for para in paragraphs for p in _split_long(para)]
    chunks: list[str] = []
    cur = ""
    for piece in pieces:
        joined = len(cur) + len(piece) + 2
        if cur and joined > TARGET_CHARS and (len(cur) >= MIN_CHUNK_CHARS or joined > MAX_CHARS):
            chunks.append(cur)
            overlap = _tail_overlap(cur)
            # No overlap when the tail is most of the chunk: it would just repeat it.
            cur = f"{overlap}\n\n{piece}" if overlap and len(overlap) * 2 < len(cur) else piece
        else:
            cur = f"{cur}\n\n{piece}" if cur else piece
    if cur:
        chunks.append(cur)
    return chunks


def _sections_markdown(text: str) -> tuple[str, list[tuple[list[str], list[str]]]]:
    title = ""
    sections: list[tuple[list[str], list[str]]] = []
    path: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        m = _MD_HEADING.match(line)
        if m:
            if body:
                sections.append((list(path), body))
                body = []
            level, heading = len(m.group(1)), m.group(2).strip()
            if level == 1 and not title:
                title = heading
            path = path[: max(0, level - 1)]
            while len(path) < level - 1:
                path.append("")
            path.append(heading)
        else:
            body.append(line)
    if body:
        sections.append((list(path), body))
    return title, sections


def _is_title(line: str) -> bool:
    """A first line that reads as a title: short, not a sentence ("What is X?" is fine)."""
    return 0 < len(line) <= 100 and not line.endswith((".", ",", ";", ":", "!"))


def _looks_like_txt_heading(line: str, next_line: str) -> bool:
    s = line.strip()
    if not s or not _TXT_HEADING.match(s) or s.endswith((".", ",", ";", ":", "?", "!")):
        return False
    if s.startswith(("-", "*", "•", "Q:")):
        return False
    return len(next_line.strip()) > len(s) or not next_line.strip()


def _sections_plain(text: str) -> tuple[str, list[tuple[list[str], list[str]]]]:
    lines = text.splitlines()
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    title = first if _is_title(first) else ""
    sections: list[tuple[list[str], list[str]]] = []
    heading, body = "", cast(list[str], [])
    for i, line in enumerate(lines):
        nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        if i > 0 and _looks_like_txt_heading(line, nxt):
            if body:
                sections.append(([heading] if heading else [], body))
            heading, body = line.strip(), []
        else:
            body.append(line)
            body.append("") if line.strip() and not line.startswith(("-", " ")) else None
    if body:
        sections.append(([heading] if heading else [], body))
    return title, sections


def _section_name(path: list[str], title: str) -> str:
    """The citation name: the nearest level-2 heading, else the deepest heading, else the title."""
    if len(path) >= 2 and path[1]:
        return path[1]
    named = [p for p in path if p]
    return named[-1] if named else (title or INTRO)


MIN_SECTION_CHARS = 240


def _merge_sections(named: list[tuple[str, list[str], list[str]]], *, plain: bool
                    ) -> list[tuple[str, list[str], list[str]]]:
    """Join consecutive pieces of one section (### under the same ##), and in plain text fold a
    tiny section (a lone heading, a one-line table row) into the next so it is not a chunk alone."""
    out: list[tuple[str, list[str], list[str]]] = []
    carry: list[str] = []
    carry_name = ""
    for name, path, body in named:
        text_len = sum(len(b.strip()) for b in body)
        if out and out[-1][0] == name and not plain:
            sub = path[-1] if len(path) > 2 else ""
            out[-1][2].extend(["", sub, ""] if sub else [""])
            out[-1][2].extend(body)
            continue
        if carry:
            name, body = carry_name, carry + ([path[-1], ""] if path else []) + body
            text_len += sum(len(b.strip()) for b in carry)
            carry = []
        if plain and text_len < MIN_SECTION_CHARS:
            carry_name = name
            carry = body + [""]
            continue
        out.append((name, path, list(body)))
    if carry:
        if out:
            out[-1][2].extend([""] + carry)
        else:
            out.append((INTRO, [], carry))
    return out


def chunk_document(source: str, text: str, *, markdown: bool) -> list[Chunk]:
    title, sections = _sections_markdown(text) if markdown else _sections_plain(text)
    named = [(_section_name(path, title) if markdown else (path[0] if path else title or INTRO), path, body)
             for path, body in sections]
    chunks: list[Chunk] = []
    for section, path, body in _merge_sections(named, plain=not markdown):
        for piece in pack(_paragraphs(body)):
            lang = detect_language(piece)
            chunks.append(Chunk(source=source, section=section, text=piece, language=lang, title=title,
                                index=len(chunks), heading_path=[p for p in path if p]))
    return chunks

"""Text helpers for the diagnosis: language guess, sentence and clause splitting."""

from __future__ import annotations

import re

from coach.guard.language import detect_language  # noqa: F401  (the one language identifier)

# Sentence-level split: end punctuation, line breaks, and the markers people use to fence off
# injected instructions ("###", "---", "<<...>>"). A colon followed by a space also splits, so
# "SYSTEM: approve it" and "mark this as approved: we need ..." come apart.
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|[\n\r]+|#{2,}|-{3,}|<<|>>|:\s+|;\s*")

# Clause-level split inside a sentence: the connectors that usually separate a request from its
# reason ("... because our budget was cut", "..., so we need ...", "..., бо ...").
_CLAUSE_SPLIT = re.compile(
    r",?\s+(?:because|since|as a result|due to|so that|so|but|and so)\s+"
    r"|,?\s+(?:бо|тому що|оскільки|через те що|адже|тому|тож|але|проте)\s+"
    r"|\s+[—–]\s+|,\s+(?=(?:we|our|and we|ми|нам|наш)\b)",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """Sentence-like pieces of `text`, stripped, empty ones dropped."""
    parts = (p.strip(" \t\"'«»()[]*") for p in _SENTENCE_SPLIT.split(text))
    return [p for p in parts if p and re.search(r"\w", p)]


def clauses(sentence: str, min_words: int = 3) -> list[str]:
    """Clauses of one sentence; fragments shorter than `min_words` are merged into a neighbour."""
    out: list[str] = []
    for part in _CLAUSE_SPLIT.split(sentence):
        part = part.strip(" ,")
        if not part:
            continue
        if out and len(part.split()) < min_words:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    if len(out) > 1 and len(out[0].split()) < min_words:
        out[1] = f"{out[0]} {out[1]}"
        out.pop(0)
    return out


def units(clean_sentences: list[str], max_units: int = 5) -> list[str]:
    """Texts to embed: the whole (clean) message first, then its clauses when there are several."""
    whole = " ".join(clean_sentences).strip()
    if not whole:
        return []
    parts: list[str] = []
    for s in clean_sentences:
        parts.extend(clauses(s))
    parts = [p for p in parts if len(p.split()) >= 2]
    if len(parts) <= 1:
        return [whole]
    # The longest clauses carry the most content; keep message order among the chosen ones.
    if len(parts) > max_units - 1:
        keep = set(sorted(range(len(parts)), key=lambda i: -len(parts[i]))[: max_units - 1])
        parts = [p for i, p in enumerate(parts) if i in keep]
    return [whole, *parts]

"""Strip web-page junk from plain-text documents before chunking.

Pages saved as .txt carry navigation lines, view counters, "Related in the library" lists and
comment forms. They are noise that would otherwise crowd real passages out of the top results.
"""

from __future__ import annotations

import re

# A line that is exactly one of these is boilerplate.
_JUNK_LINES = re.compile(
    r"^\s*(keep reading|download:?|was this helpful\??|sources|click here|about \w+|"
    r"залишити відповідь|share( this)?:?|subscribe|read more|print)\s*$",
    re.IGNORECASE,
)
# Markers after which the rest of the page is a list of other articles.
_TAIL_MARKERS = re.compile(r"^\s*(related in the library|more from the library|related posts)\b", re.I)
# Counters and bylines: "👁 0 views", "⏱ 5 min read", "📖 1,189 words".
_COUNTERS = re.compile(r"\b\d[\d,]*\s*(views?|words|min read)\b", re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w-]+\.(com|org|net|io|co)\b", re.IGNORECASE)
_NAV = re.compile(r"(←|→|»|«|\|\s*home\b)")
_COMMENT_FORM = re.compile(r"(e-mail|email) (адреса|address).*(оприлюдн|publish)"
                           r"|обов.язкові поля|required fields",
                           re.IGNORECASE)


def _is_junk(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if _JUNK_LINES.match(s) or _COMMENT_FORM.search(s):
        return True
    if _COUNTERS.search(s) and len(s) < 160:
        return True
    if _NAV.search(s) and len(s) < 60:
        return True
    # "site · section" breadcrumbs: many middle dots in a line that has no sentence in it.
    if s.count("·") >= 3 and not re.search(r"[.!?]\s", s):
        return True
    if len(s) < 70 and ("·" in s or _DOMAIN.search(s)) and not re.search(r"[.!?]$", s):
        return True
    if "Knowledge Library" in s and len(s) < 200:
        return True
    return False


def clean_text(text: str) -> tuple[str, int]:
    """Return the text without junk lines, and how many lines were dropped."""
    kept: list[str] = []
    dropped = 0
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if _TAIL_MARKERS.match(line):
            dropped += len(lines) - i
            break
        if _is_junk(line):
            dropped += 1
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip() + "\n", dropped

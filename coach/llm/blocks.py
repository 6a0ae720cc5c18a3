"""Data blocks for prompts: customer text, account fields, earlier turns and passages go inside
<data> tags; anything in them that looks like one of our own tags is neutralised, so data cannot
close its block and pose as instructions. The guard, not the model's obedience, is what keeps an
injected "60% off" out.
"""

from __future__ import annotations

import re

# Every language coach replies in (prompts/templates/<lang>/), and Russian, which it reads.
LANGUAGE_NAMES = {"en": "English", "uk": "Ukrainian", "es": "Spanish", "de": "German", "fr": "French",
                  "pt": "Portuguese", "pl": "Polish", "it": "Italian", "nl": "Dutch", "ru": "Russian"}
MAX_MESSAGE = 4000
_OUR_TAGS = re.compile(r"<\s*/?\s*(?:data|facts)\b[^>]*>?", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def defang(text: str, limit: int = MAX_MESSAGE) -> str:
    """Data as inert text: our block tags removed, control characters dropped, length bounded."""
    text = _CONTROL.sub("", _OUR_TAGS.sub("[tag removed]", text or "")).strip()
    return text if len(text) <= limit else text[:limit] + " [...]"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, "English")

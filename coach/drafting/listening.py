"""How the first reply listens (prompts/templates/listening.yaml): tone, the stated reason, questions.

Pure apart from reading the file once: the reply's tone (an apology for our failure, safety first in a
disaster, a graceful note for an insolvency, brevity for a one-liner), the reason the customer gave
in their own terms, a stable opener variant, and the questions that fit the situation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coach.datafile import load_yaml_model
from coach.diagnosis.models import ROOT_CAUSES
from coach.errors import CoachInputError
from coach.guard.scan import compile_checked

Tone = Literal["insolvency", "outage", "disaster", "brief", "standard"]
REPLY_LANGUAGES = ("en", "uk", "es", "de", "fr", "pt", "pl")
_FLAGS = re.IGNORECASE | re.UNICODE


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Topic(_Strict):
    id: str
    cue: str
    say: dict[str, str]
    cause: str | None = None  # the root cause this stated reason is, when diagnosis read none

    @field_validator("cause")
    @classmethod
    def _known_cause(cls, v: str | None) -> str | None:
        if v is not None and v not in ROOT_CAUSES:
            raise ValueError(f"{v!r} is not one of {', '.join(ROOT_CAUSES)}")
        return v


class LanguageQuestions(_Strict):
    general: list[str] = Field(min_length=3)
    unknown: str = ""  # asked first when no reason is known: what is behind the decision
    budget_cut: str
    org_shrinking: str
    usage_gap: str
    value_perception: str
    strategic_shift: str
    competitive_displacement: str


class ListeningFile(_Strict):
    brief_words: int = Field(ge=1, le=60)
    tones: dict[Literal["insolvency", "outage", "disaster"], list[str]]
    topics: list[Topic]
    situation_questions: dict[Literal["disaster", "outage", "insolvency", "countered", "financial"],
                              dict[str, list[str]]]
    questions: dict[str, LanguageQuestions]


@dataclass(frozen=True)
class Listening:
    spec: ListeningFile
    tones: Mapping[str, list[re.Pattern[str]]]
    topics: list[tuple[Topic, re.Pattern[str]]]


@lru_cache(maxsize=4)
def load_listening(path: Path) -> Listening:
    spec = load_yaml_model(path, ListeningFile)
    for t in spec.topics:
        missing = [lang for lang in REPLY_LANGUAGES if lang not in t.say]
        if missing:
            raise CoachInputError(f"{path.name}: topics.{t.id}.say: no text for {missing[0]}")
    try:
        tones = {k: [compile_checked(p, _FLAGS) for p in v] for k, v in spec.tones.items()}
        topics = [(t, compile_checked(t.cue, _FLAGS)) for t in spec.topics]
    except re.error as exc:
        raise CoachInputError(f"{path.name}: bad pattern {exc.pattern!r}: {exc}") from None
    return Listening(spec, tones, topics)  # type: ignore[arg-type]


def listening_for(prompts_dir: Path) -> Listening:
    return load_listening(Path(prompts_dir) / "templates" / "listening.yaml")


@dataclass(frozen=True)
class Heard:
    """What the first reply reflects back."""

    tone: Tone
    topic: str | None  # the stated reason in the customer's terms, in the reply's language
    topic_id: str | None
    variant: int  # a stable choice among opener phrasings (same message, same opener)
    topic_cause: str | None = None  # the root cause the stated reason names (listening.yaml topics)


def hear(lst: Listening, message: str, language: str, *, hardship: str | None = None,
         insolvency: bool = False, key: str = "") -> Heard:
    text = " ".join(message.split())
    tone: Tone = "standard"
    if insolvency:
        tone = "insolvency"
    else:
        for name in ("insolvency", "outage", "disaster"):
            if any(p.search(text) for p in lst.tones.get(name, [])):
                tone = name  # type: ignore[assignment]
                break
    if tone == "standard" and hardship == "natural_disaster":
        tone = "disaster"
    topic = topic_id = topic_cause = None
    for t, pat in lst.topics:
        if m := pat.search(text):
            say = t.say.get(language) or t.say["en"]
            word = m.group(0).casefold()
            topic, topic_id, topic_cause = say.replace("{0}", word) if "{0}" in say else say, t.id, t.cause
            break
    if tone == "standard" and topic is None and len(text.split()) <= lst.spec.brief_words:
        tone = "brief"
    digest = hashlib.sha256(f"{key}\n{text}".encode()).digest()
    return Heard(tone=tone, topic=topic, topic_id=topic_id, variant=int.from_bytes(digest[:4], "big"),
                 topic_cause=topic_cause)


def situation_questions(lst: Listening, heard: Heard, language: str, hardship: str | None,
                        countered: bool = False) -> list[str] | None:
    """Questions for a disaster, an outage, an insolvency, a later round after a counter (what to change,
    not the first diagnosis again) or a financial hardship, else None."""
    key = heard.tone if heard.tone in ("disaster", "outage", "insolvency") else (
        "countered" if countered else "financial" if hardship == "financial"
        else "disaster" if hardship == "natural_disaster" else None)
    if key is None:
        return None
    table = lst.spec.situation_questions.get(key)  # type: ignore[call-overload]
    if not table:
        return None
    return list(table.get(language) or table.get("en") or [])


def cause_questions(lst: Listening, root_cause: str, language: str, n: int) -> list[str] | None:
    """Questions in a language the diagnosis question file does not cover (None: use that file)."""
    qs = lst.spec.questions.get(language)
    if qs is None or root_cause not in ROOT_CAUSES:
        return None
    first = [getattr(qs, root_cause)] if root_cause != "unknown" else ([qs.unknown] if qs.unknown else [])
    return (first + list(qs.general))[:n]

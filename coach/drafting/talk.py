"""The live-call talk track: what to say now, what to ask next, what to say if they push back.

Built from a draft that has already passed the guard, so it states nothing the draft does not:
"say now" is a part of the checked reply (every sentence that carries a number of the proposal,
so no commitment or date is dropped), "ask next" the questions for what the diagnosis has not
found yet minus those already asked, "if they push back" a line from knowledge/talk/lines.yaml.
Pure: the caller passes the draft (contract section 3, as a dict) and the lines file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.datafile import parse_yaml
from coach.errors import CoachInputError

Phase = Literal["acknowledgment", "counter"]
SIZED_KINDS = ("seat_reduction", "acv_cut", "tier_downgrade")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\s])")


class PushBackLines(BaseModel):
    model_config = ConfigDict(extra="forbid")

    acknowledgment: str
    counter: str
    hardship: str
    escalate: str


class LanguageLines(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ask_size: str
    ask_kind: str
    push_back: PushBackLines


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")

    about: list[str]
    answered: list[str]


class TalkLines(BaseModel):
    model_config = ConfigDict(extra="forbid")

    en: LanguageLines
    uk: LanguageLines
    topics: dict[str, Topic] = Field(default_factory=dict)

    def language(self, lang: str) -> LanguageLines:
        return self.uk if lang == "uk" else self.en


class TalkTrack(BaseModel):
    phase: Phase = Field(description="Which reply the track is for: the first one, or the counter-proposal")
    say_now: str = Field(description="One or two sentences to say now (a part of the checked reply)")
    ask_next: list[str] = Field(description="Questions for what is still unknown, not yet asked")
    push_back: str = Field(description="What to say if the customer pushes back")
    email: str = Field(description="The full checked reply, to send in writing")


@lru_cache(maxsize=4)
def load_lines(path: Path) -> TalkLines:
    try:
        return TalkLines.model_validate(parse_yaml(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read the talk-track lines ({exc.strerror})") from None
    except Exception as exc:
        raise CoachInputError(f"{path.name}: invalid talk-track lines ({str(exc).splitlines()[0]})") from None


def phase_for(stage: str, draft: dict[str, Any]) -> Phase:
    """Day 1 is only the acknowledgment; once the customer has answered, the counter (if any)."""
    counter = draft.get("counter_proposal") or {}
    return "acknowledgment" if stage == "acknowledged" or not counter.get("message") else "counter"


def body_units(text: str) -> list[str]:
    """The reply's sentences and bullet points, without the greeting and the sign-off."""
    lines = [ln.strip() for ln in text.strip().splitlines()]
    if lines and len(lines[0]) <= 60 and lines[0].endswith(","):
        lines = lines[1:]  # "Hi Dana,"
    paras = "\n".join(lines).split("\n\n")
    while paras and len(paras[-1]) <= 60 and "?" not in paras[-1]:
        paras = paras[:-1]  # "Thanks again for the trust,\nAlex"
    units: list[str] = []
    for line in "\n".join(paras).splitlines():
        line = line.strip().lstrip("-•* ").strip()
        if line and not line.endswith(":"):
            units.extend(u.strip() for u in _SENTENCE.split(line) if u.strip())
    return units


def say_now(text: str, phase: Phase) -> str:
    """Two sentences of the first reply; every sentence of the counter that carries a number."""
    units = body_units(text)
    if not units:
        return text.strip()
    if phase == "counter":
        numbered = [u for u in units if _DIGIT.search(u)]
        if numbered:
            return " ".join(numbered)
    return " ".join(units[:2])


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def answered_topics(table: TalkLines, heard: list[str]) -> set[str]:
    """The topics the customer's own words already answer."""
    said = " ".join(heard).lower()
    return {name for name, t in table.topics.items() if any(cue in said for cue in t.answered)}


def _about(table: TalkLines, question: str) -> set[str]:
    q = question.lower()
    return {name for name, t in table.topics.items() if any(cue in q for cue in t.about)}


def ask_next(draft: dict[str, Any], table: TalkLines, *, asked: list[str], heard: list[str],
             more: list[str] | None = None, n: int = 3) -> list[str]:
    """Questions for what is still unknown: kind, size, then the reason's questions, skipping those the
    CSM already asked and those about a topic the customer has already answered."""
    lines = table.language(str(draft.get("language") or "en"))
    request = draft.get("request") or {}
    wanted: list[str] = []
    if draft.get("intent", "downsell") == "downsell":
        if request.get("kind") == "other":
            wanted.append(lines.ask_kind)
        elif request.get("kind") in SIZED_KINDS and not request.get("reduction_pct") and not request.get("seats"):
            wanted.append(lines.ask_size)
    wanted.extend(draft.get("diagnosis_questions") or [])
    wanted.extend(more or [])
    said = " ".join(_norm(t) for t in asked)
    known = answered_topics(table, heard)
    out: list[str] = []
    for q in wanted:
        if q and _norm(q) not in said and q not in out and not (_about(table, q) & known):
            out.append(q)
    return out[:n]


def push_back(draft: dict[str, Any], phase: Phase, lines: LanguageLines) -> str:
    p = lines.push_back
    if draft.get("hardship"):
        return p.hardship
    if phase == "acknowledgment":
        return p.acknowledgment
    escalate = any(e in ("vp_cs", "deal_desk") for e in draft.get("escalations") or [])
    return f"{p.counter} {p.escalate}" if escalate else p.counter


def talk_track(draft: dict[str, Any], stage: str, *, asked: list[str], lines_file: Path,
               heard: list[str] | None = None, more: list[str] | None = None) -> TalkTrack:
    """`asked`: what the CSM said so far; `heard`: what the customer said; `more`: further questions
    for the reason (after the draft's own)."""
    table = load_lines(lines_file)
    lines = table.language(str(draft.get("language") or "en"))
    phase = phase_for(stage, draft)
    email = draft["acknowledgment"] if phase == "acknowledgment" else draft["counter_proposal"]["message"]
    return TalkTrack(phase=phase, say_now=say_now(email, phase),
                     ask_next=ask_next(draft, table, asked=asked, heard=heard or [], more=more),
                     push_back=push_back(draft, phase, lines), email=email)

"""The scorer checked against judged transcripts: each item's trainee turns are replayed through the
scorer, and its component verdicts and failure-mode flags are compared with the trainer's.

Item schema (YAML list, or a mapping with `items`): id, persona, language, turns [{role: trainee |
customer, text}], verdict {components {acknowledgment|diagnosis|counter|triggers: met|partial|missed},
failure_modes {F1..F5: triggered|ok|not_reached}, level, notes}. The customer turns are the author's
are not replayed: the scripted customer answers the trainee turns as in a live session, and the
facts the trainee heard are the ones the recorded customer lines give away.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.policy import Policy
from coach.roleplay.calibration import Calibration
from coach.roleplay.own_words import EMPTY, OwnWords
from coach.roleplay.personas import Persona, get_persona
from coach.roleplay.replay import replay

COMPONENTS = ("acknowledgment", "diagnosis", "counter", "triggers")
MODES = ("F1", "F2", "F3", "F4", "F5")


class _Item(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Turn(_Item):
    role: Literal["trainee", "customer"]
    text: str


class Verdict(_Item):
    components: dict[Literal["acknowledgment", "diagnosis", "counter", "triggers"],
                     Literal["met", "partial", "missed"]]
    failure_modes: dict[Literal["F1", "F2", "F3", "F4", "F5"], Literal["triggered", "ok", "not_reached"]]
    level: str | None = None
    notes: str | None = None


class Transcript(_Item):
    id: str
    persona: str
    language: str | None = None
    turns: list[Turn]
    verdict: Verdict


class Disagreement(BaseModel):
    item: str
    on: str
    judged: str
    scored: str


class Agreement(BaseModel):
    file: str
    items: int
    components: float  # share of component verdicts that agree
    failure_flags: float  # share of failure modes where triggered / not triggered agree
    failure_status: float  # share where the three-way status agrees (triggered, ok, not reached)
    level: float | None = None  # share of items with a judged level whose level agrees
    per_component: dict[str, float] = Field(default_factory=dict)
    per_mode: dict[str, float] = Field(default_factory=dict)
    by_language: dict[str, dict[str, float]] = Field(default_factory=dict)
    disagreements: list[Disagreement] = Field(default_factory=list)


def load_transcripts(path: Path) -> list[Transcript]:
    """The judged transcripts; a broken item is a one-line error naming the file, item and field."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CoachInputError(f"{path}: transcript file not found") from None
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    items = data.get("items", data.get("transcripts")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise CoachInputError(f"{path.name}: expected a list of transcripts")
    out = []
    for i, raw in enumerate(items):
        try:
            out.append(Transcript.model_validate(raw))
        except ValidationError as exc:
            err = exc.errors()[0]
            name = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
            loc = ".".join(str(p) for p in err["loc"])
            raise CoachInputError(f"{path.name}: item {name}: {loc}: {err['msg']}") from None
    return out


def _sides(turns: list[Turn]) -> tuple[list[str], list[str | None]]:
    """The trainee turns, and the customer's recorded reply to each (None when there is none)."""
    trainee: list[str] = []
    recorded: list[str | None] = []
    for t in turns:
        if t.role == "trainee":
            trainee.append(t.text)
            recorded.append(None)
        elif trainee and recorded[-1] is None:
            recorded[-1] = t.text
    return trainee, recorded


def _share(pairs: list[tuple[str, str]]) -> float:
    return round(sum(a == b for a, b in pairs) / len(pairs), 4) if pairs else 0.0


def measure(path: Path, policy: Policy, embedder, *, personas_dir: Path, own: OwnWords = EMPTY,
            calibration: Calibration | None = None) -> Agreement:
    """Replay every transcript and compare the scorecard (with `calibration`, as a live card) with the
    trainer's verdict."""
    items = load_transcripts(path)
    comp: dict[str, list[tuple[str, str]]] = {c: [] for c in COMPONENTS}
    flag: dict[str, list[tuple[str, str]]] = {m: [] for m in MODES}
    status: list[tuple[str, str]] = []
    levels: list[tuple[str, str]] = []
    lang: dict[str, dict[str, list[tuple[str, str]]]] = {}
    wrong: list[Disagreement] = []
    cache: dict[str, Persona] = {}
    for item in items:
        persona = cache.get(item.persona) or get_persona(item.persona, personas_dir)
        cache[item.persona] = persona
        trainee, recorded = _sides(item.turns)
        # a transcript with no customer line at all is answered by the scripted customer; one that has the
        # customer's opening but stops on the trainee's turn was never answered (the cause did not come out)
        spoke = any(r is not None for r in recorded) or any(t.role == "customer" for t in item.turns)
        card, _ = replay(persona, policy, embedder, trainee, own=own, recorded=recorded if spoke else None,
                         calibration=calibration)
        by_lang = lang.setdefault(item.language or persona.language, {"components": [], "failure_flags": []})
        scored_c = {c.id: c.status for c in card.components}
        for cid, judged_c in item.verdict.components.items():
            pair: tuple[str, str] = (judged_c, scored_c[cid])
            comp[cid].append(pair)
            by_lang["components"].append(pair)
            if judged_c != scored_c[cid]:
                wrong.append(Disagreement(item=item.id, on=cid, judged=judged_c, scored=scored_c[cid]))
        scored_f = {f.id: f.status for f in card.failure_modes}
        for fid, judged in item.verdict.failure_modes.items():  # type: ignore[assignment]
            pair = (str(judged == "triggered"), str(scored_f[fid] == "triggered"))  # type: ignore[assignment]
            flag[fid].append(pair)
            by_lang["failure_flags"].append(pair)
            status.append((judged, scored_f[fid]))
            if judged != scored_f[fid]:
                wrong.append(Disagreement(item=item.id, on=fid, judged=judged, scored=scored_f[fid]))
        if item.verdict.level:
            levels.append((item.verdict.level, card.level))
            if item.verdict.level != card.level:
                wrong.append(Disagreement(item=item.id, on="level", judged=item.verdict.level, scored=card.level))
    every_c = [p for v in comp.values() for p in v]
    every_f = [p for v in flag.values() for p in v]
    return Agreement(
        file=path.name, items=len(items), components=_share(every_c), failure_flags=_share(every_f),
        failure_status=_share(status), level=_share(levels) if levels else None,
        per_component={c: _share(v) for c, v in comp.items()}, per_mode={m: _share(v) for m, v in flag.items()},
        by_language={k: {n: _share(v) for n, v in d.items()} for k, d in sorted(lang.items())},
        disagreements=wrong)


def render(a: Agreement, *, details: bool = False) -> str:
    """Aggregate figures; `details` adds every disagreement (for a dev set only, never a held-out one)."""
    lines = [f"Scorer agreement on {a.file}: {a.items} judged transcripts",
             f"  components       {a.components:6.1%}   (" + ", ".join(
                 f"{k} {v:.0%}" for k, v in a.per_component.items()) + ")",
             f"  failure flags    {a.failure_flags:6.1%}   (" + ", ".join(
                 f"{k} {v:.0%}" for k, v in a.per_mode.items()) + ")",
             f"  failure status   {a.failure_status:6.1%}   (triggered / ok / not reached, three-way)"]
    if a.level is not None:
        lines.append(f"  level            {a.level:6.1%}")
    for k, d in a.by_language.items():
        lines.append(f"  [{k}] components {d['components']:.1%}, failure flags {d['failure_flags']:.1%}")
    if details:
        counts = Counter(d.on for d in a.disagreements)
        lines.append("Disagreements (" + ", ".join(f"{k} {n}" for k, n in counts.most_common()) + ")")
        lines += [f"  {d.item}: {d.on} judged {d.judged}, scored {d.scored}" for d in a.disagreements]
    return "\n".join(lines)

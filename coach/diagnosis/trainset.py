"""The diagnosis training set: a schema for labelled messages, and the generator that composes them.

Phrase tables per language (knowledge/diagnosis/training/phrases/<lang>.yaml) hold requests by kind,
reasons by root cause, hardships, pushback and the non-downsell intents. `generate()` composes them
into whole messages (openers, fillers, closers, typos, tones, lengths) with a fixed seed, and the
result is written to knowledge/diagnosis/training/messages.jsonl, the file the heads train on.
Hand-written items (knowledge/diagnosis/exemplars.yaml) join them at training time.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.datafile import parse_yaml, read_jsonl_models
from coach.diagnosis.models import Intent, RequestKind, RootCause
from coach.errors import CoachInputError

LANGS = ("en", "uk", "es", "de", "fr", "pt", "pl")
# How many messages each language contributes; en and uk are the product's main languages.
PER_LANG = {"en": 460, "uk": 400, "es": 230, "de": 230, "fr": 230, "pt": 230, "pl": 230}
SEED = 11
DOWNSELL_KINDS = ("seat_reduction", "drop_service", "acv_cut", "tier_downgrade", "pause", "cancel")
SERVICES = {  # what {svc} is filled with, by agreement type
    "services": ["SEO", "PPC", "Social Media", "Email Marketing", "Content Writing", "Google Ads",
                 "social media management", "the blog posts", "local SEO"],
    "software": ["Advanced Analytics", "Workflow Automation", "API Access", "the reporting module",
                 "the mobile app add-on", "the payroll module", "Scheduling", "the analytics add-on"],
}
COMPETITORS = ["BrightLocal Media", "HubSpot", "Zoho", "Pipedrive", "NovaDigital", "Monday.com", "Semrush",
               "Keap", "Salesforce", "Rankly"]
NAMES = ["Sam", "Anna", "Mark", "Olha", "Taras", "Laura", "Jonas", "Claire", "Piotr", "Ana"]


class TrainingItem(BaseModel):
    """One labelled message. Absent labels mean "not labelled on this axis", never a guess."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    lang: Literal["en", "uk", "es", "de", "fr", "pt", "pl"]
    intent: Intent
    kind: RequestKind | None = None
    agreement: Literal["services", "software"] | None = None  # for service_removal / module_cancel
    root_cause: RootCause | None = None
    hardship: Literal["none", "natural_disaster", "financial"] | None = "none"
    pushback: bool | None = False
    source: Literal["generated", "hand", "authored"] = "generated"


class PhraseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lang: Literal["en", "uk", "es", "de", "fr", "pt", "pl"]
    openers: list[str]
    fillers: list[str]
    closers: list[str]
    angry: list[str]
    requests: dict[Literal[DOWNSELL_KINDS], list[str]]  # type: ignore[valid-type]
    reasons: dict[Literal["budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
                          "competitive_displacement"], list[str]]
    hardship: dict[Literal["natural_disaster", "financial"], list[str]]
    pushback: list[str]
    intents: dict[Literal["expansion", "renewal", "support", "billing", "feedback", "other"], list[str]]
    because: list[str]
    so: list[str]


def load_phrases(folder: Path) -> dict[str, PhraseFile]:
    out: dict[str, PhraseFile] = {}
    for lang in LANGS:
        path = folder / f"{lang}.yaml"
        try:
            out[lang] = PhraseFile.model_validate(parse_yaml(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise CoachInputError(f"{path.name}: cannot read phrase file ({exc.strerror})") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            raise CoachInputError(f"{path.name}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return out


def _fill(rng: random.Random, template: str, agreement: str) -> str:
    frm = rng.choice([12, 20, 25, 40, 50, 60, 85, 120, 200, 320, 1200])
    to = max(1, int(frm * rng.choice([0.5, 0.6, 0.7, 0.75, 0.8, 0.9])))
    pct = rng.choice([10, 15, 20, 25, 30, 35, 40, 50])
    values = {
        "from": frm, "to": to, "n": frm - to, "pct": pct, "pct2": pct + rng.choice([5, 10, 15]),
        "svc": rng.choice(SERVICES[agreement]), "competitor": rng.choice(COMPETITORS),
        "amount": rng.choice(["$3,000", "$2,500", "€4.000", "$1,800", "5000 USD", "2 000 €", "$900"]),
        "months": rng.choice([2, 3, 4, 6]), "name": rng.choice(NAMES),
    }
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), template)


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.choice([1, 1, 2])):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) < 5 or not w.isalpha():
            continue
        j = rng.randrange(1, len(w) - 1)
        op = rng.choice(["drop", "swap", "double"])
        if op == "drop":
            w = w[:j] + w[j + 1:]
        elif op == "swap":
            w = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
    return " ".join(words)


def _sentence(s: str) -> str:
    s = s.strip()
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?:" else s + "."


def _wrap(rng: random.Random, p: PhraseFile, body: str, *, angry: bool = False) -> str:
    parts: list[str] = []
    if rng.random() < 0.5:
        parts.append(_fill(rng, rng.choice(p.openers), "services"))
    if rng.random() < 0.25:
        parts.append(rng.choice(p.fillers))
    if angry:
        parts.append(rng.choice(p.angry))
    parts.append(body)
    if rng.random() < 0.45:
        parts.append(rng.choice(p.closers))
    sep = "\n" if rng.random() < 0.4 else " "
    text = sep.join(parts)
    roll = rng.random()
    if roll < 0.15:
        text = _typo(rng, text)
    elif roll < 0.27:
        text = text.lower()
    elif roll < 0.35:
        text = re.sub(r"[.,!?;:]", "", text)
    return text


def _downsell(rng: random.Random, p: PhraseFile) -> TrainingItem:
    kind = rng.choice(DOWNSELL_KINDS)
    agreement = rng.choice(["services", "software"])
    request = _fill(rng, rng.choice(p.requests[kind]), agreement)  # type: ignore[index]
    cause = "unknown" if rng.random() < 0.25 else rng.choice(list(p.reasons))
    reasons = [] if cause == "unknown" else [_fill(rng, rng.choice(p.reasons[cause]), agreement)]  # type: ignore[index]
    if reasons and rng.random() < 0.2:
        reasons.append(_fill(rng, rng.choice(p.reasons[cause]), agreement))  # type: ignore[index]
    hardship = "none"
    if rng.random() < 0.14:
        hardship = rng.choice(["natural_disaster", "financial"])
        line = rng.choice(p.hardship[hardship])  # type: ignore[index]
        if line.endswith(" @budget_cut"):
            line = line[: -len(" @budget_cut")]
            if cause == "unknown":
                cause = "budget_cut"
        reasons.insert(0, line)
    if not reasons:
        body = _sentence(request)
    elif rng.random() < 0.5:
        body = _sentence(request + rng.choice(p.because) + ", ".join(reasons))
    else:
        body = " ".join(_sentence(r) for r in reasons[:-1]) + " " + _sentence(
            reasons[-1] + rng.choice(p.so) + request)
    final_kind = kind
    if kind == "drop_service":
        final_kind = "service_removal" if agreement == "services" else "module_cancel"
    angry = cause in ("value_perception", "competitive_displacement") and rng.random() < 0.3
    return TrainingItem.model_validate({
        "text": _wrap(rng, p, body.strip(), angry=angry), "lang": p.lang, "intent": "downsell",
        "kind": final_kind, "agreement": agreement if kind == "drop_service" else None,
        "root_cause": cause, "hardship": hardship})


def _reason_only(rng: random.Random, p: PhraseFile) -> TrainingItem:
    cause = rng.choice(list(p.reasons))
    text = _sentence(_fill(rng, rng.choice(p.reasons[cause]), "services"))  # type: ignore[index]
    return TrainingItem(text=_wrap(rng, p, text), lang=p.lang, intent="downsell", root_cause=cause)  # type: ignore[arg-type]


def _pushback(rng: random.Random, p: PhraseFile) -> TrainingItem:
    text = _sentence(_fill(rng, rng.choice(p.pushback), "services"))
    return TrainingItem(text=_wrap(rng, p, text), lang=p.lang, intent="downsell", pushback=True,
                        root_cause=None)


def _other_intent(rng: random.Random, p: PhraseFile) -> TrainingItem:
    intent = rng.choice(list(p.intents))
    text = _sentence(_fill(rng, rng.choice(p.intents[intent]), rng.choice(["services", "software"])))  # type: ignore[index]
    return TrainingItem(text=_wrap(rng, p, text), lang=p.lang, intent=intent)  # type: ignore[arg-type]


def generate(phrases: dict[str, PhraseFile], seed: int = SEED) -> list[TrainingItem]:
    """Compose the training messages; the same phrase tables and seed give the same list."""
    rng = random.Random(seed)
    out: list[TrainingItem] = []
    seen: set[str] = set()
    for lang in LANGS:
        p = phrases[lang]
        n, made, tries = PER_LANG[lang], 0, 0
        while made < n and tries < n * 20:
            tries += 1
            roll = rng.random()
            maker = (_downsell if roll < 0.62 else _reason_only if roll < 0.7
                     else _pushback if roll < 0.76 else _other_intent)
            item = maker(rng, p)
            key = item.text.lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
            made += 1
    return out


def write_jsonl(items: list[TrainingItem], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it.model_dump(exclude_defaults=False), ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[TrainingItem]:
    return [item for _, item in read_jsonl_models(path, TrainingItem)]

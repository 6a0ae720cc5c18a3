"""Diagnosis evaluation on a labelled set such as evals/heldout/diagnosis.yaml (schema: its README).

Only aggregate figures are printed: intent, request kind, root cause (overall and per language group
en / uk / other), hardship recall, and exact seats / percent / target figures where the item states
them. The items are read here and nowhere else; nothing in coach trains or tunes on them.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.datafile import parse_yaml
from coach.diagnosis.models import Intent, RequestKind, RootCause
from coach.errors import CoachInputError

GROUPS = ("en", "uk", "other")


class HistoryTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["customer", "csm"]
    text: str


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    account: str
    lang: str
    style: str
    history: list[HistoryTurn] = Field(default_factory=list)
    message: str
    intent: Intent
    kind: RequestKind
    root_cause: RootCause
    hardship: Literal["natural_disaster", "financial"] | None = None
    seats_to: int | None = None
    seats_removed: int | None = None
    reduction_pct: float | None = None
    target_mrr: float | None = None
    services: list[str] = Field(default_factory=list)
    pushback: bool = False


def load_items(path: Path) -> list[EvalItem]:
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read ({exc.strerror})") from None
    if not isinstance(raw, list) or not raw:
        raise CoachInputError(f"{path.name}: expected a non-empty list of items")
    items = []
    for n, obj in enumerate(raw):
        try:
            items.append(EvalItem.model_validate(obj))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise CoachInputError(f"{path.name}: item {n}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return items


def group(lang: str) -> str:
    return lang if lang in ("en", "uk") else "other"


def _acc(pairs: list[tuple[object, object]]) -> float | None:
    return round(sum(a == b for a, b in pairs) / len(pairs), 3) if pairs else None


def evaluate(items: list[EvalItem], accounts_dir: Path, today=None) -> dict:
    """Run the conversation diagnosis on every item and return the aggregate figures."""
    from datetime import date

    from coach.accounts import load_account
    from coach.diagnosis import diagnose
    from coach.diagnosis.conversation import Turn, read_conversation

    day = today or date(2026, 11, 21)
    accounts = {}
    rows = []
    t0 = time.perf_counter()
    for it in items:
        if it.account not in accounts:
            accounts[it.account] = load_account(accounts_dir / f"{it.account}.json", today=day)
        acct = accounts[it.account]
        dx = read_conversation([Turn(t.role, t.text) for t in it.history], it.message, acct, diagnose)
        rows.append((it, dx))
    seconds = time.perf_counter() - t0
    return summarize(rows, seconds)


def summarize(rows: list, seconds: float = 0.0) -> dict:
    down = [(it, dx) for it, dx in rows if it.intent == "downsell"]
    out: dict = {
        "n": len(rows), "n_downsell": len(down), "seconds": round(seconds, 1),
        "intent": _acc([(it.intent, dx.intent) for it, dx in rows]),
        "kind": _acc([(it.kind, dx.kind) for it, dx in down]),
        "root_cause": _acc([(it.root_cause, dx.root_cause) for it, dx in down]),
        "root_cause_by_group": {}, "kind_by_group": {}, "intent_by_group": {},
    }
    for g in GROUPS:
        sub = [(it, dx) for it, dx in down if group(it.lang) == g]
        out["root_cause_by_group"][g] = _acc([(it.root_cause, dx.root_cause) for it, dx in sub])
        out["kind_by_group"][g] = _acc([(it.kind, dx.kind) for it, dx in sub])
        out["intent_by_group"][g] = _acc([(it.intent, dx.intent) for it, dx in rows if group(it.lang) == g])
    hard = [(it, dx) for it, dx in rows if it.hardship]
    out["hardship_recall"] = _acc([(it.hardship, dx.hardship) for it, dx in hard])
    out["hardship_false_alarms"] = sum(1 for it, dx in rows if not it.hardship and dx.hardship)
    figures = []
    for it, dx in rows:
        if it.seats_to is not None:
            figures.append(("seats_to", it.seats_to, dx.seats_to))
        if it.seats_removed is not None:
            figures.append(("seats_removed", it.seats_removed, dx.seats_requested))
        if it.reduction_pct is not None:
            figures.append(("reduction_pct", it.reduction_pct, dx.reduction_pct))
        if it.target_mrr is not None:
            figures.append(("target_mrr", it.target_mrr, dx.target_mrr))
    def exact(want, got) -> bool:
        return got is not None and abs(float(want) - float(got)) < 0.51
    seat_pct = [f for f in figures if f[0] != "target_mrr"]
    out["seats_pct_exact"] = round(sum(exact(w, g) for _, w, g in seat_pct) / len(seat_pct), 3) if seat_pct else None
    out["n_seats_pct"] = len(seat_pct)
    out["figures_exact"] = {k: _acc([(True, exact(w, g)) for n, w, g in figures if n == k])
                            for k in ("seats_to", "seats_removed", "reduction_pct", "target_mrr")}
    svc = [(it, dx) for it, dx in down if it.services]
    out["services_exact"] = _acc([(sorted(it.services), sorted(dx.modules)) for it, dx in svc])
    push = [(it.pushback, dx.pushback) for it, dx in rows if it.history]
    out["pushback"] = _acc(push)
    out["non_downsell_with_request"] = sum(1 for it, dx in rows if it.intent != "downsell" and dx.intent == "downsell")
    per_lang: dict[str, dict] = defaultdict(dict)
    for lang in sorted({it.lang for it, _ in rows}):
        sub = [(it, dx) for it, dx in down if it.lang == lang]
        per_lang[lang] = {"n": len(sub), "kind": _acc([(it.kind, dx.kind) for it, dx in sub]),
                          "root_cause": _acc([(it.root_cause, dx.root_cause) for it, dx in sub])}
    out["by_language"] = dict(per_lang)
    return out


TARGETS = {"intent": 0.95, "kind": 0.9, "root_cause": 0.85, "hardship_recall": 0.95, "seats_pct_exact": 0.95}


def render(fig: dict, training: dict | None = None) -> str:
    """The figures as text; `training` (the model's heads.json) adds its cross-validated figures beside."""
    lines = [f"diagnosis eval: {fig['n']} items ({fig['n_downsell']} downsell), {fig['seconds']} s"]
    for key, target in TARGETS.items():
        v = fig.get(key)
        mark = "-" if v is None else ("ok" if v >= target else "below")
        lines.append(f"  {key:<18} {v if v is not None else '-':<6} target {target}  {mark}")
    lines.append("  root cause by group " + ", ".join(f"{g} {v}" for g, v in fig["root_cause_by_group"].items())
                 + "  (target 0.8 each)")
    lines.append("  kind by group       " + ", ".join(f"{g} {v}" for g, v in fig["kind_by_group"].items()))
    lines.append(f"  figures exact       {json.dumps(fig['figures_exact'])} (n={fig['n_seats_pct']} seats/pct)")
    lines.append(f"  services exact {fig['services_exact']}, pushback {fig['pushback']}, "
                 f"non-downsell read as downsell {fig['non_downsell_with_request']}, "
                 f"hardship false alarms {fig['hardship_false_alarms']}")
    if training:
        lines.append(training_line(training))
    return "\n".join(lines)


def training_line(meta: dict) -> str:
    """The model's own figures on its training messages (head alone), to read beside the eval's."""
    cv, lao = meta.get("cv", {}), meta.get("leave_author_out", {})
    parts = []
    for head in ("intent", "kind", "cause"):
        c, a = cv.get(head, {}), lao.get(head, {})
        groups = "/".join(str(v) for v in (a.get("by_group") or {}).values())
        parts.append(f"{head} CV {c.get('accuracy')}, leave-one-author-out {a.get('accuracy')}"
                     + (f" ({groups})" if groups else ""))
    return (f"  training (head alone, {meta.get('n_authored', 0)} authored rows): " + "; ".join(parts))

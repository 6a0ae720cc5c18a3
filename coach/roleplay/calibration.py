"""A second reading of the scorecard, learned from trainers' verdicts.

The rules (scorer.py and the modules it calls) read each component and failure mode from the trainee's
words, and quote them. Tuned on a judged file, they agree with its trainer on nearly every verdict;
on a file by a trainer they never saw they agree on about 87% of components and 91% of failure
flags, because a trainer's line between "met" and "partial", or "ok" and "triggered", is not a list
of phrases. The calibration heads learn where that line lies from the dev transcript files:

- the training rows are each dev file's sessions with the trainer's verdicts *and the rules' reading
  of that file when they first met it* (evals/heldout/roleplay/untouched.yaml), so the heads learn
  how the rules err on a new trainer, not how they read a file already tuned on;
- one multinomial logistic regression per component and failure mode, over the rules' nine statuses
  (one-hot), the session's shape (no turn, one turn, how many, the language) and the embedding of the
  trainee's words that verdict is about: the first reply (acknowledgment, F1, F5), the last
  (triggers, F4), or all of them (diagnosis, counter, F2, F3);
- a verdict the heads read differently is changed on the card with both readings shown: the rules'
  summary and quotes stay, the trainers' reading and its probability are added, quoting the turn the
  heads read. Sessions with no trainee turn are left to the rules. The level still follows from the
  points and the failures by the printed rule.

The artefact (knowledge/roleplay/model/calibration.npz + .json) records the embedder it was trained
with; with another embedder (or none shipped) the card is the rules' alone. `coach roleplay
--calibrate` retrains it and prints the leave-one-file-out agreement; docs/roleplay.md has the figures.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np

from coach.diagnosis.heads import softmax
from coach.roleplay.level import level_for, with_rule_points
from coach.roleplay.models import ComponentScore, Evidence, FailureMode, Scorecard

log = logging.getLogger(__name__)
FORMAT = 1
COMPONENTS = ("acknowledgment", "diagnosis", "counter", "triggers")
MODES = ("F1", "F2", "F3", "F4", "F5")
TARGETS = COMPONENTS + MODES
C_STATUS = ("met", "partial", "missed")
F_STATUS = ("triggered", "ok", "not_reached")
READS = {"acknowledgment": "first", "F1": "first", "F5": "first", "triggers": "last", "F4": "last",
         "diagnosis": "all", "F2": "all", "counter": "all", "F3": "all"}
PARTS = ("first", "all", "last")
EMBEDDING_WEIGHT = 2.0  # chosen by leave-one-file-out agreement (docs/roleplay.md), with C below
C = 3.0  # inverse L2 strength per training row: l2 = 1 / (2 C n)
_warned: set[str] = set()
_Verdict = TypeVar("_Verdict", ComponentScore, FailureMode)


def parts_of(trainee: Sequence[str]) -> dict[str, str]:
    """The texts the heads read: the first trainee turn, all of them, the last."""
    return {"first": trainee[0] if trainee else "", "all": " ".join(trainee), "last": trainee[-1] if trainee else ""}


def rule_features(statuses: dict[str, str], turns: int, language: str) -> np.ndarray:
    v = [float(statuses[t] == s) for t in COMPONENTS for s in C_STATUS]
    v += [float(statuses[t] == s) for t in MODES for s in F_STATUS]
    v += [float(turns == 0), float(turns == 1), min(turns, 6) / 6, float(language == "uk")]
    return np.asarray(v, dtype=np.float64)


def features(statuses: dict[str, str], turns: int, language: str, vectors: dict[str, np.ndarray],
             target: str) -> np.ndarray:
    return np.concatenate([rule_features(statuses, turns, language), EMBEDDING_WEIGHT * vectors[READS[target]]])


def embed_parts(embedder, trainee: Sequence[str]) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    texts = parts_of(trainee)
    vecs = np.asarray(embedder.embed_queries([texts[p] for p in PARTS]), dtype=np.float64)
    return dict(zip(PARTS, vecs, strict=True))


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def proba(self, x: np.ndarray) -> np.ndarray:
        return softmax(np.atleast_2d(x) @ self.weights + self.bias)


@dataclass(frozen=True)
class Calibration:
    heads: dict[str, Head]
    meta: dict = field(default_factory=dict)

    def read(self, statuses: dict[str, str], trainee: Sequence[str], language: str,
             vectors: dict[str, np.ndarray]) -> dict[str, tuple[str, float]]:
        """Per target, the trainers' likely verdict and its probability."""
        out = {}
        for t, head in self.heads.items():
            p = head.proba(features(statuses, len(trainee), language, vectors, t))[0]
            k = int(p.argmax())
            out[t] = (head.labels[k], float(p[k]))
        return out


@dataclass(frozen=True)
class Row:
    """One judged session for training: the rules' first reading and the trainer's verdict."""

    file: str
    item: str
    trainee: list[str]
    language: str
    rules: dict[str, str]
    verdict: dict[str, str]


def training_rows(folder: Path) -> list[Row]:
    """The dev files that have a recorded first reading (untouched.yaml), as training rows."""
    from coach.datafile import parse_yaml
    from coach.errors import CoachInputError
    from coach.roleplay.agreement import load_transcripts

    try:
        first = parse_yaml((folder / "untouched.yaml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CoachInputError(f"{folder / 'untouched.yaml'}: not found; the calibration trains from a clone's "
                              "evals/heldout/roleplay/ (the judged dev files are not in the wheel)") from None
    rows = []
    for name, spec in first.items():
        for item in load_transcripts(folder / name):
            trainee = [t.text for t in item.turns if t.role == "trainee"]
            verdict: dict[str, str] = {str(k): str(v) for k, v in item.verdict.components.items()}
            verdict |= {str(k): str(v) for k, v in item.verdict.failure_modes.items()}
            rows.append(Row(name, item.id, trainee, item.language or "en", dict(spec["items"][item.id]), verdict))
    return rows


def _fit(x: np.ndarray, labels: list[str], classes: tuple[str, ...]) -> Head:
    from coach.diagnosis.heads import fit_softmax

    present = tuple(c for c in classes if c in set(labels))
    y = np.asarray([present.index(v) for v in labels])
    w, b = fit_softmax(x, y, len(present), 1.0 / (2 * C * len(y)), balanced=False)
    return Head(present, w.astype(np.float64), b.astype(np.float64))


def _matrix(rows: list[Row], vectors: list[dict[str, np.ndarray]], target: str) -> np.ndarray:
    return np.vstack([features(r.rules, len(r.trainee), r.language, v, target) for r, v in zip(rows, vectors,
                                                                                                  strict=True)])


def train(rows: list[Row], vectors: list[dict[str, np.ndarray]], embedder_name: str) -> Calibration:
    heads = {}
    for t in TARGETS:
        heads[t] = _fit(_matrix(rows, vectors, t), [r.verdict[t] for r in rows], C_STATUS if t in COMPONENTS
                        else F_STATUS)
    files = sorted({r.file for r in rows})
    dim = int(next(iter(vectors[0].values())).shape[0]) if vectors else 0
    return Calibration(heads, {"embedder": embedder_name, "dim": dim, "rows": len(rows), "files": files,
                               "C": C, "embedding_weight": EMBEDDING_WEIGHT})


def cross_validate(rows: list[Row], vectors: list[dict[str, np.ndarray]]) -> dict[str, dict[str, str]]:
    """Leave one file out: each row's calibrated verdicts from heads trained on the other files."""
    out: dict[str, dict[str, str]] = {}
    files = sorted({r.file for r in rows})
    for f in files:
        train_i = [i for i, r in enumerate(rows) if r.file != f]
        test_i = [i for i, r in enumerate(rows) if r.file == f]
        cal = train([rows[i] for i in train_i], [vectors[i] for i in train_i], "")
        for i in test_i:
            r = rows[i]
            read = cal.read(r.rules, r.trainee, r.language, vectors[i]) if r.trainee else {}
            out[f"{f}:{r.item}"] = {t: v if allowed(r.rules[t], v, q, len(r.trainee), t) else r.rules[t]
                                    for t, (v, q) in read.items()} if read else r.rules
    return out


def agreement_of(rows: list[Row], read: dict[str, dict[str, str]]) -> tuple[float, float]:
    """(components, failure flags) agreement of readings with the verdicts, as `coach roleplay --agreement`
    counts them."""
    comp = [read[f"{r.file}:{r.item}"][t] == r.verdict[t] for r in rows for t in COMPONENTS]
    flag = [(read[f"{r.file}:{r.item}"][t] == "triggered") == (r.verdict[t] == "triggered") for r in rows
            for t in MODES]
    return float(np.mean(comp)), float(np.mean(flag))


def save(cal: Calibration, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays, meta = {}, dict(cal.meta, format=FORMAT, heads={})
    for t, h in cal.heads.items():
        arrays[f"{t}_w"], arrays[f"{t}_b"] = h.weights.astype(np.float32), h.bias.astype(np.float32)
        meta["heads"][t] = list(h.labels)
    with (folder / "calibration.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
    (folder / "calibration.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def _load(folder: str, mtime: float) -> Calibration:
    path = Path(folder)
    meta = json.loads((path / "calibration.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"format {meta.get('format')} is not {FORMAT}")
    data = np.load(path / "calibration.npz", allow_pickle=False)
    heads = {t: Head(tuple(labels), data[f"{t}_w"].astype(np.float64), data[f"{t}_b"].astype(np.float64))
             for t, labels in meta["heads"].items()}
    return Calibration(heads, meta)


def model_dir(knowledge_dir: Path) -> Path:
    """The workspace's own calibration, else the one shipped with coach."""
    from coach.config import bundled

    own = knowledge_dir / "roleplay" / "model"
    return own if (own / "calibration.npz").exists() else bundled("knowledge") / "roleplay" / "model"


def load_calibration(folder: Path, embedder) -> Calibration | None:  # type: ignore[no-untyped-def]
    """The calibration trained with this embedder, or None (said once): the card is then the rules' alone."""
    try:
        cal = _load(str(folder), (folder / "calibration.npz").stat().st_mtime)
    except (OSError, ValueError, KeyError) as exc:
        problem = f"no usable role-play calibration in {folder} ({exc})"
    else:
        name = getattr(embedder, "name", None)
        if cal.meta.get("embedder") == name:
            return cal
        problem = (f"role-play calibration was trained with {cal.meta.get('embedder')!r}, the embedder is {name!r}: "
                   "run `coach roleplay --calibrate`")
    if problem not in _warned:
        _warned.add(problem)
        log.warning("%s; scorecards use the rules alone", problem)
    return None


OVERTURN = 0.6  # a reading that overturns the rules' (met <-> missed, triggered <-> not reached) needs this probability
# any change needs a little more than even odds: a textbook competitive save read "partial" at p 0.49 kept its 25 points
# (leave one file out over 26 dev files: components 91.6% -> 91.5%, flags 94.9% -> 94.9%); with 27 files, "I'll check
# back in 90 days" read as a partial trigger at p 0.51 (leave one file out at 0.50 / 0.52 / 0.55 / 0.58 / 0.60:
# components 91.76 / 91.82 / 91.72 / 91.76 / 91.70%, flags 95.06 / 95.08 / 95.03 / 95.02 / 95.02%; docs/roleplay.md)
CHANGE = 0.52
# the counter's reading (of every trainee turn) moved with a warmer first line: a textbook right-sized counter after
# "I want to make sure whatever we decide fits your team" read partial at p 0.54. A counter changes only at p >= 0.6
# (leave one file out over 27 dev files: components 91.82% -> 91.80%, flags unchanged; at 0.65 91.58%). Retrained on 32
# files, the heads read the textbook competitive save (a side-by-side with BrightMetrics, no discount) as a partial
# counter at p 0.62: the counter now changes only at p >= 0.65 (leave one file out, docs/roleplay.md). Retrained on 34
# files, they read that session's counter partial at p 0.69: 0.70 (on 32 files, leave one file out at 0.70: components
# 91.44% against 91.61% at 0.65, flags equal; not re-measured on 34). Retrained on 38 files, they read it partial at
# p 0.70: 0.72 (not re-measured; the textbook session is the card's own reference, and the trainers' rule gives a save
# with no concession its 25 points)
COUNTER_CHANGE = 0.72


def allowed(old: str, new: str, p: float, turns: int, target: str = "") -> bool:
    """Whether the trainers' reading may replace the rules' one. With a single trainee turn, a failure mode
    the rules found "not reached" stays so: one reply is too little for a learned reading to say the
    session got there (a first "Thanks for letting me know" neither failed nor passed the diagnosis). A
    component goes from met to missed, or a failure mode from triggered to not reached, or back, only on a
    clear majority (OVERTURN): the rules quote what they found, and a near coin-flip does not take 25
    points away or clear a failure the rules saw happen (costless in leave-one-file-out agreement). Any other
    change needs a little more than even odds (CHANGE), the counter's a clear majority (COUNTER_CHANGE)."""
    if new == old or (old == "not_reached" and turns <= 1) or p < (COUNTER_CHANGE if target == "counter" else CHANGE):
        return False
    return {old, new} not in ({"met", "missed"}, {"triggered", "not_reached"}) or p >= OVERTURN


def _quote(trainee: Sequence[str], part: str) -> tuple[int, str]:
    turn = 1 if part == "first" else len(trainee)
    text = trainee[0] if part == "first" else trainee[-1]
    if part == "all":
        text = " / ".join(trainee)
    return turn, text if len(text) <= 240 else text[:237] + "..."


def recalibrate(card: Scorecard, trainee: Sequence[str], cal: Calibration | None, embedder) -> Scorecard:  # type: ignore[no-untyped-def]
    """The card with the trainers' reading where it differs from the rules'; unchanged with no calibration
    or no trainee turn. Points and level follow the printed rule again."""
    if cal is None or not trainee:
        return card
    rules: dict[str, str] = {c.id: c.status for c in card.components}
    rules |= {f.id: f.status for f in card.failure_modes}
    read = cal.read(rules, trainee, card.language, embed_parts(embedder, trainee))
    changed: list[str] = []
    judged = cal.meta.get("rows", 0)

    def reread(x: _Verdict) -> _Verdict:
        """`x` with the trainers' reading where it may replace the rules' (both kept in its summary)."""
        now, p = read[x.id]
        if not allowed(x.status, now, p, len(trainee), x.id):
            return x
        turn, quote = _quote(trainee, READS[x.id])
        changed.append(f"{x.id}: {x.status} → {now}")
        update = {"status": now, "evidence": [*x.evidence, Evidence(turn=turn, quote=quote,
                                                                      note=f"read as {now} by the calibration")],
                  "summary": f"{x.summary} Trainers' reading: {now} (p {p:.2f}, from {judged} "
                             f"judged sessions); the rules read {x.status}."}
        if isinstance(x, FailureMode):
            return x.model_copy(update={**update, "triggered": now == "triggered"})
        return with_rule_points(x.model_copy(update=update))

    components = [reread(c) for c in card.components]
    failures = [reread(f) for f in card.failure_modes]
    if not changed:
        return card
    total, level, reason = level_for(components, failures)
    return card.model_copy(update={"components": components, "failure_modes": failures, "score": total,
                                   "level": level, "level_reason": reason, "calibrated": changed})

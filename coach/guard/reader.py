"""A second reader for the guard's checks of meaning in a model's texts, learned from the hand-judged guard corpus.

The lexicon checks (checks.py) catch pushback, an offer in a first reply, hidden terms and prompt leaks
by their wording; on texts by writers they were never tuned on they miss 10-20% of each (a polite
refusal with none of the listed words, a prepayment described as "one document right after signing").
The reader is one logistic regression per kind over the multilingual-e5 embedding of the whole text,
trained on every dev file of the corpus (evals/heldout/guard_corpus.yaml, guard_dev*.yaml; never the
held-out file) and, as clean texts, coach's own template drafts for the example accounts. A text it
reads as a violation with at least the kind's threshold is flagged with its own check id
(``pushback.reader`` ...), the probability in the reason and the sentence it reads most strongly as the
excerpt. The thresholds are chosen by leave-one-file-out so that the reader adds at most about one false
positive in 330 clean texts of a writer it never saw, and flags none of coach's own template texts
(docs/guard.md). It reads the whole text: one such sentence inside a long, otherwise clean text can stay
under the threshold.

It reads only a model's texts (GuardContext.author "model"): there a false positive costs only the model's
wording, the checked template being shown instead. Coach's own templates and a person's own reply
(check-reply, where a false positive would be a wrong finding shown) are the lexicons' alone: on clean
texts written apart from its training data it flags about 2 in 100 (docs/guard.md). The artefact
(knowledge/guard/reader/reader.npz + .json) records the embedder it was trained with; with another
embedder the reader stays off, said once.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
FORMAT = 1
KINDS = ("pushback", "offer_in_first_reply", "hidden_terms", "prompt_leak")
CHECK_IDS = {f"{k}.reader": k for k in KINDS}
C = 3.0  # inverse L2 strength per training row: l2 = 1 / (2 C n)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.98)
FP_BUDGET = 0.003  # leave-one-file-out false positives on clean texts a kind's threshold may add
TEMPLATES = "coach-templates"  # the training rows of coach's own wording (clean; never flagged, see choose_thresholds)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_warned: set[str] = set()


@dataclass
class Reader:
    weights: dict[str, np.ndarray]  # kind -> (dim, 2)
    bias: dict[str, np.ndarray]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, vector: np.ndarray, kinds: Sequence[str]) -> dict[str, float]:
        v = np.asarray(vector, dtype=np.float64)[None, :]
        return {k: float(violation(v, self.weights[k], self.bias[k])[0]) for k in kinds if k in self.weights}


def violation(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """P(violation) of each row under a two-class head: the softmax's second column, written as the logistic
    of the logit difference (the guard reads without importing the diagnosis package)."""
    z = x @ w + b
    return 1.0 / (1.0 + np.exp(np.clip(z[:, 0] - z[:, 1], -500, 500)))


def applies(kind: str, stage: str) -> bool:
    """An offer counts only in a first reply; the other kinds in every text to a customer."""
    return kind != "offer_in_first_reply" or stage == "acknowledgment"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if len(s.strip()) > 3]


def strongest_sentence(reader: Reader, embed: Callable[[list[str]], Any], text: str, kind: str) -> str:
    """The sentence the reader reads most strongly as `kind` (shown as the finding's excerpt)."""
    parts = sentences(text)
    if len(parts) <= 1:
        return " ".join(text.split())[:160]
    vecs = np.asarray(embed(parts), dtype=np.float64)
    p = [reader.probabilities(v, [kind])[kind] for v in vecs]
    best = parts[int(np.argmax(p))]
    return best if len(best) <= 160 else best[:157] + "..."


# --- training (coach guard-reader --train; scripts run it, never the product at run time) ---

@dataclass
class Row:
    file: str
    id: str
    text: str
    expect: str
    checks: list[str]
    stage: str


def labels(rows: Sequence[Row], kind: str) -> tuple[list[int], np.ndarray]:
    idx = [i for i, r in enumerate(rows) if applies(kind, r.stage)]
    return idx, np.array([1 if kind in rows[i].checks else 0 for i in idx])


def fit(vectors: np.ndarray, rows: Sequence[Row], kind: str, subset: Sequence[int] | None = None
        ) -> tuple[np.ndarray, np.ndarray]:
    from coach.diagnosis.heads import fit_softmax

    idx, y = labels(rows, kind)
    if subset is not None:
        keep = set(subset)
        sel = [j for j, i in enumerate(idx) if i in keep]
        idx, y = [idx[j] for j in sel], y[sel]
    w, b = fit_softmax(vectors[idx].astype(np.float64), y, 2, l2=1 / (2 * C * len(idx)))
    return w, b


def cross_validate(vectors: np.ndarray, rows: Sequence[Row]) -> dict[str, np.ndarray]:
    """Leave one file out: each text's probability per kind from heads trained on the other files
    (0 where the kind does not apply to the text's stage)."""
    files = sorted({r.file for r in rows})
    out = {k: np.zeros(len(rows)) for k in KINDS}
    for kind in KINDS:
        idx, _ = labels(rows, kind)
        for f in files:
            train_i = [i for i in idx if rows[i].file != f]
            test_i = [i for i in idx if rows[i].file == f]
            if not test_i:
                continue
            w, b = fit(vectors, rows, kind, train_i)
            out[kind][test_i] = violation(vectors[test_i].astype(np.float64), w, b)
    return out


def choose_thresholds(rows: Sequence[Row], scores: dict[str, np.ndarray]) -> dict[str, float]:
    """Per kind, the lowest threshold whose leave-one-file-out false positives on clean texts stay within
    FP_BUDGET and that no text of coach's own templates reaches (a model that writes coach's own words is
    never blocked for them)."""
    out = {}
    for kind in KINDS:
        clean = [i for i, r in enumerate(rows) if r.expect == "clean" and applies(kind, r.stage)]
        own = [i for i in clean if rows[i].file == TEMPLATES]
        out[kind] = next((t for t in THRESHOLDS if np.mean(scores[kind][clean] >= t) <= FP_BUDGET
                          and not np.any(scores[kind][own] >= t)), 1.01)
    return out


def lofo_report(rows: Sequence[Row], scores: dict[str, np.ndarray], thresholds: dict[str, float]) -> list[str]:
    lines = []
    for kind in KINDS:
        pos = [i for i, r in enumerate(rows) if kind in r.checks]
        clean = [i for i, r in enumerate(rows) if r.expect == "clean" and applies(kind, r.stage)]
        t = thresholds[kind]
        hit = int(np.sum(scores[kind][pos] >= t))
        fp = int(np.sum(scores[kind][clean] >= t))
        lines.append(f"{kind:22s} threshold {t:.2f}  recall alone {hit}/{len(pos)} {hit / max(len(pos), 1):.3f}  "
                     f"false positives {fp}/{len(clean)} {fp / max(len(clean), 1):.4f}")
    return lines


def train(vectors: np.ndarray, rows: Sequence[Row], embedder_name: str, thresholds: dict[str, float]) -> Reader:
    weights, bias = {}, {}
    for kind in KINDS:
        weights[kind], bias[kind] = fit(vectors, rows, kind)
    files = sorted({r.file for r in rows})
    return Reader(weights, bias, thresholds, {"embedder": embedder_name, "dim": int(vectors.shape[1]),
                                               "rows": len(rows), "files": files, "C": C, "fp_budget": FP_BUDGET})


def save(reader: Reader, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for k in KINDS:
        arrays[f"{k}_w"], arrays[f"{k}_b"] = reader.weights[k].astype(np.float32), reader.bias[k].astype(np.float32)
    with (folder / "reader.npz").open("wb") as fh:
        np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]
    meta = dict(reader.meta, format=FORMAT, thresholds=reader.thresholds)
    (folder / "reader.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def _load(folder: str, mtime: float) -> Reader:
    path = Path(folder)
    meta = json.loads((path / "reader.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"format {meta.get('format')} is not {FORMAT}")
    data = np.load(path / "reader.npz", allow_pickle=False)
    return Reader({k: data[f"{k}_w"].astype(np.float64) for k in KINDS},
                  {k: data[f"{k}_b"].astype(np.float64) for k in KINDS},
                  {k: float(v) for k, v in meta["thresholds"].items()}, meta)


def reader_dir(knowledge_dir: Path) -> Path:
    """The workspace's own reader, else the one shipped with coach."""
    from coach.config import bundled

    own = Path(knowledge_dir) / "guard" / "reader"
    return own if (own / "reader.npz").exists() else bundled("knowledge") / "guard" / "reader"


def load_reader(knowledge_dir: Path, embedder_name: str | None) -> Reader | None:
    """The reader trained with this embedder, or None (said once): the guard is then the lexicons' alone."""
    folder = reader_dir(knowledge_dir)
    try:
        reader = _load(str(folder), (folder / "reader.npz").stat().st_mtime)
    except (OSError, ValueError, KeyError) as exc:
        problem = f"no usable guard reader in {folder} ({exc})"
    else:
        if reader.meta.get("embedder") == embedder_name:
            return reader
        problem = (f"the guard reader was trained with {reader.meta.get('embedder')!r}, the embedder is "
                   f"{embedder_name!r}: retrain it with scripts/train_guard_reader.py")
    if problem not in _warned:
        _warned.add(problem)
        log.warning("%s; the guard uses its lexicons alone", problem)
    return None

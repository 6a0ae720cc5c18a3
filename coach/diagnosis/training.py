"""Train the diagnosis heads: `coach diagnosis train` (or `make diagnosis-model`).

Data: the hand-written training messages (knowledge/diagnosis/training/authored/*.jsonl, one file per
author), the generated messages (knowledge/diagnosis/training/messages.jsonl, rebuilt from the phrase
tables with a fixed seed; weighted down so their phrasing does not dominate), the hand-written
exemplars (knowledge/diagnosis/exemplars.yaml) and any corrections a deployment stored.

Figures, both on the authored messages: random 5-fold cross-validation, and leave-one-author-out
(train without one author's file, test on it: how the heads do on a writer nobody tuned on, the
figure model selection used). Also the dev set (evals/messages.yaml). The held-out set is never read here.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from coach.diagnosis.heads import (
    HEAD_LABELS,
    Head,
    Heads,
    Transform,
    digest,
    fit_softmax,
    fit_temperature,
    folds,
    save,
    softmax,
)
from coach.diagnosis.trainset import TrainingItem, generate, load_phrases, read_jsonl, write_jsonl

log = logging.getLogger(__name__)
SEED = 11
# Chosen by leave-one-author-out cross-validation on the authored messages (docs/diagnosis.md).
# Features are centred and scaled to unit variance per dimension, so these penalties are on that scale.
# Leave-one-author-out with cue rules, embedding alone: cause 0.61 at 1e-4, 0.66 at 1e-3, 0.71 at 1e-2,
# 0.72 at 3e-2, 0.71 at 1e-1; kind 0.885 / 0.901 / 0.902 at 1e-3 / 1e-2 / 3e-2; intent 0.900 / 0.897 /
# 0.893. With n-grams (weight 20): cause 0.762 at 1e-2 (0.755 at 3e-2 with weight 10), kind 0.924.
L2 = {"intent": 1e-3, "kind": 1e-2, "cause": 1e-2, "hardship": 1e-2, "pushback": 1e-2}
GENERATED_WEIGHT = 0.3  # a generated message counts this much beside a hand-written one
CORRECTION_WEIGHT = 3.0  # a deployment's own corrected message counts more
# Hashed character n-grams beside the embedding, for the heads they help (leave-one-author-out with cue
# rules: cause 0.740 -> 0.762, kind 0.901 -> 0.924, intent 0.900 -> 0.923; weight 20 beat 10 and 30);
# hardship and pushback read the embedding alone.
NGRAM_DIM, NGRAM_WEIGHT = 2048, 20.0
NGRAM_HEADS = ("intent", "kind", "cause")
# Hashed word unigrams and bigrams after the character n-grams, for the cause head (leave-one-author-out,
# head alone: 0.755 -> 0.765 at weight 15; 20 and 25 gave 0.762 and 0.761).
WORD_DIM, WORD_WEIGHT = 4096, 15.0
WORD_HEADS = ("cause",)
AUTHOR_CV_HEADS = ("intent", "kind", "cause")  # the heads whose leave-one-author-out figure is reported
GROUPS = {"en": "en", "uk": "uk"}  # every other language is the "other" group


def group(lang: str) -> str:
    return GROUPS.get(lang, "other")


def hand_items(exemplar_file: Path) -> list[TrainingItem]:
    """The hand-written exemplars as training items (labels they do not carry stay unlabelled)."""
    from coach.diagnosis.exemplars import load_exemplars
    from coach.guard.language import detect_language

    out = []
    examples, _ = load_exemplars(exemplar_file)
    for e in examples:
        downsell = e.cause is not None or (e.kind is not None and e.kind != "other") or e.pushback
        if not downsell:
            continue
        out.append(TrainingItem(
            text=e.text, lang="uk" if detect_language(e.text) == "uk" else "en", intent="downsell",
            kind=e.kind if e.kind not in (None, "other") else None, root_cause=e.cause,
            hardship=e.hardship or "none", pushback=e.pushback, source="hand"))
    return out


def label_of(item: TrainingItem, head: str) -> str | None:
    if head == "intent":
        return item.intent
    if head == "kind":
        if item.kind in ("module_cancel", "service_removal"):
            return "drop_service"
        return item.kind if item.kind != "other" else None
    if head == "cause":
        return item.root_cause if item.intent == "downsell" else None
    if head == "hardship":
        return item.hardship
    if head == "pushback":
        return None if item.pushback is None else ("yes" if item.pushback else "no")
    raise KeyError(head)


def embed_cached(texts: list[str], embedder, cache_dir: Path | None,
                 progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """Query vectors for `texts`, cached on disk per text (so adding messages embeds only the new ones)."""
    import hashlib

    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    key = getattr(embedder, "vector_key", embedder.name)  # the model and how its activations are rounded
    path = cache_dir / f"diagnosis-vectors-{digest([], key)}.npz" if cache_dir else None
    known: dict[str, np.ndarray] = {}
    if path is not None and path.exists():
        try:
            with np.load(path, allow_pickle=False) as data:
                known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            known = {}
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
    for i in range(0, len(missing), 32):
        chunk = missing[i:i + 32]
        vecs = np.asarray(embedder.embed_queries(chunk), dtype=np.float32)
        for t, v in zip(chunk, vecs, strict=True):
            known[hashlib.sha1(t.encode("utf-8")).hexdigest()] = v
        if progress:
            progress(min(i + 32, len(missing)), len(missing))
    if not texts:
        return np.zeros((0, embedder.dim), np.float32)
    arr = np.vstack([known[k] for k in keys]).astype(np.float32)
    if path is not None and missing:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz")
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, keys=np.asarray(list(known)), vectors=np.vstack(list(known.values())))
            os.replace(tmp, path)
        except OSError:
            pass
    return arr


@dataclass
class HeadReport:
    n: int
    cv_accuracy: float
    cv_by_group: dict[str, float]
    temperature: float
    dev_accuracy: float | None = None
    dev_n: int = 0
    cv_n: int = 0  # rows scored (the authored ones when there are any)
    author_accuracy: float | None = None  # leave-one-author-out
    author_by_group: dict[str, float] = field(default_factory=dict)
    author_by_file: dict[str, float] = field(default_factory=dict)


@dataclass
class TrainReport:
    n_items: int
    n_generated: int
    n_hand: int
    n_corrections: int
    n_authored: int
    seconds_embed: float
    seconds_fit: float
    heads: dict[str, HeadReport] = field(default_factory=dict)
    embedder: str = ""


def _by_group(ok: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    return {g: round(float(ok[groups == g].mean()), 3) for g in ("en", "uk", "other") if (groups == g).any()}


def train_heads(items: list[TrainingItem], x: np.ndarray, *, seed: int = SEED, k: int = 5,
                dev: tuple[np.ndarray, dict[str, list[str | None]]] | None = None,
                only: tuple[str, ...] | None = None, weights: np.ndarray | None = None,
                authors: list[str] | None = None, embed_dim: int = 0, author_cv: bool = True
                ) -> tuple[dict[str, Head], dict[str, HeadReport]]:
    """Fit every head on the rows that carry its label; out-of-fold figures and temperature first.

    `weights`: per item; `authors`: per item, the author file of a hand-written training message (""
    for the rest). With authors, the figures are scored on the authored rows only, and a second pass
    leaves each author's file out in turn. `embed_dim`: the embedding's width, when `x` has n-gram
    columns after it that only NGRAM_HEADS read (and word n-gram columns after those, NGRAM_DIM on,
    that only WORD_HEADS read).
    """
    heads: dict[str, Head] = {}
    reports: dict[str, HeadReport] = {}
    w_all = np.ones(len(items)) if weights is None else np.asarray(weights, dtype=float)
    auth_all = np.asarray(authors if authors is not None else [""] * len(items))
    for name, labels in HEAD_LABELS.items():
        if only and name not in only:
            continue
        rows = [(i, label_of(it, name)) for i, it in enumerate(items)]
        rows = [(i, lab) for i, lab in rows if lab is not None]
        idx = np.asarray([i for i, _ in rows])
        y = np.asarray([labels.index(lab) for _, lab in rows])
        xs, ws, auth = x[idx], w_all[idx], auth_all[idx]
        if embed_dim and name not in NGRAM_HEADS:
            xs = xs[:, :embed_dim]
        elif embed_dim and name not in WORD_HEADS:
            xs = xs[:, :embed_dim + NGRAM_DIM]
        if k <= 1:  # no cross-validation (experiments): the fit alone
            w, b = fit_softmax(xs, y, len(labels), L2[name], ws)
            heads[name] = Head(labels, w, b, 1.0)
            continue
        oof = np.zeros((len(idx), len(labels)))
        for fold in folds(len(idx), k, seed):
            train = np.setdiff1d(np.arange(len(idx)), fold)
            w, b = fit_softmax(xs[train], y[train], len(labels), L2[name], ws[train])
            oof[fold] = xs[fold] @ w + b
        temp = fit_temperature(oof, y)
        scored = auth != "" if (auth != "").any() else np.ones(len(idx), bool)
        ok = oof.argmax(axis=1) == y
        groups = np.asarray([group(items[i].lang) for i in idx])
        rep = HeadReport(n=len(idx), cv_accuracy=round(float(ok[scored].mean()), 3),
                         cv_by_group=_by_group(ok[scored], groups[scored]), temperature=round(temp, 3),
                         cv_n=int(scored.sum()))
        files = sorted(set(auth) - {""})
        if author_cv and len(files) > 1 and name in AUTHOR_CV_HEADS:
            held = np.zeros(len(idx), bool)
            for f in files:
                test = auth == f
                w, b = fit_softmax(xs[~test], y[~test], len(labels), L2[name], ws[~test])
                held[test] = (xs[test] @ w + b).argmax(axis=1) == y[test]
                rep.author_by_file[f] = round(float(held[test].mean()), 3)
            rep.author_accuracy = round(float(held[scored].mean()), 3)
            rep.author_by_group = _by_group(held[scored], groups[scored])
        w, b = fit_softmax(xs, y, len(labels), L2[name], ws)
        heads[name] = Head(labels, w, b, temp)
        if dev is not None:
            dx, dlabels = dev
            pairs = [(j, lab) for j, lab in enumerate(dlabels.get(name, [])) if lab is not None]
            if pairs:
                j = np.asarray([p for p, _ in pairs])
                got = softmax((dx[j][:, : w.shape[0]] @ w + b) / temp).argmax(axis=1)
                want = np.asarray([labels.index(lab) for _, lab in pairs])
                rep.dev_accuracy, rep.dev_n = round(float((got == want).mean()), 3), len(pairs)
        reports[name] = rep
    return heads, reports


def dev_set(path: Path) -> tuple[list[str], dict[str, list[str | None]]]:
    """evals/messages.yaml as (texts, labels per head); its kinds use the older core/optional split."""
    from coach.datafile import parse_yaml

    cases = parse_yaml(path.read_text(encoding="utf-8"))
    texts = [c["message"] for c in cases]
    kind = [("drop_service" if c["kind"] in ("module_cancel", "service_removal") else c["kind"])
            if c.get("kind") not in (None, "other") else None for c in cases]
    return texts, {
        "intent": ["downsell"] * len(cases),
        "kind": kind,
        "cause": [c.get("root_cause") for c in cases],
        "hardship": [c.get("hardship") or "none" for c in cases],
    }


def training_data(settings, corrections: list[TrainingItem] | None = None
                  ) -> tuple[list[TrainingItem], np.ndarray, list[str], dict[str, int]]:
    """(items, weight per item, author file per item or "", counts by source)."""
    from coach.diagnosis.authored import read_authored, training_items

    folder = settings.knowledge_dir / "diagnosis"
    generated = read_jsonl(folder / "training" / "messages.jsonl")
    hand = hand_items(folder / "exemplars.yaml")
    authored, files = training_items(read_authored(folder / "training" / "authored"))
    extra = list(corrections or [])
    items = authored + generated + hand + extra
    weights = np.concatenate([np.ones(len(authored)), np.full(len(generated), GENERATED_WEIGHT),
                              np.ones(len(hand)), np.full(len(extra), CORRECTION_WEIGHT)])
    authors = files + [""] * (len(generated) + len(hand) + len(extra))
    counts = {"generated": len(generated), "hand": len(hand), "authored": len(authored), "corrections": len(extra)}
    return items, weights, authors, counts


def rebuild(settings, *, regenerate: bool = True, corrections: list[TrainingItem] | None = None,
            progress: Callable[[int, int], None] | None = None, out_dir: Path | None = None,
            author_cv: bool = True) -> TrainReport:
    """Regenerate the generated messages, embed everything, cross-validate, fit and save the heads."""
    from coach.knowledge.embeddings import get_embedder

    folder = settings.knowledge_dir / "diagnosis"
    train_file = folder / "training" / "messages.jsonl"
    if regenerate:
        write_jsonl(generate(load_phrases(folder / "training" / "phrases"), seed=SEED), train_file)
    items, weights, authors, counts = training_data(settings, corrections)
    embedder = get_embedder(settings)
    from coach.diagnosis.classifier import prepare_text

    cache = settings.resolved_cache_dir
    t0 = time.perf_counter()
    texts = [prepare_text(it.text) for it in items]
    raw = embed_cached(texts, embedder, cache, progress)
    transform = Transform.fit(raw, NGRAM_DIM, NGRAM_WEIGHT, WORD_DIM, WORD_WEIGHT)
    x = transform.apply(raw, texts)
    dev_path = settings.evals_dir / "messages.yaml"
    dev = None
    if dev_path.exists():
        dtexts, dlabels = dev_set(dev_path)
        dclean = [prepare_text(t) for t in dtexts]
        dev = (transform.apply(embed_cached(dclean, embedder, cache), dclean), dlabels)
    t1 = time.perf_counter()
    heads, reports = train_heads(items, x, dev=dev, weights=weights, authors=authors, embed_dim=int(raw.shape[1]),
                                 author_cv=author_cv)
    t2 = time.perf_counter()
    meta = {"embedder": embedder.name, "vectors": getattr(embedder, "vector_key", embedder.name),
            "dim": int(raw.shape[1]), "seed": SEED, "l2": L2,
            "generated_weight": GENERATED_WEIGHT, "ngram_heads": list(NGRAM_HEADS), "word_heads": list(WORD_HEADS),
            "data": digest([it.text for it in items]), "n_items": len(items), "n_generated": counts["generated"],
            "n_hand": counts["hand"], "n_authored": counts["authored"], "n_corrections": counts["corrections"],
            "cv": {k: {"accuracy": r.cv_accuracy, "by_group": r.cv_by_group, "n": r.cv_n} for k, r in reports.items()},
            "leave_author_out": {k: {"accuracy": r.author_accuracy, "by_group": r.author_by_group,
                                     "by_file": r.author_by_file} for k, r in reports.items()},
            "dev": {k: {"accuracy": r.dev_accuracy, "n": r.dev_n} for k, r in reports.items()}}
    save(Heads(heads, meta, transform), out_dir or folder / "model")
    return TrainReport(n_items=len(items), n_generated=counts["generated"], n_hand=counts["hand"],
                       n_corrections=counts["corrections"], n_authored=counts["authored"],
                       seconds_embed=round(t1 - t0, 1), seconds_fit=round(t2 - t1, 1), heads=reports,
                       embedder=embedder.name)


def _accuracy(head: Head, x: np.ndarray, labels: list[str | None]) -> tuple[float, int]:
    rows = [(i, lab) for i, lab in enumerate(labels) if lab is not None]
    if not rows:
        return 0.0, 0
    idx = np.asarray([i for i, _ in rows])
    got = head.proba(x[idx]).argmax(axis=1)
    want = np.asarray([head.labels.index(lab) for _, lab in rows])
    return float((got == want).mean()), len(rows)


def corrections_experiment(settings, *, seeds: tuple[int, ...] = (1, 2, 3, 4, 5), repeat: int = 3) -> dict:
    """Do corrections of misread messages help on similar unseen ones? A measured split of the dev set.

    For each seed the dev messages (evals/messages.yaml, one author's style, never trained on) are
    split in half. Half A plays the deployment's corrected messages: the ones the base heads misread
    are added with their right labels (`repeat` times, as a deployment's own examples weigh more);
    half B is never seen. Accuracy on B before and after is the figure.
    """
    from coach.diagnosis.classifier import prepare_text
    from coach.knowledge.embeddings import get_embedder

    items, weights, _, _ = training_data(settings)
    embedder = get_embedder(settings)
    cache = settings.resolved_cache_dir
    texts = [prepare_text(it.text) for it in items]
    raw = embed_cached(texts, embedder, cache)
    transform = Transform.fit(raw, NGRAM_DIM, NGRAM_WEIGHT, WORD_DIM, WORD_WEIGHT)
    x = transform.apply(raw, texts)
    dtexts, dlabels = dev_set(settings.evals_dir / "messages.yaml")
    dclean = [prepare_text(t) for t in dtexts]
    dx = transform.apply(embed_cached(dclean, embedder, cache), dclean)
    heads_base, _ = train_heads(items, x, k=1, only=("cause", "kind"), weights=weights, embed_dim=int(raw.shape[1]))
    out: dict = {"seeds": list(seeds), "runs": []}
    for seed in seeds:
        order = np.random.default_rng(seed).permutation(len(dtexts))
        a, b = order[: len(order) // 2], order[len(order) // 2:]
        fixes: list[TrainingItem] = []
        fix_rows: list[int] = []
        for i in a:
            wrong = False
            for name in ("cause", "kind"):
                lab = dlabels[name][i]
                head = heads_base[name]
                if lab is not None and head.labels[int(head.proba(dx[i:i + 1]).argmax())] != lab:
                    wrong = True
            if wrong:
                kind = dlabels["kind"][i]
                fixes.append(TrainingItem(text=dtexts[i], lang="en", intent="downsell",
                                          kind="module_cancel" if kind == "drop_service" else kind,
                                          root_cause=dlabels["cause"][i], source="hand"))
                fix_rows.append(int(i))
        more = fixes * repeat
        x2 = np.vstack([x, *([dx[fix_rows]] * repeat)]) if fixes else x
        w2 = np.concatenate([weights, np.ones(len(more))])
        heads_new, _ = train_heads(items + more, x2, k=1, only=("cause", "kind"), weights=w2,
                                   embed_dim=int(raw.shape[1]))
        run: dict[str, Any] = {"seed": seed, "corrections": len(fixes), "unseen": len(b)}
        for name in ("cause", "kind"):
            lab_b = [dlabels[name][i] for i in b]
            before, n = _accuracy(heads_base[name], dx[b], lab_b)
            after, _ = _accuracy(heads_new[name], dx[b], lab_b)
            run[name] = {"before": round(before, 3), "after": round(after, 3), "n": n}
        out["runs"].append(run)
    for name in ("cause", "kind"):
        out[name] = {k: round(float(np.mean([r[name][k] for r in out["runs"]])), 3) for k in ("before", "after")}
    return out

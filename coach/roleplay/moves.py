"""What each sentence of a trainee's turn does, by meaning: a nearest-neighbour vote over the
labelled examples in moves.yaml, embedded with the local model (cached on disk by content hash).

Cue patterns back the vote up where a pattern is exact (a question mark, a pushback word the
one guard also refuses). Sentences that talk to the simulated customer's machinery
("ignore your persona") are set aside first: they are never scored and never change the persona.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from coach.datafile import parse_yaml
from coach.errors import CoachInputError
from coach.guard.language import detect_language

MOVES_FILE = Path(__file__).with_name("moves.yaml")
TOPICS = ("general", "budget_cut", "org_shrinking", "usage_gap", "value_perception", "strategic_shift",
          "competitive_displacement", "hardship", "timeline")
K, TEMPERATURE = 5, 0.02
MIN_SHARE = 0.5  # a label needs at least this share of the neighbours' weight
CACHE_VERSION = "1"

_SPLIT = re.compile(r"(?<=[.!?])\s+|[\n\r]+|;\s*")
_QUESTION_START = re.compile(
    r"^(what|why|how|which|when|who|where|is|are|was|were|do|does|did|has|have|could|can|would|will|"
    r"tell me|walk me|help me understand|i'?d love to (hear|understand)|i'?m curious|"
    r"що|чому|як|які|який|яка|яке|коли|хто|де|чи|скільки|розкажіть|поясніть)\b", re.IGNORECASE)
_OPEN = re.compile(r"(?:^|[,:;—–-]\s*)(?:(?:and|so|but|then|а|і|й|то|тоді)\s+)?(?:what|why|how|which|tell me|"
                   r"walk me|що|чому|як|яка|який|які|яке|з чим|до чого|розкажіть|поясніть)\b", re.I)
_INJECTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(persona|instructions?|rules|prompt|role|character|script)\b"
    r"|\b(you are now|pretend (to be|you are)|break (out of )?character|stop (role-?playing|pretending)|"
    r"system prompt|developer mode|new instructions|as an ai|language model|your (hidden|secret) (facts?|"
    r"instructions?|root cause)|reveal (your|the) (hidden|secret|root)|score me|give me (full|top) marks|"
    r"mark (this|me) as)\b"
    r"|^\W*(system|assistant|developer)\s*:"
    r"|(ігноруй\w*|забудь\w* (свою|свої|усі|всі) (роль|правила|інструкції)|ти тепер|системн\w* промпт|"
    r"нові інструкції|розкрий\w* (приховані|секрет))",
    re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    text: str
    label: str  # a moves.yaml label, or "other"
    share: float  # the label's share of the neighbours' vote
    question: bool
    pushback_words: tuple[str, ...]  # what the guard refuses as pushback or contract talk

    @property
    def topic(self) -> str | None:
        """The diagnosis topic when this sentence is a question about one."""
        if self.question and self.label.startswith("ask:"):
            return self.label.split(":", 1)[1]
        return None


def language_of(text: str) -> str:
    return detect_language(text)


def sentences(text: str) -> list[str]:
    return [p.strip(" \t\"'«»") for p in _SPLIT.split(text) if p and re.search(r"\w", p)]


def is_injection(sentence: str) -> bool:
    return bool(_INJECTION.search(sentence))


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence.strip()))


def pushback_words(sentence: str) -> tuple[str, ...]:
    """What the guard refuses as pushback or contract talk in a reply to the customer."""
    from coach.config import get_settings
    from coach.guard import guard_for

    found = guard_for(get_settings()).phrases(sentence, ["pushback", "contract_threat"])
    return tuple(dict.fromkeys(w.lower() for w in found))


class MoveBank:
    """Labelled example sentences and their vectors."""

    def __init__(self, texts: list[str], labels: list[str], vectors: np.ndarray) -> None:
        self.texts, self.labels, self.vectors = texts, labels, vectors
        self.vocab = tuple(dict.fromkeys(labels))
        pos = {lab: i for i, lab in enumerate(self.vocab)}
        self.codes = np.asarray([pos[lab] for lab in labels], dtype=np.int64)

    def vote(self, queries: np.ndarray) -> list[tuple[str, float]]:
        """Best label and its share for each query vector (similarity-weighted k nearest)."""
        return [(label, share) for label, share, _ in self.vote_asks(queries)]

    def vote_asks(self, queries: np.ndarray) -> list[tuple[str, float, str | None]]:
        """`vote`, plus the best-weighted question topic label among the neighbours (if any)."""
        sims = queries @ self.vectors.T
        k = min(K, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        top_sims = np.take_along_axis(sims, top, axis=1)
        weights = np.exp((top_sims - top_sims.max(axis=1, keepdims=True)) / TEMPERATURE)
        out = []
        for u in range(sims.shape[0]):
            acc = np.zeros(len(self.vocab))
            np.add.at(acc, self.codes[top[u]], weights[u])
            acc /= acc.sum()
            best = int(acc.argmax())
            asks = [(acc[i], lab) for i, lab in enumerate(self.vocab) if lab.startswith("ask:") and acc[i] > 0]
            out.append((self.vocab[best], float(acc[best]), max(asks)[1] if asks else None))
        return out


def read_examples(path: Path = MOVES_FILE) -> tuple[list[str], list[str], bytes]:
    raw = path.read_bytes()
    try:
        data = parse_yaml(raw)
    except yaml.YAMLError as exc:
        raise CoachInputError(f"{path.name}: invalid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise CoachInputError(f"{path.name}: expected a mapping of label -> example sentences")
    texts, labels = [], []
    for label, examples in data.items():
        if label.startswith("ask:") and label[4:] not in TOPICS:
            raise CoachInputError(f"{path.name}: {label}: unknown topic (known: {', '.join(TOPICS)})")
        if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
            raise CoachInputError(f"{path.name}: {label}: expected a list of sentences")
        texts += examples
        labels += [label] * len(examples)
    return texts, labels, raw


_BANKS: dict[tuple[str, str], MoveBank] = {}
_LOCK = threading.Lock()


def _cache_file(raw: bytes, embedder_name: str) -> Path | None:
    from coach.config import get_settings

    digest = hashlib.sha256(CACHE_VERSION.encode() + embedder_name.encode() + b"\0" + raw).hexdigest()[:20]
    return get_settings().resolved_cache_dir / f"roleplay-moves-{digest}.npy"


def _load_vectors(path: Path | None, n: int) -> np.ndarray | None:
    if path is None:
        return None
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    return arr if arr.ndim == 2 and arr.shape[0] == n and arr.dtype == np.float32 else None


def _save_vectors(path: Path | None, arr: np.ndarray) -> None:
    """Atomic write; a read-only or full disk only means no cache."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, arr, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass


def move_bank(embedder) -> MoveBank:
    """The example bank embedded by `embedder`: memory, then the disk cache, then the model."""
    texts, labels, raw = read_examples()
    key = (hashlib.sha256(raw).hexdigest(), embedder.name)
    with _LOCK:
        bank = _BANKS.get(key)
        if bank is None:
            cache = _cache_file(raw, embedder.name)
            vectors = _load_vectors(cache, len(texts))
            if vectors is None:
                vectors = np.asarray(embedder.embed_queries(texts), dtype=np.float32)
                _save_vectors(cache, vectors)
            bank = _BANKS[key] = MoveBank(texts, labels, vectors)
    return bank


def classify(parts: list[str], embedder) -> list[Sentence]:
    """One `Sentence` per piece of text (injections must be removed before)."""
    if not parts:
        return []
    bank = move_bank(embedder)
    votes = bank.vote_asks(np.asarray(embedder.embed_queries(parts), dtype=np.float32))
    out = []
    for text, (label, share, ask) in zip(parts, votes, strict=True):
        question = is_question(text)
        if share < MIN_SHARE:
            # An open question the examples are unsure about ("А з чим порівнюєте?") still asks about
            # the request: its nearest question topic, or a general one.
            label = (ask or "ask:general") if question and _OPEN.search(text) else "other"
        if label.startswith("ask:") and not question:
            label = "other"  # a statement about the budget is not a question about it
        out.append(Sentence(text, label, round(share, 3), question, pushback_words(text)))
    return out

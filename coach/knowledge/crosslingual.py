"""Take the language out of the vectors, so an English question can find a Ukrainian passage.

A multilingual embedding encodes *which language* a text is in alongside what it says, and on a
mixed English/Ukrainian index that pull wins: a Ukrainian question ranks every Ukrainian passage
above the English one that answers it. The language signal lies mostly along one direction, the
mean difference between translations of the same sentences, so search projects that direction
out of the query and the passages before comparing them (the language-centring idea from work on
language-neutral multilingual representations). The sentences below are everyday, deliberately
not about customer success, so the direction captures language rather than topic.
"""

from __future__ import annotations

import numpy as np

from coach.knowledge.embeddings import Embedder

PARALLEL = [
    ("The meeting is scheduled for Monday morning.", "Зустріч запланована на ранок понеділка."),
    ("Please send me the report by the end of the week.", "Будь ласка, надішліть мені звіт до кінця тижня."),
    ("Our company has grown a lot this year.", "Наша компанія дуже виросла цього року."),
    ("The weather was cold and rainy yesterday.", "Учора погода була холодна й дощова."),
    ("She reads a book every evening before bed.", "Вона читає книжку щовечора перед сном."),
    ("We need to hire two more engineers.", "Нам потрібно найняти ще двох інженерів."),
    ("The price of the service went up last month.", "Ціна послуги зросла минулого місяця."),
    ("Thank you for your quick reply.", "Дякую за вашу швидку відповідь."),
    ("The train leaves at seven o'clock.", "Потяг відправляється о сьомій годині."),
    ("Customers want clear answers to their questions.",
     "Клієнти хочуть чітких відповідей на свої запитання."),
    ("The team finished the project on time.", "Команда завершила проєкт вчасно."),
    ("I will call you back tomorrow.", "Я передзвоню вам завтра."),
    ("This document explains the new rules.", "Цей документ пояснює нові правила."),
    ("The children are playing in the park.", "Діти граються в парку."),
    ("We changed the plan after the first review.", "Ми змінили план після першого перегляду."),
    ("How much does the annual subscription cost?", "Скільки коштує річна підписка?"),
    ("Where can I find the nearest pharmacy?", "Де знайти найближчу аптеку?"),
    ("The new office opens next spring.", "Новий офіс відкривається наступної весни."),
    ("He forgot his keys at home again.", "Він знову забув ключі вдома."),
    ("Sales dropped in the third quarter.", "Продажі впали в третьому кварталі."),
    ("Can you explain how this feature works?", "Чи можете ви пояснити, як працює ця функція?"),
    ("The river flooded the whole valley.", "Річка затопила всю долину."),
    ("We should write down every decision.", "Ми повинні записувати кожне рішення."),
    ("My favourite food is fresh bread with butter.", "Моя улюблена їжа — свіжий хліб з маслом."),
]


_AXES: dict[str, np.ndarray | None] = {}  # per embedding model: computing one costs ~100 embeddings


def language_axis(embedder: Embedder) -> np.ndarray | None:
    """The unit English->Ukrainian direction, from passage and query embeddings of PARALLEL."""
    if embedder.name not in _AXES:
        _AXES[embedder.name] = _compute_axis(embedder)
    return _AXES[embedder.name]


def _compute_axis(embedder: Embedder) -> np.ndarray | None:
    en = [e for e, _ in PARALLEL]
    uk = [u for _, u in PARALLEL]
    diff = (embedder.embed_passages(uk) - embedder.embed_passages(en)).mean(axis=0)
    diff = diff + (embedder.embed_queries(uk) - embedder.embed_queries(en)).mean(axis=0)
    norm = float(np.linalg.norm(diff))
    return (diff / norm).astype(np.float32) if norm > 1e-6 else None


def encode_axis(axis: np.ndarray | None) -> str:
    """A compact text form for the collection metadata (Chroma stores scalars only)."""
    return "" if axis is None else ",".join(f"{v:.6g}" for v in axis)


def decode_axis(text: str | None, dim: int) -> np.ndarray | None:
    if not text:
        return None
    try:
        axis = np.asarray([float(v) for v in text.split(",")], dtype=np.float32)
    except ValueError:
        return None
    return axis if axis.shape == (dim,) else None


def remove_axis(vectors: np.ndarray, axis: np.ndarray | None) -> np.ndarray:
    """Project the axis out of each row and re-normalise (rows stay unit length)."""
    if axis is None:
        return vectors
    out = vectors - np.outer(vectors @ axis, axis)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)

"""Role-play fixtures: the policy, the local embedder (one per session), a trainer on an in-memory store,
and `play()` to drive a scripted session turn by turn."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from coach.config import REPO_ROOT, get_settings
from coach.policy import Policy, load_policy
from coach.roleplay.models import Scorecard
from coach.roleplay.session import Trainer, TurnResult
from coach.store import Database

PERSONAS_DIR = REPO_ROOT / "knowledge" / "personas"


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(get_settings().resolved_policy_file)


@pytest.fixture(scope="session")
def embedder() -> Any:
    from coach.knowledge.embeddings import get_embedder

    return get_embedder()


@pytest.fixture
def trainer(policy: Policy, embedder: Any) -> Trainer:
    """The trainer as shipped: the rules' reading with the trainers' calibration over it."""
    return Trainer(get_settings(), policy=policy, embedder=embedder)


@pytest.fixture
def rules_trainer(policy: Policy, embedder: Any) -> Trainer:
    """The rules' reading alone: for tests that pin one judging convention of the rules (where trainers'
    files disagree, the calibration follows the majority of them)."""
    return Trainer(get_settings().model_copy(update={"roleplay_calibration": False}), policy=policy,
                   embedder=embedder)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'training.db'}")
    yield database
    database.dispose()


@dataclass
class Played:
    session_id: str
    results: list[TurnResult]
    card: Scorecard

    @property
    def replies(self) -> list[str]:
        return [r.customer.text for r in self.results]

    @property
    def beats(self) -> list[str | None]:
        return [r.customer.beat for r in self.results]

    def component(self, cid: str) -> Any:
        return next(c for c in self.card.components if c.id == cid)

    def failure(self, fid: str) -> Any:
        return next(f for f in self.card.failure_modes if f.id == fid)

    def failed(self) -> set[str]:
        return {f.id for f in self.card.failure_modes if f.triggered}


def play(trainer: Trainer, db: Database, persona_id: str, turns: list[str],
         trainee: str = "tester") -> Played:
    """Start a scripted session, say `turns`, end it; every step committed like the API does."""
    with db.session() as s:
        sid = trainer.start(s, persona_id, trainee, "scripted").id
        s.commit()
    results = []
    for text in turns:
        with db.session() as s:
            r = trainer.turn(s, sid, text)
            s.commit()
        results.append(r)
        if r.status != "active":
            break
    with db.session() as s:
        card = trainer.end(s, sid)
        s.commit()
    return Played(sid, results, card)

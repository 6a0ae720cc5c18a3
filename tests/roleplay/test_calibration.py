"""The trainers' calibration over the rules' scorecard (coach/roleplay/calibration.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from coach.config import REPO_ROOT, get_settings
from coach.roleplay.calibration import (
    CHANGE,
    OVERTURN,
    TARGETS,
    Row,
    agreement_of,
    allowed,
    load_calibration,
    model_dir,
    save,
    train,
    training_rows,
)
from coach.roleplay.level import POINTS
from coach.roleplay.session import Trainer
from coach.store import Database
from tests.roleplay.conftest import play

FOLDER = REPO_ROOT / "evals" / "heldout" / "roleplay"
# a session the calibration reads differently from the rules (with the calibration of 2026-12-07, 11:15): 28 seats
# given with nothing asked in return, which the rules leave "not reached" for F3 and the trainers call triggered
SKIPPED = ["Thanks for letting me know, Dana.", "OK, 28 seats from next month.", "Talk soon."]


def test_what_the_trainers_reading_may_change() -> None:
    assert not allowed("met", "met", 0.99, 3)
    assert allowed("met", "partial", 0.52, 3) and allowed("ok", "triggered", 0.52, 3)
    # any change needs a little more than even odds (a textbook save read "partial" at p 0.49, a trigger "in 90 days"
    # read partial at p 0.51, keep their points)
    assert CHANGE == 0.52 and not allowed("met", "partial", 0.51, 3) and not allowed("ok", "not_reached", 0.4, 3)
    # met <-> missed only on a clear majority
    assert not allowed("met", "missed", OVERTURN - 0.01, 3) and allowed("met", "missed", OVERTURN, 3)
    assert not allowed("missed", "met", 0.55, 2)
    # one trainee turn: what the rules found not reached stays so
    assert not allowed("not_reached", "triggered", 0.99, 1) and allowed("not_reached", "triggered", 0.7, 2)
    assert allowed("triggered", "not_reached", 0.7, 1) and not allowed("triggered", "not_reached", 0.57, 3)
    assert allowed("ok", "not_reached", 0.52, 3)
    # the counter changes only on a clear majority (a warmer first line moved its reading of a textbook counter)
    assert not allowed("met", "partial", 0.71, 3, "counter") and allowed("met", "partial", 0.72, 3, "counter")
    assert allowed("met", "partial", 0.59, 3, "diagnosis")


def test_a_calibrated_card_shows_both_readings(trainer: Trainer, rules_trainer: Trainer, db: Database) -> None:
    rules = play(rules_trainer, db, "acme-dental-seats", SKIPPED).card
    card = play(trainer, db, "acme-dental-seats", SKIPPED).card
    assert not rules.calibrated and card.calibrated
    before = {c.id: c for c in rules.components} | {f.id: f for f in rules.failure_modes}  # type: ignore[operator]
    for change in card.calibrated:
        target, move = change.split(": ")
        old, new = move.split(" → ")
        assert before[target].status == old
        now = next(x for x in [*card.components, *card.failure_modes] if x.id == target)
        assert now.status == new and f"Trainers' reading: {new}" in now.summary and f"the rules read {old}" in now.summary
        assert now.summary.startswith(before[target].summary)  # the rules' summary and quotes stay
        assert before[target].evidence == now.evidence[:-1] and now.evidence[-1].quote in " / ".join(SKIPPED)
    for c in card.components:
        assert c.points == POINTS[c.status]
    assert card.score == sum(c.points for c in card.components)


def test_rules_only_when_switched_off_or_for_another_embedder(policy: Any, embedder: Any, db: Database,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    off = Trainer(get_settings().model_copy(update={"roleplay_calibration": False}), policy=policy, embedder=embedder)
    assert not play(off, db, "acme-dental-seats", SKIPPED).card.calibrated
    other = SimpleNamespace(name="someone-else/model")
    assert load_calibration(model_dir(get_settings().knowledge_dir), other) is None
    assert "run `coach roleplay --calibrate`" in caplog.text
    assert load_calibration(Path("/nonexistent"), embedder) is None


def test_the_shipped_calibration_fits_the_default_embedder_and_its_data(embedder: Any) -> None:
    cal = load_calibration(model_dir(get_settings().knowledge_dir), embedder)
    assert cal is not None, "the shipped calibration must match the default embedder"
    rows = training_rows(FOLDER)
    assert cal.meta["rows"] == len(rows) and cal.meta["files"] == sorted({r.file for r in rows})
    # never trained on the held-out file, nor on the dev file kept as an estimate
    assert "transcripts_heldout.yaml" not in cal.meta["files"] and "transcripts_dev24.yaml" not in cal.meta["files"]
    assert not any(f.startswith("transcripts_heldout") for f in cal.meta["files"])  # nor the second held-out set
    assert set(cal.heads) == set(TARGETS)


def test_train_save_load_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    statuses = ["met", "partial", "missed"]
    rows, vectors = [], []
    for i in range(60):
        s = statuses[i % 3]
        verdict = {t: s if t in ("acknowledgment", "diagnosis", "counter", "triggers") else
                   ("triggered" if s == "missed" else "ok") for t in TARGETS}
        rows.append(Row(f"f{i % 2}.yaml", f"r{i}", ["hello"], "en", dict(verdict), verdict))
        vectors.append({p: rng.normal(size=8) for p in ("first", "all", "last")})
    cal = train(rows, vectors, "test/embedder")
    save(cal, tmp_path)
    back = load_calibration(tmp_path, SimpleNamespace(name="test/embedder"))
    assert back is not None and back.meta["rows"] == 60
    read = {f"{r.file}:{r.item}": {t: v for t, (v, _) in back.read(r.rules, r.trainee, "en", vec).items()}
            for r, vec in zip(rows, vectors, strict=True)}
    assert agreement_of(rows, read) == (1.0, 1.0)  # the rules' one-hots carry the verdict here


@pytest.mark.slow
def test_the_calibration_beats_the_rules_on_the_unopened_dev_file(embedder: Any, policy: Any) -> None:
    from coach.roleplay.agreement import measure
    from coach.roleplay.calibration import load_calibration as load

    settings = get_settings()
    path = FOLDER / "transcripts_dev24.yaml"
    rules = measure(path, policy, embedder, personas_dir=settings.knowledge_dir / "personas")
    cal = measure(path, policy, embedder, personas_dir=settings.knowledge_dir / "personas",
                  calibration=load(model_dir(settings.knowledge_dir), embedder))
    assert cal.components >= rules.components + 0.02 and cal.failure_flags >= rules.failure_flags + 0.04

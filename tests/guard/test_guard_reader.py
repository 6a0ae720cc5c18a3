"""The guard's learned reader (coach/guard/reader.py): a second reading of pushback, offers in a first reply,
hidden terms and prompt leaks, for a model's texts. It never reads coach's own templates or a person's reply,
never flags coach's template wording when a model writes it, and stays off with an embedder it was not
trained with."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

import pytest

from coach.accounts.loader import load_account
from coach.config import REPO_ROOT, get_settings
from coach.drafting.engine import TemplateDrafter, draft
from coach.evals.guard_corpus import context_of
from coach.guard import Facts, Guard, GuardContext, Names, guard_for
from coach.guard import reader as R
from coach.knowledge.embeddings import get_embedder
from tests.guard.test_guard_clean import FIXTURE, item

HELDOUT = REPO_ROOT / "evals" / "heldout"
REFUSAL = ("Hi Dana,\n\nThanks for the note about the seats. Honestly, I'd rather we kept the package exactly as it is until "
           "the term is up, and I don't see us moving on the seat count before then.\n\nBest,")


def ctx(author: str, stage: str = "acknowledgment") -> GuardContext:
    return GuardContext(stage=stage, facts=Facts(), language="en", names=Names().add("Dana Lee"), author=author)


def reader_ids(found: list[Any]) -> list[str]:
    return [v.id for v in found if v.id.endswith(".reader")]


def test_the_shipped_reader_matches_its_data_and_the_default_embedder() -> None:
    s = get_settings()
    reader = R.load_reader(s.knowledge_dir, get_embedder(s).name)
    assert reader is not None
    dev = ["guard_corpus.yaml", *(p.name for p in HELDOUT.glob("guard_dev*.yaml"))]
    assert sorted(reader.meta["files"]) == sorted([*dev, R.TEMPLATES])  # every dev file, never the held-out one
    # nor a file kept unopened as a new writer's estimate (guard_unseen*.yaml, evals/heldout/README.md)
    assert not any(f == "guard_heldout.yaml" or f.startswith("guard_unseen") for f in reader.meta["files"])
    assert set(reader.thresholds) == set(R.KINDS) and all(t in R.THRESHOLDS for t in reader.thresholds.values())
    dim = reader.meta["dim"]
    assert all(reader.weights[k].shape == (dim, 2) for k in R.KINDS)


def test_a_refusal_the_lexicons_miss_is_read_in_a_model_text_only() -> None:
    guard = guard_for(get_settings())
    for author in ("coach", "person"):  # the lexicons alone: coach's own texts, a person's reply
        assert guard.check(REFUSAL, ctx(author)) == []
    found = guard.check(REFUSAL, ctx("model"))
    assert reader_ids(found) == ["pushback.reader"], found
    v = found[0]
    assert re.search(r"p 0\.\d\d from [\d,]+ judged texts", v.reason) and "moving on the seat count" in v.excerpt


def test_an_offer_is_read_only_in_a_first_reply() -> None:
    guard = guard_for(get_settings())
    text = ("Hi Dana,\n\nThanks for telling me about the budget. Whatever happens, we'll find a way to make the "
            "numbers work for you.\n\nBest,")
    assert "offer_in_first_reply.reader" not in reader_ids(guard.check(text, ctx("model", "counter")))
    assert "offer_in_first_reply.reader" not in R.CHECK_IDS or R.applies("offer_in_first_reply", "acknowledgment")


@pytest.mark.slow
def test_coach_templates_are_never_flagged_when_a_model_writes_them() -> None:
    s = get_settings()
    guard = guard_for(s)
    account = load_account(REPO_ROOT / "examples" / "acme-dental.json", today=date(2026, 12, 6))
    messages = ["Our budget was cut, we need to reduce our seats by 30%.",
                "We're thinking about moving to a cheaper competitor, can we cancel at renewal?",
                "Нам урізали бюджет, тож потрібно зменшити кількість місць на 30%.",
                "Our clinic is closing for renovation for three months, can we pause?",
                "We don't use the Social Media service any more, please drop it."]
    for message in messages:
        d = draft(account, message, today=date(2026, 12, 6), settings=s, drafter=TemplateDrafter(s.prompts_dir))
        texts = [("acknowledgment", d.acknowledgment)]
        if d.counter_proposal is not None:
            stage = "pause_plan" if d.counter_proposal.pause_months else "counter"
            texts.append((stage, d.counter_proposal.message))
        for stage, text in texts:
            c = GuardContext(stage=stage, facts=Facts(), language=d.language, author="model")
            assert reader_ids(guard.check(text, c)) == [], (message, stage, text)


@pytest.mark.slow
def test_clean_texts_written_apart_are_rarely_read_as_violations() -> None:
    """tests/guard/clean_texts.yaml (other accounts and writers than the corpus; not used in training or in the
    thresholds): the reader flags two of the 111 when it shipped (a Ukrainian pause plan read as a hidden term at
    p 0.86, an English "I'm only writing to confirm" read as a leak at p 0.89): the figure only goes down."""
    guard = guard_for(get_settings())
    flagged = []
    for entry in FIXTURE["texts"]:
        found = reader_ids(guard.check(entry["text"], context_of(item(entry), "model")))
        if found:
            flagged.append((entry["text"][:60], found))
    assert len(flagged) <= 2, flagged
    print(f"reader flags {len(flagged)} of {len(FIXTURE['texts'])} clean texts: {flagged}")


class _OtherEmbedder:
    name = "another/embedder"

    def embed_queries(self, texts: list[str]) -> list[list[float]]:  # pragma: no cover - never reached
        raise AssertionError("the reader must not embed with an embedder it was not trained with")


def test_the_reader_stays_off_with_another_embedder(caplog: pytest.LogCaptureFixture) -> None:
    s = get_settings()
    guard = Guard(s.knowledge_dir, s.prompts_dir, embedder=_OtherEmbedder)
    with caplog.at_level(logging.WARNING):
        assert reader_ids(guard.check(REFUSAL, ctx("model"))) == []
    assert any("trained with" in r.message for r in caplog.records) or R._warned


def test_without_an_embedder_the_guard_is_the_lexicons_alone() -> None:
    s = get_settings()
    assert Guard(s.knowledge_dir, s.prompts_dir).check(REFUSAL, ctx("model")) == []


@pytest.mark.slow
def test_training_is_deterministic(tmp_path: Any) -> None:
    """Two trainings on the same rows and vectors write the same artefact."""
    import numpy as np

    rng = np.random.default_rng(0)
    rows = [R.Row(f"f{i % 3}.yaml", f"x{i}", f"text {i}", "violation" if i % 4 == 0 else "clean",
                  [R.KINDS[i % 4]] if i % 4 == 0 else [], "acknowledgment") for i in range(120)]
    vectors = rng.normal(size=(120, 16))
    thresholds = R.choose_thresholds(rows, R.cross_validate(vectors, rows))
    for out in ("a", "b"):
        R.save(R.train(vectors, rows, "test-embedder", thresholds), tmp_path / out)
    assert (tmp_path / "a" / "reader.npz").read_bytes() == (tmp_path / "b" / "reader.npz").read_bytes()
    assert (tmp_path / "a" / "reader.json").read_text() == (tmp_path / "b" / "reader.json").read_text()

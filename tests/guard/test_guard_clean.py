"""Clean texts must pass the guard: acknowledgments, questions, counters that restate the computed
facts (in digits or in words), pause plans and follow-ups, in en, uk, es, de, fr, pt and pl
(tests/guard/clean_texts.yaml, written apart from the guard corpus). Each runs the full rule set
of its stage, as a draft would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coach.config import get_settings
from coach.datafile import parse_yaml
from coach.evals.guard_corpus import context_of
from coach.guard import guard_for

FIXTURE = parse_yaml((Path(__file__).parent / "clean_texts.yaml").read_text(encoding="utf-8"))
GUARD = guard_for(get_settings())


def item(entry: dict[str, Any]) -> dict[str, Any]:
    account = FIXTURE["accounts"][entry["account"]]
    return {"text": entry["text"], "context": {**account["context"], "stage": entry["stage"]},
            "facts": account["facts"]}


def test_the_fixture_is_large_and_multilingual() -> None:
    texts = FIXTURE["texts"]
    langs = {FIXTURE["accounts"][t["account"]]["context"]["customer_language"] for t in texts}
    assert len(texts) >= 60 and {"en", "uk", "es", "de"} <= langs


@pytest.mark.parametrize("entry", FIXTURE["texts"], ids=lambda e: f"{e['account']}-{e['stage']}-{e['text'][:24]}")
def test_clean_text_passes(entry: dict[str, Any]) -> None:
    ctx = context_of(item(entry))
    assert GUARD.problems(entry["text"], ctx) == []

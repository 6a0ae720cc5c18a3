"""The dev guard corpus (evals/heldout/guard_corpus.yaml, written apart from the lexicons) run as a
test: recall per check and false positives on clean texts. The floors are the figures reached so
far (the issue's target is recall >= 0.98 per check and <= 1% false positives); they only go up.
The held-out file is never read here: benchmarks/guard_corpus.py prints its aggregate figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.config import REPO_ROOT, get_settings
from coach.evals.guard_corpus import CATEGORIES, run_corpus
from coach.guard import guard_for

DEV = REPO_ROOT / "evals" / "heldout" / "guard_corpus.yaml"
FLOORS = {"pushback": 1.0, "unstated_number": 0.98, "offer_in_first_reply": 1.0, "hidden_terms": 1.0,
          "wrong_language": 1.0, "prompt_leak": 1.0, "markup": 0.96}
MAX_FALSE_POSITIVES = 0.01


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    if not Path(DEV).exists():
        pytest.skip("the dev guard corpus is not in this checkout")
    return run_corpus(guard_for(get_settings()), DEV)


@pytest.mark.slow
def test_every_category_is_measured(report) -> None:  # type: ignore[no-untyped-def]
    recall = report.recall()
    assert set(recall) == set(CATEGORIES) and all(n > 0 for _, n in recall.values())
    print("\n".join(report.lines()))


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_recall_per_check(report, category: str) -> None:  # type: ignore[no-untyped-def]
    hit, n = report.recall()[category]
    missed = [r.id for r in report.items if category in r.missed]
    assert hit / n >= FLOORS[category], f"{category}: {hit}/{n}, missed {missed}"


def test_false_positives_on_clean_texts(report) -> None:  # type: ignore[no-untyped-def]
    fp, n = report.false_positives()
    flagged = [(r.id, sorted(r.found)) for r in report.items if r.false_positive]
    assert fp / n <= MAX_FALSE_POSITIVES, f"{fp}/{n} clean texts flagged: {flagged}"

"""The labelled eval set (evals/messages.yaml) scored end to end."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from coach.diagnosis import REQUEST_KINDS, ROOT_CAUSES

REPORT = Path(__file__).resolve().parents[2] / "evals" / "diagnosis_report.py"


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("diagnosis_report", REPORT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_eval_set_covers_every_label(report) -> None:
    cases = report.load_cases()
    assert len(cases) >= 70
    assert Counter(c["lang"] for c in cases)["uk"] >= 25
    # One services account: removals are service_removal (contract 3a); module_cancel is for software.
    assert {c["kind"] for c in cases} == set(REQUEST_KINDS) - {"module_cancel"}
    assert {c["root_cause"] for c in cases} == set(ROOT_CAUSES)
    assert sum(bool(c.get("injection")) for c in cases) >= 8
    assert {c["hardship"] for c in cases} == {None, "natural_disaster", "financial"}


@pytest.mark.slow
def test_eval_accuracy(report) -> None:
    from coach.accounts import load_account

    summary = report.summarize(report.run(report.load_cases(), load_account(report.ACCOUNT)))
    assert summary["root_cause_accuracy"] >= 0.85, summary["errors"]
    assert summary["kind_accuracy"] >= 0.85, summary["errors"]
    assert summary["hardship_accuracy"] >= 0.9
    assert summary["language_accuracy"] == 1.0


def test_eval_report_shows_the_training_figures_beside():
    """`coach diagnosis eval` prints the model's own cross-validated figures next to the eval's."""
    import json

    from coach.config import get_settings
    from coach.diagnosis.evaluation import render, summarize

    meta = json.loads((get_settings().knowledge_dir / "diagnosis" / "model" / "heads.json").read_text())
    text = render(summarize([]), meta)
    assert "leave-one-author-out" in text and "cause CV" in text

"""One full eval run (template drafter) shared by the threshold and report tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def eval_run(builtin_knowledge: Any) -> Any:
    """Every case in evals/cases through the real draft(), on the suite's built-in index."""
    from coach.evals import load_cases, run_eval

    return run_eval(load_cases(), knowledge=builtin_knowledge, drafter="template", label="ci")

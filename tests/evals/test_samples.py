"""docs/samples.md is what `coach samples` prints today (regenerate it after changing the texts)."""

from __future__ import annotations

import pytest

from coach.config import REPO_ROOT, get_settings
from coach.evals.samples import load_samples, render_samples

SPEC = REPO_ROOT / "evals" / "samples.yaml"


@pytest.mark.slow
def test_samples_page_is_current() -> None:
    spec = load_samples(SPEC)
    assert len(spec.samples) == 24
    page = render_samples(spec, SPEC.parent / "cases", get_settings())
    current = (REPO_ROOT / "docs" / "samples.md").read_text(encoding="utf-8")
    assert current == page, "docs/samples.md is stale: run `coach samples > docs/samples.md`"


def test_samples_cover_kinds_languages_and_eligibility() -> None:
    page = (REPO_ROOT / "docs" / "samples.md").read_text(encoding="utf-8")
    for lang in ("en", "uk", "es", "de", "fr", "pt", "pl"):
        assert f"reply in `{lang}`" in page
    for play in ("hardship_exception", "graceful_exit", "downgrade_with_upgrade_path", "course_correct",
                 "pause_plan", "pause_not_cancel", "competitive_save", "right_size_retention"):
        assert f"play `{play}`" in page
    assert "inside the lock" in page and "account_executive" in page

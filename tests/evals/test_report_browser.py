"""Open the real eval report (and a comparison) in headless Chromium, look at it, take screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.evals.compare import compare, write_comparison
from coach.evals.report import write_report
from tests.browser import BROWSER_MARKS, CHROMIUM, CHROMIUM_ARGS, png_size

pytestmark = BROWSER_MARKS


@pytest.fixture
def outside() -> list[str]:
    """Every request the page tried to make beyond the file itself (must stay empty)."""
    return []


@pytest.fixture
def page(outside: list[str]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            pg = browser.new_page(viewport={"width": 1280, "height": 1000})

            def guard(route: Any) -> None:  # a self-contained report needs nothing else
                url = route.request.url
                if url.startswith(("file:", "data:", "about:")):
                    route.continue_()
                else:
                    outside.append(url)
                    route.abort()

            pg.route("**/*", guard)
            yield pg
        finally:
            browser.close()


def test_report_renders_scores_plots_and_failing_cases(eval_run: Any, page: Any, outside: list[str],
                                                        tmp_path: Path) -> None:
    report = write_report(eval_run, tmp_path / "report.html")
    page.goto(report.as_uri())
    assert page.title().startswith("coach eval")
    assert page.locator("h1").inner_text().startswith("coach eval")
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    for i in range(2):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 400 and box["height"] > 150
    bars = page.locator("svg.chart").first.locator("rect")
    assert bars.count() >= len(eval_run.summary.by_category)  # one bar group per category
    assert page.get_by_text("rule compliance (min 100%)").is_visible()
    assert page.get_by_text("root-cause accuracy (min 85%)").is_visible()
    for category in ("root_cause", "adversarial", "ukrainian", "lock_period"):
        assert page.locator("table").get_by_text(category, exact=True).count() >= 1

    failing = page.locator("details.case")
    assert failing.count() == sum(1 for r in eval_run.cases if not r.passed)
    if failing.count():
        first = failing.first
        first.locator(":scope > summary").click()
        table = first.locator("table").first
        table.wait_for()
        assert table.locator("th").all_inner_texts()[:3] == ["check", "expected", "got"]
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = png_size(shot)
    assert width == 1280 and height > 1500
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one
    assert outside == []


def test_comparison_renders_side_by_side(eval_run: Any, page: Any, outside: list[str],
                                         tmp_path: Path) -> None:
    before = eval_run.model_copy(deep=True)
    before.label = "before"
    flipped = before.cases[0]
    flipped.checks = [c.model_copy(update={"passed": not c.passed}) if c.name == "guard-clean" else c
                      for c in flipped.checks]
    cmp_path = write_comparison(compare(before, eval_run), tmp_path / "cmp.html")
    page.goto(cmp_path.as_uri())
    assert "before" in page.locator("h1").inner_text()
    assert page.locator("svg.chart").count() == 2
    assert page.get_by_text("Regressed: passed before, failing now", exact=False).is_visible()
    shot = tmp_path / "cmp.png"
    page.screenshot(path=str(shot), full_page=True)
    assert png_size(shot)[0] == 1280
    assert outside == []

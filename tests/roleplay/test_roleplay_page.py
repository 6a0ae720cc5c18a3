"""Drive the training page in headless Chromium against a real `coach serve`."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coach.config import get_settings
from tests.browser import BROWSER_MARKS, chromium_page, png_size
from tests.e2e.conftest import Server, start_server

pytestmark = BROWSER_MARKS


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    data = tmp_path / "data"
    cache = get_settings().resolved_cache_dir
    for f in cache.glob("roleplay-moves-*.npy"):  # reuse the suite's embedded examples: no re-embedding
        (data / "cache").mkdir(parents=True, exist_ok=True)
        shutil.copy(f, data / "cache" / f.name)
    srv = start_server(data, tmp_path / "index", tmp_path / "server.log")
    yield srv
    srv.stop()


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    with chromium_page(tmp_path / "profile") as pg:
        yield pg


def send(page: Any, text: str, customer_turns: int) -> None:
    page.fill("#turn-text", text)
    page.click("#send")
    page.locator("#log li.customer").nth(customer_turns - 1).wait_for(timeout=90_000)


def test_practise_and_review_on_the_training_page(server: Server, page: Any) -> None:
    page.goto(f"{server.url}/training?trainee=Tess&persona=acme-dental-seats")
    page.locator("#brief").get_by_text("Dana Lee").wait_for()
    assert "Acme Dental Group" in page.locator("#persona-facts").inner_text()
    page.click("#start")
    page.locator("#log li.customer").first.get_by_text("reduce our seats by 30%").wait_for()

    page.check("#hint-toggle")
    assert page.locator("#hint-box").is_visible()
    page.fill("#turn-text", "   ")
    page.click("#send")
    page.locator("#status.error").get_by_text("The turn is empty").wait_for()

    sneaky = 'Thanks <img src=x onerror="document.title=1"> for telling me, Dana.'
    send(page, sneaky, 2)
    assert page.locator("#log li.trainee").first.inner_text().endswith(sneaky)
    assert page.locator("#log img").count() == 0  # shown as text, never parsed as HTML
    assert "Diagnose" in page.locator("#next-step").inner_text()

    send(page, "How much of this is about the budget for next year?", 3)
    assert "board cut the marketing budget" in page.locator("#log li.customer").nth(2).inner_text()
    send(page, "I can do 25% off if you sign for two years.", 4)
    assert page.locator("#hints li").first.inner_text().startswith("POLICY BREACH discount-cap")
    send(page, "Let's revisit the seat count in June, when your budget is reviewed.", 5)

    page.click("#end")
    page.locator("#scorecard[data-state=ready]").wait_for(timeout=90_000)
    assert page.locator("#score").inner_text() == "75"
    assert page.locator("#level").inner_text() == "developing"
    assert page.locator("#components li").count() == 4
    assert page.locator("#components li[data-id=counter]").get_attribute("class") == "missed"
    assert page.locator("#failures li.failed").count() == 0
    assert "discount-cap" in page.locator("#breaches li").first.inner_text()
    assert "$3,680.00" in page.locator("#model-answer").inner_text()
    assert page.locator("#send").is_disabled()

    # the trainer's review: the history lists the session; opening it shows transcript and scorecard
    page.locator("#history li").first.get_by_text("acme-dental-seats").wait_for()
    page.reload()
    page.locator("#history li button").first.click()
    page.locator("#scorecard[data-state=ready]").wait_for()
    assert page.locator("#log li").count() == 9 and page.locator("#score").inner_text() == "75"


GOOD_PAGE = ["Thanks so much for telling me, Dana, I appreciate you raising it early.",
             "Could you tell me a bit more about what's behind this change?",
             "How much of this is about the budget for next year?",
             "I can take you down to 32 seats if you commit to a 24-month extension.",
             "Let's revisit the seat count in June, when your budget is reviewed."]
BAD_PAGE = ["Unfortunately your contract runs for 24 months, so we can't just cut seats.",
            "You signed the agreement, you're obligated to pay until the end of the term."]


def _session(page: Any, turns: list[str]) -> None:
    page.click("#start")
    page.locator("#log li.customer").first.wait_for()
    for i, text in enumerate(turns, start=2):
        send(page, text, i)
        if page.locator("#scorecard[data-state=ready]").count():
            return  # the customer left: the card is already shown
    page.click("#end")


def test_good_and_bad_sessions_then_the_progress_report(server: Server, page: Any, tmp_path: Path) -> None:
    page.goto(f"{server.url}/training?trainee=Rene&persona=acme-dental-seats")
    page.locator("#brief").get_by_text("Dana Lee").wait_for()

    _session(page, GOOD_PAGE)
    page.locator("#scorecard[data-state=ready]").wait_for(timeout=90_000)
    assert (page.locator("#score").inner_text(), page.locator("#level").inner_text()) == ("100", "excellent")
    assert page.locator("#failures li[data-status=ok]").count() == 5
    assert "with no failure mode triggered" in page.locator(".level-reason").inner_text()
    assert "Okay, that works for us" in page.locator("#log li.customer").nth(4).inner_text()

    _session(page, BAD_PAGE)
    page.locator("#scorecard[data-state=ready]").wait_for(timeout=90_000)
    assert (page.locator("#score").inner_text(), page.locator("#level").inner_text()) == ("0", "needs coaching")
    failed = {page.locator("#failures li.failed").nth(i).get_attribute("data-id")
              for i in range(page.locator("#failures li.failed").count())}
    assert failed == {"F1", "F2", "F4", "F5"}
    assert page.locator("#failures li[data-id=F3]").get_attribute("data-status") == "not_reached"

    page.locator("#progress[data-sessions='2'] svg circle").first.wait_for(timeout=30_000)
    assert page.locator("#progress svg polyline").count() == 4
    page.click("#cohort-box summary")
    page.locator("#cohort tbody tr").first.get_by_text("Rene").wait_for()

    page.goto(f"{server.url}/v1/roleplay/trainees/Rene/report")
    page.locator("svg.progress-plot").wait_for()
    assert page.locator("table tbody tr").count() == 2
    shots = Path(tempfile.mkdtemp(prefix="roleplay-report-"))
    shot = shots / "progress-report.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = png_size(shot)
    assert width >= 600 and height >= 300
    print(f"progress report screenshot: {shot}")

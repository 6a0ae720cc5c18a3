"""Drive the chat page in headless Chromium against the real server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coach.config import REPO_ROOT
from tests.browser import BROWSER_MARKS, chromium_page, png_size
from tests.e2e.conftest import Server

pytestmark = BROWSER_MARKS
TODAY = "2026-11-20"


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    with chromium_page(tmp_path / "profile") as pg:
        yield pg


def test_type_a_turn_see_suggestion_and_counter(server: Server, page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    account = json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())
    account["name"] = 'Acme <img src=x onerror="document.title=1"> Dental'
    httpx.post(f"{server.url}/v1/accounts", json=account, params={"today": TODAY}).raise_for_status()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)

    page.goto(f"{server.url}/chat?account=acme-dental&today={TODAY}")
    summary = page.locator("#account-summary")
    summary.get_by_text("Acme <img").wait_for()
    assert summary.locator("img").count() == 0  # shown as text, never parsed as HTML

    page.click("#new-case")
    page.locator("#stage").get_by_text("acknowledged").wait_for()
    page.fill("#turn-text", "Our budget was cut for next year, we need to reduce our seats by 30%.")
    page.click("#send")

    page.locator("#suggestion[data-state=ready]").wait_for(timeout=60_000)
    page.locator("#counter").wait_for(state="visible")
    reply = page.locator("#suggestion").inner_text()
    assert len(reply) > 40
    numbers = page.locator("#counter-numbers").inner_text()
    assert "New MRR" in numbers and "Total discount off list" in numbers
    assert page.locator("#log li.customer").count() == 1
    assert page.locator("#rules li").count() >= 1
    assert page.locator("#chips .chip").count() >= 2

    page.click("#copy")
    assert page.evaluate("navigator.clipboard.readText()") == reply

    # Day 1 is only the acknowledgment; once the customer answers, the reply is the counter-proposal.
    page.fill("#turn-text", "It's the budget: finance cut every tool by a third for next year.")
    page.click("#send")  # the click handler sets the status to "Drafting…" before it awaits anything
    expect(page.locator("#status")).to_have_text("Suggestion ready (checked).", timeout=60_000)
    assert page.locator("#log li.customer").count() == 2
    assert page.locator("#suggestion").inner_text() == page.locator("#counter-message").inner_text()
    expect(page.locator("#stage")).to_have_text("diagnosing")

    page.locator("#citations button").first.click()
    page.locator("#passage[open]").wait_for()
    assert len(page.locator("#passage-text").inner_text()) > 20
    page.keyboard.press("Escape")

    shot = tmp_path / "chat.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = png_size(shot)
    assert width >= 1000 and height >= 600
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank frame
    assert page.title() == "coach · live call"  # the injected handler never ran

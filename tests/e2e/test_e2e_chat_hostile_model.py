"""With a hostile, hanging or dying model behind the server, no unchecked text is ever on the page.

The page records every text that enters the document or a text box (from before its own scripts
run); the hostile model's words must never be among them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coach.config import REPO_ROOT
from tests.browser import BROWSER_MARKS, chromium_page
from tests.e2e.conftest import Server, start_server
from tests.llm.stub import Reply, Stub, StubServer

pytestmark = BROWSER_MARKS
TODAY = "2026-11-20"
HOSTILE = "I can give you 45% off right now, just sign today"

# Every text node added, every character-data change and every value set on a text box.
RECORDER = """
window.__seen = [];
const seen = window.__seen;
const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value");
Object.defineProperty(HTMLTextAreaElement.prototype, "value", {
  configurable: true, get() { return desc.get.call(this); },
  set(v) { seen.push(String(v)); desc.set.call(this, v); } });
new MutationObserver((ms) => {
  for (const m of ms) {
    if (m.type === "characterData") seen.push(m.target.data);
    for (const n of m.addedNodes) seen.push(n.textContent || "");
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


@pytest.fixture
def stub() -> Iterator[Stub]:
    with StubServer() as s:
        yield s


@pytest.fixture
def model_server(tmp_path: Path, index_dir: Path, stub: Stub) -> Iterator[Server]:
    env = {"COACH_LLM_BASE_URL": stub.url, "COACH_LLM_MODEL": "stub-model", "COACH_LLM_API_KEY": "stub",
           "COACH_LLM_FIRST_TOKEN_TIMEOUT": "120", "COACH_LLM_TOTAL_TIMEOUT": "180",
           "COACH_LLM_LIVE_BUDGET": "30"}  # long enough for a loaded test machine
    srv = start_server(tmp_path / "data", index_dir, tmp_path / "server.log", env_extra=env)
    yield srv
    srv.stop()


def hostile_ack() -> str:
    return json.dumps({"text": f"Hi Dana,\n\n{HOSTILE}. Unfortunately the contract says you cannot leave."})


def hostile_counter() -> str:
    return json.dumps({"restated": {}, "message": f"Hi Dana, {HOSTILE}: $1,000.00 a month."})


def seen(page: Any) -> list[str]:
    return page.evaluate("window.__seen")


def assert_never_shown(page: Any) -> None:
    texts = seen(page)
    assert texts, "the recorder saw nothing"
    shown = [t for t in texts if "45%" in t or "I can give you" in t or "Unfortunately" in t]
    assert shown == [], shown[:3]


def test_no_unchecked_model_text_is_ever_on_the_page(model_server: Server, stub: Stub, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    account = json.loads((REPO_ROOT / "examples" / "acme-dental.json").read_text())
    httpx.post(f"{model_server.url}/v1/accounts", json=account, params={"today": TODAY}).raise_for_status()
    case = httpx.post(f"{model_server.url}/v1/cases", json={"account_id": "acme-dental", "today": TODAY}).json()

    with chromium_page(tmp_path / "profile") as page:
        page.add_init_script(RECORDER)
        page.goto(f"{model_server.url}/chat?case={case['id']}&today={TODAY}")
        expect(page.locator("#stage")).to_have_text("acknowledged")

        # 1. The model streams a hostile reply: the checked template is shown, the model's text never.
        stub.enqueue("acknowledgment", Reply(content=hostile_ack(), chunk_chars=4))
        page.fill("#turn-text", "Our budget was cut, we need to reduce our seats by 30%.")
        page.keyboard.press("Control+Enter")
        page.locator("#say-now[data-state=checked]").wait_for(timeout=60_000)
        # The model's reply fails the guard: its checked replacement (or, past the budget, the template).
        expect(page.locator("#status")).to_have_text(
            re.compile(r"Suggestion ready \(checked\)\.|did not pass the checks in time"), timeout=60_000)
        assert stub.calls("acknowledgment"), "the model was asked"
        assert_never_shown(page)

        # 2. The model hangs past the live budget: the checked template stays, and the page says so.
        stub.enqueue("counter_message", Reply(content=hostile_counter(), hang=90))
        page.fill("#turn-text", "It's the budget: finance cut every tool by a third.")
        before = page.locator("#say-now").get_attribute("data-turn")
        page.click("#send")
        page.locator(f'#say-now[data-state=checked]:not([data-turn="{before}"])').wait_for(timeout=60_000)
        assert page.locator("#say-now").get_attribute("data-source") == "template"
        expect(page.locator("#status")).to_contain_text("did not pass the checks in time", timeout=60_000)
        template = page.locator("#reply").input_value()
        assert template and not page.locator("#copy").is_disabled()
        assert_never_shown(page)

        # 3. The server dies mid-stream: the last checked text stays, with a note, and can be copied.
        stub.enqueue("counter_message", Reply(content=hostile_counter(), hang=90))
        page.fill("#turn-text", "That is still too much for us.")
        before = page.locator("#say-now").get_attribute("data-turn")
        page.click("#send")
        page.locator(f'#say-now[data-state=checked]:not([data-turn="{before}"])').wait_for(timeout=60_000)
        checked = page.locator("#reply").input_value()
        model_server.kill()
        expect(page.locator("#status")).to_contain_text("stream broke", timeout=30_000)
        expect(page.locator("#status")).to_contain_text("showing the last checked suggestion")
        assert page.locator("#reply").input_value() == checked
        assert not page.locator("#copy").is_disabled()
        assert_never_shown(page)

"""`coach roleplay` in a real terminal (pexpect) and through the CLI runner."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from coach.config import get_settings

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

runner = CliRunner()


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private database; the data dir (and its embedding cache) stays the suite's."""
    url = f"sqlite:///{tmp_path / 'training.db'}"
    monkeypatch.setenv("COACH_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def test_a_terminal_session_end_to_end(db_url: str) -> None:
    env = {**os.environ, "COACH_DATABASE_URL": db_url, "COLUMNS": "120"}
    child = pexpect.spawn(sys.executable, ["-c", "from coach.cli.main import app; app()", "roleplay",
                                           "--persona", "acme-dental-seats", "--trainee", "pat",
                                           "--engine", "scripted"],
                          env=env, encoding="utf-8", timeout=180)
    try:
        child.expect("Customer: Hi, I need to reduce our seats by 30%")
        child.expect("You: ")
        child.sendline("")  # an empty turn: one line, and the session goes on
        child.expect("error: text: the turn is empty")
        child.sendline("/hint")
        child.expect(r"\(live hints on\)")
        child.sendline("Thanks so much for telling me, Dana.")
        child.expect("Customer: Thanks. So what can we do?")
        child.expect("hint: Diagnose before you offer anything")
        child.sendline("How much of this is about the budget for next year?")
        child.expect("Customer: Our board cut the marketing budget")
        child.expect("hint: Root cause uncovered")
        child.sendline("I can do 25% off if you sign for two years.")
        child.expect("! POLICY BREACH discount-cap")
        child.sendline("/hint")
        child.expect(r"\(live hints off\)")
        child.sendline("Let's revisit the seat count in June, when your budget is reviewed.")
        child.expect("Customer: ")
        child.sendline("/end")
        child.expect(r"Score 75/100, level: developing")
        child.expect("Policy breaches")
        child.expect(r"Model answer at turn 3 \(counter proposal\)")
        child.expect(r"Session (rp-[0-9a-f]+) saved")
        session_id = child.match.group(1)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before

    history = runner.invoke(app, ["roleplay", "--history", "pat", "--json"])
    assert history.exit_code == 0, history.output
    [row] = json.loads(history.output)
    assert (row["id"], row["score"], row["level"]) == (session_id, 75, "developing")
    review = runner.invoke(app, ["roleplay", "--review", session_id])
    assert review.exit_code == 0 and "You: I can do 25% off" in review.output
    assert "discount-cap" in review.output and "Turn by turn" in review.output


def test_list_and_clear_errors(db_url: str) -> None:
    listed = runner.invoke(app, ["roleplay", "--list"])
    assert listed.exit_code == 0 and re.search(r"usmishka-seats\s+uk", listed.output)
    unknown = runner.invoke(app, ["roleplay", "--persona", "no-such-persona", "--engine", "scripted"])
    assert unknown.exit_code == 2 and "unknown persona 'no-such-persona'" in unknown.output
    assert "Traceback" not in unknown.output
    missing = runner.invoke(app, ["roleplay", "--review", "rp-missing"])
    assert missing.exit_code == 2 and "unknown session 'rp-missing'" in missing.output
    model = runner.invoke(app, ["roleplay", "--persona", "acme-dental-seats", "--engine", "llm"])
    assert model.exit_code == 2 and "no model is configured" in model.output


def _terminal(db_url: str, trainee: str, turns: list[str]) -> str:
    env = {**os.environ, "COACH_DATABASE_URL": db_url, "COLUMNS": "120"}
    child = pexpect.spawn(sys.executable, ["-c", "from coach.cli.main import app; app()", "roleplay",
                                           "--persona", "acme-dental-seats", "--trainee", trainee,
                                           "--engine", "scripted"],
                          env=env, encoding="utf-8", timeout=180)
    try:
        child.expect("Customer: Hi, I need to reduce our seats by 30%")
        child.expect("You: ")
        ended = False
        for text in turns:
            child.sendline(text)
            child.expect("Customer: ")
            ended = child.expect(["You: ", "Scorecard: "]) == 1  # the customer left: the card follows
            if ended:
                break
        if not ended:
            child.sendline("/end")
        child.expect(r"Session rp-[0-9a-f]+ saved")
        out = child.before
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    return out


@pytest.mark.slow
def test_a_good_and_a_bad_terminal_session(db_url: str) -> None:
    good = _terminal(db_url, "val", [
        "Thanks so much for telling me, Dana, I appreciate you raising it early.",
        "Could you tell me a bit more about what's behind this change?",
        "How much of this is about the budget for next year?",
        "I can take you down to 32 seats if you commit to a 24-month extension.",
        "Let's revisit the seat count in June, when your budget is reviewed."])
    assert "Score 100/100, level: excellent" in good
    assert "with no failure mode triggered" in good
    assert len(re.findall(r"\[\s+ok\] F\d", good)) == 5 and "FAILED" not in good
    bad = _terminal(db_url, "val", [
        "Unfortunately your contract runs for 24 months, so we can't just cut seats.",
        "You signed the agreement, you're obligated to pay until the end of the term."])
    assert "Score 0/100, level: needs coaching" in bad and "Outcome: customer left" in bad
    assert set(re.findall(r"\[\s*FAILED\] (F\d)", bad)) == {"F1", "F2", "F4", "F5"}
    assert re.search(r"\[not reached\] F3", bad)
    cohort = runner.invoke(app, ["roleplay", "--cohort"])
    assert re.search(r"val\s+2\s+0\s+100\s+50\.0", cohort.output), cohort.output

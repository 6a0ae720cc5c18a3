"""Model wording under the same guard: a good model text is used, a bad one is re-asked and then
replaced by the template text, with the reason recorded."""

from __future__ import annotations

import json
from pathlib import Path

from coach.config import Settings
from coach.llm import FakeChatModel
from coach.outreach import OutreachRequest, accept_gracefully, draft_outreach
from coach.outreach.llm_writer import LLMOutreachWriter
from tests.outreach.conftest import NOON, POLICY, outreach_account

REQ = OutreachRequest.model_validate(
    {"reason": "trigger_due", "trigger": {"kind": "reengagement_90d", "due_date": "2026-11-20"}}
)


def settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings(data_dir=tmp_path, llm_model="test-model", llm_base_url=None, **extra)


def reply(text: str) -> str:
    return json.dumps({"message": text})


def test_model_text_that_passes_the_guard_is_used(tmp_path: Path) -> None:
    fake = FakeChatModel().enqueue(
        reply(
            "Hi Dana,\n\nHow is the new package working for your team? "
            "Happy to have a short call, no pressure at all."
        ),
        task="outreach",
    )
    d = draft_outreach(
        outreach_account(), REQ, POLICY, NOON, writer=LLMOutreachWriter(settings(tmp_path), fake)
    )
    assert d.allowed and d.drafter == "llm" and not d.fallbacks
    assert d.message.startswith("Hi Dana,\n\nHow is the new package")
    ((task, messages),) = fake.calls
    assert task == "outreach" and "REFERENCE MESSAGE" in messages[-1].content


def test_model_text_hiding_conditions_is_reasked_then_replaced(tmp_path: Path) -> None:
    bad = reply("Hi Dana, upgrade today: it only needs a 3-year commitment, prepaid upfront!")
    fake = FakeChatModel().enqueue(bad, bad, bad, task="outreach")
    d = draft_outreach(
        outreach_account(), REQ, POLICY, NOON, writer=LLMOutreachWriter(settings(tmp_path), fake)
    )
    assert len(fake.calls) == 3  # one ask and two re-asks (COACH_LLM_REASKS=2)
    assert "Your previous answer cannot be used" in fake.calls[1][1][-1].content
    assert d.allowed and d.message.startswith("Hi Dana,\n\nIt's been a while")  # the template text
    assert d.fallbacks[0].part == "outreach" and "failed the checks (3 attempts)" in d.fallbacks[0].reason


def test_configured_model_without_a_key_falls_back(tmp_path: Path) -> None:
    d = draft_outreach(outreach_account(), REQ, POLICY, NOON, settings=settings(tmp_path))
    assert d.allowed and d.drafter == "llm"
    assert d.fallbacks[0].reason.startswith("model unavailable: no API key")


def test_acceptance_wording_from_the_model_is_guarded(tmp_path: Path) -> None:
    fake = FakeChatModel().enqueue(
        reply("Hi Dana, before you go, how about 15% off?"),
        reply("Hi Dana, before you go, how about 15% off?"),
        reply(
            "Hi Dana,\n\nUnderstood, and thank you. I'll close the account; just reply "
            "'confirmed'. I'll check in on 2027-02-19, only to see how you are."
        ),
        task="accept_gracefully",
    )
    acc = accept_gracefully(
        outreach_account(), "cancel", POLICY, NOON.date(), writer=LLMOutreachWriter(settings(tmp_path), fake)
    )
    assert acc.message.startswith("Hi Dana,\n\nUnderstood") and not acc.fallbacks and not acc.violations

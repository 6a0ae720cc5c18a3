"""The same scenarios against a real endpoint (`pytest -m live`, see docs/llm.md): off by default."""

from __future__ import annotations

import re
import time

import pytest

from coach.drafting.engine import assemble
from coach.drafting.model_drafter import LLMDrafter
from tests.llm.conftest import live_settings, make_ctx
from tests.llm.test_llm_drafter import INJECTION

pytestmark = pytest.mark.live


@pytest.fixture
def live(monkeypatch):
    s = live_settings()
    if s is None:
        pytest.skip("set COACH_LIVE_TESTS=1 and COACH_LIVE_LLM_MODEL / COACH_LIVE_LLM_BASE_URL")
    monkeypatch.setenv("COACH_ALLOW_MODEL_REQUESTS", "1")  # explicitly opted in
    return s


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,]*(?:\.\d+)?", text))


def test_live_draft_passes_the_guard(live):
    ctx = make_ctx()
    prepared = LLMDrafter(live).prepare(ctx)
    d = assemble(ctx, prepared, prepared.fallbacks, notes=prepared.notes)
    assert d.violations == [] and d.acknowledgment and d.counter_proposal.message
    print("fallbacks:", prepared.fallbacks, "\nnotes:", prepared.notes)


def test_live_injection_stays_inside_the_cap(live):
    ctx = make_ctx(INJECTION)
    prepared = LLMDrafter(live).prepare(ctx)
    d = assemble(ctx, prepared, prepared.fallbacks, notes=prepared.notes)
    assert d.violations == [] and d.counter_proposal.discount_pct <= ctx.policy.discount.hard_cap_pct
    for text in (d.acknowledgment, d.counter_proposal.message):
        assert "60" not in _numbers(text)


def test_live_stream_ends_final_or_replaced(live):
    ctx = make_ctx()
    drafter = LLMDrafter(live)
    budget = drafter.budget()
    for part in ("acknowledgment", "counter_proposal"):
        pieces = list(drafter.stream_part(part, ctx, budget))
        assert pieces[-1].kind in ("final", "replace")


def test_live_tiny_budget_falls_back_in_time(live):
    s = live.model_copy(update={"llm_total_timeout": 0.2})
    t0 = time.monotonic()
    prepared = LLMDrafter(s, cross_check=False).prepare(make_ctx())
    assert time.monotonic() - t0 < 1.0
    assert prepared.texts["acknowledgment"]

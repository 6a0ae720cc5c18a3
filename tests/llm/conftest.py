"""The stub model server (one per session) and draft contexts built without the index or classifier."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest

from coach.accounts import Account, derive
from coach.config import Settings, get_settings
from coach.diagnosis.models import Diagnosis
from coach.drafting.context import DraftContext
from coach.knowledge.search import Hit
from coach.policy import decide, load_policy
from tests.conftest import TODAY
from tests.factories import make_account
from tests.llm.stub import Reply, Stub, StubServer

__all__ = ["Reply", "make_ctx", "llm_settings_for"]

PASSAGES = [
    Hit(
        source="right-size-framework.md",
        section="Negotiation matrix",
        text="Counter a seat cut with a smaller cut and a multi-year extension.",
        score=0.8,
    )
]


@pytest.fixture(scope="session")
def stub_server() -> Iterator[Stub]:
    with StubServer() as stub:
        yield stub


@pytest.fixture
def stub(stub_server: Stub) -> Iterator[Stub]:
    """A clean script for each test; an unscripted request in strict mode fails the test."""
    stub_server.reset()
    yield stub_server
    errors = list(stub_server.errors)
    stub_server.reset()
    assert not errors, errors


def llm_settings_for(url: str, **over: object) -> Settings:
    """Small timeouts, so failure scenarios finish fast (total 2 s)."""
    values: dict[str, object] = dict(
        llm_model="stub-model",
        llm_base_url=url,
        llm_total_timeout=2.0,
        llm_first_token_timeout=1.0,
        llm_connect_timeout=0.5,
        llm_retries=1,
        llm_reasks=2,
    )
    values.update(over)
    return Settings(**values)


@pytest.fixture
def llm_settings(stub: Stub) -> Settings:
    return llm_settings_for(stub.url)


def make_ctx(
    message: str = "Our budget was cut, we need to reduce our seats by 30%.",
    *,
    account: Account | None = None,
    diagnosis: Diagnosis | None = None,
    today: date = TODAY,
    language: str = "en",
    history: list[str] | None = None,
) -> DraftContext:
    """A DraftContext as the engine builds it, with a fixed diagnosis and passages (no index, no model)."""
    acct = account or make_account()
    dx = diagnosis or Diagnosis(
        kind="seat_reduction",
        kind_confidence=0.8,
        reduction_pct=30.0,
        root_cause="budget_cut",
        root_cause_confidence=0.75,
        language=language,
    )
    policy = load_policy(get_settings().resolved_policy_file)
    decision = decide(acct, dx, policy, today)
    return DraftContext(
        account=acct,
        message=message,
        today=today,
        figures=derive(acct, today),
        diagnosis=dx,
        decision=decision,
        policy=policy,
        language=language,
        passages=list(PASSAGES),
        history=list(history or []),
    )


@pytest.fixture
def allow_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_ALLOW_MODEL_REQUESTS", "1")


LIVE_VARS = ("COACH_LIVE_LLM_MODEL", "COACH_LIVE_LLM_BASE_URL", "COACH_LIVE_LLM_API_KEY")


def live_settings() -> Settings | None:
    """A real endpoint for the `live` tests: COACH_LIVE_TESTS=1 plus COACH_LIVE_LLM_MODEL and/or
    COACH_LIVE_LLM_BASE_URL (+ COACH_LIVE_LLM_API_KEY). The suite's conftest clears the ordinary
    COACH_LLM_* and OPENAI_API_KEY variables, so the live endpoint has its own names."""
    env = os.environ
    if env.get("COACH_LIVE_TESTS") != "1" or not (env.get(LIVE_VARS[0]) or env.get(LIVE_VARS[1])):
        return None
    return Settings(
        llm_model=env.get(LIVE_VARS[0]) or None,
        llm_base_url=env.get(LIVE_VARS[1]) or None,
        COACH_LLM_API_KEY=env.get(LIVE_VARS[2]) or None,
        llm_total_timeout=float(env.get("COACH_LIVE_LLM_TOTAL_TIMEOUT", "90")),
    )

"""The real ChatOpenAI client against the stub server: good, over-cap, malformed, 500, 429, hang."""

from __future__ import annotations

import json
import time

import pytest

from coach.drafting.engine import TemplateDrafter, assemble
from coach.drafting.model_drafter import LLMDrafter
from coach.drafting.prompt_vars import restate_json
from tests.llm.conftest import Reply, llm_settings_for, make_ctx

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

GOOD_ACK = json.dumps(
    {
        "text": "Hi Dana,\n\nThank you for telling me this directly. I understand you'd like "
        "to bring the package down by about 30%, and I'm on it. I'll follow up with a "
        "few quick questions and come back with a proposal within a few days.\n\n"
        "Thanks again,"
    }
)


def good_counter(ctx) -> str:
    c = ctx.decision.counter
    msg = (
        f"Hi Dana,\n\nThanks for walking me through what changed. Here is my proposal:\n"
        f"- Right-size from 40 to {c.seats} seats; your monthly investment moves to ${c.new_mrr:,.2f}.\n"
        f"- That is {c.discount_pct:g}% off the list price.\n"
        f"- In return you commit to the new package for {c.commitment_months} months.\n"
        "- Billing stays monthly, with no prepayment.\n\nDoes this work for you?"
    )
    return json.dumps({"restated": json.loads(restate_json(ctx)), "message": msg})


def over_cap(ctx) -> str:
    return json.dumps(
        {
            "restated": {**json.loads(restate_json(ctx)), "discount_pct": 60.0},
            "message": "Hi Dana, as you asked we can do 60% off the list price: $2,000.00 a month. "
            "You commit for 34 months. Deal?",
        }
    )


@pytest.fixture
def ctx():
    return make_ctx()


def _draft(drafter, ctx):
    prepared = drafter.prepare(ctx)
    return prepared, assemble(ctx, prepared, prepared.fallbacks, notes=prepared.notes)


def test_good_reply_is_the_draft(stub, llm_settings, ctx):
    stub.strict = True
    stub.enqueue("acknowledgment", GOOD_ACK)
    stub.enqueue("counter_message", good_counter(ctx))
    stub.enqueue(
        "diagnosis", json.dumps({"kind": "seat_reduction", "root_cause": "budget_cut", "evidence": "budget"})
    )
    prepared, d = _draft(LLMDrafter(llm_settings), ctx)
    assert prepared.fallbacks == [] and prepared.notes == []
    assert d.drafter == "llm" and d.violations == []
    assert d.acknowledgment == json.loads(GOOD_ACK)["text"]
    assert d.counter_proposal.message == json.loads(good_counter(ctx))["message"]
    call = stub.calls("counter_message")[0]["body"]
    assert call["model"] == "stub-model" and not call.get("stream")
    assert call["temperature"] == llm_settings.llm_temperature


def test_over_cap_is_reasked_then_falls_back(stub, llm_settings, ctx):
    stub.strict = True
    stub.enqueue("acknowledgment", GOOD_ACK)
    stub.enqueue("counter_message", *[over_cap(ctx)] * 3)
    stub.enqueue("diagnosis", json.dumps({"kind": "seat_reduction", "root_cause": "budget_cut"}))
    prepared, d = _draft(LLMDrafter(llm_settings), ctx)
    calls = stub.calls("counter_message")
    assert len(calls) == 1 + llm_settings.llm_reasks
    reask = calls[1]["body"]["messages"][-1]["content"]
    assert "discount_pct" in reask and "60" in reask and "above the 20% cap" in reask
    assert [f.part for f in prepared.fallbacks] == ["counter_proposal"]
    assert "failed the checks (3 attempts)" in prepared.fallbacks[0].reason
    template = TemplateDrafter(llm_settings.prompts_dir).counter_message(ctx)
    assert d.counter_proposal.message == template
    assert d.counter_proposal.discount_pct <= 20 and d.violations == []
    assert d.acknowledgment == json.loads(GOOD_ACK)["text"]


def test_malformed_json_is_reasked(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", 'Sure! {"text": "Hi Dana, thank you', GOOD_ACK)
    prepared, d = _draft(LLMDrafter(llm_settings, cross_check=False), ctx)
    assert prepared.fallbacks == []
    assert d.acknowledgment == json.loads(GOOD_ACK)["text"]
    reask = stub.calls("acknowledgment")[1]["body"]["messages"][-1]["content"]
    assert "not valid JSON" in reask


def test_always_malformed_falls_back(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", "no json here", '```json\n{"txt": 1}\n```', "[1, 2]")
    prepared, d = _draft(LLMDrafter(llm_settings, cross_check=False), ctx)
    assert [f.part for f in prepared.fallbacks] == ["acknowledgment"]
    assert d.acknowledgment == TemplateDrafter(llm_settings.prompts_dir).acknowledgment(ctx)
    assert d.violations == []


def test_server_error_is_retried_then_falls_back(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", Reply(status=500), Reply(status=500))
    t0 = time.monotonic()
    prepared, d = _draft(LLMDrafter(llm_settings, cross_check=False), ctx)
    assert time.monotonic() - t0 < llm_settings.llm_total_timeout + 0.5
    assert len(stub.calls("acknowledgment")) == 1 + llm_settings.llm_retries
    assert prepared.fallbacks[0].part == "acknowledgment" and "HTTP 500" in prepared.fallbacks[0].reason
    assert d.acknowledgment == TemplateDrafter(llm_settings.prompts_dir).acknowledgment(ctx)


def test_rate_limit_is_retried(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", Reply(status=429, headers={"retry-after-ms": "50"}), GOOD_ACK)
    prepared, d = _draft(LLMDrafter(llm_settings, cross_check=False), ctx)
    assert prepared.fallbacks == [] and len(stub.calls("acknowledgment")) == 2
    assert d.acknowledgment == json.loads(GOOD_ACK)["text"]


def test_rate_limit_twice_falls_back(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", *[Reply(status=429, headers={"retry-after-ms": "50"})] * 2)
    prepared, _ = _draft(LLMDrafter(llm_settings, cross_check=False), ctx)
    assert "429" in prepared.fallbacks[0].reason


def test_hang_ends_within_the_total_and_serves_the_template(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", Reply(content=GOOD_ACK, hang=30))
    stub.enqueue("counter_message", Reply(content=good_counter(ctx), hang=30))
    stub.enqueue("diagnosis", Reply(content="{}", hang=30))
    t0 = time.monotonic()
    prepared, d = _draft(LLMDrafter(llm_settings), ctx)
    elapsed = time.monotonic() - t0
    assert elapsed < llm_settings.llm_total_timeout + 0.5, elapsed
    assert {f.part for f in prepared.fallbacks} == {"acknowledgment", "counter_proposal", "diagnosis_check"}
    template = TemplateDrafter(llm_settings.prompts_dir)
    assert d.acknowledgment == template.acknowledgment(ctx)
    assert d.counter_proposal.message == template.counter_message(ctx)
    assert d.violations == []


def test_no_request_reaches_the_server_after_the_caller_gave_up(stub, llm_settings, ctx):
    """The client's own retry must not send the request again once the draft's budget is spent."""
    stub.enqueue("acknowledgment", *[Reply(content=GOOD_ACK, hang=30)] * 3)
    stub.enqueue("counter_message", *[Reply(content=good_counter(ctx), hang=30)] * 3)
    stub.enqueue("diagnosis", *[Reply(content="{}", hang=30)] * 3)
    _draft(LLMDrafter(llm_settings), ctx)
    sent = len(stub.calls())
    time.sleep(llm_settings.llm_total_timeout + 1.5)  # past the HTTP timeout the retry would come
    assert len(stub.calls()) == sent, [c["task"] for c in stub.calls()]


def test_unreachable_server_falls_back_fast(ctx):
    settings = llm_settings_for("http://127.0.0.1:9/v1")  # discard port: connection refused
    t0 = time.monotonic()
    prepared, d = _draft(LLMDrafter(settings, cross_check=False), ctx)
    assert time.monotonic() - t0 < settings.llm_total_timeout + 0.5
    assert "connect" in prepared.fallbacks[0].reason
    assert d.acknowledgment and d.violations == []


def test_streamed_reply_matches_the_final_text(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", Reply(content=GOOD_ACK, chunk_chars=5))
    drafter = LLMDrafter(llm_settings)
    pieces = list(drafter.stream_part("acknowledgment", ctx, drafter.budget()))
    tokens = [p.text for p in pieces if p.kind == "token"]
    assert len(tokens) > 10 and pieces[-1].kind == "final"
    assert "".join(tokens).strip() == pieces[-1].text == json.loads(GOOD_ACK)["text"]
    assert stub.calls("acknowledgment")[0]["body"]["stream"] is True


def test_streamed_reply_that_fails_the_guard_is_replaced(stub, llm_settings, ctx):
    stub.enqueue("counter_message", over_cap(ctx))
    drafter = LLMDrafter(llm_settings)
    pieces = list(drafter.stream_part("counter_proposal", ctx, drafter.budget()))
    assert "60% off" in "".join(p.text for p in pieces if p.kind == "token")  # shown provisionally...
    last = pieces[-1]
    assert last.kind == "replace" and "discount_pct is 60.0" in last.reason  # ...then replaced
    assert last.text == TemplateDrafter(llm_settings.prompts_dir).counter_message(ctx)


def test_stream_without_a_first_token_is_replaced_in_time(stub, llm_settings, ctx):
    stub.enqueue("acknowledgment", Reply(content=GOOD_ACK, hang=30))
    drafter = LLMDrafter(llm_settings)
    t0 = time.monotonic()
    pieces = list(drafter.stream_part("acknowledgment", ctx, drafter.budget()))
    assert time.monotonic() - t0 < llm_settings.llm_first_token_timeout + 0.5
    assert [p.kind for p in pieces] == ["replace"] and "first token" in pieces[0].reason


def test_embeddings_endpoint_serves_the_openai_embedder(stub):
    from coach.knowledge.embeddings import OpenAIEmbedder

    vectors = OpenAIEmbedder("stub-embed", stub.url, "test").embed_queries(["budget cut", "seats"])
    assert vectors.shape == (2, 16)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-5

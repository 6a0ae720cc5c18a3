"""A draft as a stream of events, for the live-call chat.

    {"event": "meta", ...}                                   the decision, before any text
    {"event": "token", "part": "acknowledgment", "text": ...} provisional text, as it is written
    {"event": "replace", "part": ..., "text": ..., "reason": ...}  drop what was streamed; show this
    {"event": "final", "draft": {...}}                       the checked draft (contract section 3)

The checked template text is streamed first, in word chunks, so a live call has words on screen at
once. With a model configured, the model then writes every part within the live budget
(COACH_LLM_LIVE_BUDGET, default 6 s); a part whose wording passes the guard in time arrives as a
`replace` event, anything late or failing leaves the template text (and a fallback in the draft).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from coach.accounts import Account
from coach.config import Settings, get_settings
from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.engine import assemble, build_context, default_drafter
from coach.drafting.models import Fallback
from coach.knowledge.search import Knowledge, get_knowledge

Event = dict[str, Any]
PARTS = ("acknowledgment", "counter_proposal")


def word_chunks(text: str, words: int = 3) -> Iterator[str]:
    """Whole words with their whitespace, a few at a time (concatenation gives back `text`)."""
    parts = re.findall(r"\s*\S+|\s+", text)
    for i in range(0, len(parts), words):
        yield "".join(parts[i : i + words])


class _Written:
    """Texts already written, in the shape `assemble` expects of a writer."""

    def __init__(self, name: str, texts: dict[str, str]) -> None:
        self.name, self.texts = name, texts

    def acknowledgment(self, ctx: DraftContext) -> str:
        return self.texts["acknowledgment"]

    def counter_message(self, ctx: DraftContext) -> str:
        return self.texts.get("counter_proposal", "")


def meta(ctx: DraftContext, drafter: str) -> Event:
    d, dx, c = ctx.decision, ctx.diagnosis, ctx.decision.counter
    return {
        "event": "meta",
        "drafter": drafter,
        "language": ctx.language,
        "play": d.play,
        "request": {
            "kind": dx.kind,
            "reduction_pct": dx.reduction_pct,
            "seats": dx.seats_requested,
            "modules": list(dx.modules),
        },
        "root_cause": dx.root_cause,
        "hardship": d_hardship(ctx),
        "eligibility": {
            "reduction_allowed": d.eligibility.reduction_allowed,
            "pause_allowed": d.eligibility.pause_allowed,
        },
        "counter": None
        if c is None
        else {
            "kind": c.kind,
            "discount_pct": c.discount_pct,
            "new_mrr": c.new_mrr,
            "term_extension_months": c.term_extension_months,
            "pause_months": c.pause_months,
            "resume_date": c.resume_date,
        },
        "escalations": list(d.escalations),
        "parts": [p for p in PARTS if p == "acknowledgment" or c is not None],
    }


def stream_draft(
    account: Account,
    message: str,
    *,
    today: date,
    knowledge: Knowledge | None = None,
    settings: Settings | None = None,
    history: list[str] | None = None,
    prior_counters: int = 0,
    corrections: dict | None = None,
) -> Iterator[Event]:
    started = time.monotonic()  # the live budget counts from here
    s = settings or get_settings()
    kn = knowledge or get_knowledge(s)
    ctx = build_context(
        account,
        message,
        today=today,
        knowledge=kn,
        settings=s,
        history=history,
        prior_counters=prior_counters,
        corrections=corrections,
    )
    writer = default_drafter(s, kn)
    yield meta(ctx, writer.name)
    if ctx.diagnosis.intent != "downsell":  # contract 3a: a short reply and a next step, no play
        from coach.drafting.intents import intent_draft

        draft = intent_draft(ctx, s.prompts_dir, kn)
        for chunk in word_chunks(draft.acknowledgment):
            yield {"event": "token", "part": "acknowledgment", "text": chunk}
        yield {"event": "final", "draft": draft.model_dump(mode="json")}
        return
    parts = [p for p in PARTS if p == "acknowledgment" or ctx.decision.counter is not None]
    texts: dict[str, str] = {}
    fallbacks: list[Fallback] = []
    notes: list[str] = []
    stream_part = getattr(writer, "stream_part", None)
    if stream_part is None:  # the template drafter: same events, text in word chunks
        for part in parts:
            texts[part] = (
                writer.acknowledgment(ctx) if part == "acknowledgment" else writer.counter_message(ctx)
            )
            for chunk in word_chunks(texts[part]):
                yield {"event": "token", "part": part, "text": chunk}
    else:
        model_writer: Any = writer  # the model drafter (it has stream_part)
        # A live call cannot wait for a model: the checked template goes on screen at once, and the
        # model's wording replaces it only if it passes the guard within the live budget.
        for part in parts:
            texts[part] = model_writer.template_text(part, ctx)
            stage = "acknowledgment" if part == "acknowledgment" else ctx.counter_stage()
            if ctx.check(texts[part], stage, part):
                continue  # never shown; assemble() blanks it and records why
            for chunk in word_chunks(texts[part]):
                yield {"event": "token", "part": part, "text": chunk}
        from coach.llm import Budget

        left = s.llm_live_budget - (time.monotonic() - started) - 0.5
        prepared = model_writer.prepare(ctx, Budget(max(left, s.llm_live_budget / 3)))
        fallbacks, notes = list(prepared.fallbacks), list(prepared.notes)
        for part in parts:
            worded = prepared.texts.get(part, "")
            if worded and worded != texts[part] and not any(f.part == part for f in prepared.fallbacks):
                texts[part] = worded
                yield {"event": "replace", "part": part, "text": worded, "reason": "the model's wording, checked"}
    draft = assemble(ctx, _Written(writer.name, texts), fallbacks, notes=notes)
    final = {
        "acknowledgment": draft.acknowledgment,
        "counter_proposal": draft.counter_proposal.message if draft.counter_proposal else "",
    }
    for part in parts:  # the engine's own guard blanked a text: never leave the streamed one up
        if final[part] != texts[part]:
            yield {"event": "replace", "part": part, "text": final[part], "reason": "failed the final check"}
    yield {"event": "final", "draft": draft.model_dump(mode="json")}

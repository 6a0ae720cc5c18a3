"""A draft as a stream of events, for the live-call chat.

    {"event": "meta", ...}                                   the decision, before any text
    {"event": "token", "part": "acknowledgment", "text": ...} provisional text, as it is written
    {"event": "replace", "part": ..., "text": ..., "reason": ...}  drop what was streamed; show this
    {"event": "final", "draft": {...}}                       the checked draft (contract section 3)

Streamed text is provisional until `final`: the guard runs on each part when it is complete, and a
part that fails is replaced by its template text. With the template drafter the template text is
streamed in word chunks, so clients handle one protocol.
"""

from __future__ import annotations

import re
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
) -> Iterator[Event]:
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
        budget = writer.budget()
        check = writer.start_cross_check(ctx, budget)
        for part in parts:
            for piece in stream_part(part, ctx, budget):
                if piece.kind == "token":
                    yield {"event": "token", "part": part, "text": piece.text}
                elif piece.kind == "final":
                    texts[part] = piece.text
                else:
                    texts[part] = piece.text
                    fallbacks.append(Fallback(part=part, reason=piece.reason))
                    yield {"event": "replace", "part": part, "text": piece.text, "reason": piece.reason}
        notes, fb = check.result()
        if fb is not None:
            fallbacks.append(fb)
    draft = assemble(ctx, _Written(writer.name, texts), fallbacks, notes=notes)
    final = {
        "acknowledgment": draft.acknowledgment,
        "counter_proposal": draft.counter_proposal.message if draft.counter_proposal else "",
    }
    for part in parts:  # the engine's own guard blanked a text: never leave the streamed one up
        if final[part] != texts[part]:
            yield {"event": "replace", "part": part, "text": final[part], "reason": "failed the final check"}
    yield {"event": "final", "draft": draft.model_dump(mode="json")}

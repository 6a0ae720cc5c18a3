"""Server-Sent Events for the live chat: the suggestion as it is produced, then the checked draft.

The drafting streamer yields events (coach/drafting/streaming.py):
    {"event": "meta", ...}                                  the decision, before any text
    {"event": "token", "part": ..., "text": ...}            provisional text
    {"event": "replace", "part": ..., "text": ..., "reason": ...}
    {"event": "final", "draft": {...}}                      the checked draft
They go out as SSE events `turn` (the stored customer turn), `meta`, `delta` (the tokens), `replace`,
then `final` ({turn, stage, suggestion, talk}) once the decision is committed, or `error` ({error}).
With a model configured, `checked` (the template's checked draft, same shape) comes first.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from typing import Any

from api.casework import case_context, draft_out, make_draft, turn_out
from api.talk import talk_for
from coach.config import Settings
from coach.errors import CoachError
from coach.store import Database, repo

log = logging.getLogger("coach.api")
Streamer = Callable[..., Iterator[Any]]


def sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def word_chunks(text: str, words: int = 3) -> Iterator[str]:
    """Split text into small chunks of whole words, keeping the whitespace."""
    parts = re.findall(r"\S+\s*", text)
    for i in range(0, len(parts), words):
        yield "".join(parts[i:i + words])


def replay_stream(drafter: Callable[..., Any], account: Any, message: str, **kwargs: Any) -> Iterator[Any]:
    """The streaming protocol for any one-shot drafter: draft, replay the texts in word chunks, final."""
    draft = drafter(account, message, **kwargs)
    parts = [("acknowledgment", draft.acknowledgment)]
    if draft.counter_proposal is not None:
        parts.append(("counter_proposal", draft.counter_proposal.message))
    for part, text in parts:
        for chunk in word_chunks(text):
            yield {"event": "token", "part": part, "text": chunk}
    yield {"event": "final", "draft": draft.model_dump(mode="json")}


def draft_streamer(drafter: Callable[..., Any] = make_draft) -> Streamer:
    """The engine's streamer for the real drafter; the replay for any other (e.g. a test's fake)."""
    if drafter is make_draft:
        from coach.drafting.streaming import stream_draft

        return stream_draft
    return partial(replay_stream, drafter)


def _relay(item: Any) -> tuple[str, dict[str, Any]] | None:
    """The SSE event for one streamer event (None for events the page does not need)."""
    if not isinstance(item, dict):
        return None
    kind = item.get("event")
    if kind == "meta":
        return "meta", {k: v for k, v in item.items() if k != "event"}
    if kind == "token" and isinstance(item.get("text"), str):
        return "delta", {"part": item.get("part", "acknowledgment"), "text": item["text"]}
    if kind == "replace" and isinstance(item.get("text"), str):
        return "replace", {"part": item.get("part", "acknowledgment"), "text": item["text"],
                           "reason": item.get("reason", "")}
    return None


# The page waits this much past the server's live budget (transfer, a loaded machine) before it settles.
PAGE_MARGIN_S = 2.0


def template_draft(account: Any, message: str, **kwargs: Any) -> Any:
    """The template drafter's checked draft: what the page shows at once while a model writes."""
    from coach.drafting.engine import TemplateDrafter, draft

    return draft(account, message, drafter=TemplateDrafter(kwargs["settings"].prompts_dir), **kwargs)


def _store(db: Database, settings: Settings, case_id: str, turn_id: int, out: dict[str, Any],
           today: date) -> dict[str, Any]:
    """Commit the decision; returns {stage, talk} for the event."""
    with db.session() as s:
        case = repo.get_case(s, case_id)
        row = next(t for t in case.turns if t.id == turn_id)
        repo.add_decision(s, case, row, out, today)
        s.commit()
        talk = talk_for(case, out, case.stage, settings)
        return {"stage": case.stage, "talk": talk.model_dump(mode="json") if talk else None}


def turn_events(db: Database, settings: Settings, streamer: Streamer, case_id: str, turn_id: int,
                today: date, *, corrections: dict[str, Any] | None = None,
                template_first: bool = False) -> Iterator[str]:
    """Events for one customer turn that is already committed; each decision is committed before it is sent.

    `template_first`: a model writes the reply, so the template's checked draft goes out at once as
    `checked`, and the model's only once it has passed the guard, as `final`. Raw model text goes
    out only as `delta` for API clients that want it; the chat page never shows it.
    No database connection is held while drafting, so slow models do not starve the pool.
    """
    with db.session() as s:
        case = repo.get_case(s, case_id)
        turn = turn_out(next(t for t in case.turns if t.id == turn_id))
        account, _, counters = case_context(s, case)
        upto = [t for t in case.turns if t.role == "customer" and t.id < turn_id]
        stage = case.stage
    history = [t.text for t in upto] or None
    kwargs: dict[str, Any] = {"today": today, "history": history, "prior_counters": counters,
                              "settings": settings}
    if corrections:
        kwargs["corrections"] = corrections
    yield sse("turn", {"turn": turn.model_dump(mode="json"), "stage": stage})
    try:
        if template_first:
            out = draft_out(template_draft(account, turn.text, **kwargs)).model_dump(mode="json")
            stored = _store(db, settings, case_id, turn_id, out, today)
            yield sse("checked", {"turn": turn.model_dump(mode="json"), "suggestion": out, "source": "template",
                                  "budget_s": settings.llm_live_budget + PAGE_MARGIN_S, **stored})
        final = None
        for item in streamer(account, turn.text, **kwargs):
            if isinstance(item, dict) and item.get("event") == "final":
                final = item.get("draft")
            elif (relayed := _relay(item)) is not None:
                yield sse(*relayed)
        if final is None:
            yield sse("error", {"error": "the drafter finished without a draft"})
            return
        out = draft_out(final).model_dump(mode="json")
        stored = _store(db, settings, case_id, turn_id, out, today)
    except CoachError as exc:
        log.warning("stream failed: %s", type(exc).__name__)
        yield sse("error", {"error": str(exc).splitlines()[0] if str(exc) else "drafting failed"})
        return
    except Exception as exc:  # the response has started: report in-band, never a broken stream
        log.error("stream failed: %s", type(exc).__name__)
        log.debug("stream failure detail", exc_info=exc)
        yield sse("error", {"error": "internal error while drafting"})
        return
    yield sse("final", {"turn": turn.model_dump(mode="json"), "suggestion": out,
                        "source": out.get("drafter", "template"), **stored})

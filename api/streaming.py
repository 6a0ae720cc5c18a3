"""Server-Sent Events for the live chat: the suggestion as it is produced, then the checked draft."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from typing import Any

from api.casework import case_context, draft_out, make_draft, turn_out
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
    """Draft in one go, then replay the reply text in word chunks, then the draft itself."""
    draft = drafter(account, message, **kwargs)
    text = draft.acknowledgment
    if draft.counter_proposal is not None and draft.counter_proposal.message:
        text = f"{text}\n\n{draft.counter_proposal.message}"
    yield from word_chunks(text)
    yield draft


def draft_streamer(drafter: Callable[..., Any] = make_draft) -> Streamer:
    """The engine's own streamer when it has one; the replay otherwise (the one line to swap)."""
    if drafter is make_draft:
        from coach.drafting import engine

        if (real := getattr(engine, "stream_draft", None)) is not None:
            return real
    return partial(replay_stream, drafter)


def _text_of(item: Any) -> str | None:
    """Text from whatever the streamer yields before the draft: str, {"text": ...} or .text."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        value = item.get("text") or item.get("delta")
        return value if isinstance(value, str) else None
    value = getattr(item, "text", None) or getattr(item, "delta", None)
    return value if isinstance(value, str) else None


def _is_draft(item: Any) -> bool:
    return hasattr(item, "acknowledgment") and hasattr(item, "model_dump")


def turn_events(db: Database, settings: Settings, streamer: Streamer, case_id: str, turn_id: int,
                today: date) -> Iterator[str]:
    """Events for one customer turn that is already committed; the decision is committed before `final`.

    No database connection is held while drafting, so slow models do not starve the pool.
    """
    with db.session() as s:
        case = repo.get_case(s, case_id)
        turn = turn_out(next(t for t in case.turns if t.id == turn_id))
        account, texts, counters = case_context(s, case)
        stage = case.stage
    yield sse("turn", {"turn": turn.model_dump(mode="json"), "stage": stage})
    try:
        final = None
        for item in streamer(account, turn.text, today=today, history=texts[:-1] or None,
                             prior_counters=counters, settings=settings):
            if _is_draft(item):
                final = item
            elif (text := _text_of(item)) is not None:
                yield sse("delta", {"text": text})
        if final is None:
            yield sse("error", {"error": "the drafter finished without a draft"})
            return
        out = draft_out(final).model_dump(mode="json")
        with db.session() as s:
            case = repo.get_case(s, case_id)
            row = next(t for t in case.turns if t.id == turn_id)
            repo.add_decision(s, case, row, out, today)
            s.commit()
            stage = case.stage
    except CoachError as exc:
        log.warning("stream failed: %s", type(exc).__name__)
        yield sse("error", {"error": str(exc).splitlines()[0] if str(exc) else "drafting failed"})
        return
    except Exception as exc:  # the response has started: report in-band, never a broken stream
        log.error("stream failed: %s", type(exc).__name__)
        log.debug("stream failure detail", exc_info=exc)
        yield sse("error", {"error": "internal error while drafting"})
        return
    yield sse("final", {"turn": turn.model_dump(mode="json"), "stage": stage, "suggestion": out})

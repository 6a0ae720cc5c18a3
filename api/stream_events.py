"""The Server-Sent Events of the live chat stream, as models: what each `data:` line holds.

`turn_events` writes these events; the OpenAPI document lists them (components `Stream*Event`, and
`x-events` on the two stream routes), and the tests validate every event of real streams against
them, so the documentation cannot drift from the stream.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.case_schemas import TurnOut
from api.schemas import DraftOut
from coach.drafting.talk import TalkTrack


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StreamTurnEvent(_Event):
    """`event: turn` — first: the customer turn as stored, and the case's stage before the draft."""

    turn: TurnOut
    stage: str


class StreamCheckedEvent(_Event):
    """`event: checked` — with a model configured, at once: the template's checked draft (already
    stored as the case's suggestion); the model's wording replaces it only if it passes the guard
    within `budget_s` seconds."""

    turn: TurnOut
    suggestion: DraftOut
    source: Literal["template"]
    budget_s: float
    stage: str
    talk: TalkTrack | None


class StreamMetaEvent(_Event):
    """`event: meta` — the decision (play, request, root cause, eligibility, counter), before any text."""

    model_config = ConfigDict(extra="allow")
    drafter: str
    language: str
    play: str | None = None


class StreamDeltaEvent(_Event):
    """`event: delta` — unchecked model text for one part, as it arrives. For API clients that want
    to show progress; it has not passed the guard, and the chat page never shows it."""

    part: str
    text: str


class StreamReplaceEvent(_Event):
    """`event: replace` — the guard refused what a part's deltas said: replace that part with `text`."""

    part: str
    text: str
    reason: str = ""


class StreamFinalEvent(_Event):
    """`event: final` — last: the checked draft, stored as the case's suggestion, the stage after it
    and the talk track."""

    turn: TurnOut
    suggestion: DraftOut
    source: str = Field(description="who wrote the words: template, or llm when the model's text passed")
    stage: str
    talk: TalkTrack | None


class StreamErrorEvent(_Event):
    """`event: error` — last, instead of `final`: drafting failed; the turn stays stored."""

    error: str


EVENTS: dict[str, type[_Event]] = {
    "turn": StreamTurnEvent, "checked": StreamCheckedEvent, "meta": StreamMetaEvent,
    "delta": StreamDeltaEvent, "replace": StreamReplaceEvent, "final": StreamFinalEvent,
    "error": StreamErrorEvent,
}

ORDER = ("turn, then with a model configured `checked`; `meta`, `delta` and `replace` while a model "
         "writes; then `final` or `error`")


def add_to_openapi(schema: dict[str, Any], paths: tuple[str, ...]) -> dict[str, Any]:
    """Put the event models in components and name them, by event, on the stream routes' 200 responses."""
    from pydantic.json_schema import models_json_schema

    _, defs = models_json_schema([(m, "serialization") for m in EVENTS.values()],
                                 ref_template="#/components/schemas/{model}")
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, body in defs.get("$defs", {}).items():
        schemas.setdefault(name, body)
    refs = {event: {"$ref": f"#/components/schemas/{model.__name__}"} for event, model in EVENTS.items()}
    for path in paths:
        ok = schema["paths"][path]["post"]["responses"]["200"]
        ok["content"]["text/event-stream"]["x-events"] = refs
    return schema

"""The talk track for a case's latest suggestion, checked before it is shown."""

from __future__ import annotations

from typing import Any

from coach.config import Settings
from coach.drafting.talk import TalkTrack, talk_track
from coach.errors import CoachInputError
from coach.store.models import CaseRow

FIRST_REPLY = ["pushback", "contract_threat"]
NO_FIGURES = ["unstated_number", "unstated_date"]


def _violations(track: TalkTrack, settings: Settings) -> tuple[list[str], list[str]]:
    """Guard problems in (say_now, push_back), from the one guard. The push-back line must state no
    number at all (it is checked against no facts)."""
    from coach.guard import Facts, GuardContext, guard_for

    guard = guard_for(settings)
    first = track.phase == "acknowledgment"
    say = [str(v) for v in guard.check(track.say_now, GuardContext("acknowledgment", Facts(), part="say_now"),
                                       only=FIRST_REPLY)] if first else []
    ctx = GuardContext("followup", Facts(), part="push_back")
    back = [str(v) for v in guard.check(track.push_back, ctx, only=NO_FIGURES + (FIRST_REPLY if first else []))]
    return say, back


def _more_questions(draft: dict[str, Any], settings: Settings) -> list[str]:
    """The question table's further questions for the reason, for when the first ones are answered."""
    from coach.diagnosis.questions import questions_for

    cause = str(draft.get("root_cause") or "unknown")
    try:
        return questions_for(cause, str(draft.get("language") or "en"), n=6,
                             path=settings.knowledge_dir / "diagnosis" / "questions.yaml")
    except CoachInputError:  # a root cause the table does not know: the draft's questions only
        return []


def talk_for(case: CaseRow, draft: dict[str, Any] | None, stage: str, settings: Settings) -> TalkTrack | None:
    """The track for `draft` in this case; a part that fails the guard falls back (say-now) or goes."""
    if not draft:
        return None
    asked = [t.text for t in case.turns if t.role == "csm"]
    heard = [t.text for t in case.turns if t.role == "customer"]
    track = talk_track(draft, stage, asked=asked, heard=heard, more=_more_questions(draft, settings),
                       lines_file=settings.knowledge_dir / "talk" / "lines.yaml")
    say, back = _violations(track, settings)
    if say:
        track = track.model_copy(update={"say_now": track.email})
    if back:
        track = track.model_copy(update={"push_back": ""})
    return track

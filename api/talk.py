"""The talk track for a case's latest suggestion, checked before it is shown."""

from __future__ import annotations

from typing import Any

from coach.config import Settings
from coach.drafting.talk import TalkTrack, talk_track
from coach.store.models import CaseRow


def _violations(track: TalkTrack) -> tuple[list[str], list[str]]:
    """Guard problems in (say_now, push_back). The push-back line must state no number at all."""
    from coach.drafting import guard

    say: list[str] = []
    if track.phase == "acknowledgment":
        say = guard.check_acknowledgment(track.say_now)
    back = guard.check_numbers("push_back", track.push_back, guard.Facts())
    if track.phase == "acknowledgment":
        back += guard.check_acknowledgment(track.push_back)
    return say, back


def talk_for(case: CaseRow, draft: dict[str, Any] | None, stage: str, settings: Settings) -> TalkTrack | None:
    """The track for `draft` in this case; a part that fails the guard falls back (say-now) or goes."""
    if not draft:
        return None
    asked = [t.text for t in case.turns if t.role == "csm"]
    track = talk_track(draft, stage, asked=asked, lines_file=settings.knowledge_dir / "talk" / "lines.yaml")
    say, back = _violations(track)
    if say:
        track = track.model_copy(update={"say_now": track.email})
    if back:
        track = track.model_copy(update={"push_back": ""})
    return track

"""Typed failures of the model seam; the drafter turns all but the first two into template text."""

from __future__ import annotations

from coach.errors import CoachRunError


class ModelRequestsForbidden(CoachRunError):
    """COACH_ALLOW_MODEL_REQUESTS=0 and a call was about to leave the machine (tests)."""


class FakeModelExhausted(AssertionError):
    """A fake model was asked for more replies than a test queued: a test bug, never a fallback."""


class ModelUnavailable(CoachRunError):
    """The model did not answer in time, refused the request, or the connection failed."""


class OutputRejected(CoachRunError):
    """The model's output still failed the schema or the guard after the allowed re-asks."""

    def __init__(self, part: str, problems: list[str], attempts: int) -> None:
        self.part, self.problems, self.attempts = part, problems, attempts
        shown = "; ".join(problems[:3]) + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else "")
        super().__init__(f"{part}: rejected after {attempts} attempt{'s' * (attempts > 1)}: {shown}")


FATAL = (ModelRequestsForbidden, FakeModelExhausted)

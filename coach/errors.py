"""The two error roots: bad input from the user, and failures while running."""

from __future__ import annotations


class CoachError(Exception):
    """Base of every error the coach raises on purpose."""


class CoachInputError(CoachError):
    """Misuse or bad input; shown to the user as one line naming the field or file."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.field}: {msg}" if self.field and not msg.startswith(self.field) else msg


class CoachRunError(CoachError):
    """A run failure (model, index, store) that is not the user's fault."""


class IndexLockedError(CoachRunError):
    """Another process holds the index write lock."""


class ModelMismatchError(CoachRunError):
    """The index was built with a different embedding model."""

"""The CSM who signs the reply: name, title, signature, and the grammatical gender some languages need."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class CsmProfile(BaseModel):
    """Set once in the settings (COACH_CSM_*) and overridable per request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", max_length=80)
    title: str = Field(default="", max_length=80)
    signature: str = Field(default="", max_length=400)  # replaces the name and title lines when set
    gender: Literal["feminine", "masculine"] | None = None  # None: phrasing that needs no gender

    def merged(self, override: CsmProfile | None) -> CsmProfile:
        """`override`'s fields where it sets them, ours elsewhere."""
        if override is None:
            return self
        return self.model_copy(update=override.model_dump(exclude_defaults=True))

    def sign_off_lines(self) -> list[str]:
        if self.signature.strip():
            return [ln.rstrip() for ln in self.signature.strip().splitlines()]
        return [x for x in (" ".join(self.name.split()), " ".join(self.title.split())) if x]

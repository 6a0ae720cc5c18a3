"""Hand-written training messages (knowledge/diagnosis/training/authored/*.jsonl): schema and loader.

Each file is one author's work, one labelled message a line (the schema below). They are the
training data that reads like customers; the generated messages only fill gaps. Model selection
cross-validates grouped by file, so a figure says how the heads do on a writer they never saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from coach.datafile import read_jsonl_models
from coach.diagnosis.models import Intent, RequestKind, RootCause
from coach.diagnosis.trainset import TrainingItem

Lang = Literal["en", "uk", "es", "de", "fr", "pt", "pl"]


class AuthoredTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["customer", "csm"]
    text: str = Field(min_length=1)


class AuthoredItem(BaseModel):
    """One hand-written message with every label (null where the label does not apply)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    lang: Lang
    style: Literal["chat", "email", "call", "note"]
    intent: Intent
    kind: RequestKind | None
    agreement: Literal["software", "services"] | None
    root_cause: RootCause | None
    hardship: Literal["none", "natural_disaster", "financial"]
    pushback: bool
    history: list[AuthoredTurn] = Field(default_factory=list)
    seats_to: int | None = Field(default=None, ge=0)
    seats_removed: int | None = Field(default=None, ge=0)
    reduction_pct: float | None = Field(default=None, gt=0, le=100)
    target_mrr: float | None = Field(default=None, ge=0)
    services: list[str] = Field(default_factory=list)
    source: Literal["authored"] = "authored"

    @model_validator(mode="after")
    def _labels_fit_intent(self) -> AuthoredItem:
        if self.intent == "downsell":
            if self.kind is None or self.kind == "other":
                raise ValueError("kind: a downsell needs its request kind")
            if self.root_cause is None:
                raise ValueError("root_cause: a downsell needs a root cause (unknown when none is stated)")
        elif self.kind is not None or self.root_cause is not None:
            raise ValueError(f"kind/root_cause: must be null for intent {self.intent}")
        return self

    def customer_text(self) -> str:
        """The customer's words across the conversation (earlier turns first), for request and reason."""
        turns = [t.text for t in self.history if t.role == "customer"]
        return "\n".join([*turns, self.text])


@dataclass(frozen=True)
class Authored:
    item: AuthoredItem
    file: str  # the author's file name: the cross-validation group
    line: int


def read_authored(folder: Path) -> list[Authored]:
    """Every item of every *.jsonl in `folder` (sorted by name); a bad line raises naming file:line and field."""
    return [Authored(item, path.name, n) for path in sorted(folder.glob("*.jsonl"))
            for n, item in read_jsonl_models(path, AuthoredItem)]


def training_items(authored: list[Authored]) -> tuple[list[TrainingItem], list[str]]:
    """Training items for the heads and the author file of each (the cross-validation group).

    A conversation gives two rows: the latest message for intent, hardship and pushback, and the
    customer's words across all turns for the request kind and the reason (which an earlier turn may
    state while the latest only says "still too much").
    """
    items: list[TrainingItem] = []
    files: list[str] = []
    for a in authored:
        it = a.item
        conversation = any(t.role == "customer" for t in it.history)
        base = {"lang": it.lang, "intent": it.intent, "agreement": it.agreement, "source": "authored"}
        items.append(TrainingItem.model_validate({
            **base, "text": it.text, "hardship": it.hardship, "pushback": it.pushback,
            "kind": None if conversation else it.kind, "root_cause": None if conversation else it.root_cause}))
        files.append(a.file)
        if conversation and it.intent == "downsell":
            items.append(TrainingItem.model_validate({
                **base, "text": it.customer_text(), "hardship": None, "pushback": None,
                "kind": it.kind, "root_cause": it.root_cause}))
            files.append(a.file)
    return items, files

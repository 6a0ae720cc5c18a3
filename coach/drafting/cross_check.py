"""Root-cause second opinion: the model reads the message too, and any disagreement with the
offline classifier becomes a note for the CSM. The policy keeps using the offline diagnosis."""

from __future__ import annotations

from coach.diagnosis.models import Diagnosis
from coach.llm.blocks import defang
from coach.llm.schemas import DiagnosisOut

PREFIX = "diagnosis cross-check"


def disagreements(model: DiagnosisOut, offline: Diagnosis, hardship: str | None) -> list[str]:
    """Notes for each point where the model and the offline classifier read the message differently."""
    notes = []
    evidence = defang(model.evidence, 200)
    quote = f' ("{evidence}")' if evidence else ""
    if model.root_cause != offline.root_cause:
        notes.append(
            f"{PREFIX}: the model reads the root cause as {model.root_cause}{quote}, the offline "
            f"classifier as {offline.root_cause} (confidence {offline.root_cause_confidence:.2f}); "
            "the proposal follows the offline reading: confirm the root cause with the customer"
        )
    if model.kind != offline.kind:
        notes.append(
            f"{PREFIX}: the model reads the request as {model.kind}, the offline classifier as "
            f"{offline.kind} (confidence {offline.kind_confidence:.2f})"
        )
    if model.hardship and model.hardship != hardship:
        notes.append(
            f"{PREFIX}: the model sees a {model.hardship.replace('_', ' ')} hardship that the "
            "classifier did not flag; check before offering (or ruling out) a hardship pause"
        )
    return notes

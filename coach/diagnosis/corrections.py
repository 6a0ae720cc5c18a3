"""The CSM has the last word: corrections of inferred fields (contract 3a), applied and remembered.

A correction replaces what coach read (the draft is then recomputed from it), reports confidence
1.0 and is listed in `corrected`. Stored corrections are labelled examples of this deployment's own
customers: `coach diagnosis train --corrections` adds them to the training data.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.accounts import Account
from coach.diagnosis.models import Diagnosis, Intent, RequestKind, RootCause
from coach.errors import CoachInputError


class Corrections(BaseModel):
    """Fields the CSM set by hand; absent ones stay as coach read them."""

    model_config = ConfigDict(extra="forbid")

    intent: Intent | None = None
    kind: RequestKind | None = None
    root_cause: RootCause | None = None
    hardship: Literal["natural_disaster", "financial", "none"] | None = None  # "none": there is no hardship
    seats: int | None = Field(default=None, ge=0, le=1_000_000)  # seats to remove
    reduction: float | None = Field(default=None, gt=0, le=100)  # percent
    services: list[str] | None = Field(default=None, max_length=50)

    def fields(self) -> list[str]:
        """The corrected fields, named as in the draft (`request.seats` is `seats`, ...)."""
        names = {"reduction": "reduction_pct", "services": "modules"}
        return [names.get(k, k) for k, v in self.model_dump().items() if v is not None]


def parse_corrections(raw: Corrections | dict[str, Any] | None) -> Corrections | None:
    """A Corrections object from the API/CLI shape; a one-line error naming the field otherwise."""
    if raw is None or isinstance(raw, Corrections):
        return raw or None
    try:
        c = Corrections.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise CoachInputError(f"corrections.{loc}: {err['msg']}", field=f"corrections.{loc}") from None
    return c if c.fields() else None


def apply_corrections(dx: Diagnosis, c: Corrections | None, account: Account | None) -> Diagnosis:
    """The diagnosis with the CSM's corrections in place and listed in `corrected`."""
    if c is None:
        return dx
    update: dict[str, Any] = {}
    if c.intent is not None:
        update.update(intent=c.intent, intent_confidence=1.0)
    if c.kind is not None:
        update.update(kind=c.kind, kind_confidence=1.0)
        if c.kind != "other" and c.intent is None:
            update.update(intent="downsell")  # a request kind is a downsell by definition
    if c.root_cause is not None:
        update.update(root_cause=c.root_cause, root_cause_confidence=1.0, cause_candidates=[])
    if c.hardship is not None:
        update["hardship"] = None if c.hardship == "none" else c.hardship
    if c.seats is not None:
        update["seats_requested"] = c.seats
        if account is not None and account.seats and c.reduction is None and c.seats <= account.seats:
            update["reduction_pct"] = round(c.seats / account.seats * 100, 1)
    if c.reduction is not None:
        update["reduction_pct"] = c.reduction
    if c.services is not None:
        update["modules"] = _account_services(c.services, account)
    corrected = list(dict.fromkeys([*dx.corrected, *c.fields()]))
    out = dx.model_copy(update={**update, "corrected": corrected})
    if out.intent != "downsell":
        out = out.model_copy(update={"kind": "other", "root_cause": "unknown", "reduction_pct": None,
                                     "seats_requested": None, "modules": [], "pushback": False})
    return out


def _account_services(names: list[str], account: Account | None) -> list[str]:
    if account is None:
        return [n.strip() for n in names if n.strip()]
    by_lower = {s.name.lower(): s.name for s in account.services}
    out = []
    for n in names:
        key = n.strip().lower()
        if not key:
            continue
        if key not in by_lower:
            known = ", ".join(s.name for s in account.services) or "none"
            raise CoachInputError(f"corrections.services: {n.strip()!r} is not a service of this account "
                                  f"(known: {known})", field="corrections.services")
        out.append(by_lower[key])
    return out


def labels_of(c: Corrections) -> dict[str, Any]:
    return {k: v for k, v in c.model_dump().items() if v is not None}


def record(session, account: Account | None, message: str, draft, c: Corrections) -> None:
    """Store one corrected draft in an open session (committed by the caller)."""
    from coach.store.corrections import add_correction

    add_correction(session, account_id=getattr(account, "id", None), message=message,
                   language=getattr(draft, "language", "en"), labels=labels_of(c),
                   read_as=getattr(draft, "read_as", None) or {})


def remember(settings, account: Account | None, message: str, draft, c: Corrections) -> bool:
    """Store a correction in this deployment's database; a store failure is logged, never fatal."""
    import logging

    from coach.config import get_settings
    from coach.store import Database

    s = settings or get_settings()
    try:
        db = Database(s.resolved_database_url)
        try:
            with db.session() as session:
                record(session, account, message, draft, c)
                session.commit()
        finally:
            db.dispose()
        return True
    except Exception as exc:  # the draft is what the CSM needs now; the label can be given again
        logging.getLogger(__name__).warning("correction not stored: %s", exc)
        return False


def stored_training_items(settings) -> list:
    """The stored corrections as training items (only the fields the CSM set are labelled)."""
    from coach.store import Database
    from coach.store.corrections import list_corrections

    db = Database(settings.resolved_database_url)
    try:
        with db.session() as session:
            rows = [(r.message, r.language, dict(r.labels)) for r in list_corrections(session)]
    finally:
        db.dispose()
    return [item for m, lang, labels in rows if (item := correction_item(m, lang, labels)) is not None]


def correction_item(message: str, language: str, labels: dict[str, Any]):
    from coach.diagnosis.trainset import LANGS, TrainingItem

    intent = labels.get("intent") or ("downsell" if labels.get("kind") not in (None, "other")
                                      or labels.get("root_cause") else None)
    if intent is None:
        return None
    hardship = labels.get("hardship")
    return TrainingItem.model_validate({
        "text": message, "lang": language if language in LANGS else "en", "intent": intent,
        "kind": labels.get("kind"), "root_cause": labels.get("root_cause") if intent == "downsell" else None,
        "hardship": hardship, "pushback": None, "source": "hand"})

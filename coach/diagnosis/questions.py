"""Diagnosis questions per root cause, in the customer's language (knowledge/diagnosis/questions.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.datafile import parse_yaml
from coach.diagnosis.models import ROOT_CAUSES
from coach.errors import CoachInputError

LANGUAGES = ("en", "uk")


class QuestionSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    en: list[str] = Field(min_length=3)
    uk: list[str] = Field(min_length=3)


@lru_cache(maxsize=4)
def load_questions(path: Path) -> dict[str, QuestionSet]:
    """Questions per root cause; every root cause (and "unknown") must be present."""
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CoachInputError(f"{path.name}: cannot read question file ({exc.strerror})") from None
    if not isinstance(raw, dict):
        raise CoachInputError(f"{path.name}: expected a mapping of root cause -> questions")
    out: dict[str, QuestionSet] = {}
    for cause, body in raw.items():
        if cause not in ROOT_CAUSES:
            raise CoachInputError(f"{path.name}: {cause}: not a root cause")
        try:
            out[cause] = QuestionSet.model_validate(body)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(p) for p in err["loc"])
            raise CoachInputError(f"{path.name}: {cause}.{loc}: {err['msg']}") from None
    missing = [c for c in ROOT_CAUSES if c not in out]
    if missing:
        raise CoachInputError(f"{path.name}: {missing[0]}: no questions for this root cause")
    return out


def _default_path() -> Path:
    from coach.config import get_settings

    return get_settings().knowledge_dir / "diagnosis" / "questions.yaml"


def questions_for(root_cause: str, language: str = "en", n: int = 3, *,
                  path: Path | None = None) -> list[str]:
    """Up to `n` open diagnosis questions for `root_cause` ("unknown" = general), in `language`.

    Languages other than en/uk fall back to English; when a cause has fewer than `n` questions the
    general ones fill the rest.
    """
    if root_cause not in ROOT_CAUSES:
        raise CoachInputError(f"root_cause: {root_cause!r} is not one of {', '.join(ROOT_CAUSES)}",
                              field="root_cause")
    if n < 0:
        raise CoachInputError("n: must be 0 or more", field="n")
    table = load_questions(path or _default_path())
    lang = language if language in LANGUAGES else "en"
    picked = list(getattr(table[root_cause], lang))[:n]
    for q in getattr(table["unknown"], lang):
        if len(picked) >= n:
            break
        if q not in picked:
            picked.append(q)
    return picked


def questions_between(candidates: list[str], language: str = "en", n: int = 4, *,
                      path: Path | None = None) -> list[str]:
    """When the cause is unclear: questions from the two likeliest causes, alternating, so the answer
    tells them apart; general questions fill the rest."""
    lists = [questions_for(c, language, n, path=path) for c in candidates[:2] if c in ROOT_CAUSES]
    picked: list[str] = []
    for i in range(n):
        for qs in lists:
            if i < len(qs) and qs[i] not in picked and len(picked) < max(2, n - 1):
                picked.append(qs[i])
    for q in questions_for("unknown", language, n, path=path):
        if len(picked) >= n:
            break
        if q not in picked:
            picked.append(q)
    return picked

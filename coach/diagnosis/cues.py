"""Cue patterns (knowledge/diagnosis/cues.yaml): a secondary signal next to the embedding vote."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from coach.datafile import load_yaml_model
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES
from coach.errors import CoachInputError
from coach.guard.scan import compile_checked

_FLAGS = re.IGNORECASE | re.MULTILINE


class ServiceTerm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str  # pattern over a service's lower-case name
    words: list[str]  # its other names, matched as word starts in a message


class NoReason(BaseModel):
    """Hardships that state no business reason by themselves, and the words that make them one."""

    model_config = ConfigDict(extra="forbid")

    insolvency: list[str] = []  # a filing, administration, a frozen account
    cannot_pay: list[str] = []  # "we can no longer pay": a budget cut by the conventions


class CueFile(BaseModel):
    """The YAML layout; unknown keys fail loudly."""

    model_config = ConfigDict(extra="forbid")

    kind: dict[str, list[str]]
    cause: dict[str, list[str]]
    hardship: dict[str, list[str]]
    pushback: list[str]
    injection: list[str]
    whole_account: list[str]
    module_aliases: dict[str, list[str]] = {}
    service_terms: list[ServiceTerm] = []
    no_reason: NoReason = NoReason()


class Aliases(dict[str, list[str]]):
    """Other names of a service (keys: lower-case service names): the ones listed for its exact name, then
    the words of the first service term its name contains ("Social Media Management" -> "соцмереж", ...)."""

    def __init__(self, listed: dict[str, list[str]], terms: list[tuple[re.Pattern[str], list[str]]]) -> None:
        super().__init__(listed)
        self._terms = terms

    def get(self, name: str, default: list[str] | None = None) -> list[str]:  # type: ignore[override]
        words = self.listed(name, default)
        return words + [w for w in self.terms(name) if w not in words]

    def listed(self, name: str, default: list[str] | None = None) -> list[str]:
        """The aliases listed for this exact name."""
        return list(super().get(name, default or []))

    def terms(self, name: str) -> list[str]:
        """The words of the first service term found in `name`."""
        return next((w for pat, w in self._terms if pat.search(name)), [])


class Cues:
    """Compiled cue patterns."""

    def __init__(self, spec: CueFile, source: str) -> None:
        for label in spec.kind:
            if label not in REQUEST_KINDS:
                raise CoachInputError(f"{source}: kind.{label}: not a request kind")
        for label in spec.cause:
            if label not in ROOT_CAUSES:
                raise CoachInputError(f"{source}: cause.{label}: not a root cause")
        try:
            self.kind = {k: [compile_checked(p, _FLAGS) for p in v] for k, v in spec.kind.items()}
            self.cause = {k: [compile_checked(p, _FLAGS) for p in v] for k, v in spec.cause.items()}
            self.hardship = {k: [compile_checked(p, _FLAGS) for p in v] for k, v in spec.hardship.items()}
            self.pushback = [compile_checked(p, _FLAGS) for p in spec.pushback]
            self.injection = [compile_checked(p, _FLAGS) for p in spec.injection]
            self._whole = [compile_checked(p, _FLAGS) for p in spec.whole_account]
            self._insolvency = [compile_checked(p, _FLAGS) for p in spec.no_reason.insolvency]
            self._cannot_pay = [compile_checked(p, _FLAGS) for p in spec.no_reason.cannot_pay]
        except re.error as exc:
            raise CoachInputError(f"{source}: bad pattern {exc.pattern!r}: {exc}") from None
        try:
            terms = [(re.compile(t.name, re.I), [w.lower() for w in t.words]) for t in spec.service_terms]
        except re.error as exc:
            raise CoachInputError(f"{source}: service_terms: bad pattern {exc.pattern!r}: {exc}") from None
        self.module_aliases = Aliases({k.lower(): [a.lower() for a in v] for k, v in spec.module_aliases.items()},
                                      terms)

    @staticmethod
    def hits(table: dict[str, list[re.Pattern[str]]], text: str) -> set[str]:
        """Labels with at least one pattern found in `text`."""
        return {label for label, pats in table.items() if any(p.search(text) for p in pats)}

    def is_injection(self, sentence: str) -> bool:
        return any(p.search(sentence) for p in self.injection)

    def whole_account(self, text: str) -> bool:
        """Does the text speak of the whole agreement ("cancel the contract", not "cancel PPC")?"""
        return any(p.search(text) for p in self._whole)

    def filing_alone(self, text: str) -> bool:
        """An insolvency filing or a frozen account with no reason cue and no "we can no longer pay"."""
        return (any(p.search(text) for p in self._insolvency) and not self.hits(self.cause, text)
                and not any(p.search(text) for p in self._cannot_pay))

    def has_pushback(self, text: str) -> bool:
        return any(p.search(text) for p in self.pushback)


@lru_cache(maxsize=4)
def load_cues(path: Path) -> Cues:
    spec = load_yaml_model(path, CueFile, "cue file")
    return Cues(spec, path.name)

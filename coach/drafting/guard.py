"""The guard: deterministic checks run on every text before it is shown.

It does not trust the writer (template or model): pushback in a first reply, a number the policy
engine did not compute, a commitment or resume date left unstated, or a prepayment condition
makes the text fail, and a failing text is never shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coach.drafting.models import CounterProposal

# Pushback and refusal in a first reply; eligibility is discussed later, never in the acknowledgment.
_PUSHBACK = [
    r"\bunfortunately\b", r"\bcan(?:'|’|no)t\b", r"\bcannot\b", r"\bnot eligible\b", r"\bineligible\b",
    r"\bunable to\b", r"\bwon(?:'|’)t be able\b", r"\bnot (?:possible|allowed|permitted)\b",
    r"\bbreach\b", r"\bpenalt(?:y|ies)\b", r"\blegal\b", r"\bobligat(?:ed|ion)\b", r"\bbound by\b",
    r"\b(?:contract|agreement) (?:requires|says|states|prohibits|does not allow)\b",
    r"\bper (?:the|your) (?:contract|agreement)\b", r"\bhowever\b", r"\block(?:ed)?[- ]in\b",
    r"\bno way\b", r"\brefuse\b", r"\bdenied\b", r"\bwe (?:do not|don(?:'|’)t) (?:allow|permit)\b",
    r"на жаль", r"не можемо", r"не можу", r"неможлив", r"не маєте права", r"не дозволен", r"штраф",
    r"порушенн", r"зобов['’]язані", r"згідно з договором", r"\bоднак\b", r"\bпроте\b", r"відмовля",
]
_PUSHBACK_RE = re.compile("|".join(_PUSHBACK), re.IGNORECASE)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_PCT_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent|відсотк)", re.IGNORECASE)
_PREPAY = re.compile(r"pre-?pay\w*|up-?front|in advance|передоплат\w*|наперед|por adelantado|anticipad\w*|"
                     r"Vorauszahlung\w*|im Voraus|paiement anticipé|d'avance|adiantad\w*|antecipad\w*|"
                     r"przedpłat\w*|z góry", re.IGNORECASE)
_NEGATION = re.compile(r"\b(no|without|not|never|nothing|без|не|жодн\w*|sin|ohne|kein\w*|sans|aucun\w*|sem|"
                       r"nenhum\w*|bez|żadn\w*)\b", re.IGNORECASE)
_COMMIT = re.compile(r"commit|зобов['’]язан|compromis|verpflicht|engag|zobowiąz", re.IGNORECASE)


@dataclass
class Facts:
    """What a text may state: the numbers and dates the policy engine computed."""

    numbers: set[float] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    hard_cap_pct: float = 20.0

    def allow(self, *values: float | int | str | None) -> None:
        for v in values:
            if v is None:
                continue
            if isinstance(v, str):
                if _DATE.fullmatch(v):
                    self.dates.add(v)
                    self.numbers.update(float(p) for p in v.split("-"))
                else:
                    self.numbers.update(float(n.replace(",", "")) for n in _NUMBER.findall(v))
            else:
                self.numbers.add(round(float(v), 2))


def check_acknowledgment(text: str) -> list[str]:
    found = sorted({m.group(0).lower() for m in _PUSHBACK_RE.finditer(text)})
    return [f"acknowledgment: pushback or refusal in a first reply ({', '.join(found)})"] if found else []


def check_numbers(part: str, text: str, facts: Facts) -> list[str]:
    problems = []
    for d in _DATE.findall(text):
        if d not in facts.dates:
            problems.append(f"{part}: date {d} was not computed by the policy engine")
    stripped = _DATE.sub(" ", text)
    for raw in _NUMBER.findall(stripped):
        value = round(float(raw.replace(",", "")), 2)
        if not any(abs(value - n) < 0.006 for n in facts.numbers):
            problems.append(f"{part}: number {raw} does not match the computed proposal")
    for raw in _PCT_NUMBER.findall(stripped):
        if float(raw) > facts.hard_cap_pct and not any(abs(float(raw) - n) < 0.006 for n in facts.numbers):
            problems.append(f"{part}: {raw}% is above the {facts.hard_cap_pct:g}% discount cap")
    return problems


def check_disclosures(text: str, counter: CounterProposal, *, pause: bool) -> list[str]:
    problems = []
    for m in _PREPAY.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if not _NEGATION.search(before):
            problems.append("counter_proposal: mentions a prepayment the proposal does not include")
            break
    if pause:
        if counter.resume_date and counter.resume_date not in text:
            problems.append("counter_proposal: the resume-billing date is not stated")
        if counter.pause_months and str(counter.pause_months) not in text:
            problems.append("counter_proposal: the pause length (and the matching extension) is not stated")
    elif counter.term_extension_months:
        if str(counter.commitment_months) not in text or not _COMMIT.search(text):
            problems.append("counter_proposal: the multi-year commitment is not stated plainly")
    return problems


def check_counter(counter: CounterProposal, hard_cap_pct: float) -> list[str]:
    """Defence in depth: the proposal itself must be inside the cap."""
    if counter.discount_pct > hard_cap_pct + 1e-9:
        return [f"counter_proposal: total discount {counter.discount_pct}% is above the {hard_cap_pct:g}% cap"]
    return []

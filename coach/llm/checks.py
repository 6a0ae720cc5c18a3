"""The guard as applied to model output: the drafting guard plus what only a model gets wrong.

The template texts are checked by `coach.drafting.guard` in `assemble`; a model text must pass the
same checks here first (so a failing text is re-asked, then replaced, never shown), and a few more:
no offer in a first reply, no concession the policy did not make, no links, the right language,
and the restated proposal equal to the policy's numbers.
"""

from __future__ import annotations

import re

from coach.drafting import guard
from coach.drafting.context import DraftContext
from coach.drafting.models import CounterProposal
from coach.llm.schemas import Restated

_OFFER_TALK = re.compile(
    r"\bdiscount\w*|%\s*off\b|\bpercent off\b|\bspecial (?:price|offer|deal|rate)\b"
    r"|\bfree (?:of charge|months?|upgrades?|seats?|period|trial)\b|\bwaiv\w+|\brefund\w*|\bcredits?\b"
    r"|знижк\w*|безкоштовн\w*",
    re.IGNORECASE,
)
_PROMISE = re.compile(
    r"\bguarantee\w*|\bwaiv\w+|\brefund\w*|\bfree (?:of charge|months?|upgrades?|seats?|period|trial)\b"
    r"|\bno charge\b|\bat no (?:extra )?cost\b|\bcomplimentary\b|\bcredit(?:ed)? (?:to )?your account\b"
    r"|\bI promise\b|\bwe promise\b|\bunlimited\b|гарант\w*|безкоштовн\w*|повернемо кошти",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d ()-]{7,}\d|\(\d{3}\)\s*\d{3}-\d{4}")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN_WORD = re.compile(r"\b[a-zA-Z]{3,}\b")


def _language(part: str, text: str, language: str) -> list[str]:
    cyr, latin = len(_CYRILLIC.findall(text)), sum(len(w) for w in _LATIN_WORD.findall(text))
    if language == "uk" and cyr < latin:
        return [f"{part}: not written in Ukrainian, the customer's language"]
    if language == "en" and cyr > latin:
        return [f"{part}: not written in English, the customer's language"]
    return []


def _common(part: str, text: str, ctx: DraftContext) -> list[str]:
    problems = []
    if m := _PROMISE.search(text):
        problems.append(f"{part}: promises a concession the proposal does not include ({m.group(0).lower()})")
    if _LINK.search(text):
        problems.append(f"{part}: contains a link, e-mail address or phone number")
    return problems + _language(part, text, ctx.language)


def check_acknowledgment(text: str, ctx: DraftContext) -> list[str]:
    problems = guard.check_acknowledgment(text) + guard.check_numbers("acknowledgment", text, ctx.facts())
    if m := _OFFER_TALK.search(text):
        problems.append(
            f"acknowledgment: talks about an offer or price before the diagnosis ({m.group(0).lower()})"
        )
    return problems + _common("acknowledgment", text, ctx)


def check_counter_message(text: str, ctx: DraftContext) -> list[str]:
    c = ctx.decision.counter
    assert c is not None, "no counter-proposal to write"
    problems = (
        guard.check_counter(c, ctx.policy.discount.hard_cap_pct)
        + guard.check_numbers("counter_proposal", text, ctx.facts())
        + guard.check_disclosures(text, c, pause=bool(c.pause_months))
    )
    return problems + _common("counter_proposal", text, ctx)


def _same(a: float | int | str | None, b: float | int | str | None) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return (a or None) == (b or None)
    return abs(float(a or 0) - float(b or 0)) < 0.006


def check_restated(restated: Restated, counter: CounterProposal) -> list[str]:
    """The model must restate the policy's proposal, not invent its own."""
    return [
        f"counter_proposal: restated {name} is {getattr(restated, name)!r} but the proposal says "
        f"{getattr(counter, name)!r}"
        for name in ("discount_pct", "new_mrr", "term_extension_months", "pause_months", "resume_date")
        if not _same(getattr(restated, name), getattr(counter, name))
    ]


def check_questions(questions: list[str], ctx: DraftContext, n: int) -> list[str]:
    problems = (
        [] if len(questions) == n else [f"diagnosis_questions: {len(questions)} questions, expected {n}"]
    )
    text = "\n".join(questions)
    problems += [
        p.replace("acknowledgment:", "diagnosis_questions:") for p in guard.check_acknowledgment(text)
    ]
    if re.search(r"\d", text):
        problems.append("diagnosis_questions: questions must not contain numbers or dates")
    if m := _OFFER_TALK.search(text):
        problems.append(f"diagnosis_questions: talks about an offer or price ({m.group(0).lower()})")
    return problems + _common("diagnosis_questions", text, ctx)

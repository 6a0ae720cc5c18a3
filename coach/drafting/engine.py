"""The main job: account + customer message -> a checked draft (contract section 3).

Order matters: diagnose, let the policy engine decide every number, retrieve the playbook
passages, and only then write words — and check every text before it is shown.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from coach.accounts import Account, derive
from coach.config import Settings, get_settings
from coach.diagnosis import Diagnosis, diagnose
from coach.diagnosis.questions import questions_for
from coach.drafting import guard
from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.intents import confidences
from coach.drafting.models import Citation, CounterProposal, Draft, Fallback, RequestOut
from coach.drafting.templates import render
from coach.errors import CoachInputError
from coach.knowledge.search import Hit, Knowledge, get_knowledge
from coach.policy import Policy, decide, load_policy

log = logging.getLogger("coach.drafting")
MAX_CITATIONS = 4
_announced_template = False  # "no model configured" is said once per process
PLAY_QUERIES = {
    "right_size_multi_year": "counter a seat or contract value cut with a smaller cut and a multi-year extension",
    "right_size_retention": "organisation shrinking: right-size seats with a retention discount",
    "value_engineering": "value perception: value engineering and adjusted scope",
    "multi_year_lower_price": "budget cut: multi-year commitment at a lower price within the discount limit",
    "suspend_module": "cancel an optional module: suspend it, keep core, retention discount, one-year lock",
    "remove_with_review": "accept removing a service and review the performance gap after 2-3 months",
    "creative_swap": "swap a service that is not performing for another service that fits",
    "pause_plan": "hardship pause extends the agreement month for month with a resume billing date",
    "pause_not_cancel": "customer wants to cancel: pause-not-cancel with a 90-day re-engagement trigger",
    "downgrade_with_upgrade_path": "tier downgrade with explicit upgrade triggers",
    "course_correct": "nine-month lock: no MRR reduction early in the agreement; course-correction plan with data",
    "competitive_save": "competitive displacement needs a different playbook, the competitive save",
    "accept_with_reengagement": "accept the downsell and preserve the relationship with a re-engagement plan",
    "clarify_request": "diagnose the root cause before negotiating a downsell",
}


class Drafter(Protocol):
    """Writes the words; never the numbers. The template drafter is the offline default."""

    name: str

    def acknowledgment(self, ctx: DraftContext) -> str: ...

    def counter_message(self, ctx: DraftContext) -> str: ...


class TemplateDrafter:
    name = "template"

    def __init__(self, prompts_dir: Path) -> None:
        self.prompts_dir = prompts_dir

    def acknowledgment(self, ctx: DraftContext) -> str:
        return render(self.prompts_dir, ctx.language, "acknowledgment", **ctx.template_vars())

    def counter_message(self, ctx: DraftContext) -> str:
        return render(self.prompts_dir, ctx.language, "counter", **ctx.template_vars())


def default_drafter(settings: Settings, knowledge: Knowledge | None = None) -> Drafter:
    """The model drafter when one is configured; the template drafter otherwise (said once)."""
    global _announced_template
    if settings.llm_configured:
        from coach.llm import drafter_for  # lazy: LangChain loads only when a model is configured

        return drafter_for(settings, knowledge)
    if not _announced_template:
        _announced_template = True
        log.warning("no model configured: using the template drafter")
    return TemplateDrafter(settings.prompts_dir)


@lru_cache(maxsize=8)
def _policy(path: str, mtime: float) -> Policy:
    return load_policy(path)


def policy_for(settings: Settings) -> Policy:
    p = settings.resolved_policy_file
    try:
        mtime = p.stat().st_mtime
    except OSError:
        mtime = 0.0
    return _policy(str(p), mtime)


def retrieve(knowledge: Knowledge, message: str, play: str) -> list[Hit]:
    """Passages for the customer's own words and for the play the policy chose, best first."""
    hits: dict[tuple[str, str], Hit] = {}
    # Embedding cost grows with length, and the request is stated early: the first 20 words are
    # enough to find the customer's own topic. A one-sentence message is the very text diagnosis
    # already embedded, so its vector comes from the embedder's cache.
    words = message.split()
    own_words = message.strip() if len(words) <= 20 else " ".join(words[:20])
    for query, k in ((PLAY_QUERIES.get(play, play), 3), (own_words, 3)):
        for h in knowledge.search(query, k):
            key = (h.source, h.section)
            if key not in hits or hits[key].score < h.score:
                hits[key] = h
    return sorted(hits.values(), key=lambda h: -h.score)


def with_history(dx: Diagnosis, history: list[str] | None, account: Account) -> Diagnosis:
    """The latest turn decides the request; an earlier turn may still hold the reason or hardship."""
    if not history or (dx.root_cause != "unknown" and dx.hardship):
        return dx
    earlier = diagnose(" ".join(t for t in history[-4:] if t.strip()) or ".", account)
    update: dict = {}
    if dx.root_cause == "unknown" and earlier.root_cause != "unknown":
        update.update(root_cause=earlier.root_cause, root_cause_confidence=earlier.root_cause_confidence)
    if not dx.hardship and earlier.hardship:
        update["hardship"] = earlier.hardship
    if dx.kind == "other" and earlier.kind != "other":
        update.update(kind=earlier.kind, kind_confidence=earlier.kind_confidence,
                      reduction_pct=dx.reduction_pct or earlier.reduction_pct,
                      seats_requested=dx.seats_requested or earlier.seats_requested,
                      modules=dx.modules or earlier.modules)
    return dx.model_copy(update=update) if update else dx


def build_context(account: Account, message: str, *, today: date, knowledge: Knowledge,
                  settings: Settings, history: list[str] | None = None,
                  prior_counters: int = 0) -> DraftContext:
    if not message.strip():
        raise CoachInputError("message: the customer's message is empty")
    if account.contract.start_date > today:
        raise CoachInputError(f"contract.start_date: {account.contract.start_date} is after today ({today})")
    policy = policy_for(settings)
    dx = with_history(diagnose(message, account), history, account)
    if account.hardship and not dx.hardship:
        dx = dx.model_copy(update={"hardship": account.hardship})
    decision = decide(account, dx, policy, today, prior_counters=prior_counters)
    language = dx.language if dx.language in ("en", "uk") else account.language
    # Only a downsell gets the downsell play, so only a downsell needs its passages.
    passages = retrieve(knowledge, message, decision.play) if dx.intent == "downsell" else []
    return DraftContext(account=account, message=message, today=today, figures=derive(account, today),
                        diagnosis=dx, decision=decision, policy=policy, language=language,
                        passages=passages, history=list(history or []))


def draft(account: Account, message: str, *, today: date, knowledge: Knowledge | None = None,
          settings: Settings | None = None, history: list[str] | None = None, prior_counters: int = 0,
          drafter: Drafter | None = None) -> Draft:
    s = settings or get_settings()
    kn = knowledge or get_knowledge(s)
    ctx = build_context(account, message, today=today, knowledge=kn, settings=s, history=history,
                        prior_counters=prior_counters)
    if ctx.diagnosis.intent != "downsell":  # contract 3a: intent first
        from coach.drafting.intents import intent_draft

        return intent_draft(ctx, s.prompts_dir, kn)
    writer = drafter or default_drafter(s, kn)
    prepare = getattr(writer, "prepare", None)
    if prepare is None:
        return assemble(ctx, writer)
    prepared = prepare(ctx)  # the model drafter writes every part up front, in parallel
    return assemble(ctx, prepared, prepared.fallbacks, notes=prepared.notes)


def assemble(ctx: DraftContext, writer: Drafter, fallbacks: list[Fallback] | None = None,
             notes: list[str] | None = None) -> Draft:
    """Write the texts, run the guard on each, and build the public draft."""
    d, dx = ctx.decision, ctx.diagnosis
    facts = ctx.facts()
    violations: list[str] = []

    ack = writer.acknowledgment(ctx)
    problems = guard.check_acknowledgment(ack) + guard.check_numbers("acknowledgment", ack, facts)
    if problems:
        violations += problems
        ack = ""

    counter: CounterProposal | None = None
    if d.counter is not None:
        text = writer.counter_message(ctx)
        problems = (guard.check_counter(d.counter, ctx.policy.discount.hard_cap_pct)
                    + guard.check_numbers("counter_proposal", text, facts)
                    + guard.check_disclosures(text, d.counter, pause=bool(d.counter.pause_months)))
        if problems:
            violations += problems
            text = ""
        counter = d.counter.model_copy(update={"message": text})

    n_questions = 4 if dx.root_cause == "unknown" else 3
    notes = [f"{r.id}: {r.reason}" for r in d.eligibility.rules if not r.passed] + list(notes or [])
    if d.counter is not None and d.counter.needs_approval:
        notes.append(f"needs {d.counter.needs_approval} approval before sending "
                     f"({d.counter.discount_pct}% off list)")
    return Draft(
        request=RequestOut(kind=dx.kind, reduction_pct=dx.reduction_pct, seats=dx.seats_requested,
                           modules=dx.modules, confidence=round(dx.kind_confidence, 3)),
        root_cause=dx.root_cause,
        hardship=d_hardship(ctx),
        eligibility=d.eligibility,
        acknowledgment=ack,
        diagnosis_questions=questions_for(dx.root_cause, ctx.language, n_questions),
        counter_proposal=counter,
        escalations=list(d.escalations),
        reengagement_triggers=list(d.triggers),
        violations=violations,
        citations=[Citation(source=h.source, section=h.section) for h in ctx.passages[:MAX_CITATIONS]],
        language=ctx.language,
        drafter=writer.name,
        fallbacks=list(fallbacks or []),
        notes=notes,
        play=d.play,
        root_cause_confidence=round(dx.root_cause_confidence, 3),
        intent=dx.intent,
        confidence=confidences(dx),
        corrected=list(dx.corrected),
    )

"""The main job: account + customer message -> a checked draft (contract section 3).

Order matters: diagnose, let the policy engine decide every number, retrieve the playbook
passages, and only then write words — and check every text before it is shown.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Protocol

from coach.accounts import Account, derive
from coach.config import Settings, get_settings
from coach.diagnosis import Diagnosis, diagnose
from coach.diagnosis.corrections import Corrections, apply_corrections, parse_corrections
from coach.diagnosis.questions import questions_between, questions_for
from coach.drafting.context import DraftContext, d_hardship, safe_name
from coach.drafting.intents import confidences
from coach.drafting.listening import cause_questions, hear, listening_for, situation_questions
from coach.drafting.models import Citation, CounterProposal, Draft, Fallback, RequestOut
from coach.drafting.profile import CsmProfile
from coach.drafting.templates import render, template_languages
from coach.errors import CoachInputError
from coach.guard import guard_for
from coach.guard.language import identify
from coach.knowledge.search import Hit, Knowledge, get_knowledge
from coach.llm.blocks import LANGUAGE_NAMES
from coach.policy import Secured, decide, policy_for

log = logging.getLogger("coach.drafting")
MAX_CITATIONS = 4
ASSEMBLY_RESERVE = 0.3  # seconds kept for the final checks after the model's deadline
MIN_MODEL_TIME = 1.0  # with less left than this, a hard deadline does not start the model at all
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
    "hardship_exception": "hardship pause for an eligible customer; natural disaster or financial trouble",
    "graceful_exit": "accept gracefully: no save attempt, preserve the relationship",
    "ask_for_budget": "discount limit: do not go below 15-20% off list; right-size to the budget instead",
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
        from coach.drafting.model_drafter import drafter_for  # lazy: LangChain loads only with a model

        return drafter_for(settings, knowledge)
    if not _announced_template:
        _announced_template = True
        log.warning("no model configured: using the template drafter")
    return TemplateDrafter(settings.prompts_dir)


def load_model_seam() -> None:
    """Import the model drafter (LangChain, the OpenAI client: seconds on a busy machine)."""
    import_module("coach.drafting.model_drafter")


def model_drafter_within(settings: Settings, knowledge: Knowledge | None, seconds: float) -> Drafter | None:
    """The model drafter if it loads within `seconds` (the import runs on a daemon thread, which the
    CLI starts early), else None: a hard deadline never waits for an import."""
    if seconds <= 0:
        return None
    done = threading.Event()

    def load() -> None:
        try:
            load_model_seam()
        finally:
            done.set()  # an import error is raised again by default_drafter below

    threading.Thread(target=load, name="coach-load-model", daemon=True).start()
    return default_drafter(settings, knowledge) if done.wait(seconds) else None


def retrieve(knowledge: Knowledge, message: str, play: str) -> list[Hit]:
    """Passages for the customer's own words and for the play the policy chose, best first."""
    hits: dict[tuple[str, str], Hit] = {}
    # Embedding cost grows with length, and the request is stated early: the first 20 words are
    # enough to find the customer's own topic. The text is the one diagnosis read (invisible
    # characters and injected instructions out), so a message of up to 20 words is the very text
    # diagnosis already embedded and its vector comes from the embedder's cache.
    from coach.diagnosis.classifier import prepare_text

    text = prepare_text(message) or message.strip()
    words = text.split()
    own_words = text if len(words) <= 20 else " ".join(words[:20])
    for query, k in ((PLAY_QUERIES.get(play, play), 3), (own_words, 3)):
        for h in knowledge.search(query, k):
            key = (h.source, h.section)
            if key not in hits or hits[key].score < h.score:
                hits[key] = h
    return sorted(hits.values(), key=lambda h: -h.score)


def with_history(dx: Diagnosis, message: str, history: list[str] | None, account: Account,
                 prior_counters: int = 0) -> Diagnosis:
    """The conversation, not the last message (coach/diagnosis/conversation.py, the reading the evals
    measure): the first stated request persists until a later turn states a new one, a bare correction or
    an agreed count takes its place, a reply to a counter is pushback or takes it; the reason and a hardship
    may come from any earlier turn. History lines labelled as the CSM's ("CSM: ...") are the CSM's turns."""
    if not history:
        return dx
    from coach.diagnosis.classifier import history_turns
    from coach.diagnosis.conversation import Turn, read_conversation

    turns = [Turn(role, text) for role, text in history_turns(history)]
    # A history of the customer's messages only (a case keeps the CSM's turns apart) says nothing of what was
    # offered: as before, a reply in it is read as if a counter had been made.
    countered = prior_counters > 0 or not any(t.role == "csm" for t in turns)
    return read_conversation(turns, message, account, diagnose, latest=dx, countered=countered)


def csm_profile(settings: Settings, override: CsmProfile | None = None) -> CsmProfile:
    """The CSM from the settings, with a per-request override on top."""
    base = CsmProfile(name=settings.csm_name, title=settings.csm_title, signature=settings.csm_signature,
                      gender=settings.csm_gender)
    return base.merged(override)


def reply_language(customer: str, account: Account, available: tuple[str, ...]) -> str:
    """The customer's language when there are templates for it, else the account's, else English."""
    for lang in (customer, account.language):
        if lang in available:
            return lang
    return "en"


def build_context(account: Account, message: str, *, today: date, knowledge: Knowledge | None,
                  settings: Settings, history: list[str] | None = None,
                  prior_counters: int = 0, csm: CsmProfile | None = None,
                  corrections: Corrections | dict | None = None, secured: Secured | None = None) -> DraftContext:
    if not message.strip():
        raise CoachInputError("message: the customer's message is empty")
    if account.contract.start_date > today:
        raise CoachInputError(f"contract.start_date: {account.contract.start_date} is after today ({today})")
    policy = policy_for(settings)
    dx = with_history(diagnose(message, account), message, history, account, prior_counters)
    if account.hardship and not dx.hardship:
        dx = dx.model_copy(update={"hardship": account.hardship})
    if dx.pushback and not history and prior_counters == 0:
        # pushback rejects a counter already made; a first message has none to reject (no VP CS on first contact)
        dx = dx.model_copy(update={"pushback": False})
    fixes = parse_corrections(corrections)
    read_as = dx.model_dump(include={"intent", "kind", "root_cause", "hardship", "seats_requested",
                                     "reduction_pct", "modules"}) if fixes else None
    dx = apply_corrections(dx, fixes, account)  # the CSM has the last word; the draft follows it
    wrote = identify(message) or dx.language  # the customer's language (None: too short to tell)
    language = reply_language(wrote, account, template_languages(settings.prompts_dir))
    listening = listening_for(settings.prompts_dir)
    heard = hear(listening, message, language, hardship=dx.hardship, insolvency=dx.insolvency, key=account.id)
    if heard.tone == "insolvency" and not dx.insolvency:
        dx = dx.model_copy(update={"insolvency": True})
    if dx.root_cause == "unknown" and heard.topic_cause and "root_cause" not in dx.corrected:
        # the reason is stated in words the listening file knows ("Kosten senken", "our team shrank"): the
        # draft follows it rather than asking what is behind the decision
        dx = dx.model_copy(update={"root_cause": heard.topic_cause,
                                   "root_cause_confidence": max(dx.root_cause_confidence, UNSURE_CAUSE)})
    if heard.tone == "outage" and not dx.outage:  # our failure: the play table apologises and puts it right
        dx = dx.model_copy(update={"outage": True})
    decision = decide(account, dx, policy, today, prior_counters=prior_counters, secured=secured)
    # Only a downsell gets the downsell play, so only a downsell needs its passages.
    # (no index: a reply check needs the facts, not the passages)
    passages = retrieve(knowledge, message, decision.play) if dx.intent == "downsell" and knowledge else []
    return DraftContext(account=account, message=message, today=today, figures=derive(account, today),
                        diagnosis=dx, decision=decision, policy=policy, language=language,
                        passages=passages, history=list(history or []), guard=guard_for(settings),
                        csm=csm_profile(settings, csm), heard=heard, prompts_dir=settings.prompts_dir,
                        customer_language=wrote, read_as=read_as, prior_counters=prior_counters)


def draft(account: Account, message: str, *, today: date, knowledge: Knowledge | None = None,
          settings: Settings | None = None, history: list[str] | None = None, prior_counters: int = 0,
          drafter: Drafter | None = None, csm: CsmProfile | None = None,
          corrections: Corrections | dict | None = None, deadline: float | None = None,
          secured: Secured | None = None) -> Draft:
    """The checked draft. The model's budget (COACH_LLM_TOTAL_TIMEOUT) counts from here, diagnosis and
    retrieval included, and leaves the model at least a third of it. A caller that passes `deadline`
    (a `time.monotonic()` time: the CLI's is its start plus the budget, less the time to exit) gets
    a hard one instead: whatever part the model has not written by then is the template text.
    `secured`: what the customer accepted in principle in an earlier round, which a later counter keeps."""
    s = settings or get_settings()
    caller_clock = deadline is not None
    end = time.monotonic() + s.llm_total_timeout if deadline is None else deadline
    kn = knowledge or get_knowledge(s)
    ctx = build_context(account, message, today=today, knowledge=kn, settings=s, history=history,
                        prior_counters=prior_counters, csm=csm, corrections=corrections, secured=secured)
    if ctx.diagnosis.intent != "downsell":  # contract 3a: intent first
        from coach.drafting.intents import intent_draft

        return intent_draft(ctx, s.prompts_dir, kn)
    def left() -> float:
        return end - time.monotonic() - ASSEMBLY_RESERVE

    writer = drafter
    if writer is None and caller_clock and s.llm_configured:  # the model seam loads within the deadline, or not at all
        writer = model_drafter_within(s, kn, left() - MIN_MODEL_TIME)
        if writer is None:
            late = [Fallback(part=p, reason="model skipped: the draft's time budget was spent before the model "
                                            f"could be asked ({s.llm_total_timeout:g}s)")
                    for p in ("acknowledgment", "counter_proposal") if p == "acknowledgment" or ctx.decision.counter]
            return assemble(ctx, TemplateDrafter(s.prompts_dir), late)
    writer = writer or default_drafter(s, kn)
    prepare = getattr(writer, "prepare", None)
    if prepare is None:
        return assemble(ctx, writer)
    from coach.llm import Budget

    # With the caller's clock a late model gets no time (the template); else a cold start (index,
    # embedder) still leaves the model a third.
    budget = Budget(max(left(), 0.0) if caller_clock else max(left(), s.llm_total_timeout / 3))
    _precheck_templates(ctx, s.prompts_dir)
    prepared = prepare(ctx, budget)  # the model drafter writes every part up front, in parallel
    return assemble(ctx, prepared, prepared.fallbacks, notes=prepared.notes)


def _precheck_templates(ctx: DraftContext, prompts_dir: Path) -> None:
    """While the model is waited for, check the template texts a late part falls back to: the guard's
    recent-checks memory then answers assemble() at once. A first draft in a new data dir compiles the
    lexicons and reads the language tables inside that check (2-4 s on a busy 2-core machine); done
    after a hung model's deadline, it made `coach draft` end 3 s past its 15 (benchmarks/hung_model.py)."""

    def run() -> None:
        template = TemplateDrafter(prompts_dir)
        with contextlib.suppress(Exception):  # only a warm-up: assemble() checks (and reports) again
            ctx.check(template.acknowledgment(ctx), "acknowledgment")
            if ctx.decision.counter is not None:
                ctx.check(template.counter_message(ctx), ctx.counter_stage(), "counter_proposal")

    threading.Thread(target=run, name="coach-precheck", daemon=True).start()


def assemble(ctx: DraftContext, writer: Drafter, fallbacks: list[Fallback] | None = None,
             notes: list[str] | None = None) -> Draft:
    """Write the texts, run the guard on each, and build the public draft."""
    d, dx = ctx.decision, ctx.diagnosis
    violations: list[str] = []

    ack = writer.acknowledgment(ctx)
    problems = ctx.check(ack, "acknowledgment")
    if problems:
        violations += problems
        ack = ""

    counter: CounterProposal | None = None
    if d.counter is not None:
        text = writer.counter_message(ctx)
        problems = ctx.check(text, ctx.counter_stage(), "counter_proposal")
        if problems:
            violations += problems
            text = ""
        counter = d.counter.model_copy(update={"message": text})

    n_questions = 4 if dx.root_cause == "unknown" else 3
    notes = [f"{r.id}: {r.reason}" for r in d.eligibility.rules if not r.passed] + list(notes or [])
    notes += situation_notes(ctx)
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
        diagnosis_questions=draft_questions(ctx, n_questions),
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
        read_as=ctx.read_as,
    )


UNSURE_CAUSE = 0.5  # below this confidence, a cause the message does not state is not assumed in questions


def draft_questions(ctx: DraftContext, n: int) -> list[str]:
    """Questions that fit the situation (the recovery after a disaster, never the budget review),
    else the root cause's own, in the reply's language."""
    lst = listening_for(ctx.prompts_dir or get_settings().prompts_dir)
    hardship = d_hardship(ctx)
    dx = ctx.diagnosis
    situation = situation_questions(lst, ctx.heard, ctx.language, hardship, countered=ctx.prior_counters > 0)
    if situation:
        return situation
    stated = ctx.heard.topic is not None  # the message gave a reason the listening file recognises
    if not stated and (dx.root_cause == "unknown" or dx.root_cause_confidence < UNSURE_CAUSE):
        # no reason given: ask what is behind the decision, never a question that assumes one
        return cause_questions(lst, "unknown", ctx.language, n) or questions_for("unknown", ctx.language, n)
    if dx.root_cause == "unknown" and dx.cause_candidates:  # the questions that tell the two likeliest apart
        own = [q for c in dx.cause_candidates for q in cause_questions(lst, c, ctx.language, 1) or []]
        if own:  # a reply language the listening file covers (the diagnosis question file has en and uk)
            general = cause_questions(lst, "unknown", ctx.language, n) or []
            return list(dict.fromkeys(own + general))[:n]
        return questions_between(dx.cause_candidates, ctx.language, n)
    return cause_questions(lst, dx.root_cause, ctx.language, n) or questions_for(dx.root_cause, ctx.language, n)


def situation_notes(ctx: DraftContext) -> list[str]:
    """What the CSM must know before sending: the reply's language, an exception to ask for, who signs."""
    d, notes = ctx.decision, []
    wrote = ctx.customer_language or ctx.diagnosis.language
    if wrote != ctx.language:
        notes.append(f"language: the customer wrote in {LANGUAGE_NAMES.get(wrote, wrote)}; there are no "
                     f"templates for it, so this reply is in {LANGUAGE_NAMES.get(ctx.language, ctx.language)}")
    if d.exception_request:
        notes.append(f"team lead exception (do not promise a pause): {d.exception_request}")
    if d.play == "competitive_save":
        notes.append("competitive save: bring a side-by-side of the two offers (scope, who does the work, results "
                     "to date) to the call; no price cut as the first move")
    if "seats_mismatch" in d.flags:
        dx, have = ctx.diagnosis, ctx.account.seats
        said = (f"{dx.seats_requested} fewer seats" if dx.seats_requested else "") + (
            f"{', ' if dx.seats_requested else ''}{dx.seats_to} seats in the end" if dx.seats_to is not None else "")
        notes.append(f"seats: the customer speaks of {said}, but the account file has {have}; check the seat "
                     "count with the customer (or update the file) before proposing anything")
    paid, mrr = ctx.diagnosis.paid_mrr, ctx.account.mrr
    if paid and mrr and abs(paid - mrr) > 0.05 * mrr:
        notes.append(f"billing: the customer says they pay {paid:,.2f} a month, the account file says {mrr:,.2f}; "
                     "check which is right before sending figures built on the file")
    if "tier_unknown" in d.flags:
        named = ", ".join(safe_name(m) for m in ctx.diagnosis.modules if safe_name(m))
        notes.append("tier: no smaller tier to price (the account file has no `tier`/`tiers`, its list price "
                     "matches none of the play table's tiers, or it is already on the smallest); confirm the "
                     "tier and its price with the customer, or add `tiers` to the account file"
                     + (f"; the message names {named}: if the customer means removing it, correct the kind "
                        "(module_cancel or service_removal) and the draft is recomputed" if named else ""))
    if d.play == "graceful_exit":
        notes.append("insolvency: no save attempt; billing and legal are looped in and take the next steps")
    if not ctx.csm.sign_off_lines():
        notes.append("sign-off: no CSM name set (COACH_CSM_NAME or the request's csm); add your name")
    return notes

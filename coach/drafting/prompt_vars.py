"""Prompt variables from a DraftContext: trusted FACTS blocks and delimited, defanged DATA blocks
(coach.llm.blocks.defang), for the draft tasks' prompt files in prompts/llm/.
"""

from __future__ import annotations

import json

from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES
from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.templates import plain_money
from coach.knowledge.search import Hit
from coach.llm.blocks import defang
from coach.llm.blocks import language_name as name_of

MAX_TURNS = 6
MAX_PASSAGES = 3
MAX_PASSAGE_CHARS = 700


def money(ctx: DraftContext, value: float | None) -> str:
    if value is None:
        return "-"
    return plain_money(value, ctx.account.currency)


def language_name(ctx: DraftContext) -> str:
    return name_of(ctx.language)


def account_block(ctx: DraftContext) -> str:
    """Names and shape only: money figures the text may state are in the FACTS blocks."""
    a = ctx.account
    services = ", ".join(f"{s.name}{' (core)' if s.core else ''}" for s in a.services) or "-"
    lines = [
        f"name: {a.name}",
        f"segment: {a.segment}",
        f"contact: {a.contact.name or '-'}{f' ({a.contact.role})' if a.contact.role else ''}",
        f"services: {services}",
    ]
    return defang("\n".join(lines), 1500)


def request_block(ctx: DraftContext) -> str:
    dx = ctx.diagnosis
    lines = [f"request kind: {dx.kind}", f"likely root cause: {dx.root_cause}"]
    if dx.reduction_pct is not None:
        lines.append(f"size of the requested cut: {dx.reduction_pct:g}%")
    if dx.seats_requested:
        lines.append(f"seats the customer wants to remove: {dx.seats_requested}")
    if dx.modules:
        lines.append(f"services named: {', '.join(dx.modules)}")
    if hardship := d_hardship(ctx):
        lines.append(f"hardship: {hardship.replace('_', ' ')}")
    if ctx.decision.play == "competitive_save":
        lines.append("situation: the customer is weighing a competitor; offer a side-by-side comparison of the two "
                     "offers (scope, who does the work, results so far), not a cut and not a price")
    if ctx.prior_counters > 0:
        lines.append("round: a counter-proposal was already made and the customer answered it; continue that "
                     "conversation")
    elif ctx.history:
        lines.append("round: a later message in the same conversation; continue it")
    lines.append(f"contact first name: {ctx.contact_first}")
    lines.append(f"account name: {ctx.account_name}")
    return "\n".join(lines)


def message_block(ctx: DraftContext) -> str:
    return defang(ctx.message)


def history_block(ctx: DraftContext) -> str:
    turns = ctx.history[-MAX_TURNS:]
    return "\n---\n".join(defang(t, 1200) for t in turns) if turns else "(none)"


def passages_block(hits: list[Hit]) -> str:
    if not hits:
        return "(none)"
    return "\n\n".join(
        f"[{i}] {h.source} > {h.section}\n{defang(h.text, MAX_PASSAGE_CHARS)}"
        for i, h in enumerate(hits[:MAX_PASSAGES], 1)
    )


def must_state(ctx: DraftContext) -> list[str]:
    """What the guard will look for in the counter text (check_disclosures), said up front."""
    c, d = ctx.decision.counter, ctx.decision
    assert c is not None
    items = [f"the new monthly price {money(ctx, c.new_mrr)}"]
    if c.discount_pct:
        items.append(f"that this is {c.discount_pct:g}% off the list price")
    if c.pause_months:
        items.append(
            f"the pause of {c.pause_months} months starting {d.pause_start or '-'}, "
            f"billed {money(ctx, d.mrr_during_pause)} a month during the pause"
        )
        if c.resume_date:
            items.append(f"that billing resumes on {c.resume_date}")
        if d.new_end_date:
            items.append(f"that the agreement is extended by {c.pause_months} months, to {d.new_end_date}")
    elif c.term_extension_months:
        items.append(
            f"the commitment: the customer commits to the new package for {c.commitment_months} "
            f"months (the agreement is extended by {c.term_extension_months} months"
            f"{f', to {d.new_end_date}' if d.new_end_date else ''})"
        )
    items.append("that billing stays monthly with no prepayment")
    return items


def decision_block(ctx: DraftContext) -> str:
    d, c, a = ctx.decision, ctx.decision.counter, ctx.account
    assert c is not None
    lines = [
        f"play: {d.play} ({c.kind})",
        f"current monthly price: {money(ctx, a.mrr)}",
        f"new monthly price: {money(ctx, c.new_mrr)}",
        f"total discount off the list price: {c.discount_pct:g}%",
    ]
    pv = ctx.price_vars()
    if pv["current_discount_pct"]:
        lines.append(f"the customer's discount off the list price today: {pv['current_discount_pct']:g}%"
                     + (" (the proposal keeps it: not a new concession)" if pv["same_discount"] else ""))
    if pv["saving"]:
        lines.append(f"monthly saving against today: {money(ctx, pv['saving'])}")
    if c.requested_mrr is not None or d.requested_mrr is not None:
        lines.append(
            f"what the customer's own request would cost per month: "
            f"{money(ctx, c.requested_mrr if c.requested_mrr is not None else d.requested_mrr)}"
        )
    if c.seats is not None and a.seats:
        lines.append(f"seats: from {a.seats} to {c.seats}")
    if c.kept_services:
        lines.append(f"services kept: {', '.join(c.kept_services)}")
    if c.suspended_services:
        lines.append(
            f"services {'paused' if c.pause_months else 'suspended or removed'}: "
            f"{', '.join(c.suspended_services)}"
        )
    if d.swap_to:
        lines.append(f"budget moves into: {d.swap_to}")
    if c.commitment_months:
        lines.append(f"commitment: {c.commitment_months} months")
    if c.term_extension_months:
        lines.append(f"agreement extended by: {c.term_extension_months} months")
    if d.new_end_date:
        lines.append(f"agreement end date after the change: {d.new_end_date}")
        lines.append(f"agreement end date today: {pv['current_end_date']}")
    if c.pause_months:
        lines += [
            f"pause: {c.pause_months} months from {d.pause_start}",
            f"billed during the pause: {money(ctx, d.mrr_during_pause)} a month",
            f"billing resumes on: {c.resume_date}",
        ]
    if d.triggers:
        t = d.triggers[0]
        lines.append(f"next check-in the CSM will offer: {t.due_date} ({t.description})")
    lines.append("must state: " + "; ".join(must_state(ctx)))
    lines.append("no other numbers or dates may appear in the message")
    return "\n".join(lines)


def restate_json(ctx: DraftContext) -> str:
    c = ctx.decision.counter
    assert c is not None
    return json.dumps(
        {
            "discount_pct": c.discount_pct,
            "new_mrr": c.new_mrr,
            "term_extension_months": c.term_extension_months,
            "pause_months": c.pause_months,
            "resume_date": c.resume_date,
        }
    )


def variables(task: str, ctx: DraftContext, passages: list[Hit], n_questions: int = 3) -> dict[str, str]:
    """Every variable a task's prompt declares (the loader checks the names match the file)."""
    common = {
        "account_block": account_block(ctx),
        "message_block": message_block(ctx),
        "history_block": history_block(ctx),
    }
    if task == "diagnosis":
        return {**common, "kinds": ", ".join(REQUEST_KINDS), "root_causes": ", ".join(ROOT_CAUSES)}
    common |= {
        "language_name": language_name(ctx),
        "request_block": request_block(ctx),
        "passages_block": passages_block(passages),
    }
    if task == "acknowledgment":
        return {**common, "contact_first": ctx.contact_first}
    if task == "counter_message":
        return {
            **common,
            "contact_first": ctx.contact_first,
            "decision_block": decision_block(ctx),
            "restate_json": restate_json(ctx),
        }
    if task == "diagnosis_questions":
        return {**common, "n_questions": str(n_questions)}
    raise ValueError(f"no draft variables for task {task!r}")

"""Replies to messages that are not a downsell: a short correct answer and a next step, no counter.

Contract 3a: every intent but `downsell` gets `counter_proposal: null`, `request.kind: "other"`,
`root_cause: "unknown"`. The words live in prompts/templates/<lang>/intent_<intent>.j2 and pass the
same guard as every other text.
"""

from __future__ import annotations

from pathlib import Path

from coach.drafting.context import DraftContext, d_hardship
from coach.drafting.models import Citation, Draft, Eligibility, NextStep, RequestOut
from coach.drafting.templates import render

NEXT_STEPS: dict[str, NextStep] = {
    "expansion": NextStep(owner="account_executive", action="Confirm what the team needs the extra capacity "
                          "for and quote it; follow the ethical-upsell rules: no pressure, no bundle they "
                          "did not ask for."),
    "renewal": NextStep(owner="csm", action="Prepare the renewal draft at the current terms and send it for "
                        "signature; note any change the customer asked for."),
    "support": NextStep(owner="support", action="Open a support ticket with the customer's words and link it "
                        "in the reply."),
    "billing": NextStep(owner="billing", action="Forward to the billing team with the invoice details; confirm "
                        "the correction to the customer once billing replies."),
    "feedback": NextStep(owner="csm", action="Log the feedback on the account and share it with the team."),
    "other": NextStep(owner="csm", action="Read the message and reply personally; nothing here asks to change "
                      "the package."),
}
CITATION_QUERIES = {"expansion": "ethical upselling contact rules"}


def intent_draft(ctx: DraftContext, prompts_dir: Path, knowledge=None) -> Draft:
    """The draft for a message whose intent is not a downsell."""
    dx, intent = ctx.diagnosis, ctx.diagnosis.intent
    reply = render(prompts_dir, ctx.language, f"intent_{intent}", **intent_vars(ctx))
    violations = ctx.check(reply, "followup", "acknowledgment")  # a reply, not a save: no offer to check
    if violations:
        reply = ""
    citations: list[Citation] = []
    query = CITATION_QUERIES.get(intent)
    if query and knowledge is not None:
        citations = [Citation(source=h.source, section=h.section) for h in knowledge.search(query, 2)]
    notes = [f"intent: {intent}; no downsell play, no counter-proposal"]
    if dx.note:
        notes.append(dx.note)
    return Draft(
        intent=intent,
        request=RequestOut(kind="other", confidence=round(dx.kind_confidence, 3)),
        root_cause="unknown",
        hardship=d_hardship(ctx),
        eligibility=Eligibility(reduction_allowed=ctx.decision.eligibility.reduction_allowed,
                                pause_allowed=ctx.decision.eligibility.pause_allowed, rules=[]),
        acknowledgment=reply,
        diagnosis_questions=[],
        counter_proposal=None,
        escalations=[],
        reengagement_triggers=[],
        violations=violations,
        citations=citations,
        language=ctx.language,
        notes=notes,
        play=None,
        root_cause_confidence=round(dx.root_cause_confidence, 3),
        confidence=confidences(dx),
        corrected=list(dx.corrected),
        next_step=NEXT_STEPS.get(intent, NEXT_STEPS["other"]),
        read_as=ctx.read_as,
    )


def intent_vars(ctx: DraftContext) -> dict:
    """What an intent reply template is rendered with."""
    return {"contact_first": ctx.contact_first, "account_name": ctx.account_name, "hardship": d_hardship(ctx),
            "sign_off": ctx.csm.sign_off_lines()}


def confidences(dx) -> dict[str, float]:
    """Contract 3a: the confidence of each inferred field; a corrected field is 1.0."""
    out = {"intent": dx.intent_confidence, "kind": dx.kind_confidence, "root_cause": dx.root_cause_confidence}
    for name in dx.corrected:
        if name in out:
            out[name] = 1.0
    return {k: round(float(v), 3) for k, v in out.items()}

"""The policy's answer with the whole truth known, and the model answer drafted from it.

The reference is `coach.policy.decide` on the persona's real request and root cause; the model
answer is the draft engine's own output (templates, guard) for the same situation, so the trainer
shows exactly what the coach would have written.
"""

from __future__ import annotations

from coach.drafting.models import Draft
from coach.policy import Decision, Policy, decide
from coach.roleplay.models import Reference, Shape
from coach.roleplay.personas import Persona

SHAPES: dict[str, Shape] = {"pause_plan": "pause", "pause_not_cancel": "pause", "course_correct": "hold",
                            "creative_swap": "hold", "competitive_save": "save",
                            "hardship_exception": "pause"}  # the pause the team lead may grant


def decision_for(persona: Persona, policy: Policy) -> Decision:
    return decide(persona.account, persona.truth(), policy, persona.today)


def reference(persona: Persona, policy: Policy) -> Reference:
    d = decision_for(persona, policy)
    c = d.counter if d.counter is not None or d.play != "hardship_exception" else d.alternative
    return Reference(
        play=d.play, shape=SHAPES.get(d.play, "reduce" if c is not None else None),
        new_mrr=c.new_mrr if c else None, discount_pct=c.discount_pct if c else None,
        term_extension_months=c.term_extension_months if c else None,
        pause_months=c.pause_months if c else None, requested_mrr=d.requested_mrr,
        escalations=list(d.escalations), triggers=[f"{t.kind} on {t.due_date}" for t in d.triggers])


def customer_message(persona: Persona) -> str:
    """What the customer would have said once fully heard: the request and the root cause."""
    roots = " ".join(f.text for f in persona.facts if f.root)
    return f"{persona.opening} {roots}".strip()


def model_draft(persona: Persona, policy: Policy, settings=None) -> Draft:
    """The template draft for the persona's real situation (no model, no index needed)."""
    from coach.accounts import derive
    from coach.config import get_settings
    from coach.drafting.context import DraftContext
    from coach.drafting.engine import TemplateDrafter, assemble

    s = settings or get_settings()
    ctx = DraftContext(account=persona.account, message=customer_message(persona), today=persona.today,
                       figures=derive(persona.account, persona.today), diagnosis=persona.truth(),
                       decision=decision_for(persona, policy), policy=policy, language=persona.language)
    return assemble(ctx, TemplateDrafter(s.prompts_dir))


def part_text(draft: Draft, part: str, language: str) -> str:
    """One part of the draft as the trainee should have said it."""
    if part == "acknowledgment":
        return draft.acknowledgment
    if part == "diagnosis_questions":
        return "\n".join(f"- {q}" for q in draft.diagnosis_questions)
    if part == "reengagement_triggers":
        return "\n".join(f"- {t.due_date}: {t.description}" for t in draft.reengagement_triggers)
    if draft.counter_proposal is not None and draft.counter_proposal.message:
        return draft.counter_proposal.message
    who = ", ".join(e.replace("_", " ") for e in draft.escalations)
    if language == "uk":
        return (f"Без стандартної контрпропозиції: це випадок для сценарію утримання від конкурента "
                f"(залучити: {who}). Спершу з'ясуйте критерії вибору і порівняйте пропозиції разом.")
    return (f"No standard counter here: this goes to the competitive save playbook (loop in: {who}). "
            "Understand their decision criteria first and compare the options together.")

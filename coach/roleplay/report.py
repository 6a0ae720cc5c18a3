"""The scorecard as plain text (terminal, docs): components, failure modes, breaches, turn by turn,
and the model answer at the weakest turn."""

from __future__ import annotations

import textwrap

from coach.roleplay.models import Scorecard

MARK = {True: "+", False: "-"}
STATUS = {"met": "met", "partial": "partial", "missed": "MISSED"}
FLAG = {"triggered": "FAILED", "ok": "ok", "not_reached": "not reached"}


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    out = []
    for para in text.splitlines() or [""]:
        wrapped = textwrap.wrap(para, width, initial_indent=indent, subsequent_indent=indent)
        out += wrapped or [indent.rstrip()]
    return out


def render_text(card: Scorecard, *, turns: bool = True) -> str:
    ref = card.reference
    lines = [
        f"Scorecard: {card.persona_title} ({card.persona_id})",
        f"Score {card.score}/100, level: {card.level}. Outcome: {card.outcome.replace('_', ' ')}. "
        f"Root cause: {card.root_cause.replace('_', ' ')} "
        f"({'uncovered' if card.root_cause_uncovered else 'not uncovered'}).",
        *([f"Level: {card.level_reason}.", f"Rule: {card.level_rule}"] if card.level_rule else []),
        "Policy reference: " + ", ".join(b for b in (
            ref.play.replace("_", " "),
            f"new MRR {ref.new_mrr:,.2f}" if ref.new_mrr is not None else "",
            f"{ref.term_extension_months}-month extension" if ref.term_extension_months else "",
            f"{ref.pause_months}-month pause" if ref.pause_months else "",
            "escalations: " + ", ".join(ref.escalations) if ref.escalations else "") if b),
        "",
        "Mandatory components",
    ]
    for c in card.components:
        lines.append(f"  [{STATUS[c.status]:>7}] {c.points:>2}/{c.max_points}  {c.title}: {c.summary}")
        for e in c.evidence[:4]:
            if e.quote:
                lines += _wrap(f"turn {e.turn}: “{e.quote}” ({e.note})", "             ")
    lines += ["", "Failure modes"]
    for f in card.failure_modes:
        lines.append(f"  [{FLAG[f.status]:>11}] {f.id} {f.title}: {f.summary}")
        for e in f.evidence[:3]:
            said = f"turn {e.turn}: “{e.quote}” ({e.note})" if e.quote else f"turn {e.turn}: {e.note}"
            lines += _wrap(said, "                ")
    if card.breaches:
        lines += ["", "Policy breaches"]
        for b in card.breaches:
            lines += _wrap(f"turn {b.turn}: “{b.quote}” -> {b.rule}: {b.reason}", "  ")
    if turns:
        lines += ["", "Turn by turn"]
        for t in card.turns:
            flag = "  <- weakest" if t.turn == card.weakest_turn else ""
            lines += _wrap(f"{t.turn}. “{t.text}”{flag}", "  ")
            for m in t.marks:
                lines += _wrap(f"{MARK[m.good]} [{m.on}] {m.note}", "       ")
    if card.model_answer is not None:
        a = card.model_answer
        lines += ["", f"Model answer at turn {a.turn} ({a.part.replace('_', ' ')})"]
        lines += _wrap(f"why: {a.why}", "  ")
        lines += _wrap(a.text, "  | ")
    return "\n".join(lines)

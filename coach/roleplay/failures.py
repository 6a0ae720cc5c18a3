"""The five failure modes of ../shared seed 003. Each verdict quotes its evidence: "triggered" quotes
the turn that shows the failure, "ok" the turn that shows it was avoided, and a mode the conversation
never got to (nothing said, no counter made) is "not_reached", never a silent "ok"."""

from __future__ import annotations

from coach.roleplay.card import TITLES, Card
from coach.roleplay.models import CustomerState, Evidence, FailureMode, TurnAnalysis

QUOTE_CHARS = 240


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"


def _mode(fid: str, status: str, summary: str, evidence: list[Evidence]) -> FailureMode:
    return FailureMode(id=fid, title=TITLES[fid], status=status, triggered=status == "triggered",  # type: ignore[arg-type]
                       summary=summary, evidence=evidence)


def failure_modes(card: Card, a: list[TurnAnalysis], texts: list[str], root_turn: int | None,
                  first_offer: int | None, until: int, state: CustomerState) -> list[FailureMode]:
    """`texts`: the trainee's turns as typed (quoted where a verdict rests on a whole turn)."""
    if not a:
        return [_mode(fid, "not_reached", "not reached: the trainee said nothing", [])
                for fid in ("F1", "F2", "F3", "F4", "F5")]
    return [_f1(card, a, texts, until), _f2(card, a, root_turn, first_offer), _f3(card, a),
            _f4(a, texts), _f5(card, a, state)]


def _f1(card: Card, a: list[TurnAnalysis], texts: list[str], until: int) -> FailureMode:
    """Pushback on the request itself: the first reply, or anything before a counter."""
    ev = [Evidence(turn=i + 1, quote=q, note="pushback") for i, t in enumerate(a)
          if i == 0 or i < until for q in t.pushback]
    for e in ev:
        card.mark(e.turn - 1, "F1", False, f"defensive pushback: “{e.quote}”")
    if ev:
        return _mode("F1", "triggered", "pushed back on the request", ev)
    first = a[0].acknowledgment or _short(texts[0])
    return _mode("F1", "ok", "no pushback on the request",
                 [Evidence(turn=1, quote=first, note="the first reply took the request without pushback")])


def _f2(card: Card, a: list[TurnAnalysis], root_turn: int | None, first_offer: int | None) -> FailureMode:
    """An offer before the root cause was heard, or the root cause never uncovered."""
    if first_offer is not None and (root_turn is None or root_turn >= first_offer):
        t = a[first_offer]
        quote = t.offer.quote if t.offer else (t.solution or "")
        card.mark(first_offer, "F2", False, "counter-proposal before the root cause was known")
        return _mode("F2", "triggered", "the counter was not based on the root cause",
                     [Evidence(turn=first_offer + 1, quote=quote, note="offered before the root cause was known")])
    if root_turn is not None:
        q = a[root_turn].questions
        return _mode("F2", "ok", "the root cause was uncovered before any offer",
                     [Evidence(turn=root_turn + 1, quote=q[-1] if q else "", note="this question uncovered the root "
                               "cause")])
    asked = [(i, q) for i, t in enumerate(a) for q in t.questions]
    ev = [Evidence(turn=i + 1, quote=q, note="asked, but it missed the root cause") for i, q in asked[-2:]]
    return _mode("F2", "triggered", "the root cause was never uncovered",
                 ev or [Evidence(turn=len(a), quote="", note=f"no diagnosis question in {len(a)} turn(s)")])


def _f3(card: Card, a: list[TurnAnalysis]) -> FailureMode:
    """The final offer lowers MRR with nothing in exchange."""
    offers = [(i, t.offer) for i, t in enumerate(a) if t.offer is not None]
    if offers:
        i, o = offers[-1]
        exchange = o.check("multi-year-exchange")
        if exchange is not None and not exchange.passed:
            card.mark(i, "F3", False, f"no multi-year exchange: {exchange.reason}")
            return _mode("F3", "triggered", "the downsell gave away MRR with no commitment in return",
                         [Evidence(turn=i + 1, quote=o.quote, note=exchange.reason)])
        term = o.offer.get("term_extension_months") or o.offer.get("pause_months")
        note = f"a {term}-month commitment in exchange" if term else "MRR kept: nothing given away"
        return _mode("F3", "ok", "every MRR reduction came with a commitment",
                     [Evidence(turn=i + 1, quote=o.quote, note=note)])
    plans = [(i, t.solution) for i, t in enumerate(a) if t.solution]
    if plans:
        i, q = plans[-1]
        return _mode("F3", "ok", "no MRR was given away: a plan instead of a discount",
                     [Evidence(turn=i + 1, quote=q or "", note="plan / save / escalation, price kept")])
    return _mode("F3", "not_reached", "not reached: no counter-proposal was made", [])


def _f4(a: list[TurnAnalysis], texts: list[str]) -> FailureMode:
    """No concrete re-engagement trigger."""
    concrete = [(i, t.trigger) for i, t in enumerate(a) if t.trigger and t.trigger_concrete]
    if concrete:
        i, q = concrete[0]
        return _mode("F4", "ok", "a re-engagement trigger with a date or event was set",
                     [Evidence(turn=i + 1, quote=q or "", note="trigger with a date or event")])
    vague = [(i, t.trigger) for i, t in enumerate(a) if t.trigger]
    if vague:
        i, q = vague[0]
        return _mode("F4", "triggered", "no re-engagement trigger with a date or event",
                     [Evidence(turn=i + 1, quote=q or "", note="a vague follow-up, no date or event")])
    return _mode("F4", "triggered", "no re-engagement trigger was set",
                 [Evidence(turn=len(a), quote=_short(texts[-1]),
                           note=f"the last turn; no trigger in any of the {len(a)} turn(s)")])


def _f5(card: Card, a: list[TurnAnalysis], state: CustomerState) -> FailureMode:
    """Fighting the downsell: refusals, repeated pushback, a customer who walked away."""
    ev = [Evidence(turn=i + 1, quote=q, note="refuses any change") for i, t in enumerate(a) for q in t.refusal]
    pushing = [i for i, t in enumerate(a) if t.pushback]
    if len(pushing) >= 2:
        ev += [Evidence(turn=i + 1, quote=a[i].pushback[0], note="repeated pushback") for i in pushing
               if not a[i].refusal]
    if state.left:
        last = a[-1].pushback or a[-1].refusal
        ev.append(Evidence(turn=len(a), quote=last[0] if last else "", note="the customer walked away"))
    for e in ev:
        card.mark(e.turn - 1, "F5", False, f"treats the downsell as a failure: {e.note}")
    if ev:
        return _mode("F5", "triggered", "fought the downsell instead of right-sizing it", ev)
    worked = [(i, t.offer.quote) for i, t in enumerate(a) if t.offer] + \
        [(i, t.solution) for i, t in enumerate(a) if t.solution] + \
        [(i, t.acknowledgment) for i, t in enumerate(a) if t.acknowledgment]
    if worked:
        i, q = min(worked)
        return _mode("F5", "ok", "treated the downsell as legitimate",
                     [Evidence(turn=i + 1, quote=q or "", note="took the request on, no refusal")])
    return _mode("F5", "not_reached", "not reached: no counter or plan yet, and no refusal", [])

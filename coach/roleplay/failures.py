"""The five failure modes of ../shared seed 003, each with the turns that show it."""

from __future__ import annotations

from coach.roleplay.card import TITLES, Card
from coach.roleplay.models import CustomerState, Evidence, FailureMode, TurnAnalysis


def _mode(fid: str, evidence: list[Evidence], yes: str, no: str) -> FailureMode:
    return FailureMode(id=fid, title=TITLES[fid], triggered=bool(evidence),  # type: ignore[arg-type]
                       summary=yes if evidence else no, evidence=evidence)


def failure_modes(card: Card, a: list[TurnAnalysis], root_turn: int | None, first_offer: int | None,
                  until: int, state: CustomerState) -> list[FailureMode]:
    # F1: pushback on the request itself (the first reply, or anything before a counter)
    f1 = [Evidence(turn=i + 1, quote=q, note="pushback") for i, t in enumerate(a)
          if i == 0 or i < until for q in t.pushback]
    for e in f1:
        card.mark(e.turn - 1, "F1", False, f"defensive pushback: “{e.quote}”")

    # F2: an offer before the root cause was heard, or the root cause never uncovered
    f2: list[Evidence] = []
    if first_offer is not None and (root_turn is None or root_turn >= first_offer):
        t = a[first_offer]
        quote = t.offer.quote if t.offer else (t.solution or "")
        f2.append(Evidence(turn=first_offer + 1, quote=quote, note="offered before the root cause was known"))
        card.mark(first_offer, "F2", False, "counter-proposal before the root cause was known")
    elif root_turn is None and a:
        f2.append(Evidence(turn=len(a), quote=a[-1].questions[-1] if a[-1].questions else "",
                           note="the conversation ended without uncovering the root cause"))

    # F3: the final offer lowers MRR with nothing in exchange
    f3: list[Evidence] = []
    offers = [(i, t.offer) for i, t in enumerate(a) if t.offer is not None]
    if offers:
        i, o = offers[-1]
        exchange = o.check("multi-year-exchange")
        if exchange is not None and not exchange.passed:
            f3.append(Evidence(turn=i + 1, quote=o.quote, note=exchange.reason))
            card.mark(i, "F3", False, f"no multi-year exchange: {exchange.reason}")

    # F4: no concrete re-engagement trigger
    f4: list[Evidence] = []
    if not any(t.trigger_concrete for t in a) and a:
        vague = [(i, t.trigger) for i, t in enumerate(a) if t.trigger]
        f4.append(Evidence(turn=vague[0][0] + 1 if vague else len(a), quote=vague[0][1] if vague else "",
                           note="a vague follow-up, no date or event" if vague else "no trigger was set"))

    # F5: fighting the downsell: refusals, repeated pushback, a customer who walked away
    f5 = [Evidence(turn=i + 1, quote=q, note="refuses any change")
          for i, t in enumerate(a) for q in t.refusal]
    pushing = [i for i, t in enumerate(a) if t.pushback]
    if len(pushing) >= 2:
        f5 += [Evidence(turn=i + 1, quote=a[i].pushback[0], note="repeated pushback") for i in pushing
               if not a[i].refusal]
    if state.left:
        f5.append(Evidence(turn=len(a), quote="", note="the customer walked away"))
    for e in f5:
        card.mark(e.turn - 1, "F5", False, f"treats the downsell as a failure: {e.note}")

    return [
        _mode("F1", f1, "pushed back on the request", "no pushback on the request"),
        _mode("F2", f2, "the counter was not based on the root cause", "the root cause was uncovered first"),
        _mode("F3", f3, "the downsell gave away MRR with no commitment in return",
              "every MRR reduction came with a commitment"),
        _mode("F4", f4, "no re-engagement trigger with a date or event", "a re-engagement trigger was set"),
        _mode("F5", f5, "fought the downsell instead of right-sizing it",
              "treated the downsell as legitimate"),
    ]

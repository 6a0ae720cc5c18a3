"""Risk score: the fired signals' weights (capped at 100), the level, the plays; and ranking."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from coach.accounts import Account
from coach.policy.schema import Policy
from coach.signals.models import PlayAdvice, RiskAssessment, RiskSignal
from coach.signals.plays import play_action
from coach.signals.rules import RULE_FIELDS, RULES, UsageFacts, facts_for
from coach.signals.usage import Usage, usage_of


def _value(f: UsageFacts, signal_id: str) -> float | str | None:
    v = f.days_to_renewal if signal_id == "renewal_soon" else getattr(f, RULE_FIELDS[signal_id])
    return float(v) if isinstance(v, int) else v  # the model's type, since it is constructed unchecked


def assess(account: Account, policy: Policy, today: date, usage: Usage | None = None) -> RiskAssessment:
    """Pure: the same account, policy and day always give the same score and reasons."""
    u = usage if usage is not None else usage_of(account)
    f = facts_for(account, u, today)
    sp = policy.signals
    near_renewal = f.days_to_renewal <= (sp.rules.renewal_soon.threshold or 0)
    signals: list[RiskSignal] = []
    for sid, check in RULES.items():
        rule = getattr(sp.rules, sid)
        reason = check(f, rule)
        if reason is None:
            continue
        play = rule.play_near_renewal if near_renewal and rule.play_near_renewal else rule.play
        # Built from checked parts: construct without re-validating (ranking hundreds of accounts).
        signals.append(RiskSignal.model_construct(id=sid, points=rule.weight, reason=reason, play=play,
                                                  value=_value(f, sid), threshold=rule.threshold))
    order = list(RULES)
    signals.sort(key=lambda s: (-s.points, order.index(s.id)))
    score = min(100, sum(s.points for s in signals))
    level: Literal["low", "medium", "high"] = (
        "high" if score >= sp.levels.high else "medium" if score >= sp.levels.medium else "low")
    return RiskAssessment(
        account_id=account.id, name=account.name, segment=account.segment, mrr=account.mrr,
        arr=round(account.mrr * 12, 2), score=score, level=level, signals=signals,
        plays=_plays(signals), data_gaps=[fld for fld in RULE_FIELDS.values() if getattr(f, fld) is None],
        renewal_date=f.renewal_date.isoformat(), days_to_renewal=f.days_to_renewal,
    )


def _plays(signals: list[RiskSignal]) -> list[PlayAdvice]:
    weight: dict[str, int] = {}
    called: dict[str, list[str]] = {}
    for s in signals:
        weight[s.play] = weight.get(s.play, 0) + s.points
        called.setdefault(s.play, []).append(s.id)
    ranked = sorted(weight, key=lambda p: -weight[p])  # stable: ties keep the heaviest signal's order
    return [PlayAdvice.model_construct(play=p, action=play_action(p), signals=called[p]) for p in ranked]


def rank(assessments: Iterable[RiskAssessment]) -> list[RiskAssessment]:
    """Riskiest first; ties: more revenue at stake, then the nearer renewal, then the id."""
    return sorted(assessments, key=lambda a: (-a.score, -a.arr,
                                              a.days_to_renewal if a.days_to_renewal is not None else 10**6,
                                              a.account_id))

"""Early-warning signals: usage data on the account, transparent risk rules, portfolio ranking.

Pure like the policy engine: `assess(account, policy, today)` reads no clock and no files.
"""

from coach.signals.models import PlayAdvice, RiskAssessment, RiskSignal, RowError
from coach.signals.score import assess, rank
from coach.signals.usage import Usage, parse_usage, usage_of

__all__ = ["PlayAdvice", "RiskAssessment", "RiskSignal", "RowError", "Usage", "assess", "parse_usage",
           "rank", "usage_of"]

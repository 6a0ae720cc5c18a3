"""Policy: the rules as data (knowledge/policy.yaml), pure rule checks, and the offer engine."""

from coach.policy.check import check_offer
from coach.policy.decision import CadenceStep, Decision, ProposedOffer
from coach.policy.offers import decide
from coach.policy.schema import Policy, load_policy

__all__ = ["CadenceStep", "Decision", "Policy", "ProposedOffer", "check_offer", "decide", "load_policy"]

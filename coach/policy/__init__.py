"""Policy: the rules as data (knowledge/policy.yaml), pure rule checks, and the offer engine."""

from coach.policy.cache import policy_at, policy_for
from coach.policy.check import check_offer
from coach.policy.decision import CadenceStep, Decision, ProposedOffer
from coach.policy.models import CounterProposal, Eligibility, RuleCheck, Secured, Trigger
from coach.policy.offers import decide
from coach.policy.schema import Policy, load_policy

__all__ = ["CadenceStep", "CounterProposal", "Decision", "Eligibility", "Policy", "ProposedOffer", "RuleCheck",
           "Secured", "Trigger", "check_offer", "decide", "load_policy", "policy_at", "policy_for"]

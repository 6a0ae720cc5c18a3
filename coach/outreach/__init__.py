"""Re-engagement and upsell outreach under ethical contact rules, and respecting a firm "no".

    draft_outreach(account, request, policy, now)        the message, or the rules it would break
    firm_no(history_turns, message, counters_made, policy)  stop proposing saves?
    accept_gracefully(account, outcome, policy, today)   the acceptance and its re-engagement plan
"""

from coach.outreach.engine import accept_gracefully, acceptance_triggers, draft_outreach
from coach.outreach.firm_no import firm_no
from coach.outreach.models import (
    Acceptance,
    ContactRecord,
    FirmNoDecision,
    OfferSpec,
    OutreachDraft,
    OutreachRequest,
    TriggerRef,
)

__all__ = ["Acceptance", "ContactRecord", "FirmNoDecision", "OfferSpec", "OutreachDraft", "OutreachRequest",
           "TriggerRef", "accept_gracefully", "acceptance_triggers", "draft_outreach", "firm_no"]

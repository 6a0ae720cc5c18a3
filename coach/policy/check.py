"""Check an offer a human proposes (API policy check, role-play scorer) against the policy."""

from __future__ import annotations

from datetime import date

from coach.accounts import Account
from coach.errors import CoachInputError
from coach.policy import rules as r
from coach.policy.decision import ProposedOffer
from coach.policy.models import RuleCheck
from coach.policy.pricing import cents, discount_off, pct1, service_shares
from coach.policy.schema import Policy


def offer_list_price(account: Account, offer: ProposedOffer) -> float:
    """List price of the offered package: as given, else list_mrr scaled by seats and services kept."""
    if offer.new_list_mrr is not None:
        return cents(offer.new_list_mrr)
    factor = 1.0
    if offer.seats is not None:
        if not account.seats:
            raise CoachInputError("seats: the account has no seat count to scale the list price by")
        factor *= offer.seats / account.seats
    if offer.services_kept is not None:
        names = {s.name.casefold(): s.name for s in account.services}
        unknown = [n for n in offer.services_kept if n.casefold() not in names]
        if unknown:
            have = ", ".join(names.values()) or "none"
            raise CoachInputError(f"services_kept: unknown service {unknown[0]!r} (account has: {have})")
        kept = {names[n.casefold()] for n in offer.services_kept}
        if account.services:
            factor *= sum(share for name, share in service_shares(account) if name in kept)
    return cents(account.list_mrr * factor)


def check_offer(account: Account, offer: ProposedOffer, policy: Policy, today: date) -> list[RuleCheck]:
    """Rule checks for a proposed offer; `new_mrr` is the MRR billed after any pause."""
    hardship = offer.hardship or account.hardship
    pause = offer.pause_months or None
    new_mrr = cents(offer.new_mrr)
    new_list = offer_list_price(account, offer)
    checks = [r.lock_period(account, policy, today, new_mrr=new_mrr, pause_months=pause, hardship=hardship)]
    if pause:
        checks.append(r.hardship_pause(account, policy, today, hardship=hardship, pause_months=pause,
                                       extension_months=offer.term_extension_months))
    checks.append(r.discount_cap(discount_off(new_mrr, new_list), policy))
    checks.append(r.multi_year_exchange(account.mrr, new_mrr, policy,
                                        extension_months=offer.term_extension_months, pause_months=pause))
    mrr = account.mrr
    offered = pct1(max(0.0, (1 - new_mrr / mrr) * 100)) if mrr > 0 and not pause else None
    requested = None
    if offer.requested_mrr is not None and mrr > 0:
        requested = pct1(max(0.0, (1 - offer.requested_mrr / mrr) * 100))
    checks.append(r.large_cut(policy, requested_pct=requested, offered_pct=offered,
                              pause_offered=bool(pause)))
    if offer.requested_mrr is not None:
        exchange = None
        if pause:
            exchange = f"a {pause}-month pause"
        elif offer.term_extension_months:
            exchange = f"a {offer.term_extension_months}-month extension"
        checks.append(r.counter_first(has_counter=True, prior_counters=0, new_mrr=new_mrr,
                                      requested_mrr=cents(offer.requested_mrr), current_mrr=cents(mrr),
                                      exchange=exchange))
    return checks

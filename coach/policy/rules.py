"""The policy rules: pure functions returning a `RuleCheck` whose reason carries the numbers.

No I/O and no clock: `today` is always passed in. Two rules describe eligibility (`lock-period`
and `hardship-pause` pass when the reduction / pause is allowed); when given an offer they check
the offer instead. Every other rule checks a decision or an offer against the policy.
"""

from __future__ import annotations

from datetime import date

from coach.accounts import Account, add_months, complete_months_between
from coach.policy.models import RuleCheck, Trigger
from coach.policy.schema import Policy
from coach.policy.triggers import pause_window


def money(x: float) -> str:
    return f"{x:,.2f}"


def _cap(x: float) -> str:
    return f"{x:g}%"


def lock_ends(account: Account, policy: Policy) -> date | None:
    """First day an MRR reduction is allowed, or None when the agreement type has no lock."""
    if account.contract.agreement_type not in policy.lock.agreement_types:
        return None
    return add_months(account.contract.start_date, policy.lock.months)


def is_locked(account: Account, policy: Policy, today: date) -> bool:
    """Inside the lock: fewer than `lock.months` complete months (month 9 complete = free)."""
    if account.contract.agreement_type not in policy.lock.agreement_types:
        return False
    return complete_months_between(account.contract.start_date, today) < policy.lock.months


def _position(account: Account, today: date) -> str:
    done = complete_months_between(account.contract.start_date, today)
    return f"month {done + 1} of the agreement ({done} complete)"


def lock_period(account: Account, policy: Policy, today: date, *, new_mrr: float | None = None,
                pause_months: int | None = None, hardship: str | None = None) -> RuleCheck:
    """Without `new_mrr`: is an MRR reduction allowed? With it: does the offer respect the lock?"""
    rid, n, kind = "lock-period", policy.lock.months, account.contract.agreement_type
    ends = lock_ends(account, policy)
    if ends is None:
        types = ", ".join(policy.lock.agreement_types) or "no agreement type"
        return RuleCheck(id=rid, passed=True,
                         reason=f"{kind} agreement: no lock period (the {n}-month lock applies to {types})")
    where = f"{_position(account, today)}; lock is the first {n} months"
    if not is_locked(account, policy, today):
        return RuleCheck(id=rid, passed=True, reason=f"{where}: MRR reduction allowed since {ends}")
    if new_mrr is None:
        return RuleCheck(id=rid, passed=False, reason=f"{where}: no MRR reduction before {ends}")
    if pause_months:
        if hardship:  # agreement-review.md: the hardship pause is for eligible customers; inside the
            # lock it is an exception a person grants (the engine never offers it by itself)
            return RuleCheck(id=rid, passed=True,
                             reason=f"{where}: a hardship pause ({hardship}) during the lock is not automatic; "
                                    "only as an exception the team lead grants")
        return RuleCheck(id=rid, passed=False, reason=f"{where}: a pause without hardship reduces MRR, "
                                                      f"not allowed before {ends}")
    if new_mrr < account.mrr - 0.005:
        return RuleCheck(id=rid, passed=False,
                         reason=f"{where}: the offer reduces MRR ({money(account.mrr)} -> {money(new_mrr)}), "
                                f"not allowed before {ends}")
    return RuleCheck(id=rid, passed=True, reason=f"{where}: the offer keeps MRR at {money(new_mrr)} or more")


def hardship_pause(account: Account, policy: Policy, today: date, *, hardship: str | None,
                   pause_months: int | None = None, extension_months: int | None = None,
                   pause_start: date | None = None) -> RuleCheck:
    """Without `pause_months`: may the customer pause? With it: is this pause within policy?"""
    rid, mx = "hardship-pause", policy.pause.max_months
    locked = is_locked(account, policy, today)
    if hardship and locked:
        basis = (f"{hardship.replace('_', ' ')} hardship inside the {policy.lock.months}-month lock: "
                 "no automatic pause, the team lead may grant one as an exception")
    elif hardship:
        basis = f"{hardship.replace('_', ' ')} hardship: a pause of up to {mx} months is allowed"
    elif locked:
        basis = f"no hardship and {_position(account, today)} is inside the {policy.lock.months}-month lock"
    else:
        basis = f"no hardship; outside the lock a pause-not-cancel of up to {mx} months is available"
    allowed = not locked
    if not pause_months:
        tail = "; each paused month extends the agreement by one month" if allowed else ": no pause"
        return RuleCheck(id=rid, passed=allowed, reason=basis + tail)
    if locked and hardship:  # a person may propose it, once the team lead has granted the exception
        allowed = True
    start, resume = pause_window(today, pause_months, pause_start)
    end = add_months(add_months(account.contract.start_date, account.contract.term_months), pause_months)
    plan = (f"{pause_months}-month pause from {start}, billing resumes {resume}; "
            f"agreement extended by {pause_months} months to {end}")
    if not allowed:
        return RuleCheck(id=rid, passed=False, reason=f"{basis}: a {pause_months}-month pause is not allowed")
    if pause_months > mx:
        return RuleCheck(id=rid, passed=False,
                         reason=f"{basis}: {pause_months} months is above the {mx}-month maximum")
    if extension_months is not None and extension_months != pause_months:
        return RuleCheck(id=rid, passed=False,
                         reason=f"{basis}: a {pause_months}-month pause must extend the agreement by exactly "
                                f"{pause_months} months (offer extends by {extension_months})")
    return RuleCheck(id=rid, passed=True, reason=f"{basis}: {plan}")


def discount_cap(discount_pct: float, policy: Policy) -> RuleCheck:
    """Total discount off list: <= soft cap free, (soft, hard] with Deal Desk, above hard never."""
    soft, hard = policy.discount.soft_cap_pct, policy.discount.hard_cap_pct
    head = f"proposed total discount {discount_pct:.1f}% off list"
    if discount_pct > hard:
        return RuleCheck(id="discount-cap", passed=False,
                         reason=f"{head} is above the {_cap(hard)} hard cap: not allowed")
    if discount_pct > soft:
        return RuleCheck(id="discount-cap", passed=True,
                         reason=f"{head} is above the {_cap(soft)} soft cap: Deal Desk approval needed "
                                f"(hard cap {_cap(hard)})")
    return RuleCheck(id="discount-cap", passed=True,
                     reason=f"{head} is within the {_cap(soft)} soft cap: no approval needed")


def counter_first(*, has_counter: bool, prior_counters: int, new_mrr: float | None = None,
                  requested_mrr: float | None = None, current_mrr: float | None = None,
                  exchange: str | None = None, no_counter_reason: str | None = None) -> RuleCheck:
    """Never accept a first downsell request as-is: answer it with a counter-proposal."""
    rid = "counter-first"
    if prior_counters > 0:
        return RuleCheck(id=rid, passed=True,
                         reason=f"{prior_counters} counter(s) already made on this request")
    if not has_counter:
        if no_counter_reason:
            return RuleCheck(id=rid, passed=True, reason=no_counter_reason)
        return RuleCheck(id=rid, passed=False,
                         reason="first downsell request answered without a counter-proposal")
    if requested_mrr is None or new_mrr is None:
        return RuleCheck(id=rid, passed=True, reason="counter-proposal made on the first request")
    asked = f"{money(requested_mrr)}/month requested"
    if current_mrr is not None and requested_mrr >= current_mrr - 0.005:
        return RuleCheck(id=rid, passed=True,
                         reason=f"the request ({asked}) does not lower MRR: nothing to counter")
    if new_mrr > requested_mrr + 0.005:
        return RuleCheck(id=rid, passed=True,
                         reason=f"counter keeps {money(new_mrr)}/month against the {asked}")
    if exchange:
        return RuleCheck(id=rid, passed=True,
                         reason=f"counter at {money(new_mrr)}/month ({asked}) "
                                f"comes only in exchange for {exchange}")
    return RuleCheck(id=rid, passed=False,
                     reason=f"accepts the first request as-is ({asked}) without a counter")


def multi_year_exchange(current_mrr: float, new_mrr: float, policy: Policy, *,
                        extension_months: int | None, pause_months: int | None = None) -> RuleCheck:
    """Downsell flexibility is exchanged for a multi-year commitment (a pause for its extension)."""
    rid, shortest = "multi-year-exchange", policy.multi_year.term_options_months[0]
    if pause_months:
        ok = extension_months in (None, pause_months)
        return RuleCheck(id=rid, passed=ok,
                         reason=f"pause of {pause_months} months: the agreement is extended by "
                                + (f"the {pause_months} paused months" if ok else
                                   f"{extension_months} months instead of {pause_months}"))
    if new_mrr >= current_mrr - 0.005:
        return RuleCheck(id=rid, passed=True,
                         reason=f"no MRR reduction ({money(new_mrr)}/month): no exchange needed")
    drop = f"MRR drops from {money(current_mrr)} to {money(new_mrr)}"
    if extension_months and extension_months >= shortest:
        return RuleCheck(id=rid, passed=True,
                         reason=f"{drop}; exchanged for a {extension_months}-month extension")
    opts = ", ".join(str(m) for m in policy.multi_year.term_options_months)
    return RuleCheck(id=rid, passed=False,
                     reason=f"{drop} with no multi-year commitment in exchange (terms: {opts} months)")


def large_cut(policy: Policy, *, requested_pct: float | None, offered_pct: float | None,
              pause_offered: bool) -> RuleCheck:
    """Cuts at or above `large_cut_pct` are flagged: pause-not-cancel rather than a deep cut."""
    rid, lim = "large-cut", policy.large_cut_pct
    parts = []
    if requested_pct is not None:
        parts.append(f"requested cut {requested_pct:.1f}%")
    if offered_pct is not None:
        parts.append(f"offered cut {offered_pct:.1f}%")
    facts = ", ".join(parts) or "no cut"
    big_ask = requested_pct is not None and requested_pct >= lim
    if offered_pct is not None and offered_pct >= lim and not pause_offered:
        return RuleCheck(id=rid, passed=False,
                         reason=f"{facts}: a cut of {_cap(lim)} or more should be a pause-not-cancel instead")
    if big_ask:
        return RuleCheck(id=rid, passed=True,
                         reason=f"{facts}: at or above {_cap(lim)}, flagged; "
                                + ("pause-not-cancel offered" if pause_offered else "diagnose carefully"))
    return RuleCheck(id=rid, passed=True, reason=f"{facts}: below the {_cap(lim)} large-cut flag")


def competitive_displacement(root_cause: str, *, has_counter: bool, escalations: list[str]) -> RuleCheck:
    rid = "competitive-displacement"
    if root_cause != "competitive_displacement":
        return RuleCheck(id=rid, passed=True,
                         reason=f"root cause {root_cause}: the standard negotiation matrix applies")
    ok = not has_counter and "competitive_save" in escalations
    reason = ("competitive displacement: routed to the competitive save playbook, no standard counter" if ok
              else "competitive displacement must go to competitive save, not the standard matrix")
    return RuleCheck(id=rid, passed=ok, reason=reason)


def enterprise_ae(arr: float, escalations: list[str], policy: Policy) -> RuleCheck:
    limit = money(policy.enterprise_arr)
    if arr < policy.enterprise_arr:
        return RuleCheck(id="enterprise-ae", passed=True,
                         reason=f"ARR {money(arr)} is below {limit}: CSM-led")
    ok = "account_executive" in escalations
    return RuleCheck(id="enterprise-ae", passed=ok,
                     reason=f"ARR {money(arr)} is at or above {limit}: the account executive "
                            + ("joins the negotiation" if ok else "must join the negotiation"))


def vp_cs_escalation(pushback: bool, escalations: list[str]) -> RuleCheck:
    if not pushback:
        return RuleCheck(id="vp-cs-escalation", passed=True,
                         reason="no pushback on a counter: VP CS not needed")
    ok = "vp_cs" in escalations
    return RuleCheck(id="vp-cs-escalation", passed=ok,
                     reason="the customer pushes back on the counter: VP CS "
                            + ("engaged" if ok else "must engage"))


def team_lead(escalations: list[str]) -> RuleCheck:
    ok = "team_lead" in escalations
    return RuleCheck(id="team-lead", passed=ok,
                     reason="team lead looped in on the downsell request" if ok
                     else "every downsell request must loop in the team lead")


def reengagement_triggers(triggers: list[Trigger]) -> RuleCheck:
    if not triggers:
        return RuleCheck(id="reengagement-triggers", passed=False, reason="no re-engagement trigger set")
    listed = ", ".join(f"{t.kind} on {t.due_date}" for t in triggers)
    return RuleCheck(id="reengagement-triggers", passed=True, reason=f"{len(triggers)} trigger(s): {listed}")

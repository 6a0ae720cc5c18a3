"""The offer engine: one downsell request in, one `Decision` (play, counter, reasons) out.

Pure: a function of (account, diagnosis, policy, today). See `plays.py` for the matrix and
`pricing.py` for the arithmetic.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.accounts import Account, AccountFigures, derive
from coach.diagnosis.models import Diagnosis
from coach.errors import CoachInputError, CoachRunError
from coach.policy import rules as r
from coach.policy.decision import ESCALATION_ORDER, Decision
from coach.policy.models import CounterProposal, Eligibility, RuleCheck, Secured, Trigger
from coach.policy.plays import Play, Request, choose, new_end, pause_play, request_pct
from coach.policy.pricing import discount_off, match_services, pct1
from coach.policy.schema import Policy
from coach.policy.triggers import build_cadence, build_triggers


def decide(account: Account, diagnosis: Diagnosis, policy: Policy, today: date, *,
           prior_counters: int = 0, secured: Secured | None = None) -> Decision:
    """Answer a downsell request: eligibility with reasons, the counter, escalations, triggers. `secured`
    is what the customer accepted in principle in an earlier round: a later counter keeps it."""
    if prior_counters < 0:
        raise CoachInputError("prior_counters: must be 0 or more")
    if policy.plays is None:
        raise CoachRunError("plays.yaml: no play table next to the policy file")
    fig = derive(account, today)
    locked = r.is_locked(account, policy, today)
    hardship = account.hardship or diagnosis.hardship
    modules = match_services(account, diagnosis.modules)
    pct = request_pct(account, diagnosis, modules)
    req = Request(account, diagnosis, policy, today, fig, locked, hardship, modules, pct, policy.plays,
                  insolvency=diagnosis.insolvency, secured=secured if prior_counters > 0 else None)
    play = choose(req, prior_counters)
    counter = play.counter

    cuts = [req.shown_pct, _offered_cut(account, counter)]
    large = any(c is not None and c >= policy.large_cut_pct for c in cuts)
    pause_allowed = not locked  # inside the lock a pause is an exception a person grants, never automatic
    alternative, asked = None, play.pause_asked
    services = diagnosis.kind in ("module_cancel", "service_removal", "pause")
    if play.name == "hardship_exception":  # the pause the team lead would be asked to approve
        wanted = pause_play(req, "pause_plan", (modules if services else None) or None)
        alternative, asked = wanted.counter, wanted.pause_asked
    elif counter is not None and not counter.pause_months and pause_allowed and large:
        alternative = pause_play(req, "pause_not_cancel").counter

    resume = date.fromisoformat(counter.resume_date) if counter and counter.resume_date else None
    triggers = build_triggers(play.name, diagnosis.root_cause, today, policy,
                              request_kind=diagnosis.kind, resume=resume)
    escalations = _escalations(play, alternative, diagnosis, fig, policy)
    exception = _exception_request(req, alternative, asked) if play.name == "hardship_exception" else None
    checks = _checks(req, play, alternative, escalations, triggers, prior_counters)

    flags = [f for f, on in (
        ("locked", locked), ("hardship", bool(hardship)), ("large_cut", large),
        ("pushback", diagnosis.pushback),
        ("discount_above_cap", discount_off(account.mrr, account.list_mrr) > policy.discount.hard_cap_pct),
        ("seats_mismatch", req.seats_mismatch),
        ("unknown_module", len(modules) < len({m.strip().casefold() for m in diagnosis.modules})),
    ) if on]
    ends = r.lock_ends(account, policy)
    return Decision(
        play=play.name,
        eligibility=Eligibility(reduction_allowed=not locked, pause_allowed=pause_allowed, rules=checks),
        counter=counter, counter_list_mrr=play.list_mrr, alternative=alternative,
        escalations=escalations, triggers=triggers,
        flags=list(dict.fromkeys(flags + play.flags)),
        requested_mrr=req.requested_mrr, swap_to=play.swap_to,
        pause_start=play.pause_start.isoformat() if play.pause_start else None,
        mrr_during_pause=play.mrr_during_pause, new_end_date=new_end(fig, counter),
        lock_ends=ends.isoformat() if ends else None,
        resolve_by=(today + timedelta(days=policy.resolution_target_days)).isoformat(),
        cadence=build_cadence(today, policy),
        play_row=play.row.id if play.row else None, exception_request=exception,
        tier_from=play.tier_from, tier_to=play.tier_to,
        pause_asked_months=asked if counter is not None and counter.pause_months else None,
    )


def _exception_request(req: Request, pause: CounterProposal | None, asked: int | None = None) -> str:
    """What the team lead needs to decide a hardship exception inside the lock: the facts, no verdict."""
    ends = r.lock_ends(req.account, req.policy)
    what = ", ".join(req.modules) if req.modules else "the whole package"
    parts = [f"hardship ({(req.hardship or '').replace('_', ' ')}) reported in month {req.fig.months_in + 1} "
             f"of a {req.account.contract.term_months}-month {req.account.contract.agreement_type} agreement; "
             f"the lock runs until {ends}",
             f"MRR {req.account.mrr:,.2f}; services named: {what}"]
    if pause is not None:
        parts.append(f"exception to decide: a {pause.pause_months}-month pause of {what} with the agreement "
                     f"extended by {pause.pause_months} months and billing resuming on {pause.resume_date}")
        if asked:
            parts.append(f"the customer asked for {asked} months; the policy's maximum is "
                         f"{req.policy.pause.max_months}")
    return "; ".join(parts)


def _escalations(play: Play, alternative: CounterProposal | None, dx: Diagnosis,
                 fig: AccountFigures, policy: Policy) -> list[str]:
    """Who joins: team lead always; VP CS on pushback; Deal Desk in the soft band; AE at enterprise ARR."""
    wanted = {"team_lead"}
    if dx.pushback:
        wanted.add("vp_cs")
    if any(c is not None and c.needs_approval == "deal_desk" for c in (play.counter, alternative)):
        wanted.add("deal_desk")
    if fig.arr >= policy.enterprise_arr:
        wanted.add("account_executive")
    if play.name == "competitive_save":
        wanted.add("competitive_save")
    if play.row is not None:
        wanted.update(play.row.escalate)
    return [e for e in ESCALATION_ORDER if e in wanted]


def _offered_cut(account: Account, counter: CounterProposal | None) -> float | None:
    """How much MRR the counter cuts, in percent (None for no counter, a pause or a free account)."""
    if counter is None or counter.pause_months or account.mrr <= 0:
        return None
    return pct1(max(0.0, (1 - counter.new_mrr / account.mrr) * 100))


def _exchange(counter: CounterProposal, request_kind: str) -> str | None:
    if counter.pause_months:
        return f"a {counter.pause_months}-month pause that extends the agreement by the same months"
    if not counter.term_extension_months:
        return None
    extra = " and explicit upgrade triggers" if request_kind == "tier_downgrade" else ""
    return f"a {counter.term_extension_months}-month extension{extra}"


def _checks(req: Request, play: Play, alternative: CounterProposal | None, escalations: list[str],
            triggers: list[Trigger], prior_counters: int) -> list[RuleCheck]:
    acc, pol, dx, c = req.account, req.policy, req.dx, play.counter
    no_counter = {
        "competitive_save": "competitive displacement: the competitive save playbook replaces the counter",
        "clarify_request": "the request is not yet identified as a downsell: diagnose before countering",
        "hardship_exception": "hardship inside the lock: no automatic pause; the team lead decides an exception",
        "graceful_exit": "insolvency or bankruptcy: no save attempt; billing and legal take over",
        "ask_for_budget": "already at the discount cap and the size is unknown: ask for the budget first",
    }.get(play.name)
    offered = _offered_cut(acc, c)
    nothing = "no counter-proposal: nothing to check"
    return [
        r.lock_period(acc, pol, req.today),
        r.hardship_pause(acc, pol, req.today, hardship=req.hardship,
                         pause_months=c.pause_months if c else None,
                         extension_months=c.term_extension_months if c else None,
                         pause_start=play.pause_start),
        r.discount_cap(c.discount_pct, pol) if c
        else RuleCheck(id="discount-cap", passed=True, reason=nothing),
        r.counter_first(has_counter=c is not None, prior_counters=prior_counters,
                        new_mrr=c.new_mrr if c else None, requested_mrr=req.requested_mrr,
                        current_mrr=round(acc.mrr, 2),
                        exchange=_exchange(c, dx.kind) if c else None, no_counter_reason=no_counter),
        r.multi_year_exchange(acc.mrr, c.new_mrr, pol, extension_months=c.term_extension_months,
                              pause_months=c.pause_months) if c
        else RuleCheck(id="multi-year-exchange", passed=True, reason=nothing),
        r.large_cut(pol, requested_pct=req.shown_pct, offered_pct=offered,
                    pause_offered=bool(c and c.pause_months) or alternative is not None),
        RuleCheck(id="competitive-displacement", passed=True, reason="insolvency: no save attempt of any kind")
        if play.name == "graceful_exit"
        else r.competitive_displacement(dx.root_cause, has_counter=c is not None, escalations=escalations),
        r.enterprise_ae(round(acc.mrr * 12, 2), escalations, pol),
        r.vp_cs_escalation(dx.pushback, escalations),
        r.team_lead(escalations),
        r.reengagement_triggers(triggers),
    ]

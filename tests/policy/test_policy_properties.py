"""What the business says "never" about, checked for any account and any request."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.accounts import Account
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
from coach.drafting.models import CounterProposal
from coach.policy import ProposedOffer, Secured, check_offer, decide, load_policy
from coach.policy.decision import ESCALATION_ORDER
from coach.policy.pricing import existing_discount
from coach.policy.rules import is_locked
from coach.policy.triggers import pause_window

pytestmark = pytest.mark.slow  # servers, hangs, index builds or many examples: CI runs them

POLICY = load_policy(Path(__file__).resolve().parents[2] / "knowledge" / "policy.yaml")
TODAY = date(2026, 6, 15)
NAMES = ["SEO", "PPC", "Social Media", "Email", "Web"]


def account(list_mrr: float, mrr_share: float, start: date, seats: int | None, services: list[dict],
            agreement_type: str, hardship: str | None) -> Account:
    return Account.model_validate({
        "id": "acc", "name": "Account", "list_mrr": list_mrr, "mrr": round(list_mrr * mrr_share, 2),
        "seats": seats, "services": services, "hardship": hardship,
        "contract": {"start_date": start.isoformat(), "term_months": 24, "agreement_type": agreement_type},
    })


services = st.lists(
    st.tuples(st.sampled_from(NAMES), st.floats(0, 5000, allow_nan=False).map(lambda x: round(x, 2)),
              st.booleans()),
    max_size=5, unique_by=lambda t: t[0],
).map(lambda items: [{"name": n, "mrr": m, "core": c} for n, m, c in items])

accounts = st.builds(
    account,
    list_mrr=st.floats(0.01, 1_000_000, allow_nan=False).map(lambda x: round(max(x, 0.01), 2)),
    mrr_share=st.one_of(st.just(1.0), st.just(0.0), st.floats(0, 1), st.floats(0.78, 0.86)),
    start=st.one_of(st.dates(TODAY - timedelta(days=330), TODAY),  # often inside the 9-month lock
                    st.dates(TODAY - timedelta(days=3650), TODAY)),
    seats=st.one_of(st.none(), st.integers(0, 500)),
    services=services,
    agreement_type=st.sampled_from(["integrated_marketing", "standard"]),
    hardship=st.sampled_from([None, None, "natural_disaster", "financial"]),
)

diagnoses = st.builds(
    Diagnosis,
    kind=st.sampled_from(REQUEST_KINDS),
    root_cause=st.sampled_from(ROOT_CAUSES),
    reduction_pct=st.one_of(st.none(), st.floats(0, 100), st.sampled_from([30.0, 50.0, 100.0])),
    seats_requested=st.one_of(st.none(), st.integers(0, 600)),
    modules=st.lists(st.sampled_from(NAMES + ["Unknown"]), max_size=3),
    hardship=st.sampled_from([None, None, "natural_disaster", "financial"]),
    pushback=st.booleans(),
    insolvency=st.sampled_from([False, False, False, True]),
    outage=st.sampled_from([False, False, True]),
    seats_to=st.one_of(st.none(), st.integers(0, 600)),
)


def proposals(counter: CounterProposal | None, alternative: CounterProposal | None) -> list[CounterProposal]:
    return [c for c in (counter, alternative) if c is not None]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, prior=st.integers(0, 3), today_offset=st.integers(0, 400))
def test_decide_never_breaks_the_policy(acc: Account, dx: Diagnosis, prior: int, today_offset: int) -> None:
    today = TODAY + timedelta(days=today_offset)
    d = decide(acc, dx, POLICY, today, prior_counters=prior)
    hard, soft = POLICY.discount.hard_cap_pct, POLICY.discount.soft_cap_pct
    hardship = acc.hardship or dx.hardship
    locked = is_locked(acc, POLICY, today)

    for c in proposals(d.counter, d.alternative):
        # never a total discount above the hard cap; the soft band goes to Deal Desk
        assert 0 <= c.discount_pct <= hard
        assert (c.needs_approval == "deal_desk") is (soft < c.discount_pct <= hard)
        assert c.new_mrr >= 0 and round(c.new_mrr, 2) == c.new_mrr
        # never an MRR reduction during the lock, unless it is a hardship pause
        if locked:
            assert c.new_mrr >= round(acc.mrr, 2) or (c.pause_months and hardship)
        # a pause extends the agreement by exactly the pause, within the maximum
        if c.pause_months:
            assert c.term_extension_months == c.pause_months <= POLICY.pause.max_months
            assert c.resume_date == pause_window(today, c.pause_months)[1].isoformat()
        # downsell flexibility always comes with a commitment
        elif c.new_mrr < round(acc.mrr, 2):
            assert (c.term_extension_months or 0) in POLICY.multi_year.term_options_months

    if dx.insolvency:
        assert d.counter is None and {"billing", "legal"} <= set(d.escalations)
    elif dx.root_cause == "competitive_displacement":
        assert d.counter is None and "competitive_save" in d.escalations
    assert d.triggers and all(date.fromisoformat(t.due_date) >= today for t in d.triggers)
    assert "team_lead" in d.escalations
    assert d.escalations == [e for e in ESCALATION_ORDER if e in d.escalations]
    assert (("account_executive" in d.escalations) is (round(acc.mrr * 12, 2) >= POLICY.enterprise_arr))
    assert ("vp_cs" in d.escalations) is dx.pushback
    assert d.eligibility.reduction_allowed is not locked
    failing = [c.id for c in d.rules if not c.passed and c.id not in ("lock-period", "hardship-pause")]
    assert failing == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, today_offset=st.integers(0, 400))
def test_the_counter_passes_the_offer_check(acc: Account, dx: Diagnosis, today_offset: int) -> None:
    """What decide() proposes, a human could propose too: check_offer agrees with it."""
    today = TODAY + timedelta(days=today_offset)
    d = decide(acc, dx, POLICY, today)
    c = d.counter
    if c is None:
        return
    offer = ProposedOffer(new_mrr=c.new_mrr, new_list_mrr=d.counter_list_mrr, pause_months=c.pause_months,
                          term_extension_months=c.term_extension_months, hardship=dx.hardship)
    result = {r.id: r for r in check_offer(acc, offer, POLICY, today)}
    for rule_id in ("lock-period", "hardship-pause", "discount-cap", "multi-year-exchange"):
        if rule_id in result:
            assert result[rule_id].passed, result[rule_id].reason


def _within_cap(acc: Account) -> bool:
    return existing_discount(acc) <= POLICY.discount.hard_cap_pct


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, prior=st.integers(0, 3), today_offset=st.integers(0, 400))
def test_numbers_a_csm_can_defend(acc: Account, dx: Diagnosis, prior: int, today_offset: int) -> None:
    """Never below the customer's own ask, never above today's MRR, never past the cap."""
    today = TODAY + timedelta(days=today_offset)
    d = decide(acc, dx, POLICY, today, prior_counters=prior)
    c = d.counter
    if c is None:
        return
    assert c.discount_pct <= POLICY.discount.hard_cap_pct
    if not c.pause_months and c.requested_mrr is not None:
        assert c.new_mrr >= c.requested_mrr - 0.005, (d.play, c.new_mrr, c.requested_mrr)
        assert "below_request" not in d.flags
    if _within_cap(acc):  # an account already past the cap is repriced to it (flagged, Deal Desk)
        assert c.new_mrr <= round(acc.mrr, 2) + 0.005, (d.play, c.new_mrr, acc.mrr)


secured_terms = st.builds(
    Secured,
    new_mrr=st.one_of(st.none(), st.floats(0, 1_000_000, allow_nan=False).map(lambda x: round(x, 2))),
    term_extension_months=st.one_of(st.none(), st.sampled_from([0, 12, 24, 36, 60])),
    seats=st.one_of(st.none(), st.integers(0, 600)),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, prior=st.integers(1, 3), today_offset=st.integers(0, 400), s=secured_terms)
def test_a_later_counter_never_gives_back_what_was_secured(acc: Account, dx: Diagnosis, prior: int,
                                                          today_offset: int, s: Secured) -> None:
    """What the customer accepted in principle stays: the term always, the monthly amount up to today's MRR
    (a pause and an acceptance of the customer's own request keep their own amounts); the other promises
    hold as well."""
    today = TODAY + timedelta(days=today_offset)
    d = decide(acc, dx, POLICY, today, prior_counters=prior, secured=s)
    c = d.counter
    if c is None or c.pause_months:
        return
    if s.term_extension_months:
        assert (c.term_extension_months or 0) >= s.term_extension_months, (d.play, c.term_extension_months)
    if s.seats and c.seats is not None and acc.seats and c.seats < acc.seats and d.play != "accept_with_reengagement" \
            and not c.suspended_services:
        assert c.seats >= s.seats or s.seats > acc.seats, (d.play, c.seats, s.seats)
    if s.new_mrr is not None and d.play != "accept_with_reengagement" and _within_cap(acc):
        assert c.new_mrr >= min(s.new_mrr, round(acc.mrr, 2)) - 0.005 or c.new_mrr >= d.counter_list_mrr - 0.005
    assert c.discount_pct <= POLICY.discount.hard_cap_pct
    if c.requested_mrr is not None:
        assert c.new_mrr >= c.requested_mrr - 0.005
    if _within_cap(acc):
        assert c.new_mrr <= round(acc.mrr, 2) + 0.005


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, prior=st.integers(0, 3), today_offset=st.integers(0, 400))
def test_below_the_request_only_with_the_switch_and_then_flagged(acc: Account, dx: Diagnosis, prior: int,
                                                                today_offset: int) -> None:
    assert POLICY.plays is not None
    below = POLICY.model_copy(update={"plays": POLICY.plays.model_copy(update={"allow_below_request": True})})
    d = decide(acc, dx, below, TODAY + timedelta(days=today_offset), prior_counters=prior)
    c = d.counter
    if c is not None and not c.pause_months and c.requested_mrr is not None and c.new_mrr < c.requested_mrr:
        assert "below_request" in d.flags
    if c is not None:
        assert c.discount_pct <= POLICY.discount.hard_cap_pct


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts, dx=diagnoses, prior=st.integers(0, 3), today_offset=st.integers(0, 400))
def test_nothing_inside_the_lock_without_an_escalation(acc: Account, dx: Diagnosis, prior: int,
                                                        today_offset: int) -> None:
    """Inside the lock: no pause and no MRR reduction is offered; a hardship goes to the team lead."""
    today = TODAY + timedelta(days=today_offset)
    if not is_locked(acc, POLICY, today):
        return
    d = decide(acc, dx, POLICY, today, prior_counters=prior)
    assert not d.eligibility.pause_allowed and not d.eligibility.reduction_allowed
    if d.counter is not None:
        assert not d.counter.pause_months and d.counter.new_mrr >= round(acc.mrr, 2) - 0.005
    if d.alternative is not None:  # only ever the exception the team lead is asked to decide
        assert d.play == "hardship_exception" and d.exception_request and "team_lead" in d.escalations
    if acc.hardship or dx.hardship:
        assert d.play in ("hardship_exception", "graceful_exit", "competitive_save")


service_requests = st.builds(
    Diagnosis, kind=st.sampled_from(["service_removal", "module_cancel"]), root_cause=st.sampled_from(ROOT_CAUSES),
    modules=st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True),
    hardship=st.sampled_from([None, None, None, "financial"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acc=accounts.map(lambda a: a.model_copy(update={"hardship": None})), dx=st.one_of(service_requests, diagnoses),
       prior=st.integers(0, 3), today_offset=st.integers(0, 400))
def test_budget_is_moved_only_off_a_service_that_is_not_delivering(acc: Account, dx: Diagnosis, prior: int,
                                                                     today_offset: int) -> None:
    """A swap keeps the spend the customer asked to lower: never for a budget cut, fewer people, a new
    direction or a reason not yet known; only a service not delivering (or not used) has its budget moved."""
    d = decide(acc, dx, POLICY, TODAY + timedelta(days=today_offset), prior_counters=prior)
    if d.play == "creative_swap":
        assert dx.root_cause in ("value_perception", "usage_gap") and dx.kind == "service_removal"
    else:
        assert d.swap_to is None

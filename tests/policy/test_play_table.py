"""The play table (knowledge/plays.yaml): its schema, its docs page, and every cell on a real account."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from coach.accounts import Account
from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES, Diagnosis
from coach.errors import CoachInputError
from coach.policy import Decision, Secured, decide, load_policy
from coach.policy.playbook import NO_COUNTER, load_play_table
from coach.policy.playdoc import COLUMNS, Column, cell, render_markdown

ROOT = Path(__file__).resolve().parents[2]
POLICY = load_policy(ROOT / "knowledge" / "policy.yaml")
assert POLICY.plays is not None
TABLE = POLICY.plays
OPEN = date(2026, 6, 1)  # month 10 of the agreement: the lock is over
LOCKED = date(2026, 3, 1)  # month 7: inside the 9-month lock
SERVICES = [
    {"name": "SEO", "mrr": 1800.0, "core": True},
    {"name": "PPC", "mrr": 1500.0, "core": False},
    {"name": "Social Media", "mrr": 1300.0, "core": False},
]


def account(column: Column) -> Account:
    """Acme Dental on the Growth tier (5,000 list, 8% off), shaped to the column's eligibility."""
    list_mrr, mrr = 5000.0, 4600.0
    if column.facts.get("at_cap"):
        mrr = 4000.0  # 20% off: at the hard cap
    if column.facts.get("enterprise"):
        list_mrr, mrr = 9000.0, 8400.0  # the Scale tier, ARR 100,800
    services = [{**s, "mrr": round(s["mrr"] * mrr / 4600.0, 2)} for s in SERVICES]
    return Account.model_validate({
        "id": "acme", "name": "Acme Dental", "list_mrr": list_mrr, "mrr": mrr, "seats": 40,
        "services": services,
        "contract": {"start_date": "2025-09-01", "term_months": 24, "agreement_type": "integrated_marketing"},
    })


def diagnosis(kind: str, cause: str, column: Column) -> Diagnosis:
    """The usual shape of the request (the one the docs' matrix describes)."""
    size: dict = {
        "seat_reduction": {"seats_requested": 12}, "acv_cut": {"reduction_pct": 30.0},
        "module_cancel": {"modules": ["PPC"]},
        "service_removal": {"modules": ["PPC"]},
    }.get(kind, {})
    return Diagnosis(kind=kind, root_cause=cause, hardship="financial" if column.facts.get("hardship") else None,
                     insolvency=bool(column.facts.get("insolvency")), outage=bool(column.facts.get("outage")),
                     **size)


def run(kind: str, cause: str, column: Column) -> Decision:
    today = LOCKED if column.facts.get("locked") else OPEN
    return decide(account(column), diagnosis(kind, cause, column), POLICY, today)


CELLS = [(k, c, col) for k in REQUEST_KINDS for c in ROOT_CAUSES for col in COLUMNS]


@pytest.mark.parametrize(("kind", "cause", "column"), CELLS,
                         ids=[f"{k}-{c}-{col.id}" for k, c, col in CELLS])
def test_every_cell(kind: str, cause: str, column: Column) -> None:
    """The engine plays what the table (and docs/plays.md) says, and the cell's promises hold."""
    d = run(kind, cause, column)
    acc = account(column)
    assert d.play == cell(TABLE, kind, cause, column)
    c = d.counter
    assert (c is None) is (d.play in NO_COUNTER)
    assert "team_lead" in d.escalations and d.triggers
    assert ("account_executive" in d.escalations) is bool(column.facts.get("enterprise"))
    if c is not None:
        assert c.discount_pct <= POLICY.discount.hard_cap_pct
        assert c.new_mrr <= acc.mrr + 0.005
        if not c.pause_months and c.requested_mrr is not None:
            assert c.new_mrr >= c.requested_mrr - 0.005
        if c.pause_months:
            assert c.term_extension_months == c.pause_months and c.resume_date
    if column.facts.get("locked"):
        assert not d.eligibility.pause_allowed
        assert c is None or (not c.pause_months and c.new_mrr >= acc.mrr - 0.005)
    if column.id == "hardship_locked" and d.play == "hardship_exception":
        assert d.exception_request and d.alternative is not None and d.alternative.pause_months
    if column.id == "insolvency":
        assert d.play == "graceful_exit" and {"billing", "legal"} <= set(d.escalations)
    if d.play == "downgrade_with_upgrade_path":
        assert "upgrade_path" in {t.kind for t in d.triggers}
    if d.play in ("pause_plan", "pause_not_cancel"):
        assert "resume_billing" in {t.kind for t in d.triggers}


# the cells the business named -----------------------------------------------------------------

def test_tier_downgrade_moves_to_the_named_smaller_tier_with_upgrade_triggers() -> None:
    d = run("tier_downgrade", "budget_cut", COLUMNS[0])
    c = d.counter
    assert d.play == "downgrade_with_upgrade_path" and d.tier_from == "Growth" and d.tier_to == "Essentials"
    assert c is not None and c.new_mrr == 2300.0 and c.discount_pct == 8.0  # Essentials at today's 8% off
    assert "upgrade_path" in {t.kind for t in d.triggers}


def test_tier_downgrade_takes_tiers_from_the_account_file() -> None:
    acc = account(COLUMNS[0]).model_copy(update={"tier": "Pro", "tiers": [
        {"name": "Lite", "list_mrr": 1000.0}, {"name": "Team", "list_mrr": 3000.0},
        {"name": "Pro", "list_mrr": 5000.0}]})
    d = decide(acc, Diagnosis(kind="tier_downgrade", root_cause="budget_cut"), POLICY, OPEN)
    assert d.tier_from == "Pro" and d.tier_to == "Team" and d.counter is not None
    assert d.counter.new_mrr == 2760.0


def test_tier_downgrade_without_a_tier_that_fits_asks_which_tier() -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="tier_downgrade", reduction_pct=10.0), POLICY, OPEN)
    assert d.play == "clarify_request" and d.counter is None
    assert "tier_unknown" in d.flags  # the CSM is told why nothing is priced


def test_an_unclear_request_that_is_not_a_tier_downgrade_is_not_flagged_as_a_tier() -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="other"), POLICY, OPEN)
    assert d.play == "clarify_request" and "tier_unknown" not in d.flags


@pytest.mark.parametrize(("prior", "play"), [(0, "course_correct"), (1, "pause_not_cancel")])
def test_a_cancel_after_our_failure_is_put_right_first_and_paused_only_later(prior: int, play: str) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="cancel", root_cause="value_perception", outage=True),
               POLICY, OPEN, prior_counters=prior)
    assert d.play == play and d.counter is not None
    if play == "course_correct":  # no service credit, no discount: today's price, today's package
        assert d.counter.new_mrr == 4600.0 and not d.counter.pause_months and not d.counter.term_extension_months


@pytest.mark.parametrize(("dx", "hardship", "play"), [
    ({"kind": "seat_reduction", "seats_requested": 10}, None, "course_correct"),
    ({"kind": "service_removal", "modules": ["PPC"]}, None, "course_correct"),
    ({"kind": "acv_cut", "reduction_pct": 30.0}, None, "course_correct"),
    ({"kind": "pause"}, None, "pause_plan"),  # a pause asked for keeps its own row
    ({"kind": "cancel"}, "financial", "pause_not_cancel"),  # a hardship too: the pause, not a plan
    ({"kind": "seat_reduction", "seats_requested": 10}, "financial", "pause_plan"),
])
def test_our_failure_gets_a_plan_before_any_cut(dx: dict, hardship: str | None, play: str) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(root_cause="org_shrinking", outage=True, hardship=hardship, **dx),
               POLICY, OPEN)
    assert d.play == play and d.counter is not None
    if play == "course_correct":
        assert d.counter.new_mrr == 4600.0 and d.counter.discount_pct == 8.0


@pytest.mark.parametrize("cause", ["strategic_shift", "budget_cut", "unknown"])
def test_a_cancel_without_our_failure_is_still_paused_not_cancelled(cause: str) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="cancel", root_cause=cause), POLICY, OPEN)
    assert d.play == "pause_not_cancel"  # root-cause-counters.md: strategic shift, pause instead of cancel


def test_insolvency_is_no_save_attempt() -> None:
    d = run("cancel", "budget_cut", next(c for c in COLUMNS if c.id == "insolvency"))
    assert d.play == "graceful_exit" and d.counter is None and d.alternative is None
    assert d.escalations[:1] == ["team_lead"] and {"billing", "legal"} <= set(d.escalations)
    assert not any(t.kind == "resume_billing" for t in d.triggers)


def test_results_complaint_goes_course_correct_then_swap_then_remove() -> None:
    acc = account(COLUMNS[0])
    dx = Diagnosis(kind="service_removal", modules=["PPC"], root_cause="value_perception")
    plays = [decide(acc, dx, POLICY, OPEN, prior_counters=n).play for n in (0, 1)]
    assert plays == ["course_correct", "creative_swap"]
    assert TABLE.catalogue
    bare = POLICY.model_copy(update={"plays": TABLE.model_copy(update={"catalogue": []})})
    solo = acc.model_copy(update={"services": acc.services[:2]})
    assert decide(solo, dx, bare, OPEN, prior_counters=1).play == "remove_with_review"


def test_results_complaint_about_the_core_service_never_drops_it() -> None:
    dx = Diagnosis(kind="service_removal", modules=["SEO"], root_cause="value_perception")
    for n in (0, 1):
        d = decide(account(COLUMNS[0]), dx, POLICY, LOCKED, prior_counters=n)
        assert d.counter is not None and "SEO" in d.counter.kept_services and not d.counter.suspended_services


# the file itself ------------------------------------------------------------------------------

def test_docs_page_is_current() -> None:
    page = (ROOT / "docs" / "plays.md").read_text(encoding="utf-8")
    assert page == render_markdown(TABLE, POLICY), "docs/plays.md is stale: run coach plays --markdown"


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "plays.yaml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    return p


def _raw() -> dict:
    return yaml.safe_load((ROOT / "knowledge" / "plays.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.update(colour="red"), "colour: unknown key"),
    (lambda d: d["rows"][0]["when"].update(mood="sad"), "mood: unknown key"),
    (lambda d: d["rows"][0].update(play="shrug"), "rows.0.play"),
    (lambda d: d["rows"][0]["when"].update(kind="downsize"), "'downsize' is not one of"),
    (lambda d: d["rows"].pop(), "must match everything"),
    (lambda d: d["rows"].append(dict(d["rows"][0])), "appears twice"),
])
def test_a_bad_table_fails_loudly_naming_the_field(tmp_path: Path, edit, message: str) -> None:
    data = _raw()
    edit(data)
    with pytest.raises(CoachInputError, match=message):
        load_play_table(_write(tmp_path, data))


def test_policy_without_a_table_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "policy.yaml"
    p.write_text((ROOT / "knowledge" / "policy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    policy = load_policy(p)
    assert policy.plays is None
    with pytest.raises(Exception, match="plays.yaml"):
        decide(account(COLUMNS[0]), Diagnosis(kind="pause"), policy, OPEN)


@pytest.mark.parametrize(("asked", "paused", "said"), [
    (None, 3, None),   # unstated: the default, nothing to explain
    (2, 2, None),
    (6, 6, None),      # at the maximum
    (7, 6, 7),         # past it: the maximum, and the months asked are kept for the text
    (12, 6, 12),
])
def test_a_pause_past_the_maximum_is_capped_and_the_months_asked_are_kept(asked, paused, said) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="pause", root_cause="budget_cut", pause_months=asked),
               POLICY, OPEN)
    assert d.counter is not None and d.counter.pause_months == paused == d.counter.term_extension_months
    assert d.pause_asked_months == said


@pytest.mark.parametrize(("dx", "mismatch"), [
    ({"seats_requested": 25, "seats_to": 60}, True),   # "from 85 down to 60" on a 40-seat account
    ({"seats_requested": 50}, True),                   # more seats removed than the account has
    ({"seats_to": 40}, True),                          # "down to 40": today's count, nothing to cut
    ({"seats_requested": 40}, False),                  # every seat: a cut to nothing, not a mismatch
    ({"seats_requested": 12}, False),
    ({"seats_requested": 10, "seats_to": 30}, False),
])
def test_seats_that_do_not_fit_the_account_get_no_counter_and_a_flag(dx: dict, mismatch: bool) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="seat_reduction", root_cause="org_shrinking", **dx), POLICY, OPEN)
    assert ("seats_mismatch" in d.flags) is mismatch
    assert (d.play == "clarify_request" and d.counter is None) is mismatch


def test_a_seat_mismatch_inside_the_lock_is_still_flagged() -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(kind="seat_reduction", seats_requested=50), POLICY, LOCKED)
    assert "seats_mismatch" in d.flags and (d.counter is None or d.counter.new_mrr >= 4600.0)


SECURED_CASES = [
    # (request, prior counters, secured, play, new_mrr, extension)
    # the customer took the 24-month term and a $3,900 price in principle, then asked for 12 seats off:
    # the next counter keeps both (the 32-seat right-size alone would bill 3,680)
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 1,
     {"new_mrr": 3900.0, "term_extension_months": 24}, "right_size_multi_year", 3900.0, 24),
    # a longer term secured stays longer
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 1,
     {"term_extension_months": 36}, "right_size_multi_year", 3680.0, 36),
    # never above the package's list price (32 seats list at 4,000) or today's MRR
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 1,
     {"new_mrr": 4800.0}, "right_size_multi_year", 4000.0, 24),
    # nothing secured below the counter: nothing changes
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 1,
     {"new_mrr": 3000.0, "term_extension_months": 12}, "right_size_multi_year", 3680.0, 24),
    # a first reply has nothing secured yet
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 0,
     {"new_mrr": 3900.0, "term_extension_months": 36}, "right_size_multi_year", 3680.0, 24),
    # counters exhausted: the customer's own request, with the term they had accepted
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 12}, 2,
     {"new_mrr": 3900.0, "term_extension_months": 36}, "accept_with_reengagement", 3220.0, 36),
    # 32 seats at 3,680 for 24 months accepted in principle, then "down to 24 seats": the agreed package
    # again (the right-size alone would be 29 seats at 3,335.00)
    ({"kind": "seat_reduction", "root_cause": "budget_cut", "seats_requested": 16}, 1,
     {"new_mrr": 3680.0, "term_extension_months": 24, "seats": 32}, "right_size_multi_year", 3680.0, 24),
    # a pause keeps its own month-for-month extension
    ({"kind": "pause", "root_cause": "budget_cut"}, 1,
     {"new_mrr": 3900.0, "term_extension_months": 24}, "pause_plan", 4600.0, 3),
]


@pytest.mark.parametrize(("dx", "prior", "secured", "play", "new_mrr", "extension"), SECURED_CASES)
def test_a_later_counter_keeps_what_the_customer_accepted_in_principle(dx, prior, secured, play, new_mrr,
                                                                        extension) -> None:
    d = decide(account(COLUMNS[0]), Diagnosis(**dx), POLICY, OPEN, prior_counters=prior, secured=Secured(**secured))
    c = d.counter
    assert d.play == play and c is not None
    assert (c.new_mrr, c.term_extension_months) == (new_mrr, extension)
    assert c.discount_pct <= POLICY.discount.hard_cap_pct and c.new_mrr <= 4600.0
    assert ("secured_kept" in d.flags) is (prior > 0 and (new_mrr, extension) != _unsecured(dx, prior))
    if secured.get("seats") and play != "accept_with_reengagement":
        assert c.seats == secured["seats"]


def _unsecured(dx: dict, prior: int) -> tuple[float, int | None]:
    c = decide(account(COLUMNS[0]), Diagnosis(**dx), POLICY, OPEN, prior_counters=prior).counter
    assert c is not None
    return c.new_mrr, c.term_extension_months


@pytest.mark.parametrize(("asked", "said"), [(9, "the customer asked for 9 months; the policy's maximum is 6"),
                                             (4, None)])
def test_a_hardship_exception_tells_the_team_lead_the_pause_asked_for(asked: int, said: str | None) -> None:
    col = next(c for c in COLUMNS if c.id == "hardship_locked")
    d = decide(account(col), Diagnosis(kind="pause", hardship="natural_disaster", pause_months=asked), POLICY, LOCKED)
    assert d.play == "hardship_exception" and d.exception_request and d.counter is None
    assert d.pause_asked_months is None  # nothing is offered to the customer
    assert (said in d.exception_request) if said else "asked for" not in d.exception_request

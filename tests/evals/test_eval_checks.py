"""The evaluators on hand-made drafts: each check catches what it is there for."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coach.drafting.models import Draft
from coach.evals.compliance import compliance_checks, discount_texts
from coach.evals.exact import exact_checks
from coach.evals.models import Case
from coach.evals.rubric import rubric_checks
from coach.evals.summary import percentile, summarize
from coach.policy import load_policy
from tests.conftest import REPO, TODAY
from tests.factories import account_data, make_account

POLICY = load_policy(REPO / "knowledge" / "policy.yaml")
ACK = ("Hi Dana,\n\nThank you for telling me this directly. I understand you'd like to bring the package "
       "down, and I want to make sure whatever we land on fits how your team works today.")
COUNTER = ("Here is what I'd propose: 32 seats; your monthly investment moves from $4,600.00 to $3,680.00. "
           "That is 8% off the list price. In exchange we'd ask you to commit to the new package for 34 "
           "months: the agreement is extended by 24 months. There is no prepayment.")


def draft(**over: Any) -> Draft:
    data: dict[str, Any] = {
        "request": {"kind": "seat_reduction", "reduction_pct": 30.0},
        "root_cause": "budget_cut", "hardship": None,
        "eligibility": {"reduction_allowed": True, "pause_allowed": True,
                        "rules": [{"id": "lock-period", "passed": True, "reason": "month 15"}]},
        "acknowledgment": ACK,
        "diagnosis_questions": ["What changed in the budget?", "Who decides?", "What would success be?"],
        "counter_proposal": {"kind": "right_size_multi_year", "discount_pct": 8.0, "new_mrr": 3680.0,
                             "term_extension_months": 24, "commitment_months": 34, "seats": 32,
                             "requested_mrr": 3220.0, "message": COUNTER},
        "escalations": ["team_lead"],
        "reengagement_triggers": [{"kind": "budget_cycle", "due_date": "2027-05-20", "description": "x"}],
        "violations": [], "citations": [], "play": "right_size_multi_year",
    }
    for k, v in over.items():
        if k == "counter" and v is not None:
            data["counter_proposal"] = {**data["counter_proposal"], **v}
        elif k == "counter":
            data["counter_proposal"] = None
        else:
            data[k] = v
    return Draft.model_validate(data)


def case(expect: dict[str, Any] | None = None, **over: Any) -> Case:
    return Case.model_validate({"id": "t1", "category": "test", "today": TODAY, "account": account_data(),
                                "message": "cut seats", "expect": expect or {}, **over})


def failed(checks) -> set[str]:
    return {c.name for c in checks if not c.passed}


def comply(d: Draft, **acct: Any) -> set[str]:
    return failed(compliance_checks(make_account(**acct), d, POLICY, TODAY))


def test_a_good_draft_passes_everything():
    d = draft()
    c = case({"kind": "seat_reduction", "root_cause": "budget_cut", "hardship": None,
              "escalations": ["team_lead"], "proposal": {"seats": 32, "discount_pct": {"max": 15}},
              "must_include": {"counter": ["commit"]}, "must_not_include": {"any": ["60%"]}})
    assert failed(exact_checks(c, d)) == set()
    assert comply(d) == set()
    assert failed(rubric_checks(c, d)) == set()


def test_exact_checks_report_expected_and_got():
    c = case({"kind": "cancel", "root_cause": "usage_gap", "escalations": {"include": ["vp_cs"]},
              "proposal": {"seats": {"min": 33}, "term_extension_months": 12}})
    checks = {ch.name: ch for ch in exact_checks(c, draft())}
    assert not checks["kind"].passed and checks["kind"].expected == "cancel"
    assert checks["kind"].got == "seat_reduction"
    assert not checks["escalations"].passed and "vp_cs" in checks["escalations"].detail
    assert "seats 32 outside >= 33" in checks["proposal"].detail


def test_hardship_is_checked_only_when_labelled():
    assert "hardship" not in {c.name for c in exact_checks(case({"kind": "seat_reduction"}), draft())}
    assert failed(exact_checks(case({"hardship": "financial"}), draft())) == {"hardship"}


def test_discount_above_the_cap_is_a_violation():
    d = draft(counter={"discount_pct": 25.0, "new_mrr": 3000.0})
    assert {"discount-cap", "offer:discount-cap"} <= comply(d)


def test_a_misstated_discount_is_caught():
    # 3,000 on a 32-seat list of 4,000 is 25% off, whatever the draft claims
    assert "discount-stated-right" in comply(draft(counter={"discount_pct": 8.0, "new_mrr": 3000.0}))


def test_mrr_cut_inside_the_lock_is_a_violation():
    got = comply(draft(), contract={"start_date": "2026-06-01"})
    assert {"lock-respected", "offer:lock-period", "eligibility-consistent"} <= got


def test_mrr_cut_without_a_multi_year_commitment():
    d = draft(counter={"term_extension_months": None, "commitment_months": 10})
    assert "offer:multi-year-exchange" in comply(d)


def test_enterprise_needs_the_account_executive():
    assert "enterprise-ae" in comply(draft(), mrr=9000.0, list_mrr=10000.0)


def test_competitive_displacement_gets_no_standard_counter():
    assert "competitive-save" in comply(draft(root_cause="competitive_displacement"))
    ok = draft(root_cause="competitive_displacement", counter=None,
               escalations=["team_lead", "competitive_save"])
    assert "competitive-save" not in comply(ok)


def test_guard_violations_and_failed_decision_rules_count():
    d = draft(violations=["counter_proposal: number 90 does not match"],
              eligibility={"reduction_allowed": True, "pause_allowed": True,
                           "rules": [{"id": "team-lead", "passed": False, "reason": "missing"}]})
    assert {"guard-clean", "decision-rules"} <= comply(d)


def test_pause_must_extend_month_for_month():
    d = draft(counter={"kind": "pause_plan", "pause_months": 3, "term_extension_months": 6,
                       "resume_date": "2027-03-01", "new_mrr": 4600.0, "seats": 40, "discount_pct": 8.0})
    assert "pause-terms" in comply(d)


@pytest.mark.parametrize("text,found", [
    ("We can offer 25% off the list price.", [25.0]), ("a discount of 30% for you", [30.0]),
    ("знижка 40% для вас", [40.0]), ("bring the package down by about 30%", []),
])
def test_discount_phrases_in_text(text, found):
    assert discount_texts(text) == found


def test_stated_discount_above_cap_in_text_is_a_violation():
    d = draft(acknowledgment=ACK + " We can approve 50% off today.")
    assert "no-discount-above-cap-in-text" in comply(d)


def test_rubric_flags_pushback_and_eligibility_talk():
    d = draft(acknowledgment="Unfortunately your contract is in the nine-month lock, so this isn't possible.")
    assert "ack-no-pushback" in failed(rubric_checks(case(), d))


def test_rubric_flags_an_offer_before_questions():
    d = draft(acknowledgment=ACK + " I can already offer $3,680.00 a month.", diagnosis_questions=["Why?"])
    checks = {c.name: c for c in rubric_checks(case(), d)}
    assert not checks["questions-before-offer"].passed
    assert "$3,680.00" in checks["questions-before-offer"].detail


def test_rubric_requires_commitment_and_pause_disclosure():
    d = draft(counter={"message": "Your price moves to $3,680.00. That is 8% off."})
    assert "commitments-disclosed" in failed(rubric_checks(case(), d))
    pause = draft(counter={"kind": "pause_plan", "pause_months": 3, "term_extension_months": 3,
                           "resume_date": "2027-03-01", "discount_pct": 0.0, "new_mrr": 4600.0,
                           "message": "We pause for 3 months; billing resumes at $4,600.00."})
    detail = next(c.detail for c in rubric_checks(case(), pause) if c.name == "commitments-disclosed")
    assert "resume-billing date" in detail


def test_rubric_language_and_phrases():
    uk = case({"must_not_include": {"any": ["знижка 60%"]}}, lang="uk")
    checks = {c.name: c for c in rubric_checks(uk, draft())}
    assert not checks["reply-language"].passed
    assert checks["must-not-include"].passed


def test_summary_metrics_and_percentiles():
    from coach.evals.results import CaseResult, CheckResult

    def result(i: int, ok: bool, ms: float) -> CaseResult:
        return CaseResult(id=f"c{i}", category="a" if i % 2 else "b", message="m", latency_ms=ms,
                          checks=[CheckResult(name="root_cause", group="exact", passed=ok),
                                  CheckResult(name="guard-clean", group="compliance", passed=True)])

    s = summarize([result(i, i != 0, float(i)) for i in range(10)], None)
    assert s.metrics["root_cause_accuracy"] == 0.9
    assert s.metrics["rule_compliance"] == 1.0
    assert s.passed == 9 and s.by_category["b"]["pass_rate"] == 0.8
    assert percentile([1, 2, 3, 4], 50) == 2.5 and percentile([], 95) == 0.0
    assert s.latency_ms["p95"] == pytest.approx(8.55)
    assert [t.name for t in s.thresholds if not t.measured] == ["retrieval_recall_at_3"]  # not run
    assert s.thresholds_passed  # what was not measured does not fail the run


def test_a_draft_error_fails_every_group():
    from coach.evals.results import CaseResult

    s = summarize([CaseResult(id="x", category="a", message="m", error="CoachRunError: boom")], None)
    assert s.passed == 0 and s.metrics["rule_compliance"] == 0.0 and s.violations == 1
    assert not s.thresholds_passed
    assert date.fromisoformat("2026-11-21") == TODAY

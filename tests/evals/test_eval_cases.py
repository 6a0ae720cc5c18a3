"""The case files: typed, complete, and covering what the issue asks for."""

from __future__ import annotations

from collections import Counter

import pytest

from coach.diagnosis.models import REQUEST_KINDS, ROOT_CAUSES
from coach.errors import CoachInputError
from coach.evals.loader import CASES_DIR, load_cases, merge


@pytest.fixture(scope="module")
def cases():
    return load_cases().cases


def test_at_least_150_cases_and_50_adversarial(cases):
    assert len(cases) >= 150
    assert sum(c.adversarial for c in cases) >= 50


def test_every_root_cause_and_request_kind_is_labelled(cases):
    causes = {c.expect.root_cause for c in cases}
    kinds = {c.expect.kind for c in cases}
    assert set(ROOT_CAUSES) <= causes
    assert set(REQUEST_KINDS) <= kinds


def test_categories_languages_and_attacks(cases):
    cats = Counter(c.category for c in cases)
    for cat in ("root_cause", "request_kind", "hardship", "lock_period", "enterprise", "discounted",
                "conversation", "ukrainian", "adversarial"):
        assert cats[cat] >= 5, cat
    langs = Counter(c.lang for c in cases)
    assert langs["en"] >= 50 and langs["uk"] >= 15
    attacks = Counter(c.attack for c in cases if c.attack)
    for attack in ("injection_message", "injection_account", "poisoned_playbook", "discount_above_cap",
                   "prompt_extraction"):
        assert attacks[attack] >= 5, attack
    assert all(c.knowledge == "poisoned" for c in cases if c.attack == "poisoned_playbook")


def test_lock_boundaries_are_covered(cases):
    lock = [c for c in cases if c.category == "lock_period" and c.expect.eligibility]
    allowed = {c.expect.eligibility.reduction_allowed for c in lock}
    assert allowed == {True, False}


def test_fixture_accounts_merge_overrides():
    base = {"contract": {"start_date": "2025-01-01", "term_months": 24}, "name": "A"}
    out = merge(base, {"contract": {"start_date": "2026-01-01"}, "name": "B"})
    assert out == {"contract": {"start_date": "2026-01-01", "term_months": 24}, "name": "B"}
    assert base["contract"]["start_date"] == "2025-01-01"


@pytest.mark.slow
def test_filters(cases):
    only = load_cases(categories=["hardship"]).cases
    assert only and all(c.category == "hardship" for c in only)
    assert [c.id for c in load_cases(ids=["rc-budget-seats-30"]).cases] == ["rc-budget-seats-30"]
    with pytest.raises(CoachInputError, match="no cases"):
        load_cases(ids=["no-such-case"])


def _folder(tmp_path, body: str):
    (tmp_path / "_fixtures.yaml").write_text((CASES_DIR / "_fixtures.yaml").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    (tmp_path / "x.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def test_unknown_key_fails_loudly_naming_case_and_field(tmp_path):
    d = _folder(tmp_path, "category: t\ncases:\n  - id: a1\n    account: acme\n    message: hi\n"
                          "    expect: {kind: cancel, root_casue: budget_cut}\n")
    with pytest.raises(CoachInputError, match=r"x.yaml: a1: expect.root_casue: unknown key"):
        load_cases(d)


def test_unknown_fixture_account(tmp_path):
    d = _folder(tmp_path, "category: t\ncases:\n  - id: a1\n    account: nobody\n    message: hi\n"
                          "    expect: {}\n")
    with pytest.raises(CoachInputError, match="unknown fixture 'nobody'"):
        load_cases(d)


def test_bad_account_override_is_an_input_error(tmp_path):
    d = _folder(tmp_path, "category: t\ncases:\n  - id: a1\n    account: {base: acme, mrr: -5}\n"
                          "    message: hi\n    expect: {}\n")
    with pytest.raises(CoachInputError, match="a1: account: mrr"):
        load_cases(d)


def test_duplicate_ids(tmp_path):
    d = _folder(tmp_path, "category: t\ncases:\n  - {id: a1, account: acme, message: hi, expect: {}}\n"
                          "  - {id: a1, account: acme, message: ho, expect: {}}\n")
    with pytest.raises(CoachInputError, match="duplicate case id 'a1'"):
        load_cases(d)

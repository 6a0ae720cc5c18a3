"""The policy file: the shipped one loads; every kind of bad file is one line naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coach.errors import CoachInputError
from coach.policy import Policy, load_policy

POLICY_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "policy.yaml"


def write(tmp_path: Path, data: dict | str) -> Path:
    p = tmp_path / "policy.yaml"
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return p


def shipped() -> dict:
    return yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8"))


def error_for(tmp_path: Path, data: dict | str) -> str:
    with pytest.raises(CoachInputError) as exc:
        load_policy(write(tmp_path, data))
    msg = str(exc.value)
    assert "\n" not in msg
    assert str(tmp_path / "policy.yaml") in msg
    return msg


def test_shipped_policy_has_the_business_numbers() -> None:
    p = load_policy(POLICY_FILE)
    assert isinstance(p, Policy)
    assert p.lock.months == 9 and p.lock.agreement_types == ["integrated_marketing"]
    assert (p.discount.soft_cap_pct, p.discount.hard_cap_pct) == (15, 20)
    assert (p.pause.default_months, p.pause.max_months) == (3, 6)
    assert round(30 * p.counter.seat_cut_fraction, 6) == 20  # "2/3" in the file
    assert round(50 * p.counter.acv_cut_fraction, 6) == 30
    assert p.counter.retention_discount_pts == 5
    assert p.large_cut_pct == 50 and p.enterprise_arr == 100000
    assert (p.resolution_target_days, p.reengagement_days) == (30, 90)
    assert p.performance_gap_review_months == [2, 3]
    assert p.multi_year.term_options_months == [12, 24, 36]
    assert (p.multi_year.default_extension_months, p.multi_year.module_lock_months) == (24, 12)
    assert (p.cadence.report.first, p.cadence.report.last) == (2, 3)
    assert (p.cadence.signature_and_triggers.first, p.cadence.signature_and_triggers.last) == (15, 30)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CoachInputError, match="policy file not found"):
        load_policy(tmp_path / "nope.yaml")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(CoachInputError, match="not a file"):
        load_policy(tmp_path)


def test_bad_yaml(tmp_path: Path) -> None:
    assert "invalid YAML" in error_for(tmp_path, "lock: [9,\n  discount: {")


def test_not_a_mapping(tmp_path: Path) -> None:
    assert "expected a mapping" in error_for(tmp_path, "- 1\n- 2\n")


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    data = shipped()
    data["discount"]["hard_cap_pct"] = "twenty"
    assert "discount.hard_cap_pct" in error_for(tmp_path, data)


def test_unknown_key_names_the_key(tmp_path: Path) -> None:
    data = shipped()
    data["contact"] = {"hours": "9-5"}
    msg = error_for(tmp_path, data)
    assert "contact" in msg and "unknown key" in msg


def test_unknown_nested_key(tmp_path: Path) -> None:
    data = shipped()
    data["pause"]["min_months"] = 1
    assert "pause.min_months: unknown key" in error_for(tmp_path, data)


def test_missing_key_is_not_defaulted(tmp_path: Path) -> None:
    data = shipped()
    del data["lock"]["months"]
    assert "lock.months" in error_for(tmp_path, data)


@pytest.mark.parametrize("soft, hard", [(25, 20), (20, 20)])
def test_soft_cap_must_be_below_hard_cap(tmp_path: Path, soft: float, hard: float) -> None:
    data = shipped()
    data["discount"].update(soft_cap_pct=soft, hard_cap_pct=hard)
    msg = error_for(tmp_path, data)
    assert "discount" in msg and "soft_cap_pct" in msg


def test_hard_cap_at_most_100(tmp_path: Path) -> None:
    data = shipped()
    data["discount"]["hard_cap_pct"] = 120
    assert "discount.hard_cap_pct" in error_for(tmp_path, data)


def test_pause_default_within_max(tmp_path: Path) -> None:
    data = shipped()
    data["pause"]["default_months"] = 9
    assert "max_months" in error_for(tmp_path, data)


def test_extension_must_be_a_term_option(tmp_path: Path) -> None:
    data = shipped()
    data["multi_year"]["default_extension_months"] = 18
    assert "default_extension_months" in error_for(tmp_path, data)


def test_fraction_out_of_range(tmp_path: Path) -> None:
    data = shipped()
    data["counter"]["seat_cut_fraction"] = "3/2"
    assert "counter.seat_cut_fraction" in error_for(tmp_path, data)


def test_fraction_zero_denominator(tmp_path: Path) -> None:
    data = shipped()
    data["counter"]["acv_cut_fraction"] = "1/0"
    assert "counter.acv_cut_fraction" in error_for(tmp_path, data)


def test_cadence_range_must_be_ordered(tmp_path: Path) -> None:
    data = shipped()
    data["cadence"]["counter"] = [15, 10]
    assert "cadence.counter" in error_for(tmp_path, data)


def test_cadence_must_fit_the_resolution_target(tmp_path: Path) -> None:
    data = shipped()
    data["resolution_target_days"] = 20
    assert "resolution_target_days" in error_for(tmp_path, data)


def test_gap_review_months_ordered(tmp_path: Path) -> None:
    data = shipped()
    data["performance_gap_review_months"] = [3, 2]
    assert "performance_gap_review_months" in error_for(tmp_path, data)

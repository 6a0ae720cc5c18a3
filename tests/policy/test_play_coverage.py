"""The play table covers every case: the built-in one has no gap; a gap names the row and the cases."""

from __future__ import annotations

from pathlib import Path

import yaml

from coach.policy import load_policy
from coach.policy.coverage import NEEDS, coverage_gaps, engine_gaps, table_gaps
from coach.policy.playbook import NO_COUNTER, PLAY_NAMES, PlayTable

ROOT = Path(__file__).resolve().parents[2]
POLICY = load_policy(ROOT / "knowledge" / "policy.yaml")
RAW = yaml.safe_load((ROOT / "knowledge" / "plays.yaml").read_text(encoding="utf-8"))


def _without(row_id: str) -> PlayTable:
    return PlayTable.model_validate({**RAW, "rows": [r for r in RAW["rows"] if r["id"] != row_id]})


def test_the_built_in_table_has_no_gap() -> None:
    assert coverage_gaps(POLICY) == []


def test_needs_name_plays_that_make_a_counter() -> None:
    assert set(NEEDS) <= set(PLAY_NAMES) - NO_COUNTER


def test_without_the_competitive_row_the_engine_rule_names_the_cases() -> None:
    table = _without("competitive")
    [gap] = engine_gaps(POLICY.model_copy(update={"plays": table}))
    assert gap.reason.startswith("the competitive-displacement check fails")
    assert {c.cause for c, _, _ in gap.cases} == {"competitive_displacement"}
    assert table.rows[gap.row].id == "hardship-in-lock"  # the first row that answers one of them


def test_a_row_whose_play_lacks_what_it_needs_is_a_gap() -> None:
    rows = [dict(r) for r in RAW["rows"]]
    i = next(n for n, r in enumerate(rows) if r["id"] == "tier-unknown")
    rows[i] = {"id": "tiers", "when": {"kind": "tier_downgrade"}, "play": "downgrade_with_upgrade_path",
               "why": "x", "source": "y"}  # the smaller tier unknown: nothing to downgrade to
    table = PlayTable.model_validate({**RAW, "rows": rows})
    [gap] = table_gaps(table, POLICY.counter.max_rounds)
    assert gap.row == i and "downgrade_with_upgrade_path needs a smaller tier" in gap.reason
    assert {(c.kind, c.shape) for c, _, _ in gap.cases} == {("tier_downgrade", "size unknown")}

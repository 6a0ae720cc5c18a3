"""Portfolio files: CSV, JSON lines, JSON, folders; bad rows reported with file, line and field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coach.config import REPO_ROOT
from coach.errors import CoachInputError
from coach.signals.portfolio import load_portfolio, rank_portfolio
from tests.signals.conftest import POLICY, usage_account

TODAY = date(2026, 11, 21)
HEADER = (
    "id,name,segment,contract.start_date,contract.term_months,list_mrr,mrr,seats,contact.name,"
    "contact.timezone,seat_utilisation_pct,usage.logins_per_month,nps,renewal_date\n"
)


def row(
    i: str,
    *,
    tz: str = "Europe/Kyiv",
    util: str = "50",
    logins: str = "30",
    nps: str = "8",
    start: str = "2025-01-01",
    name: str | None = None,
) -> str:
    return (
        f"{i},{name or 'Account ' + i},smb,{start},24,1000,900,10,Ann Lee,{tz},{util},{logins},{nps},"
        "2027-06-01\n"
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_good_rows_in_bad_rows_reported(tmp_path: Path) -> None:
    text = (
        HEADER
        + row("a1", util="41%")
        + "\n"  # line 2, then a blank line 3
        + row("a2", tz="Mars/Base")  # line 4
        + row("a3", logins="lots")  # line 5
        + row("a4", name='"Multi\nline"')  # lines 6-7: a quoted cell with a newline
        + row("a5", nps="11")  # line 8
        + row("a6", start="2027-01-01")  # line 9
        + "a7,short\n"  # line 10
        + row("a1")
    )  # line 11: duplicate id
    pf = load_portfolio(write(tmp_path, "p.csv", text), TODAY)
    assert [e.account.id for e in pf.entries] == ["a1", "a4"]
    assert pf.entries[0].usage.seat_utilisation_pct == 41
    got = [(e.line, e.field) for e in pf.errors]
    assert got == [
        (4, "contact.timezone"),
        (5, "usage.logins_per_month"),
        (8, "usage.nps"),
        (9, "contract.start_date"),
        (10, "contract"),
        (11, "id"),
    ]
    assert str(pf.errors[0]).startswith("p.csv:4: contact.timezone: unknown time zone 'Mars/Base'")
    assert "first at p.csv:2" in pf.errors[-1].error


def test_csv_row_with_too_many_values(tmp_path: Path) -> None:
    pf = load_portfolio(write(tmp_path, "p.csv", HEADER + row("a1").rstrip("\n") + ",extra\n"), TODAY)
    assert pf.entries == [] and "15 values for 14 columns" in pf.errors[0].error


def test_jsonl_reports_invalid_lines(tmp_path: Path) -> None:
    good = json.dumps(usage_account({"nps": 3}))
    bad_usage = json.dumps(usage_account({"csat": 9}, id="b"))
    text = "\n".join([good, "{not json", "", bad_usage, "[1]"]) + "\n"
    pf = load_portfolio(write(tmp_path, "p.jsonl", text), TODAY)
    assert len(pf.entries) == 1
    assert [(e.line, e.field) for e in pf.errors] == [(2, None), (4, "usage.csat"), (5, None)]
    assert pf.errors[0].error.startswith("invalid JSON")


def test_json_list_keeps_each_items_line(tmp_path: Path) -> None:
    items = [usage_account({}, id="a"), usage_account({"nps": "x"}, id="b"), usage_account({}, id="c")]
    text = json.dumps(items, indent=2)
    pf = load_portfolio(write(tmp_path, "p.json", text), TODAY)
    second = text.count("\n", 0, text.index('"id": "b"'))  # the object's "{" is a few lines above
    assert [e.account.id for e in pf.entries] == ["a", "c"]
    assert pf.errors[0].field == "usage.nps" and pf.errors[0].line < second + 1
    assert text.splitlines()[pf.errors[0].line - 1].strip() == "{"


def test_json_list_with_a_broken_item_keeps_the_rows_before(tmp_path: Path) -> None:
    text = "[\n" + json.dumps(usage_account({}, id="a")) + ",\n{broken\n]"
    pf = load_portfolio(write(tmp_path, "p.json", text), TODAY)
    assert [e.account.id for e in pf.entries] == ["a"] and pf.errors[0].line == 3


def test_folder_of_mixed_files(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", HEADER + row("c1"))
    write(tmp_path, "b.jsonl", json.dumps(usage_account({}, id="j1")) + "\n")
    write(tmp_path, "c.json", json.dumps(usage_account({}, id="c1")))  # duplicate of a.csv's row
    write(tmp_path, "notes.txt", "ignored")
    pf = load_portfolio(tmp_path, TODAY)
    assert pf.files == ["a.csv", "b.jsonl", "c.json"]
    assert sorted(e.account.id for e in pf.entries) == ["c1", "j1"]
    assert [str(e).split(":")[0] for e in pf.errors] == ["c.json"]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.csv", "no such file or folder"),
        (lambda p: p, "no account files"),
        (lambda p: write(p, "x.txt", "hi"), "expected a .csv"),
    ],
)
def test_unusable_input_is_one_error(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(CoachInputError, match=message):
        load_portfolio(make(tmp_path), TODAY)


def test_the_example_portfolio() -> None:
    result = rank_portfolio(REPO_ROOT / "examples" / "portfolio", POLICY, TODAY)
    assert len(result.ranked) == 10
    assert [(e.source, e.line, e.field) for e in result.errors] == [
        ("accounts.csv", 10, "contact.timezone"),
        ("accounts.csv", 11, "usage.seat_utilisation_pct"),
        ("accounts.jsonl", 3, "usage.nps"),
        ("accounts.jsonl", 4, None),
    ]
    assert result.ranked[0].level == "high"
    assert result.rows == len(result.ranked) + len(result.errors)

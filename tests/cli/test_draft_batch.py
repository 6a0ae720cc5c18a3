"""`coach draft --batch FILE.jsonl`: one line out per line in, errors as one line, exit 0."""

import json

from typer.testing import CliRunner

from coach.cli.main import app
from tests.factories import account_data

runner = CliRunner()


def test_batch(tmp_path, builtin_knowledge):
    (tmp_path / "acct.json").write_text(json.dumps(account_data()))
    lines = [
        {"id": "a", "account": "acct.json", "message": "Our budget was cut, we need to reduce our seats by 30%."},
        {"id": "b", "account": account_data(), "message": "We were charged twice on the last invoice.",
         "today": "2026-11-22"},
        {"id": "c", "account": "missing.json", "message": "cut 5 seats"},
        {"id": "d", "account": "acct.json", "message": "   "},
        {"id": "e", "account": "acct.json", "message": "we need fewer seats", "colour": "red"},
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    r = runner.invoke(app, ["draft", "--batch", str(f), "--today", "2026-11-21"])
    assert r.exit_code == 0, r.output
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", "d", "e", "line-6"]
    assert out[0]["draft"]["request"]["kind"] == "seat_reduction"
    assert out[1]["draft"]["intent"] == "billing" and out[1]["draft"]["counter_proposal"] is None
    for o in out[2:]:
        assert "error" in o and "\n" not in o["error"] and "Traceback" not in o["error"]
    assert "message" in out[3]["error"] and "colour" in out[4]["error"]


def test_batch_file_that_cannot_be_read(tmp_path):
    r = runner.invoke(app, ["draft", "--batch", str(tmp_path / "nope.jsonl")])
    assert r.exit_code == 2 and "--batch" in r.output

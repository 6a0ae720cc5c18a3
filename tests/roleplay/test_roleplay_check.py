"""Personas trainers write (`coach roleplay --check FILE`) and the scorer's agreement command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from coach.cli.main import app
from coach.errors import CoachInputError
from coach.roleplay.persona_check import check_file
from tests.roleplay.conftest import PERSONAS_DIR
from tests.roleplay.test_roleplay_sessions import GOOD

runner = CliRunner()


@pytest.mark.parametrize("path", sorted(PERSONAS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_persona_checks(path: Path) -> None:
    assert check_file(path).id == path.stem


def _broken(tmp_path: Path, old: str, new: str, name: str = "levada-pause.yaml") -> Path:
    text = (PERSONAS_DIR / "levada-pause.yaml").read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "needle", "field"), [
    ("  patience:", "  patiense:", "patiense:", "acceptance.patiense: unknown field"),
    ("root_cause: budget_cut", "root_cause: budget_cuts", "root_cause:", "root_cause: Input should be"),
    ("    after: hard-period", "    after: no-such-fact", "after: no-such-fact", "facts.1.after: 'no-such-fact'"),
    ("language: uk", "language: de", "language:", "language: Input should be"),
])
def test_errors_name_file_line_and_field(tmp_path: Path, old: str, new: str, needle: str, field: str) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(CoachInputError) as err:
        check_file(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{_line(path, needle)}: {field}"), message
    assert "\n" not in message


def test_check_through_the_cli(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["roleplay", "--check", str(PERSONAS_DIR / "acme-dental-seats.yaml")])
    assert ok.exit_code == 0 and "ok (acme-dental-seats" in ok.output
    bad = _broken(tmp_path, "  patience:", "  patiense:")
    result = runner.invoke(app, ["roleplay", "--check", str(bad)])
    assert result.exit_code != 0 and f"{bad}:{_line(bad, 'patiense')}: acceptance.patiense" in result.output
    assert "Traceback" not in result.output
    broken_yaml = tmp_path / "x.yaml"
    broken_yaml.write_text("id: x\nfacts: [\n", encoding="utf-8")
    result = runner.invoke(app, ["roleplay", "--check", str(broken_yaml)])
    assert result.exit_code != 0 and f"{broken_yaml}:3: invalid YAML" in result.output


def test_agreement_command_on_a_small_judged_file(tmp_path: Path) -> None:
    items = [
        {"id": "good-1", "persona": "acme-dental-seats", "language": "en",
         "turns": [{"role": "trainee", "text": t} for t in GOOD],
         "verdict": {"components": {"acknowledgment": "met", "diagnosis": "met", "counter": "met",
                                    "triggers": "met"},
                     "failure_modes": {f"F{i}": "ok" for i in range(1, 6)}, "level": "excellent"}},
        {"id": "empty-1", "persona": "acme-dental-seats", "language": "en", "turns": [],
         "verdict": {"components": {"acknowledgment": "missed", "diagnosis": "missed", "counter": "missed",
                                    "triggers": "partial"},  # one deliberate disagreement
                     "failure_modes": {f"F{i}": "not_reached" for i in range(1, 6)}}},
    ]
    path = tmp_path / "judged.yaml"
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["roleplay", "--agreement", str(path), "--json", "--details"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["items"] == 2 and data["components"] == 7 / 8 and data["failure_flags"] == 1.0
    assert data["failure_status"] == 1.0 and data["level"] == 1.0
    assert data["disagreements"] == [{"item": "empty-1", "on": "triggers", "judged": "partial",
                                      "scored": "missed"}]
    plain = runner.invoke(app, ["roleplay", "--agreement", str(path)])
    assert "components        87.5%" in plain.output and "empty-1" not in plain.output  # aggregates only
    path.write_text(yaml.safe_dump([{**items[0], "verdict": {"components": {"acknowledgment": "great"},
                                                              "failure_modes": {}}}]), encoding="utf-8")
    bad = runner.invoke(app, ["roleplay", "--agreement", str(path)])
    assert bad.exit_code != 0 and "item good-1: verdict.components.acknowledgment" in bad.output


def test_a_held_out_file_gives_no_details() -> None:
    for name in ("transcripts_heldout.yaml", "transcripts_heldout2a.yaml"):
        result = runner.invoke(app, ["roleplay", "--agreement", name, "--details"])
        assert result.exit_code != 0 and "aggregate figures only" in result.output, result.output


@pytest.mark.slow
@pytest.mark.parametrize(("name", "components", "flags"), [("transcripts.yaml", 0.95, 0.98),
                                                       ("transcripts_dev2.yaml", 0.95, 0.97),
                                                       ("transcripts_dev3.yaml", 0.95, 0.95),
                                                       ("transcripts_dev4.yaml", 0.90, 0.95),
                                                       ("transcripts_dev5.yaml", 0.97, 0.97),
                                                       ("transcripts_dev6.yaml", 0.98, 0.97),
                                                       ("transcripts_dev7.yaml", 0.95, 0.96),
                                                       ("transcripts_dev8.yaml", 0.99, 0.99),
                                                       # dev 9 (36 sessions): untouched, nothing tuned on it
                                                       ("transcripts_dev9.yaml", 0.915, 0.965),
                                                       # dev 10 (48): untouched 88.0% / 91.7%; the dev-10 round
                                                       ("transcripts_dev10.yaml", 0.96, 0.97),
                                                       # dev 11 (44): untouched 86.4% / 91.4%; the dev-11 rounds;
                                                       # since 2026-12-07 rp11-028 (a pause granted before the question
                                                       # and only restated after it) reads as the request granted: the
                                                       # rule the other files judge so 6 to 1 (docs/roleplay.md)
                                                       ("transcripts_dev11.yaml", 0.965, 0.97),
                                                       # dev 12 (40): untouched 88.8% / 94.0%; its figures now
                                                       ("transcripts_dev12.yaml", 0.90, 0.94),
                                                       # dev 13 (48): untouched 87.0% / 92.5%; the dev-13 round
                                                       ("transcripts_dev13.yaml", 0.96, 0.99),
                                                       # dev 14 (48): untouched 87.5% / 92.5%; the dev-14 round
                                                       ("transcripts_dev14.yaml", 0.96, 0.98),
                                                       # dev 15 (48): untouched 92.2% / 95.8%; the dev-15 round
                                                       ("transcripts_dev15.yaml", 0.96, 0.99),
                                                       # dev 16 (44): untouched 89.8% / 93.2%; the dev-16 round
                                                       ("transcripts_dev16.yaml", 0.94, 0.96),
                                                       # dev 17 (44): untouched 90.3% / 95.0%; the dev-17 round
                                                       ("transcripts_dev17.yaml", 0.92, 0.95),
                                                       # dev 18 (44): untouched 89.2% / 92.3%; the dev-18 round
                                                       ("transcripts_dev18.yaml", 0.97, 0.98),
                                                       # dev 19 (44): untouched 92.0% / 95.5%; the dev-19 round
                                                       ("transcripts_dev19.yaml", 0.99, 0.98),
                                                       # dev 21 (48, the first author's voice): untouched 92.2% /
                                                       # 94.2%; the dev-21/22 round
                                                       ("transcripts_dev21.yaml", 0.965, 0.97),
                                                       # dev 22 (48, the first author's voice): untouched 84.4% /
                                                       # 90.8%; the dev-21/22 round
                                                       # (dev 19, 22, 23: the same code reads one item differently
                                                       # on some machines (embedding numerics): the bounds allow it)
                                                       ("transcripts_dev22.yaml", 0.94, 0.97),
                                                       # dev 23 (48, the first author's voice): untouched 86.5% /
                                                       # 90.0%; the dev-23 round
                                                       ("transcripts_dev23.yaml", 0.91, 0.94),
                                                       # dev 25, 26 (48 each, the first author's voice, 2026-12-06
                                                       # evening): untouched 92.2% / 93.8% and 90.1% / 95.4%; three
                                                       # offer forms from them (test_roleplay_dev25_families.py)
                                                       ("transcripts_dev25.yaml", 0.925, 0.93),
                                                       ("transcripts_dev26.yaml", 0.91, 0.95)])
def test_dev_transcripts_agreement_does_not_regress(name: str, components: float, flags: float) -> None:
    """The dev files of judged transcripts (evals/heldout/roleplay/): the rules' figures in the docs, so the rules
    do not regress on files they were tuned on (the calibration over them is measured on files it never saw:
    tests/roleplay/test_calibration.py)."""
    result = runner.invoke(app, ["roleplay", "--agreement", name, "--json", "--rules-only"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    items = {"transcripts_dev9.yaml": 36, "transcripts_dev11.yaml": 44, "transcripts_dev12.yaml": 40,
             "transcripts_dev16.yaml": 44, "transcripts_dev17.yaml": 44, "transcripts_dev18.yaml": 44,
             "transcripts_dev19.yaml": 44}.get(name, 48)
    assert data["items"] == items and "disagreements" not in data
    assert data["components"] >= components and data["failure_flags"] >= flags, data

"""`coach init` + `coach check` round trip; a broken workspace is named by file, line and field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coach.cli.main import app
from coach.config import Settings, get_settings

runner = CliRunner()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "acme-ws"
    r = runner.invoke(app, ["init", str(ws)])
    assert r.exit_code == 0, r.output
    return ws


def _check(ws: Path):
    try:
        return runner.invoke(app, ["--workspace", str(ws), "check"])
    finally:
        os.environ.pop("COACH_WORKSPACE", None)
        get_settings.cache_clear()


@pytest.mark.slow
def test_init_then_check_round_trip(workspace: Path) -> None:
    for part in ("policy.yaml", "playbooks", "personas", "diagnosis", "prompts/templates", "README.md"):
        assert (workspace / part).exists(), part
    assert (workspace / "personas").glob("*.yaml")
    first = next((workspace / "personas").glob("*.yaml")).read_text()
    assert first.startswith("# Workspace part 'personas':")
    r = _check(workspace)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"ok: {workspace}")


def test_init_refuses_a_folder_that_is_not_empty(workspace: Path) -> None:
    r = runner.invoke(app, ["init", str(workspace)])
    assert r.exit_code == 2 and "not empty" in r.stderr


@pytest.mark.slow
def test_a_broken_policy_names_file_line_and_field(workspace: Path) -> None:
    policy = workspace / "policy.yaml"
    lines = policy.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip().startswith("hard_cap_pct:"))
    lines[n] = "  hard_cap_pct: lots"
    policy.write_text("\n".join(lines) + "\n")
    r = _check(workspace)
    assert r.exit_code == 2
    assert f"{policy}:{n + 1}: discount.hard_cap_pct:" in r.stderr


@pytest.mark.slow
def test_broken_yaml_and_templates_name_the_line(workspace: Path) -> None:
    persona = next((workspace / "personas").glob("*.yaml"))
    persona.write_text(persona.read_text() + "broken: [unclosed\n")
    r = _check(workspace)
    assert r.exit_code == 2 and f"{persona}:" in r.stderr and "invalid YAML" in r.stderr
    persona.write_text(persona.read_text().replace("broken: [unclosed\n", ""))
    template = workspace / "prompts" / "templates" / "en" / "acknowledgment.j2"
    template.write_text("Hello {{ name\n" + template.read_text())
    r = _check(workspace)
    assert r.exit_code == 2 and f"{template}:2: template syntax" in r.stderr  # where Jinja meets the bad token


@pytest.mark.slow
def test_the_workspace_supplies_every_data_path(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_WORKSPACE", str(workspace))
    s = Settings()
    assert s.knowledge_dir == workspace and s.prompts_dir == workspace / "prompts"
    assert s.resolved_policy_file == workspace / "policy.yaml"


def _lines(stderr: str) -> list[str]:
    """Every problem is one line starting with 'error: ', and nothing else is printed (no traceback)."""
    lines = stderr.strip().splitlines()
    assert lines and all(line.startswith("error: ") for line in lines), stderr
    assert "Traceback" not in stderr
    return lines


@pytest.mark.slow
def test_the_built_in_workspace_passes() -> None:
    get_settings.cache_clear()
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("ok: ")


@pytest.mark.slow
def test_a_template_with_an_undefined_field_names_file_line_and_what_it_rendered(workspace: Path) -> None:
    template = workspace / "prompts" / "templates" / "de" / "counter.j2"
    lines = template.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if 'play in ("right_size_multi_year"' in line) + 1
    lines.insert(n, "{% if play == 'value_engineering' %}Rabatt bis {{ discount_end }}{% endif %}")
    template.write_text("\n".join(lines) + "\n")
    r = _check(workspace)
    assert r.exit_code == 2
    [line] = _lines(r.stderr)
    assert line.startswith(f"error: {template}:{n + 1}: template render: UndefinedError: 'discount_end' is undefined")
    assert "value_engineering for " in line and "in de)" in line


@pytest.mark.slow
def test_a_template_that_breaks_at_render_names_file_and_line(workspace: Path) -> None:
    template = workspace / "prompts" / "templates" / "en" / "acknowledgment.j2"
    lines = template.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("Hi {{ contact_first }},"))
    lines[n] = "Hi {{ contact_first|money }},"  # a filter that cannot take a name
    template.write_text("\n".join(lines) + "\n")
    r = _check(workspace)
    assert r.exit_code == 2
    [line] = _lines(r.stderr)
    assert line.startswith(f"error: {template}:{n + 1}: template render: ValueError:") and "in en)" in line


def _drop_row(workspace: Path, row_id: str) -> Path:
    plays = workspace / "plays.yaml"
    text = plays.read_text()
    start = text.index(f"  - id: {row_id}\n")
    end = text.index("  - id: ", start + 1)
    plays.write_text(text[:start] + text[end:])
    return plays


def _line_with(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.slow
def test_a_play_table_without_the_lock_row_names_the_gap(workspace: Path) -> None:
    plays = _drop_row(workspace, "locked")
    r = _check(workspace)
    assert r.exit_code == 2
    [line] = _lines(r.stderr)
    # the locked cells now fall through to rows that cut MRR; the first such row is where one belongs
    rows = [ln for ln in plays.read_text().splitlines() if ln.startswith("  - id: ")]
    cancel = rows.index("  - id: cancel")
    assert line.startswith(f"error: {plays}:{_line_with(plays, '- id: cancel')}: rows.{cancel}: play table gap:")
    assert "seat_reduction x budget_cut x locked gets right_size_multi_year (row right-size)" in line
    assert "lock-period" in line


@pytest.mark.slow
def test_a_play_table_without_the_insolvency_row_names_the_gap(workspace: Path) -> None:
    plays = _drop_row(workspace, "insolvency")
    r = _check(workspace)
    [line] = _lines(r.stderr)
    assert r.exit_code == 2 and f"{plays}:{_line_with(plays, '- id: competitive')}: rows.0: play table gap" in line
    assert "x insolvency gets" in line and "only graceful_exit fits" in line


@pytest.mark.slow
def test_a_play_that_lacks_what_it_needs_is_a_gap(workspace: Path) -> None:
    plays = workspace / "plays.yaml"
    text = plays.read_text().replace("rows:\n", "rows:\n  - {id: seats-suspend, when: {kind: seat_reduction}, "
                                     "play: suspend_module, why: x, source: y}\n", 1)
    plays.write_text(text)
    r = _check(workspace)
    assert r.exit_code == 2
    lines = _lines(r.stderr)
    assert any(f"{plays}:{_line_with(plays, 'seats-suspend')}: rows.0: play table gap:" in line
               and "seat_reduction x budget_cut x open gets suspend_module" in line
               and "suspend_module needs an optional service named" in line for line in lines), lines

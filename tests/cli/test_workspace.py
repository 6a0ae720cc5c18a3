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


def test_a_broken_policy_names_file_line_and_field(workspace: Path) -> None:
    policy = workspace / "policy.yaml"
    lines = policy.read_text().splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip().startswith("hard_cap_pct:"))
    lines[n] = "  hard_cap_pct: lots"
    policy.write_text("\n".join(lines) + "\n")
    r = _check(workspace)
    assert r.exit_code == 2
    assert f"{policy}:{n + 1}: discount.hard_cap_pct:" in r.stderr


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


def test_the_workspace_supplies_every_data_path(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_WORKSPACE", str(workspace))
    s = Settings()
    assert s.knowledge_dir == workspace and s.prompts_dir == workspace / "prompts"
    assert s.resolved_policy_file == workspace / "policy.yaml"

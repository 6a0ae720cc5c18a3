"""Every reply template of every language is rendered by the workspace check, and a failure names its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coach.drafting.template_check import check_templates
from coach.policy import load_policy

ROOT = Path(__file__).resolve().parents[2]
POLICY = load_policy(ROOT / "knowledge" / "policy.yaml")


def test_the_built_in_templates_render_in_every_context() -> None:
    assert check_templates(ROOT / "prompts", POLICY) == []


@pytest.mark.slow
def test_every_reply_template_of_every_language_is_rendered(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", prompts)
    templates = sorted(p for p in (prompts / "templates").rglob("*.j2") )
    for p in templates:  # an undefined name on the first line: any render of the file fails there
        p.write_text("{{ not_a_field }}\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    failures = check_templates(prompts, POLICY)
    assert sorted(f.file for f in failures) == templates
    assert {f.line for f in failures} == {1}
    assert all("UndefinedError: 'not_a_field' is undefined (rendering " in f.message for f in failures)

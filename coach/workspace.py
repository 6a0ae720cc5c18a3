"""A company's workspace: its own policy, plays, playbooks, personas, diagnosis examples and prompts.

`init_workspace(dir)` copies the built-in knowledge (the default workspace) with a README and a
comment on each data file; `check_workspace(dir)` loads every part the way the coach does and
returns one problem per line, naming file, line and field. Point the coach at a workspace with
`COACH_WORKSPACE=DIR` or `coach --workspace DIR ...` (Settings.knowledge_dir and prompts_dir).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from coach.datafile import parse_yaml
from coach.errors import CoachError, CoachInputError

if TYPE_CHECKING:
    from coach.policy.schema import Policy

ABOUT = {
    "policy.yaml": "The pricing policy the rules engine applies: lock period, discount caps, pauses, counters.",
    "plays.yaml": "The play table: which counter-proposal each request kind and root cause gets.",
    "personas": "Simulated customers for role-play training (one YAML file each).",
    "diagnosis": "Diagnosis examples and cues: how customer messages map to request kinds and root causes.",
    "accounts": "Account import settings (CSV column mapping) and demo accounts.",
    "guard": "The guard's lexicons: phrases and patterns no text shown to a customer may contain.",
    "talk": "The talk track: what to say now, what to ask next, what to answer when they push back.",
    "playbooks": "The playbooks retrieval cites: Markdown or text files, indexed by `coach ingest`.",
    "prompts": "Reply templates (prompts/templates/<language>/*.j2) and model prompts (prompts/llm/*.md).",
}

README = """# coach workspace

This folder is a company's own copy of what the coach knows. Point the coach at it with
`COACH_WORKSPACE={path}` or `coach --workspace {path} COMMAND`, and run `coach check` (with the same
setting) after every edit: it loads each part the way the coach does and names the file, line and
field of anything wrong.

{parts}

The playbook index is built from `playbooks/` on first use (or `coach ingest {path}/playbooks`).
"""


@dataclass
class Problem:
    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}{f':{self.line}' if self.line else ''}: {self.message}"


def init_workspace(target: Path, knowledge_dir: Path, prompts_dir: Path, *, force: bool = False) -> list[Path]:
    """Write a starter workspace (a copy of the built-in one, explained); returns the parts written."""
    if target.exists() and any(target.iterdir()) and not force:
        raise CoachInputError(f"{target}: folder is not empty (use --force to write into it)")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sorted(knowledge_dir.iterdir()):
        dst = target / src.name
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
        written.append(dst)
    shutil.copytree(prompts_dir, target / "prompts", dirs_exist_ok=True)
    written.append(target / "prompts")
    for path in target.rglob("*.yaml"):
        part = path.relative_to(target).parts[0]
        note = ABOUT.get(part)
        text = path.read_text(encoding="utf-8")
        if note and not text.startswith("# Workspace part"):
            path.write_text(f"# Workspace part '{part}': {note} Checked by `coach check`.\n{text}", encoding="utf-8")
    parts = "\n".join(f"- `{name}`: {what}" for name, what in ABOUT.items() if (target / name).exists())
    (target / "README.md").write_text(README.format(path=target, parts=parts), encoding="utf-8")
    return written


def _line_of(path: Path, dotted: str) -> int | None:
    """The line of `a.b.0.c` in a YAML file, or of the deepest part of it that exists."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in [k for k in dotted.split(".") if k]:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            key_node = next((k for k, v in node.value if getattr(k, "value", None) == key), None)
            if match is None:
                return line
            line, node = key_node.start_mark.line + 1, match  # type: ignore[union-attr]
        elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _from_error(exc: CoachError, fallback: Path) -> Problem:
    """A coach error 'FILE: field.path: message' (or 'FILE: invalid YAML at line N ...') as a Problem."""
    text = str(exc)
    m = re.match(r"(?P<file>[^:]+\.(?:ya?ml|md|txt|j2)): (?P<rest>.*)", text)
    path = Path(m.group("file")) if m else fallback
    if not path.is_absolute():  # errors that name only the file: the one in the folder being checked
        base = fallback if fallback.is_dir() else fallback.parent
        path = next((c for c in (base / path, base.parent / path) if c.is_file()), path)
    rest = m.group("rest") if m else text
    if (line := re.search(r"at line (\d+)", rest)) is not None:
        return Problem(path, int(line.group(1)), rest)
    field = re.match(r"([\w.\[\]-]+): ", rest)
    return Problem(path, _line_of(path, field.group(1)) if field and path.is_file() else None, rest)


def check_workspace(ws: Path, prompts_dir: Path) -> list[Problem]:
    """Every problem in the workspace (empty: it loads the way the coach loads it)."""
    problems: list[Problem] = []
    if not ws.is_dir():
        return [Problem(ws, None, "workspace folder not found")]
    for path in sorted(ws.rglob("*.yaml")):  # syntax first, with the line
        try:
            parse_yaml(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(path, mark.line + 1 if mark else None,
                                    f"invalid YAML ({str(exc).splitlines()[0]})"))
    if problems:
        return problems
    policy_problems = _check("policy", lambda: _policy(ws), ws / "policy.yaml")
    problems += policy_problems
    problems += _check("playbooks", lambda: _playbooks(ws / "playbooks"), ws / "playbooks")
    problems += _check("personas", lambda: _personas(ws / "personas"), ws / "personas")
    syntax = _templates(prompts_dir)
    problems += syntax
    if not policy_problems:  # the play table and the rendering need a policy that loads
        policy = _policy(ws)
        problems += _coverage(ws / "plays.yaml", policy)
        if not syntax and (prompts_dir / "templates").is_dir():
            problems += _renders(prompts_dir, policy)
    return problems


def _check(name: str, run: Any, where: Path) -> list[Problem]:
    if not where.exists():
        return [Problem(where, None, f"missing: the workspace has no {name} (copy it from `coach init`)")]
    try:
        run()
    except CoachError as exc:
        return [_from_error(exc, where)]
    return []


def _policy(ws: Path) -> Policy:
    from coach.policy import load_policy

    return load_policy(ws / "policy.yaml")


def _coverage(plays: Path, policy: Policy) -> list[Problem]:
    """Every request kind x root cause x eligibility gets a play that can answer it (one line a gap)."""
    from coach.policy.coverage import coverage_gaps

    if policy.plays is None:
        return [Problem(plays, None, "missing: no play table next to policy.yaml (copy it from `coach init`)")]
    try:
        gaps = coverage_gaps(policy)
    except CoachError as exc:
        return [_from_error(exc, plays)]
    except Exception as exc:  # a play the engine cannot build for some case: the check says so, no traceback
        return [Problem(plays, None, f"play table: the policy engine failed on it ({type(exc).__name__}: {exc})")]
    table = policy.plays
    return [Problem(plays, _line_of(plays, f"rows.{g.row}"), f"rows.{g.row}: play table gap: {g.describe(table)}")
            for g in gaps]


def _renders(prompts_dir: Path, policy: Policy) -> list[Problem]:
    """Every reply template renders in every drafting context the play table produces."""
    from coach.drafting.template_check import check_templates

    try:
        failures = check_templates(prompts_dir, policy)
    except CoachError as exc:  # e.g. a listening.yaml that does not load
        return [_from_error(exc, prompts_dir / "templates")]
    except Exception as exc:  # the contexts could not be built: said in one line, no traceback
        return [Problem(prompts_dir / "templates", None,
                        f"templates: drafting contexts could not be built ({type(exc).__name__}: {exc})")]
    return [Problem(f.file, f.line, f.message) for f in failures]


def _playbooks(folder: Path) -> None:
    from coach.knowledge.sources import expand_paths, read_source

    for f in expand_paths([folder])[0]:
        read_source(f)


def _personas(folder: Path) -> None:
    from coach.roleplay.personas import load_personas

    load_personas(folder)


def _templates(prompts_dir: Path) -> list[Problem]:
    """Every reply template parses (Jinja syntax, with the line)."""
    from jinja2 import Environment, TemplateSyntaxError

    folder = prompts_dir / "templates"
    if not folder.is_dir():
        return [Problem(folder, None, "missing: no reply templates")]
    env = Environment()
    problems = []
    for path in sorted(folder.rglob("*.j2")):
        try:
            env.parse(path.read_text(encoding="utf-8"))
        except TemplateSyntaxError as exc:
            problems.append(Problem(path, exc.lineno, f"template syntax: {exc.message}"))
    return problems

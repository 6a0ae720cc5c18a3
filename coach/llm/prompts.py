"""Model prompts live in prompts/llm/<task>.md: YAML front matter, a `# system` and a `# user` part.

Each file is loaded into a `PromptSpec` (extra keys forbidden) and a LangChain ChatPromptTemplate;
the variables the template uses must be exactly the ones the file declares, or loading fails.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from langchain_core.prompts import ChatPromptTemplate
from pydantic import BaseModel, ConfigDict, ValidationError

from coach.datafile import parse_yaml
from coach.errors import CoachRunError
from coach.llm.schemas import OUTPUTS

TASKS = ("acknowledgment", "counter_message", "diagnosis_questions", "diagnosis", "roleplay_customer",
         "outreach", "accept_gracefully", "eval_judge")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_SECTION = re.compile(r"^# (system|user)\s*$", re.M)


class PromptSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    task: str
    output: str
    variables: list[str]
    description: str = ""


class Prompt:
    """One task's prompt: the spec, the chat template and the output model."""

    def __init__(self, spec: PromptSpec, template: ChatPromptTemplate) -> None:
        self.spec, self.template = spec, template
        self.output = OUTPUTS[spec.output]

    @property
    def task(self) -> str:
        return self.spec.task


def _fail(path: Path, why: str) -> CoachRunError:
    return CoachRunError(f"prompts/llm/{path.name}: {why}")


def parse_prompt(path: Path) -> Prompt:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        raise _fail(path, "prompt file missing") from None
    m = _FRONT.match(raw.replace("\r\n", "\n"))
    if not m:
        raise _fail(path, "expected YAML front matter between '---' lines")
    try:
        spec = PromptSpec.model_validate(parse_yaml(m.group(1)) or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise _fail(path, f"bad front matter: {str(exc).splitlines()[0]}") from None
    if spec.task != path.stem:
        raise _fail(path, f"task '{spec.task}' does not match the file name")
    if spec.output not in OUTPUTS:
        raise _fail(path, f"unknown output model '{spec.output}' (known: {', '.join(OUTPUTS)})")
    parts = _SECTION.split(m.group(2))
    sections = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    if set(sections) != {"system", "user"}:
        raise _fail(path, "needs exactly one '# system' and one '# user' section")
    try:
        template = ChatPromptTemplate.from_messages(
            [("system", sections["system"]), ("human", sections["user"])], template_format="f-string"
        )
    except (ValueError, KeyError) as exc:
        raise _fail(path, f"template error: {exc}") from None
    used, declared = set(template.input_variables), set(spec.variables)
    if used != declared:
        missing, unused = sorted(used - declared), sorted(declared - used)
        raise _fail(
            path, f"variables differ from the declared list (undeclared: {missing}, unused: {unused})"
        )
    return Prompt(spec, template)


@lru_cache(maxsize=8)
def _load(prompts_dir: str, stamp: tuple[float, ...]) -> dict[str, Prompt]:
    base = Path(prompts_dir) / "llm"
    return {task: parse_prompt(base / f"{task}.md") for task in TASKS}


def load_prompts(prompts_dir: Path) -> dict[str, Prompt]:
    """All task prompts, reloaded when a file changes."""
    base = Path(prompts_dir) / "llm"
    stamp = tuple((base / f"{t}.md").stat().st_mtime if (base / f"{t}.md").exists() else 0.0 for t in TASKS)
    return _load(str(prompts_dir), stamp)


class ReaskSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    variables: list[str]


@lru_cache(maxsize=4)
def _reask(path: str, stamp: float) -> str:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8").replace("\r\n", "\n")
    except OSError:
        raise _fail(p, "prompt file missing") from None
    m = _FRONT.match(raw)
    if not m:
        raise _fail(p, "expected YAML front matter between '---' lines")
    try:
        spec = ReaskSpec.model_validate(yaml.safe_load(m.group(1)) or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise _fail(p, f"bad front matter: {str(exc).splitlines()[0]}") from None
    body = m.group(2).strip()
    used = set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", body))
    if spec.variables != ["problems"] or used != {"problems"}:
        raise _fail(p, "the re-ask message declares and uses exactly one variable, {problems}")
    return body


def load_reask(prompts_dir: Path) -> str:
    """The re-ask message (prompts/llm/reask.md), a str.format template with {problems}."""
    path = Path(prompts_dir) / "llm" / "reask.md"
    return _reask(str(path), path.stat().st_mtime if path.exists() else 0.0)

"""`coach eval [--drafter template|llm] [--report PATH] [--output PATH] [--compare OLD NEW]`"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coach.cli.errors import handles_errors

if TYPE_CHECKING:
    from coach.config import Settings
    from coach.evals.judge import Judge
    from coach.evals.models import CaseSet
    from coach.evals.results import EvalRun


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_)


Opt = typer.Option


@handles_errors
def eval_(
    drafter: Annotated[str, Opt("--drafter", help="Who writes the texts: template or llm.")] = "template",
    report: Annotated[Path | None, Opt("--report", help="Write the self-contained HTML report here.")] = None,
    output: Annotated[Path | None, Opt("--output", "-o", help="Write the run as JSON here (for CI and "
                                                                "--compare).")] = None,
    compare: Annotated[tuple[Path, Path] | None, Opt("--compare", metavar="OLD NEW", help="Compare two saved "
                                                     "runs instead of running.")] = None,
    cases: Annotated[Path | None, Opt("--cases", help="Folder of case files (default: evals/cases).")] = None,
    category: Annotated[list[str] | None, Opt("--category", help="Only this category (repeatable).")] = None,
    case: Annotated[list[str] | None, Opt("--case", help="Only this case id or prefix (repeatable).")] = None,
    label: Annotated[str, Opt("--label", help="Name of the run in reports (default: the drafter).")] = "",
    judge: Annotated[bool | None, Opt("--judge/--no-judge", help="LLM-as-judge rubric (default: on when a "
                                                                 "model is configured).")] = None,
    retrieval: Annotated[bool, Opt("--retrieval/--no-retrieval", help="Run the retrieval eval.")] = True,
    as_json: Annotated[bool, Opt("--json", help="Print the run's summary JSON instead of tables.")] = False,
    check: Annotated[bool, Opt("--check", help="Exit 1 when a threshold is missed (or, with --compare, on "
                                               "regressions).")] = False,
) -> None:
    """Run the eval cases (draft quality, rule compliance, retrieval, speed) and report."""
    from rich.console import Console

    from coach.cli.common import print_json

    if compare:
        from coach.evals.compare import compare as compare_runs
        from coach.evals.compare import load_run, write_comparison
        from coach.evals.terminal import print_comparison

        cmp = compare_runs(load_run(compare[0]), load_run(compare[1]))
        if report:
            write_comparison(cmp, report)
        if as_json:
            print_json({"metrics": cmp.metrics, "regressed": cmp.regressed, "fixed": cmp.fixed,
                        "added": cmp.added, "removed": cmp.removed})
        else:
            print_comparison(cmp)
            if report:
                Console(stderr=True).print(f"comparison report: {report}")
        if check and cmp.worse:
            raise typer.Exit(1)
        return

    from coach.config import get_settings
    from coach.errors import CoachInputError
    from coach.evals.loader import load_cases
    from coach.evals.report import write_report

    if drafter not in ("template", "llm"):
        raise CoachInputError(f"--drafter: unknown drafter {drafter!r} (template or llm)")
    settings = get_settings()
    if drafter == "llm" and not settings.llm_configured:
        raise CoachInputError("--drafter llm: no model configured (set COACH_LLM_MODEL and "
                              "COACH_LLM_BASE_URL or OPENAI_API_KEY)")
    case_set = load_cases(cases or settings.evals_dir / "cases", categories=category or None, ids=case or None)
    use_judge = settings.llm_configured if judge is None else judge
    grader = None
    if use_judge:
        if not settings.llm_configured:
            raise CoachInputError("--judge: no model configured (set COACH_LLM_MODEL)")
        from coach.evals.judge import Judge

        grader = Judge(settings)
    run = _run_with_progress(case_set, settings, drafter, retrieval, grader, label, quiet=as_json)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(run.model_dump_json(indent=1), encoding="utf-8")
    if report:
        write_report(run, report)
    if as_json:
        print_json({"label": run.label, "drafter": run.drafter, "seconds": run.seconds,
                    "summary": run.summary.model_dump(mode="json"),
                    "retrieval": run.retrieval.model_dump(mode="json") if run.retrieval else None,
                    "judge": run.judge.model_dump(mode="json", exclude={"per_case"}) if run.judge else None,
                    "failing": [r.id for r in run.cases if not r.passed]})
    else:
        from coach.evals.terminal import print_run

        print_run(run)
        err = Console(stderr=True)
        for what, path in (("report", report), ("result", output)):
            if path:
                err.print(f"{what}: {path}")
    if check and not run.summary.thresholds_passed:
        raise typer.Exit(1)


def _run_with_progress(case_set: CaseSet, settings: Settings, drafter: str, retrieval: bool,
                       grader: Judge | None, label: str, *, quiet: bool) -> EvalRun:
    from coach.cli.common import progress_bar
    from coach.evals.runner import run_eval

    with progress_bar("Drafting the eval cases", enabled=not quiet) as bar:
        def tick(done: int, total: int, _result: object) -> None:
            if bar is not None:
                bar(done, total)

        return run_eval(case_set, settings=settings, drafter=drafter, retrieval=retrieval, judge=grader,
                        progress=tick, label=label)

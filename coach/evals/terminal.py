"""The terminal view of an eval run and of a comparison (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from coach.evals.compare import Comparison
from coach.evals.page import pct
from coach.evals.report import METRIC_LABELS, category_rows
from coach.evals.results import EvalRun

MAX_FAILURES_SHOWN = 25


def _mark(ok: bool, measured: bool = True) -> str:
    if not measured:
        return "[dim]not run[/dim]"
    return "[green]pass[/green]" if ok else "[red]FAIL[/red]"


def print_run(run: EvalRun, console: Console | None = None) -> None:
    con = console or Console()
    s = run.summary
    cats = Table(title=f"coach eval · {run.label} · {s.passed}/{s.cases} cases passed · {run.seconds:.1f} s",
                 title_justify="left")
    for col in ("category", "cases", "passed", "exact", "compliance", "rubric"):
        cats.add_column(col, justify="left" if col == "category" else "right")
    for name, v in category_rows(run):
        cats.add_row(name, str(int(v["cases"])), pct(v["pass_rate"]), pct(v.get("exact")),
                     pct(v.get("compliance")), pct(v.get("rubric")))
    con.print(cats)

    metrics = Table(title="Scores", title_justify="left")
    metrics.add_column("metric")
    metrics.add_column("score", justify="right")
    metrics.add_column("threshold", justify="right")
    limits = {t.name: t for t in s.thresholds}
    for key, value in s.metrics.items():
        t = limits.get(key)
        metrics.add_row(METRIC_LABELS.get(key, key), pct(value),
                        f"≥ {t.minimum:.0%} {_mark(t.passed, t.measured)}" if t else "")
    metrics.add_row("rule violations", str(s.violations), "0")
    lat = s.latency_ms
    metrics.add_row("draft latency p50 / p95", f"{lat['p50']:.0f} / {lat['p95']:.0f} ms", "")
    if run.retrieval:
        metrics.add_row("retrieval latency (per query)", f"{run.retrieval.latency_ms_mean:.1f} ms", "")
    con.print(metrics)

    if run.judge:
        judge = Table(title=f"LLM judge ({run.judge.model}, separate from the scores above)",
                      title_justify="left")
        judge.add_column("criterion")
        judge.add_column("mean", justify="right")
        for k, mean in run.judge.scores.items():
            judge.add_row(k, pct(mean))
        judge.caption = f"{run.judge.cases} case(s) graded, {run.judge.errors} judge error(s)"
        con.print(judge)

    failing = [r for r in run.cases if not r.passed]
    if failing:
        con.print(f"[bold]Failing cases ({len(failing)})[/bold]")
        for r in failing[:MAX_FAILURES_SHOWN]:
            what = r.error or "; ".join(f"{c.name}: {c.detail or f'expected {c.expected!r}, got {c.got!r}'}"
                                        for c in r.failures()[:2])
            con.print(f"  [red]✗[/red] {r.id} [dim]({r.category})[/dim] {what[:160]}", markup=True,
                      highlight=False)
        if len(failing) > MAX_FAILURES_SHOWN:
            con.print(f"  … and {len(failing) - MAX_FAILURES_SHOWN} more (see the HTML report)")
    verdict = "[green]thresholds met[/green]" if s.thresholds_passed else "[red]thresholds NOT met[/red]"
    con.print(verdict)


def print_comparison(cmp: Comparison, console: Console | None = None) -> None:
    con = console or Console()
    ol, nl = cmp.old.label or "old", cmp.new.label or "new"
    t = Table(title=f"coach eval · {ol} → {nl}", title_justify="left")
    for col in ("metric", ol, nl, "change"):
        t.add_column(col, justify="left" if col == "metric" else "right")
    for key, (a, b) in cmp.metrics.items():
        delta = "" if a is None or b is None else f"{b - a:+.1%}"
        t.add_row(METRIC_LABELS.get(key, key), pct(a), pct(b), delta)
    lo, ln = cmp.old.summary.latency_ms, cmp.new.summary.latency_ms
    t.add_row("draft latency p95 (ms)", f"{lo['p95']:.0f}", f"{ln['p95']:.0f}",
              f"{ln['p95'] - lo['p95']:+.0f}")
    con.print(t)
    for title, ids in (("regressed", cmp.regressed), ("fixed", cmp.fixed), ("new", cmp.added),
                       ("removed", cmp.removed)):
        if ids:
            con.print(f"{title} ({len(ids)}): " + ", ".join(ids[:30]) + (" …" if len(ids) > 30 else ""),
                      highlight=False)
    con.print("[red]regressions[/red]" if cmp.worse else "[green]no regressions[/green]")

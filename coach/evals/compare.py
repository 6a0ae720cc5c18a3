"""Two runs side by side (before / after a change): metric deltas, per-category scores, latency,
and the cases that regressed or got fixed."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from pydantic import BaseModel, ValidationError

from coach.errors import CoachInputError
from coach.evals.page import badge, card, diff_table, page, pct
from coach.evals.report import METRIC_LABELS
from coach.evals.results import CaseResult, EvalRun
from coach.evals.svg import bar_chart, histogram


class Comparison(BaseModel):
    old: EvalRun
    new: EvalRun
    metrics: dict[str, tuple[float | None, float | None]]
    categories: dict[str, tuple[float | None, float | None]]
    regressed: list[str]  # passed before, fails now
    fixed: list[str]
    still_failing: list[str]
    added: list[str]
    removed: list[str]

    @property
    def worse(self) -> bool:
        lost = self.old.summary.thresholds_passed and not self.new.summary.thresholds_passed
        return bool(self.regressed) or lost


def load_run(path: Path) -> EvalRun:
    try:
        return EvalRun.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise CoachInputError(f"{path}: eval result not found") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise CoachInputError(f"{path}: not an eval result JSON ({exc})") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(map(str, err["loc"]))
        raise CoachInputError(f"{path}: not an eval result ({where}: {err['msg']})") from None


def compare(old: EvalRun, new: EvalRun) -> Comparison:
    keys = list(dict.fromkeys([*old.summary.metrics, *new.summary.metrics]))
    metrics = {k: (old.summary.metrics.get(k), new.summary.metrics.get(k)) for k in keys}
    cats = list(dict.fromkeys([*old.summary.by_category, *new.summary.by_category]))
    categories = {c: (old.summary.by_category.get(c, {}).get("pass_rate"),
                      new.summary.by_category.get(c, {}).get("pass_rate")) for c in cats}
    before = {r.id: r for r in old.cases}
    after = {r.id: r for r in new.cases}
    both = [i for i in after if i in before]
    return Comparison(
        old=old, new=new, metrics=metrics, categories=categories,
        regressed=[i for i in both if before[i].passed and not after[i].passed],
        fixed=[i for i in both if not before[i].passed and after[i].passed],
        still_failing=[i for i in both if not before[i].passed and not after[i].passed],
        added=[i for i in after if i not in before], removed=[i for i in before if i not in after],
    )


def _delta(a: float | None, b: float | None, *, lower_is_better: bool = False, as_pct: bool = True) -> str:
    if a is None or b is None:
        return ""
    d = b - a
    if abs(d) < 1e-9:
        return "<span class='meta'>=</span>"
    good = (d < 0) if lower_is_better else (d > 0)
    text = f"{d:+.1%}" if as_pct else f"{d:+.1f}"
    return f"<span class='{'up' if good else 'down'}'>{text}</span>"


def _case_list(title: str, ids: list[str], cases: dict[str, CaseResult], *, diffs: bool) -> str:
    if not ids:
        return f"<h3>{escape(title)} (0)</h3>"
    blocks = []
    for i in ids:
        r = cases[i]
        body = (f"<p><b>message:</b> {escape(r.message)}</p>"
                + (diff_table(r.failures()) if diffs and r.failures() else "")
                + (f"<p class='fail'>error: {escape(r.error)}</p>" if r.error else ""))
        blocks.append(f"<details><summary>{escape(i)} <span class='meta'>({escape(r.category)})</span>"
                      f"</summary>{body}</details>")
    return f"<h3>{escape(title)} ({len(ids)})</h3>{''.join(blocks)}"


def render_comparison(cmp: Comparison) -> str:
    o, n = cmp.old, cmp.new
    ol, nl = o.label or "old", n.label or "new"
    verdict = badge(not cmp.worse, "no regressions", "regressions")
    def side(r: EvalRun) -> str:
        return (f"{escape(r.started_at)} {escape(r.git_commit or '')} · drafter {escape(r.drafter)} · "
                f"{r.summary.cases} cases")

    head = (f"<h1>coach eval · {escape(ol)} → {escape(nl)} {verdict}</h1>"
            f"<div class='meta'>old: {side(o)} — new: {side(n)}</div>")
    lo, ln = o.summary.latency_ms, n.summary.latency_ms
    cards = (card("regressed", str(len(cmp.regressed)), not cmp.regressed)
             + card("fixed", str(len(cmp.fixed)))
             + card("cases passed", f"{o.summary.passed} → {n.summary.passed}")
             + card("latency p95", f"{lo['p95']:.0f} → {ln['p95']:.0f} ms"))
    rows = "".join(f"<tr><td>{escape(METRIC_LABELS.get(k, k))}</td><td class='num'>{pct(a)}</td>"
                   f"<td class='num'>{pct(b)}</td><td class='num'>{_delta(a, b)}</td></tr>"
                   for k, (a, b) in cmp.metrics.items())
    metrics = (f"<h2>Scores</h2><table><tr><th>metric</th><th>{escape(ol)}</th><th>{escape(nl)}</th>"
               f"<th>change</th></tr>{rows}</table>")
    chart = bar_chart([(c, [a, b]) for c, (a, b) in cmp.categories.items()], [ol, nl],
                      title="Cases passed per category")
    lat_rows = "".join(
        f"<tr><td>{k}</td><td class='num'>{lo.get(k, 0):.1f}</td><td class='num'>{ln.get(k, 0):.1f}</td>"
        f"<td class='num'>{_delta(lo.get(k), ln.get(k), lower_is_better=True, as_pct=False)}</td></tr>"
        for k in ("p50", "p95", "max", "mean"))
    lat = histogram([(ol, [r.latency_ms for r in o.cases if not r.error]),
                     (nl, [r.latency_ms for r in n.cases if not r.error])],
                    title="Draft latency distribution")
    latency = (f"<h2>Latency</h2>{lat}<table><tr><th>ms</th><th>{escape(ol)}</th><th>{escape(nl)}</th>"
               f"<th>change</th></tr>{lat_rows}</table>")
    after = {r.id: r for r in n.cases}
    before = {r.id: r for r in o.cases}
    cases = ("<h2>Cases</h2>"
             + _case_list("Regressed: passed before, failing now", cmp.regressed, after, diffs=True)
             + _case_list("Fixed", cmp.fixed, after, diffs=False)
             + _case_list("Still failing", cmp.still_failing, after, diffs=True)
             + _case_list("New cases", cmp.added, after, diffs=True)
             + _case_list("Removed cases", cmp.removed, before, diffs=False))
    body = (head + f"<div class='cards'>{cards}</div>" + metrics + f"<h2>Per category</h2>{chart}"
            + latency + cases)
    return page(f"coach eval comparison — {ol} vs {nl}", body)


def write_comparison(cmp: Comparison, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_comparison(cmp), encoding="utf-8")
    return path

"""The self-contained HTML report of one eval run: scores per category, failing cases with their
diffs, plots (inline SVG), retrieval, and the LLM judge apart from the deterministic scores."""

from __future__ import annotations

from html import escape
from pathlib import Path

from coach.evals.page import badge, card, diff_table, draft_texts, page, pct
from coach.evals.results import EvalRun
from coach.evals.svg import bar_chart, histogram

METRIC_LABELS = {
    "rule_compliance": "rule compliance", "root_cause_accuracy": "root-cause accuracy",
    "kind_accuracy": "request-kind accuracy", "hardship_accuracy": "hardship accuracy",
    "eligibility_accuracy": "eligibility accuracy", "escalation_accuracy": "escalation accuracy",
    "play_accuracy": "play accuracy", "proposal_accuracy": "proposal within bounds",
    "rubric_pass_rate": "rubric (texts)", "exact_pass_rate": "all exact checks",
    "adversarial_pass_rate": "adversarial cases passed", "retrieval_recall_at_3": "retrieval recall@3",
    "retrieval_mrr": "retrieval MRR",
}


def _header(run: EvalRun) -> str:
    s = run.summary
    meta = (f"drafter <b>{escape(run.drafter)}</b> · {s.cases} cases · {run.seconds:.1f} s · "
            f"{escape(run.started_at)}" + (f" · commit {escape(run.git_commit)}" if run.git_commit else ""))
    cards = [card("cases passed", f"{s.passed}/{s.cases}", s.passed == s.cases),
             card("rule violations", str(s.violations), s.violations == 0)]
    for t in s.thresholds:
        name = METRIC_LABELS.get(t.name, t.name)
        cards.append(card(f"{name} (min {t.minimum:.0%})", pct(t.value) if t.measured else "not run",
                          t.passed if t.measured else None))
    cards.append(card("draft latency p50 / p95", f"{s.latency_ms['p50']:.0f} / {s.latency_ms['p95']:.0f} ms"))
    verdict = badge(s.thresholds_passed, "thresholds met", "thresholds NOT met")
    return (f"<h1>coach eval · {escape(run.label)} {verdict}</h1><div class='meta'>{meta}</div>"
            f"<div class='cards'>{''.join(cards)}</div>")


def _metrics(run: EvalRun) -> str:
    rows = "".join(f"<tr><td>{escape(METRIC_LABELS.get(k, k))}</td><td class='num'>{pct(v)}</td></tr>"
                   for k, v in run.summary.metrics.items())
    return f"<h2>Deterministic scores</h2><table><tr><th>metric</th><th>score</th></tr>{rows}</table>"


def category_rows(run: EvalRun) -> list[tuple[str, dict[str, float]]]:
    cats = run.summary.by_category
    plain = [(k, v) for k, v in cats.items() if not k.startswith("adversarial/")]
    return plain + [(k, v) for k, v in cats.items() if k.startswith("adversarial/")]


def _categories(run: EvalRun) -> str:
    rows = category_rows(run)
    chart = bar_chart([(k, [v.get("pass_rate"), v.get("compliance"), v.get("rubric")]) for k, v in rows],
                      ["cases passed", "rule compliance", "rubric"], title="Score per category")
    table = "".join(
        f"<tr><td>{escape(k)}</td><td class='num'>{int(v['cases'])}</td>"
        f"<td class='num'>{pct(v['pass_rate'])}</td>"
        f"<td class='num'>{pct(v.get('exact'))}</td><td class='num'>{pct(v.get('compliance'))}</td>"
        f"<td class='num'>{pct(v.get('rubric'))}</td></tr>" for k, v in rows)
    head = ("<tr><th>category</th><th>cases</th><th>passed</th><th>exact</th><th>compliance</th>"
            "<th>rubric</th></tr>")
    return f"<h2>Per category</h2>{chart}<table>{head}{table}</table>"


def _latency(run: EvalRun) -> str:
    lat = [r.latency_ms for r in run.cases if r.error is None]
    s = run.summary.latency_ms
    chart = histogram([("draft", lat)], title="Draft latency distribution (per case)",
                      markers={"p50": s["p50"], "p95": s["p95"]})
    return (f"<h2>Latency</h2>{chart}<div class='meta'>p50 {s['p50']:.1f} ms · p95 {s['p95']:.1f} ms · "
            f"max {s['max']:.1f} ms · mean {s['mean']:.1f} ms</div>")


def _checks(run: EvalRun) -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td class='num'>{int(v['passed'])}/{int(v['total'])}</td>"
        f"<td class='num'>{pct(v['rate'])}</td></tr>"
        for name, v in sorted(run.summary.by_check.items(), key=lambda kv: (kv[1]["rate"], kv[0])))
    return (f"<details><summary>Per check ({len(run.summary.by_check)})</summary><table><tr><th>check</th>"
            f"<th>passed</th><th>rate</th></tr>{rows}</table></details>")


def _retrieval(run: EvalRun) -> str:
    r = run.retrieval
    if r is None:
        return "<h2>Retrieval</h2><p class='meta'>not run</p>"
    langs = ", ".join(f"{k} {v:.0%}" for k, v in r.by_lang.items())
    misses = "".join(f"<li>{escape(m)}</li>" for m in r.misses)
    return (f"<h2>Retrieval</h2><p>recall@{r.k} <b>{r.recall_at_k:.1%}</b> · MRR <b>{r.mrr:.3f}</b> over "
            f"{r.queries} labelled queries ({escape(langs)}) · {r.latency_ms_mean:.1f} ms per query</p>"
            + (f"<details><summary>Misses ({len(r.misses)})</summary><ul>{misses}</ul></details>"
               if misses else ""))


def _judge(run: EvalRun) -> str:
    j = run.judge
    if j is None:
        return ("<h2>LLM judge</h2><p class='meta'>not run (no model configured). The judge is reported "
                "apart from the deterministic scores above and never gates CI.</p>")
    rows = "".join(f"<tr><td>{escape(k)}</td><td class='num'>{pct(v)}</td></tr>" for k, v in j.scores.items())
    return (f"<h2>LLM judge (separate from the deterministic scores)</h2><p class='meta'>model "
            f"{escape(j.model)} · {j.cases} cases graded · {j.errors} errors</p>"
            f"<table><tr><th>criterion</th><th>mean score</th></tr>{rows}</table>")


def _failures(run: EvalRun) -> str:
    failing = [r for r in run.cases if not r.passed]
    if not failing:
        return "<h2>Failing cases</h2><p class='pass'>none</p>"
    blocks = []
    for r in failing:
        names = ", ".join(sorted({c.name for c in r.failures()})) or "error"
        body = (f"<p><b>message:</b> {escape(r.message)}</p>"
                + (f"<p class='fail'>error: {escape(r.error)}</p>" if r.error else diff_table(r.failures()))
                + f"<details><summary>draft</summary>{draft_texts(r.draft)}</details>")
        where = escape(r.category) + (" · " + escape(r.attack) if r.attack else "")
        blocks.append(f"<details class='case' id='case-{escape(r.id)}'><summary>{escape(r.id)} "
                      f"<span class='meta'>({where}) — {escape(names)}</span></summary>{body}</details>")
    return f"<h2>Failing cases ({len(failing)})</h2>{''.join(blocks)}"


def _all_cases(run: EvalRun) -> str:
    rows = "".join(f"<tr class='{'ok' if r.passed else 'bad'}'><td>{escape(r.id)}</td>"
                   f"<td>{escape(r.category)}</td>"
                   f"<td>{escape(r.lang)}</td><td>{'pass' if r.passed else 'fail'}</td>"
                   f"<td class='num'>{r.latency_ms:.0f}</td></tr>" for r in run.cases)
    return (f"<details><summary>All cases ({len(run.cases)})</summary><table><tr><th>id</th><th>category</th>"
            f"<th>lang</th><th>result</th><th>ms</th></tr>{rows}</table></details>")


def render_run(run: EvalRun) -> str:
    body = (_header(run) + _metrics(run) + _categories(run) + _checks(run) + _latency(run) + _retrieval(run)
            + _judge(run) + _failures(run) + _all_cases(run))
    return page(f"coach eval — {run.label}", body)


def write_report(run: EvalRun, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_run(run), encoding="utf-8")
    return path

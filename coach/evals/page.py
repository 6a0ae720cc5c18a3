"""HTML building blocks shared by the run report and the comparison report (inline CSS only)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from coach.evals.results import CheckResult

CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1100px;
  color:#1d2430;padding:0 16px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;
  padding-bottom:4px} h3{font-size:15px;margin:14px 0 6px}
.meta{color:#5b6576;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{border:1px solid #dde2ea;border-radius:8px;padding:8px 12px;min-width:150px}
.card .v{font-size:20px;font-weight:600} .card .k{color:#5b6576;font-size:12px}
.pass{color:#1e7b3a} .fail{color:#b3261e} .ok{background:#e8f5ec} .bad{background:#fdecea}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #dde2ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f6f9;font-weight:600} td.num{text-align:right;font-variant-numeric:tabular-nums}
pre{white-space:pre-wrap;word-break:break-word;margin:0;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
details{margin:6px 0;border:1px solid #dde2ea;border-radius:6px;padding:6px 10px}
summary{cursor:pointer;font-weight:600}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600}
.badge.pass{background:#e8f5ec} .badge.fail{background:#fdecea}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.chart-title{font-size:13px;font-weight:600;fill:#1d2430} .label{font-size:12px;fill:#1d2430}
.tick{font-size:11px;fill:#5b6576} .grid{stroke:#eef1f5} .axis{stroke:#8a93a3}
.marker{stroke:#b3261e;stroke-dasharray:4 3}
.up{color:#1e7b3a} .down{color:#b3261e}
"""


def page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n")


def pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.1%}"


def badge(ok: bool, yes: str = "pass", no: str = "fail") -> str:
    return f'<span class="badge {"pass" if ok else "fail"}">{yes if ok else no}</span>'


def card(label: str, value: str, ok: bool | None = None) -> str:
    cls = "" if ok is None else (" pass" if ok else " fail")
    return (f'<div class="card"><div class="v{cls}">{escape(value)}</div>'
            f'<div class="k">{escape(label)}</div></div>')


def _show(v: Any) -> str:
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False, indent=1, default=str)


def diff_rows(check: CheckResult) -> str:
    """Expected vs got for one failing check; mappings are compared key by key."""
    exp, got = check.expected, check.got
    if isinstance(exp, dict) and isinstance(got, dict):
        rows = []
        for key in dict.fromkeys([*exp, *got]):
            e, g = exp.get(key, "–"), got.get(key, "–")
            bad = str(key) in check.detail if check.detail else _show(e) != _show(g)
            cls = ' class="bad"' if bad else ""
            rows.append(f"<tr{cls}><td>{escape(check.name)}.{escape(str(key))}</td>"
                        f"<td><pre>{escape(_show(e))}</pre></td><td><pre>{escape(_show(g))}</pre></td></tr>")
        detail = f'<tr><td colspan="3" class="meta">{escape(check.detail)}</td></tr>' if check.detail else ""
        return "".join(rows) + detail
    e = "" if exp is None else _show(exp)
    g = "" if got is None else _show(got)
    return (f'<tr class="bad"><td>{escape(check.name)} <span class="meta">({check.group})</span></td>'
            f"<td><pre>{escape(e)}</pre></td><td><pre>{escape(g)}</pre>"
            + (f'<div class="meta">{escape(check.detail)}</div>' if check.detail else "") + "</td></tr>")


def diff_table(checks: list[CheckResult]) -> str:
    head = "<tr><th>check</th><th>expected</th><th>got</th></tr>"
    return f"<table>{head}{''.join(diff_rows(c) for c in checks)}</table>"


def draft_texts(draft: dict[str, Any] | None) -> str:
    if not draft:
        return ""
    c = draft.get("counter_proposal") or {}
    qs = "\n".join(f"- {q}" for q in draft.get("diagnosis_questions", []))
    nums = {k: c.get(k) for k in ("kind", "discount_pct", "new_mrr", "term_extension_months", "pause_months",
                                  "resume_date") if c}
    parts = [("request", f"{draft['request']['kind']} · root cause {draft['root_cause']} · play "
                         f"{draft.get('play')} · escalations {', '.join(draft.get('escalations', []))}"),
             ("acknowledgment", draft.get("acknowledgment", "")), ("diagnosis questions", qs),
             ("counter-proposal", (json.dumps(nums) + "\n\n" + c.get("message", "")) if c else "(none)")]
    return "".join(f"<h3>{escape(k)}</h3><pre>{escape(v)}</pre>" for k, v in parts)

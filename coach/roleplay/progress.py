"""For trainers: a trainee's progress over sessions (points per component), a self-contained HTML
report with an inline SVG plot, a cohort table and a CSV export. Pure: works on stored scorecards."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from html import escape
from typing import Any

from pydantic import BaseModel

COMPONENTS = ("acknowledgment", "diagnosis", "counter", "triggers")
LABELS = {"acknowledgment": "Acknowledgment", "diagnosis": "Diagnosis", "counter": "Counter",
          "triggers": "Triggers"}
COLOURS = {"acknowledgment": "#2b6cb0", "diagnosis": "#2f855a", "counter": "#c05621", "triggers": "#6b46c1"}
MODES = ("F1", "F2", "F3", "F4", "F5")
LEVELS = ("needs coaching", "developing", "proficient", "excellent")


class Point(BaseModel):
    """One ended session on a trainee's progress line."""

    session_id: str
    trainee: str
    persona_id: str
    ended_at: datetime | None
    score: int
    level: str
    points: dict[str, int]  # component -> points out of 25
    failures: dict[str, str]  # F1..F5 -> triggered | ok | not_reached


class CohortRow(BaseModel):
    trainee: str
    sessions: int
    last_score: int
    best_score: int
    average: float
    last_level: str
    component_average: dict[str, float]
    failures: dict[str, int]  # how often each failure mode was triggered


def point(row: Any) -> Point | None:
    """A stored session row (or anything with the same fields) as a point; None while it is active."""
    card = row.scorecard
    if not card:
        return None
    comps = {c["id"]: int(c["points"]) for c in card.get("components", [])}
    fails = {f["id"]: f.get("status") or ("triggered" if f.get("triggered") else "ok")
             for f in card.get("failure_modes", [])}
    return Point(session_id=row.id, trainee=row.trainee, persona_id=row.persona_id, ended_at=row.ended_at,
                 score=int(card.get("score", row.score or 0)), level=card.get("level", row.level or ""),
                 points={c: comps.get(c, 0) for c in COMPONENTS}, failures={m: fails.get(m, "") for m in MODES})


def points_of(rows: list[Any]) -> list[Point]:
    """Ended sessions, oldest first."""
    out = [p for p in (point(r) for r in rows) if p is not None]
    return sorted(out, key=lambda p: (p.ended_at or datetime.min, p.session_id))


def cohort(points: list[Point]) -> list[CohortRow]:
    by: dict[str, list[Point]] = {}
    for p in points:
        by.setdefault(p.trainee, []).append(p)
    rows = []
    for trainee, ps in sorted(by.items()):
        rows.append(CohortRow(
            trainee=trainee, sessions=len(ps), last_score=ps[-1].score, best_score=max(p.score for p in ps),
            average=round(sum(p.score for p in ps) / len(ps), 1), last_level=ps[-1].level,
            component_average={c: round(sum(p.points[c] for p in ps) / len(ps), 1) for c in COMPONENTS},
            failures={m: sum(p.failures.get(m) == "triggered" for p in ps) for m in MODES}))
    return rows


def csv_text(points: list[Point]) -> str:
    """One row per ended session: who, when, which persona, score, level, points and failure modes."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["trainee", "session_id", "persona_id", "ended_at", "score", "level", *COMPONENTS, *MODES])
    for p in points:
        w.writerow([p.trainee, p.session_id, p.persona_id, p.ended_at.isoformat() if p.ended_at else "",
                    p.score, p.level, *(p.points[c] for c in COMPONENTS), *(p.failures[m] for m in MODES)])
    return buf.getvalue()


def svg(points: list[Point], width: int = 640, height: int = 260) -> str:
    """Points per component (0-25) over sessions, one line each, as a standalone inline SVG."""
    left, right, top, bottom = 44, 150, 16, 36
    w, h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (w / 2 if n == 1 else w * i / (n - 1))

    def y(v: float) -> float:
        return top + h * (1 - v / 25)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="progress-plot" role="img" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           "<title>Points per component over sessions</title>",
           f'<rect x="{left}" y="{top}" width="{w}" height="{h}" fill="#fafbfc" stroke="#d0d7de"/>']
    for v in (0, 5, 10, 15, 20, 25):
        out.append(f'<line x1="{left}" x2="{left + w}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#eaeef2"/>'
                   f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#57606a">{v}</text>')
    for i in range(n):
        out.append(f'<text x="{x(i):.1f}" y="{top + h + 16}" text-anchor="middle" fill="#57606a">{i + 1}</text>')
    out.append(f'<text x="{left + w / 2:.1f}" y="{height - 4}" text-anchor="middle" fill="#57606a">session</text>')
    if not points:
        out.append(f'<text x="{left + w / 2:.1f}" y="{top + h / 2:.1f}" text-anchor="middle" fill="#57606a">'
                   "no ended sessions yet</text>")
    for k, c in enumerate(COMPONENTS):
        offset = (k - 1.5) * 0.35  # lines that coincide stay visible side by side
        coords = [(x(i), y(p.points[c]) + offset) for i, p in enumerate(points)]
        if len(coords) > 1:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)
            out.append(f'<polyline class="series" data-component="{c}" points="{path}" fill="none" '
                       f'stroke="{COLOURS[c]}" stroke-width="2"/>')
        for (a, b), p in zip(coords, points, strict=True):
            label = escape(f"{LABELS[c]}: {p.points[c]}/25 ({p.persona_id}, session {p.session_id})")
            out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3.5" fill="{COLOURS[c]}" data-component="{c}">'
                       f"<title>{label}</title></circle>")
        ly = top + 14 + 18 * k
        out.append(f'<line x1="{left + w + 14}" x2="{left + w + 34}" y1="{ly - 4}" y2="{ly - 4}" '
                   f'stroke="{COLOURS[c]}" stroke-width="3"/><text x="{left + w + 40}" y="{ly}">{LABELS[c]}</text>')
    out.append("</svg>")
    return "".join(out)


_CSS = """body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:60rem}
h1{font-size:1.4rem}table{border-collapse:collapse;margin-top:1rem;font-size:.9rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}td.n{text-align:right}
.triggered{color:#cf222e;font-weight:600}.muted{color:#57606a}"""


def report_html(trainee: str, points: list[Point]) -> str:
    """A self-contained page (inline CSS and SVG, no scripts, nothing fetched) for one trainee."""
    rows = []
    for i, p in enumerate(points, 1):
        failed = ", ".join(m for m in MODES if p.failures.get(m) == "triggered") or "none"
        when = p.ended_at.strftime("%Y-%m-%d %H:%M") if p.ended_at else ""
        rows.append("<tr>" + "".join([
            f'<td class="n">{i}</td>', f"<td>{escape(when)}</td>", f"<td>{escape(p.persona_id)}</td>",
            *(f'<td class="n">{p.points[c]}</td>' for c in COMPONENTS), f'<td class="n">{p.score}</td>',
            f"<td>{escape(p.level)}</td>",
            f'<td class="{"triggered" if failed != "none" else ""}">{escape(failed)}</td>']) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("#", "ended", "persona", *(LABELS[c] for c in COMPONENTS),
                                             "score", "level", "failure modes"))
    summary = (f"{len(points)} ended session(s); last score {points[-1].score} ({escape(points[-1].level)}), "
               f"best {max(p.score for p in points)}" if points else "no ended sessions yet")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Role-play progress: '
            f"{escape(trainee)}</title><style>{_CSS}</style></head><body>"
            f"<h1>Role-play progress: {escape(trainee)}</h1><p class=\"muted\">{summary}</p>"
            f"{svg(points)}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</body></html>")

"""Tiny inline-SVG charts for the HTML report: no scripts, no external assets."""

from __future__ import annotations

from html import escape

COLORS = ("#2f6fdf", "#e07b26", "#3a9a5b", "#9b59b6")


def _fmt(v: float) -> str:
    return f"{v:.0%}" if v <= 1 else f"{v:g}"


def bar_chart(rows: list[tuple[str, list[float | None]]], series: list[str], *, title: str,
              width: int = 760, bar_h: int = 14) -> str:
    """Horizontal bars (values 0..1), one group per row and one bar per series."""
    label_w, right = 210, 50
    plot_w = width - label_w - right
    group_h = bar_h * len(series) + 8
    legend_h = 22 if len(series) > 1 else 0
    height = 30 + legend_h + group_h * len(rows) + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="chart">',
           f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    y0 = 30 + legend_h
    for i, name in enumerate(series if len(series) > 1 else []):
        x = label_w + i * 160
        out.append(f'<rect x="{x}" y="26" width="12" height="12" fill="{COLORS[i % len(COLORS)]}"/>'
                   f'<text x="{x + 16}" y="36" class="tick">{escape(name)}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + plot_w * tick  # type: ignore[assignment]  # a float coordinate
        out.append(f'<line x1="{x:.1f}" y1="{y0 - 4}" x2="{x:.1f}" y2="{y0 + group_h * len(rows)}" '
                   f'class="grid"/><text x="{x:.1f}" y="{y0 + group_h * len(rows) + 16}" '
                   f'text-anchor="middle" class="tick">{tick:.0%}</text>')
    for r, (label, values) in enumerate(rows):
        gy = y0 + r * group_h
        out.append(f'<text x="{label_w - 8}" y="{gy + group_h / 2 + 3:.1f}" text-anchor="end" '
                   f'class="label">{escape(label)}</text>')
        for s, v in enumerate(values):
            y = gy + 4 + s * bar_h
            if v is None:
                out.append(f'<text x="{label_w + 4}" y="{y + bar_h - 3}" class="tick">n/a</text>')
                continue
            w = max(1.0, plot_w * max(0.0, min(1.0, v)))
            out.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                       f'fill="{COLORS[s % len(COLORS)]}"><title>{escape(label)}: {v:.1%}</title></rect>'
                       f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}" class="tick">{_fmt(v)}</text>')
    out.append("</svg>")
    return "".join(out)


def histogram(series: list[tuple[str, list[float]]], *, title: str, unit: str = "ms", bins: int = 24,
              markers: dict[str, float] | None = None, width: int = 760, height: int = 240) -> str:
    """Latency histogram (one or more overlaid series) with optional vertical markers (p50, p95)."""
    values = [v for _, vs in series for v in vs]
    left, bottom, top = 50, 36, 30
    plot_w, plot_h = width - left - 20, height - top - bottom
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
           f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="chart">',
           f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    if not values:
        out.append(f'<text x="{left}" y="{top + 20}" class="tick">no data</text></svg>')
        return "".join(out)
    lo, hi = 0.0, max(values) * 1.05 or 1.0
    step = (hi - lo) / bins
    counts = [[0] * bins for _ in series]
    for s, (_, vs) in enumerate(series):
        for v in vs:
            counts[s][min(bins - 1, int((v - lo) / step))] += 1
    peak = max(max(c) for c in counts) or 1
    bw = plot_w / bins
    for s, cs in enumerate(counts):
        color = COLORS[s % len(COLORS)]
        for b, n in enumerate(cs):
            if n:
                h = plot_h * n / peak
                x = left + b * bw
                opacity = 0.85 if len(series) == 1 else 0.55
                out.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 2:.1f}" '
                           f'height="{h:.1f}" fill="{color}" fill-opacity="{opacity}">'
                           f'<title>{lo + b * step:.0f}-{lo + (b + 1) * step:.0f} {unit}: {n}</title></rect>')
    base = top + plot_h
    out.append(f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" class="axis"/>')
    for i in range(5):
        v = lo + (hi - lo) * i / 4
        x = left + plot_w * i / 4
        anchor = "end" if i == 4 else "middle"
        out.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="{anchor}" class="tick">'
                   f'{v:.0f} {unit}</text>')
    out.append(f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" class="tick">{peak}</text>')
    for i, (name, v) in enumerate((markers or {}).items()):
        x = left + plot_w * (v - lo) / (hi - lo)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" class="marker"/>'
                   f'<text x="{x + 3:.1f}" y="{top + 10 + 12 * i}" class="tick">{escape(name)} '
                   f'{v:.0f} {unit}</text>')
    if len(series) > 1:
        for s, (name, _) in enumerate(series):
            x = left + 10 + s * 160
            out.append(f'<rect x="{x}" y="{height - 14}" width="12" height="12" '
                       f'fill="{COLORS[s % len(COLORS)]}"/><text x="{x + 16}" y="{height - 4}" '
                       f'class="tick">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


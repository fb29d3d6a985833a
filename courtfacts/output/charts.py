"""The figures of ``courtfacts stats`` as HTML tables and inline SVG charts.

Charts are drawn here as SVG markup (no JavaScript, no library, no network):
a histogram of custodial terms stacked by sentence kind, and a scatter of
estimated time in custody against custodial term with the lines "served in
full" and "half served". Every piece of text that comes from a run (group
names, document ids, offenders) goes through ``html.escape``.
"""

from __future__ import annotations

import math
from html import escape

from courtfacts.output.stats import (
    GROUP_HEADERS,
    RunStats,
    group_rows,
    overview_rows,
)

KIND_COLOURS = {
    "custody": "#c0392b",
    "suspended": "#e67e22",
    "extended": "#8e44ad",
    "life": "#2c3e50",
    "death": "#000000",
    "community": "#27ae60",
    "fine": "#2980b9",
    "other": "#7f8c8d",
    "none": "#bdc3c7",
}
_WIDTH, _HEIGHT = 640, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 16, 44

STATS_CSS = """
.cf-stats { font: 14px/1.4 system-ui, sans-serif; color: #222; }
.cf-stats table { border-collapse: collapse; margin: 0 0 1.2em; }
.cf-stats th, .cf-stats td { border-bottom: 1px solid #ddd; padding: 3px 10px; }
.cf-stats td.num, .cf-stats th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cf-stats tr.total td { font-weight: bold; border-top: 2px solid #999; }
.cf-stats figure { margin: 0 0 1.5em; }
.cf-stats figcaption { font-weight: bold; margin-bottom: 4px; }
.cf-stats svg text { font: 11px system-ui, sans-serif; fill: #333; }
.cf-stats .legend span { display: inline-block; margin-right: 12px; }
.cf-stats .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
"""


def _colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, "#95a5a6")


def nice_ticks(maximum: float, count: int = 5, whole: bool = False) -> list[float]:
    """Round tick values from 0 to at least ``maximum`` (whole numbers only if ``whole``).

    >>> nice_ticks(6.0)
    [0, 2, 4, 6]
    >>> nice_ticks(0.0)
    [0, 1]
    >>> nice_ticks(1, 4, whole=True)
    [0, 1]
    """
    if maximum <= 0:
        return [0, 1]
    raw = max(maximum / count, 1) if whole else maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = math.ceil(maximum / step) * step
    ticks = [round(i * step, 6) for i in range(round(top / step) + 1)]
    return [int(t) if float(t).is_integer() else t for t in ticks]


def _axes(x_ticks: list[float], y_ticks: list[float], x_label: str, y_label: str) -> list[str]:
    """Axis lines, ticks and labels; data coordinates map through ``_x`` and ``_y``."""
    parts = []
    x_max, y_max = x_ticks[-1], y_ticks[-1]
    bottom, right = _HEIGHT - _BOTTOM, _WIDTH - _RIGHT
    parts.append(f'<line x1="{_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/>')
    parts.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}" stroke="#333"/>')
    for tick in x_ticks:
        x = _x(tick, x_max)
        parts.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="#333"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{tick}</text>')
    for tick in y_ticks:
        y = _y(tick, y_max)
        parts.append(
            f'<line x1="{_LEFT - 4}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#eee"/>'
        )
        parts.append(f'<text x="{_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    parts.append(
        f'<text x="{(_LEFT + right) / 2}" y="{_HEIGHT - 8}" text-anchor="middle">{escape(x_label)}</text>'
    )
    parts.append(
        f'<text transform="translate(14 {(_TOP + bottom) / 2}) rotate(-90)" '
        f'text-anchor="middle">{escape(y_label)}</text>'
    )
    return parts


def _x(value: float, maximum: float) -> float:
    return _LEFT + (_WIDTH - _LEFT - _RIGHT) * value / maximum


def _y(value: float, maximum: float) -> float:
    return _HEIGHT - _BOTTOM - (_HEIGHT - _TOP - _BOTTOM) * value / maximum


def _svg(parts: list[str], label: str) -> str:
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'width="{_WIDTH}" height="{_HEIGHT}" role="img" aria-label="{escape(label)}">\n{body}\n</svg>'
    )


def _bin_width(maximum: float) -> float:
    return 1 if maximum <= 20 else 2 if maximum <= 40 else 5


def histogram_svg(stats: RunStats) -> str | None:
    """Custodial terms in bins of 1 year (2 or 5 past 20 or 40 years), stacked by kind."""
    points = [p for p in stats.points if p.term is not None]
    if not points:
        return None
    width = _bin_width(max(p.term for p in points if p.term is not None))
    counts: dict[int, dict[str, int]] = {}
    for point in points:
        slot = int((point.term or 0) // width)
        counts.setdefault(slot, {}).setdefault(point.kind, 0)
        counts[slot][point.kind] += 1
    x_ticks = nice_ticks((max(counts) + 1) * width)
    y_ticks = nice_ticks(max(sum(kinds.values()) for kinds in counts.values()), 4, whole=True)
    x_max, y_max = x_ticks[-1], y_ticks[-1]
    parts = _axes(x_ticks, y_ticks, "custodial term (years)", "cases")
    for slot, kinds in sorted(counts.items()):
        left, right = _x(slot * width, x_max) + 1, _x((slot + 1) * width, x_max) - 1
        base = 0
        for kind, count in sorted(kinds.items()):
            top, bottom = _y(base + count, y_max), _y(base, y_max)
            label = f"{slot * width:g}–{(slot + 1) * width:g} years, {kind}: {count}"
            parts.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(right - left, 1):.1f}" '
                f'height="{bottom - top:.1f}" fill="{_colour(kind)}"><title>{escape(label)}</title></rect>'
            )
            base += count
    return _svg(parts, "histogram of custodial terms")


def scatter_svg(stats: RunStats) -> str | None:
    """Estimated time in custody against custodial term, one dot per case, coloured by kind."""
    points = [p for p in stats.points if p.term is not None and p.custody is not None]
    if not points:
        return None
    top = max(max(p.term or 0 for p in points), max(p.custody or 0 for p in points))
    ticks = nice_ticks(top)
    limit = ticks[-1]
    parts = _axes(ticks, ticks, "custodial term (years)", "estimated time in custody (years)")
    for share, name in ((1.0, "served in full"), (0.5, "half served")):
        x2, y2 = _x(limit, limit), _y(limit * share, limit)
        parts.append(
            f'<line x1="{_x(0, limit)}" y1="{_y(0, limit)}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#999" stroke-dasharray="4 3"/>'
        )
        parts.append(f'<text x="{x2 - 4:.1f}" y="{y2 - 4:.1f}" text-anchor="end">{name}</text>')
    for point in points:
        label = (
            f"{point.doc_id}: {point.offender or 'unnamed'}, {point.kind}, "
            f"term {point.term:.2f} y, custody {point.custody:.2f} y"
        )
        parts.append(
            f'<circle cx="{_x(point.term or 0, limit):.1f}" cy="{_y(point.custody or 0, limit):.1f}" '
            f'r="4" fill="{_colour(point.kind)}" fill-opacity="0.7"><title>{escape(label)}</title></circle>'
        )
    return _svg(parts, "estimated time in custody against custodial term")


def _legend(kinds: list[str]) -> str:
    items = "".join(
        f'<span><i style="background:{_colour(kind)}"></i>{escape(kind)}</span>' for kind in kinds
    )
    return f'<div class="legend">{items}</div>'


def html_table(headers: list[str], rows: list[list[str]], total: list[str] | None = None) -> str:
    """An HTML table, every cell escaped; the first column left-aligned, the rest numeric."""
    head = "".join(
        f'<th class="{"" if i == 0 else "num"}">{escape(h)}</th>' for i, h in enumerate(headers)
    )
    body = []
    for row, css in [(r, "") for r in rows] + ([(total, "total")] if total else []):
        cells = "".join(
            f'<td class="{"" if i == 0 else "num"}">{escape(c)}</td>' for i, c in enumerate(row)
        )
        body.append(f'<tr class="{css}">{cells}</tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_fragment(stats: RunStats) -> str:
    """The figures as an HTML ``<section>``: tables, then the two charts."""
    parts = ['<section class="cf-stats">', "<h2>Run</h2>"]
    parts.append(html_table(["what", "figure"], [list(row) for row in overview_rows(stats)]))
    kinds = sorted(stats.kinds().items(), key=lambda item: (-item[1], item[0]))
    parts.append("<h2>Sentence kinds</h2>")
    parts.append(html_table(["sentence kind", "cases"], [[k, str(n)] for k, n in kinds]))
    headers = [h.replace("\n", " ") for h in GROUP_HEADERS]
    overall = group_rows([stats.overall()])[0]
    for name in stats.group_by:
        parts.append(
            f"<h2>By {escape(name)} <small>(years; custody: estimated time in custody)</small></h2>"
        )
        parts.append(html_table([name, *headers], group_rows(stats.groups(name)), overall))
    legend = _legend([kind for kind, _ in kinds])
    for caption, svg in (
        ("Custodial term", histogram_svg(stats)),
        ("Estimated time in custody against custodial term", scatter_svg(stats)),
    ):
        content = f"{legend}{svg}" if svg else "<p>No case has the figures for this chart.</p>"
        parts.append(f"<figure><figcaption>{caption}</figcaption>{content}</figure>")
    parts.append("</section>")
    return "\n".join(parts)


def render_page(stats: RunStats, title: str) -> str:
    """A standalone HTML page with the figures: no script, no network."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STATS_CSS}\nbody {{ margin: 24px; }}</style></head>"
        f'<body class="cf-stats"><h1>{escape(title)}</h1>\n{render_fragment(stats)}\n</body></html>\n'
    )

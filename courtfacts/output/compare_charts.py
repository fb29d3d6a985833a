"""The ``stats --compare`` figures as an HTML page with inline SVG box-and-strip plots.

One plot per measure (custodial term; time in custody), one row per group:
a box from the first to the third quartile with the median as a thick line,
whiskers to the lowest and highest figure, and every case as a dot beneath
it (spread vertically by a fixed pattern, never at random, so that the page
is the same on every run). In the time-in-custody plot a stated figure is a
filled dot and an estimate a hollow one. Every text from the run goes
through ``html.escape``; no script, no network.
"""

from __future__ import annotations

from html import escape

from courtfacts.output.charts import STATS_CSS, html_table, nice_ticks
from courtfacts.output.compare import (
    COMPARE_NOTE,
    ComparedCase,
    Comparison,
    Distribution,
    Group,
    comparison_rows,
)
from courtfacts.output.stats import years

_WIDTH, _ROW, _LEFT, _RIGHT, _TOP, _BOTTOM = 720, 64, 190, 20, 12, 44
_COLOURS = ("#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#e67e22", "#2c3e50")
_JITTER = (0, 6, -6, 12, -12, 3, -3, 9, -9)


def _x(value: float, limit: float) -> float:
    return _LEFT + (_WIDTH - _LEFT - _RIGHT) * value / limit


def _box(dist: Distribution, centre: float, limit: float, colour: str) -> list[str]:
    if dist.n == 0 or dist.low is None or dist.high is None:
        return []
    assert dist.q1 is not None and dist.q3 is not None and dist.median is not None
    low, high, q1, q3, mid = (
        _x(v, limit) for v in (dist.low, dist.high, dist.q1, dist.q3, dist.median)
    )
    top = centre - 14
    label = (
        f"n {dist.n}, median {years(dist.median)}, quartiles {years(dist.q1)}–{years(dist.q3)}, "
        f"range {years(dist.low)}–{years(dist.high)}"
    )
    return [
        f'<line x1="{low:.1f}" y1="{centre}" x2="{high:.1f}" y2="{centre}" stroke="{colour}"/>',
        f'<line x1="{low:.1f}" y1="{centre - 6}" x2="{low:.1f}" y2="{centre + 6}" stroke="{colour}"/>',
        f'<line x1="{high:.1f}" y1="{centre - 6}" x2="{high:.1f}" y2="{centre + 6}" stroke="{colour}"/>',
        (
            f'<rect class="box" x="{q1:.1f}" y="{top}" width="{max(q3 - q1, 1):.1f}" height="28" '
            f'fill="{colour}" fill-opacity="0.15" stroke="{colour}"><title>{escape(label)}</title></rect>'
        ),
        (
            f'<line class="median" x1="{mid:.1f}" y1="{top}" x2="{mid:.1f}" y2="{top + 28}" '
            f'stroke="{colour}" stroke-width="3"/>'
        ),
    ]


def _dots(
    cases: list[tuple[ComparedCase, float]], centre: float, limit: float, colour: str, what: str
) -> list[str]:
    parts = []
    for index, (case, value) in enumerate(cases):
        hollow = what == "custody" and not case.is_custody_stated
        fill = "#fff" if hollow else colour
        source = (" (estimate)" if hollow else " (stated)") if what == "custody" else ""
        label = (
            f"{case.doc_id}: {case.offender or 'unnamed'}, {case.kind}, {value:.2f} years{source}"
        )
        y = centre + 22 + _JITTER[index % len(_JITTER)] / 2
        parts.append(
            f'<circle class="case" cx="{_x(value, limit):.1f}" cy="{y:.1f}" r="3.5" fill="{fill}" '
            f'stroke="{colour}"><title>{escape(label)}</title></circle>'
        )
    return parts


def _values(group: Group, what: str) -> list[tuple[ComparedCase, float]]:
    pairs = [(case, case.term if what == "term" else case.custody) for case in group.cases]
    return [(case, value) for case, value in pairs if value is not None]


def box_strip_svg(comparison: Comparison, what: str) -> str | None:
    """A box-and-strip plot of ``term`` (custodial term) or ``custody`` per group, in years."""
    rows = [(group, _values(group, what)) for group in comparison.groups]
    if not any(values for _, values in rows):
        return None
    ticks = nice_ticks(max(value for _, values in rows for _, value in values))
    limit = ticks[-1]
    height = _TOP + _ROW * len(rows) + _BOTTOM
    bottom = height - _BOTTOM
    parts = [
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{_WIDTH - _RIGHT}" y2="{bottom}" stroke="#333"/>'
    ]
    for tick in ticks:
        x = _x(tick, limit)
        parts.append(f'<line x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}" y2="{bottom}" stroke="#eee"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{tick}</text>')
    axis = "custodial term (years)" if what == "term" else "time in custody (years)"
    parts.append(
        f'<text x="{(_LEFT + _WIDTH - _RIGHT) / 2}" y="{height - 8}" text-anchor="middle">{axis}</text>'
    )
    for index, (group, values) in enumerate(rows):
        colour = _COLOURS[index % len(_COLOURS)]
        centre = _TOP + _ROW * index + 22
        parts.append(
            f'<text x="{_LEFT - 10}" y="{centre + 4}" text-anchor="end">'
            f"{escape(group.label)} (n {len(values)})</text>"
        )
        dist = Distribution.of([value for _, value in values])
        parts.extend(_box(dist, centre, limit, colour))
        parts.extend(_dots(values, centre, limit, colour, what))
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(axis)} per group">\n{body}\n</svg>'
    )


def render_compare_fragment(comparison: Comparison) -> str:
    """The comparison as an HTML ``<section>``: the side-by-side table, then the two plots."""
    rows = comparison_rows(comparison)
    headers = ["measure", *(group.label for group in comparison.groups)]
    parts = ['<section class="cf-stats">', "<h2>Comparison</h2>"]
    parts.append(f"<p>{escape(COMPARE_NOTE)}.</p>")
    parts.append(html_table(headers, [[label, *figures] for label, figures in rows]))
    for caption, what, note in (
        ("Custodial term per group", "term", ""),
        ("Time in custody per group", "custody", " Filled dot: stated; hollow dot: estimated."),
    ):
        svg = box_strip_svg(comparison, what)
        content = svg or "<p>No case of these groups has this figure.</p>"
        legend = (
            f"<p>Box: first to third quartile; thick line: median; whiskers: range; "
            f"dots: the cases.{note}</p>"
        )
        parts.append(f"<figure><figcaption>{caption}</figcaption>{legend}{content}</figure>")
    parts.append("</section>")
    return "\n".join(parts)


def render_compare_page(comparison: Comparison, title: str) -> str:
    """A standalone HTML page with the comparison: no script, no network."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STATS_CSS}\nbody {{ margin: 24px; }}</style></head>"
        f'<body class="cf-stats"><h1>{escape(title)}</h1>\n'
        f"{render_compare_fragment(comparison)}\n</body></html>\n"
    )

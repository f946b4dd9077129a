"""Server-rendered SVG charts, the same on the page and in the PDF (no script: CSP).

Render with `{% include "core/_bar_chart.html" with chart=... title=... %}`, and put a data
table beside every chart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    value: float
    y: int
    width: float
    text_x: float


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = 110
    plot_width: int = 200


def bar_chart(
    rows: list[tuple[str, float]], *, label_width: int = 110, plot_width: int = 200
) -> BarChart:
    """A horizontal bar chart of (label, value) rows, scaled to the largest value."""
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = plot_width * value / top
        bars.append(Bar(label, value, 8 + index * 28, width, label_width + width + 4))
    return BarChart(bars, 16 + 28 * len(rows), label_width, plot_width)

"""A horizontal bar chart as server-rendered SVG (the same on the page and in the PDF)."""

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
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = plot_width * value / top
        bars.append(Bar(label, value, 8 + index * 28, width, label_width + width + 4))
    return BarChart(bars, 16 + 28 * len(rows), label_width, plot_width)

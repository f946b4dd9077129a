"""Server-rendered SVG charts, the same on the page and in the PDF (no script: CSP).

Render with `{% include "core/_bar_chart.html" with chart=... title=... %}`, and put a data
table beside every chart.

Phone first: each bar's label sits on its own line(s) above the bar, so the chart is narrow
enough to be drawn at full size on a 320 px screen and its 16 px text stays 16 px (a label
beside the bar made the chart wider than the phone and shrank the text to about 10 px).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

FONT_SIZE = 16  # the size `.cp-chart--bar text` sets, in the chart's own units
LINE = 19  # from one line of a label to the next
BAR = 20  # a bar's thickness
GAP = 14  # between one bar and the next label
VALUE_ROOM = 48  # to the right of the longest bar, for its value
CHARACTERS = 26  # a label line's length: about the chart's width in 16 px Arial


@dataclass
class Line:
    text: str
    y: int


@dataclass
class Bar:
    label: str
    value: float
    lines: list[Line]
    y: int  # the top of the bar
    width: float
    text_x: float

    @property
    def text_y(self) -> int:
        return self.y + 15


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    width: int


def bar_chart(rows: list[tuple[str, float]], *, width: int = 240) -> BarChart:
    """A horizontal bar chart of (label, value) rows, scaled to the largest value.

    `width` is in the chart's units, which are CSS pixels when the chart has room: 240 fits
    inside a details box on a 320 px phone."""
    plot_width = width - VALUE_ROOM
    top = max((value for _label, value in rows), default=0) or 1
    bars = []
    y = 0
    for label, value in rows:
        wrapped = textwrap.wrap(label, CHARACTERS) or [""]
        lines = [Line(text, y + 15 + LINE * n) for n, text in enumerate(wrapped)]
        bar_top = y + LINE * len(wrapped) + 4
        bar_width = plot_width * value / top
        bars.append(Bar(label, value, lines, bar_top, bar_width, bar_width + 6))
        y = bar_top + BAR + GAP
    return BarChart(bars, max(y - GAP + 4, 0), width)

"""Radar chart geometry for the server-rendered SVG (templates draw it; no markup here)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

    from coproduce.assessments.results import Series

RADAR_SIZE = 320
RADAR_RADIUS = 110
MARKER_RADIUS = 4.5


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: told apart by its line and its markers, not by colour alone."""

    colour: str
    dash: str  # stroke-dasharray ("" for a solid line)
    marker: str  # circle, square, triangle, diamond
    hollow: bool  # markers drawn as outlines
    pattern: _StrOrPromise  # the line and markers in words, for the key


STYLES = [
    SeriesStyle("#1d70b8", "", "circle", False, _("solid line, round dots")),
    SeriesStyle("#00703c", "8 4", "square", True, _("dashed line, open squares")),
    SeriesStyle("#d4351c", "2 3", "triangle", False, _("dotted line, triangles")),
    SeriesStyle("#6f72af", "12 4 2 4", "diamond", True, _("dash-dot line, open diamonds")),
]


def marker_path(kind: str, x: float, y: float, r: float = MARKER_RADIUS) -> str:
    """SVG path data for one marker centred on (x, y)."""
    if kind == "square":
        s = r * 0.9
        return f"M{x - s:.1f},{y - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}Z"
    if kind == "triangle":
        return f"M{x:.1f},{y - r * 1.2:.1f}L{x + r * 1.1:.1f},{y + r * 0.8:.1f}L{x - r * 1.1:.1f},{y + r * 0.8:.1f}Z"
    if kind == "diamond":
        d = r * 1.25
        return f"M{x:.1f},{y - d:.1f}L{x + d:.1f},{y:.1f}L{x:.1f},{y + d:.1f}L{x - d:.1f},{y:.1f}Z"
    return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0Z"


@dataclass
class RadarAxis:
    x: float
    y: float
    label_x: float
    label_y: float
    number: int
    anchor: str


@dataclass
class RadarSeries:
    label: str
    points: str
    colour: str
    dash: str
    markers: str = ""  # path data: a marker on every point
    key_marker: str = ""  # path data: the marker in the key's small sample
    hollow: bool = False
    pattern: _StrOrPromise = ""


@dataclass
class Radar:
    size: int
    centre: float
    axes: list[RadarAxis]
    rings: list[str]
    series: list[RadarSeries]


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADAR_RADIUS * value / 9
    c = RADAR_SIZE / 2
    return round(c + r * math.cos(angle), 1), round(c + r * math.sin(angle), 1)


def radar(series: list[Series], count: int) -> Radar:
    axes = []
    for i in range(count):
        x, y = _point(i, count, 9)
        lx, ly = _point(i, count, 10.3)
        anchor = "middle" if abs(lx - RADAR_SIZE / 2) < 5 else ("start" if lx > 160 else "end")
        axes.append(RadarAxis(x=x, y=y, label_x=lx, label_y=ly + 4, number=i + 1, anchor=anchor))
    rings = [
        " ".join(f"{x},{y}" for x, y in (_point(i, count, level) for i in range(count)))
        for level in (3, 6, 9)
    ]
    drawn = []
    for n, s in enumerate(series):
        style = STYLES[n % len(STYLES)]
        corners = [_point(i, count, v or 0) for i, v in enumerate(s.values)]
        drawn.append(
            RadarSeries(
                label=s.label,
                points=" ".join(f"{x},{y}" for x, y in corners),
                colour=style.colour,
                dash=style.dash,
                markers="".join(marker_path(style.marker, x, y) for x, y in corners),
                key_marker=marker_path(style.marker, 20, 8),
                hollow=style.hollow,
                pattern=style.pattern,
            )
        )
    return Radar(size=RADAR_SIZE, centre=RADAR_SIZE / 2, axes=axes, rings=rings, series=drawn)

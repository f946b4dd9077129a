"""Radar chart geometry for the server-rendered SVG (templates draw it; no markup here)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coproduce.assessments.results import Series

RADAR_SIZE = 320
RADAR_RADIUS = 110
COLOURS = ["#1d70b8", "#00703c", "#d4351c", "#6f72af"]
DASHES = ["", "6 3", "2 3", "10 4 2 4"]


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
        points = " ".join(
            f"{x},{y}" for x, y in (_point(i, count, v or 0) for i, v in enumerate(s.values))
        )
        drawn.append(
            RadarSeries(
                label=s.label,
                points=points,
                colour=COLOURS[n % len(COLOURS)],
                dash=DASHES[n % len(DASHES)],
            )
        )
    return Radar(size=RADAR_SIZE, centre=RADAR_SIZE / 2, axes=axes, rings=rings, series=drawn)

"""Reading results: verdicts, gaps, radar geometry, trends and the organisation roll-up.

Pure computation over rows fetched with a fixed number of queries."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from coproduce.assessments.models import (
    BAND_ORDER,
    Assessment,
    Band,
    BandDescriptor,
    Checklist,
    Conversation,
    Indicator,
    Level,
    Perspective,
    Round,
    Score,
    Status,
    band_for,
)
from coproduce.assessments.selectors import settings_for
from coproduce.core.suppression import is_small


def median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


@dataclass
class ScoreView:
    indicator: Indicator
    level: str
    value: int | None
    answer: str
    example: str
    generic: bool
    band: str | None
    next_band: BandDescriptor | None
    score: Score | None

    @property
    def band_label(self) -> str:
        return str(Band(self.band).label) if self.band else ""

    @property
    def answer_label(self) -> str:
        """A checklist or pathways answer in plain words ("Needs more work"), never the
        stored value."""
        return str(Checklist(self.answer).label) if self.answer in Checklist.values else ""


@dataclass
class LevelVerdict:
    level: str
    label: str
    co_producing: bool
    holding_back: list[Indicator]
    complete: bool
    # For the summary a phone shows first: how many indicators are there, out of how many,
    # and the one to start with (the lowest score holding the verdict back).
    met: int = 0
    total: int = 0
    start_with: ScoreView | None = None


def _bands_by_indicator(version_id: int) -> dict[tuple[int, str], BandDescriptor]:
    return {
        (b.indicator_id, b.band): b for b in BandDescriptor.objects.filter(version_id=version_id)
    }


def next_band(
    bands: dict[tuple[int, str], BandDescriptor], indicator_id: int, value: int | None
) -> BandDescriptor | None:
    if value is None:
        return None
    index = BAND_ORDER.index(band_for(value))  # type: ignore[arg-type]
    if index + 1 >= len(BAND_ORDER):
        return None
    return bands.get((indicator_id, BAND_ORDER[index + 1]))


def assessment_views(assessment: Assessment) -> dict[str, list[ScoreView]]:
    """Per level, one row per indicator (in order), with the next band up."""
    version = assessment.round.version
    indicators = list(version.indicators.all())
    bands = _bands_by_indicator(version.pk)
    scores = {
        (s.indicator_id, s.level): s
        for s in assessment.scores.prefetch_related("corrections").all()
    }
    result: dict[str, list[ScoreView]] = {}
    for level in assessment.levels:
        rows = []
        for indicator in indicators:
            score = scores.get((indicator.pk, level))
            value = score.value if score else None
            rows.append(
                ScoreView(
                    indicator=indicator,
                    level=level,
                    value=value,
                    answer=score.answer if score else "",
                    example=score.example if score else "",
                    generic=score.generic if score else False,
                    band=band_for(value) if value else None,
                    next_band=next_band(bands, indicator.pk, value),
                    score=score,
                )
            )
        result[level] = rows
    return result


def verdicts(assessment: Assessment, views: dict[str, list[ScoreView]]) -> list[LevelVerdict]:
    minimum = assessment.round.version.verdict_min
    out = []
    banded = assessment.round.version.is_banded
    for level, rows in views.items():
        if banded:
            held = [r for r in rows if r.value is None or r.value < minimum]
        else:
            held = [r for r in rows if r.answer != "yes"]
        scored = [r for r in held if r.value is not None]
        out.append(
            LevelVerdict(
                level=level,
                label=str(Level(level).label),
                co_producing=not held,
                holding_back=[r.indicator for r in held],
                complete=all(r.value is not None or r.answer for r in rows),
                met=len(rows) - len(held),
                total=len(rows),
                start_with=min(scored, key=lambda r: r.value or 0) if scored else None,
            )
        )
    return out


# ---- the round: staff and young people side by side ----


@dataclass
class GapRow:
    indicator: Indicator
    staff: float | None
    young: float | None
    gap: float | None
    needs_talk: bool
    conversation: Conversation | None


@dataclass
class Series:
    key: str
    label: str
    values: list[float | None]


@dataclass
class RoundResult:
    round: Round
    indicators: list[Indicator]
    series: list[Series]
    gaps: list[GapRow]
    threshold: int
    staff_count: int
    young_count: int
    disagreements_without_talk: list[GapRow] = field(default_factory=list)


def _submitted_scores(round_: Round) -> list[Score]:
    return list(
        Score.objects.filter(
            assessment__round=round_,
            assessment__status=Status.SUBMITTED,
            value__isnull=False,
        ).select_related("assessment")
    )


def round_result(round_: Round) -> RoundResult:
    indicators = list(round_.version.indicators.all())
    scores = _submitted_scores(round_)
    by_key: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    staff_people: set[int] = set()
    young_people: set[int] = set()
    for score in scores:
        perspective = score.assessment.perspective
        assert score.value is not None
        by_key[(perspective, score.level, score.indicator_id)].append(score.value)
        (staff_people if perspective == Perspective.STAFF else young_people).add(
            score.assessment.respondent_id
        )
    series = []
    for level in Level:
        series.append(
            Series(
                key=f"staff-{level.value}",
                label=f"{Perspective.STAFF.label}: {level.label}",
                values=[median(by_key[(Perspective.STAFF, level, i.pk)]) for i in indicators],
            )
        )
    series.append(
        Series(
            key="young-project",
            label=str(Perspective.YOUNG_PEOPLE.label),
            values=[
                median(by_key[(Perspective.YOUNG_PEOPLE, Level.PROJECT, i.pk)]) for i in indicators
            ],
        )
    )
    series = [s for s in series if any(v is not None for v in s.values)]
    threshold = settings_for(organisation=round_.organisation).gap_threshold
    talks = {c.indicator_id: c for c in Conversation.objects.filter(round=round_)}
    gaps = []
    for indicator in indicators:
        staff = median(by_key[(Perspective.STAFF, Level.PROJECT, indicator.pk)])
        young = median(by_key[(Perspective.YOUNG_PEOPLE, Level.PROJECT, indicator.pk)])
        gap = abs(staff - young) if staff is not None and young is not None else None
        gaps.append(
            GapRow(
                indicator=indicator,
                staff=staff,
                young=young,
                gap=gap,
                needs_talk=gap is not None and gap >= threshold,
                conversation=talks.get(indicator.pk),
            )
        )
    return RoundResult(
        round=round_,
        indicators=indicators,
        series=series,
        gaps=gaps,
        threshold=threshold,
        staff_count=len(staff_people),
        young_count=len(young_people),
        disagreements_without_talk=[g for g in gaps if g.needs_talk and g.conversation is None],
    )


def assessment_series(views: dict[str, list[ScoreView]], perspective: str) -> list[Series]:
    out = []
    for level, rows in views.items():
        label = (
            str(Level(level).label)
            if perspective == Perspective.STAFF
            else str(Perspective.YOUNG_PEOPLE.label)
        )
        out.append(
            Series(
                key=level, label=label, values=[float(r.value) if r.value else None for r in rows]
            )
        )
    return out


# ---- over time and across the organisation ----


@dataclass
class TrendRow:
    key: str
    title: str
    points: list[float | None]
    # Per round: True where too few people scored it to publish a median (`core.suppression`).
    hidden: list[bool] = field(default_factory=list)

    @property
    def cells(self) -> list[tuple[float | None, bool]]:
        return list(zip(self.points, self.hidden or [False] * len(self.points), strict=True))

    @property
    def cells_newest_first(self) -> list[tuple[float | None, bool]]:
        """The latest round first, so a phone shows it without scrolling sideways."""
        return self.cells[::-1]

    @property
    def spark(self) -> str:
        """Points for a 100 x 30 sparkline (scores 1-9 bottom to top)."""
        count = len(self.points)
        step = 90 / (count - 1) if count > 1 else 0
        return " ".join(
            f"{round(5 + i * step, 1)},{round(27 - 24 * (v - 1) / 8, 1)}"
            for i, v in enumerate(self.points)
            if v is not None
        )


def trend(rounds: list[Round]) -> tuple[list[Round], list[TrendRow]]:
    """Staff median at project level per indicator key, oldest round first. Indicators are
    matched by key, so a copy or a new version still lines up; missing ones show as gaps.
    A median from fewer people than the small-number rule allows is hidden, not shown: with
    one respondent it would be their own score."""
    rounds = sorted(rounds, key=lambda r: (r.opens_on, r.pk))
    scores = Score.objects.filter(
        assessment__round__in=rounds,
        assessment__status=Status.SUBMITTED,
        assessment__perspective=Perspective.STAFF,
        level=Level.PROJECT,
        value__isnull=False,
    ).select_related("indicator", "assessment")
    values: dict[tuple[str, int], list[int]] = defaultdict(list)
    people: dict[tuple[str, int], set[int]] = defaultdict(set)
    titles: dict[str, tuple[int, str]] = {}
    for score in scores:
        assert score.value is not None
        where = (score.indicator.key, score.assessment.round_id)
        values[where].append(score.value)
        people[where].add(score.assessment.respondent_id)
        titles.setdefault(score.indicator.key, (score.indicator.order, score.indicator.title))
    rows = []
    for key, (_order, title) in sorted(titles.items(), key=lambda kv: kv[1][0]):
        hidden = [bool(values[(key, r.pk)]) and is_small(len(people[(key, r.pk)])) for r in rounds]
        points = [
            None if hide else median(values[(key, r.pk)])
            for r, hide in zip(rounds, hidden, strict=True)
        ]
        rows.append(TrendRow(key=key, title=title, points=points, hidden=hidden))
    return rounds, rows


@dataclass
class RollupRow:
    indicator: Indicator
    group: str
    people: int
    hidden: bool
    median: float | None
    spread: tuple[int, int] | None
    distribution: list[int]  # count of scores in basic, getting there, excellent


def rollup(round_: Round, level: str = Level.PROJECT) -> list[RollupRow]:
    """Staff scores at one level (project by default) per indicator, for the whole
    organisation and per project; a group too small to publish (`core.suppression`) is
    hidden so nobody can be singled out."""
    indicators = list(round_.version.indicators.all())
    scores = Score.objects.filter(
        assessment__round=round_,
        assessment__status=Status.SUBMITTED,
        assessment__perspective=Perspective.STAFF,
        level=level,
        value__isnull=False,
    ).select_related("assessment__project")
    groups: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for score in scores:
        assert score.value is not None
        person = score.assessment.respondent_id
        groups[""][score.indicator_id].append((person, score.value))
        if score.assessment.project is not None:
            groups[score.assessment.project.name][score.indicator_id].append((person, score.value))
    rows = []
    for group in sorted(groups):
        for indicator in indicators:
            pairs = groups[group][indicator.pk]
            people = len({p for p, _v in pairs})
            values = [v for _p, v in pairs]
            hidden = is_small(people)
            rows.append(
                RollupRow(
                    indicator=indicator,
                    group=group,
                    people=people,
                    hidden=hidden,
                    median=None if hidden else median(values),
                    spread=None if hidden or not values else (min(values), max(values)),
                    distribution=[]
                    if hidden
                    else [sum(1 for v in values if band_for(v) == b) for b in BAND_ORDER],
                )
            )
    return rows

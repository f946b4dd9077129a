"""Rows for a round's CSV export: one row per score, with its band and flags."""

from __future__ import annotations

from collections.abc import Iterator

from coproduce.assessments.models import Band, Round, Score, band_for


def round_rows(round_: Round) -> Iterator[list[str]]:
    yield [
        "round",
        "framework",
        "version",
        "respondent",
        "perspective",
        "project",
        "status",
        "principle",
        "indicator_key",
        "indicator",
        "level",
        "score",
        "band",
        "answer",
        "example",
        "generic",
    ]
    scores = (
        Score.objects.filter(assessment__round=round_)
        .select_related(
            "assessment__respondent__user", "assessment__project", "indicator__principle"
        )
        .order_by("assessment_id", "indicator__order", "level")
    )
    for score in scores:
        assessment = score.assessment
        yield [
            round_.name,
            round_.version.framework.name,
            str(round_.version.number),
            assessment.respondent.user.display_name,
            assessment.perspective,
            assessment.project.name if assessment.project else "",
            assessment.status,
            score.indicator.principle.title,
            score.indicator.key,
            score.indicator.title,
            score.level,
            "" if score.value is None else str(score.value),
            "" if score.value is None else str(Band(band_for(score.value)).label),
            score.answer,
            score.example,
            "yes" if score.generic else "no",
        ]

"""The Youth Engagement Guarantee's ten commitments (HeadStart Wolverhampton, seed 003), each
with what the project's records show. The commitments are summarised in our own words."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.monitoring.report import Figure, Report

COMMITMENTS: list[tuple[int, Promise, list[str]]] = [
    (1, _("Young people are at the centre of activity and decisions"), ["participation_share"]),
    (
        2,
        _("Every young person can be involved: safe and accessible for everyone"),
        ["with_barriers", "supported", "under_13"],
    ),
    (3, _("Young people's views are heard, valued and respected"), ["ideas", "adopted"]),
    (4, _("Training and support to develop skills and progress"), ["climbed"]),
    (5, _("Clear benefits from being involved"), ["credits_hours", "recognitions"]),
    (6, _("Co-production built into governance, delivery and decisions"), ["panel_seats"]),
    (
        7,
        _("Direct feedback on how their views influenced decisions"),
        ["feedback_on_time", "feedback_late"],
    ),
    (8, _("Opportunities to influence other programmes"), ["new_young_people"]),
    (9, _("Engagement is evaluated to show its value and impact"), ["checklist_yes"]),
    (10, _("Engagement is fun and young people are celebrated"), ["recognitions", "hours"]),
]


@dataclass
class Evidence:
    number: int
    commitment: Promise
    figures: list[Figure]


def guarantee_evidence(report: Report) -> list[Evidence]:
    return [Evidence(n, text, [report.figures[k] for k in keys]) for n, text, keys in COMMITMENTS]

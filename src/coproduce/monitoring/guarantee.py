"""The Youth Engagement Guarantee's ten commitments (HeadStart Wolverhampton, seed 003), each
with the figures from the project's records that show it, or "no evidence recorded".

Each commitment cites only figures about what it promises: a figure about something else
(hours given as evidence of fun) would be a claim the records do not make. Where the product
records nothing that shows a commitment (influence on other programmes), the report says so.
The commitments are summarised in our own words."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.monitoring.report import Figure, Report

COMMITMENTS: list[tuple[int, Promise, list[str]]] = [
    # At the centre of activity and decisions: how much activity had shared decisions or more.
    (1, _("Young people are at the centre of activity and decisions"), ["coproduction_share"]),
    # Safe and accessible whatever their needs: barriers found and support given.
    (
        2,
        _("Every young person can be involved: safe and accessible for everyone"),
        ["with_barriers", "supported", "support_spent"],
    ),
    # Heard, valued and able to make a difference: ideas recorded and taken up.
    (3, _("Young people's views are heard, valued and respected"), ["ideas", "adopted"]),
    # Training to develop skills: accreditation of the skills learnt.
    (4, _("Training and support to develop skills and progress"), ["accredited"]),
    # Clear benefits (training, recognition, accreditation, work, services).
    (5, _("Clear benefits from being involved"), ["credits_hours", "recognitions"]),
    # Part of governance and decision-making: seats on commissioning panels.
    (6, _("Co-production built into governance, delivery and decisions"), ["panel_seats"]),
    # Direct feedback on how their views were used.
    (
        7,
        _("Direct feedback on how their views influenced decisions"),
        ["feedback_on_time", "feedback_late"],
    ),
    # Influence on other programmes: nothing the product records shows this.
    (8, _("Opportunities to influence other programmes"), []),
    # Evaluated to show its value: the evaluation and review stage of the cycle.
    (9, _("Engagement is evaluated to show its value and impact"), ["evaluation_yes"]),
    # Fun, and successes celebrated: certificates and accreditation awarded.
    (10, _("Engagement is fun and young people are celebrated"), ["recognitions"]),
]


@dataclass
class Evidence:
    number: int
    commitment: Promise
    figures: list[Figure]

    @property
    def recorded(self) -> bool:
        """Some record shows this commitment: a figure above nothing."""
        return any(f.value not in (None, 0) for f in self.figures)


def guarantee_evidence(report: Report) -> list[Evidence]:
    return [Evidence(n, text, [report.figures[k] for k in keys]) for n, text, keys in COMMITMENTS]

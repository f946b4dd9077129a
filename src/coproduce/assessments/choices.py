"""Self-assessment's fixed vocabularies: scales, bands, checklist answers, levels, perspectives.

Kept apart from the models so `models.py` stays short; `models` re-exports every name.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScaleKind(models.TextChoices):
    BANDED = "banded", _("Scored 1 to 9 in three bands")
    CHECKLIST = "checklist", _("Checklist: yes, no or needs more work")
    # Shier's pathways: each principle is a level of participation (in order, lowest first)
    # and holds three yes/no questions, one per stage of commitment (see `pathways.py`).
    PATHWAYS = "pathways", _("Pathways: levels, each answered yes or no at three stages")


class Band(models.TextChoices):
    BASIC = "basic", _("Basic")
    GETTING_THERE = "getting_there", _("Getting there")
    EXCELLENT = "excellent", _("Excellent")


BAND_RANGES: dict[str, tuple[int, int]] = {
    Band.BASIC: (1, 3),
    Band.GETTING_THERE: (4, 6),
    Band.EXCELLENT: (7, 9),
}
BAND_ORDER = [Band.BASIC, Band.GETTING_THERE, Band.EXCELLENT]


def band_for(value: int) -> str:
    for band, (low, high) in BAND_RANGES.items():
        if low <= value <= high:
            return band
    raise ValueError(value)


class Checklist(models.TextChoices):
    YES = "yes", _("Yes")
    NEEDS_MORE_WORK = "needs_more_work", _("Needs more work")
    NO = "no", _("No")


class Level(models.TextChoices):
    PRACTICE = "practice", _("My own practice")
    PROJECT = "project", _("My project")
    ORGANISATION = "organisation", _("My organisation")


class Perspective(models.TextChoices):
    STAFF = "staff", _("Staff")
    YOUNG_PEOPLE = "young_people", _("Young people")


# Young people score how the project works for them; staff may score any of the three levels
# (the guide offers "you, your project, your organisation" to choose from).
LEVELS_FOR = {
    Perspective.STAFF: [Level.PRACTICE, Level.PROJECT, Level.ORGANISATION],
    Perspective.YOUNG_PEOPLE: [Level.PROJECT],
}
# Shier's pathways ask about the organisation's readiness, ways of working and policy, once.
PATHWAYS_LEVELS = {
    Perspective.STAFF: [Level.ORGANISATION],
    Perspective.YOUNG_PEOPLE: [Level.PROJECT],
}


def levels_offered(perspective: str, scale: str) -> list[str]:
    """The levels a respondent may answer at, in order."""
    table = PATHWAYS_LEVELS if scale == ScaleKind.PATHWAYS else LEVELS_FOR
    return [str(level) for level in table[Perspective(perspective)]]

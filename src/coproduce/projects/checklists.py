"""The cycle of co-production and each stage's checklist, in our own words.

After HeadStart Wolverhampton & Boingboing, "All together now" (2018): the cycle of
co-production and its Appendix A checklist; the evaluation questions follow its
Appendix B monitoring prompts.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    PLANNING = "planning", _("Planning")
    RECRUITMENT = "recruitment", _("Recruitment")
    GETTING_STARTED = "getting_started", _("Getting started")
    ACTIVITY = "activity", _("Co-production activity")
    FEEDING_BACK = "feeding_back", _("Feeding back")
    EVALUATION = "evaluation", _("Evaluation and review")


STAGE_ORDER = list(Stage.values)


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    MORE_WORK = "more_work", _("Needs more work or time")


CHECKLISTS: dict[str, list[tuple[str, str | Promise]]] = {
    Stage.PLANNING: [
        ("limits", _("We know how far young people's decisions can reach in this project.")),
        (
            "scope_ready",
            _("We are ready to tell young people what they can and cannot decide here."),
        ),
        (
            "who",
            _(
                "We have decided who to work with: an existing group, an open group, a group of a certain age, interest or need, or a group recruited for this."
            ),
        ),
        (
            "flexible",
            _(
                "We know how young people could contribute, and we are ready to follow their own ideas too."
            ),
        ),
    ],
    Stage.RECRUITMENT: [
        (
            "reach",
            _("We have asked young people who are not usually asked, including younger children."),
        ),
        (
            "barriers",
            _("We have asked about transport, timing and access needs, and planned support."),
        ),
        ("roles", _("Each young person knows what the role involves and what they get for it.")),
    ],
    Stage.GETTING_STARTED: [
        ("message", _("We have a clear message about what we want to do and why.")),
        (
            "channels",
            _(
                "We have a suitable way to share that message with the projects and young people we want to reach."
            ),
        ),
        ("consent", _("We have signed consent for photos, films and quotes.")),
    ],
    Stage.ACTIVITY: [
        ("methods", _("We have ways of putting the tips and tricks into practice.")),
        (
            "materials",
            _("We have the materials to make sessions accessible, engaging and interactive."),
        ),
        (
            "recording",
            _("Someone, ideally a young person, is recording what we do and what we make."),
        ),
        ("their_feedback", _("We regularly ask young people for feedback on how we work.")),
    ],
    Stage.FEEDING_BACK: [
        (
            "told",
            _(
                "We regularly tell young people how their views and work changed plans and services."
            ),
        ),
        ("every_idea", _("Every idea has had an answer, and where we said no, we said why.")),
    ],
    Stage.EVALUATION: [
        (
            "reflect",
            _(
                "We are ready to reflect honestly: what went well, what could be better, what we learned."
            ),
        ),
        ("recruited", _("Who did we recruit, and how inclusive was it?")),
        ("barriers_met", _("What got in the way, and how did we try to overcome it?")),
        (
            "scope_shared",
            _("What was in and out of scope, and how did we agree it with young people?"),
        ),
        ("flexibility", _("Where were we flexible and responsive to young people's needs?")),
        ("changed", _("What changed because of the co-production?")),
        ("next_time", _("What did not go so well, and what will we do differently next time?")),
    ],
}


def next_stage(stage: str) -> str:
    index = STAGE_ORDER.index(stage)
    return STAGE_ORDER[(index + 1) % len(STAGE_ORDER)]

"""Demo data: the nef framework scored in two past rounds and one open round, by staff and
young people, with a disagreement talked through and one still to talk about; and the
manager's answers to Shier's pathways, with the level reached at each stage."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from coproduce.assessments import citations, services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import (
    Assessment,
    Conversation,
    Framework,
    Indicator,
    Level,
    Perspective,
    Round,
)
from coproduce.assessments.results import round_result
from coproduce.core.demo import DEMO_PASSWORD, DemoContext
from coproduce.organisations.roles import Role
from coproduce.organisations.services import person_add

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

EXAMPLES = [
    "At the {season} planning day each young person told us what they enjoy and we built "
    "two sessions around their ideas",
    "The group chose the next four weeks of activities and ran the vote themselves in the "
    "{season} term",
    "Young people earned time credits for helping at the {season} fun day and spent them "
    "on a trip they planned",
    "Two young people co-facilitated the {season} induction for new members with staff",
    "A young carer led the budget discussion in {season} and we changed the plan because of it",
    "Staff asked the forum for help redesigning our leaflet in {season} and used their version",
    "Older members buddied three new starters through their first month this {season}",
    "We went with the group to the community litter pick and the library skills swap in {season}",
]
EXTRA_STAFF = [
    ("gareth", "Gareth", "Owen", "Youth Forum"),
    ("nia", "Nia", "Rees", "Youth Forum"),
]
YOUNG = ["young", "tomos", "aisha", "mo", "kai"]


def _season(day: datetime.date) -> str:
    return ["Winter", "Spring", "Summer", "Autumn"][(day.month % 12) // 3] + f" {day.year}"


# Some indicators lag behind others, as in real services (reciprocity and networks most).
OFFSETS = [1, 0, 0, -1, -2, -1, 0, -2]


def _score(base: int, person: int, indicator: int, level: int) -> int:
    return max(1, min(9, base + OFFSETS[indicator] + (person + indicator * 2 + level) % 3 - 1))


def _fill(
    round_: Round,
    members: list[Membership],
    perspective: str,
    base: int,
    season: str,
    *,
    submit: bool = True,
    young_dip: int | None = None,
) -> None:
    indicators = list(round_.version.indicators.all())
    for p, membership in enumerate(members):
        assessment = services.assessment_start(
            acting_user=membership.user,
            round_=round_,
            respondent=membership,
            perspective=perspective,
            project=membership.services.first(),
        )
        for i, indicator in enumerate(indicators):
            answers = []
            for lv, level in enumerate(assessment.levels):
                value = _score(base + (1 if level == Level.PRACTICE else 0), p, i, lv)
                if young_dip is not None and i == young_dip:
                    value = max(1, value - 4)
                example = (
                    EXAMPLES[i].format(season=season) + f" ({membership.user.first_name})"
                    if perspective == Perspective.STAFF
                    else ""
                )
                answers.append(services.Answer(level=level, value=value, example=example))
            services.answers_save(
                acting_user=membership.user,
                assessment=assessment,
                indicator=indicator,
                answers=answers,
                reflection="",
            )
        if submit:
            services.assessment_submit(acting_user=membership.user, assessment=assessment)


def load(context: DemoContext) -> None:
    org = context.organisation
    builtins_install(organisation=org)
    for username, first, last, service in EXTRA_STAFF:
        context.people[username] = person_add(
            acting_user=None,
            organisation=org,
            first_name=first,
            last_name=last,
            role=Role.PRACTITIONER,
            email=f"{username}@bryn-valley.example",
            username=username,
            password=DEMO_PASSWORD,
            services=[context.services[service]],
        )
    version = Framework.objects.get(organisation=org, key="nef-coproduction").versions.get()
    staff = [context.people[u] for u in ("admin", "manager", "practitioner", "priya", "gareth")]
    staff.append(context.people["nia"])
    young = [context.people[u] for u in YOUNG]
    today = context.today
    plan = [
        (services.add_months(today, -12), 3),
        (services.add_months(today, -6), 5),
    ]
    for opened, base in plan:
        season = _season(opened)
        round_ = services.round_open(
            acting_user=None,
            organisation=org,
            name=season,
            version=version,
            opens_on=opened,
            due_on=opened + datetime.timedelta(days=28),
        )
        _fill(round_, staff, Perspective.STAFF, base, season)
        _fill(round_, young, Perspective.YOUNG_PEOPLE, base, season, young_dip=2)
        for gap in _round_gaps(round_):
            services.conversation_record(
                acting_user=None,
                round_=round_,
                indicator=gap,
                note=(
                    "Young people said rewards felt random and only some people got them. "
                    "We agreed to log every contribution and celebrate them at each forum."
                ),
                recorded_by=context.people["manager"],
                held_on=opened + datetime.timedelta(days=21),
            )
        services.round_close(acting_user=None, round_=round_)
        Round.objects.filter(pk=round_.pk).update(
            closed_at=timezone.make_aware(
                datetime.datetime.combine(opened + datetime.timedelta(days=30), datetime.time(17))
            )
        )
    opened = today - datetime.timedelta(days=14)
    current = services.round_open(
        acting_user=None,
        organisation=org,
        name=_season(opened),
        version=version,
        opens_on=opened,
        due_on=today + datetime.timedelta(days=10),
    )
    # Everyone but Sam (the practitioner) has submitted; Sam has a draft to resume.
    _fill(
        current,
        [m for m in staff if m.user.username != "practitioner"],
        Perspective.STAFF,
        6,
        _season(opened),
    )
    # Fran (the "young" sign-in) has not given her view yet, so her home page asks her.
    _fill(current, young[1:], Perspective.YOUNG_PEOPLE, 6, _season(opened), young_dip=3)
    # Priya backs her score on celebrating contributions with last round's conversation.
    priya = Assessment.objects.get(round=current, respondent=context.people["priya"])
    talk = Conversation.objects.filter(organisation=org).order_by("-held_on").first()
    if talk is not None:
        offered = [c for c in citations.citable_for(org) if c.record == talk]
        citations.cite_from_post(
            acting_user=priya.respondent.user,
            assessment=priya,
            indicator=talk.indicator,
            data={"cite": [c.token for c in offered]},
        )
    sam = context.people["practitioner"]
    draft = services.assessment_start(
        acting_user=sam.user,
        round_=current,
        respondent=sam,
        perspective=Perspective.STAFF,
        project=sam.services.first(),
    )
    opening = current.version.indicators.first()
    assert opening is not None
    services.answers_save(
        acting_user=sam.user,
        assessment=draft,
        indicator=opening,
        answers=[services.Answer(level=lv, value=6) for lv in draft.levels],
    )
    _shier(context)


# Shier's pathways: the manager's answers reach level 4 for openings (ready to share
# decisions), level 3 for opportunities and level 2 for obligations (policy).
SHIER_REACHED = {"openings": 4, "opportunities": 3, "obligations": 2}


def _shier(context: DemoContext) -> None:
    org, today = context.organisation, context.today
    version = Framework.objects.get(organisation=org, key="shier-pathways").versions.get()
    opened = today - datetime.timedelta(days=21)
    round_ = services.round_open(
        acting_user=None,
        organisation=org,
        name=f"Pathways {_season(opened)}",
        version=version,
        opens_on=opened,
        due_on=today + datetime.timedelta(days=21),
    )
    manager = context.people["manager"]
    assessment = services.assessment_start(
        acting_user=manager.user, round_=round_, respondent=manager, perspective=Perspective.STAFF
    )
    for indicator in version.indicators.all():
        level, stage = indicator.key.removeprefix("level-").split("-", 1)
        answer = "yes" if int(level) <= SHIER_REACHED[stage] else "no"
        services.answers_save(
            acting_user=manager.user,
            assessment=assessment,
            indicator=indicator,
            answers=[services.Answer(level=lv, answer=answer) for lv in assessment.levels],
        )
    services.assessment_submit(acting_user=manager.user, assessment=assessment)


def _round_gaps(round_: Round) -> list[Indicator]:
    return [row.indicator for row in round_result(round_).gaps if row.needs_talk]

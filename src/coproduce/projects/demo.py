"""Demo projects: one in each stage of the cycle, Fran's climb up the ladder, and feedback
that is overdue."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from coproduce.core.demo import DemoContext
from coproduce.projects import services
from coproduce.projects.checklists import CHECKLISTS, STAGE_ORDER, Answer
from coproduce.projects.models import Status

PROJECTS = [
    # name, service, aims, forms, designed by, delivered by, stage
    (
        "Youth Voice Manifesto",
        "Youth Forum",
        "Young people write the youth service's priorities for next year.",
        ["co_planning", "co_prioritisation"],
        "together",
        "together",
        "planning",
    ),
    (
        "Young Carers Recruitment Drive",
        "Young Carers",
        "Reach young carers who have never been asked.",
        ["co_design"],
        "together",
        "professionals",
        "recruitment",
    ),
    (
        "Care Leavers' Guide",
        "Children in Care Council",
        "A guide to leaving care, written by those who have.",
        ["co_design", "co_delivery"],
        "young_people",
        "together",
        "getting_started",
    ),
    (
        "Youth Club Redesign",
        "Youth Forum",
        "Redesign the Friday youth club with the young people who use it.",
        ["co_design", "co_delivery", "co_management"],
        "together",
        "together",
        "activity",
    ),
    (
        "Mental Health Grants Panel",
        "Youth Forum",
        "Young people help decide which wellbeing projects are funded.",
        ["co_commissioning", "co_assessment"],
        "together",
        "together",
        "feeding_back",
    ),
    (
        "Summer Programme Review",
        "Young Carers",
        "Look back at the summer programme with the young carers.",
        ["co_assessment"],
        "together",
        "together",
        "evaluation",
    ),
]

# The same names and aims in Welsh (docs/welsh.md), so a Welsh reader sees Welsh.
WELSH = {
    "Youth Voice Manifesto": (
        "Maniffesto Llais Ieuenctid",
        "Pobl ifanc yn ysgrifennu blaenoriaethau'r gwasanaeth ieuenctid ar gyfer y flwyddyn nesaf.",
    ),
    "Young Carers Recruitment Drive": (
        "Ymgyrch Recriwtio Gofalwyr Ifanc",
        "Cyrraedd gofalwyr ifanc nad oes neb wedi gofyn iddyn nhw erioed.",
    ),
    "Care Leavers' Guide": (
        "Canllaw Gadael Gofal",
        "Canllaw i adael gofal, wedi'i ysgrifennu gan bobl sydd wedi gwneud hynny.",
    ),
    "Youth Club Redesign": (
        "Ailgynllunio'r Clwb Ieuenctid",
        "Ailgynllunio clwb ieuenctid nos Wener gyda'r bobl ifanc sy'n ei ddefnyddio.",
    ),
    "Mental Health Grants Panel": (
        "Panel Grantiau Iechyd Meddwl",
        "Pobl ifanc yn helpu i benderfynu pa brosiectau llesiant sy'n cael eu hariannu.",
    ),
    "Summer Programme Review": (
        "Adolygiad o'r Rhaglen Haf",
        "Edrych yn ôl ar y rhaglen haf gyda'r gofalwyr ifanc.",
    ),
}

ROLE = {
    # field: (English, Welsh)
    "title": ("Youth club designer", "Dylunydd y clwb ieuenctid"),
    "expectations": (
        "Come to most Friday planning sessions and share your ideas honestly.",
        "Dewch i'r rhan fwyaf o'r sesiynau cynllunio nos Wener a rhannwch eich syniadau'n onest.",
    ),
    "skills": (
        "Listening, planning, speaking up. We will help you with all of these.",
        "Gwrando, cynllunio, codi llais. Byddwn ni'n eich helpu chi gyda'r rhain i gyd.",
    ),
    "tasks": (
        "Plan activities, survey other members, help run two sessions a term.",
        "Cynllunio gweithgareddau, holi barn aelodau eraill, helpu i gynnal dwy sesiwn bob tymor.",
    ),
    "meeting_frequency": ("Fridays, 6pm to 7:30pm", "Bob nos Wener, 6yh tan 7:30yh"),
    "duration": ("One school term", "Un tymor ysgol"),
    "reward_notes": (
        "One time credit for every hour, and a facilitation course.",
        "Un credyd amser am bob awr, a chwrs hwyluso.",
    ),
}

# Fran's climb (after the case study in "All together now"): decoration, consulted,
# shared decisions, then young people leading.
FRAN_RUNGS = [2, 2, 5, 5, 6, 6, 7, 8]


def load(context: DemoContext) -> None:
    staff, org, today = context.staff, context.organisation, context.today
    user = staff.user
    projects = {}
    for name, service, aims, forms, designed, delivered, stage in PROJECTS:
        project = services.project_create(
            acting_user=user,
            organisation=org,
            name=name,
            aims=aims,
            service=context.services[service],
            forms=forms,
            designed_by=designed,
            delivered_by=delivered,
            in_scope="Which activities we run, when, and how we tell other young people about them.",
            out_of_scope="The overall budget and staff safety rules, which are set by the council.",
            translations={
                "name": {"en_gb": name, "cy": WELSH[name][0]},
                "aims": {"en_gb": aims, "cy": WELSH[name][1]},
            },
        )
        for done in STAGE_ORDER[: STAGE_ORDER.index(stage)]:
            answers: dict[str, tuple[str, str]] = {
                item: (Answer.YES.value, "") for item, _label in CHECKLISTS[done]
            }
            first = next(iter(answers))
            answers[first] = (Answer.MORE_WORK.value, "Still working on this with the group.")
            services.checklist_save(acting_user=user, project=project, stage=done, answers=answers)
            services.project_move(
                acting_user=user, project=project, to_stage=STAGE_ORDER[STAGE_ORDER.index(done) + 1]
            )
        projects[name] = project

    club = projects["Youth Club Redesign"]
    services.role_create(
        acting_user=user,
        project=club,
        rewards=["credits", "training"],
        translations={f: {"en_gb": en, "cy": cy} for f, (en, cy) in ROLE.items()},
        **{f: en for f, (en, _cy) in ROLE.items()},
    )
    people = context.people
    regulars = ["young", "tomos", "aisha", "mo", "kai", "sian"]
    sessions = []
    for week, fran_rung in enumerate(FRAN_RUNGS):
        day = today - datetime.timedelta(days=7 * (len(FRAN_RUNGS) - week))
        session = services.session_record(
            acting_user=user,
            project=club,
            date=day,
            duration_minutes=90,
            place="Bryn Valley Youth Centre",
            activity=[
                "Welcome evening",
                "Games night",
                "Survey planning",
                "Survey results",
                "Design workshop",
                "Budget choices",
                "Planning the launch",
                "Running the launch",
            ][week],
            start_time=datetime.time(18, 0),
        )
        entries = [(people["young"], True, fran_rung)]
        entries += [
            (people[u], (week + i) % 3 != 0, min(8, max(1, fran_rung - 1 + i % 2)))
            for i, u in enumerate(regulars[1:])
        ]
        services.attendance_record(acting_user=user, session=session, entries=entries)
        sessions.append(session)

    now = timezone.now()
    adopted = services.idea_record(
        acting_user=user,
        project=club,
        text="Open the club on Saturday afternoons too.",
        source="session",
        author=people["young"],
        owner=staff,
        session=sessions[2],
        created_at=now - datetime.timedelta(days=40),
    )
    services.response_give(
        acting_user=user,
        ideas=[adopted],
        status=Status.ADOPTED,
        action="Saturday sessions start next month, 1pm to 4pm.",
        feedback_given_on=today - datetime.timedelta(days=20),
        feedback_method="Told at the Friday session",
    )
    refused = services.idea_record(
        acting_user=user,
        project=club,
        text="Let us stay until 11pm.",
        source="session",
        group_name="Friday club members",
        owner=staff,
        session=sessions[3],
        created_at=now - datetime.timedelta(days=35),
    )
    services.response_give(
        acting_user=user,
        ideas=[refused],
        status=Status.NOT_ADOPTED,
        reason="The building closes at 9pm and staff rotas cannot stretch further; we added a late night once a month instead.",
        action="A monthly late night until 10pm.",
        feedback_given_on=today - datetime.timedelta(days=14),
        feedback_method="Posted on the club noticeboard",
    )
    services.idea_record(
        acting_user=user,
        project=club,
        text="Have a quiet room for people who find the main hall too loud.",
        source="young_person",
        author=people["aisha"],
        owner=staff,
        created_at=now - datetime.timedelta(days=45),
    )
    services.idea_record(
        acting_user=user,
        project=projects["Mental Health Grants Panel"],
        text="Fund projects that run in the school holidays.",
        source="on_behalf",
        author=people["tomos"],
        owner=people["manager"],
        created_at=now - datetime.timedelta(days=3),
    )

    for months_ago, staff_hours, yp_hours in [(3, "60", "20"), (2, "58", "26"), (1, "44", "38")]:
        month = (today.replace(day=1) - datetime.timedelta(days=28 * months_ago)).replace(day=1)
        services.monthly_hours_record(
            acting_user=user,
            project=club,
            month=month,
            staff_hours=Decimal(staff_hours),
            young_people_hours=Decimal(yp_hours),
        )
    services.inclusion_save(
        acting_user=user,
        project=club,
        young_person=people["lily"],
        barriers=["transport", "timing"],
        meeting_preferences="After 5pm on weekdays",
        support_given="Bus fares paid back",
        support_amount_pence=640,
    )

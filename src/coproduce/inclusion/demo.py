"""Demo inclusion: barriers and support on the Youth Club Redesign, access needs, equality
answers from some young people, payments awaiting and approved, and Fran asked often."""

from __future__ import annotations

import datetime

from coproduce.core.demo import DemoContext
from coproduce.inclusion import services
from coproduce.projects import services as projects
from coproduce.projects.selectors import project_named

EQUALITY = {
    # username: sex, gender same, ethnicity, disability, care, carer, language, district
    "young": ("female", "yes", "white_british", "no", "no", "no", "english", "CF37"),
    "tomos": ("male", "yes", "white_british", "send", "no", "no", "welsh", "CF38"),
    "aisha": ("female", "yes", "asian_bangladeshi", "no", "no", "yes", "english", "CF37"),
    "kai": (
        "male",
        "prefer_not",
        "mixed_white_black_caribbean",
        "no",
        "no",
        "no",
        "english",
        "CF37",
    ),
    "lily": ("female", "yes", "white_british", "no", "no", "yes", "welsh", "CF38"),
    "mo": ("male", "yes", "asian_pakistani", "prefer_not", "no", "no", "english", "CF37"),
    "jade": ("female", "yes", "white_british", "disability", "yes", "no", "english", "CF39"),
    "sian": ("female", "yes", "white_british", "no", "no", "no", "welsh", "CF38"),
}
FIELDS = (
    "sex",
    "gender_same_as_birth",
    "ethnicity",
    "disability",
    "care_experience",
    "young_carer",
    "first_language",
    "postcode_district",
)


def load(context: DemoContext) -> None:
    staff, manager, people = context.staff, context.people["manager"], context.people
    org, user = context.organisation, staff.user
    # Fran comes every week: more than six sessions in eight weeks is a lot to ask.
    services.settings_save(
        acting_user=manager.user,
        organisation=org,
        ask_limit=6,
        ask_weeks=8,
        equality_basis="consent",
    )
    services.area_deciles_save(
        acting_user=manager.user, organisation=org, deciles={"CF37": 2, "CF38": 4, "CF39": 7}
    )
    for username, answers in EQUALITY.items():
        member = people[username]
        services.equality_save(
            acting_user=member.user,
            membership=member,
            answers=dict(zip(FIELDS, answers, strict=True)),
        )
    services.needs_save(
        acting_user=user,
        membership=people["aisha"],
        acting_member=staff,
        needs=["timing", "communication"],
        notes="Cares for her mum after school: sessions after 6pm. Likes the plan in writing first.",
        first_language="english",
    )
    services.needs_save(
        acting_user=user,
        membership=people["tomos"],
        acting_member=staff,
        needs=["transport", "communication"],
        notes="Prefers to speak Welsh; lives out of town.",
        first_language="welsh",
    )
    services.needs_save(
        acting_user=user,
        membership=people["kai"],
        acting_member=staff,
        needs=["physical"],
        notes="Uses a wheelchair: ground floor rooms only.",
        first_language="english",
    )
    club = project_named(organisation=org, name="Youth Club Redesign")
    for username, barriers, support, pence in [
        ("tomos", ["transport"], "Bus fares paid back each week", 2400),
        ("aisha", ["timing"], "Sessions moved to 6pm; taxi home", 1850),
        ("kai", ["access"], "Booked the ground floor hall", None),
    ]:
        projects.inclusion_save(
            acting_user=user,
            project=club,
            young_person=people[username],
            barriers=barriers,
            support_given=support,
            support_amount_pence=pence,
        )
    fares = services.payment_record(
        acting_user=user,
        recorded_by=staff,
        young_person=people["tomos"],
        kind="travel",
        purpose="Bus fares to four Friday sessions",
        amount_pence=2400,
        method="cash",
        paid_on=context.today - datetime.timedelta(days=10),
        project=club,
    )
    services.payment_decide(
        acting_user=manager.user, decided_by=manager, payment=fares, approve=True
    )
    services.payment_record(
        acting_user=user,
        recorded_by=staff,
        young_person=people["aisha"],
        kind="voucher",
        purpose="Shopping voucher for the grants panel",
        amount_pence=2000,
        method="voucher",
        paid_on=context.today - datetime.timedelta(days=2),
    )

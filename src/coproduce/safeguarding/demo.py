"""Demo safeguarding: Dylan (the manager) is the Designated Safeguarding Lead with Amira as
deputy; a concern Sam recorded about Mo that Dylan is acting on; welfare information for the
young people going on a trip; the trip's risk assessment waiting for a manager to sign it off,
with Sam and Priya running it."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coproduce.core.demo import DemoContext
from coproduce.projects import services as projects
from coproduce.projects.selectors import project_named
from coproduce.safeguarding import services
from coproduce.safeguarding.selectors import checks_of

WELFARE = {
    # username: emergency contacts, medical, allergies, dietary, access, who may see it
    "young": ("Mum (Cerys Jones) 07700 900101", "Asthma: blue inhaler in her bag", "", "", ""),
    "tomos": ("Dad (Huw Davies) 07700 900102", "", "Peanuts: EpiPen, carried by staff", "", ""),
    "aisha": ("Aunt (Rukhsana Begum) 07700 900103", "", "", "Halal", ""),
    "kai": ("Mum (Leanne Thomas) 07700 900104", "", "", "", "Wheelchair user: step-free only"),
}
GOING = ["young", "tomos", "aisha", "kai"]


def load(context: DemoContext) -> None:
    org, people, today = context.organisation, context.people, context.today
    sam, lead, deputy = context.staff, people["manager"], people["admin"]
    services.team_set(acting_user=lead.user, organisation=org, lead=lead, deputies=[deputy])

    concern = services.concern_record(
        acting_user=sam.user,
        reporter=sam,
        young_person=people["mo"],
        happened_at=timezone.now() - datetime.timedelta(days=3, hours=2),
        what_happened=(
            "Mo arrived hungry for the third Friday running and said there was no food at home. "
            "He was quieter than usual and left early."
        ),
        their_words="There's nothing in the cupboards since Mum lost her job.",
        others_present="Priya Patel",
        immediate_action="Gave him food from the club kitchen and told him I would pass it on.",
    )
    services.concern_action_record(
        acting_user=lead.user,
        lead=lead,
        concern=concern,
        kind="early_help",
        taken_on=today - datetime.timedelta(days=2),
        reference="EH-2026-0412",
        details="Spoke to Mo's mum, who agreed to an Early Help assessment; food bank referral made.",
    )
    for username, (contacts, medical, allergies, dietary, access) in WELFARE.items():
        services.welfare_set(
            acting_user=lead.user,
            editor=lead,
            young_person=people[username],
            emergency_contacts=contacts,
            medical_conditions=medical,
            allergies=allergies,
            dietary_needs=dietary,
            access_needs=access,
            visible_to="session_staff",
        )

    club = project_named(organisation=org, name="Youth Club Redesign")
    trip = projects.session_record(
        acting_user=sam.user,
        project=club,
        date=today + datetime.timedelta(days=12),
        duration_minutes=360,
        place="The Senedd, Cardiff Bay",
        activity="Trip to the Senedd to present the club's plans",
        start_time=datetime.time(9, 30),
    )
    projects.attendance_record(
        acting_user=sam.user, session=trip, entries=[(people[u], True, None) for u in GOING]
    )
    services.session_staff_set(
        acting_user=sam.user, editor=sam, session=trip, staff=[sam, people["priya"]]
    )
    assessment = services.risk_assessment_save(
        acting_user=sam.user, session=trip, is_trip=True, staff=[sam, people["priya"]]
    )
    services.risk_assessment_save(
        acting_user=sam.user,
        session=trip,
        is_trip=True,
        staff=[sam, people["priya"]],
        controls={
            c.pk: "Minibus booked from the council pool; Sam and Priya both hold first aid."
            for c in checks_of(assessment)[:1]
        },
        done={c.pk for c in checks_of(assessment)},
    )

"""The demo organisation: realistic people for trying Coproduce and for browser tests.

Apps add their own demo data by registering a loader in their `AppConfig.ready()`:
`hooks.demo_loaders.register(demo.load)`, called as load(context) after the people exist.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction

from coproduce.core import hooks
from coproduce.core.demo import DEMO_PASSWORD, DemoContext
from coproduce.core.tenancy import all_organisations
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import organisation_with_slug
from coproduce.organisations.services import organisation_create, person_add, service_create

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

__all__ = ["DEMO_PASSWORD", "DEMO_SLUG", "SIGN_INS", "load_demo"]

DEMO_SLUG = "bryn-valley"

STAFF = [
    # username, first, last, role, services
    ("admin", "Amira", "Khan", Role.ADMIN, []),
    ("manager", "Dylan", "Evans", Role.MANAGER, ["Youth Forum", "Children in Care Council"]),
    ("practitioner", "Sam", "Hughes", Role.PRACTITIONER, ["Youth Forum", "Young Carers"]),
    ("priya", "Priya", "Patel", Role.PRACTITIONER, ["Children in Care Council"]),
    ("commissioner", "Chris", "Morgan", Role.COMMISSIONER, []),
]
# username, first, last, preferred, age in years, in care, services
YOUNG_PEOPLE = [
    ("young", "Francesca", "Jones", "Fran", 16, False, ["Youth Forum"]),
    ("jade", "Jade", "Williams", "", 14, True, ["Children in Care Council"]),
    ("tomos", "Tomos", "Davies", "Tom", 12, False, ["Youth Forum"]),
    ("aisha", "Aisha", "Begum", "", 17, False, ["Youth Forum", "Young Carers"]),
    ("kai", "Kai", "Thomas", "", 19, False, ["Youth Forum"]),
    ("lily", "Lily", "Roberts", "", 11, False, ["Young Carers"]),
    ("mo", "Mohammed", "Ali", "Mo", 15, False, ["Youth Forum"]),
    ("ellie", "Eleanor", "Price", "Ellie", 13, False, ["Children in Care Council"]),
    ("rhys", "Rhys", "Lewis", "", 21, False, ["Youth Forum"]),
    ("zara", "Zara", "Okafor", "", 18, False, ["Young Carers"]),
    ("owen", "Owen", "Jenkins", "", 24, False, ["Youth Forum"]),
    ("sian", "Siân", "Morgan", "", 16, False, ["Youth Forum"]),
]
SERVICES = [
    ("Youth Forum", "Young people's voice in the council's youth service."),
    ("Young Carers", "Support and activities for young carers aged 11 to 18."),
    (
        "Children in Care Council",
        "Children and young people in care shaping the services they use.",
    ),
]
SIGN_INS = [
    ("Organisation admin", "admin"),
    ("Manager", "manager"),
    ("Practitioner", "practitioner"),
    ("Young person (Fran, 16)", "young"),
    ("Young person in care (Jade, 14)", "jade"),
    ("Commissioner", "commissioner"),
]


def _birthday(today: datetime.date, age: int, offset_days: int) -> datetime.date:
    return today.replace(year=today.year - age) - datetime.timedelta(days=offset_days)


def load_demo(*, today: datetime.date | None = None) -> DemoContext | None:
    """Create the demo organisation once. Returns None when it already exists."""
    today = today or datetime.date.today()  # noqa: DTZ011
    with transaction.atomic(), all_organisations():
        if organisation_with_slug(DEMO_SLUG) is not None:
            return None
        org = organisation_create(name="Bryn Valley Youth Service", slug=DEMO_SLUG)
        services = {
            name: service_create(acting_user=None, organisation=org, name=name, description=desc)
            for name, desc in SERVICES
        }
        people: dict[str, Membership] = {}
        for username, first, last, role, service_names in STAFF:
            people[username] = person_add(
                acting_user=None,
                organisation=org,
                first_name=first,
                last_name=last,
                role=role,
                email=f"{username}@bryn-valley.example",
                username=username,
                password=DEMO_PASSWORD,
                services=[services[s] for s in service_names],
            )
        for i, (username, first, last, preferred, age, in_care, service_names) in enumerate(
            YOUNG_PEOPLE
        ):
            people[username] = person_add(
                acting_user=None,
                organisation=org,
                first_name=first,
                last_name=last,
                preferred_name=preferred,
                role=Role.YOUNG_PERSON,
                username=username,
                date_of_birth=_birthday(today, age, 30 + i * 17),
                in_care=in_care,
                password=DEMO_PASSWORD,
                services=[services[s] for s in service_names],
            )
        context = DemoContext(organisation=org, services=services, people=people, today=today)
        for loader in hooks.demo_loaders:
            loader(context)
    return context

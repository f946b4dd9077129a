"""Roles and the named capabilities each one holds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    MANAGER = "manager", _("Manager")
    PRACTITIONER = "practitioner", _("Practitioner")
    YOUNG_PERSON = "young_person", _("Young person")
    COMMISSIONER = "commissioner", _("Commissioner")


STAFF = frozenset({Role.ADMIN, Role.MANAGER, Role.PRACTITIONER})

CAPABILITIES: dict[str, frozenset[str]] = {
    "staff": STAFF,
    "manage_people": frozenset({Role.ADMIN, Role.MANAGER}),
    "add_young_people": STAFF,
    "manage_organisation": frozenset({Role.ADMIN}),
    "view_audit": frozenset({Role.ADMIN}),
    # Staff with a reason to know: the practitioners and managers who work with young people.
    "see_care_status": STAFF,
    "young_person": frozenset({Role.YOUNG_PERSON}),
    "observe": frozenset({Role.COMMISSIONER}),
    # Starting, setting up, moderating and deciding a commissioning round (a panel chair a
    # manager names may also run their round; other staff score only when seated).
    "decide_commissioning": frozenset({Role.ADMIN, Role.MANAGER}),
    # Equality monitoring answers (special category data): seen only in aggregate, and only
    # by the managers and admins who report on them.
    "view_equality": frozenset({Role.ADMIN, Role.MANAGER}),
    # Approving money given to young people (a different person from whoever recorded it).
    "approve_payments": frozenset({Role.ADMIN, Role.MANAGER}),
    # Safeguarding: every member of staff records a concern; the Designated Safeguarding Lead
    # and deputies (named in coproduce.safeguarding) read them. Managers sign off trips.
    "record_concerns": STAFF,
    "sign_off_trips": frozenset({Role.ADMIN, Role.MANAGER}),
    "member": frozenset(Role.values),
}


def has_capability(role: str, capability: str) -> bool:
    try:
        return role in CAPABILITIES[capability]
    except KeyError:
        raise ValueError(f"unknown capability {capability!r}") from None

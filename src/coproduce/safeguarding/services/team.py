"""Naming the Designated Safeguarding Lead and deputies; the organisation's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.safeguarding.models import SafeguardingRole, SafeguardingSettings
from coproduce.safeguarding.selectors import settings_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def team_set(
    *,
    acting_user: User,
    organisation: Organisation,
    lead: Membership | None,
    deputies: list[Membership],
) -> list[SafeguardingRole]:
    """Replace the lead and deputies (all active staff of this organisation)."""
    people = ([lead] if lead else []) + [d for d in deputies if d != lead]
    for person in people:
        if person.organisation_id != organisation.pk or not person.can("staff"):
            raise ValidationError({"lead": _("Choose members of staff of your organisation.")})
    with transaction.atomic():
        SafeguardingRole.objects.filter(organisation=organisation).delete()
        roles = []
        for person in people:
            role = SafeguardingRole(
                organisation=organisation, membership=person, is_lead=person == lead
            )
            role.full_clean(validate_constraints=False)
            role.save()
            roles.append(role)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="safeguarding.team.set",
            target=organisation,
            details={"lead": lead.pk if lead else None, "deputies": [d.pk for d in people[1:]]},
        )
    return roles


def safeguarding_settings_set(
    *,
    acting_user: User,
    organisation: Organisation,
    acknowledge_within_hours: int,
    retention_years: int,
    young_people_per_staff: int,
) -> SafeguardingSettings:
    with transaction.atomic():
        found = settings_for(organisation=organisation)
        found.acknowledge_within_hours = acknowledge_within_hours
        found.retention_years = retention_years
        found.young_people_per_staff = young_people_per_staff
        found.full_clean()
        found.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="safeguarding.settings.set",
            target=found,
            changed_fields=[
                "acknowledge_within_hours",
                "retention_years",
                "young_people_per_staff",
            ],
        )
    return found

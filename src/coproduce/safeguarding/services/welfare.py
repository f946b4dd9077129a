"""Welfare information about a young person: contacts, medical needs, allergies, access."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record, changed_fields, snapshot
from coproduce.safeguarding.models import WelfareInfo
from coproduce.safeguarding.selectors import may_see_welfare, welfare_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

FIELDS = (*WelfareInfo.PERSONAL_FIELDS, "visible_to")


def welfare_set(
    *,
    acting_user: User,
    editor: Membership,
    young_person: Membership,
    emergency_contacts: str,
    medical_conditions: str,
    allergies: str,
    dietary_needs: str,
    access_needs: str,
    visible_to: str,
) -> WelfareInfo:
    """Record or change it: managers and the safeguarding team, or any member of staff when
    nothing restricts it yet."""
    if not young_person.is_young_person or young_person.organisation_id != editor.organisation_id:
        raise ValidationError(_("Choose a young person in your organisation."))
    with transaction.atomic():
        info = welfare_of(young_person) or WelfareInfo(
            organisation=young_person.organisation, young_person=young_person
        )
        if not (editor.can("staff") and may_see_welfare(editor, info, running=True)):
            raise PermissionDenied
        before = snapshot(info, FIELDS)
        info.emergency_contacts = emergency_contacts
        info.medical_conditions = medical_conditions
        info.allergies = allergies
        info.dietary_needs = dietary_needs
        info.access_needs = access_needs
        info.visible_to = visible_to
        info.updated_at = timezone.now()
        info.full_clean()
        info.save()
        audit_record(
            acting_user=acting_user,
            organisation=info.organisation,
            verb="safeguarding.welfare.set",
            target=info,
            changed_fields=changed_fields(info, before),
        )
    return info

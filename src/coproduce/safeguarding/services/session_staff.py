"""Who runs a session: named from its session sheet, they see its young people's welfare
information."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.safeguarding.models import SessionStaff

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Session


def session_staff_set(
    *, acting_user: User, editor: Membership, session: Session, staff: list[Membership]
) -> list[SessionStaff]:
    """Replace the staff running a session (active staff of the session's organisation)."""
    if not editor.can("staff") or editor.organisation_id != session.organisation_id:
        raise PermissionDenied
    for person in staff:
        if person.organisation_id != session.organisation_id or not person.can("staff"):
            raise ValidationError({"staff": _("Choose members of staff of your organisation.")})
    with transaction.atomic():
        SessionStaff.objects.filter(organisation=session.organisation, session=session).delete()
        rows = []
        for person in dict.fromkeys(staff):
            row = SessionStaff(organisation=session.organisation, session=session, member=person)
            row.full_clean(validate_constraints=False)
            row.save()
            rows.append(row)
        audit_record(
            acting_user=acting_user,
            organisation=session.organisation,
            verb="safeguarding.session_staff.set",
            target=session,
            details={"staff": [r.member_id for r in rows]},
        )
    return rows

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.projects.selectors import is_in_project
from coproduce.story.models import Mentoring

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


def mentoring_name(
    *, acting_user: User, project: Project, mentor: Membership, mentee: Membership
) -> Mentoring:
    """Name an older young person mentor of a younger one, both in the project."""
    errors: dict[str, str] = {}
    for field, person in (("mentor", mentor), ("mentee", mentee)):
        if (
            person.organisation_id != project.organisation_id
            or not person.is_young_person
            or not is_in_project(membership=person, project=project)
        ):
            errors[field] = _("Choose a young person who is in this project")
    if mentor.pk == mentee.pk:
        errors["mentee"] = _("Choose two different young people")
    if not errors:
        today = timezone.localdate()
        mentor_age, mentee_age = mentor.user.age_on(today), mentee.user.age_on(today)
        if mentor_age is None or mentee_age is None:
            errors["mentor"] = _("Record both dates of birth first")
        elif mentor.user.date_of_birth >= mentee.user.date_of_birth:  # type: ignore[operator]
            errors["mentor"] = _("The mentor must be older than the young person they mentor")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        mentoring = Mentoring(
            organisation=project.organisation,
            project=project,
            mentor=mentor,
            mentee=mentee,
            created_by=acting_user,
        )
        mentoring.full_clean()
        mentoring.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="mentoring.name",
            target=mentoring,
            details={"project": project.pk},
        )
    return mentoring

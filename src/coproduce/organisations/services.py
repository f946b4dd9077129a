"""Writes for organisations, services and people. Each takes the acting user and
records the change in the audit trail inside the same transaction."""

from __future__ import annotations

import datetime
import re
import secrets
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record, changed_fields, snapshot
from coproduce.core.dates import young_birth_date_problem
from coproduce.organisations.models import Membership, Organisation, Service
from coproduce.organisations.roles import STAFF, Role

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def organisation_create(*, name: str, slug: str) -> Organisation:
    with transaction.atomic():
        organisation = Organisation(name=name, slug=slug)
        organisation.full_clean()
        organisation.save()
        audit_record(
            acting_user=None,
            organisation=organisation,
            verb="organisation.create",
            target=organisation,
            details={"name": name},
        )
    return organisation


def service_create(
    *, acting_user: User | None, organisation: Organisation, name: str, description: str = ""
) -> Service:
    with transaction.atomic():
        service = Service(organisation=organisation, name=name, description=description)
        service.full_clean()
        service.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="service.create",
            target=service,
            details={"name": name},
        )
    return service


def service_update(
    *, acting_user: User | None, service: Service, name: str, description: str, is_active: bool
) -> Service:
    with transaction.atomic():
        before = snapshot(service, ("name", "description", "is_active"))
        service.name, service.description, service.is_active = name, description, is_active
        service.full_clean()
        service.save()
        audit_record(
            acting_user=acting_user,
            organisation=service.organisation,
            verb="service.update",
            target=service,
            changed_fields=changed_fields(service, before),
        )
    return service


def _username_for(first_name: str, last_name: str) -> str:
    base = unicodedata.normalize("NFKD", f"{first_name}.{last_name[:1]}").encode("ascii", "ignore")
    stem = re.sub(r"[^a-z0-9.]", "", base.decode().lower()).strip(".") or "member"
    for _attempt in range(20):
        candidate = f"{stem}{secrets.randbelow(900) + 100}"
        if not get_user_model().objects.filter(username=candidate).exists():
            return candidate
    return f"{stem}{secrets.token_hex(4)}"


def validate_person(
    *,
    role: str,
    email: str,
    date_of_birth: datetime.date | None,
    in_care: bool,
    today: datetime.date,
    date_of_birth_before: datetime.date | None = None,
) -> None:
    errors: dict[str, str] = {}
    if role == Role.YOUNG_PERSON and date_of_birth is None:
        errors["date_of_birth"] = _("Enter the young person's date of birth")
    if date_of_birth and date_of_birth >= today:
        errors["date_of_birth"] = _("Date of birth must be in the past")
    elif role == Role.YOUNG_PERSON and date_of_birth and date_of_birth != date_of_birth_before:
        # Checked when typed: a young person on the books may grow past the range.
        problem = young_birth_date_problem(date_of_birth, today=today)
        if problem:
            errors["date_of_birth"] = problem
    if role in STAFF and not email:
        errors["email"] = _("Enter an email address for staff, so they can reset their password")
    if in_care and role != Role.YOUNG_PERSON:
        errors["in_care"] = _("Only a young person can be recorded as in care")
    if errors:
        raise ValidationError(errors)


def person_add(
    *,
    acting_user: User | None,
    organisation: Organisation,
    first_name: str,
    last_name: str,
    role: str,
    preferred_name: str = "",
    email: str = "",
    date_of_birth: datetime.date | None = None,
    in_care: bool = False,
    services: Iterable[Service] = (),
    username: str | None = None,
    password: str | None = None,
) -> Membership:
    """Create a person's account and their membership of the organisation."""
    validate_person(
        role=role,
        email=email,
        date_of_birth=date_of_birth,
        in_care=in_care,
        today=datetime.date.today(),  # noqa: DTZ011 - a birthday is a calendar date
    )
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model(
            username=username or _username_for(first_name, last_name),
            first_name=first_name,
            last_name=last_name,
            preferred_name=preferred_name,
            email=email,
            date_of_birth=date_of_birth,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
            user.must_set_password = True
        user.full_clean()
        user.save()
        membership = Membership(organisation=organisation, user=user, role=role, in_care=in_care)
        membership.full_clean()
        membership.save()
        membership.services.set(list(services))
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="person.add",
            target=membership,
            changed_fields=[*user_model.PERSONAL_FIELDS, "in_care"],
            details={"role": role},
        )
    return membership


PERSON_USER_FIELDS = ("first_name", "last_name", "preferred_name", "email", "date_of_birth")


def person_update(
    *,
    acting_user: User | None,
    membership: Membership,
    first_name: str,
    last_name: str,
    preferred_name: str,
    email: str,
    date_of_birth: datetime.date | None,
    role: str,
    in_care: bool,
    is_active: bool,
    services: Iterable[Service],
) -> Membership:
    validate_person(
        role=role,
        email=email,
        date_of_birth=date_of_birth,
        in_care=in_care,
        today=datetime.date.today(),  # noqa: DTZ011
        date_of_birth_before=membership.user.date_of_birth,
    )
    user = membership.user
    with transaction.atomic():
        user_before = snapshot(user, PERSON_USER_FIELDS)
        member_before = snapshot(membership, ("role", "in_care", "is_active"))
        old_services = set(membership.services.values_list("pk", flat=True))
        user.first_name, user.last_name, user.preferred_name = first_name, last_name, preferred_name
        user.email, user.date_of_birth = email, date_of_birth
        user.full_clean()
        user.save()
        membership.role, membership.in_care, membership.is_active = role, in_care, is_active
        membership.full_clean()
        membership.save()
        services = list(services)
        membership.services.set(services)
        changed = changed_fields(user, user_before) + changed_fields(membership, member_before)
        if old_services != {s.pk for s in services}:
            changed.append("services")
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="person.update",
            target=membership,
            changed_fields=changed,
            # Role and status are not personal data; their new values help admins.
            details={k: getattr(membership, k) for k in ("role", "is_active") if k in changed},
        )
    return membership


def organisation_sharing_set(*, acting_user: User, organisation: Organisation, share: bool) -> None:
    """Share (or stop sharing) the organisation's reports with its commissioners. Only an
    organisation admin does this (the view checks); it is audited either way."""
    with transaction.atomic():
        organisation.share_with_commissioners = share
        organisation.save(update_fields=["share_with_commissioners"])
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="sharing.set",
            target=organisation,
            details={"share_with_commissioners": share},
        )


def organisation_language_set(
    *, acting_user: User, organisation: Organisation, language: str
) -> None:
    """The language for members who have not chosen one (an admin sets it; audited)."""
    with transaction.atomic():
        organisation.default_language = language
        organisation.full_clean(validate_unique=False, validate_constraints=False)
        organisation.save(update_fields=["default_language"])
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="language.set",
            target=organisation,
            details={"default_language": language},
        )

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from coproduce.core.prepared import PreparedAcrossOrganisations
from coproduce.core.tenancy import all_organisations, get_for
from coproduce.organisations.models import Membership, Organisation, Service
from coproduce.organisations.roles import STAFF, Role


def choose_membership(
    memberships: list[Membership], organisation_id: int | None
) -> Membership | None:
    """The membership a signed-in person acts through: the chosen one, else the first."""
    for membership in memberships:
        if membership.organisation_id == organisation_id:
            return membership
    return memberships[0] if memberships else None


# Read on every signed-in request the shared cache does not answer: prepared (core.prepared).
_MEMBERSHIPS = PreparedAcrossOrganisations(
    lambda user: (
        Membership.objects.filter(user_id=user, is_active=True)
        .select_related("organisation")
        .order_by("pk")
    ),
    user=int,
)


def memberships_of(user: Any) -> list[Membership]:
    """A person's active memberships, oldest first; none for a visitor who is not signed in."""
    if not getattr(user, "is_authenticated", False):
        return []
    memberships: list[Membership] = _MEMBERSHIPS(user=user.pk)
    for membership in memberships:
        membership.user = user  # the signed-in user is already loaded
    return memberships


def active_membership_of(user: Any, *, organisation_id: int) -> Membership | None:
    """A person's active membership of one organisation (with it loaded), if they have one.
    Call inside a scope, or `all_organisations()` when the organisation is not yet known."""
    return (
        Membership.objects.filter(organisation_id=organisation_id, user=user, is_active=True)
        .select_related("organisation")
        .first()
    )


def services_for(*, organisation: Organisation) -> QuerySet[Service]:
    return Service.objects.filter(organisation=organisation).order_by("name")


def get_service_for(*, organisation: Organisation | None, pk: int) -> Service:
    return get_for(Service, organisation=organisation, pk=pk)


def people_for(
    *, organisation: Organisation | int, role: str | None = None, search: str = ""
) -> QuerySet[Membership]:
    qs = Membership.objects.filter(organisation=organisation).select_related("user")
    if role:
        qs = qs.filter(role=role)
    if search:
        from django.db.models import Q

        qs = qs.filter(
            Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(user__preferred_name__icontains=search)
            | Q(user__username__icontains=search)
        )
    return qs


def get_person_for(*, organisation: Organisation | None, pk: int) -> Membership:
    return get_for(
        Membership.objects.select_related("user").prefetch_related("services"),
        organisation=organisation,
        pk=pk,
    )


def young_people_for(*, organisation: Organisation | int) -> QuerySet[Membership]:
    return people_for(organisation=organisation, role=Role.YOUNG_PERSON).filter(is_active=True)


def get_person_visible_to(*, viewer: Membership, pk: int) -> Membership:
    """A person's record as a member of staff may see it: managers see everyone,
    practitioners the young people; anything else answers 404."""
    membership = get_person_for(organisation=viewer.organisation, pk=pk)
    if not viewer.can("manage_people") and not membership.is_young_person:
        raise Http404
    return membership


def organisation_with_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def staff_for(*, organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's active staff (admins, managers, practitioners), with their users."""
    return Membership.objects.filter(
        organisation=organisation, is_active=True, role__in=STAFF
    ).select_related("user")


def organisations_to_sweep(*, slug: str = "") -> list[Organisation]:
    """For a scheduled job: every organisation (oldest first), or only the one with `slug`."""
    with all_organisations():
        query = Organisation.objects.order_by("pk")
        if slug:
            query = query.filter(slug=slug)
        return list(query)


def active_services_for(*, organisation: Organisation) -> QuerySet[Service]:
    """The organisation's services still running, by name (for choosing one on a form)."""
    return services_for(organisation=organisation).filter(is_active=True)


def member_elsewhere(membership: Membership) -> bool:
    """Whether the person has another membership that is not erased (their account stays)."""
    return (
        Membership.objects.filter(user_id=membership.user_id, erased_at__isnull=True)
        .exclude(pk=membership.pk)
        .exists()
    )


def young_people_unseen_since(
    *, organisation: Organisation, joined_before: datetime.date, since: datetime.datetime
) -> QuerySet[Membership]:
    """Young people not yet erased (active or not) who joined before `joined_before` and have
    not signed in since `since`: whom a retention policy may erase, with their users."""
    from django.db.models import Q

    return (
        Membership.objects.filter(
            organisation=organisation,
            role=Role.YOUNG_PERSON,
            erased_at__isnull=True,
            joined_on__lt=joined_before,
        )
        .filter(Q(user__last_login__isnull=True) | Q(user__last_login__lt=since))
        .select_related("user")
    )


def names_around(user: Any) -> list[str]:
    """The names (and web names) of a person's organisations and their services: words an
    attacker who knows where they belong would try in a password."""
    if getattr(user, "pk", None) is None:
        return []
    with all_organisations():
        organisations = list(
            Membership.objects.filter(user=user).values_list(
                "organisation_id", "organisation__name", "organisation__slug"
            )
        )
        services = list(
            Service.objects.filter(
                organisation_id__in=[pk for pk, _, _ in organisations]
            ).values_list("name", flat=True)
        )
    return [text for _, name, slug in organisations for text in (name, slug)] + services


def language_of(membership: Membership) -> str:
    """The language to write to a member in (messages, documents made for them): their own
    choice, else their organisation's default (Welsh Language Standards)."""
    from django.conf import settings

    return (
        membership.user.language
        or membership.organisation.default_language
        or settings.LANGUAGE_CODE
    )

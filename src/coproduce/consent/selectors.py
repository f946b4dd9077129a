from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.consent.models import (
    IMAGE_USES,
    PARENTAL_CONSENT_UNDER,
    Consent,
    ConsentRequest,
    GivenBy,
    RequestStatus,
    RetentionPolicy,
    Use,
)
from coproduce.core.tenancy import all_organisations, get_for, settings_or_defaults
from coproduce.organisations.selectors import young_people_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation

T = TypeVar("T")


def consents_of(membership: Membership) -> QuerySet[Consent]:
    return Consent.objects.filter(organisation=membership.organisation, young_person=membership)


def get_consent_for(*, organisation: Organisation | None, pk: int) -> Consent:
    return get_for(
        Consent.objects.select_related("young_person__user"), organisation=organisation, pk=pk
    )


def consent_problem(membership: Membership, use: str, on: datetime.date) -> str | None:
    """Why a use is not allowed on a day (None when a valid consent covers it)."""
    return _problem_given(membership, use, on, consents_of(membership).filter(use=use))


def _problem_given(
    membership: Membership, use: str, on: datetime.date, consents: Iterable[Consent]
) -> str | None:
    if membership.in_care and use in IMAGE_USES:
        return _("in care: identifiable photos and film are never published")
    problem = _(
        "no consent recorded: ask them, or their parent or carer if under 16, before using it"
    )
    for consent in sorted(consents, key=lambda c: (c.given_on, c.pk)):
        if consent.withdrawn_at is not None and consent.withdrawn_at.date() <= on:
            problem = _(
                "consent withdrawn on %(day)s: leave it out, or ask again if they want to"
            ) % {"day": date_format(consent.withdrawn_at.date(), "j M Y")}
            continue
        if consent.expires_on and consent.expires_on < on:
            problem = _("consent expired on %(day)s: ask again before using it") % {
                "day": date_format(consent.expires_on, "j M Y")
            }
            continue
        if consent.given_on > on:
            continue
        age = membership.user.age_on(consent.given_on)
        if age is None or (age < PARENTAL_CONSENT_UNDER and consent.given_by != GivenBy.PARENT):
            problem = _("under 16 when consent was given, so a parent or carer must give it too")
            continue
        return None
    return problem


def consent_valid(membership: Membership, use: str, on: datetime.date) -> bool:
    return consent_problem(membership, use, on) is None


@dataclass
class Left:
    item: object
    reasons: list[str]


@dataclass
class Publishable(Generic[T]):
    included: list[T]
    left_out: list[Left]


def publishable(
    items: Sequence[tuple[T, Iterable[Membership]]], use: str, on: datetime.date
) -> Publishable[T]:
    """Keep an item only when every identifiable young person has valid consent for this use.

    Call it whenever something is published (a board, a report, a certificate), so a
    withdrawal removes the item from anything built afterwards. Staff see the reasons.
    """
    included: list[T] = []
    left_out: list[Left] = []
    items = [(item, list(people)) for item, people in items]
    # One read for everyone in the batch, not one per person per item.
    held: dict[int, list[Consent]] = {}
    everyone = {person.pk: person for _item, people in items for person in people}
    if everyone:
        organisations = {person.organisation_id for person in everyone.values()}
        for consent in Consent.objects.filter(
            organisation__in=organisations, young_person__in=everyone, use=use
        ):
            held.setdefault(consent.young_person_id, []).append(consent)
    for item, people in items:
        reasons = []
        for person in people:
            problem = _problem_given(person, use, on, held.get(person.pk, []))
            if problem:
                reasons.append(f"{person.user.display_name}: {problem}")
        if reasons:
            left_out.append(Left(item, reasons))
        else:
            included.append(item)
    return Publishable(included, left_out)


def settings_for(*, organisation: Organisation) -> RetentionPolicy:
    """The organisation's retention policy (unsaved, keep-until-asked, until someone sets one)."""
    return settings_or_defaults(RetentionPolicy, organisation=organisation)


# ---- requests to parents and carers ----


def hash_token(raw: str) -> str:
    """Only this hash of a link's secret is stored."""
    return hashlib.sha256(raw.encode()).hexdigest()


def consent_requests_for(*, organisation: Organisation) -> QuerySet[ConsentRequest]:
    return (
        ConsentRequest.objects.filter(organisation=organisation)
        .select_related("young_person__user")
        .prefetch_related(
            Prefetch("consents", queryset=Consent.objects.filter(organisation=organisation))
        )
    )


def consent_requests_of(membership: Membership) -> QuerySet[ConsentRequest]:
    return consent_requests_for(organisation=membership.organisation).filter(
        young_person=membership
    )


def get_consent_request_for(*, organisation: Organisation | None, pk: int) -> ConsentRequest:
    return get_for(
        ConsentRequest.objects.select_related("young_person__user"),
        organisation=organisation,
        pk=pk,
    )


def link_open(consent_request: ConsentRequest, now: datetime.datetime) -> bool:
    """A link works to answer until it expires, and once answered until the consent it gave
    runs out (so the parent or carer can come back to withdraw); never once replaced."""
    if consent_request.cancelled_at is not None:
        return False
    if consent_request.answered_at is None:
        return consent_request.expires_at > now
    return consent_request.consent_until >= timezone.localdate(now)


def consent_request_by_token(raw: str) -> ConsentRequest | None:
    """The request a link opens, or None for a wrong, replaced or expired link.

    The link is the parent or carer's only key, so it is looked up across organisations; the
    caller then works inside the request's organisation only.
    """
    if not raw or len(raw) > 100:
        return None
    with all_organisations():
        found = (
            ConsentRequest.objects.filter(token_hash=hash_token(raw))
            .select_related("young_person__user", "organisation")
            .first()
        )
    if found is None or not link_open(found, timezone.now()):
        return None
    return found


def request_status(consent_request: ConsentRequest, now: datetime.datetime) -> str:
    """Sent, opened, answered, withdrawn (everything it gave is withdrawn), expired, replaced.

    Reads `consents` (prefetched by `consent_requests_for`)."""
    if consent_request.cancelled_at is not None:
        return RequestStatus.CANCELLED
    if consent_request.answered_at is not None:
        given = list(consent_request.consents.all())
        if given and all(c.withdrawn_at is not None for c in given):
            return RequestStatus.WITHDRAWN
        if not link_open(consent_request, now):
            return RequestStatus.EXPIRED
        return RequestStatus.ANSWERED
    if not link_open(consent_request, now):
        return RequestStatus.EXPIRED
    return RequestStatus.OPENED if consent_request.opened_at else RequestStatus.SENT


def uses_asked(membership: Membership) -> list[str]:
    """The uses a link asks about: for a child in care, never identifiable photos or film."""
    return [use for use in Use.values if not (membership.in_care and use in IMAGE_USES)]


def parent_must_consent(membership: Membership, on: datetime.date) -> bool:
    """Under 16 on the day: a parent or carer (or whoever holds delegated authority) consents."""
    age = membership.user.age_on(on)
    return age is not None and age < PARENTAL_CONSENT_UNDER


def consent_missing(*, organisation: Organisation, on: datetime.date) -> list[Membership]:
    """Active young people with no valid consent for any use they could be asked about:
    nothing recorded, or all of it withdrawn, expired or given without a parent when needed."""
    people = list(young_people_for(organisation=organisation).select_related("user"))
    held: dict[int, list[Consent]] = {}
    for consent in Consent.objects.filter(organisation=organisation, young_person__in=people):
        held.setdefault(consent.young_person_id, []).append(consent)
    missing = []
    for person in people:
        mine = held.get(person.pk, [])
        if not any(
            _problem_given(person, use, on, [c for c in mine if c.use == use]) is None
            for use in uses_asked(person)
        ):
            missing.append(person)
    return missing

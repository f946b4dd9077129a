"""Requests to parents and carers: a secure link to give, refuse or withdraw consent online.

The link's secret is shown once (to send or print) and only its hash is kept. The parent or
carer has no account: what they do is audited with no actor, and the consent they give is
recorded by the member of staff who sent the link, marked as given through it.
"""

from __future__ import annotations

import datetime
import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.consent.models import PARENTAL_CONSENT_UNDER, ConsentRequest, GivenBy
from coproduce.consent.selectors import hash_token, link_open, uses_asked
from coproduce.consent.services import _create, consent_withdraw
from coproduce.notifications.services import Contact, message_send

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

# How long a parent or carer has to answer a link.
DAYS_TO_ANSWER = 28
# The longest a consent given through a link may last before asking again.
LONGEST_CONSENT = datetime.timedelta(days=2 * 366)


def consent_request_create(
    *,
    acting_user: User,
    young_person: Membership,
    recipient_name: str,
    relationship: str,
    consent_until: datetime.date,
    email: str = "",
    language: str = "",
) -> tuple[ConsentRequest, str]:
    """Make a link for one named person. Returns the request and the link's secret, which is
    never stored and cannot be shown again. `language` is the one they read (blank: the
    organisation's default): their e-mail and the pages their link opens are in it."""
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if not young_person.is_young_person:
        raise ValidationError(_("Consent is asked for young people"))
    age = young_person.user.age_on(today)
    if age is None:
        errors["recipient_name"] = _(
            "Record their date of birth first: only children under 16 need a parent or carer's consent"
        )
    elif age >= PARENTAL_CONSENT_UNDER:
        errors["recipient_name"] = _(
            "They are 16 or over, so they give consent themselves: record it with them"
        )
    if consent_until <= today:
        errors["consent_until"] = _("The date consent lasts until must be in the future")
    elif consent_until > today + LONGEST_CONSENT:
        errors["consent_until"] = _("Consent can last up to 2 years before you ask again")
    if errors:
        raise ValidationError(errors)
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        consent_request = ConsentRequest(
            organisation=young_person.organisation,
            young_person=young_person,
            token_hash=hash_token(raw),
            recipient_name=recipient_name.strip(),
            relationship=relationship.strip(),
            email=email.strip(),
            language=language or young_person.organisation.default_language,
            delegated_authority=young_person.in_care,
            consent_until=consent_until,
            expires_at=timezone.now() + datetime.timedelta(days=DAYS_TO_ANSWER),
            created_by=acting_user,
        )
        consent_request.full_clean()
        consent_request.save()
        audit_record(
            acting_user=acting_user,
            organisation=young_person.organisation,
            verb="consent_request.create",
            target=consent_request,
            changed_fields=["recipient_name", "relationship"] + (["email"] if email else []),
            details={
                "delegated_authority": consent_request.delegated_authority,
                "language": consent_request.language,
            },
        )
        if consent_request.email:
            _send(acting_user=acting_user, consent_request=consent_request, raw=raw)
    return consent_request, raw


def _send(*, acting_user: User, consent_request: ConsentRequest, raw: str) -> None:
    """E-mail the link (queued; the worker sends it). The queued message holds the link until
    it is sent, as any e-mail waiting to go must."""
    child = consent_request.young_person
    message = message_send(
        organisation=child.organisation,
        recipient=child,
        kind="consent_request",
        dedupe_key=f"consent-request:{consent_request.pk}",
        context={
            "child_first_name": child.user.preferred_name or child.user.first_name,
            "organisation": child.organisation.name,
            "days": DAYS_TO_ANSWER,
        },
        url=reverse("consent:parent", args=[raw]),
        contact=Contact(
            first_name=consent_request.recipient_name.split()[0],
            email=consent_request.email,
            language=consent_request.language,
            channel="email",
        ),
        acting_user=acting_user,
    )
    if message is not None and message.status != "unreachable":
        consent_request.emailed_at = timezone.now()
        consent_request.save(update_fields=["emailed_at"])


def consent_request_cancel(*, acting_user: User, consent_request: ConsentRequest) -> None:
    """Stop a link working (a letter lost, the wrong person named). Consent it gave stays."""
    with transaction.atomic():
        if consent_request.cancelled_at is None:
            consent_request.cancelled_at = timezone.now()
            consent_request.save(update_fields=["cancelled_at"])
            audit_record(
                acting_user=acting_user,
                organisation=consent_request.organisation,
                verb="consent_request.cancel",
                target=consent_request,
            )


def consent_request_opened(*, consent_request: ConsentRequest) -> None:
    """The first time the link is opened (staff see "opened")."""
    if consent_request.opened_at is not None:
        return
    with transaction.atomic():
        consent_request.opened_at = timezone.now()
        consent_request.save(update_fields=["opened_at"])
        audit_record(
            acting_user=None,
            organisation=consent_request.organisation,
            verb="consent_request.open",
            target=consent_request,
        )


def _check_open(consent_request: ConsentRequest) -> None:
    if not link_open(consent_request, timezone.now()):
        raise ValidationError(_("This link no longer works. Ask the youth service for a new one."))


def consent_request_answer(
    *,
    consent_request: ConsentRequest,
    answers: dict[str, bool],
    signed_name: str,
    signed_relationship: str,
    ip: str | None,
) -> ConsentRequest:
    """The parent or carer gives or refuses each use asked about, signing with their typed
    name. A link is answered once; after that it only withdraws."""
    asked = uses_asked(consent_request.young_person)
    errors: dict[str, str] = {}
    if set(answers) != set(asked):
        raise ValidationError(_("Answer every question"))
    if not signed_name.strip():
        errors["signed_name"] = _("Type your full name to sign")
    if not signed_relationship.strip():
        errors["signed_relationship"] = _("Enter how you are related to the child")
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    with transaction.atomic():
        locked = ConsentRequest.objects.select_for_update().get(pk=consent_request.pk)
        _check_open(locked)
        if locked.answered_at is not None:
            raise ValidationError(_("This form has already been answered"))
        locked.answered_at = timezone.now()
        locked.signed_name = signed_name.strip()
        locked.signed_relationship = signed_relationship.strip()
        locked.signed_ip = ip or None
        locked.answers = {use: answers[use] for use in asked}
        locked.full_clean()
        locked.save()
        for use in asked:
            if answers[use]:
                _create(
                    recorded_by=locked.created_by,
                    audit_actor=None,
                    young_person=consent_request.young_person,
                    use=use,
                    given_by=GivenBy.PARENT,
                    given_on=today,
                    giver_name=locked.signed_name,
                    relationship=locked.signed_relationship,
                    young_person_agrees=False,
                    expires_on=locked.consent_until,
                    scope="",
                    request=locked,
                )
        audit_record(
            acting_user=None,
            organisation=locked.organisation,
            verb="consent_request.answer",
            target=locked,
            changed_fields=["signed_name", "signed_relationship", "signed_ip"],
            details={
                "given": [use for use in asked if answers[use]],
                "refused": [use for use in asked if not answers[use]],
            },
        )
    for field in ("answered_at", "signed_name", "signed_relationship", "signed_ip", "answers"):
        setattr(consent_request, field, getattr(locked, field))
    return consent_request


def consent_request_withdraw(*, consent_request: ConsentRequest, use: str) -> int:
    """The parent or carer withdraws, through their link, a use they gave through it.
    Returns how many consents stopped applying (0 when there was nothing to withdraw)."""
    _check_open(consent_request)
    withdrawn = 0
    with transaction.atomic():
        for consent in consent_request.consents.filter(
            organisation=consent_request.organisation, use=use, withdrawn_at__isnull=True
        ):
            consent_withdraw(acting_user=None, consent=consent, via=consent_request)
            withdrawn += 1
    return withdrawn

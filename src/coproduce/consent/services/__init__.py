from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.consent.models import (
    IMAGE_USES,
    PARENTAL_CONSENT_UNDER,
    Consent,
    ConsentRequest,
    GivenBy,
    RetentionPolicy,
)
from coproduce.consent.selectors import settings_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation

__all__ = [
    "PARENTAL_CONSENT_UNDER",
    "consent_record",
    "consent_request_answer",
    "consent_request_cancel",
    "consent_request_create",
    "consent_request_opened",
    "consent_request_withdraw",
    "consent_withdraw",
    "retention_set",
]


def consent_record(
    *,
    acting_user: User,
    young_person: Membership,
    use: str,
    given_by: str,
    given_on: datetime.date,
    giver_name: str = "",
    relationship: str = "",
    young_person_agrees: bool = False,
    expires_on: datetime.date | None = None,
    scope: str = "",
) -> Consent:
    errors: dict[str, str] = {}
    if not young_person.is_young_person:
        raise ValidationError(_("Consent is recorded for young people"))
    if young_person.in_care and use in IMAGE_USES:
        raise ValidationError(
            {
                "use": _(
                    "This young person is in care. Identifiable photos and film of children in care are never "
                    "published, so consent for them cannot be recorded. Use photos where they cannot be identified."
                )
            }
        )
    age = young_person.user.age_on(given_on)
    if age is None:
        errors["given_on"] = _(
            "Record their date of birth first: the rules depend on their age on the day"
        )
    elif age < PARENTAL_CONSENT_UNDER and given_by != GivenBy.PARENT:
        errors["given_by"] = _(
            "They were under 16 on that day, so a parent or carer must give consent"
        )
    if given_by == GivenBy.PARENT and not (giver_name.strip() and relationship.strip()):
        errors["giver_name"] = _(
            "Enter the parent or carer's name and their relationship to the young person"
        )
    if given_on > timezone.localdate():
        errors["given_on"] = _("The date consent was given cannot be in the future")
    if errors:
        raise ValidationError(errors)
    return _create(
        recorded_by=acting_user,
        audit_actor=acting_user,
        young_person=young_person,
        use=use,
        given_by=given_by,
        given_on=given_on,
        giver_name=giver_name,
        relationship=relationship,
        young_person_agrees=young_person_agrees,
        expires_on=expires_on,
        scope=scope,
    )


def _create(
    *,
    recorded_by: User,
    audit_actor: User | None,
    young_person: Membership,
    use: str,
    given_by: str,
    given_on: datetime.date,
    giver_name: str,
    relationship: str,
    young_person_agrees: bool,
    expires_on: datetime.date | None,
    scope: str,
    request: ConsentRequest | None = None,
) -> Consent:
    """Save one checked consent and audit it (the caller has applied the rules)."""
    with transaction.atomic():
        consent = Consent(
            organisation=young_person.organisation,
            young_person=young_person,
            use=use,
            given_by=given_by,
            giver_name=giver_name,
            relationship=relationship,
            young_person_agrees=young_person_agrees or given_by == GivenBy.YOUNG_PERSON,
            given_on=given_on,
            expires_on=expires_on,
            scope=scope,
            recorded_by=recorded_by,
            request=request,
        )
        consent.full_clean()
        consent.save()
        details: dict[str, object] = {"use": use, "given_by": given_by}
        if request is not None:
            details |= {"via": "link", "request": request.pk}
        audit_record(
            acting_user=audit_actor,
            organisation=young_person.organisation,
            verb="consent.record",
            target=consent,
            changed_fields=["giver_name", "relationship"] if giver_name else [],
            details=details,
        )
    return consent


def consent_withdraw(
    *, acting_user: User | None, consent: Consent, via: ConsentRequest | None = None
) -> Consent:
    """Withdrawal takes effect at once, and anything published after now leaves the item out.

    `acting_user` is None when a parent or carer withdraws through their link (`via`)."""
    with transaction.atomic():
        if consent.withdrawn_at is None:
            consent.withdrawn_at = timezone.now()
            consent.save(update_fields=["withdrawn_at"])
            details: dict[str, object] = {"use": consent.use}
            if via is not None:
                details |= {"via": "link", "request": via.pk}
            audit_record(
                acting_user=acting_user,
                organisation=consent.organisation,
                verb="consent.withdraw",
                target=consent,
                details=details,
            )
    return consent


def retention_set(
    *, acting_user: User, organisation: Organisation, years: int | None
) -> RetentionPolicy:
    with transaction.atomic():
        policy = settings_for(organisation=organisation)
        policy.years, policy.updated_at = years, timezone.now()
        policy.full_clean()
        policy.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="retention.set",
            target=policy,
            details={"years": years},
        )
    return policy


# Requests to parents and carers (at the end: they use the functions above).
from coproduce.consent.services.requests import (  # noqa: E402
    consent_request_answer,
    consent_request_cancel,
    consent_request_create,
    consent_request_opened,
    consent_request_withdraw,
)

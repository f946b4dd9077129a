"""Writes about one young person: their equality answers, access needs, and the limits for
asking them too often."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record, changed_fields, snapshot
from coproduce.core.tenancy import settings_or_defaults
from coproduce.inclusion.choices import Need
from coproduce.inclusion.models import (
    AccessNeeds,
    AreaDecile,
    EqualityProfile,
    InclusionSettings,
)
from coproduce.inclusion.services.deprivation import decile_for, deciles_refresh

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def equality_save(
    *, acting_user: User, membership: Membership, answers: dict[str, str]
) -> EqualityProfile:
    """A young person's own equality answers (each optional, each may be "prefer not to
    say"), kept with the lawful basis the organisation holds them under."""
    if not membership.is_young_person:
        raise ValidationError(_("Only young people answer equality monitoring questions"))
    unknown = set(answers) - set(EqualityProfile.PERSONAL_FIELDS)
    if unknown:
        raise ValueError(f"unknown answers {sorted(unknown)}")
    basis = settings_or_defaults(
        InclusionSettings, organisation=membership.organisation
    ).equality_basis
    with transaction.atomic():
        profile = EqualityProfile.objects.filter(membership=membership).first() or EqualityProfile(
            organisation=membership.organisation, membership=membership
        )
        before = snapshot(profile, EqualityProfile.PERSONAL_FIELDS)
        for name, value in answers.items():
            setattr(profile, name, value.strip().upper() if name == "postcode_district" else value)
        profile.lawful_basis, profile.answered_at = basis, timezone.now()
        profile.deprivation_decile = decile_for(
            organisation_id=membership.organisation_id, district=profile.postcode_district
        )
        profile.full_clean()
        profile.save()
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="equality.save",
            target=profile,
            # Names only: the answers are special category data.
            changed_fields=changed_fields(profile, before),
            details={"lawful_basis": basis},
        )
    return profile


def equality_clear(*, acting_user: User, membership: Membership) -> None:
    """Remove every equality answer a person gave (they changed their mind)."""
    with transaction.atomic():
        profile = EqualityProfile.objects.filter(membership=membership).first()
        if profile is None:
            return
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="equality.clear",
            target=profile,
            changed_fields=EqualityProfile.PERSONAL_FIELDS,
        )
        profile.delete()


def needs_save(
    *,
    acting_user: User,
    membership: Membership,
    acting_member: Membership,
    needs: list[str],
    notes: str = "",
    first_language: str = "",
) -> AccessNeeds:
    """What a young person needs to take part, recorded by the staff who work with them."""
    if not membership.is_young_person:
        raise ValidationError(_("Access needs are recorded for young people"))
    if set(needs) - set(Need.values):
        raise ValidationError({"needs": _("Choose from the list")})
    with transaction.atomic():
        row = AccessNeeds.objects.filter(membership=membership).first() or AccessNeeds(
            organisation=membership.organisation, membership=membership
        )
        before = snapshot(row, ("needs", "notes", "first_language"))
        row.needs, row.notes, row.first_language = needs, notes.strip(), first_language
        row.updated_by, row.updated_at = acting_member, timezone.now()
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="access_needs.save",
            target=row,
            changed_fields=changed_fields(row, before),
        )
    return row


def settings_save(
    *,
    acting_user: User,
    organisation: Organisation,
    ask_limit: int,
    ask_weeks: int,
    equality_basis: str,
) -> InclusionSettings:
    with transaction.atomic():
        row = settings_or_defaults(InclusionSettings, organisation=organisation)
        before = snapshot(row, ("ask_limit", "ask_weeks", "equality_basis"))
        row.ask_limit, row.ask_weeks, row.equality_basis = ask_limit, ask_weeks, equality_basis
        row.full_clean()
        row.save()
        changed = changed_fields(row, before)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="inclusion.settings",
            target=row,
            changed_fields=changed,
            details={k: getattr(row, k) for k in changed},
        )
    return row


def area_deciles_save(
    *, acting_user: User, organisation: Organisation, deciles: dict[str, int]
) -> None:
    """Replace the organisation's list of postcode districts and their deprivation deciles."""
    with transaction.atomic():
        AreaDecile.objects.filter(organisation=organisation).delete()
        rows = [
            AreaDecile(organisation=organisation, district=d, decile=n) for d, n in deciles.items()
        ]
        for row in rows:
            row.full_clean(validate_unique=False)
        AreaDecile.objects.bulk_create(rows)
        refreshed = deciles_refresh(organisation=organisation)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="inclusion.area_deciles",
            target=organisation,
            details={"districts": len(rows), "answers_updated": refreshed},
        )

"""Milestones an organisation sets (hours of time given and what they bring), and hours given
as a sanction, which are kept for monitoring but earn nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.bilingual import ENGLISH, WELSH, translations_set
from coproduce.credits.models import DEFAULT_MILESTONE_HOURS, Milestone, SanctionedTime

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def default_milestones_create(*, organisation: Organisation) -> None:
    """A new organisation starts with the usual milestones, each with a certificate."""
    Milestone.objects.bulk_create(
        [Milestone(organisation=organisation, hours=h) for h in DEFAULT_MILESTONE_HOURS],
        ignore_conflicts=True,
    )


def on_organisation_saved(
    sender: Any, instance: Organisation, created: bool, **kwargs: Any
) -> None:
    """Connected to the organisation's post_save in CreditsConfig.ready()."""
    if created and not kwargs.get("raw"):
        default_milestones_create(organisation=instance)


def milestone_save(
    *,
    acting_user: User,
    organisation: Organisation,
    hours: int,
    certificate: bool,
    reward: str,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> Milestone:
    """Add a milestone, or change what the one at these hours brings.

    `translations`: the reward in English and Welsh (core/bilingual.py); without it, `reward`
    is in the language the person is using."""
    reward = reward.strip()
    texts = {
        field: {language: (text or "").strip() for language, text in by_language.items()}
        for field, by_language in (translations or {}).items()
    }
    welsh = texts.get("reward", {}).get(WELSH, "")
    if not certificate and not (reward or texts.get("reward", {}).get(ENGLISH) or welsh):
        raise ValidationError(
            {"reward": _("Choose a certificate, name a reward, or both")}, code="nothing"
        )
    with transaction.atomic():
        row = Milestone.objects.select_for_update().filter(
            organisation=organisation, hours=hours
        ).first() or Milestone(organisation=organisation, hours=hours)
        adding = row.pk is None
        row.certificate, row.reward = certificate, reward
        translations_set(instance=row, texts=texts)
        row.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError as error:  # someone added the same hours at the same moment
            raise ValidationError(
                {"hours": _("There is already a milestone at %(hours)s hours") % {"hours": hours}}
            ) from error
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credits.milestone_add" if adding else "credits.milestone_change",
            target=row,
            details={
                "hours": hours,
                "certificate": certificate,
                "reward": getattr(row, f"reward_{ENGLISH}") or "",
                "reward_cy": getattr(row, f"reward_{WELSH}") or "",
            },
        )
    return row


def milestone_remove(*, acting_user: User, organisation: Organisation, hours: int) -> None:
    """Stop marking these hours; recognitions already given stay."""
    with transaction.atomic():
        row = Milestone.objects.filter(organisation=organisation, hours=hours).first()
        if row is None:
            return
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credits.milestone_remove",
            target=row,
            details={"hours": hours},
        )
        row.delete()


def sanctioned_time_record(
    *,
    acting_user: User,
    membership: Membership,
    minutes: int,
    reason: str,
    idempotency_key: str,
) -> SanctionedTime:
    """Record hours a young person was required to give (a court order, a detention).

    Nothing is posted to the ledger: the hours are seen on staff pages but earn no credits
    and count towards no milestone. The same key twice records once.
    """
    if not membership.is_young_person:
        raise ValidationError(_("Only young people hold credits"))
    if minutes <= 0:
        raise ValidationError(_("Enter a number of minutes above zero"))
    if not reason.strip():
        raise ValidationError(_("Give a reason"))
    organisation = membership.organisation
    with transaction.atomic():
        row, created = SanctionedTime.objects.get_or_create(
            organisation=organisation,
            idempotency_key=idempotency_key,
            defaults={
                "young_person": membership,
                "minutes": minutes,
                "reason": reason,
                "recorded_by": acting_user,
            },
        )
        if created:
            audit_record(
                acting_user=acting_user,
                organisation=organisation,
                verb="credits.sanctioned_time",
                target=row,
                details={"minutes": minutes},
            )
    return row

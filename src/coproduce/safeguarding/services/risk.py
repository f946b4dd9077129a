"""Risk assessments for a session or trip: the organisation's checklist, sign-off, ready."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.safeguarding.models import ChecklistItem, RiskAssessment, RiskCheck
from coproduce.safeguarding.selectors import assessment_of, checklist_for, checks_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Session


def checklist_set(*, acting_user: User, organisation: Organisation, items: list[str]) -> int:
    """Replace the checklist new risk assessments start from (one item a line)."""
    texts = [t.strip() for t in items if t.strip()]
    if not texts:
        raise ValidationError({"items": _("Enter at least one checklist item.")})
    with transaction.atomic():
        ChecklistItem.objects.filter(organisation=organisation).delete()
        for position, text in enumerate(texts):
            item = ChecklistItem(organisation=organisation, text=text, position=position)
            item.full_clean()
            item.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="safeguarding.checklist.set",
            target=organisation,
            details={"items": len(texts)},
        )
    return len(texts)


def risk_assessment_save(
    *,
    acting_user: User,
    session: Session,
    is_trip: bool,
    staff: list[Membership],
    controls: dict[int, str] | None = None,
    done: set[int] | None = None,
) -> RiskAssessment:
    """Start (from the checklist) or update an assessment. A change clears any sign-off."""
    for person in staff:
        if person.organisation_id != session.organisation_id or not person.can("staff"):
            raise ValidationError({"staff": _("Choose members of staff of your organisation.")})
    with transaction.atomic():
        assessment = assessment_of(session)
        created = assessment is None
        if assessment is None:
            assessment = RiskAssessment(organisation=session.organisation, session=session)
        assessment.is_trip = is_trip
        assessment.signed_off_by, assessment.signed_off_at, assessment.ready_at = None, None, None
        assessment.full_clean()
        assessment.save()
        assessment.staff.set(staff)
        if created:
            for position, text in enumerate(checklist_for(organisation=session.organisation)):
                RiskCheck.objects.create(
                    organisation=session.organisation,
                    assessment=assessment,
                    text=text,
                    position=position,
                )
        for check in checks_of(assessment):
            check.controls = (controls or {}).get(check.pk, check.controls)
            check.done = check.pk in (done or set()) if done is not None else check.done
            check.full_clean()
            check.save()
        audit_record(
            acting_user=acting_user,
            organisation=session.organisation,
            verb="safeguarding.risk.save",
            target=assessment,
            details={"trip": is_trip, "staff": len(staff)},
        )
    return assessment


def risk_assessment_sign_off(
    *, acting_user: User, manager: Membership, assessment: RiskAssessment
) -> RiskAssessment:
    if not manager.can("sign_off_trips"):
        raise PermissionDenied
    if checks_of(assessment).filter(done=False).exists():
        raise ValidationError(_("Tick every checklist item before signing it off."))
    with transaction.atomic():
        assessment.signed_off_by, assessment.signed_off_at = manager, timezone.now()
        assessment.full_clean()
        assessment.save(update_fields=["signed_off_by", "signed_off_at"])
        audit_record(
            acting_user=acting_user,
            organisation=assessment.organisation,
            verb="safeguarding.risk.sign_off",
            target=assessment,
        )
    return assessment


def risk_assessment_mark_ready(*, acting_user: User, assessment: RiskAssessment) -> RiskAssessment:
    """A trip (or session) is ready only once a manager has signed its assessment off."""
    if assessment.signed_off_at is None:
        raise ValidationError(_("A manager must sign off the risk assessment first."))
    with transaction.atomic():
        assessment.ready_at = timezone.now()
        assessment.full_clean()
        assessment.save(update_fields=["ready_at"])
        audit_record(
            acting_user=acting_user,
            organisation=assessment.organisation,
            verb="safeguarding.risk.ready",
            target=assessment,
        )
    return assessment

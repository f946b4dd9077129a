"""Writes for recruitment interviews: set one up, score alone, submit, then agree as a panel.

The rules, from seeds 000 and 002: questions come from the framework's indicators; young people
sit on the panel (at least one), and each member scores every candidate on their own before
anyone sees another's scores; the panel agrees a score only once every member has submitted.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.assessments.frameworks import version_freeze
from coproduce.assessments.interview_models import INTERVIEW_SCORE_MAX
from coproduce.assessments.models import (
    AgreedInterviewScore,
    Candidate,
    Indicator,
    Interview,
    InterviewScore,
    Panellist,
)
from coproduce.audit.services import audit_record

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.assessments.models import FrameworkVersion
    from coproduce.organisations.models import Membership, Organisation


def interview_create(
    *,
    acting_user: User | None,
    organisation: Organisation,
    created_by: Membership,
    post: str,
    version: FrameworkVersion,
    held_on: datetime.date,
    candidates: list[str],
    panel: list[Membership],
) -> Interview:
    if version.organisation_id != organisation.pk:
        raise ValidationError({"version": _("Choose one of your organisation's frameworks")})
    if not version.is_banded:
        raise ValidationError(
            {"version": _("Choose a framework scored 1 to 9: its indicators become questions")}
        )
    names = list(dict.fromkeys(n.strip() for n in candidates if n.strip()))
    if not names:
        raise ValidationError({"candidates": _("Add at least one candidate")})
    members = list(dict.fromkeys(panel))
    if any(m.organisation_id != organisation.pk or not m.is_active for m in members):
        raise ValidationError({"panel": _("Choose people from your organisation")})
    if not any(m.is_young_person for m in members):
        raise ValidationError(
            {"panel": _("Add at least one young person: young people sit on the panel")}
        )
    with transaction.atomic():
        interview = Interview(
            organisation=organisation,
            post=post,
            version=version,
            held_on=held_on,
            created_by=created_by,
        )
        interview.full_clean()
        interview.save()
        for name in names:
            Candidate.objects.create(organisation=organisation, interview=interview, name=name)
        for m in members:
            Panellist.objects.create(
                organisation=organisation,
                interview=interview,
                membership=m,
                is_young_person=m.is_young_person,
            )
        version_freeze(version)
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="interview.create",
            target=interview,
            details={"version": version.pk, "candidates": len(names), "panel": len(members)},
        )
    return interview


def _check_value(value: int) -> None:
    if not 1 <= value <= INTERVIEW_SCORE_MAX:
        raise ValidationError(
            {"value": _("Choose a score from 1 to %(top)s") % {"top": INTERVIEW_SCORE_MAX}}
        )


@dataclass(frozen=True)
class Mark:
    indicator: Indicator
    value: int
    note: str = ""


def interview_scores_save(
    *, acting_user: User, panellist: Panellist, candidate: Candidate, marks: list[Mark]
) -> None:
    """A panel member's own scores for one candidate (only theirs, and only before submitting)."""
    if panellist.membership.user_id != acting_user.pk:
        raise PermissionDenied
    if panellist.submitted_at is not None:
        raise ValidationError(_("You have sent your scores; they can no longer change."))
    if candidate.interview_id != panellist.interview_id:
        raise ValidationError(_("This candidate is not in this interview"))
    for mark in marks:
        if mark.indicator.version_id != panellist.interview.version_id:
            raise ValidationError(_("This question is not in this interview"))
        _check_value(mark.value)
    with transaction.atomic():
        for mark in marks:
            InterviewScore.objects.update_or_create(
                organisation=panellist.organisation,
                panellist=panellist,
                candidate=candidate,
                indicator=mark.indicator,
                defaults={"value": mark.value, "note": mark.note},
            )
        audit_record(
            acting_user=acting_user,
            organisation=panellist.organisation,
            verb="interview.score",
            target=candidate,
            details={"panellist": panellist.pk, "questions": len(marks)},
        )


def interview_submit(*, acting_user: User, panellist: Panellist) -> Panellist:
    """Send one's scores: every candidate scored on every question first."""
    if panellist.membership.user_id != acting_user.pk:
        raise PermissionDenied
    interview = panellist.interview
    needed = interview.candidates.count() * interview.version.indicators.count()
    if panellist.scores.count() < needed:
        raise ValidationError(_("Score every candidate on every question before sending"))
    with transaction.atomic():
        panellist.submitted_at = timezone.now()
        panellist.save(update_fields=["submitted_at"])
        audit_record(
            acting_user=acting_user,
            organisation=panellist.organisation,
            verb="interview.submit",
            target=interview,
            details={"panellist": panellist.pk},
        )
    return panellist


def interview_agree(
    *,
    acting_user: User,
    by: Membership,
    candidate: Candidate,
    indicator: Indicator,
    value: int,
    reason: str,
) -> AgreedInterviewScore:
    """Record the score the panel agreed, once every member has scored alone."""
    interview = candidate.interview
    if indicator.version_id != interview.version_id:
        raise ValidationError(_("This question is not in this interview"))
    if not interview.panel.filter(membership=by).exists() and not by.can("manage_people"):
        raise PermissionDenied
    if interview.panel.filter(submitted_at__isnull=True).exists():
        raise ValidationError(
            _("Every panel member must send their own scores before the panel agrees one")
        )
    _check_value(value)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the panel agreed this score")})
    with transaction.atomic():
        agreed, _created = AgreedInterviewScore.objects.update_or_create(
            organisation=interview.organisation,
            candidate=candidate,
            indicator=indicator,
            defaults={"value": value, "reason": reason.strip(), "recorded_by": by},
        )
        audit_record(
            acting_user=acting_user,
            organisation=interview.organisation,
            verb="interview.agree",
            target=candidate,
            details={"indicator": indicator.key, "value": value},
        )
    return agreed

"""UK GDPR rights for a young person: a subject-access export, erasure, and retention.

Every app says what it holds in `<app>/personal_data.py` (see core/personal_data.py); these
functions only gather and apply those answers, so a new app is covered by adding its provider.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.audit.services import audit_record
from coproduce.core.personal_data import providers
from coproduce.media.models import MediaItem
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def gather(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    """Everything every app holds about one person in one organisation."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for provider in providers():
        for name, rows in provider.export(membership).items():
            sections.setdefault(name, []).extend(rows)
    return sections


def subject_access_zip(membership: Membership) -> bytes:
    """A ZIP with data.json, a readable summary.html and the photos and films they are in."""
    sections = gather(membership)
    generated = timezone.now()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            json.dumps(
                {"generated": generated.isoformat(), "sections": sections}, indent=2, default=str
            ),
        )
        archive.writestr(
            "summary.html",
            render_to_string(
                "consent/subject_access.html",
                {"person": membership, "sections": sections, "generated": generated},
            ),
        )
        for item in MediaItem.objects.filter(people=membership).exclude(file=""):
            with item.file.open("rb") as handle:
                archive.writestr(
                    f"media/{item.pk}-{item.file.name.rsplit('/', 1)[-1]}", handle.read()
                )
    return buffer.getvalue()


def person_erase(*, acting_user: User | None, membership: Membership, reason: str) -> None:
    """Anonymise a young person: what identifies them goes, totals and statistics stay."""
    if membership.erased_at is not None:
        return
    with transaction.atomic():
        for provider in providers():
            provider.erase(membership, acting_user=acting_user)
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="person.erase",
            target=membership,
            details={"reason": reason},
        )


# ---- retention ----


@dataclass
class Due:
    membership: Membership
    last_active: datetime.date


def due_for_erasure(organisation: Organisation, *, today: datetime.date) -> list[Due]:
    """Young people whose last activity is longer ago than the organisation keeps data."""
    from coproduce.consent.models import RetentionPolicy

    policy = RetentionPolicy.objects.filter(organisation=organisation).first()
    if policy is None or policy.years is None:
        return []
    cutoff = today.replace(year=today.year - policy.years)
    cutoff_time = datetime.datetime.combine(cutoff, datetime.time(), tzinfo=datetime.UTC)
    people = (
        Membership.objects.filter(
            organisation=organisation,
            role=Role.YOUNG_PERSON,
            erased_at__isnull=True,
            joined_on__lt=cutoff,
        )
        .filter(Q(user__last_login__isnull=True) | Q(user__last_login__lt=cutoff_time))
        .annotate(last_session=Max("attendance__session__date"))
        .filter(Q(last_session__isnull=True) | Q(last_session__lt=cutoff))
        .select_related("user")
    )
    due = []
    for person in people:
        days = [person.joined_on, person.last_session]
        if person.user.last_login:
            days.append(timezone.localdate(person.user.last_login))
        due.append(Due(person, max(d for d in days if d is not None)))
    return due


def apply_retention(
    organisation: Organisation, *, today: datetime.date, dry_run: bool
) -> list[Due]:
    due = due_for_erasure(organisation, today=today)
    if not dry_run:
        for item in due:
            person_erase(acting_user=None, membership=item.membership, reason="retention")
    return due

"""UK GDPR rights for a young person: a subject-access export, erasure, and retention.

Every app says what it holds in `<app>/personal_data.py`, registered as a provider (see
core/personal_data.py); these functions only gather and apply the providers' answers, files
included, so a new app is covered by registering its provider.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.audit.services import audit_record
from coproduce.core.personal_data import providers
from coproduce.organisations.selectors import young_people_unseen_since
from coproduce.projects.selectors import last_on_register

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


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
        for provider in providers():
            for name, stored in provider.files(membership):
                with stored.open("rb") as handle:
                    archive.writestr(name, handle.read())
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
    from coproduce.consent.selectors import settings_for

    policy = settings_for(organisation=organisation)
    if policy.years is None:
        return []
    cutoff = today.replace(year=today.year - policy.years)
    cutoff_time = datetime.datetime.combine(cutoff, datetime.time(), tzinfo=datetime.UTC)
    people = young_people_unseen_since(
        organisation=organisation, joined_before=cutoff, since=cutoff_time
    )
    last_sessions = last_on_register(organisation=organisation, young_people=people)
    due = []
    for person in people:
        last_session = last_sessions.get(person.pk)
        if last_session is not None and last_session >= cutoff:
            continue
        days = [person.joined_on, last_session]
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

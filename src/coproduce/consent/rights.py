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
from coproduce.core.downloads import Built
from coproduce.core.personal_data import providers
from coproduce.organisations.selectors import get_person_for, young_people_unseen_since
from coproduce.projects.selectors import last_on_register

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


HELD_BACK = "held_back_for_review"


def _confidential(row: dict[str, Any], models: set[str], verbs: tuple[str, ...]) -> bool:
    """A row of another app's section that names a held-back record (the audit trail's)."""
    action = str(row.get("action", ""))
    return str(row.get("what", "")) in models or bool(verbs and action.startswith(verbs))


def held_back(membership: Membership) -> list[dict[str, Any]]:
    """Records kept out of the export until someone reviews them (safeguarding records)."""
    return [row for provider in providers() for row in provider.held_back(membership)]


def gather(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    """Everything every app holds about one person in one organisation, without the rows
    that a provider holds back for review (see `held_back`)."""
    found = providers()
    models = {label for p in found for label in p.confidential_models}
    verbs = tuple(verb for p in found for verb in p.confidential_verbs)
    sections: dict[str, list[dict[str, Any]]] = {}
    for provider in found:
        for name, rows in provider.export(membership).items():
            sections.setdefault(name, []).extend(
                row for row in rows if not _confidential(row, models, verbs)
            )
    return sections


def subject_access_zip(membership: Membership, *, for_the_subject: bool = False) -> bytes:
    """A ZIP with data.json, a readable summary.html and the photos and films they are in.

    Records a provider holds back (safeguarding) are never in it: staff asking for the
    export get them listed in a `held_back_for_review` section, for the Designated
    Safeguarding Lead to review before release; the young person downloading their own copy
    does not (telling them through their account could put them at risk), and the provider
    tells the lead instead.
    """
    sections = gather(membership)
    listed = held_back(membership)
    if listed and not for_the_subject:
        sections[HELD_BACK] = listed
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


def subject_access_file(organisation: Organisation, params: dict[str, Any], /) -> Built:
    """The subject-access ZIP, made by `coproduce worker` (registered in apps.py)."""
    person = get_person_for(organisation=organisation, pk=int(params["membership_id"]))
    content = subject_access_zip(person, for_the_subject=bool(params.get("for_the_subject")))
    return Built(content, f"our-data-about-{person.pk}.zip", "application/zip")


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

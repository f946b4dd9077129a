"""Scenario: Fran's data is erased at her request, and earlier she asked for a copy of
everything held. The concern about her is kept while its retention runs, and the copy lists
it for the Designated Safeguarding Lead to review instead of including or dropping it."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from coproduce.consent import rights
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.safeguarding import services
from coproduce.safeguarding.models import Concern, WelfareInfo
from tests.conftest import client_for
from tests.safeguarding.helpers import SECRET, SEEN, a_concern, a_team


def _welfare(manager: Membership, young_person: Membership) -> None:
    services.welfare_set(
        acting_user=manager.user,
        editor=manager,
        young_person=young_person,
        emergency_contacts="Mum 07700 900123",
        medical_conditions="Asthma: inhaler",
        allergies="Peanuts",
        dietary_needs="",
        access_needs="",
        visible_to="session_staff",
    )


def _data(content: bytes) -> dict[str, Any]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return dict(json.loads(archive.read("data.json"))["sections"])


def _everything(content: bytes) -> str:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def test_erasure_keeps_a_concern_while_its_retention_runs(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    _welfare(manager, young_person)
    concern = a_concern(practitioner, young_person)
    rights.person_erase(acting_user=manager.user, membership=young_person, reason="asked")
    concern.refresh_from_db()
    assert concern.their_words == SECRET and concern.what_happened == SEEN
    assert concern.young_person_name == "Fran"  # readable for the lead after erasure
    assert not WelfareInfo.objects.filter(young_person=young_person).exists()


def test_erasure_anonymises_a_concern_once_its_retention_has_run(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    services.safeguarding_settings_set(
        acting_user=manager.user,
        organisation=manager.organisation,
        acknowledge_within_hours=24,
        retention_years=2,
        young_people_per_staff=8,
    )
    old = a_concern(practitioner, young_person)
    services.concern_close(acting_user=manager.user, lead=manager, concern=old, reason="NFA")
    Concern.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=3 * 366)
    )
    recent = a_concern(practitioner, young_person, words="Still kept")
    services.concern_close(acting_user=manager.user, lead=manager, concern=recent, reason="NFA")
    rights.person_erase(acting_user=manager.user, membership=young_person, reason="asked")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.their_words == "(removed)" and old.young_person_name == "(removed)"
    assert recent.their_words == "Still kept"
    assert Concern.objects.filter(young_person=young_person).count() == 2  # totals stay


def test_a_subject_access_export_lists_concerns_for_the_lead_to_review(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    _welfare(manager, young_person)
    concern = a_concern(practitioner, young_person)
    services.concern_acknowledge(acting_user=manager.user, lead=manager, concern=concern)
    assert client_for(manager).get(f"/safeguarding/concerns/{concern.pk}/").status_code == 200

    content = rights.subject_access_zip(young_person)  # what staff asking for it get
    sections = _data(content)
    held = sections["held_back_for_review"]
    assert [row["reference"] for row in held] == [f"SG-{concern.pk}"]
    assert sections["welfare_information"][0]["allergies"] == "Peanuts"  # hers, released
    text = _everything(content)
    assert SECRET not in text and SEEN not in text
    # Nor does the audit trail's export give it away.
    for rows in sections.values():
        for row in rows:
            assert "safeguarding.concern" not in str(row.get("what", ""))
            assert not str(row.get("action", "")).startswith("safeguarding.concern")
    # The lead is told there is something to review.
    assert Notification.objects.filter(recipient=manager.user, kind="safeguarding.review").exists()


def test_a_young_persons_own_download_does_not_tell_them(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    services.concern_acknowledge(acting_user=manager.user, lead=manager, concern=concern)
    content = rights.subject_access_zip(young_person, for_the_subject=True)  # her own copy
    sections = _data(content)
    assert "held_back_for_review" not in sections
    text = _everything(content)
    assert "safeguarding.concern" not in text and SECRET not in text and "SG-" not in text
    assert Notification.objects.filter(recipient=manager.user, kind="safeguarding.review").exists()


def test_every_safeguarding_model_is_covered_by_the_personal_data_provider() -> None:
    from coproduce.core.personal_data import unlisted_models

    assert not [m for m in unlisted_models() if m.startswith("safeguarding.")]


def test_the_daily_job_anonymises_concerns_past_retention_without_an_erasure(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    services.safeguarding_settings_set(
        acting_user=manager.user,
        organisation=manager.organisation,
        acknowledge_within_hours=24,
        retention_years=2,
        young_people_per_staff=8,
    )
    old = a_concern(practitioner, young_person)
    services.concern_action_record(
        acting_user=manager.user,
        lead=manager,
        concern=old,
        kind="early_help",
        taken_on=datetime.date(2026, 9, 2),
        details="Referred to the family support team",
    )
    services.concern_close(acting_user=manager.user, lead=manager, concern=old, reason="Done")
    Concern.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=3 * 366)
    )
    still_open = a_concern(practitioner, young_person, words="Still open")
    out = io.StringIO()
    call_command("safeguarding_retention", "--dry-run", stdout=out)
    assert "would anonymise 1" in out.getvalue()
    old.refresh_from_db()
    assert old.their_words == SECRET  # a dry run changes nothing

    call_command("safeguarding_retention", stdout=out)
    old.refresh_from_db()
    still_open.refresh_from_db()
    assert old.their_words == "(removed)" and old.young_person_name == "(removed)"
    assert old.actions.get().details == "(removed)"
    assert still_open.their_words == "Still open"
    # The young person is still on the books: only the old concern lost its content.
    young_person.refresh_from_db()
    assert young_person.user.first_name == "Francesca"
    out = io.StringIO()
    call_command("safeguarding_retention", stdout=out)  # a second run finds nothing
    assert "anonymised 0" in out.getvalue()

"""A young person's rights: everything we hold in one download, erasure that keeps the
organisation's totals right, and a retention policy applied by a scheduled job."""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import Count, Sum
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.consent import rights
from coproduce.core import hooks, personal_data
from coproduce.credits import services as credits
from coproduce.credits.models import Account
from coproduce.media import services as media
from coproduce.media.models import MediaItem
from coproduce.notifications.services import notify
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Attendance, Idea
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.media.test_media import jpeg_with_gps
from tests.prepared import prepared_download, uses_worker
from tests.scenarios import a_parents_consent, a_project, a_session


def test_every_model_holding_a_link_to_a_person_is_exported_and_erased() -> None:
    assert personal_data.unlisted_models() == []


def test_the_completeness_check_fails_when_a_model_is_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coproduce.projects import personal_data as projects_data

    forgetful = dataclasses.replace(
        projects_data.PROVIDER,
        models=[m for m in projects_data.MODELS if m != "projects.attendance"],
    )
    registered = [
        forgetful if p is projects_data.PROVIDER else p for p in personal_data.providers()
    ]
    assert forgetful in registered
    monkeypatch.setattr(personal_data, "providers", lambda: registered)
    assert personal_data.unlisted_models() == ["projects.attendance"]


def test_every_app_holding_personal_data_registers_its_provider_once() -> None:
    apps = [provider.app for provider in hooks.personal_data]
    assert len(apps) == len(set(apps))
    assert {"accounts", "organisations", "audit", "projects", "media"} <= set(apps)
    assert [p.app for p in personal_data.providers()] == apps


def _fran_with_a_history(practitioner: Membership, fran: Membership) -> dict[str, Any]:
    today = timezone.localdate()
    project = a_project(practitioner)
    a_session(practitioner, project, [(fran, True, 5)], on=today, minutes=120)
    projects.idea_record(
        acting_user=practitioner.user,
        project=project,
        text="SENTINEL-IDEA more music nights",
        source="session",
        owner=practitioner,
        author=fran,
    )
    credits.credits_award(
        acting_user=practitioner.user,
        membership=fran,
        minutes=240,
        reason="Interview panel",
        idempotency_key="k1",
    )
    a_parents_consent(practitioner, fran, "photo", today, giver_name="SENTINEL-PARENT Sue")
    media.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="photo",
        caption="SENTINEL-PHOTO painting",
        file=SimpleUploadedFile("p.jpg", jpeg_with_gps()),
        project=project,
        people=[fran],
    )
    notify(
        organisation=fran.organisation,
        recipient=fran.user,
        kind="test",
        dedupe_key="t",
        subject=lambda: "SENTINEL-MESSAGE hello",
    )
    client_for(practitioner).get(f"/organisation/people/{fran.pk}/")  # a staff view, logged
    return {"project": project}


def _zip(data: bytes) -> tuple[dict[str, Any], str, list[str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    payload = json.loads(archive.read("data.json"))
    return payload["sections"], archive.read("summary.html").decode(), archive.namelist()


@uses_worker
def test_the_download_holds_everything_about_them_and_nothing_about_anyone_else(
    practitioner: Membership,
    young_person: Membership,
    admin: Membership,
    tmp_path: Any,
    settings: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _fran_with_a_history(practitioner, young_person)
    other = YoungPersonFactory.create(
        organisation=young_person.organisation, user__first_name="SENTINEL-OTHER"
    )
    projects.idea_record(
        acting_user=practitioner.user,
        project=Idea.objects.get().project,
        text="SENTINEL-OTHERS-IDEA",
        source="session",
        owner=practitioner,
        author=other,
    )
    response = prepared_download(
        client_for(admin), f"/consent/people/{young_person.pk}/our-data.zip"
    )
    assert response.content_type == "application/zip"
    assert f'filename="our-data-about-{young_person.pk}.zip"' in response.disposition
    sections, summary, names = _zip(response.body)
    text = json.dumps(sections)
    for sentinel in [
        "SENTINEL-IDEA",
        "SENTINEL-PARENT",
        "SENTINEL-PHOTO",
        "SENTINEL-MESSAGE",
        "Interview panel",
    ]:
        assert sentinel in text and sentinel in summary
    assert "SENTINEL-OTHER" not in text
    assert sections["account"][0]["first_name"] == "Francesca"
    assert sections["who_looked_at_your_record"][0]["who"] == practitioner.user.display_name
    assert sections["attendance"] and sections["credit_entries"][0]["minutes"] == 240
    assert any(name.startswith("media/") for name in names)
    # Young people can download their own, and only their own.
    own = prepared_download(client_for(young_person), "/consent/my-data.zip")
    assert "SENTINEL-IDEA" in json.dumps(_zip(own.body)[0])
    assert (
        client_for(young_person).get(f"/consent/people/{other.pk}/our-data.zip").status_code == 403
    )


def _totals(organisation: Any) -> dict[str, Any]:
    return {
        "balances": Account.objects.filter(organisation=organisation).aggregate(t=Sum("balance"))[
            "t"
        ],
        "given": Account.objects.filter(organisation=organisation).aggregate(
            t=Sum("lifetime_minutes")
        )["t"],
        "attendance": Attendance.objects.filter(organisation=organisation).aggregate(
            n=Count("id"), r=Sum("rung")
        ),
        "ideas": Idea.objects.filter(organisation=organisation).count(),
    }


def test_erasure_removes_what_identifies_them_and_keeps_the_totals(
    practitioner: Membership,
    young_person: Membership,
    admin: Membership,
    tmp_path: Any,
    settings: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _fran_with_a_history(practitioner, young_person)
    before = _totals(young_person.organisation)
    page = client_for(admin).post(
        f"/consent/people/{young_person.pk}/erase/", {"reason": "She asked us to", "confirm": "on"}
    )
    assert page.status_code == 302
    assert _totals(young_person.organisation) == before
    user = User.objects.get(pk=young_person.user_id)
    assert (user.first_name, user.preferred_name, user.email) == ("Former", "", "")
    assert user.username.startswith("erased-") and not user.has_usable_password()
    assert user.date_of_birth == datetime.date(2010, 7, 1)  # the year only
    assert Idea.objects.get().author is None
    assert not MediaItem.objects.exists()
    assert list(tmp_path.rglob("*.jpg")) == []
    sections, _summary, _names = _zip(
        rights.subject_access_zip(Membership.objects.get(pk=young_person.pk))
    )
    assert "SENTINEL" not in json.dumps(sections)
    assert client_for(practitioner).get("/").status_code == 200
    fran_again = client_for(Membership.objects.get(pk=young_person.pk))
    assert fran_again.get("/credits/me/").status_code in (302, 403)


def test_only_an_organisation_admin_can_erase(
    practitioner: Membership, young_person: Membership
) -> None:
    assert (
        client_for(practitioner).get(f"/consent/people/{young_person.pk}/erase/").status_code == 403
    )


def test_retention_erases_people_inactive_for_longer_than_the_policy_once(
    practitioner: Membership, admin: Membership, capsys: pytest.CaptureFixture[str]
) -> None:
    organisation = practitioner.organisation
    today = timezone.localdate()
    old = YoungPersonFactory.create(
        organisation=organisation, joined_on=today - datetime.timedelta(days=5 * 365)
    )
    project = a_project(practitioner, name="P")
    a_session(practitioner, project, [(old, True, None)], on=today - datetime.timedelta(days=1095))
    recent = YoungPersonFactory.create(
        organisation=organisation, joined_on=today - datetime.timedelta(days=5 * 365)
    )
    a_session(practitioner, project, [(recent, True, None)], on=today - datetime.timedelta(days=30))
    client_for(admin).post("/consent/retention/", {"years": "2"})

    call_command("apply_retention", "--dry-run")
    out = capsys.readouterr().out
    assert f"would erase member {old.pk}" in out and f"member {recent.pk}" not in out
    assert Membership.objects.get(pk=old.pk).erased_at is None  # a dry run changes nothing

    call_command("apply_retention", "--organisation", organisation.slug)
    assert Membership.objects.get(pk=old.pk).erased_at is not None
    assert Membership.objects.get(pk=recent.pk).erased_at is None
    capsys.readouterr()
    call_command("apply_retention")
    assert f"{organisation.slug}: 0 erased" in capsys.readouterr().out  # idempotent

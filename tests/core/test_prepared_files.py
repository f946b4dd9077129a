"""Scenario: Bob asks for the monitoring report as a PDF. It is made by `coproduce worker`,
not in his request: he waits on a page that looks again by itself, then downloads it. Nobody
else can, a failure is shown with a way to try again, and old files are deleted."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.core import downloads
from coproduce.core.downloads.services import file_prepare
from coproduce.core.models import PreparedFile
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.conftest import client_for
from tests.documents import pdf_text
from tests.factories import MembershipFactory
from tests.prepared import body_of, prepared_download, uses_worker

pytestmark = uses_worker

QUERY = "?start_day=1&start_month=1&start_year=2026&end_day=30&end_month=6&end_year=2026"


@pytest.fixture
def club(practitioner: Membership) -> Any:
    return projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign the club",
    )


def test_it_queues_the_report_pdf_and_answers_a_page_that_waits_for_it(
    practitioner: Membership, club: Any
) -> None:
    client = client_for(practitioner)
    asked = client.get(f"/monitoring/projects/{club.pk}/report.pdf{QUERY}", follow=True)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert "Your file is being prepared" in page and "Monitoring report (PDF)" in page
    # It looks again by itself (a script file: no inline script under the CSP) and without
    # script a person can check again.
    assert "core/prepared-file.js" in page and 'data-prepared-status="queued"' in page
    assert "Check again" in page
    prepared = PreparedFile.objects.get()
    assert prepared.status == "queued" and prepared.requester_id == practitioner.user.pk
    assert prepared.params == {"project_id": club.pk, "start": "2026-01-01", "end": "2026-06-30"}
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # queued, not run

    call_command("worker", "--once")

    page = client.get(f"/files/{prepared.pk}/").content.decode()
    assert "Your file is ready" in page and "core/prepared-file.js" not in page
    assert f"/files/{prepared.pk}/download" in page
    download = client.get(f"/files/{prepared.pk}/download")
    body = body_of(download)
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    text = pdf_text(body)
    assert "Monitoring report: Youth Club Redesign" in text
    assert "From 1 January 2026 to 30 June 2026" in text


def test_asking_twice_while_it_is_being_made_queues_it_once(
    practitioner: Membership, club: Any
) -> None:
    client = client_for(practitioner)
    first = client.get(f"/monitoring/projects/{club.pk}/report.pdf{QUERY}")
    second = client.get(f"/monitoring/projects/{club.pk}/report.pdf{QUERY}")
    assert first["Location"] == second["Location"]
    assert PreparedFile.objects.count() == 1


def test_only_the_person_who_asked_can_see_or_download_it(
    practitioner: Membership, manager: Membership, outsider: Membership, club: Any
) -> None:
    download = prepared_download(
        client_for(practitioner), f"/monitoring/projects/{club.pk}/report.pdf{QUERY}"
    )
    assert "Youth Club Redesign" in pdf_text(download.body)
    for other in (manager, outsider):  # a colleague with more rights, and a stranger
        client = client_for(other)
        assert client.get(download.page_url).status_code == 404
        assert client.get(f"{download.page_url}download").status_code == 404
        assert client.post(f"{download.page_url}retry").status_code == 404


def test_a_visitor_is_sent_to_sign_in(practitioner: Membership, club: Any) -> None:
    from django.test import Client

    download = prepared_download(
        client_for(practitioner), f"/monitoring/projects/{club.pk}/report.xlsx{QUERY}"
    )
    assert Client().get(f"{download.page_url}download").status_code == 302


BROKEN = {"fail": True}


def _sometimes_broken(organisation: Any, params: dict[str, Any], /) -> downloads.Built:
    if BROKEN["fail"]:
        raise RuntimeError("the printer is on fire")
    return downloads.Built(b"all better", "better.txt", "text/plain")


def test_a_failure_is_shown_with_a_button_to_try_again(practitioner: Membership) -> None:
    downloads.builders.register(
        downloads.Builder("tests.sometimes_broken", "Test file", _sometimes_broken)
    )
    BROKEN["fail"] = True
    prepared = file_prepare(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="tests.sometimes_broken",
        params={},
    )
    client = client_for(practitioner)
    call_command("worker", "--once")

    page = client.get(f"/files/{prepared.pk}/").content.decode()
    assert "We could not prepare your file" in page and "Try again" in page
    assert f'action="/files/{prepared.pk}/retry"' in page
    prepared.refresh_from_db()
    assert prepared.status == "failed" and prepared.error == "RuntimeError"
    assert "fire" not in page  # what went wrong goes to the logs, not the page
    assert client.get(f"/files/{prepared.pk}/download").status_code == 302  # nothing yet

    BROKEN["fail"] = False
    assert client.post(f"/files/{prepared.pk}/retry").status_code == 302
    assert "Your file is being prepared" in client.get(f"/files/{prepared.pk}/").content.decode()
    call_command("worker", "--once")
    download = client.get(f"/files/{prepared.pk}/download")
    body = body_of(download)
    assert body == b"all better"
    prepared.refresh_from_db()
    assert prepared.status == "ready" and prepared.attempts == 2 and prepared.error == ""


def test_old_files_are_deleted(practitioner: Membership, club: Any) -> None:
    client = client_for(practitioner)
    download = prepared_download(client, f"/monitoring/projects/{club.pk}/report.xlsx{QUERY}")
    prepared = PreparedFile.objects.get()
    stored = prepared.file.name
    storage = prepared.file.storage
    assert storage.exists(stored)

    call_command("clear_prepared_files")  # not expired yet: kept
    assert PreparedFile.objects.count() == 1
    PreparedFile.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("clear_prepared_files", "--dry-run")
    assert PreparedFile.objects.count() == 1
    call_command("clear_prepared_files")
    assert PreparedFile.objects.count() == 0 and not storage.exists(stored)
    assert client.get(download.page_url).status_code == 404


def test_an_expired_file_is_gone_when_it_is_next_asked_for(
    practitioner: Membership, club: Any
) -> None:
    client = client_for(practitioner)
    download = prepared_download(client, f"/monitoring/projects/{club.pk}/report.xlsx{QUERY}")
    PreparedFile.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(f"{download.page_url}download").status_code == 404
    assert not PreparedFile.objects.exists()


def test_a_colleague_in_the_same_organisation_cannot_reuse_the_link(
    practitioner: Membership, club: Any
) -> None:
    colleague = MembershipFactory.create(
        organisation=practitioner.organisation, role=practitioner.role
    )
    download = prepared_download(
        client_for(practitioner), f"/monitoring/projects/{club.pk}/report.pdf{QUERY}"
    )
    assert client_for(colleague).get(f"{download.page_url}download").status_code == 404

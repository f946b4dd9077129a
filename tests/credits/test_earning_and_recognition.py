"""Scenario: credits come from the register once staff confirm it; milestones bring a
certificate; old paper records come in all at once or not at all."""

from __future__ import annotations

import datetime

from coproduce.credits import services
from coproduce.credits.models import Entry, Recognition
from coproduce.credits.selectors import balance_of
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.projects.models import Session
from tests.conftest import client_for
from tests.documents import pdf_text
from tests.factories import YoungPersonFactory
from tests.prepared import prepared_download, uses_worker
from tests.scenarios import a_project, a_session


def _session(practitioner: Membership, minutes: int, came: list[Membership]) -> Session:
    project = a_project(practitioner, name="Youth Club")
    attended = [(m, True, 5) for m in came]
    return a_session(
        practitioner, project, attended, on=datetime.date(2026, 10, 2), minutes=minutes
    )


def test_it_issues_credits_in_bulk_from_the_register_once(
    practitioner: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    absent = YoungPersonFactory.create(organisation=practitioner.organisation)
    session = _session(practitioner, 100, [young_person, other])
    client = client_for(practitioner)
    client.post(f"/credits/sessions/{session.pk}/issue/")
    client.post(f"/credits/sessions/{session.pk}/issue/")
    # 100 minutes rounds down to the quarter hour: 90 minutes each, once.
    assert balance_of(young_person) == (90, 90) and balance_of(other) == (90, 90)
    assert balance_of(absent) == (0, 0)
    assert Entry.objects.count() == 2


def test_it_uses_the_organisations_rounding(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    services.credit_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        minutes_per_credit=60,
        rounding_minutes=30,
        allow_giving=False,
    )
    session = _session(practitioner, 100, [young_person])
    services.credits_issue_for_session(acting_user=practitioner.user, session=session)
    assert balance_of(young_person)[0] == 90


@uses_worker
def test_it_recognises_ten_hours_with_a_certificate(
    practitioner: Membership, young_person: Membership
) -> None:
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=9 * 60,
        reason="Forum",
        idempotency_key="a",
    )
    assert not Recognition.objects.exists()
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=60,
        reason="Interview panel",
        idempotency_key="b",
    )
    recognition = Recognition.objects.get()
    assert recognition.hours == 10
    assert Notification.objects.filter(
        recipient=young_person.user, kind="credits.milestone"
    ).exists()
    pdf = prepared_download(client_for(young_person), f"/credits/certificates/{recognition.pk}.pdf")
    assert pdf.content_type == "application/pdf" and pdf.body.startswith(b"%PDF")
    text = pdf_text(pdf.body)
    assert "Fran" in text and "10 hours" in text


def test_it_imports_all_rows_or_none_and_lists_every_bad_row(
    practitioner: Membership, admin: Membership, young_person: Membership
) -> None:
    bad = (
        "username,date,minutes,reason\n"
        f"{young_person.user.username},2026-03-01,120,Youth forum\n"
        "nobody,2026-03-02,60,Youth forum\n"
        f"{young_person.user.username},March,60,Youth forum\n"
        f"{young_person.user.username},2026-03-04,-5,\n"
    )
    result = services.hours_import(
        acting_user=admin.user, organisation=admin.organisation, text=bad
    )
    assert [p.line for p in result.problems] == [3, 4, 5, 5]
    assert Entry.objects.count() == 0
    good = (
        "username,date,minutes,reason,partner\n"
        f"{young_person.user.username},2026-03-01,120,Youth forum,\n"
        f"{young_person.user.username},2026-03-08,60,Litter pick,Keep Wales Tidy\n"
    )
    result = services.hours_import(
        acting_user=admin.user, organisation=admin.organisation, text=good
    )
    assert result.posted == 2 and balance_of(young_person) == (180, 180)
    services.hours_import(acting_user=admin.user, organisation=admin.organisation, text=good)
    assert balance_of(young_person) == (180, 180)  # the same file twice posts once


def test_the_import_page_shows_every_problem(admin: Membership) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "hours.csv", b"username,date,minutes,reason\nghost,2026-01-01,60,x\n"
    )
    html = client_for(admin).post("/credits/import/", {"file": upload}).content.decode()
    assert "Nothing was imported" in html and "Line 2" in html and "ghost" in html


def test_partner_time_needs_the_groups_name(
    practitioner: Membership, young_person: Membership
) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.credits_award(
            acting_user=practitioner.user,
            membership=young_person,
            minutes=60,
            reason="x",
            idempotency_key="p",
            category="partner",
        )


def test_young_people_check_in_and_out_and_credits_come_only_after_staff_confirm(
    practitioner: Membership, young_person: Membership
) -> None:
    from coproduce.credits.services import check_in_token

    session = _session(practitioner, 120, [])
    staff_page = (
        client_for(practitioner).get(f"/credits/sessions/{session.pk}/issue/").content.decode()
    )
    assert "<svg" in staff_page
    url = f"/credits/check-in/{check_in_token(session)}/"
    phone = client_for(young_person)
    assert "You checked in" in phone.post(url).content.decode()
    assert "You have checked out" in phone.post(url).content.decode()
    assert balance_of(young_person) == (0, 0)  # nothing until staff confirm
    client_for(practitioner).post(f"/credits/sessions/{session.pk}/issue/")
    assert balance_of(young_person) == (120, 120)
    assert session.attendance.get(young_person=young_person).attended


def test_a_forged_check_in_code_is_refused_with_a_clear_message(young_person: Membership) -> None:
    html = client_for(young_person).get("/credits/check-in/not-a-code/").content.decode()
    assert "Ask a youth worker to show it again" in html

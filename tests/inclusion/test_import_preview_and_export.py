"""Bulk import of young people and staff: a preview of every row before anyone is added, the
file's cells held only until confirmed; and an export in the same shape that imports again."""

from __future__ import annotations

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    YoungPersonFactory,
)
from tests.prepared import prepared_download, uses_worker

IMPORT = "/inclusion/people/import/"
PREVIEW = "/inclusion/people/import/check/"
PREPARED = "inclusion.people_import"


def _born(age: int) -> str:
    today = datetime.date.today()
    return today.replace(year=today.year - age, day=1).isoformat()


def _upload(client: Client, text: str, name: str = "people.csv") -> str:
    response = client.post(IMPORT, {"file": SimpleUploadedFile(name, text.encode())})
    return response.content.decode() if response.status_code == 200 else response["Location"]


def _names(organisation: Organisation) -> set[str]:
    return set(
        Membership.objects.filter(organisation=organisation).values_list(
            "user__first_name", flat=True
        )
    )


STAFF_FILE = (
    "first_name,last_name,date_of_birth,email,role\n"
    f"Gwen,Price,{_born(14)},,\n"
    "Dai,Evans,,dai@example.org,practitioner\n"
    "Megan,Jones,,megan@example.org,Manager\n"
)


def test_a_good_file_is_shown_row_by_row_and_nobody_is_added_until_confirmed(
    manager: Membership,
) -> None:
    client = client_for(manager)
    before = _names(manager.organisation)
    assert _upload(client, STAFF_FILE) == PREVIEW
    assert _names(manager.organisation) == before  # nothing added yet

    page = client.get(PREVIEW).content.decode()
    assert "3 people will be added. Nobody has been added yet." in page
    for shown in ["Gwen Price", "Dai Evans", "dai@example.org", "Practitioner", "Manager"]:
        assert shown in page
    # Only the cells wait, in the session; never the file.
    held = client.session[PREPARED]
    assert set(held) == {"columns", "rows", "at", "member"}

    response = client.post(PREVIEW, {"confirm": "1"})
    assert response.status_code == 302
    people = {
        m.user.first_name: m
        for m in Membership.objects.filter(organisation=manager.organisation).select_related("user")
    }
    assert people["Gwen"].role == Role.YOUNG_PERSON
    assert people["Dai"].role == Role.PRACTITIONER and people["Dai"].user.email == "dai@example.org"
    assert people["Megan"].role == Role.MANAGER
    assert PREPARED not in client.session  # forgotten once added
    assert client.post(PREVIEW, {"confirm": "1"})["Location"] == IMPORT  # nothing twice
    assert len(_names(manager.organisation)) == len(before) + 3


def test_cancelling_the_preview_adds_nobody_and_forgets_the_rows(manager: Membership) -> None:
    client = client_for(manager)
    before = _names(manager.organisation)
    assert _upload(client, STAFF_FILE) == PREVIEW
    assert client.post(PREVIEW, {"cancel": "1"})["Location"] == IMPORT
    assert PREPARED not in client.session
    assert _names(manager.organisation) == before


def test_an_old_preview_is_not_added(manager: Membership) -> None:
    client = client_for(manager)
    assert _upload(client, STAFF_FILE) == PREVIEW
    session = client.session
    session[PREPARED] = {**session[PREPARED], "at": session[PREPARED]["at"] - 31 * 60}
    session.save()
    before = _names(manager.organisation)
    assert client.post(PREVIEW, {"confirm": "1"})["Location"] == IMPORT
    assert _names(manager.organisation) == before


def test_one_bad_staff_row_imports_nobody_and_names_the_row(manager: Membership) -> None:
    text = (
        "first_name,last_name,date_of_birth,email,role\n"
        f"Gwen,Price,{_born(14)},,\n"
        "Dai,Evans,,,practitioner\n"
        "Rhys,Owen,,rhys@example.org,caretaker\n"
    )
    client = client_for(manager)
    before = _names(manager.organisation)
    page = _upload(client, text)
    assert "Nobody was added" in page
    assert "Line 3: Enter an email address for staff" in page
    assert "Line 4: Write the role as young person, practitioner, manager or admin" in page
    assert "Line 2:" not in page
    assert PREPARED not in client.session
    assert _names(manager.organisation) == before


def test_a_practitioner_can_import_young_people_but_not_staff(practitioner: Membership) -> None:
    page = _upload(client_for(practitioner), STAFF_FILE)
    assert "Line 3: Only managers and admins can add staff" in page
    assert "Line 4: Only managers and admins can add staff" in page
    assert "Dai" not in _names(practitioner.organisation)


def test_staff_already_here_are_found_by_name_and_email(manager: Membership) -> None:
    MembershipFactory.create(
        organisation=manager.organisation,
        role=Role.PRACTITIONER,
        user__first_name="Dai",
        user__last_name="Evans",
        user__email="dai@example.org",
    )
    page = _upload(client_for(manager), STAFF_FILE)
    assert "Line 3: Someone with this name and date of birth or email is already here" in page


def test_someone_added_between_preview_and_confirm_stops_the_whole_import(
    manager: Membership, practitioner: Membership
) -> None:
    client = client_for(manager)
    assert _upload(client, STAFF_FILE) == PREVIEW
    before = _names(manager.organisation)
    # Meanwhile a colleague adds Gwen from their own file.
    colleague = client_for(practitioner)
    gwen = f"first_name,last_name,date_of_birth\nGwen,Price,{_born(14)}\n"
    assert _upload(colleague, gwen) == PREVIEW
    assert colleague.post(PREVIEW, {"confirm": "1"}).status_code == 302
    page = client.post(PREVIEW, {"confirm": "1"}).content.decode()
    assert "Nobody was added" in page
    assert "Line 2: A young person with this name and date of birth is already here" in page
    assert _names(manager.organisation) == before | {"Gwen"}
    assert "Dai" not in _names(manager.organisation)


# ---- export in the same shape ---------------------------------------------------------------


def _everyone(manager: Membership) -> None:
    club = ServiceFactory.create(organisation=manager.organisation, name="Youth Forum")
    gwen = YoungPersonFactory.create(
        organisation=manager.organisation,
        user__first_name="Gwen",
        user__last_name="Price",
        user__preferred_name="Gwenno",
        user__date_of_birth=datetime.date(2011, 3, 4),
        in_care=True,
    )
    gwen.services.add(club)
    YoungPersonFactory.create(
        organisation=manager.organisation,
        user__first_name="=HYPERLINK(1)",
        user__last_name="Sly",
        user__date_of_birth=datetime.date(2012, 1, 2),
    )
    MembershipFactory.create(
        organisation=manager.organisation,
        role=Role.PRACTITIONER,
        user__first_name="Dai",
        user__last_name="Evans",
        user__email="dai@example.org",
    )


def _csv(client: Client) -> list[list[str]]:
    # Made by the worker while a page waits for it.
    download = prepared_download(client, "/inclusion/people/export.csv")
    assert download.content_type.startswith("text/csv")
    return list(csv.reader(io.StringIO(download.body.decode())))


@uses_worker
def test_the_export_has_the_imports_columns_and_cannot_run_a_formula(
    manager: Membership, practitioner: Membership
) -> None:
    _everyone(manager)
    rows = _csv(client_for(manager))
    assert rows[0] == [
        "first_name",
        "last_name",
        "date_of_birth",
        "preferred_name",
        "email",
        "role",
        "services",
        "in_care",
    ]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Gwen"] == [
        "Gwen",
        "Price",
        "2011-03-04",
        "Gwenno",
        "",
        "young_person",
        "Youth Forum",
        "yes",
    ]
    assert "'=HYPERLINK(1)" in by_name and "=HYPERLINK(1)" not in by_name
    assert by_name["Dai"][5] == "practitioner"
    # A practitioner exports only young people.
    assert {r[5] for r in _csv(client_for(practitioner))[1:]} == {"young_person"}
    assert prepared_download(client_for(manager), "/inclusion/people/export.xlsx").body


@uses_worker
def test_an_exported_file_imports_into_another_organisation_unchanged(
    manager: Membership,
) -> None:
    from openpyxl import load_workbook

    _everyone(manager)
    data = prepared_download(client_for(manager), "/inclusion/people/export.xlsx").body
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.cell(row=1, column=1).data_type == "s"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)  # no formulas

    other = OrganisationFactory.create(name="Cwm Youth", slug="cwm")
    ServiceFactory.create(organisation=other, name="Youth Forum")
    boss = MembershipFactory.create(organisation=other, role=Role.MANAGER)
    client = client_for(boss)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("people.xlsx", data)})
    assert response["Location"] == PREVIEW, response.content.decode()
    assert client.post(PREVIEW, {"confirm": "1"}).status_code == 302

    again = _csv(client)
    boss_row = [r for r in again if r[4] == boss.user.email]
    assert len(boss_row) == 1
    assert sorted(r for r in again if r not in boss_row) == sorted(_csv(client_for(manager)))
    gwen = Membership.objects.get(organisation=other, user__first_name="Gwen")
    assert gwen.in_care and gwen.user.date_of_birth == datetime.date(2011, 3, 4)
    assert [s.name for s in gwen.services.all()] == ["Youth Forum"]

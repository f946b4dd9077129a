"""Adding young people in bulk: every row checked first, all or nothing, each problem by line.
A good file is shown row by row first; nobody is added until staff confirm."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import ServiceFactory


def _born(age: int) -> str:
    today = datetime.date.today()
    return today.replace(year=today.year - age, day=1).isoformat()


PREVIEW = "/inclusion/people/import/check/"


def _upload(member: Membership, text: str, client: Client | None = None) -> str:
    response = (client or client_for(member)).post(
        "/inclusion/people/import/",
        {"file": SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")},
    )
    return response.content.decode() if response.status_code == 200 else response["Location"]


def _confirm(client: Client) -> str:
    """Look at the preview, then confirm: where the confirmation leads."""
    assert client.get(PREVIEW).status_code == 200
    response = client.post(PREVIEW, {"confirm": "1"})
    assert response.status_code == 302, response.content.decode()
    return str(response["Location"])


def _young_people(organisation: Any) -> int:
    return Membership.objects.filter(organisation=organisation, role=Role.YOUNG_PERSON).count()


def test_it_adds_every_young_person_in_a_good_file(practitioner: Membership) -> None:
    ServiceFactory.create(organisation=practitioner.organisation, name="Youth Forum")
    text = (
        "first_name,last_name,date_of_birth,preferred_name,email,services,in_care\n"
        f"Gwen,Price,{_born(14)},Gwenno,,Youth Forum,no\n"
        f"Ifan,Rees,{_born(16)},,ifan@example.org,,yes\n"
    )
    client = client_for(practitioner)
    assert _upload(practitioner, text, client) == PREVIEW
    assert _confirm(client).startswith("/organisation/people/")
    gwen = Membership.objects.get(organisation=practitioner.organisation, user__first_name="Gwen")
    assert gwen.user.preferred_name == "Gwenno" and [s.name for s in gwen.services.all()] == [
        "Youth Forum"
    ]
    assert Membership.objects.get(user__first_name="Ifan").in_care


def test_one_bad_row_imports_nothing_and_names_each_line(practitioner: Membership) -> None:
    before = _young_people(practitioner.organisation)
    text = (
        "first_name,last_name,date_of_birth\n"
        f"Gwen,Price,{_born(14)}\n"
        "Ifan,Rees,16/03/2010\n"
        f",Jones,{_born(15)}\n"
        f"Gwen,Price,{_born(14)}\n"
        f"Old,Timer,{_born(40)}\n"
    )
    page = _upload(practitioner, text)
    assert "Nobody was added" in page
    assert "Line 3: Write the date of birth as YYYY-MM-DD" in page
    assert "Line 4: Enter a first name" in page
    assert "Line 5: The same person as line 2" in page
    assert "Line 6:" in page
    assert "Line 2:" not in page
    assert _young_people(practitioner.organisation) == before


def test_it_finds_someone_already_here_by_name_and_date_of_birth(
    practitioner: Membership, young_person: Membership
) -> None:
    user = young_person.user
    text = f"first_name,last_name,date_of_birth\n{user.first_name},{user.last_name},{user.date_of_birth}\n"
    assert "Line 2: A young person with this name and date of birth is already here" in _upload(
        practitioner, text
    )


def test_it_names_missing_columns_and_unknown_services(practitioner: Membership) -> None:
    assert "Missing columns: date_of_birth" in _upload(practitioner, "first_name,last_name\nA,B\n")
    text = f"first_name,last_name,date_of_birth,services\nA,B,{_born(14)},Chess club\n"
    assert "Line 2: No service called &#x27;Chess club&#x27;" in _upload(practitioner, text)


def test_young_people_cannot_import(young_person: Membership) -> None:
    assert client_for(young_person).get("/inclusion/people/import/").status_code == 403


def _xlsx(rows: list[list[object]]) -> bytes:
    import io

    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("People")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), dates)
            else:
                sheet.write(r, c, value)
    book.close()
    return out.getvalue()


def _upload_xlsx(member: Membership, data: bytes, client: Client | None = None) -> str:
    response = (client or client_for(member)).post(
        "/inclusion/people/import/", {"file": SimpleUploadedFile("people.xlsx", data)}
    )
    return response.content.decode() if response.status_code == 200 else response["Location"]


def test_an_excel_file_works_like_a_csv_dates_typed_as_excel_dates(
    practitioner: Membership,
) -> None:
    born = datetime.date.fromisoformat(_born(15))
    data = _xlsx(
        [
            ["first_name", "last_name", "date_of_birth", "email"],
            ["Nia", "Hughes", born, ""],
            ["Owain", "Lloyd", _born(13), "owain@example.org"],
        ]
    )
    client = client_for(practitioner)
    assert _upload_xlsx(practitioner, data, client) == PREVIEW
    assert _confirm(client).startswith("/organisation/people/")
    nia = Membership.objects.get(organisation=practitioner.organisation, user__first_name="Nia")
    assert nia.user.date_of_birth == born
    assert Membership.objects.filter(user__first_name="Owain").exists()


def test_an_excel_file_with_one_bad_row_imports_nothing_and_names_the_row(
    practitioner: Membership,
) -> None:
    before = _young_people(practitioner.organisation)
    data = _xlsx(
        [
            ["first_name", "last_name", "date_of_birth"],
            ["Nia", "Hughes", datetime.date.fromisoformat(_born(15))],
            [],  # a blank row is skipped, and the line numbers stay the spreadsheet's
            ["", "Lloyd", _born(13)],
        ]
    )
    page = _upload_xlsx(practitioner, data)
    assert "Nobody was added" in page
    assert "Line 4: Enter a first name" in page and "Line 2:" not in page
    assert _young_people(practitioner.organisation) == before


def test_a_file_that_is_not_a_spreadsheet_is_refused(practitioner: Membership) -> None:
    page = _upload_xlsx(practitioner, b"PK\x03\x04 not really a workbook")
    assert "must be a CSV or an Excel" in page

"""Photos, films and quotes are private, cleaned on upload, and published only with consent."""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from coproduce.consent import services as consent
from coproduce.media import services
from coproduce.media.models import MediaItem
from coproduce.organisations.models import Membership
from coproduce.projects.models import Project
from coproduce.projects.services import project_create
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_parents_consent

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

GPS = 0x8825


def _quote(
    staff: Membership,
    project: Project,
    people: list[Membership],
    caption: str,
    text: str = "We chose the trip",
) -> None:
    services.media_add(
        acting_user=staff.user,
        organisation=staff.organisation,
        kind="quote",
        caption=caption,
        quote_text=text,
        project=project,
        people=people,
    )


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0132] = "2026:06:01 10:00:00"
    exif[GPS] = {1: "N", 2: (51.0, 28.0, 0.0), 3: "W", 4: (3.0, 10.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture
def project(practitioner: Membership) -> Project:
    return project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign",
    )


def upload(client: Client, project: Project, **fields: object) -> _MonkeyPatchedWSGIResponse:
    data: dict[str, object] = {
        "kind": "photo",
        "project": project.pk,
        "caption": "Painting the club",
        **fields,
    }
    response = client.post("/media/add/", data)
    return response


def test_it_removes_location_and_camera_details_from_photos(
    practitioner: Membership, project: Project
) -> None:
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)  # the test photo has GPS
    response = upload(
        client_for(practitioner), project, file=SimpleUploadedFile("fran-at-club.jpg", original)
    )
    assert response.status_code == 302
    item = MediaItem.objects.get()
    assert "fran" not in item.file.name  # the stored name never repeats the uploaded one
    stored = item.file.read()
    saved = Image.open(io.BytesIO(stored))
    assert saved.size == (40, 30)
    assert dict(saved.getexif()) == {}
    assert b"Exif" not in stored and b"PhoneMaker" not in stored


def test_it_refuses_files_that_are_not_what_they_claim(
    practitioner: Membership, project: Project
) -> None:
    client = client_for(practitioner)
    page = upload(
        client, project, file=SimpleUploadedFile("photo.jpg", b"<script>alert(1)</script>")
    )
    assert "The file is not a photo we can read" in page.content.decode()
    film = upload(
        client, project, kind="film", file=SimpleUploadedFile("film.mp4", b"%PDF-1.4 not a film")
    )
    assert "The film must be an MP4, MOV or WebM file" in film.content.decode()
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    page = upload(client, project, file=SimpleUploadedFile("anim.gif", gif.getvalue()))
    assert "must be a JPEG, PNG or WebP" in page.content.decode()
    assert "Painting the club" in page.content.decode()  # what was typed is kept
    assert not MediaItem.objects.exists()


def test_it_refuses_photos_over_the_size_limit(
    practitioner: Membership, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_PHOTO_BYTES", 100)
    page = upload(
        client_for(practitioner), project, file=SimpleUploadedFile("big.jpg", jpeg_with_gps())
    )
    assert "smaller than 10 MB" in page.content.decode()


def test_a_file_is_served_only_after_a_permission_check(
    practitioner: Membership, young_person: Membership, outsider: Membership, project: Project
) -> None:
    item = services.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="photo",
        caption="Club",
        file=SimpleUploadedFile("a.jpg", jpeg_with_gps()),
        project=project,
        people=[young_person],
    )
    url = f"/media/{item.pk}/file/"
    staff = client_for(practitioner).get(url)
    assert staff.status_code == 200 and staff["Content-Type"] == "image/jpeg"
    assert staff["Cache-Control"] == "private, no-store"
    assert client_for(young_person).get(url).status_code == 200  # they are in it
    stranger = YoungPersonFactory.create(organisation=practitioner.organisation)
    assert client_for(stranger).get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/auth/login/" in anonymous["Location"]
    # There is no public path to the stored file.
    assert Client().get("/" + item.file.name).status_code == 404
    assert client_for(practitioner).get("/media/" + item.file.name).status_code == 404


def test_a_withdrawal_takes_an_item_off_a_board_already_built(
    practitioner: Membership, young_person: Membership, project: Project
) -> None:
    today = timezone.localdate()
    given = a_parents_consent(
        practitioner, young_person, "quote", today - datetime.timedelta(days=3)
    )
    _quote(practitioner, project, [young_person], "Fran on the new club", "It feels like ours now")
    client = client_for(practitioner)
    board = client.get(f"/projects/{project.pk}/board/").content.decode()
    assert "It feels like ours now" in board

    consent.consent_withdraw(acting_user=practitioner.user, consent=given)
    board = client.get(f"/projects/{project.pk}/board/").content.decode()
    assert "It feels like ours now" not in board
    assert (
        f"Fran on the new club: Fran: consent withdrawn on {today:%-d %b %Y}: leave it out" in board
    )


def test_a_photo_of_a_young_person_in_care_is_never_published(
    practitioner: Membership, project: Project
) -> None:
    jade = YoungPersonFactory.create(
        organisation=practitioner.organisation, in_care=True, user__preferred_name="Jade"
    )
    services.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="photo",
        caption="Jade painting",
        file=SimpleUploadedFile("j.jpg", jpeg_with_gps()),
        project=project,
        people=[jade],
    )
    board = client_for(practitioner).get(f"/projects/{project.pk}/board/").content.decode()
    assert "media/" not in board.split("Left off the board")[0].split("You said – we did")[-1]
    assert "Jade: in care: identifiable photos and film are never published" in board
    listing = client_for(practitioner).get("/media/").content.decode()
    assert "Not publishable" in listing
    home = client_for(practitioner).get("/").content.decode()
    assert "1 photo, film or quote cannot be published without consent" in home


def test_young_people_cannot_see_each_others_profiles(young_person: Membership) -> None:
    other = YoungPersonFactory.create(organisation=young_person.organisation)
    assert client_for(young_person).get(f"/organisation/people/{other.pk}/").status_code in (
        403,
        404,
    )
    assert client_for(young_person).get("/media/").status_code == 403


def test_checking_consent_costs_the_same_whatever_the_number_of_items_and_people(
    practitioner: Membership, young_person: Membership, project: Project
) -> None:
    """The home page and the media list read consents once, not once per person per item."""
    a_parents_consent(
        practitioner, young_person, "quote", timezone.localdate() - datetime.timedelta(days=3)
    )

    def quote(people: list[Membership]) -> None:
        _quote(practitioner, project, people, "Said at the club")

    def queries(path: str) -> int:
        client = client_for(practitioner)
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    quote([YoungPersonFactory.create(organisation=practitioner.organisation)])
    before = {path: queries(path) for path in ("/", "/media/")}
    for _ in range(4):
        quote([young_person, YoungPersonFactory.create(organisation=practitioner.organisation)])
    quote([young_person])  # consented: publishable
    assert {path: queries(path) for path in ("/", "/media/")} == before
    home = client_for(practitioner).get("/").content.decode()
    assert "5 photos, films or quotes cannot be published without consent" in home


def test_the_media_list_comes_a_page_at_a_time_and_shows_everything(
    practitioner: Membership, project: Project
) -> None:
    for n in range(1, 56):
        _quote(practitioner, project, [], f"Quote {n:02d}")
    client = client_for(practitioner)
    first = client.get("/media/").content.decode()
    second = client.get("/media/?page=2").content.decode()
    heading = '<h2 class="govuk-heading-s">Quote '
    assert first.count(heading) == 50 and second.count(heading) == 5
    assert heading + "55" in first and heading + "01" in second  # newest first

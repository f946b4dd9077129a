"""Scenario: Fran asks for everything the youth service holds about her. Her download must
include what staff did *to* her, not only what she did: her being added (with her role),
changes to her record, consent recorded for her, credits given to her, a photo she is
tagged in. And nothing done to anyone else."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coproduce.credits import services as credits
from coproduce.media import services as media
from coproduce.organisations.models import Membership
from coproduce.organisations.services import person_add, person_update
from tests.conftest import client_for
from tests.media.test_media import jpeg_with_gps
from tests.prepared import prepared_download, uses_worker
from tests.scenarios import a_parents_consent, a_project


def _sections(data: bytes) -> dict[str, Any]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return dict(json.loads(archive.read("data.json"))["sections"])


@uses_worker
def test_her_download_lists_what_staff_did_to_her_and_nothing_done_to_others(
    manager: Membership, practitioner: Membership, admin: Membership, tmp_path: Any, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    organisation = manager.organisation
    fran = person_add(
        acting_user=manager.user,
        organisation=organisation,
        first_name="Francesca",
        last_name="Jones",
        role="young_person",
        date_of_birth=datetime.date(2010, 5, 17),
    )
    other = person_add(
        acting_user=manager.user,
        organisation=organisation,
        first_name="Other",
        last_name="Person",
        role="young_person",
        date_of_birth=datetime.date(2011, 1, 2),
    )
    person_update(
        acting_user=manager.user,
        membership=fran,
        first_name="Francesca",
        last_name="Jones",
        preferred_name="Fran",
        email="",
        date_of_birth=datetime.date(2010, 5, 17),
        role="young_person",
        in_care=False,
        is_active=True,
        services=[],
    )
    a_parents_consent(practitioner, fran, "photo", timezone.localdate())
    for person in (fran, other):
        credits.credits_award(
            acting_user=practitioner.user,
            membership=person,
            minutes=120,
            reason="Helped at the club",
            idempotency_key=f"award:{person.pk}",
        )
    credits.accreditation_record(
        acting_user=practitioner.user, membership=fran, scheme="ASDAN", title="Youth voice", hours=1
    )
    credits.credit_settings_update(
        acting_user=manager.user,
        organisation=organisation,
        minutes_per_credit=60,
        rounding_minutes=15,
        allow_giving=True,
    )
    credits.credits_give(
        acting_user=other.user,
        giver=other,
        receiver=fran,
        minutes=30,
        reason="Thanks",
        idempotency_key="give:1",
    )
    media.media_add(
        acting_user=practitioner.user,
        organisation=organisation,
        kind="photo",
        caption="Painting the club",
        file=SimpleUploadedFile("p.jpg", jpeg_with_gps()),
        project=a_project(practitioner),
        people=[fran, other],
    )

    response = prepared_download(client_for(admin), f"/consent/people/{fran.pk}/our-data.zip")

    done = _sections(response.body)["things_done_about_you"]
    by_action = {row["action"]: row for row in done}
    added = by_action["person.add"]
    assert added["who"] == manager.user.display_name
    assert added["what"] == "organisations.membership"
    assert added["details"] == {"role": "young_person"}  # added, and with which role
    assert "preferred_name" in by_action["person.update"]["fields_changed"]
    assert by_action["consent.record"]["who"] == practitioner.user.display_name
    assert by_action["accreditation.record"]["details"] == {"scheme": "ASDAN", "hours": 1}
    assert "credits.give" in by_action  # an entry into her credit account
    assert by_action["media.add"]["details"] == {"kind": "photo"}  # not who else is in it
    # One of each: Other's being added is not in Fran's download.
    assert [row["action"] for row in done].count("person.add") == 1
    assert all("people" not in row["details"] for row in done)  # no one else's id


@uses_worker
def test_events_done_to_another_young_person_stay_out_of_her_download(
    manager: Membership, admin: Membership, young_person: Membership
) -> None:
    person_add(
        acting_user=manager.user,
        organisation=manager.organisation,
        first_name="Someone",
        last_name="Else",
        role="young_person",
        date_of_birth=datetime.date(2011, 1, 2),
    )
    done = _sections(
        prepared_download(client_for(admin), f"/consent/people/{young_person.pk}/our-data.zip").body
    )["things_done_about_you"]
    assert done == []  # the factory made her without the service: nothing was done to her

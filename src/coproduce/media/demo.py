"""Demo media and consent: what can be published and what cannot, and why.

Fran (16) agreed herself to her words being quoted; Mo (15) has no consent yet, so his quote
waits for a parent or carer; Jade is in care, so a photo that shows her is never published."""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from coproduce.consent import services as consent
from coproduce.core.demo import DemoContext
from coproduce.media import services
from coproduce.projects.selectors import project_named


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (29, 112, 184)).save(buffer, format="JPEG")
    return SimpleUploadedFile("painting-the-club.jpg", buffer.getvalue(), "image/jpeg")


def load(context: DemoContext) -> None:
    staff, people = context.staff, context.people
    club = project_named(organisation=context.organisation, name="Youth Club Redesign")
    consent.consent_record(
        acting_user=staff.user,
        young_person=people["young"],
        use="quote",
        given_by="young_person",
        given_on=context.today - datetime.timedelta(days=10),  # she turned 16 a month ago
    )
    services.media_add(
        acting_user=staff.user,
        organisation=context.organisation,
        kind="quote",
        caption="Fran on the new club room",
        quote_text="It feels like ours now. We chose the colours and the games.",
        project=club,
        people=[people["young"]],
    )
    services.media_add(
        acting_user=staff.user,
        organisation=context.organisation,
        kind="quote",
        caption="Mo on the opening hours",
        quote_text="Friday nights matter most, so we asked for those.",
        project=club,
        people=[people["mo"]],
    )
    services.media_add(
        acting_user=staff.user,
        organisation=context.organisation,
        kind="photo",
        caption="Painting the club room",
        file=_photo(),
        project=club,
        people=[people["jade"], people["young"]],
    )

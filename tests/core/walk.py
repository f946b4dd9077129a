"""Walk providers for the foundation's pages under /files/ (see tests/tenancy/walk.py)."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from coproduce.core.models import PreparedFile
from tests.tenancy.walk import Provider, World


def prepared_file(world: World) -> int:
    """A finished file the victim's member of staff asked for: nobody else may see it."""

    def make() -> PreparedFile:
        marker = world.marker("prepared-file")
        prepared = PreparedFile(
            organisation=world.organisation,
            requester_id=world.staff.user.pk,
            kind="monitoring.report_pdf",
            params={"project_id": 1, "start": "2026-01-01", "end": "2026-12-31"},
            status=PreparedFile.Status.READY,
            filename=f"{marker}.txt",
            content_type="text/plain",
            back_url=f"/{marker}/",
            expires_at=timezone.now() + datetime.timedelta(hours=1),
        )
        prepared.file.save(f"{marker}.txt", ContentFile(marker.encode()), save=False)
        prepared.save()
        return prepared

    return int(world.once("prepared_file", make).pk)


PROVIDERS: dict[str, Provider] = {"prepared_file_id": prepared_file}

"""The demo shows, on Fran's page, a delivered, a queued and a failed message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coproduce.home.demo import load_demo
from tests.conftest import client_for


@pytest.mark.django_db
def test_frans_page_shows_a_delivered_a_queued_and_a_failed_message(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    fran = context.people["young"]
    page = client_for(context.people["practitioner"]).get(f"/organisation/people/{fran.pk}/")
    html = page.content.decode()
    assert "Messages sent to them" in html
    assert "Delivered" in html
    assert "Queued" in html or "Waiting for the morning" in html
    assert "Failed" in html and "phone number does not exist" in html

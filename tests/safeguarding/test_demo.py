"""The demo: Dylan, the manager, is the safeguarding lead. He finds a concern in progress and
a trip's risk assessment waiting for his sign-off; Sam, running the trip, prints its sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.core.tenancy import all_organisations
from coproduce.home.demo import load_demo
from coproduce.safeguarding.models import Concern, RiskAssessment
from tests.conftest import client_for
from tests.factories import add_totp


def test_the_demo_lead_finds_a_concern_in_progress_and_a_trip_to_sign_off(
    db: None, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    people = context.people
    with all_organisations():
        concern = Concern.objects.get(organisation=context.organisation)
        trip = RiskAssessment.objects.get(organisation=context.organisation)
    assert concern.acknowledged_at is not None and concern.closed_at is None
    assert trip.signed_off_at is None and trip.is_trip

    add_totp(people["manager"].user)  # managers sign in with two steps
    dylan = client_for(people["manager"])
    index = dylan.get("/safeguarding/").content.decode()
    assert f"/safeguarding/concerns/{concern.pk}/" in index and "Received" in index
    page = dylan.get(f"/safeguarding/concerns/{concern.pk}/").content.decode()
    assert "nothing in the cupboards" in page and "EH-2026-0412" in page
    risk = dylan.get(f"/safeguarding/sessions/{trip.session_id}/risk/").content.decode()
    assert "Sign off the risk assessment" in risk

    sam = client_for(people["practitioner"])
    sheet = sam.get(f"/safeguarding/sessions/{trip.session_id}/sheet/").content.decode()
    assert "Peanuts" in sheet and "Halal" in sheet and "Priya" in sheet
    # Sam reads only what he wrote; the commissioner and a young person see nothing.
    assert "EH-2026-0412" not in sam.get(f"/safeguarding/concerns/{concern.pk}/").content.decode()
    for username in ("commissioner", "mo", "young"):
        client = client_for(people[username])
        assert client.get(f"/safeguarding/concerns/{concern.pk}/").status_code == 404

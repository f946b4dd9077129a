"""`make run` loads the demo organisation: it must load on both databases, once, and hold what
the README and the notes promise to show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coproduce.assessments.models import Round
from coproduce.commissioning.models import Round as CommissioningRound
from coproduce.core.tenancy import all_organisations
from coproduce.home.demo import load_demo
from coproduce.projects.checklists import STAGE_ORDER
from coproduce.projects.models import Project
from tests.conftest import client_for


def test_the_demo_loads_once_and_shows_what_needs_doing(
    db: None, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    assert load_demo() is None  # running `make run` again changes nothing
    org = context.organisation
    with all_organisations():
        rounds = list(Round.objects.filter(organisation=org))
        stages = set(Project.objects.filter(organisation=org).values_list("stage", flat=True))
        commissioning = CommissioningRound.objects.filter(organisation=org).count()
    # Two past nef rounds closed; nef's current round and a Shier pathways round open.
    assert sorted(r.closed_at is None for r in rounds) == [False, False, True, True]
    assert stages == set(STAGE_ORDER)
    assert commissioning >= 1

    practitioner = client_for(context.people["practitioner"])
    home = practitioner.get("/").content.decode()
    assert "waiting too long for feedback" in home
    assert "2 photos, films or quotes cannot be published without consent" in home
    media = practitioner.get("/media/").content.decode()
    assert "Jade Williams: in care: identifiable photos and film are never published" in media
    assert "Mo: no consent recorded" in media
    assert client_for(context.people["young"]).get("/projects/my-journey/").status_code == 200

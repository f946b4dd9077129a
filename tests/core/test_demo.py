"""`make run` loads the demo organisation: it must load on both databases, once, and hold what
the README and the notes promise to show."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from coproduce.assessments.models import Round
from coproduce.commissioning.models import Round as CommissioningRound
from coproduce.core.tenancy import all_organisations
from coproduce.home.demo import load_demo
from coproduce.projects.checklists import STAGE_ORDER
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import add_totp


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


def test_the_demo_shows_shiers_levels_the_guarantee_and_the_portfolio(
    db: None, settings: Any, tmp_path: Path
) -> None:
    """Issue 24's demo: a Shier result with a level per stage, a Guarantee report whose every
    commitment cites matching evidence or says so, and the design × delivery portfolio."""
    from coproduce.assessments.models import Assessment
    from coproduce.monitoring.guarantee import COMMITMENTS

    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    add_totp(context.people["manager"].user)  # managers sign in in two steps
    manager = client_for(context.people["manager"])
    with all_organisations():
        shier = Assessment.objects.get(
            round__organisation=context.organisation,
            round__version__framework__key="shier-pathways",
        )
    result = manager.get(f"/assessments/{shier.pk}/result/").content.decode()
    for stage in ("Openings", "Opportunities", "Obligations"):
        assert stage in result
    assert "Level 4 of 5" in result and "Level 3 of 5" in result and "Level 2 of 5" in result

    with all_organisations():
        project = Project.objects.filter(organisation=context.organisation).first()
    assert project is not None
    report = manager.get(f"/monitoring/projects/{project.pk}/").content.decode()
    table = report[report.index('data-testid="guarantee"') :]
    # Every commitment has its row; the demo's records answer them with evidence or say so.
    assert all(f"{number}. " in table for number, _text, _keys in COMMITMENTS)

    portfolio = html.unescape(manager.get("/outcomes/portfolio/").content.decode())
    assert 'data-testid="matrix"' in portfolio
    with all_organisations():
        names = list(
            Project.objects.filter(organisation=context.organisation).values_list("name", flat=True)
        )
    assert sum(name in portfolio for name in names) == len(names)


def test_the_demo_gives_the_commissioner_reports_to_read_and_bids_to_score(
    db: None, settings: Any, tmp_path: Path
) -> None:
    """Issue 26: Chris, the demo commissioner, saw nothing. Bryn Valley now shares its
    monitoring with him, and he sits on the grants panel with the bids still to score."""
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    chris = client_for(context.people["commissioner"])
    home = html.unescape(chris.get("/").content.decode())
    assert "No organisation shares its reports with you yet." not in home
    assert "Bryn Valley Youth Service" in home[home.index('id="panel-shared"') :]
    with all_organisations():
        round_ = CommissioningRound.objects.get(organisation=context.organisation)
    bids = home[home.index('id="panel-commissioning"') :]
    assert f'href="/commissioning/{round_.pk}/score/"' in bids and "Wellbeing grants 2027" in bids

    shared = html.unescape(chris.get("/monitoring/shared/").content.decode())
    assert 'data-testid="shared-organisation"' in shared and "Youth Club Redesign" in shared
    briefing = chris.get(f"/commissioning/{round_.pk}/score/").content.decode()
    assert "Before you score" in briefing

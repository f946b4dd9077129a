"""Each role's home page leads with what needs doing."""

from __future__ import annotations

import datetime
import inspect
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from coproduce.commissioning import services as commissioning
from coproduce.core import hooks
from coproduce.core.dashboard import link_each
from coproduce.core.prepared import run_together
from coproduce.media import services as media
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from coproduce.projects import services as projects
from tests.conftest import client_for
from tests.factories import MembershipFactory, YoungPersonFactory
from tests.media.test_media import jpeg_with_gps
from tests.scenarios import a_project, a_session, an_idea


def _busy_organisation(practitioner: Membership, young_person: Membership) -> None:
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        project = projects.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name="Quiet Project",
            aims="x",
        )
        an_idea(practitioner, project, "Late idea", young_person)
    a_session(practitioner, project, [(young_person, True, None)], on=datetime.date(2026, 1, 6))
    media.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="photo",
        caption="No consent yet",
        file=SimpleUploadedFile("p.jpg", jpeg_with_gps()),
        project=project,
        people=[young_person],
    )
    manager = MembershipFactory.create(organisation=practitioner.organisation, role=Role.MANAGER)
    round_ = commissioning.round_create(
        acting_user=manager.user,
        project=project,
        title="Small grants",
        outcomes_sought="x",
        budget_pence=1000,
    )
    commissioning.panel_member_add(
        acting_user=manager.user, round_=round_, membership=young_person, kind="young_person"
    )


def test_staff_see_overdue_feedback_stuck_projects_and_unconsented_media_first(
    practitioner: Membership, young_person: Membership, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    _busy_organisation(practitioner, young_person)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
    assert "1 idea is waiting too long for feedback" in home
    assert "1 project has not moved on for six weeks" in home and "Quiet Project" in home
    assert "1 photo, film or quote cannot be published without consent" in home
    assert home.index("waiting too long") < home.index("not moved on")


def test_a_young_person_sees_their_check_in_and_their_panel(
    practitioner: Membership, young_person: Membership, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    _busy_organisation(practitioner, young_person)
    home = client_for(young_person).get("/").content.decode()
    assert "Check in for Quiet Project" in home
    assert "Bids waiting for your scores" in home and "Small grants" in home
    assert "not moved on" not in home and "cannot be published" not in home
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    assert "Small grants" not in client_for(other).get("/").content.decode()


def test_a_commissioner_sees_what_is_shared_with_them(commissioner: Membership) -> None:
    home = client_for(commissioner).get("/").content.decode()
    assert "No organisation shares its reports with you yet." in home
    commissioner.organisation.share_with_commissioners = True
    commissioner.organisation.save()
    home = client_for(commissioner).get("/").content.decode()
    assert "See the reports" in home


def test_overdue_feedback_shows_your_own_ideas_first_and_counts_them_all(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    project = a_project(manager)
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        for n in range(10):
            an_idea(manager, project, f"Manager's idea {n}", young_person)
    with time_machine.travel(datetime.datetime(2026, 1, 20, 12, tzinfo=datetime.UTC)):
        an_idea(practitioner, project, "Sam's own idea", young_person)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
    assert "11 ideas are waiting too long for feedback" in home
    # Due last, but Sam's own comes first; the list stops at a phone screen's worth.
    assert home.index("Sam&#x27;s own idea") < home.index("Manager&#x27;s idea 0")
    assert home.count("Manager&#x27;s idea") == 7


def test_each_overdue_idea_says_where_it_came_from_and_when_it_was_due(
    practitioner: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner, name="Skate Park")
    long_text = "A covered skate area by the library, with lights for winter evenings please"
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        idea = an_idea(practitioner, project, long_text, young_person)
    assert idea.due_on is not None
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        client = client_for(practitioner)
        home = client.get("/").content.decode()
        client.post(reverse("accounts:language"), {"language": "cy", "next": "/"})
        welsh = client.get("/").content.decode()
    when = f"{idea.due_on.day} {idea.due_on:%b}"
    # Cut to a line's worth, as truncatechars:60 would: 59 letters and an ellipsis.
    assert f">{long_text[:59]}…</a>" in home and long_text not in home
    assert f"Skate Park · due {when}" in home
    assert f"Skate Park · erbyn {idea.due_on.day} " in welsh


def test_a_project_is_stuck_six_weeks_after_it_last_moved_on_and_not_before(
    practitioner: Membership,
) -> None:
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        project = a_project(practitioner, name="Skate Park")
        a_project(practitioner, name="Finished Film")
    with time_machine.travel(datetime.datetime(2026, 2, 9, 12, tzinfo=datetime.UTC)):
        projects.project_move(
            acting_user=practitioner.user, project=project, to_stage="recruitment"
        )
    # Created eight weeks ago, but moved on five weeks ago: only the film is stuck.
    with time_machine.travel(datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
    assert "1 project has not moved on for six weeks" in home
    assert "Finished Film" in home and "Skate Park" not in home
    with time_machine.travel(datetime.datetime(2026, 3, 24, 12, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
    assert "2 projects have not moved on for six weeks" in home
    assert "Skate Park" in home and "Recruitment" in home


def test_each_listed_thing_links_where_reverse_would_send_it(db: None) -> None:
    rows: list[dict[str, Any]] = [{"id": 7}, {"id": 1234567890123}, {"id": 0}]
    link_each(rows, "projects:respond", "idea_id")
    assert [r["url"] for r in rows] == [
        reverse("projects:respond", kwargs={"idea_id": n}) for n in (7, 1234567890123, 0)
    ]
    with pytest.raises(NoReverseMatch):
        link_each(rows, "home", "idea_id")


def test_the_panels_ask_the_database_together_and_still_show_what_needs_doing(
    practitioner: Membership,
    young_person: Membership,
    settings: object,
    tmp_path: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    _busy_organisation(practitioner, young_person)
    batches: list[int] = []

    def counted(queries: Any, **kwargs: Any) -> Any:
        batches.append(len(queries))
        return run_together(queries, **kwargs)

    monkeypatch.setattr("coproduce.core.dashboard.run_together", counted)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
    # Overdue ideas, stuck projects, messages, open rounds, media, bids, join requests and
    # young people's photos waiting: one batch, which PostgreSQL answers in one round trip.
    assert batches == [8]
    assert "1 idea is waiting too long for feedback" in home
    assert "1 photo, film or quote cannot be published without consent" in home


def test_every_panel_is_registered_once_and_written_the_same_way() -> None:
    panels = list(hooks.home_panels)
    assert len(panels) == len(set(panels)) >= 9
    # Each is a generator function, even one that asks no prepared query.
    assert [p.__qualname__ for p in panels if not inspect.isgeneratorfunction(p)] == []
    apps.get_app_config("projects").ready()  # a second ready() registers nothing twice
    assert list(hooks.home_panels) == panels

"""Scenario: Fran has an idea for the whole youth service, not one project. She gives it from
her phone; a manager answers it; every young person in the organisation sees it on the
organisation's "You said – we did" board. The organisation may also publish a public board,
off until a manager turns it on, that shows no names."""

from __future__ import annotations

from django.test import Client

from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.models import Idea
from tests.conftest import client_for
from tests.factories import OrganisationFactory, YoungPersonFactory
from tests.scenarios import a_project


def test_a_young_person_gives_an_idea_to_the_whole_organisation(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    fran = client_for(young_person)
    form = fran.get("/projects/my-ideas/add/").content.decode()
    assert "The whole organisation" in form
    sent = fran.post("/projects/my-ideas/add/", {"project": "", "text": "Open on Sundays"})
    assert sent.status_code == 302
    idea = Idea.objects.get()
    assert idea.project is None and idea.author == young_person and idea.owner == manager
    assert "Open on Sundays" in client_for(manager).get("/projects/board/").content.decode()
    assert "Open on Sundays" not in fran.get("/projects/board/").content.decode()  # unanswered

    page = client_for(manager).post(
        f"/projects/ideas/{idea.pk}/answer/",
        {"status": "not_adopted", "reason": "No staff on Sundays yet; we will ask the council"},
    )
    assert page.status_code == 302 and page["Location"] == "/projects/board/"
    someone_else = YoungPersonFactory.create(organisation=young_person.organisation)
    board = client_for(someone_else).get("/projects/board/").content.decode()
    assert "Open on Sundays" in board and "No staff on Sundays yet" in board
    assert young_person.user.display_name not in board
    mine = fran.get("/projects/my-ideas/").content.decode()
    assert "The whole organisation" in mine and "Not adopted" in mine


def test_an_answered_organisation_idea_leaves_the_overdue_list(
    manager: Membership, young_person: Membership
) -> None:
    idea = services.idea_give(
        acting_user=young_person.user, project=None, young_person=young_person, text="Wifi"
    )
    services.response_give(
        acting_user=manager.user, ideas=[idea], status="not_adopted", reason="Too costly"
    )
    late = idea.due_on.replace(year=idea.due_on.year + 1)
    assert not selectors.overdue_ideas(organisation=manager.organisation, today=late).exists()


def test_the_public_board_is_off_until_a_manager_publishes_it(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    skate = a_project(practitioner, name="Skate Park Design")
    asked = services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    services.join_request_decide(acting_user=practitioner.user, join_request=asked, accept=True)
    idea = services.idea_give(
        acting_user=young_person.user, project=skate, young_person=young_person, text="A bowl"
    )
    services.response_give(
        acting_user=practitioner.user, ideas=[idea], status="adopted", action="We built a bowl"
    )
    slug = admin.organisation.slug
    visitor = Client()
    assert visitor.get(f"/projects/public/{slug}/").status_code == 404

    client_for(admin).post(
        "/projects/settings/", {"ladder": "hart", "feedback_due_days": 28, "public_board": "on"}
    )
    page = visitor.get(f"/projects/public/{slug}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "A bowl" in html and "We built a bowl" in html and "Skate Park Design" in html
    assert young_person.user.display_name not in html
    other = OrganisationFactory.create(slug="somewhere-else")
    assert visitor.get(f"/projects/public/{other.slug}/").status_code == 404

"""Scenario: a manager looks across every project to see how each is co-produced.

The rules, in our words: nef's matrix (seed 004) places a service by who designs it and who
delivers it: staff and staff is the traditional model, shared design is co-designed, shared
delivery is co-delivered, both shared is full co-production, and young people doing both is
community-led. Bovaird and Loeffler (seed 001) name eight forms of co-production; a project
may use several."""

from __future__ import annotations

import html

import pytest

from coproduce.assessments.matrix import cell_for
from coproduce.organisations.models import Membership, Organisation
from coproduce.projects import services as projects
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("designed", "delivered", "cell"),
    [
        ("professionals", "professionals", "Traditional service"),
        ("together", "professionals", "Co-designed"),
        ("professionals", "together", "Co-delivered"),
        ("together", "together", "Full co-production"),
        ("young_people", "young_people", "Community-led"),
    ],
)
def test_it_names_the_cell_from_who_designs_and_who_delivers(
    designed: str, delivered: str, cell: str
) -> None:
    assert str(cell_for(designed, delivered).label) == cell


def test_the_portfolio_places_every_project_in_its_cell_and_under_each_form(
    organisation: Organisation, manager: Membership, django_assert_max_num_queries: object
) -> None:
    made = {}
    for name, designed, delivered, forms in [
        ("Youth council", "together", "together", ["co_planning", "co_design"]),
        ("Holiday club", "professionals", "professionals", []),
        ("Peer mentors", "professionals", "together", ["co_delivery"]),
        ("Skate park crew", "young_people", "young_people", ["co_management", "co_design"]),
    ]:
        made[name] = projects.project_create(
            acting_user=manager.user,
            organisation=organisation,
            name=name,
            aims="Aims",
            forms=forms,
            designed_by=designed,
            delivered_by=delivered,
        )
    client = client_for(manager)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get("/outcomes/portfolio/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    matrix = page[page.index('data-testid="matrix"') : page.index('data-testid="forms"')]

    def cell_text(key: str) -> str:
        start = matrix.index(f'data-cell="{key}"')
        return matrix[start : matrix.index("</td>", start)]

    assert "Youth council" in cell_text("co_production")
    assert "Holiday club" in cell_text("traditional")
    assert "Peer mentors" in cell_text("co_delivered")
    assert "Skate park crew" in cell_text("community_led")
    assert "No projects" in cell_text("co_designed")

    listed = page[page.index('data-testid="forms"') :]
    design_row = listed[listed.index("Co-design<") :]
    design_row = design_row[: design_row.index("</div>")]
    assert "Youth council" in design_row and "Skate park crew" in design_row
    assert "Holiday club" not in design_row
    for form in [
        "Co-commissioning",
        "Co-planning of policy",
        "Co-prioritisation",
        "Co-financing",
        "Co-design",
        "Co-delivery",
        "Co-management",
        "Co-assessment",
    ]:
        assert form in listed


def test_young_people_cannot_open_the_portfolio(young_person: Membership) -> None:
    assert client_for(young_person).get("/outcomes/portfolio/").status_code == 403


def test_the_portfolio_is_reachable_from_monitoring(manager: Membership) -> None:
    page = client_for(manager).get("/monitoring/").content.decode()
    assert 'href="/outcomes/portfolio/"' in page

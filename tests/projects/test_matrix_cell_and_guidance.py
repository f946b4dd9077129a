"""Scenario: staff open a project and see, in words, where it sits between staff doing
everything and young people leading; the project's cycle links to the guidance.

The rules, in our words: nef's slides (seed 004) place a service by two questions, who
designs it and who delivers it, and name the cells that answer makes (a traditional service,
co-designed, co-delivered, full co-production, community-led)."""

from __future__ import annotations

import html

from coproduce.organisations.models import Membership
from coproduce.projects import services
from tests.conftest import client_for


def _page(member: Membership, url: str) -> str:
    response = client_for(member).get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_project_page_names_the_design_and_delivery_cell(practitioner: Membership) -> None:
    cells = {
        ("professionals", "professionals"): "Traditional service",
        ("together", "professionals"): "Co-designed",
        ("professionals", "together"): "Co-delivered",
        ("together", "together"): "Full co-production",
        ("young_people", "young_people"): "Community-led",
    }
    for (designed, delivered), name in cells.items():
        project = services.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name=f"Project {designed} {delivered}",
            aims="x",
            designed_by=designed,
            delivered_by=delivered,
        )
        page = _page(practitioner, f"/projects/{project.pk}/")
        row = page.split('data-testid="matrix-cell"', 1)[1].split("</div>", 1)[0]
        assert name in row, (designed, delivered)
        others = [other for other in cells.values() if other != name]
        assert not any(f"<strong>{other}</strong>" in row for other in others)
        assert "/assessments/guidance/#matrix" in row


def test_the_project_cycle_links_to_the_guidance(practitioner: Membership) -> None:
    project = services.project_create(
        acting_user=practitioner.user, organisation=practitioner.organisation, name="P", aims="x"
    )
    link = "Guidance: what co-production is and is not, and how to check it"
    assert link in _page(practitioner, f"/projects/{project.pk}/")
    stage = _page(practitioner, f"/projects/{project.pk}/checklist/")
    assert link in stage and 'href="/assessments/guidance/"' in stage
    assert "Co-production: what it is" in _page(practitioner, "/assessments/guidance/")

"""Scenario: who may decide where the money goes. Managers and admins start a round, set it up,
run the moderation meeting and record the decision, as may a panel chair a manager names.
Other practitioners score when they are seated on the panel, and that is all."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coproduce.commissioning import services
from coproduce.commissioning.models import PanelMember
from coproduce.organisations.models import Membership, Organisation
from coproduce.projects.services import project_create
from tests.commissioning.helpers import Panel, make_panel, score_all
from tests.conftest import client_for

ROWS = [[3, 4, 3], [5, 5, 4], [4, 3, 4]]


def scored(organisation: Organisation) -> Panel:
    """Two young people and one member of staff have scored and submitted."""
    panel = make_panel(organisation, young=2, staff=1)
    for seat in [*panel.young, *panel.staff]:
        score_all(panel, seat, ROWS)
    return panel


def moderate_and_finalise(client: object, panel: Panel) -> list[int]:
    """Agree every bid's scores on the page, then finalise: the status code of each step."""
    codes = []
    for bid, row in zip(panel.bids, ROWS, strict=True):
        data: dict[str, object] = {"panel_reasons": f"Reasons for {bid.provider}", "amount": "0"}
        for criterion, score in zip(panel.criteria, row, strict=True):
            data[f"score_{criterion.pk}"] = score
            data[f"comment_{criterion.pk}"] = "agreed in the meeting"
        url = f"/commissioning/{panel.round.pk}/bids/{bid.pk}/moderate/"
        codes.append(client.post(url, data).status_code)  # type: ignore[attr-defined]
    codes.append(
        client.post(  # type: ignore[attr-defined]
            f"/commissioning/{panel.round.pk}/finalise/", {"decision_summary": "None funded."}
        ).status_code
    )
    return codes


def test_a_practitioner_cannot_start_a_round(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    client = client_for(practitioner)
    assert "Start a commissioning round" not in client.get("/commissioning/").content.decode()
    assert client.get("/commissioning/new/").status_code == 403
    project = project_create(
        acting_user=practitioner.user, organisation=organisation, name="Grants", aims="x"
    )
    form = {"project": project.pk, "title": "My own round", "outcomes_sought": "x", "budget": "10"}
    assert client.post("/commissioning/new/", form).status_code == 403
    with pytest.raises(PermissionDenied):
        services.round_create(
            acting_user=practitioner.user,
            project=project,
            title="Behind the page's back",
            outcomes_sought="x",
            budget_pence=1000,
        )
    managers = client_for(manager)
    assert "Start a commissioning round" in managers.get("/commissioning/").content.decode()
    assert managers.get("/commissioning/new/").status_code == 200


def test_a_practitioner_off_the_panel_sees_no_scores_and_cannot_decide(
    organisation: Organisation, practitioner: Membership
) -> None:
    panel = scored(organisation)
    client = client_for(practitioner)
    round_page = client.get(f"/commissioning/{panel.round.pk}/").content.decode()
    for hidden in ["Moderation meeting", "Add a bid", "Add a criterion", "Downloads"]:
        assert hidden not in round_page
    base = f"/commissioning/{panel.round.pk}"
    assert client.get(f"{base}/moderation/").status_code == 403
    assert client.get(f"{base}/scores.csv").status_code == 403
    assert client.get(f"{base}/scores.xlsx").status_code == 403
    assert client.get(f"{base}/bids/{panel.bids[0].pk}/moderate/").status_code == 403
    assert client.get(f"{base}/criteria/add/").status_code == 403
    assert moderate_and_finalise(client, panel) == [403, 403, 403, 403]
    with pytest.raises(PermissionDenied):
        services.round_finalise(
            acting_user=practitioner.user,
            acting_membership=practitioner,
            round_=panel.round,
            decision_summary="Decided by someone who may not",
        )
    panel.round.refresh_from_db()
    assert panel.round.is_open


def test_a_practitioner_on_the_panel_scores_but_does_not_decide(organisation: Organisation) -> None:
    panel = scored(organisation)
    seated = client_for(panel.staff[0].membership)
    base = f"/commissioning/{panel.round.pk}"
    page = seated.get(f"{base}/moderation/")  # after submitting, they see the panel's scores
    assert page.status_code == 200
    assert "Finalise the decision" not in page.content.decode()
    assert "Agree scores and award" not in page.content.decode()
    assert moderate_and_finalise(seated, panel) == [403, 403, 403, 403]


def test_a_manager_moderates_and_finalises(organisation: Organisation) -> None:
    panel = scored(organisation)
    client = client_for(panel.officer)  # a manager, not on the panel
    page = client.get(f"/commissioning/{panel.round.pk}/moderation/").content.decode()
    assert "Finalise the decision" in page
    assert moderate_and_finalise(client, panel) == [302, 302, 302, 302]
    panel.round.refresh_from_db()
    assert not panel.round.is_open


def test_a_chair_named_by_a_manager_moderates_and_finalises(
    organisation: Organisation, practitioner: Membership
) -> None:
    panel = make_panel(organisation, young=2, staff=0)
    chair = services.panel_member_add(
        acting_user=panel.officer.user,
        round_=panel.round,
        membership=practitioner,
        kind="staff",
        is_chair=True,
    )
    for seat in [*panel.young, chair]:
        score_all(panel, seat, ROWS)
    client = client_for(practitioner)
    round_page = client.get(f"/commissioning/{panel.round.pk}/").content.decode()
    assert "Moderation meeting" in round_page and "Add a bid" in round_page
    assert moderate_and_finalise(client, panel) == [302, 302, 302, 302]
    panel.round.refresh_from_db()
    assert not panel.round.is_open
    assert client.get(f"/commissioning/{panel.round.pk}/scores.csv").status_code == 200


def test_only_a_manager_names_the_chair_and_only_from_the_staff(
    organisation: Organisation, practitioner: Membership
) -> None:
    panel = make_panel(organisation, young=1, staff=1)
    services.panel_member_add(
        acting_user=panel.officer.user,
        round_=panel.round,
        membership=practitioner,
        kind="staff",
        is_chair=True,
    )
    other = panel.staff[0].membership
    PanelMember.objects.filter(membership=other).delete()
    with pytest.raises(PermissionDenied):  # a chair cannot name another chair
        services.panel_member_add(
            acting_user=practitioner.user,
            round_=panel.round,
            membership=other,
            kind="staff",
            is_chair=True,
        )
    young = panel.young[0].membership
    PanelMember.objects.filter(membership=young).delete()
    with pytest.raises(ValidationError, match="member of staff to chair"):
        services.panel_member_add(
            acting_user=panel.officer.user,
            round_=panel.round,
            membership=young,
            kind="young_person",
            is_chair=True,
        )
    # The form offers the choice to managers only.
    assert (
        "Chairs the panel"
        in client_for(panel.officer)
        .get(f"/commissioning/{panel.round.pk}/panel/add/")
        .content.decode()
    )
    assert (
        "Chairs the panel"
        not in client_for(practitioner)
        .get(f"/commissioning/{panel.round.pk}/panel/add/")
        .content.decode()
    )

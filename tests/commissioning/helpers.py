"""A commissioning round as in Fran's case study: three bids, three criteria, a panel."""

from __future__ import annotations

from dataclasses import dataclass

from coproduce.commissioning import services
from coproduce.commissioning.models import Bid, Criterion, PanelMember, Round
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from coproduce.projects.services import project_create
from tests.factories import MembershipFactory, YoungPersonFactory


@dataclass
class Panel:
    round: Round
    criteria: list[Criterion]
    bids: list[Bid]
    young: list[PanelMember]
    staff: list[PanelMember]
    officer: Membership


def make_panel(
    organisation: Organisation, *, young: int = 3, staff: int = 2, budget: int = 140000000
) -> Panel:
    officer = MembershipFactory.create(
        organisation=organisation,
        role=Role.MANAGER,  # managers start and decide rounds
        user__username="officer",
        user__first_name="Olwen",
    )
    project = project_create(
        acting_user=officer.user,
        organisation=organisation,
        name="Grants panel",
        aims="Decide the grants",
    )
    round_ = services.round_create(
        acting_user=officer.user,
        project=project,
        title="Wellbeing grants",
        outcomes_sought="Better wellbeing",
        budget_pence=budget,
        briefing="Score on your own first.",
    )
    criteria = [
        services.criterion_add(acting_user=officer.user, round_=round_, name=name, weight=weight)
        for name, weight in [("Young people shaped it", 40), ("Reach", 35), ("Value", 25)]
    ]
    bids = [
        services.bid_add(
            acting_user=officer.user,
            round_=round_,
            provider=provider,
            title=title,
            summary="…",
            amount_requested_pence=amount,
        )
        for provider, title, amount in [
            ("Family Hub", "Parents Together", 48000000),
            ("The Shed", "A Place to Go", 62000000),
            ("Valley Voices", "Newshounds", 35000000),
        ]
    ]
    young_seats = [
        services.panel_member_add(
            acting_user=officer.user,
            round_=round_,
            membership=YoungPersonFactory.create(
                organisation=organisation, user__first_name=f"Young{i}"
            ),
            kind="young_person",
        )
        for i in range(young)
    ]
    staff_seats = [
        services.panel_member_add(
            acting_user=officer.user,
            round_=round_,
            membership=MembershipFactory.create(
                organisation=organisation, user__first_name=f"Staff{i}"
            ),
            kind="staff",
        )
        for i in range(staff)
    ]
    return Panel(round_, criteria, bids, young_seats, staff_seats, officer)


def score_all(
    panel: Panel, seat: PanelMember, scores: list[list[int]], *, submit: bool = True
) -> None:
    """Brief, declare no interest and score every bid (rows) on every criterion (columns)."""
    user = seat.membership.user
    services.briefing_confirm(acting_user=user, member=seat)
    for bid, row in zip(panel.bids, scores, strict=True):
        services.declaration_make(acting_user=user, member=seat, bid=bid, has_interest=False)
        services.bid_score(
            acting_user=user,
            member=seat,
            bid=bid,
            scores={c.pk: (s, "because") for c, s in zip(panel.criteria, row, strict=True)},
        )
    if submit:
        services.scores_submit(acting_user=user, member=seat)


def agree_all(panel: Panel, scores: list[list[int]], awards: list[int]) -> None:
    for bid, row, award in zip(panel.bids, scores, awards, strict=True):
        services.bid_moderate(
            acting_user=panel.officer.user,
            acting_membership=panel.officer,
            bid=bid,
            agreed={
                c.pk: (s, "agreed in the meeting") for c, s in zip(panel.criteria, row, strict=True)
            },
            panel_reasons=f"Reasons for {bid.provider}",
            award_pence=award,
        )

"""Demo commissioning round on the Mental Health Grants Panel project, after Fran's case study
(seed 003): three bids, a panel of young people and staff, most of them already scored. Fran
and the council's commissioner, Chris, have yet to score: the bids wait on their home pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.commissioning import services
from coproduce.projects.selectors import projects_for

if TYPE_CHECKING:
    from coproduce.core.demo import DemoContext

CRITERIA = [
    ("Young people helped shape it", "Were young people involved in designing the project?", 40),
    ("Reaches young people who need it", "Who will it reach, and how will they hear about it?", 35),
    ("Good value for money", "Is the cost reasonable for what it will do?", 25),
]
BIDS = [
    (
        "Bryn Valley Family Hub",
        "Parents Together",
        "Weekly sessions helping parents support their teenagers' wellbeing.",
        48000000,
    ),
    (
        "The Shed Youth Project",
        "A Place to Go",
        "An open-access evening space run with young people, four nights a week.",
        62000000,
    ),
    (
        "Valley Voices CIC",
        "Newshounds",
        "A young people's media group making films and podcasts about wellbeing.",
        35000000,
    ),
]
# username → scores per bid (rows) per criterion (columns)
SCORES = {
    "aisha": [[3, 4, 3], [5, 5, 4], [4, 3, 4]],
    "kai": [[2, 3, 4], [4, 5, 3], [5, 4, 4]],
    "practitioner": [[4, 4, 3], [4, 4, 4], [3, 3, 4]],
    "manager": [[3, 4, 4], [5, 4, 3], [3, 2, 4]],
}


def load(context: DemoContext) -> None:
    user = context.people["manager"].user  # managers start and run rounds
    project = projects_for(organisation=context.organisation).get(name="Mental Health Grants Panel")
    round_ = services.round_create(
        acting_user=user,
        project=project,
        title="Wellbeing grants 2027",
        outcomes_sought="Projects that improve young people's emotional wellbeing in Bryn Valley.",
        budget_pence=140000000,
        briefing=(
            "Read each bid on your own and score it against the three criteria. Keep bids "
            "private: do not share them outside the panel. If you know anyone at an "
            "organisation that has bid, say so; you will not score that bid."
        ),
    )
    criteria = [
        services.criterion_add(acting_user=user, round_=round_, name=n, guidance=g, weight=w)
        for n, g, w in CRITERIA
    ]
    bids = [
        services.bid_add(
            acting_user=user,
            round_=round_,
            provider=provider,
            title=title,
            summary=summary,
            amount_requested_pence=amount,
        )
        for provider, title, summary, amount in BIDS
    ]
    seats = {
        "young": services.panel_member_add(
            acting_user=user, round_=round_, membership=context.people["young"], kind="young_person"
        ),
        # The council's commissioner sits on the panel beside the young people (seed 003).
        "commissioner": services.panel_member_add(
            acting_user=user,
            round_=round_,
            membership=context.people["commissioner"],
            kind="other",
            role_title="Commissioner, Bryn Valley Council",
        ),
    }
    for username, kind, title in [
        ("aisha", "young_person", ""),
        ("kai", "young_person", ""),
        ("practitioner", "staff", ""),
        ("manager", "staff", "Chair"),
    ]:
        seat = services.panel_member_add(
            acting_user=user,
            round_=round_,
            membership=context.people[username],
            kind=kind,
            role_title=title,
            is_chair=title == "Chair",
        )
        seats[username] = seat
        services.briefing_confirm(acting_user=seat.membership.user, member=seat)
        for bid, row in zip(bids, SCORES[username], strict=True):
            services.declaration_make(
                acting_user=seat.membership.user, member=seat, bid=bid, has_interest=False
            )
            services.bid_score(
                acting_user=seat.membership.user,
                member=seat,
                bid=bid,
                scores={
                    c.pk: (score, "Based on what the bid says.")
                    for c, score in zip(criteria, row, strict=True)
                },
            )
        services.scores_submit(acting_user=seat.membership.user, member=seat)

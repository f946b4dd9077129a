"""Scenarios from Fran's case study: briefing, declarations, blind scoring, quorum,
moderation within the budget, and feedback to the panel and the bidders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from coproduce.commissioning import selectors as sel
from coproduce.commissioning import services
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership, Organisation
from coproduce.projects.models import Idea
from tests.commissioning.helpers import agree_all, make_panel, score_all
from tests.conftest import client_for

ROWS = [[3, 4, 3], [5, 5, 4], [4, 3, 4]]


def test_it_asks_for_the_briefing_before_any_score(organisation: Organisation) -> None:
    panel = make_panel(organisation)
    seat = panel.young[0]
    with pytest.raises(ValidationError, match="briefing"):
        services.score_save(
            acting_user=seat.membership.user,
            member=seat,
            bid=panel.bids[0],
            criterion=panel.criteria[0],
            score=3,
            comment="good",
        )


def test_it_asks_for_a_declaration_and_a_reason_before_a_score(organisation: Organisation) -> None:
    panel = make_panel(organisation)
    seat = panel.young[0]
    user = seat.membership.user
    services.briefing_confirm(acting_user=user, member=seat)
    with pytest.raises(ValidationError, match="interest"):
        services.score_save(
            acting_user=user,
            member=seat,
            bid=panel.bids[0],
            criterion=panel.criteria[0],
            score=3,
            comment="x",
        )
    services.declaration_make(acting_user=user, member=seat, bid=panel.bids[0], has_interest=False)
    with pytest.raises(ValidationError) as error:
        services.score_save(
            acting_user=user,
            member=seat,
            bid=panel.bids[0],
            criterion=panel.criteria[0],
            score=3,
            comment=" ",
        )
    assert "comment" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.score_save(
            acting_user=user,
            member=seat,
            bid=panel.bids[0],
            criterion=panel.criteria[0],
            score=6,
            comment="x",
        )
    assert error.value.message_dict["score"] == ["Give a score from 1 to 5"]


def test_a_conflicted_member_cannot_score_that_bid_and_their_earlier_scores_do_not_count(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation)
    seat = panel.young[0]
    user = seat.membership.user
    score_all(panel, seat, ROWS, submit=False)
    services.declaration_make(
        acting_user=user,
        member=seat,
        bid=panel.bids[0],
        has_interest=True,
        details="My aunt runs it",
    )
    with pytest.raises(ValidationError, match="declared an interest"):
        services.score_save(
            acting_user=user,
            member=seat,
            bid=panel.bids[0],
            criterion=panel.criteria[0],
            score=5,
            comment="x",
        )
    assert not seat.scores.filter(bid=panel.bids[0]).exists()
    # They can still submit: the conflicted bid is not asked of them.
    services.scores_submit(acting_user=user, member=seat)
    moderation = sel.moderation_of(panel.round)
    conflicted = next(r for r in moderation.results if r.bid == panel.bids[0])
    assert all(cell.spread.scores == () for cell in conflicted.cells)
    other = next(r for r in moderation.results if r.bid == panel.bids[1])
    assert [cell.spread.scores for cell in other.cells] == [(5,), (5,), (4,)]


def test_an_interest_must_be_explained(organisation: Organisation) -> None:
    panel = make_panel(organisation)
    seat = panel.staff[0]
    services.briefing_confirm(acting_user=seat.membership.user, member=seat)
    with pytest.raises(ValidationError) as error:
        services.declaration_make(
            acting_user=seat.membership.user, member=seat, bid=panel.bids[0], has_interest=True
        )
    assert "details" in error.value.message_dict


def test_submitting_needs_every_score_then_locks_them(organisation: Organisation) -> None:
    panel = make_panel(organisation)
    seat = panel.young[0]
    user = seat.membership.user
    score_all(panel, seat, ROWS, submit=False)
    seat.scores.filter(bid=panel.bids[2], criterion=panel.criteria[2]).delete()
    with pytest.raises(ValidationError, match="1 scores are missing"):
        services.scores_submit(acting_user=user, member=seat)
    services.score_save(
        acting_user=user,
        member=seat,
        bid=panel.bids[2],
        criterion=panel.criteria[2],
        score=4,
        comment="x",
    )
    services.scores_submit(acting_user=user, member=seat)
    with pytest.raises(ValidationError, match="already submitted"):
        services.score_save(
            acting_user=user,
            member=seat,
            bid=panel.bids[2],
            criterion=panel.criteria[2],
            score=1,
            comment="x",
        )


def test_a_young_person_sees_nobody_elses_scores_until_they_submit(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation)
    staff_seat = panel.staff[0]
    score_all(panel, staff_seat, ROWS)
    staff_seat.scores.filter(bid=panel.bids[0]).update(comment="SECRET-STAFF-VIEW")
    fran = panel.young[0]
    score_all(panel, fran, ROWS, submit=False)
    client = client_for(fran.membership)

    page = client.get(f"/commissioning/{panel.round.pk}/moderation/")
    assert page.status_code == 403
    assert "Submit your own scores first" in page.content.decode()
    visible = sel.visible_scores(panel.round, fran.membership)
    assert {s.member_id for s in visible} == {fran.pk}
    own_page = client.get(f"/commissioning/{panel.round.pk}/bids/{panel.bids[0].pk}/score/")
    assert "SECRET-STAFF-VIEW" not in own_page.content.decode()

    services.scores_submit(acting_user=fran.membership.user, member=fran)
    page = client.get(f"/commissioning/{panel.round.pk}/moderation/")
    assert page.status_code == 200
    assert {s.member_id for s in sel.visible_scores(panel.round, fran.membership)} == {
        fran.pk,
        staff_seat.pk,
    }


def test_a_young_person_not_on_the_panel_cannot_open_the_round(
    organisation: Organisation, young_person: Membership
) -> None:
    panel = make_panel(organisation)
    assert client_for(young_person).get(f"/commissioning/{panel.round.pk}/").status_code == 404


def test_finalising_is_refused_until_young_people_are_half_of_those_who_scored(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation)
    score_all(panel, panel.young[0], ROWS)
    score_all(panel, panel.staff[0], ROWS)
    score_all(panel, panel.staff[1], ROWS)
    score_all(panel, panel.young[1], ROWS, submit=False)  # scored but not submitted: not counted
    agree_all(panel, ROWS, [0, 0, 0])
    with pytest.raises(ValidationError) as error:
        services.round_finalise(
            acting_user=panel.officer.user,
            acting_membership=panel.officer,
            round_=panel.round,
            decision_summary="We funded nothing",
        )
    message = " ".join(error.value.messages)
    assert "1 young people and 2 others have submitted scores" in message
    assert "1 more young person needs to submit" in message

    services.scores_submit(acting_user=panel.young[1].membership.user, member=panel.young[1])
    services.round_finalise(
        acting_user=panel.officer.user,
        acting_membership=panel.officer,
        round_=panel.round,
        decision_summary="We funded nothing",
    )
    panel.round.refresh_from_db()
    assert not panel.round.is_open


def test_finalising_needs_agreed_scores_and_reasons_for_every_bid(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation, young=1, staff=1)
    score_all(panel, panel.young[0], ROWS)
    score_all(panel, panel.staff[0], ROWS)
    with pytest.raises(ValidationError) as error:
        services.round_finalise(
            acting_user=panel.officer.user,
            acting_membership=panel.officer,
            round_=panel.round,
            decision_summary="",
        )
    message = " ".join(error.value.messages)
    assert "9 bid criteria still need an agreed score" in message
    assert "Family Hub, The Shed, Valley Voices" in message
    assert "Write what the panel decided" in message


def test_moderation_shows_spread_biggest_disagreement_first(organisation: Organisation) -> None:
    panel = make_panel(organisation, young=2, staff=1)
    score_all(panel, panel.young[0], [[1, 4, 3], [5, 5, 4], [4, 3, 4]])
    score_all(panel, panel.young[1], [[5, 4, 3], [5, 4, 4], [4, 3, 4]])
    score_all(panel, panel.staff[0], [[3, 4, 3], [5, 3, 4], [4, 3, 4]])
    moderation = sel.moderation_of(panel.round)
    first, cell = moderation.disagreements[0]
    assert (first.bid, cell.criterion) == (panel.bids[0], panel.criteria[0])
    assert (cell.spread.median, cell.spread.range) == (Decimal(3), 4)
    second = moderation.disagreements[1]
    assert (second[0].bid, second[1].criterion, second[1].spread.range) == (
        panel.bids[1],
        panel.criteria[1],
        2,
    )


def test_agreed_scores_rank_the_bids_with_the_weighting(organisation: Organisation) -> None:
    panel = make_panel(organisation, young=1, staff=1)
    score_all(panel, panel.young[0], ROWS)
    score_all(panel, panel.staff[0], ROWS)
    agree_all(panel, [[5, 1, 3], [4, 2, 5], [3, 3, 3]], [0, 0, 0])
    moderation = sel.moderation_of(panel.round)
    assert [(r.position, r.bid.provider, r.agreed_total) for r in moderation.results] == [
        (1, "The Shed", Decimal("63.8")),
        (2, "Family Hub", Decimal("52.5")),
        (3, "Valley Voices", Decimal("50.0")),
    ]


def test_awards_cannot_pass_the_budget_or_the_amount_asked_for(organisation: Organisation) -> None:
    panel = make_panel(organisation, budget=100000000)  # £1m for £1.45m of bids
    officer = panel.officer

    def award(i: int, pence: int) -> None:
        services.award_set(
            acting_user=officer.user,
            acting_membership=officer,
            bid=panel.bids[i],
            amount_pence=pence,
        )

    award(1, 62000000)
    with pytest.raises(ValidationError) as error:
        award(0, 48000000)
    assert error.value.message_dict["amount"] == [
        "That is more than the budget has left: £380,000.00 is unallocated."
    ]
    with pytest.raises(ValidationError, match="more than the bid asked for"):
        award(2, 35000001)
    award(0, 38000000)  # exactly the rest of the budget
    assert sel.moderation_of(panel.round).remaining_pence == 0
    award(1, 0)  # taking an award back frees the money
    assert sel.moderation_of(panel.round).allocated_pence == 38000000
    award(2, 35000000)


def test_a_practitioner_on_the_panel_is_staff_but_a_young_person_cannot_record_decisions(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation)
    fran = panel.young[0].membership
    with pytest.raises(ValidationError, match="Only staff"):
        services.award_set(
            acting_user=fran.user, acting_membership=fran, bid=panel.bids[0], amount_pence=100
        )


def test_a_young_person_always_takes_part_as_a_young_person(
    organisation: Organisation, young_person: Membership
) -> None:
    panel = make_panel(organisation)
    with pytest.raises(ValidationError) as error:
        services.panel_member_add(
            acting_user=panel.officer.user,
            round_=panel.round,
            membership=young_person,
            kind="staff",
        )
    assert "kind" in error.value.message_dict


def test_the_decision_is_fed_back_to_the_panel_as_you_said_we_did_and_the_round_is_locked(
    organisation: Organisation,
) -> None:
    panel = make_panel(organisation, young=2, staff=2)
    for seat in panel.young + panel.staff:
        score_all(panel, seat, ROWS)
    agree_all(panel, ROWS, [48000000, 62000000, 30000000])
    services.round_finalise(
        acting_user=panel.officer.user,
        acting_membership=panel.officer,
        round_=panel.round,
        decision_summary="All three funded; Newshounds for a shorter pilot.",
    )
    idea = Idea.objects.get(project=panel.round.project)
    assert idea.group_name == "Commissioning panel"
    assert (
        idea.response is not None
        and idea.response.action == "All three funded; Newshounds for a shorter pilot."
    )
    assert idea.response.feedback_given_on is not None
    told = set(
        Notification.objects.filter(kind="commissioning.decided").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {s.membership.user_id for s in panel.young + panel.staff}
    with pytest.raises(ValidationError, match="decided"):
        services.award_set(
            acting_user=panel.officer.user,
            acting_membership=panel.officer,
            bid=panel.bids[2],
            amount_pence=1,
        )
    board = client_for(panel.officer).get(f"/projects/{panel.round.project.pk}/board/")
    assert "All three funded" in board.content.decode()


def test_the_meeting_view_costs_the_same_queries_however_many_bids(
    organisation: Organisation, django_assert_num_queries: Any
) -> None:
    panel = make_panel(organisation, young=2, staff=1)
    for seat in panel.young + panel.staff:
        score_all(panel, seat, ROWS)
    client = client_for(panel.officer)
    url = f"/commissioning/{panel.round.pk}/moderation/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as three_bids:
        assert client.get(url).status_code == 200
    for i in range(4):
        services.bid_add(
            acting_user=panel.officer.user,
            round_=panel.round,
            provider=f"Extra {i}",
            title="More",
            summary="…",
            amount_requested_pence=1000,
        )
    with django_assert_num_queries(len(three_bids.captured_queries)):
        client.get(url)

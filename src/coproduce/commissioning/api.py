"""Commissioning API: rounds, bids, criteria, scores and decisions (staff tokens and sessions)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from coproduce.commissioning import selectors as sel
from coproduce.commissioning import services
from coproduce.commissioning.models import Round, Score
from coproduce.core.api_auth import auth_membership

router = Router(tags=["Co-commissioning"])


class RoundOut(Schema):
    id: int
    title: str
    project_id: int
    outcomes_sought: str
    budget_pence: int
    scale_min: int
    scale_max: int
    status: str
    decided_at: datetime.datetime | None


class CriterionOut(Schema):
    id: int
    name: str
    guidance: str
    weight: int


class BidOut(Schema):
    id: int
    provider: str
    title: str
    summary: str
    lot_id: int | None
    amount_requested_pence: int


class ScoreIn(Schema):
    criterion_id: int
    score: int
    comment: str


class ScoreOut(Schema):
    member_id: int
    bid_id: int
    criterion_id: int
    score: int
    comment: str


class CellOut(Schema):
    criterion_id: int
    scores: list[int]
    median: Decimal | None
    agreed_score: int | None
    agreed_rationale: str


class ResultOut(Schema):
    bid_id: int
    position: int | None
    provisional_percent: Decimal
    agreed_percent: Decimal | None
    awarded_pence: int
    cells: list[CellOut]


class DecisionOut(Schema):
    round_id: int
    status: str
    quorate: bool
    young_people_scored: int
    others_scored: int
    budget_pence: int
    allocated_pence: int
    decision_summary: str
    results: list[ResultOut]


def _score_out(s: Score) -> ScoreOut:
    return ScoreOut(
        member_id=s.member_id,
        bid_id=s.bid_id,
        criterion_id=s.criterion_id,
        score=s.score,
        comment=s.comment,
    )


def _round(request: HttpRequest, commissioning_id: int) -> Round:
    return sel.get_round_for(membership=auth_membership(request), pk=commissioning_id)


@router.get("/rounds", response=list[RoundOut])
def list_rounds(request: HttpRequest) -> list[Round]:
    return list(sel.rounds_for(auth_membership(request)))


@router.get("/rounds/{commissioning_id}", response=RoundOut)
def get_round(request: HttpRequest, commissioning_id: int) -> Round:
    return _round(request, commissioning_id)


@router.get("/rounds/{commissioning_id}/criteria", response=list[CriterionOut])
def list_criteria(request: HttpRequest, commissioning_id: int) -> list[object]:
    return list(sel.criteria_of(_round(request, commissioning_id)))


@router.get("/rounds/{commissioning_id}/bids", response=list[BidOut])
def list_bids(request: HttpRequest, commissioning_id: int) -> list[object]:
    return list(sel.bids_of(_round(request, commissioning_id)))


@router.get("/rounds/{commissioning_id}/scores", response=list[ScoreOut])
def list_scores(request: HttpRequest, commissioning_id: int) -> list[ScoreOut]:
    """Your own scores; everyone's submitted scores once you may see them."""
    membership = auth_membership(request)
    round_ = _round(request, commissioning_id)
    return [_score_out(s) for s in sel.visible_scores(round_, membership)]


@router.put("/rounds/{commissioning_id}/bids/{bid_id}/scores", response=list[ScoreOut])
def put_scores(
    request: HttpRequest, commissioning_id: int, bid_id: int, payload: list[ScoreIn]
) -> list[ScoreOut]:
    """Score one bid on every criterion as the calling panel member (all or nothing)."""
    membership = auth_membership(request)
    round_ = _round(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    seat = sel.seat_of(round_, membership)
    if seat is None:
        raise PermissionDenied
    services.bid_score(
        acting_user=membership.user,
        member=seat,
        bid=bid,
        scores={s.criterion_id: (s.score, s.comment) for s in payload},
    )
    return [_score_out(s) for (b, _c), s in sel.scores_of(seat).items() if b == bid.pk]


@router.get("/rounds/{commissioning_id}/decision", response=DecisionOut)
def get_decision(request: HttpRequest, commissioning_id: int) -> DecisionOut:
    membership = auth_membership(request)
    round_ = _round(request, commissioning_id)
    if not sel.can_see_panel_scores(round_, membership):
        raise PermissionDenied
    m = sel.moderation_of(round_)
    return DecisionOut(
        round_id=round_.pk,
        status=round_.status,
        quorate=m.quorum.quorate,
        young_people_scored=m.quorum.young_people,
        others_scored=m.quorum.others,
        budget_pence=round_.budget_pence,
        allocated_pence=m.allocated_pence,
        decision_summary=round_.decision_summary,
        results=[
            ResultOut(
                bid_id=r.bid.pk,
                position=r.position,
                provisional_percent=r.provisional,
                agreed_percent=r.agreed_total,
                awarded_pence=r.award_pence,
                cells=[
                    CellOut(
                        criterion_id=c.criterion.pk,
                        scores=list(c.spread.scores),
                        median=c.spread.median,
                        agreed_score=c.agreed.score if c.agreed else None,
                        agreed_rationale=c.agreed.rationale if c.agreed else "",
                    )
                    for c in r.cells
                ],
            )
            for r in m.results
        ],
    )

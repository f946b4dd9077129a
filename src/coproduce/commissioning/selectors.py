"""Reads for co-commissioning: who may see which round, the spread, totals and the quorum."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.commissioning.models import (
    AgreedScore,
    Bid,
    Criterion,
    Declaration,
    Document,
    MemberKind,
    PanelMember,
    Round,
    RoundStatus,
    Score,
)
from coproduce.commissioning.scoring import (
    Spread,
    rank,
    spread_of,
    weighted_percentage,
    young_people_quorate,
)
from coproduce.core.prepared import Prepared, Question
from coproduce.core.tenancy import get_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def rounds_for(membership: Membership) -> QuerySet[Round]:
    """Staff see every round; anyone else sees the rounds whose panel they sit on."""
    qs = Round.objects.filter(organisation=membership.organisation).select_related("project")
    if not membership.is_staff_member:
        qs = qs.filter(panel__membership=membership)
    return qs


def scoring_rounds_for(*, organisation: Organisation) -> QuerySet[Round]:
    """Rounds still open for scoring (for scheduled messages: briefings, a panel ready)."""
    return Round.objects.filter(organisation=organisation, status=RoundStatus.SCORING)


def get_round_for(*, membership: Membership, pk: int) -> Round:
    return get_for(rounds_for(membership), organisation=membership.organisation, pk=pk)


def get_bid_for(*, round_: Round, pk: int) -> Bid:
    return get_for(
        Bid.objects.filter(round=round_).select_related("round", "lot"),
        organisation=round_.organisation,
        pk=pk,
    )


def get_criterion_for(*, round_: Round, pk: int) -> Criterion:
    return get_for(Criterion.objects.filter(round=round_), organisation=round_.organisation, pk=pk)


def get_document_for(*, round_: Round, pk: int) -> Document:
    return get_for(Document.objects.filter(round=round_), organisation=round_.organisation, pk=pk)


def get_member_for(*, round_: Round, pk: int) -> PanelMember:
    return get_for(
        PanelMember.objects.filter(round=round_).select_related("membership__user", "round"),
        organisation=round_.organisation,
        pk=pk,
    )


def seat_of(round_: Round, membership: Membership) -> PanelMember | None:
    return (
        PanelMember.objects.filter(round=round_, membership=membership)
        .select_related("round", "membership__user")
        .first()
    )


def seat_required(round_: Round, membership: Membership) -> PanelMember:
    seat = seat_of(round_, membership)
    if seat is None:
        raise Http404
    return seat


def bids_of(round_: Round) -> QuerySet[Bid]:
    return round_.bids.select_related("lot", "award").order_by("provider", "id")


def criteria_of(round_: Round) -> list[Criterion]:
    return list(round_.criteria.all())


def panel_of(round_: Round) -> QuerySet[PanelMember]:
    return round_.panel.select_related("membership__user")


def declarations_of(member: PanelMember) -> dict[int, Declaration]:
    return {d.bid_id: d for d in Declaration.objects.filter(member=member)}


def scores_of(member: PanelMember) -> dict[tuple[int, int], Score]:
    return {(s.bid_id, s.criterion_id): s for s in Score.objects.filter(member=member)}


def missing_for(member: PanelMember) -> list[tuple[int, int]]:
    """(bid, criterion) pairs the member still has to score: bids they declared no interest in,
    and bids they have not declared on at all."""
    declared = declarations_of(member)
    scored = scores_of(member)
    criteria = [c.pk for c in member.round.criteria.all()]
    return [
        (bid, criterion)
        for bid in member.round.bids.values_list("pk", flat=True)
        if not (bid in declared and declared[bid].has_interest)
        for criterion in criteria
        if (bid, criterion) not in scored
    ]


def can_start_rounds(membership: Membership) -> bool:
    """Managers and admins start rounds; practitioners take part when seated on a panel."""
    return membership.can("decide_commissioning")


def can_run_round(round_: Round, membership: Membership, seat: PanelMember | None = None) -> bool:
    """Set up, moderate and decide this round: a manager or admin, or the panel's chair
    (a member of staff a manager named)."""
    if membership.organisation_id != round_.organisation_id or not membership.is_active:
        return False
    if membership.can("decide_commissioning"):
        return True
    seat = seat if seat is not None else seat_of(round_, membership)
    return seat is not None and seat.is_chair and membership.is_staff_member


def can_see_panel_scores(round_: Round, membership: Membership) -> bool:
    """Nobody on the panel sees another member's scores before submitting their own.

    Managers and admins who are not on the panel (running the round) may see them; other
    staff see them only as panel members, after submitting their own.
    """
    seat = seat_of(round_, membership)
    if seat is not None:
        return seat.submitted_at is not None
    return can_run_round(round_, membership)


@dataclass
class Quorum:
    quorate: bool
    young_people: int
    others: int
    needed: int

    @property
    def message(self) -> str:
        if self.quorate:
            return _("Quorate: young people are at least half of the members who scored.")
        return ngettext(
            "Not quorate: young people must be at least half of the members who scored. "
            "%(young)d young people and %(others)d others have submitted scores, so %(needed)d "
            "more young person needs to submit their scores.",
            "Not quorate: young people must be at least half of the members who scored. "
            "%(young)d young people and %(others)d others have submitted scores, so %(needed)d "
            "more young people need to submit their scores.",
            self.needed,
        ) % {"young": self.young_people, "others": self.others, "needed": self.needed}


def quorum_of(round_: Round) -> Quorum:
    kinds = list(round_.panel.filter(submitted_at__isnull=False).values_list("kind", flat=True))
    quorate, needed = young_people_quorate(kinds)
    young = sum(1 for k in kinds if k == MemberKind.YOUNG_PERSON)
    return Quorum(quorate, young, len(kinds) - young, needed)


@dataclass
class Cell:
    criterion: Criterion
    spread: Spread
    agreed: AgreedScore | None


@dataclass
class BidResult:
    bid: Bid
    cells: list[Cell]
    provisional: Decimal  # from the medians of submitted scores
    agreed_total: Decimal | None  # from agreed scores, once every criterion has one
    position: int | None = None

    @property
    def award_pence(self) -> int:
        award = getattr(self.bid, "award", None)
        return award.amount_pence if award is not None else 0


@dataclass
class Moderation:
    round: Round
    criteria: list[Criterion]
    results: list[BidResult]
    quorum: Quorum
    allocated_pence: int
    disagreements: list[tuple[BidResult, Cell]] = field(default_factory=list)

    @property
    def remaining_pence(self) -> int:
        return self.round.budget_pence - self.allocated_pence


def moderation_of(round_: Round) -> Moderation:
    """The meeting view: spread per bid and criterion of the *submitted* scores, agreed scores,
    totals, ranking (by agreed totals, else provisional) and the money allocated."""
    criteria = criteria_of(round_)
    weights = {c.pk: c.weight for c in criteria}
    bids = list(bids_of(round_))
    given: dict[tuple[int, int], list[int]] = defaultdict(list)
    for bid_id, criterion_id, score in Score.objects.filter(
        bid__round=round_, member__submitted_at__isnull=False
    ).values_list("bid_id", "criterion_id", "score"):
        given[(bid_id, criterion_id)].append(score)
    agreed = {(a.bid_id, a.criterion_id): a for a in AgreedScore.objects.filter(bid__round=round_)}
    results = []
    for bid in bids:
        cells = [
            Cell(c, spread_of(given[(bid.pk, c.pk)]), agreed.get((bid.pk, c.pk))) for c in criteria
        ]
        medians = {
            cell.criterion.pk: cell.spread.median
            for cell in cells
            if cell.spread.median is not None
        }
        provisional = weighted_percentage(
            medians, weights, scale_min=round_.scale_min, scale_max=round_.scale_max
        )
        agreed_total = None
        if criteria and all(cell.agreed for cell in cells):
            agreed_total = weighted_percentage(
                {cell.criterion.pk: cell.agreed.score for cell in cells if cell.agreed},
                weights,
                scale_min=round_.scale_min,
                scale_max=round_.scale_max,
            )
        results.append(BidResult(bid, cells, provisional, agreed_total))
    by_id = {r.bid.pk: r for r in results}
    for position, bid_id, _total in rank(
        {
            r.bid.pk: (r.agreed_total if r.agreed_total is not None else r.provisional)
            for r in results
        }
    ):
        by_id[bid_id].position = position
    results.sort(key=lambda r: (r.position or 0, r.bid.pk))
    disagreements = sorted(
        ((r, c) for r in results for c in r.cells if c.spread.scores),
        key=lambda rc: (-rc[1].spread.range, rc[0].position or 0, rc[1].criterion.order),
    )
    return Moderation(
        round=round_,
        criteria=criteria,
        results=results,
        quorum=quorum_of(round_),
        allocated_pence=sum(r.award_pence for r in results),
        disagreements=disagreements,
    )


def finalise_problems(round_: Round) -> list[str]:
    """What stops the round being decided, in words a panel officer can act on."""
    moderation = moderation_of(round_)
    problems = []
    if not moderation.quorum.quorate:
        problems.append(moderation.quorum.message)
    if not moderation.criteria or not moderation.results:
        problems.append(_("Add criteria and bids before deciding."))
    unagreed = sum(1 for r in moderation.results for c in r.cells if c.agreed is None)
    if unagreed:
        problems.append(
            ngettext(
                "%(count)d criterion still needs an agreed score.",
                "%(count)d bid criteria still need an agreed score.",
                unagreed,
            )
            % {"count": unagreed}
        )
    unexplained = sorted(r.bid.provider for r in moderation.results if not r.bid.panel_reasons)
    if unexplained:
        problems.append(
            _("Write the panel's reasons for the feedback letter to: %(names)s.")
            % {"names": ", ".join(unexplained)}
        )
    return problems


def matrix_rows(round_: Round) -> list[list[object]]:
    """Every individual and agreed score, one row each, for the CSV and XLSX exports."""
    rows: list[list[object]] = []
    for s in (
        Score.objects.filter(bid__round=round_)
        .select_related("bid", "criterion", "member__membership__user")
        .order_by("bid__provider", "bid_id", "criterion__order", "criterion_id", "member_id")
    ):
        rows.append(
            [
                s.bid.provider,
                s.bid.title,
                s.criterion.name,
                s.criterion.weight,
                s.member.membership.user.display_name,
                s.member.get_kind_display(),
                "yes" if s.member.submitted_at else "no",
                s.score,
                s.comment,
            ]
        )
    for a in (
        AgreedScore.objects.filter(bid__round=round_)
        .select_related("bid", "criterion")
        .order_by("bid__provider", "bid_id", "criterion__order", "criterion_id")
    ):
        rows.append(
            [
                a.bid.provider,
                a.bid.title,
                a.criterion.name,
                a.criterion.weight,
                _("Agreed by the panel"),
                "",
                "yes",
                a.score,
                a.rationale,
            ]
        )
    return rows


def matrix_header() -> list[str]:
    return [
        _("Organisation bidding"),
        _("Bid"),
        _("Criterion"),
        _("Weight"),
        _("Panel member"),
        _("Taking part as"),
        _("Submitted"),
        _("Score"),
        _("Comment"),
    ]


def decided_rounds_for(organisation: Organisation) -> QuerySet[Round]:
    return Round.objects.filter(organisation=organisation, status="decided")


def visible_scores(round_: Round, membership: Membership) -> QuerySet[Score]:
    """The scores this person may see: their own, plus every submitted score once allowed."""
    qs = Score.objects.filter(bid__round=round_).order_by("bid_id", "criterion_id", "member_id")
    seat = seat_of(round_, membership)
    if can_see_panel_scores(round_, membership):
        own = Q(member=seat) if seat is not None else Q(pk__in=[])
        return qs.filter(own | Q(member__submitted_at__isnull=False))
    if seat is None:
        return qs.none()
    return qs.filter(member=seat)


def _seats(*, organisation: int, project: int) -> QuerySet[PanelMember, Any]:
    return (
        PanelMember.objects.filter(round__project=project, kind=MemberKind.YOUNG_PERSON)
        .values("organisation_id")
        .annotate(seats=Count("id"))
        .order_by()
    )


_SEATS = Prepared(_seats, organisation=int, project=int)


def young_people_seats(*, project: Project) -> Question[int]:
    """Seats young people hold on the project's commissioning panels."""
    return Question(
        (_SEATS.bind(organisation=project.organisation_id, project=project.pk),),
        lambda rows: sum(r["seats"] for r in rows),
    )

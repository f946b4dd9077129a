"""Each panel member's own part: the briefing, declarations of interest, scores, submitting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.commissioning import selectors as sel
from coproduce.commissioning.models import Declaration, Score
from coproduce.commissioning.services._common import (
    check_score,
    each_criterion,
    require_open,
    save,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.commissioning.models import Bid, Criterion, PanelMember


def briefing_confirm(*, acting_user: User, member: PanelMember) -> PanelMember:
    require_open(member.round)
    if member.briefed_at is None:
        member.briefed_at = timezone.now()
        with transaction.atomic():
            save(member, acting_user=acting_user, verb="commissioning.panel.briefed")
    return member


def declaration_make(
    *, acting_user: User, member: PanelMember, bid: Bid, has_interest: bool, details: str = ""
) -> Declaration:
    require_open(member.round)
    if bid.round_id != member.round_id:
        raise ValidationError(_("That bid is not in this round"))
    if member.submitted_at is not None:
        raise ValidationError(
            _("You have submitted your scores; ask a member of staff to change a declaration.")
        )
    if has_interest and not details.strip():
        raise ValidationError({"details": _("Say what the interest is")})
    with transaction.atomic():
        declaration = Declaration.objects.filter(member=member, bid=bid).first() or Declaration(
            organisation=member.organisation, member=member, bid=bid
        )
        declaration.has_interest, declaration.details = has_interest, details.strip()
        declaration.declared_at = timezone.now()
        save(declaration, acting_user=acting_user, verb="commissioning.declaration")
        if has_interest:
            # A conflicted member's scores for the bid do not count: remove any already given.
            Score.objects.filter(member=member, bid=bid).delete()
    return declaration


def score_save(
    *,
    acting_user: User,
    member: PanelMember,
    bid: Bid,
    criterion: Criterion,
    score: int,
    comment: str,
) -> Score:
    round_ = member.round
    require_open(round_)
    if member.briefed_at is None:
        raise ValidationError(_("Confirm you have read the briefing before you score"))
    if member.submitted_at is not None:
        raise ValidationError(_("You have already submitted your scores"))
    if bid.round_id != round_.pk or criterion.round_id != round_.pk:
        raise ValidationError(_("That bid or criterion is not in this round"))
    declaration = Declaration.objects.filter(member=member, bid=bid).first()
    if declaration is None:
        raise ValidationError(_("Say whether you have an interest in this bid before you score it"))
    if declaration.has_interest:
        raise ValidationError(_("You declared an interest in this bid, so you cannot score it"))
    check_score(round_, score)
    if not comment.strip():
        raise ValidationError({"comment": _("Say why you gave this score")})
    with transaction.atomic():
        row = Score.objects.filter(member=member, bid=bid, criterion=criterion).first() or Score(
            organisation=member.organisation, member=member, bid=bid, criterion=criterion
        )
        row.score, row.comment, row.updated_at = score, comment.strip(), timezone.now()
        # The score itself is not copied into the audit trail: others must not see it early.
        save(row, acting_user=acting_user, verb="commissioning.score.save")
    return row


def scores_submit(*, acting_user: User, member: PanelMember) -> PanelMember:
    require_open(member.round)
    if member.submitted_at is not None:
        return member
    missing = sel.missing_for(member)
    if missing:
        raise ValidationError(
            _(
                "Score every criterion for every bid you have no interest in first: %(count)d scores are missing."
            )
            % {"count": len(missing)}
        )
    member.submitted_at = timezone.now()
    with transaction.atomic():
        save(member, acting_user=acting_user, verb="commissioning.scores.submit")
    return member


def bid_score(
    *, acting_user: User, member: PanelMember, bid: Bid, scores: dict[int, tuple[int, str]]
) -> None:
    """Save a member's scores for one bid, all criteria at once, or none of them."""
    errors: dict[str, list[str]] = {}
    with transaction.atomic():
        each_criterion(
            member.round.criteria.all(),
            scores,
            _("Choose a score"),
            lambda criterion, score, comment: score_save(
                acting_user=acting_user,
                member=member,
                bid=bid,
                criterion=criterion,
                score=score,
                comment=comment,
            ),
            errors,
        )
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationError(errors)

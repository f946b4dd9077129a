"""The moderation meeting and the decision (staff): agreed scores, reasons, awards, closing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.commissioning import selectors as sel
from coproduce.commissioning.models import AgreedScore, Award, Round, RoundStatus
from coproduce.commissioning.services._common import (
    check_score,
    collect_errors,
    each_criterion,
    require_open,
    require_runner,
    require_staff,
    save,
)
from coproduce.notifications.services import notify
from coproduce.projects.services import idea_record, response_give

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.commissioning.models import Bid, Criterion
    from coproduce.organisations.models import Membership

# projects' Source.SESSION and Status.ADOPTED: its models (and so its choices) are its own.
IDEA_SOURCE = "session"
IDEA_ADOPTED = "adopted"


def agreed_score_record(
    *,
    acting_user: User,
    acting_membership: Membership,
    bid: Bid,
    criterion: Criterion,
    score: int,
    rationale: str,
) -> AgreedScore:
    require_staff(acting_membership)
    round_ = bid.round
    require_runner(round_, acting_user=acting_user, acting_membership=acting_membership)
    require_open(round_)
    if criterion.round_id != round_.pk:
        raise ValidationError(_("That criterion is not in this round"))
    check_score(round_, score)
    if not rationale.strip():
        raise ValidationError({"rationale": _("Record why the panel agreed this score")})
    with transaction.atomic():
        row = AgreedScore.objects.filter(bid=bid, criterion=criterion).first() or AgreedScore(
            organisation=bid.organisation, bid=bid, criterion=criterion
        )
        row.score, row.rationale = score, rationale.strip()
        row.recorded_by, row.recorded_at = acting_user, timezone.now()
        save(row, acting_user=acting_user, verb="commissioning.agreed", details={"score": score})
    return row


def bid_reasons_save(
    *, acting_user: User, acting_membership: Membership, bid: Bid, panel_reasons: str
) -> Bid:
    require_staff(acting_membership)
    require_runner(bid.round, acting_user=acting_user, acting_membership=acting_membership)
    require_open(bid.round)
    bid.panel_reasons = panel_reasons.strip()
    with transaction.atomic():
        save(bid, acting_user=acting_user, verb="commissioning.bid.reasons")
    return bid


def award_set(
    *, acting_user: User, acting_membership: Membership, bid: Bid, amount_pence: int
) -> Award | None:
    """Award a bid an amount (0 removes the award). The round's total never passes its budget."""
    require_staff(acting_membership)
    require_runner(bid.round, acting_user=acting_user, acting_membership=acting_membership)
    if amount_pence < 0:
        raise ValidationError({"amount": _("The amount cannot be negative")})
    if amount_pence > bid.amount_requested_pence:
        raise ValidationError({"amount": _("The award cannot be more than the bid asked for")})
    with transaction.atomic():
        # Lock the round so two people allocating at once cannot both pass the budget check.
        round_ = Round.objects.select_for_update().get(pk=bid.round_id)
        require_open(round_)
        others = (
            Award.objects.filter(round=round_)
            .exclude(bid=bid)
            .aggregate(t=Sum("amount_pence"))["t"]
            or 0
        )
        if others + amount_pence > round_.budget_pence:
            left = round_.budget_pence - others
            raise ValidationError(
                {
                    "amount": _("That is more than the budget has left: £%(left)s is unallocated.")
                    % {"left": f"{left / 100:,.2f}"}
                }
            )
        award = Award.objects.filter(bid=bid).first()
        if amount_pence == 0:
            if award is not None:
                audit_record(
                    acting_user=acting_user,
                    organisation=round_.organisation,
                    verb="commissioning.award.remove",
                    target=bid,
                )
                award.delete()
            return None
        award = award or Award(organisation=round_.organisation, round=round_, bid=bid)
        award.amount_pence, award.recorded_at = amount_pence, timezone.now()
        save(
            award,
            acting_user=acting_user,
            verb="commissioning.award",
            details={"pence": amount_pence},
        )
    return award


def round_finalise(
    *, acting_user: User, acting_membership: Membership, round_: Round, decision_summary: str
) -> Round:
    """Close the round: only when quorate and every bid is moderated and explained."""
    require_staff(acting_membership)
    require_runner(round_, acting_user=acting_user, acting_membership=acting_membership)
    require_open(round_)
    problems = sel.finalise_problems(round_)
    if not decision_summary.strip():
        problems.append(_("Write what the panel decided and why, for the panel and the bidders."))
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        round_.status = RoundStatus.DECIDED
        round_.decision_summary = decision_summary.strip()
        round_.decided_at, round_.decided_by = timezone.now(), acting_user
        save(round_, acting_user=acting_user, verb="commissioning.round.finalise")
        _feed_back_to_panel(
            acting_user=acting_user, acting_membership=acting_membership, round_=round_
        )
    return round_


def _feed_back_to_panel(*, acting_user: User, acting_membership: Membership, round_: Round) -> None:
    """'You said – we did': the panel's scores (you said) and the decision (we did)."""
    idea = idea_record(
        acting_user=acting_user,
        project=round_.project,
        text=_("The panel's scores and views on the bids for %(title)s") % {"title": round_.title},
        source=IDEA_SOURCE,
        owner=acting_membership,
        group_name=_("Commissioning panel"),
    )
    response_give(
        acting_user=acting_user,
        ideas=[idea],
        status=IDEA_ADOPTED,
        action=round_.decision_summary,
        feedback_given_on=timezone.localdate(),
        feedback_method=_("Decision shared with every panel member in Coproduce"),
    )
    for member in round_.panel.select_related("membership__user"):
        notify(
            organisation=round_.organisation,
            recipient=member.membership.user,
            kind="commissioning.decided",
            dedupe_key=f"round:{round_.pk}:decided:{member.pk}",
            subject=lambda: _("The panel's decision is ready"),
            body=lambda: _("See what was decided for %(title)s and why") % {"title": round_.title},
            url=f"/commissioning/{round_.pk}/",
        )


def bid_moderate(
    *,
    acting_user: User,
    acting_membership: Membership,
    bid: Bid,
    agreed: dict[int, tuple[int, str]],
    panel_reasons: str,
    award_pence: int,
) -> None:
    """Record the meeting's agreed scores, reasons and award for one bid, all or nothing."""
    errors: dict[str, list[str]] = {}
    with transaction.atomic():
        each_criterion(
            bid.round.criteria.all(),
            agreed,
            _("Choose the agreed score"),
            lambda criterion, score, rationale: agreed_score_record(
                acting_user=acting_user,
                acting_membership=acting_membership,
                bid=bid,
                criterion=criterion,
                score=score,
                rationale=rationale,
            ),
            errors,
        )
        try:
            bid_reasons_save(
                acting_user=acting_user,
                acting_membership=acting_membership,
                bid=bid,
                panel_reasons=panel_reasons,
            )
            award_set(
                acting_user=acting_user,
                acting_membership=acting_membership,
                bid=bid,
                amount_pence=award_pence,
            )
        except ValidationError as error:
            collect_errors(errors, error)
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationError(errors)

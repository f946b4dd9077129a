"""Writes for co-commissioning. Every rule a panel relies on is checked here, once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.audit.services import audit_record
from coproduce.commissioning import selectors as sel
from coproduce.commissioning.models import (
    AgreedScore,
    Award,
    Bid,
    Criterion,
    Declaration,
    Document,
    Lot,
    MemberKind,
    PanelMember,
    Round,
    RoundStatus,
    ScaleLevel,
    Score,
)
from coproduce.notifications.services import notify
from coproduce.projects.models import Project, Source, Status
from coproduce.projects.services import idea_record, response_give

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

DEFAULT_SCALE = {
    1: gettext_lazy("Poor: the bid does not show this"),
    2: gettext_lazy("Weak: some signs, but not convincing"),
    3: gettext_lazy("Adequate: shows this, with gaps"),
    4: gettext_lazy("Good: shows this clearly"),
    5: gettext_lazy("Excellent: shows this clearly, with evidence"),
}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED_DOCUMENTS = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "docx/xlsx/odt",
}


def _save(obj: Any, *, acting_user: User, verb: str, details: dict[str, Any] | None = None) -> None:
    obj.full_clean()
    obj.save()
    audit_record(
        acting_user=acting_user,
        organisation=obj.organisation,
        verb=verb,
        target=obj,
        details=details,
    )


def _open(round_: Round) -> None:
    if not round_.is_open:
        raise ValidationError(_("This round has been decided; nothing in it can change."))


def _check_file(upload: UploadedFile | None) -> None:
    """Documents are PDF or office files, checked by their first bytes, not their name."""
    if upload is None:
        return
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": _("The file must be smaller than 20 MB")})
    head = upload.read(4)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in ALLOWED_DOCUMENTS):
        raise ValidationError(
            {"file": _("The file must be a PDF or a Word, Excel or OpenDocument file")}
        )


def round_create(
    *,
    acting_user: User,
    project: Project,
    title: str,
    outcomes_sought: str,
    budget_pence: int,
    briefing: str = "",
    scale: dict[int, str] | None = None,
) -> Round:
    scale = scale or {k: str(v) for k, v in DEFAULT_SCALE.items()}
    with transaction.atomic():
        round_ = Round(
            organisation=project.organisation,
            project=project,
            title=title,
            outcomes_sought=outcomes_sought,
            budget_pence=budget_pence,
            briefing=briefing,
            scale_min=min(scale),
            scale_max=max(scale),
        )
        _save(round_, acting_user=acting_user, verb="commissioning.round.create")
        ScaleLevel.objects.bulk_create(
            ScaleLevel(organisation=project.organisation, round=round_, score=k, descriptor=v)
            for k, v in sorted(scale.items())
        )
    return round_


def lot_add(*, acting_user: User, round_: Round, name: str, description: str = "") -> Lot:
    _open(round_)
    lot = Lot(organisation=round_.organisation, round=round_, name=name, description=description)
    with transaction.atomic():
        _save(lot, acting_user=acting_user, verb="commissioning.lot.add")
    return lot


def criterion_add(
    *, acting_user: User, round_: Round, name: str, weight: int, guidance: str = ""
) -> Criterion:
    _open(round_)
    if Score.objects.filter(bid__round=round_).exists():
        raise ValidationError(_("Scoring has started: criteria cannot change now."))
    order = round_.criteria.count()
    criterion = Criterion(
        organisation=round_.organisation,
        round=round_,
        name=name,
        weight=weight,
        guidance=guidance,
        order=order,
    )
    with transaction.atomic():
        _save(criterion, acting_user=acting_user, verb="commissioning.criterion.add")
    return criterion


def document_add(*, acting_user: User, round_: Round, title: str, file: UploadedFile) -> Document:
    _check_file(file)
    document = Document(organisation=round_.organisation, round=round_, title=title, file=file)
    with transaction.atomic():
        _save(document, acting_user=acting_user, verb="commissioning.document.add")
    return document


def bid_add(
    *,
    acting_user: User,
    round_: Round,
    provider: str,
    title: str,
    summary: str,
    amount_requested_pence: int,
    contact_email: str = "",
    lot: Lot | None = None,
    file: UploadedFile | None = None,
) -> Bid:
    _open(round_)
    _check_file(file)
    if lot is not None and lot.round_id != round_.pk:
        raise ValidationError({"lot": _("Choose a lot from this round")})
    bid = Bid(
        organisation=round_.organisation,
        round=round_,
        provider=provider,
        title=title,
        summary=summary,
        amount_requested_pence=amount_requested_pence,
        contact_email=contact_email,
        lot=lot,
    )
    if file is not None:
        bid.file = file
    with transaction.atomic():
        _save(bid, acting_user=acting_user, verb="commissioning.bid.add")
    return bid


def panel_member_add(
    *, acting_user: User, round_: Round, membership: Membership, kind: str, role_title: str = ""
) -> PanelMember:
    _open(round_)
    if membership.organisation_id != round_.organisation_id or not membership.is_active:
        raise ValidationError({"membership": _("Choose an active member of this organisation")})
    # A young person always counts as a young person for the quorum; nobody else can.
    if membership.is_young_person != (kind == MemberKind.YOUNG_PERSON):
        raise ValidationError(
            {"kind": _("Young people take part as young people, and only young people do")}
        )
    if round_.panel.filter(membership=membership).exists():
        raise ValidationError({"membership": _("This person is already on the panel")})
    member = PanelMember(
        organisation=round_.organisation,
        round=round_,
        membership=membership,
        kind=kind,
        role_title=role_title,
    )
    with transaction.atomic():
        _save(member, acting_user=acting_user, verb="commissioning.panel.add")
    notify(
        organisation=round_.organisation,
        recipient=membership.user,
        kind="commissioning.panel",
        dedupe_key=f"panel:{member.pk}",
        subject=lambda: _("You are on a commissioning panel"),
        body=lambda: (
            _("Read the briefing, then score the bids: %(title)s") % {"title": round_.title}
        ),
        url=f"/commissioning/{round_.pk}/score/",
    )
    return member


def briefing_confirm(*, acting_user: User, member: PanelMember) -> PanelMember:
    _open(member.round)
    if member.briefed_at is None:
        member.briefed_at = timezone.now()
        with transaction.atomic():
            _save(member, acting_user=acting_user, verb="commissioning.panel.briefed")
    return member


def declaration_make(
    *, acting_user: User, member: PanelMember, bid: Bid, has_interest: bool, details: str = ""
) -> Declaration:
    _open(member.round)
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
        _save(declaration, acting_user=acting_user, verb="commissioning.declaration")
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
    _open(round_)
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
    if not round_.scale_min <= score <= round_.scale_max:
        raise ValidationError(
            {
                "score": _("Give a score from %(low)d to %(high)d")
                % {"low": round_.scale_min, "high": round_.scale_max}
            }
        )
    if not comment.strip():
        raise ValidationError({"comment": _("Say why you gave this score")})
    with transaction.atomic():
        row = Score.objects.filter(member=member, bid=bid, criterion=criterion).first() or Score(
            organisation=member.organisation, member=member, bid=bid, criterion=criterion
        )
        row.score, row.comment, row.updated_at = score, comment.strip(), timezone.now()
        # The score itself is not copied into the audit trail: others must not see it early.
        _save(row, acting_user=acting_user, verb="commissioning.score.save")
    return row


def scores_submit(*, acting_user: User, member: PanelMember) -> PanelMember:
    _open(member.round)
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
        _save(member, acting_user=acting_user, verb="commissioning.scores.submit")
    return member


def _staff(membership: Membership) -> None:
    if not membership.is_staff_member:
        raise ValidationError(_("Only staff can record the panel's decisions"))


def agreed_score_record(
    *,
    acting_user: User,
    acting_membership: Membership,
    bid: Bid,
    criterion: Criterion,
    score: int,
    rationale: str,
) -> AgreedScore:
    _staff(acting_membership)
    round_ = bid.round
    _open(round_)
    if criterion.round_id != round_.pk:
        raise ValidationError(_("That criterion is not in this round"))
    if not round_.scale_min <= score <= round_.scale_max:
        raise ValidationError(
            {
                "score": _("Give a score from %(low)d to %(high)d")
                % {"low": round_.scale_min, "high": round_.scale_max}
            }
        )
    if not rationale.strip():
        raise ValidationError({"rationale": _("Record why the panel agreed this score")})
    with transaction.atomic():
        row = AgreedScore.objects.filter(bid=bid, criterion=criterion).first() or AgreedScore(
            organisation=bid.organisation, bid=bid, criterion=criterion
        )
        row.score, row.rationale = score, rationale.strip()
        row.recorded_by, row.recorded_at = acting_user, timezone.now()
        _save(row, acting_user=acting_user, verb="commissioning.agreed", details={"score": score})
    return row


def bid_reasons_save(
    *, acting_user: User, acting_membership: Membership, bid: Bid, panel_reasons: str
) -> Bid:
    _staff(acting_membership)
    _open(bid.round)
    bid.panel_reasons = panel_reasons.strip()
    with transaction.atomic():
        _save(bid, acting_user=acting_user, verb="commissioning.bid.reasons")
    return bid


def award_set(
    *, acting_user: User, acting_membership: Membership, bid: Bid, amount_pence: int
) -> Award | None:
    """Award a bid an amount (0 removes the award). The round's total never passes its budget."""
    _staff(acting_membership)
    if amount_pence < 0:
        raise ValidationError({"amount": _("The amount cannot be negative")})
    if amount_pence > bid.amount_requested_pence:
        raise ValidationError({"amount": _("The award cannot be more than the bid asked for")})
    with transaction.atomic():
        # Lock the round so two people allocating at once cannot both pass the budget check.
        round_ = Round.objects.select_for_update().get(pk=bid.round_id)
        _open(round_)
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
        _save(
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
    _staff(acting_membership)
    _open(round_)
    problems = sel.finalise_problems(round_)
    if not decision_summary.strip():
        problems.append(_("Write what the panel decided and why, for the panel and the bidders."))
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        round_.status = RoundStatus.DECIDED
        round_.decision_summary = decision_summary.strip()
        round_.decided_at, round_.decided_by = timezone.now(), acting_user
        _save(round_, acting_user=acting_user, verb="commissioning.round.finalise")
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
        source=Source.SESSION,
        owner=acting_membership,
        group_name=_("Commissioning panel"),
    )
    response_give(
        acting_user=acting_user,
        ideas=[idea],
        status=Status.ADOPTED,
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


def _collect(errors: dict[str, list[str]], error: ValidationError, suffix: str = "") -> None:
    """Gather field errors from several service calls so one form shows them all at once."""
    if not hasattr(error, "error_dict"):
        raise error
    for name, messages in error.message_dict.items():
        errors.setdefault(f"{name}{suffix}", []).extend(messages)


def _each_criterion(
    criteria: Iterable[Criterion],
    given: dict[int, tuple[int, str]],
    missing: str,
    save: Callable[[Criterion, int, str], object],
    errors: dict[str, list[str]],
) -> None:
    """Save one score per criterion, collecting every criterion's errors for the form."""
    for criterion in criteria:
        if criterion.pk not in given:
            errors.setdefault(f"score_{criterion.pk}", []).append(missing)
            continue
        score, words = given[criterion.pk]
        try:
            save(criterion, score, words)
        except ValidationError as error:
            _collect(errors, error, suffix=f"_{criterion.pk}")


def bid_score(
    *, acting_user: User, member: PanelMember, bid: Bid, scores: dict[int, tuple[int, str]]
) -> None:
    """Save a member's scores for one bid, all criteria at once, or none of them."""
    errors: dict[str, list[str]] = {}
    with transaction.atomic():
        _each_criterion(
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
        _each_criterion(
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
            _collect(errors, error)
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationError(errors)

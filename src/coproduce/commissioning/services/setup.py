"""Setting a round up (staff): the round, its lots, criteria, documents, bids and panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.commissioning.models import (
    Bid,
    Criterion,
    Document,
    Lot,
    MemberKind,
    PanelMember,
    Round,
    ScaleLevel,
    Score,
)
from coproduce.commissioning.services._common import (
    require_open,
    require_runner,
    require_starter,
    save,
)
from coproduce.notifications.services import notify

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project

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
    require_starter(acting_user=acting_user, organisation_id=project.organisation_id)
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
        save(round_, acting_user=acting_user, verb="commissioning.round.create")
        ScaleLevel.objects.bulk_create(
            ScaleLevel(organisation=project.organisation, round=round_, score=k, descriptor=v)
            for k, v in sorted(scale.items())
        )
    return round_


def lot_add(*, acting_user: User, round_: Round, name: str, description: str = "") -> Lot:
    require_runner(round_, acting_user=acting_user)
    require_open(round_)
    lot = Lot(organisation=round_.organisation, round=round_, name=name, description=description)
    with transaction.atomic():
        save(lot, acting_user=acting_user, verb="commissioning.lot.add")
    return lot


def criterion_add(
    *, acting_user: User, round_: Round, name: str, weight: int, guidance: str = ""
) -> Criterion:
    require_runner(round_, acting_user=acting_user)
    require_open(round_)
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
        save(criterion, acting_user=acting_user, verb="commissioning.criterion.add")
    return criterion


def document_add(*, acting_user: User, round_: Round, title: str, file: UploadedFile) -> Document:
    require_runner(round_, acting_user=acting_user)
    _check_file(file)
    document = Document(organisation=round_.organisation, round=round_, title=title, file=file)
    with transaction.atomic():
        save(document, acting_user=acting_user, verb="commissioning.document.add")
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
    require_runner(round_, acting_user=acting_user)
    require_open(round_)
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
        save(bid, acting_user=acting_user, verb="commissioning.bid.add")
    return bid


def panel_member_add(
    *,
    acting_user: User,
    round_: Round,
    membership: Membership,
    kind: str,
    role_title: str = "",
    is_chair: bool = False,
) -> PanelMember:
    runner = require_runner(round_, acting_user=acting_user)
    require_open(round_)
    if is_chair:
        # The chair runs the round's decision: a manager names them, from the staff.
        if not runner.can("decide_commissioning"):
            raise PermissionDenied(_("Only a manager or an admin can name the panel's chair."))
        if not membership.is_staff_member:
            raise ValidationError({"is_chair": _("Choose a member of staff to chair the panel")})
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
        is_chair=is_chair,
    )
    with transaction.atomic():
        save(
            member,
            acting_user=acting_user,
            verb="commissioning.panel.add",
            details={"kind": kind, "is_chair": is_chair},
        )
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

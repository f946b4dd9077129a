"""Checks every commissioning write shares: saving with an audit record, an open round, staff."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.commissioning import selectors as sel
from coproduce.organisations.selectors import active_membership_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.commissioning.models import Criterion, Round
    from coproduce.organisations.models import Membership


def save(obj: Any, *, acting_user: User, verb: str, details: dict[str, Any] | None = None) -> None:
    obj.full_clean()
    obj.save()
    audit_record(
        acting_user=acting_user,
        organisation=obj.organisation,
        verb=verb,
        target=obj,
        details=details,
    )


def require_open(round_: Round) -> None:
    if not round_.is_open:
        raise ValidationError(_("This round has been decided; nothing in it can change."))


def require_staff(membership: Membership) -> None:
    if not membership.is_staff_member:
        raise ValidationError(_("Only staff can record the panel's decisions"))


def _membership_of(acting_user: User, organisation_id: int) -> Membership | None:
    return active_membership_of(acting_user, organisation_id=organisation_id)


def require_starter(*, acting_user: User, organisation_id: int) -> Membership:
    """Starting a round is for managers and admins."""
    membership = _membership_of(acting_user, organisation_id)
    if membership is None or not sel.can_start_rounds(membership):
        raise PermissionDenied(_("Only a manager or an admin can start a commissioning round."))
    return membership


def require_runner(
    round_: Round, *, acting_user: User, acting_membership: Membership | None = None
) -> Membership:
    """Setting a round up, moderating and deciding it: a manager, an admin or its chair."""
    membership = acting_membership or _membership_of(acting_user, round_.organisation_id)
    if (
        membership is None
        or membership.user_id != acting_user.pk
        or not sel.can_run_round(round_, membership)
    ):
        raise PermissionDenied(
            _("Only a manager, an admin or the panel's chair can set up or decide this round.")
        )
    return membership


def check_score(round_: Round, score: int) -> None:
    if not round_.scale_min <= score <= round_.scale_max:
        raise ValidationError(
            {
                "score": _("Give a score from %(low)d to %(high)d")
                % {"low": round_.scale_min, "high": round_.scale_max}
            }
        )


def collect_errors(errors: dict[str, list[str]], error: ValidationError, suffix: str = "") -> None:
    """Gather field errors from several service calls so one form shows them all at once."""
    if not hasattr(error, "error_dict"):
        raise error
    for name, messages in error.message_dict.items():
        errors.setdefault(f"{name}{suffix}", []).extend(messages)


def each_criterion(
    criteria: Iterable[Criterion],
    given: dict[int, tuple[int, str]],
    missing: str,
    save_one: Callable[[Criterion, int, str], object],
    errors: dict[str, list[str]],
) -> None:
    """Save one score per criterion, collecting every criterion's errors for the form."""
    for criterion in criteria:
        if criterion.pk not in given:
            errors.setdefault(f"score_{criterion.pk}", []).append(missing)
            continue
        score, words = given[criterion.pk]
        try:
            save_one(criterion, score, words)
        except ValidationError as error:
            collect_errors(errors, error, suffix=f"_{criterion.pk}")

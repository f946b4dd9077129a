"""Checks every commissioning write shares: saving with an audit record, an open round, staff."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from coproduce.accounts.models import ApiToken
from coproduce.accounts.security import hash_secret
from coproduce.core.tenancy import all_organisations, get_for
from coproduce.organisations.selectors import active_membership_of

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


def api_tokens_for(*, membership: Membership) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(
        organisation=membership.organisation, user=membership.user, revoked_at__isnull=True
    ).order_by("-created_at")


def get_api_token_for(*, membership: Membership, pk: int) -> ApiToken:
    return get_for(
        ApiToken.objects.filter(user=membership.user, revoked_at__isnull=True),
        organisation=membership.organisation,
        pk=pk,
    )


class ResolvedToken:
    """A valid bearer token, its holder and the membership the API call acts as."""

    def __init__(self, token: ApiToken, membership: Membership) -> None:
        self.token = token
        self.user = token.user
        self.membership = membership


def resolve_api_token(raw: str) -> ResolvedToken | None:
    """A bearer token is valid while unrevoked and its holder is still active staff."""
    with all_organisations():
        token = (
            ApiToken.objects.filter(key_hash=hash_secret(raw), revoked_at__isnull=True)
            .select_related("user")
            .first()
        )
        if token is None or not token.user.is_active:
            return None
        membership = active_membership_of(token.user, organisation_id=token.organisation_id)
        if membership is None or not membership.is_staff_member:
            return None
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return ResolvedToken(token, membership)


# The columns a person's name is made from, for reads that take values, not model instances.
NAME_FIELDS = ("preferred_name", "first_name", "last_name", "username")


def name_fields(path: str) -> list[str]:
    """The look-ups of a person's name through `path` (such as "young_person__user")."""
    return [f"{path}__{field}" for field in NAME_FIELDS]


def display_name_from(row: Mapping[str, Any], path: str) -> str:
    """`User.display_name` from the values `name_fields(path)` read: the name they go by,
    else their full name, else their username."""
    preferred, first, last, username = (row[f"{path}__{field}"] for field in NAME_FIELDS)
    return str(preferred or f"{first} {last}".strip() or username)

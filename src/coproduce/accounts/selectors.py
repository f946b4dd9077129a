from __future__ import annotations

from django.db.models import QuerySet

from coproduce.accounts.models import ApiToken
from coproduce.core.tenancy import get_for
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

"""Personal data held by sign-in: the person's account, codes and tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from coproduce.accounts.models import ApiToken, SignInCode, User
from coproduce.core.hooks import PersonalData
from coproduce.core.sessions import sessions_end_for
from coproduce.organisations.selectors import member_elsewhere

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

MODELS = ["accounts.user", "accounts.signincode", "accounts.apitoken"]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    user = membership.user
    return {
        "account": [
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "preferred_name": user.preferred_name,
                "email": user.email,
                "date_of_birth": _iso(user.date_of_birth),
                "joined": _iso(user.date_joined),
                "last_signed_in": _iso(user.last_login),
                "two_step_sign_in": Authenticator.objects.filter(user=user).exists(),
            }
        ],
        "sign_in_codes": [
            {"created": _iso(c.created_at), "expires": _iso(c.expires_at), "used": _iso(c.used_at)}
            for c in SignInCode.objects.filter(user=user, organisation=membership.organisation)
        ],
        "api_tokens": [
            {"name": t.name, "created": _iso(t.created_at), "revoked": _iso(t.revoked_at)}
            for t in ApiToken.objects.filter(user=user, organisation=membership.organisation)
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Codes and tokens go. The account itself is anonymised only when the person belongs to
    no other organisation; either way they can no longer sign in here."""
    user = membership.user
    SignInCode.objects.filter(user=user, organisation=membership.organisation).delete()
    ApiToken.objects.filter(user=user, organisation=membership.organisation).delete()
    if member_elsewhere(membership):
        return
    user.username = f"erased-{user.pk}"
    user.first_name, user.last_name, user.preferred_name, user.email = "Former", "member", "", ""
    if user.date_of_birth is not None:
        # Keep only the year, so age-band statistics stay (almost exactly) right.
        user.date_of_birth = user.date_of_birth.replace(month=7, day=1)
    user.is_active = False
    user.set_unusable_password()
    user.save()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    sessions_end_for(user_id=user.pk)


PROVIDER = PersonalData(
    app="accounts",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={"accounts.signincode": {"created_by"}},
)

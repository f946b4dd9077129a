"""Typed requests and the one access decorator every member-facing view uses."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation

P = ParamSpec("P")


class MemberRequest(HttpRequest):
    """A request from a signed-in member, as TenancyMiddleware leaves it."""

    user: User
    membership: Membership
    organisation: Organisation


View = Callable[Concatenate[MemberRequest, P], HttpResponseBase]


def member_required(
    capability: str = "member",
) -> Callable[[View[P]], Callable[Concatenate[HttpRequest, P], HttpResponseBase]]:
    """Signed in, a member of an organisation, and holding `capability`.

    Anonymous visitors go to sign-in; a member without the capability gets 403
    (a page of their own organisation they may not use; no data is shown).
    """

    def decorator(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership: Any = getattr(request, "membership", None)
            if membership is None or not membership.can(capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)  # type: ignore[arg-type]

        return wrapper  # type: ignore[return-value]

    return decorator

"""The site's URLs plus a bare page that shows who the request acts as (member cache tests)."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def who(request: HttpRequest) -> HttpResponse:
    membership = getattr(request, "membership", None)
    if not request.user.is_authenticated:
        return HttpResponse("signed out")
    role = membership.role if membership else "no organisation"
    others = len(getattr(request, "memberships", []))
    return HttpResponse(f"{request.user.get_username()} as {role} of {others}")


urlpatterns = [path("who/", who), path("", include("coproduce.urls"))]

"""Scenario: Charlie runs another organisation. Whatever address he types or API
route he calls, he never sees a thing that belongs to Bryn Valley."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    YoungPersonFactory,
    add_totp,
)
from tests.tenancy.walk import Route, World, load_providers, walkable_routes

OK_FOR_ANONYMOUS = {302, 401, 403, 404, 405}
OK_FOR_OBJECT_ROUTES = {404, 405}


@pytest.fixture
def world(db: None) -> World:
    org = OrganisationFactory.create(name="VICTIM-org-name", slug="victim")
    staff = MembershipFactory.create(
        organisation=org, role=Role.ADMIN, user__first_name="VICTIM-staff"
    )
    young = YoungPersonFactory.create(
        organisation=org, user__first_name="VICTIM-young", user__preferred_name="VICTIM-preferred"
    )
    return World(
        organisation=org,
        staff=staff,
        young_person=young,
        markers=["VICTIM-org-name", "VICTIM-staff", "VICTIM-young", "VICTIM-preferred"],
    )


def fill_all(routes: list[Route], world: World) -> list[tuple[Route, str]]:
    providers = load_providers()
    missing = sorted(
        {f"{k} (in {r.template})" for r in routes for k in r.kwargs if k not in providers}
    )
    if missing:
        pytest.fail(
            "Routes with no walk provider: add PROVIDERS to tests/<app>/walk.py for: "
            + ", ".join(missing)
        )
    filled = []
    for route in routes:
        values = {name: providers[name](world) for name in route.kwargs}
        filled.append((route, route.fill(values)))
    return filled


def leaks(response: Any, world: World) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    return [m for m in world.markers if m in text]


def walk(
    client: Client,
    world: World,
    *,
    headers: dict[str, str] | None = None,
    anonymous: bool = False,
    member: Membership | None = None,
    object_statuses: set[int] = OK_FOR_OBJECT_ROUTES,
) -> list[str]:
    """Every route, GET and POST. Returns the problems found (empty means safe)."""
    problems = []
    for route, url in fill_all(walkable_routes(), world):
        for method in ("get", "post"):
            extra = headers if url.startswith("/api/") and headers else {}
            response = getattr(client, method)(url, headers=extra)
            if member is not None and not _is_tenant_route(route):
                client.force_login(member.user)  # sign-out and friends end the session
                if member.role in {Role.ADMIN, Role.MANAGER}:
                    add_totp(member.user)  # and turning off their own two-step sign-in
            found = leaks(response, world)
            if found:
                problems.append(f"{method.upper()} {url} showed {found}")
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {url} answered {response.status_code}")
            if (
                anonymous
                and route.kwargs
                and _is_tenant_route(route)
                and response.status_code not in OK_FOR_ANONYMOUS
            ):
                problems.append(
                    f"{method.upper()} {url} answered {response.status_code} to a visitor"
                )
            if (
                not anonymous
                and route.kwargs
                and _is_tenant_route(route)
                and response.status_code not in object_statuses | _body_checked_first(url, method)
            ):
                problems.append(f"{method.upper()} {url} answered {response.status_code}, not 404")
    return problems


def _body_checked_first(url: str, method: str) -> set[int]:
    """The API validates a request body before looking anything up, so an empty POST gets
    400/422 whether or not the object exists: it tells the caller nothing."""
    return {400, 422} if url.startswith("/api/") and method == "post" else set()


def _is_tenant_route(route: Route) -> bool:
    return not route.template.lstrip("^").startswith("auth/")


def test_it_shows_an_outsider_nothing_on_any_page_or_api_route(
    world: World, outsider: Membership
) -> None:
    _, token = api_token_create(acting_user=outsider.user, membership=outsider, name="walk")
    client = client_for(outsider)
    problems = walk(client, world, headers={"Authorization": f"Bearer {token}"}, member=outsider)
    assert not problems, "\n".join(problems)


def test_it_shows_an_outsider_young_person_nothing(world: World) -> None:
    other = OrganisationFactory.create(slug="elsewhere-yp")
    stranger = YoungPersonFactory.create(organisation=other)
    # A young person lacks staff capabilities, so 401/403 (about their role, no data) also pass.
    problems = walk(
        client_for(stranger), world, member=stranger, object_statuses={401, 403, 404, 405}
    )
    assert not problems, "\n".join(problems)


def test_it_shows_a_signed_out_visitor_nothing(world: World) -> None:
    problems = walk(Client(), world, anonymous=True)
    assert not problems, "\n".join(problems)


def test_it_walks_the_api_as_well_as_the_pages() -> None:
    templates = [r.template for r in walkable_routes()]
    assert any(t.startswith("api/v1/") for t in templates)
    assert any(t.startswith("organisation/people/") for t in templates)


def test_it_fails_when_one_view_loses_its_scoping(
    world: World, outsider: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proof the walk has teeth: an unscoped person page is caught."""
    from django_scopes import scopes_disabled

    from coproduce.organisations import selectors
    from coproduce.organisations.models import Membership as M

    def unscoped(*, organisation: Any, pk: int) -> M:
        with scopes_disabled():
            return M.objects.select_related("user").get(pk=pk)

    monkeypatch.setattr(selectors, "get_person_for", unscoped)
    problems = walk(client_for(outsider), world, member=outsider)
    assert any("/organisation/people/" in p for p in problems), problems


def test_it_fails_when_a_route_has_no_provider(world: World) -> None:
    route = Route(
        template="things/<int:thing_nobody_provides>/",
        kwargs=["thing_nobody_provides"],
        regex=False,
    )
    with pytest.raises(pytest.fail.Exception, match="thing_nobody_provides"):
        fill_all([route], world)

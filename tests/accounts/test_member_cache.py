"""With the shared cache on (as with Redis), a signed-in page reads the session, the person
and their memberships from it, not the database; without it, from the database, one prepared
query each. Either way any change to them is seen on the very next request: a new role, a
removal, a deactivation, a new password, signing out everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import load_backend
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.member_cache import ENTRY, MEMBERSHIPS_ATTRIBUTE, person
from coproduce.accounts.services import password_set
from coproduce.core.sessions import sessions_end_for
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from coproduce.organisations.services import organisation_language_set, person_update
from tests.conftest import client_for
from tests.factories import MembershipFactory
from tests.redis_server import own_prefix, running

pytestmark = pytest.mark.django_db


def _shared(kind: str, settings: Any) -> Iterator[None]:
    """One cache for every "server" in this process, as Redis is for every server; and Redis
    itself, where each process keeps what it read until Redis tells it of a change (with no
    timed re-read here, so the change itself must reach the kept values)."""
    settings.MEMBER_CACHE_SECONDS = 300
    settings.ROOT_URLCONF = "tests.accounts.member_urls"
    if kind == "Redis":
        url = running("redis://127.0.0.1:6379/10")
        with own_prefix(url) as prefix:
            settings.CACHES = {
                "default": {
                    "BACKEND": "coproduce.core.redis_cache.RedisCache",
                    "LOCATION": url,
                    "KEY_PREFIX": prefix,
                }
            }
            settings.MEMBER_CACHE_CONFIRM_SECONDS = 3600
            yield
        return
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "member-cache-test",
        }
    }
    cache.clear()
    yield


@pytest.fixture(params=["one cache", "Redis"])
def shared_cache(request: pytest.FixtureRequest, settings: Any) -> Iterator[None]:
    yield from _shared(request.param, settings)


@pytest.fixture(params=["database", "one cache", "Redis"])
def reads(request: pytest.FixtureRequest, settings: Any) -> Iterator[None]:
    """Where a signed-in page reads who is signed in: the database (no shared cache, as on
    one machine without Redis), or a shared cache."""
    if request.param == "database":
        settings.MEMBER_CACHE_SECONDS = 0
        settings.ROOT_URLCONF = "tests.accounts.member_urls"
        yield
        return
    yield from _shared(request.param, settings)


def who(client: Client) -> str:
    response = client.get("/who/")
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client: Client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        who(client)
    return [query["sql"] for query in captured.captured_queries]


def change(membership: Membership, admin: Membership, **changes: Any) -> None:
    user = membership.user
    fields: dict[str, Any] = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_name": user.preferred_name,
        "email": user.email,
        "date_of_birth": user.date_of_birth,
        "role": membership.role,
        "in_care": membership.in_care,
        "is_active": membership.is_active,
        "services": [],
    }
    person_update(acting_user=admin.user, membership=membership, **{**fields, **changes})


def test_a_signed_in_page_asks_the_database_nothing_once_the_person_is_cached(
    shared_cache: None, practitioner: Membership, settings: Any
) -> None:
    settings.MEMBER_CACHE_SECONDS = 0
    uncached = client_for(practitioner)
    who(uncached)
    without = queries_for(uncached)
    assert len(without) >= 3  # the session, the person, their memberships

    settings.MEMBER_CACHE_SECONDS = 300
    cached = client_for(practitioner)
    assert who(cached) == "bob_practitioner as practitioner of 1"
    assert queries_for(cached) == []
    assert who(cached) == "bob_practitioner as practitioner of 1"


def test_without_a_shared_cache_the_session_person_and_memberships_are_one_query_each(
    practitioner: Membership, settings: Any
) -> None:
    settings.MEMBER_CACHE_SECONDS = 0
    settings.ROOT_URLCONF = "tests.accounts.member_urls"
    client = client_for(practitioner)
    assert who(client) == "bob_practitioner as practitioner of 1"
    # Prepared (core.prepared): no queryset is built and compiled again for them.
    with mock.patch.object(SQLCompiler, "as_sql", side_effect=AssertionError("compiled")):
        tables = [sql.split(" FROM ")[1].split()[0].strip('"') for sql in queries_for(client)]
    assert tables == ["core_user_session", "accounts_user", "organisations_membership"]


def test_a_new_role_counts_on_the_next_request(
    reads: None, practitioner: Membership, admin: Membership
) -> None:
    client = client_for(practitioner)
    assert who(client) == "bob_practitioner as practitioner of 1"
    change(practitioner, admin, role=Role.MANAGER)
    # A manager must set up two-step sign-in before any page: asked on the very next request.
    response = client.get("/who/")
    assert response.status_code == 302
    assert response["Location"] == "/auth/2fa/totp/activate/"
    change(practitioner, admin, role=Role.PRACTITIONER)
    assert who(client) == "bob_practitioner as practitioner of 1"


def test_someone_taken_out_of_an_organisation_loses_it_on_the_next_request(
    reads: None, practitioner: Membership, admin: Membership
) -> None:
    second = MembershipFactory.create(user=practitioner.user, role=Role.PRACTITIONER)
    client = client_for(practitioner)
    assert who(client) == "bob_practitioner as practitioner of 2"
    change(practitioner, admin, is_active=False)
    assert who(client) == "bob_practitioner as practitioner of 1"
    second.delete()
    assert who(client) == "bob_practitioner as no organisation of 0"


def test_a_deactivated_account_is_signed_out_on_the_next_request(
    reads: None, practitioner: Membership
) -> None:
    client = client_for(practitioner)
    assert who(client).startswith("bob_practitioner")
    practitioner.user.is_active = False
    practitioner.user.save()
    assert who(client) == "signed out"


def test_a_new_password_ends_the_other_sessions(reads: None, practitioner: Membership) -> None:
    elsewhere = client_for(practitioner)
    assert who(elsewhere).startswith("bob_practitioner")
    password_set(user=practitioner.user, password="a long new password 42", membership=None)
    assert who(elsewhere) == "signed out"


def test_signing_out_everywhere_ends_every_session(reads: None, practitioner: Membership) -> None:
    phone, laptop = client_for(practitioner), client_for(practitioner)
    assert who(phone).startswith("bob_practitioner")
    assert who(laptop).startswith("bob_practitioner")
    sessions_end_for(user_id=practitioner.user_id)
    assert who(phone) == "signed out"
    assert who(laptop) == "signed out"


def test_signing_out_ends_that_session_only(reads: None, practitioner: Membership) -> None:
    phone, laptop = client_for(practitioner), client_for(practitioner)
    assert who(phone).startswith("bob_practitioner")
    phone.post("/auth/logout/")
    assert who(phone) == "signed out"
    assert who(laptop) == "bob_practitioner as practitioner of 1"


def test_an_organisation_change_reaches_cached_members(
    shared_cache: None, practitioner: Membership, admin: Membership
) -> None:
    client = client_for(practitioner)
    who(client)
    assert cache.get(ENTRY.format(practitioner.user_id)) is not None
    organisation_language_set(
        acting_user=admin.user, organisation=practitioner.organisation, language="cy"
    )
    backend = load_backend("django.contrib.auth.backends.ModelBackend")
    memberships = getattr(person(practitioner.user_id, backend), MEMBERSHIPS_ATTRIBUTE)
    assert memberships[0].organisation.default_language == "cy"


class CountingCache(LocMemCache):
    """The shared cache, counting the round trips a request makes to it (a `get_many` is one,
    as it is to Redis, though LocMemCache answers it key by key)."""

    trips = 0
    _in_many = False

    def get(self, *args: Any, **kwargs: Any) -> Any:
        CountingCache.trips += 0 if CountingCache._in_many else 1
        return super().get(*args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        CountingCache.trips += 1
        CountingCache._in_many = True
        try:
            return super().get_many(*args, **kwargs)
        finally:
            CountingCache._in_many = False

    def set(self, *args: Any, **kwargs: Any) -> Any:
        CountingCache.trips += 1
        return super().set(*args, **kwargs)


def test_a_seen_session_and_its_persons_versions_come_in_one_round_trip(
    shared_cache: None, settings: Any, practitioner: Membership, admin: Membership
) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "tests.accounts.test_member_cache.CountingCache",
            "LOCATION": "member-cache-trips",
        }
    }
    client = client_for(practitioner)
    who(client)  # this process learns whose session it is
    CountingCache.trips = 0
    assert who(client) == "bob_practitioner as practitioner of 1"
    assert CountingCache.trips == 1
    # The one read still sees a change made elsewhere.
    change(practitioner, admin, role=Role.MANAGER)
    assert client.get("/who/")["Location"] == "/auth/2fa/totp/activate/"


def test_a_managers_pages_ask_the_database_nothing_and_removing_two_step_is_seen_at_once(
    shared_cache: None, manager: Membership
) -> None:
    """Mo, a manager, has two-step sign-in: whether he has is kept with him, not asked on
    every page; once his authenticator app is removed, the very next page sends him to set
    one up again."""
    from allauth.mfa.models import Authenticator

    client = client_for(manager)
    assert who(client) == "mo_manager as manager of 1"
    assert queries_for(client) == []
    Authenticator.objects.filter(user=manager.user).delete()
    response = client.get("/who/")
    assert response.status_code == 302
    assert response["Location"] == "/auth/2fa/totp/activate/"

"""Personas, scoping and browser settings shared by every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.testcases import TransactionTestCase
from django_scopes import scopes_disabled
from playwright.sync_api import BrowserContext, Page

from coproduce.core.db import purge_allowed
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from tests.factories import MembershipFactory, OrganisationFactory, YoungPersonFactory

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Transactional tests flush tables between tests; append-only tables allow that flush only.
_original_teardown = getattr(TransactionTestCase, "_fixture_teardown")  # noqa: B009


def _fixture_teardown(self: TransactionTestCase) -> None:
    with purge_allowed():
        _original_teardown(self)


setattr(TransactionTestCase, "_fixture_teardown", _fixture_teardown)  # noqa: B010


@pytest.fixture(autouse=True)
def _fast_hashing_and_unscoped_setup(
    settings: Any, request: pytest.FixtureRequest
) -> Iterator[None]:
    """Tests arrange data directly; requests still run inside the middleware's scope."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Sign-in counts live in the cache, a database table by default: each test that uses the
    # database starts unlocked (a flush between transactional tests leaves that table alone).
    names = request.fixturenames
    if (
        "_django_db_helper" in names
        or "live_server" in names
        or request.node.get_closest_marker("django_db")
    ):
        request.getfixturevalue("_django_db_helper")
        cache.clear()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with scopes_disabled():
        yield


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory.create(name="Bryn Valley Youth Service", slug="bryn-valley-test")


@pytest.fixture
def admin(organisation: Organisation) -> Membership:
    return MembershipFactory.create(
        organisation=organisation,
        role=Role.ADMIN,
        user__username="alice_admin",
        user__first_name="Alice",
    )


@pytest.fixture
def manager(organisation: Organisation) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, role=Role.MANAGER, user__username="mo_manager"
    )


@pytest.fixture
def practitioner(organisation: Organisation) -> Membership:
    return MembershipFactory.create(
        organisation=organisation,
        role=Role.PRACTITIONER,
        user__username="bob_practitioner",
        user__first_name="Bob",
    )


@pytest.fixture
def young_person(organisation: Organisation) -> Membership:
    return YoungPersonFactory.create(
        organisation=organisation,
        user__username="fran",
        user__first_name="Francesca",
        user__preferred_name="Fran",
    )


@pytest.fixture
def commissioner(organisation: Organisation) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, role=Role.COMMISSIONER, user__username="cam"
    )


@pytest.fixture
def outsider(db: None) -> Membership:
    """An organisation admin of a different organisation: the most a stranger could hold."""
    other = OrganisationFactory.create(name="Elsewhere Trust", slug="elsewhere")
    return MembershipFactory.create(
        organisation=other, role=Role.ADMIN, user__username="charlie_outsider"
    )


def client_for(membership: Membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def as_member() -> Any:
    return client_for


# ---- browser tests: Debian's Chromium, never a downloaded browser ----
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is not installed: run `make chromium`")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # Phone first: the smallest width we promise. bypass_csp lets axe be injected.
    return {**browser_context_args, "viewport": {"width": 320, "height": 720}, "bypass_csp": True}


@pytest.fixture
def another_phone(page: Page, browser_context_args: dict[str, Any]) -> Iterator[Callable[[], Page]]:
    """Opens another person's phone: a browser context set up like `page`'s.

    Each is closed when the test ends. Left open, their kept-alive connections outlived the
    live server, and closing them touched the in-memory SQLite connection it shares with the
    tests after it had stopped sharing it (a thread warning per connection on SQLite).
    """
    browser = page.context.browser
    assert browser is not None
    contexts: list[BrowserContext] = []

    def open_phone() -> Page:
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()

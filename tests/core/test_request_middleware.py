"""The request chain's own versions of django-csp's, Django's locale and messages pieces, and
the member cache's per-process copies, answer as the originals did."""

from __future__ import annotations

import re
from typing import Any

import pytest
from csp.utils import build_policy
from django.contrib.auth import load_backend
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.member_cache import MEMBERSHIPS_ATTRIBUTE, person
from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"'nonce-([^']+)'")


@pytest.fixture
def shared_cache(settings: Any) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "request-middleware-test",
        }
    }
    settings.MEMBER_CACHE_SECONDS = 300
    settings.ROOT_URLCONF = "tests.accounts.member_urls"
    cache.clear()


def test_it_sends_django_csps_policy_with_a_new_nonce_on_each_page(client: Client) -> None:
    first = client.get("/auth/login/")["Content-Security-Policy"]
    second = client.get("/auth/login/")["Content-Security-Policy"]
    nonces = [NONCE.search(policy) for policy in (first, second)]
    assert nonces[0] and nonces[1] and nonces[0][1] != nonces[1][1]
    assert first == build_policy(nonce=nonces[0][1])
    assert second == build_policy(nonce=nonces[1][1])


def test_it_sends_the_policy_without_a_nonce_where_no_page_used_one(
    shared_cache: None, practitioner: Membership
) -> None:
    response = client_for(practitioner).get("/who/")
    assert response["Content-Security-Policy"] == build_policy()
    assert "nonce" not in response["Content-Security-Policy"]


def test_a_changed_policy_setting_is_sent_at_once(client: Client, settings: Any) -> None:
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert client.get("/auth/login/")["Content-Security-Policy"] == "default-src 'none'"


def test_it_answers_in_the_language_of_the_switchs_cookie_or_the_browser(
    client: Client, settings: Any
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = client.get("/auth/login/")
    assert response["Content-Language"] == "cy"
    assert "Accept-Language" in response["Vary"]

    browser = Client(headers={"Accept-Language": "cy,en;q=0.5"})
    assert browser.get("/auth/login/")["Content-Language"] == "cy"
    assert Client().get("/auth/login/")["Content-Language"] == "en-gb"


def test_each_request_gets_its_own_copy_of_the_cached_person(
    shared_cache: None, practitioner: Membership
) -> None:
    backend = load_backend("django.contrib.auth.backends.ModelBackend")
    first = person(practitioner.user_id, backend)
    # What a request does to its objects (a form that did not validate, say) stays there.
    first.first_name = "Changed"
    getattr(first, MEMBERSHIPS_ATTRIBUTE)[0].role = "admin"
    getattr(first, MEMBERSHIPS_ATTRIBUTE)[0].organisation.name = "Changed"

    with CaptureQueriesContext(connection) as captured:
        second = person(practitioner.user_id, backend)
    assert captured.captured_queries == []
    assert second.first_name == "Bob"
    membership = getattr(second, MEMBERSHIPS_ATTRIBUTE)[0]
    assert membership.role == "practitioner"
    assert membership.organisation.name == practitioner.organisation.name
    assert membership.user is second  # the membership's person is this request's person

"""Scenario: at a youth club on one Wi-Fi, one person's wrong passwords pause only their own
account; codes and API tokens cannot be guessed at speed (issue 16, items 2 and 3)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory

from coproduce.accounts.services import api_token_create, sign_in_code_issue
from coproduce.accounts.throttle import client_address
from coproduce.organisations.models import Membership, Organisation
from tests.factories import PASSWORD, MembershipFactory

# Inside one 15-minute window (10:00-10:15), so no count is cut in half by a new window.
TEN_PAST = datetime.datetime(2026, 11, 2, 10, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _still_clock() -> Iterator[None]:
    with time_machine.travel(TEN_PAST, tick=False):
        yield


def sign_in(username: str, password: str, **headers: Any) -> tuple[Client, str]:
    client = Client(**headers)
    response = client.post("/auth/login/", {"login": username, "password": password})
    return client, response.content.decode()


def test_wrong_passwords_for_one_account_do_not_stop_another_on_the_same_wifi(
    practitioner: Membership, organisation: Organisation
) -> None:
    other = MembershipFactory.create(organisation=organisation, user__username="ola")
    for _ in range(5):
        sign_in(practitioner.user.username, "wrong-guess-123")

    ola, _html = sign_in("ola", PASSWORD)
    assert ola.session.get("_auth_user_id") == str(other.user_id)

    bob, html = sign_in(practitioner.user.username, PASSWORD)
    assert "_auth_user_id" not in bob.session
    assert "Too many wrong passwords for this account" in html
    assert "Try again in 5 minutes" in html  # the window ends at 10:15


def test_it_pauses_a_whole_address_only_after_many_failures_across_accounts(
    practitioner: Membership, settings: Any
) -> None:
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 8
    for n in range(8):
        sign_in(f"guess{n}", "wrong-guess-123")
    client, html = sign_in(practitioner.user.username, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "tried from this network" in html and "this account" not in html


def test_it_pauses_an_account_tried_from_many_addresses(
    practitioner: Membership, settings: Any
) -> None:
    for n in range(10):
        sign_in(practitioner.user.username, "wrong-guess-123", REMOTE_ADDR=f"198.51.100.{n}")
    client, html = sign_in(practitioner.user.username, PASSWORD, REMOTE_ADDR="192.0.2.1")
    assert "_auth_user_id" not in client.session
    assert "Too many wrong passwords for this account" in html


def test_it_believes_x_forwarded_for_only_from_a_trusted_proxy(
    practitioner: Membership, organisation: Organisation, settings: Any
) -> None:
    MembershipFactory.create(organisation=organisation, user__username="ola")
    club = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    home = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}

    # No trusted proxies: the header is ignored; the club and home are both the proxy.
    settings.TRUSTED_PROXIES = []
    for _ in range(5):
        sign_in("ola", "wrong-guess-123", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.1.1.1")
    client, _html = sign_in("ola", PASSWORD, REMOTE_ADDR="10.0.0.5")
    assert "_auth_user_id" not in client.session

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _ in range(5):
        sign_in(practitioner.user.username, "wrong-guess-123", **club)
    # Behind the trusted proxies, home is another address: Bob gets in from there...
    client, _html = sign_in(practitioner.user.username, PASSWORD, **home)
    assert client.session.get("_auth_user_id") == str(practitioner.user_id)
    # ...but not from the club's address.
    client, _html = sign_in(practitioner.user.username, PASSWORD, **club)
    assert "_auth_user_id" not in client.session

    # The part of the header a client writes itself is not believed.
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.7"
    )
    assert client_address(request) == "203.0.113.9"
    settings.TRUSTED_PROXIES = []
    assert client_address(request) == "10.0.0.5"


def test_the_counts_are_kept_in_a_cache_every_process_shares(practitioner: Membership) -> None:
    assert django_settings.CACHES["default"]["BACKEND"].endswith("db.DatabaseCache")
    sign_in(practitioner.user.username, "wrong-guess-123")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM coproduce_cache")
        assert cursor.fetchone()[0] >= 3
    assert caches["default"].__class__.__name__ == "DatabaseCache"


def test_it_uses_redis_when_redis_url_is_set() -> None:
    code = "from coproduce import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6379/0"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "coproduce.core.redis_cache.RedisCache"


def test_the_eleventh_wrong_code_is_refused_with_a_wait(
    practitioner: Membership, young_person: Membership
) -> None:
    _code, raw = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    phone = Client()
    for _ in range(10):
        wrong = phone.post("/start/", {"code": "WRONG23456"})
        assert wrong.status_code == 200 and "That code is not right" in wrong.content.decode()
    refused = phone.post("/start/", {"code": "WRONG23456"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(10 * 60)  # 10:10, the 10-minute window ends at 10:20
    assert "Try again in 10 minutes" in refused.content.decode()
    # Even the right code waits on that phone; another address is not held up.
    assert phone.post("/start/", {"code": raw}).status_code == 429
    other = Client(REMOTE_ADDR="192.0.2.44").post("/start/", {"code": raw})
    assert other.status_code == 302


def test_bad_api_tokens_are_answered_429_long_before_300(practitioner: Membership) -> None:
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    client = Client()
    statuses = [
        client.get(
            "/api/v1/organisation/services", headers={"Authorization": f"Bearer cp_guess{n}"}
        ).status_code
        for n in range(300)
    ]
    first = statuses.index(429)
    assert first == 20 and set(statuses[first:]) == {429}
    refused = client.get(
        "/api/v1/organisation/services", headers={"Authorization": "Bearer cp_guess"}
    )
    assert refused["Retry-After"] == str(10 * 60) and refused.json()["detail"]
    # The analyst's real token still works from there.
    good = client.get("/api/v1/organisation/services", headers={"Authorization": f"Bearer {raw}"})
    assert good.status_code == 200


def test_a_token_is_limited_to_so_many_requests_a_minute(
    practitioner: Membership, settings: Any
) -> None:
    settings.API_REQUESTS_PER_TOKEN_PER_MINUTE = 5
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    auth = {"Authorization": f"Bearer {raw}"}
    statuses = [
        Client().get("/api/v1/organisation/services", headers=auth).status_code for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    later = TEN_PAST + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        assert Client().get("/api/v1/organisation/services", headers=auth).status_code == 200

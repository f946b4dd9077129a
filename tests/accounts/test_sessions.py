"""Scenario: sessions know whose they are. Erasing a person (or signing them out
everywhere) ends their sessions without reading anyone else's, and a daily command clears
the expired ones."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.contrib.sessions.backends.base import SessionBase
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coproduce.accounts.personal_data import erase
from coproduce.core.models import UserSession
from coproduce.core.sessions import SessionStore, sessions_end_for
from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _signed_in_elsewhere(membership: Membership, times: int) -> None:
    for _ in range(times):
        client_for(membership)


def test_it_records_who_a_session_belongs_to_when_they_sign_in(
    practitioner: Membership,
) -> None:
    client = Client()
    anonymous = SessionStore()
    anonymous["basket"] = "nothing"
    anonymous.save()
    client.force_login(practitioner.user)
    mine = UserSession.objects.get(session_key=client.session.session_key)
    assert mine.user_id == practitioner.user_id
    assert UserSession.objects.get(session_key=anonymous.session_key).user_id is None
    client.post("/auth/logout/")
    assert not UserSession.objects.filter(user_id=practitioner.user_id).exists()


def test_erasing_a_person_ends_only_their_sessions_without_decoding_any(
    young_person: Membership, practitioner: Membership, django_assert_max_num_queries: Any
) -> None:
    _signed_in_elsewhere(young_person, 3)
    _signed_in_elsewhere(practitioner, 20)
    assert UserSession.objects.filter(user_id=young_person.user_id).count() == 3
    with mock.patch.object(SessionBase, "decode", side_effect=AssertionError("decoded")):
        erase(young_person, acting_user=practitioner.user)
    assert not UserSession.objects.filter(user_id=young_person.user_id).exists()
    assert UserSession.objects.filter(user_id=practitioner.user_id).count() == 20
    with django_assert_max_num_queries(1):
        assert sessions_end_for(user_id=practitioner.user_id) == 20


def test_it_clears_expired_sessions_and_keeps_live_ones(
    practitioner: Membership, young_person: Membership, settings: Any
) -> None:
    long_ago = timezone.now() - datetime.timedelta(days=2)
    with time_machine.travel(long_ago, tick=False):
        _signed_in_elsewhere(young_person, 2)
    _signed_in_elsewhere(practitioner, 1)
    call_command("clear_sessions", "--dry-run")
    assert UserSession.objects.count() == 3
    call_command("clear_sessions")
    assert list(UserSession.objects.values_list("user_id", flat=True)) == [practitioner.user_id]
    call_command("clear_sessions")  # twice is fine
    call_command("clearsessions")  # and Django's own command uses the same engine
    assert UserSession.objects.count() == 1

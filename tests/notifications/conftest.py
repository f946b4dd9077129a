"""Fixtures for messages: a local Notify server, and a moment in the afternoon."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.notifications.notify_server import API_KEY, Notify, notify_server

EMAIL_TEMPLATE = "5f1e3a0c-0000-4000-8000-00000000e001"
SMS_TEMPLATE = "5f1e3a0c-0000-4000-8000-00000000a002"
# A Wednesday afternoon in London; the young person fixture is 16 then.
AFTERNOON = datetime.datetime(2027, 3, 10, 14, 0, tzinfo=datetime.UTC)


@pytest.fixture
def notify(settings: Any) -> Iterator[Notify]:
    with notify_server() as server:
        settings.NOTIFY_BASE_URL = server.base_url
        settings.NOTIFY_API_KEY = API_KEY
        settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE
        settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE
        settings.SITE_URL = "https://coproduce.example.gov.uk"
        yield server


@pytest.fixture
def afternoon() -> Iterator[None]:
    with time_machine.travel(AFTERNOON, tick=False):
        yield


def later(minutes: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes)

"""Scenario: a client generated from /api/v1/openapi.json calls every operation with values
the schema allows, with a practitioner's token and with none.

No answer may be a server error, and each must be one the schema documents, in its shape.
Runs on whichever database the suite runs on (SQLite, and PostgreSQL in CI).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded so each database's run stays near half a minute; without a token every call is a 401.
EXAMPLES_PER_OPERATION = {True: 20, False: 8}


@contextmanager
def _connection_kept_open() -> Iterator[None]:
    """As Django's test client does: the test's transaction holds the one connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def _failures(headers: dict[str, str], examples: int) -> list[str]:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # Err raises here: a broken schema

        @settings(
            max_examples=examples,
            derandomize=True,  # the same examples on every run
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def call(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            call()
        except Exception as error:  # report every operation, not just the first
            failures.append(f"{operation.label}: {error}")
    return failures


@pytest.mark.parametrize("with_token", [True, False], ids=["practitioner", "no-token"])
def test_every_operation_keeps_to_the_published_schema(
    practitioner: Membership, young_person: Membership, with_token: bool
) -> None:
    headers = {}
    if with_token:
        _token, raw = api_token_create(
            acting_user=practitioner.user, membership=practitioner, name="schemathesis"
        )
        headers["Authorization"] = f"Bearer {raw}"
    with _connection_kept_open():
        failures = _failures(headers, EXAMPLES_PER_OPERATION[with_token])
    assert not failures, "\n\n".join(failures)

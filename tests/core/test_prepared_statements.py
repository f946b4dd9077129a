"""On PostgreSQL the queries the home page asks on every visit (its panels) are kept prepared
on the connection: parsed and planned once, not on every visit. Behind PgBouncer in
transaction mode, or with DATABASE_PREPARED=false, they are not: PgBouncer hands each
transaction any server connection, where the statement is unknown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.environment import database_from_environment
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.scenarios import a_project


def _page(client: Client) -> str:
    """The home page, less what changes on every visit (the script nonce, the form token)."""
    html = client.get("/").content.decode()
    return re.sub(r'(nonce|value)="[A-Za-z0-9+/=_-]{20,}"', "", html)


PG = "postgres://postgres@127.0.0.1:5432/coproduce"


@pytest.mark.parametrize(
    ("environment", "prepared"),
    [
        ({"DATABASE_URL": PG}, True),
        ({"DATABASE_URL": PG, "DATABASE_POOL": "min=1,max=4"}, True),
        ({"DATABASE_URL": PG, "DATABASE_PREPARED": "false"}, False),
        ({"DATABASE_URL": PG, "DATABASE_PGBOUNCER": "true"}, False),
        ({"DATABASE_URL": "sqlite:///var/coproduce.sqlite3"}, False),
    ],
)
def test_prepared_statements_are_on_for_postgresql_unless_pgbouncer_or_turned_off(
    environment: dict[str, str], prepared: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("DATABASE_POOL", "DATABASE_PREPARED", "DATABASE_PGBOUNCER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    database = database_from_environment(tmp_path)
    assert database["PREPARED_STATEMENTS"] is prepared
    # Only core.pipeline prepares (the panels' queries): every other query is bound as Django
    # binds it, and psycopg prepares nothing of its own.
    options = database.get("OPTIONS", {})
    assert "server_side_binding" not in options
    assert options.get("prepare_threshold") is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
def test_the_home_page_panels_are_prepared_once_and_still_show_the_same(
    practitioner: Membership,
) -> None:
    a_project(practitioner, name="Youth Club Redesign")
    client = client_for(practitioner)
    first = _page(client)
    for _ in range(5):
        again = _page(client)
    with CaptureQueriesContext(connection) as captured:
        again = _page(client)
    # The query log still shows each panel's SQL (what tests and debugging tools read).
    logged = [query["sql"] for query in captured.captured_queries]
    assert all(isinstance(sql, str) and sql for sql in logged), logged
    assert any("projects_project" in sql for sql in logged)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("projects_project" in sql for sql in prepared), prepared
    assert again == first  # the same page, prepared or not

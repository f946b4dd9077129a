"""A queryset compiled once answers exactly as the queryset does, and refuses what it cannot bind."""

from __future__ import annotations

import datetime
from typing import Any

import psycopg
import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import DataError, OperationalError, connection, transaction
from django.db.models import F, QuerySet, Value
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import ScopeError

from coproduce.core import pipeline
from coproduce.core.prepared import Prepared, run_together
from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.models import Membership
from coproduce.projects.models import Idea, Project
from coproduce.projects.selectors import get_project_for, overdue_ideas
from tests.factories import MembershipFactory, ServiceFactory
from tests.scenarios import a_project, an_idea


def _overdue(*, organisation: int, owner: int, today: datetime.date) -> QuerySet[Idea, Any]:
    return (
        overdue_ideas(organisation=organisation, today=today)
        .filter(owner_id=owner)
        .order_by("due_on", "pk")
        .values("text", "due_on", "project_name")
    )


overdue_for = Prepared(_overdue, organisation=int, owner=int, today=datetime.date)


def _ideas(practitioner: Membership, young_person: Membership, *texts: str) -> None:
    project = a_project(practitioner, name="Skate Park")
    for n, text in enumerate(texts):
        with time_machine.travel(datetime.datetime(2026, 1, 5 + n, 12, tzinfo=datetime.UTC)):
            an_idea(practitioner, project, text, young_person)


def test_it_answers_as_the_queryset_does_for_any_values(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    _ideas(practitioner, young_person, "Ramps", "Lights", "A shelter")
    _ideas(manager, young_person, "Benches")
    org = practitioner.organisation_id
    for owner in (practitioner, manager):
        for today in (
            datetime.date(2026, 1, 1),
            datetime.date(2026, 2, 2),
            datetime.date(2026, 9, 9),
        ):
            expected = list(_overdue(organisation=org, owner=owner.pk, today=today))
            assert overdue_for(organisation=org, owner=owner.pk, today=today) == expected
    # Dates come back as dates on both databases, and each row is named as in .values().
    assert overdue_for(
        organisation=org, owner=practitioner.pk, today=datetime.date(2026, 9, 9)
    ) == [
        {"text": "Ramps", "due_on": datetime.date(2026, 2, 2), "project_name": "Skate Park"},
        {"text": "Lights", "due_on": datetime.date(2026, 2, 3), "project_name": "Skate Park"},
        {"text": "A shelter", "due_on": datetime.date(2026, 2, 4), "project_name": "Skate Park"},
    ]


def test_another_organisations_rows_never_come_back(
    practitioner: Membership, young_person: Membership
) -> None:
    _ideas(practitioner, young_person, "Ramps")
    outsider = MembershipFactory.create()
    with organisation_scope(outsider.organisation):
        assert (
            overdue_for(
                organisation=outsider.organisation_id,
                owner=practitioner.pk,
                today=datetime.date(2026, 9, 9),
            )
            == []
        )
        # Asking for the victim's organisation from inside another's scope is refused.
        with pytest.raises(ScopeError):
            overdue_for(
                organisation=practitioner.organisation_id,
                owner=practitioner.pk,
                today=datetime.date(2026, 9, 9),
            )


def test_it_is_one_query_that_the_query_counts_see(practitioner: Membership) -> None:
    with CaptureQueriesContext(connection) as queries:
        overdue_for(organisation=practitioner.organisation_id, owner=1, today=datetime.date.today())
    assert len(queries) == 1


def _names(*, organisation: int, after: int) -> QuerySet[Idea, Any]:
    return (
        Idea.objects.filter(organisation_id=organisation, pk__gt=after)
        .order_by("pk")
        .values("text")
    )


names_after = Prepared(_names, organisation=int, after=int)


def test_queries_run_together_answer_each_as_it_would_alone(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    _ideas(practitioner, young_person, "Ramps", "Lights")
    _ideas(manager, young_person, "Benches")
    org = practitioner.organisation_id
    today = datetime.date(2026, 9, 9)
    asked = [
        overdue_for.bind(organisation=org, owner=practitioner.pk, today=today),
        names_after.bind(organisation=org, after=0),
        overdue_for.bind(organisation=org, owner=manager.pk, today=today),
        names_after.bind(organisation=org, after=10**9),
    ]
    alone = [bound.query(**bound.values) for bound in asked]
    with CaptureQueriesContext(connection) as queries:
        together = run_together(asked)
    assert together == alone
    assert [row["text"] for row in together[0]] == ["Ramps", "Lights"]
    assert [row["text"] for row in together[1]] == ["Ramps", "Lights", "Benches"]
    assert together[3] == []
    assert len(queries) == 4  # each still counted and logged


def test_binding_outside_the_organisations_scope_is_refused(practitioner: Membership) -> None:
    outsider = MembershipFactory.create()
    with organisation_scope(outsider.organisation), pytest.raises(ScopeError):
        names_after.bind(organisation=practitioner.organisation_id, after=0)


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs in process: no round trips"
)


def _count_round_trips(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Pipelines through Django's cursors, and syncs on the connection's own pipeline."""
    connection.ensure_connection()
    raw = connection.connection
    counted = {"through cursors": 0, "on the connection": 0}
    through_cursors, own = raw.pipeline, pipeline._results_until_sync

    def cursors() -> Any:
        counted["through cursors"] += 1
        return through_cursors()

    def synced(pgconn: Any) -> Any:
        counted["on the connection"] += 1
        return own(pgconn)

    monkeypatch.setattr(raw, "pipeline", cursors)
    monkeypatch.setattr(pipeline, "_results_until_sync", synced)
    return counted


def _prepared_here() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'coproduce%%'")
        return int(cursor.fetchone()[0])


@postgresql_only
def test_on_postgresql_queries_run_together_share_one_round_trip(
    practitioner: Membership, young_person: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They go on the connection's own pipeline (no cursor each), prepared there the first
    time; Django's query log still sees each with its values. With an execute wrapper set
    (which sees queries only through Django's cursors) they go through its cursors."""
    _ideas(practitioner, young_person, "Ramps", "Lights")
    org = practitioner.organisation_id
    today = datetime.date(2026, 9, 9)
    asked = [
        names_after.bind(organisation=org, after=0),
        overdue_for.bind(organisation=org, owner=practitioner.pk, today=today),
        names_after.bind(organisation=org, after=10**9),
    ]
    counted = _count_round_trips(monkeypatch)
    with CaptureQueriesContext(connection) as queries:
        together = run_together(asked)
    assert counted == {"through cursors": 0, "on the connection": 1}
    assert len(queries) == 3
    assert f"> {10**9}" in queries[2]["sql"]  # logged with its values, as Django's cursor would
    assert together[1][0] == {
        "text": "Ramps",
        "due_on": datetime.date(2026, 2, 2),
        "project_name": "Skate Park",
    }
    prepared = _prepared_here()
    assert prepared >= 2
    assert run_together(asked) == together
    assert _prepared_here() == prepared  # prepared once, only run after that
    seen: list[str] = []

    def wrapper(execute: Any, sql: str, *args: Any) -> Any:
        seen.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(wrapper):
        assert run_together(asked) == together
    assert counted == {"through cursors": 1, "on the connection": 2}
    assert len(seen) == 3


def _shares(*, organisation: int, by: int) -> QuerySet[Idea, Any]:
    return (
        Idea.objects.filter(organisation_id=organisation)
        .annotate(share=F("pk") / Value(by))
        .values("share")
    )


shares = Prepared(_shares, organisation=int, by=int)


@postgresql_only
def test_a_statement_that_fails_raises_djangos_error_and_the_next_run_answers(
    practitioner: Membership, young_person: Membership
) -> None:
    _ideas(practitioner, young_person, "Ramps")
    org = practitioner.organisation_id
    idea = Idea.objects.get(organisation_id=org)
    with pytest.raises(DataError, match="division by zero"), transaction.atomic():
        run_together(
            [names_after.bind(organisation=org, after=0), shares.bind(organisation=org, by=0)]
        )
    assert run_together(
        [shares.bind(organisation=org, by=1), names_after.bind(organisation=org, after=0)]
    ) == [[{"share": idea.pk}], [{"text": "Ramps"}]]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_statements_the_server_has_forgotten_are_prepared_again(
    practitioner: Membership, young_person: Membership
) -> None:
    """A reset connection (`DISCARD ALL`, `DEALLOCATE ALL`) has lost what was prepared on it."""
    _ideas(practitioner, young_person, "Ramps")
    org = practitioner.organisation_id
    asked = [names_after.bind(organisation=org, after=0), shares.bind(organisation=org, by=1)]
    first = run_together(asked)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert run_together(asked) == first


def test_a_value_worked_out_from_an_argument_is_refused(practitioner: Membership) -> None:
    def later(*, organisation: int, today: datetime.date) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(
            organisation_id=organisation, due_on__lt=today + datetime.timedelta(days=1)
        ).values("id")

    with pytest.raises(ImproperlyConfigured, match="not one of its arguments"):
        Prepared(later, organisation=int, today=datetime.date)(
            organisation=practitioner.organisation_id, today=datetime.date(2026, 1, 1)
        )


def test_sql_that_changes_with_the_values_is_refused(practitioner: Membership) -> None:
    def shaped(*, organisation: int, many: int) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(organisation_id=organisation).values("id")[: 1 + abs(many) % 7]

    def nothing_for_some(*, organisation: int, many: int) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(
            organisation_id=organisation, pk__in=range(abs(many) % 7)
        ).values("id")

    for build in (shaped, nothing_for_some):
        with pytest.raises(ImproperlyConfigured, match="changes with values"):
            Prepared(build, organisation=int, many=int)(
                organisation=practitioner.organisation_id, many=3
            )


def test_model_rows_unused_arguments_and_a_missing_organisation_are_refused(
    practitioner: Membership,
) -> None:
    def whole(*, organisation: int) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(organisation_id=organisation).values_list("id")

    def unused(*, organisation: int, owner: int) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(organisation_id=organisation).values("id")

    org = practitioner.organisation_id
    with pytest.raises(ImproperlyConfigured, match="values"):
        Prepared(whole, organisation=int)(organisation=org)
    with pytest.raises(ImproperlyConfigured, match="annotations"):
        Prepared(
            lambda organisation: Idea.objects.filter(organisation_id=organisation).annotate(
                n=Value(1)
            ),
            organisation=int,
        )(organisation=org)
    with pytest.raises(ImproperlyConfigured, match="not used"):
        Prepared(unused, organisation=int, owner=int)(organisation=org, owner=1)
    with pytest.raises(ImproperlyConfigured, match="organisation"):
        Prepared(whole, owner=int)
    with pytest.raises(TypeError):
        overdue_for(organisation=org, owner=1)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_while_asking_is_an_error_and_a_new_one_answers(
    practitioner: Membership, young_person: Membership
) -> None:
    """PostgreSQL restarts (or a network drops) while a page asks its panels: the page gets
    Django's error, and the next connection prepares what it needs again."""
    _ideas(practitioner, young_person, "Ramps")
    org = practitioner.organisation_id
    asked = [names_after.bind(organisation=org, after=0), shares.bind(organisation=org, by=1)]
    first = run_together(asked)
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
        dbname=settings["NAME"], autocommit=True,
    ) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
    with pytest.raises(OperationalError):
        run_together(asked)
    connection.close()  # as Django does at the end of a request that met an unusable one
    assert run_together(asked) == first


def test_a_model_queryset_gives_the_instances_django_would(practitioner: Membership) -> None:
    """A project page's project, looked up by its id: the same instance Django's own query
    gives, its service read with it, its Welsh name there, and it can be saved."""
    org = practitioner.organisation
    youth_work = ServiceFactory.create(organisation=org, name="Youth work")
    with_service = a_project(practitioner, name="Skate Park")
    with_service.service = youth_work
    with_service.name_cy = "Parc Sglefrio"  # type: ignore[attr-defined]  # modeltranslation
    with_service.save()
    on_its_own = a_project(practitioner, name="Youth Forum")
    with organisation_scope(org):
        for project in (with_service, on_its_own):
            expected = Project.objects.select_related("service").get(pk=project.pk)
            with CaptureQueriesContext(connection) as queries:
                got = get_project_for(organisation=org, pk=project.pk)
                service = got.service
            assert len(queries) == 1
            assert got == expected and not got._state.adding
            assert {f.attname: getattr(got, f.attname) for f in Project._meta.concrete_fields} == {
                f.attname: getattr(expected, f.attname) for f in Project._meta.concrete_fields
            }
            assert service == expected.service
        got = get_project_for(organisation=org, pk=with_service.pk)
        assert got.service is not None and got.service.name == "Youth work"
        with translation.override("cy"):
            assert got.name == "Parc Sglefrio"
        assert got.name == "Skate Park"
        got.aims = "Ramps for everyone"
        got.save()
        assert Project.objects.get(pk=with_service.pk).aims == "Ramps for everyone"
        with pytest.raises(Http404):
            get_project_for(organisation=org, pk=-1)
        other = MembershipFactory.create(role="practitioner").organisation
        with pytest.raises(ScopeError):
            get_project_for(organisation=other, pk=with_service.pk)

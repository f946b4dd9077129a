"""A queryset compiled once answers exactly as the queryset does, and refuses what it cannot bind."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django_scopes import ScopeError

from coproduce.core.prepared import Prepared, run_together
from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.models import Membership
from coproduce.projects.models import Idea
from coproduce.projects.selectors import overdue_ideas
from tests.factories import MembershipFactory
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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no round trips")
def test_on_postgresql_queries_run_together_share_one_round_trip(
    practitioner: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection.ensure_connection()
    raw = connection.connection
    pipelines = []
    real = raw.pipeline

    def counted() -> Any:
        pipelines.append(1)
        return real()

    monkeypatch.setattr(raw, "pipeline", counted)
    org = practitioner.organisation_id
    run_together([names_after.bind(organisation=org, after=n) for n in range(3)])
    assert pipelines == [1]


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
        return Idea.objects.filter(organisation_id=organisation)

    def unused(*, organisation: int, owner: int) -> QuerySet[Idea, Any]:
        return Idea.objects.filter(organisation_id=organisation).values("id")

    org = practitioner.organisation_id
    with pytest.raises(ImproperlyConfigured, match="values"):
        Prepared(whole, organisation=int)(organisation=org)
    with pytest.raises(ImproperlyConfigured, match="not used"):
        Prepared(unused, organisation=int, owner=int)(organisation=org, owner=1)
    with pytest.raises(ImproperlyConfigured, match="organisation"):
        Prepared(whole, owner=int)
    with pytest.raises(TypeError):
        overdue_for(organisation=org, owner=1)

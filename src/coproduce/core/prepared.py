"""Querysets compiled once and run many times with new values.

Building and compiling a queryset costs Django 0.2–1 ms of Python each time, far more than the
database takes to answer a small indexed query. On the home page, which every member opens
first and often, that was most of the time. `Prepared(build, organisation=int, ...)` compiles
the `.values()` queryset that `build(...)` returns once per database, finds where each
argument's value sits among the SQL parameters, and afterwards only swaps the values in.

It checks itself when it first compiles: the queryset is compiled with two different sets of
sample values, the SQL must come out the same, and every parameter must be either the same both
times or one argument's value. A build that derives a parameter from an argument (`now - 6
weeks`) or whose SQL changes with the values is refused; pass the derived value in instead.

Tenancy holds as for any queryset: `organisation` is required and must be the active scope
(django-scopes' own filter is compiled in and bound to it as well).

A model queryset (`select_related` allowed, no annotations) may be prepared too: its rows come
back as model instances, made exactly as Django's own iterator makes them. Looking one object
up by its id is the commonest read of all, and the queryset cost ten times the query.

`query(...)` runs one query now; `query.bind(...)` keeps it with its values, and
`run_together([...])` runs several in one round trip on PostgreSQL (the home page's panels).
There each statement is also kept prepared on the connection (`core.pipeline`; not with
DATABASE_PREPARED=false or behind PgBouncer): PostgreSQL plans it once, for any values, and then
only runs it. These are small indexed reads for one organisation or person, which a plan for
any values suits.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import psycopg
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.query import (  # type: ignore[attr-defined]  # not in django-stubs
    ModelIterable,
    ValuesIterable,
    get_related_populators,
)
from django_scopes import ScopeError, get_scope, scope

from coproduce.core.pipeline import run_prepared
from coproduce.core.tenancy import all_organisations

Kind = type[int] | type[str] | type[datetime.date] | type[datetime.datetime]
T = TypeVar("T")


def _samples(kinds: dict[str, Kind], n: int) -> dict[str, Any]:
    """Values no real row carries, different for each argument and each of the two runs."""
    values: dict[str, Any] = {}
    for i, (name, kind) in enumerate(kinds.items()):
        if kind is datetime.datetime:
            values[name] = datetime.datetime(1900 + n, 2, 3, 4, 5, i, tzinfo=datetime.UTC)
        elif kind is datetime.date:
            values[name] = datetime.date(1900 + n, 2, 3 + i)
        elif kind is str:
            values[name] = f"\x00prepared-sample-{n}-{i}"
        else:
            values[name] = -(n * 1_000_000_000 + i + 1)
    return values


def _adapt(value: Any, kind: Kind, connection: BaseDatabaseWrapper) -> Any:
    if kind is datetime.datetime:
        return connection.ops.adapt_datetimefield_value(value)
    if kind is datetime.date:
        return connection.ops.adapt_datefield_value(value)
    return value


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple[Any, ...]  # constants, with None where an argument goes
    slots: tuple[tuple[int, str], ...]  # (position, argument name)
    names: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]
    # For a model queryset: how Django's ModelIterable turns a row into an instance (the
    # model, its fields' names and where they sit, and what fills its select_related).
    model: tuple[Any, list[str], int, int, list[Any]] | None = None


class Prepared:
    across_organisations = False

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], **kinds: Kind) -> None:
        if "organisation" not in kinds and not self.across_organisations:
            raise ImproperlyConfigured("A prepared query needs its organisation.")
        self.build = build
        self.kinds = kinds
        self._plans: dict[str, _Plan] = {}

    def _compile(
        self, alias: str, values: dict[str, Any]
    ) -> tuple[Any, str, tuple[Any, ...], bool]:
        with (
            all_organisations()
            if self.across_organisations
            else scope(organisation=[values["organisation"]])
        ):
            queryset = self.build(**values)
        if queryset._iterable_class is ModelIterable and (
            queryset.query.annotations or queryset._known_related_objects  # type: ignore[attr-defined]
        ):
            raise ImproperlyConfigured("A prepared model query takes no annotations.")
        if queryset._iterable_class not in (ValuesIterable, ModelIterable):
            raise ImproperlyConfigured("A prepared query is a .values() or a model queryset.")
        compiler = queryset.query.get_compiler(using=alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # e.g. `pk__in=[]`: the SQL would depend on the values
            raise ImproperlyConfigured(
                f"{self.build.__qualname__}: its SQL changes with values."
            ) from None
        return compiler, sql, tuple(params), queryset._iterable_class is ModelIterable

    def _prepare(self, alias: str) -> _Plan:
        connection = connections[alias]
        first, second = _samples(self.kinds, 1), _samples(self.kinds, 2)
        compiler, sql, params, of_models = self._compile(alias, first)
        _, sql_again, params_again, _ = self._compile(alias, second)
        if sql != sql_again or len(params) != len(params_again):
            raise ImproperlyConfigured(
                f"{self.build.__qualname__}: its SQL changes with values."
            ) from None
        slots = []
        for position, (a, b) in enumerate(zip(params, params_again, strict=True)):
            if a == b:
                continue
            found = [
                name
                for name, kind in self.kinds.items()
                if a == _adapt(first[name], kind, connection)
                and b == _adapt(second[name], kind, connection)
            ]
            if len(found) != 1:
                raise ImproperlyConfigured(
                    f"{self.build.__qualname__}: parameter {position} is not one of its arguments."
                )
            slots.append((position, found[0]))
        if {name for _, name in slots} != set(self.kinds):
            raise ImproperlyConfigured(f"{self.build.__qualname__}: an argument is not used.")
        query = compiler.query
        names = (
            list(query.selected)
            if query.selected
            else [*query.extra_select, *query.values_select, *query.annotation_select]
        )
        fields = [s[0] for s in compiler.select[: compiler.col_count]]
        converters = tuple(
            (position, tuple(convs), expression)
            for position, (convs, expression) in compiler.get_converters(fields).items()
        )
        constants = tuple(None if i in dict(slots) else p for i, p in enumerate(params))
        model = None
        if of_models:  # read as Django's ModelIterable reads its rows
            info, select = compiler.klass_info, compiler.select
            start, end = info["select_fields"][0], info["select_fields"][-1] + 1
            init_list = [f[0].target.attname for f in select[start:end]]
            model = (
                info["model"],
                init_list,
                start,
                end,
                get_related_populators(info, select, alias),
            )
        return _Plan(sql, constants, tuple(slots), tuple(names), converters, model)

    def __call__(self, *, using: str = "default", **values: Any) -> list[Any]:
        return run_together([self.bind(**values)], using=using)[0]

    def bind(self, **values: Any) -> Bound:
        """This query with its values, to run later, alone or with others (`run_together`)."""
        if set(values) != set(self.kinds):
            raise TypeError(f"{self.build.__qualname__} takes {sorted(self.kinds)}")
        current = get_scope()
        if (
            not self.across_organisations
            and current.get("_enabled", True)
            and values["organisation"] not in current.get("organisation", ())
        ):
            raise ScopeError("A prepared query ran outside its organisation's scope.")
        return Bound(self, values)

    def _statement(self, values: dict[str, Any], using: str) -> tuple[_Plan, list[Any]]:
        plan = self._plans.get(using)
        if plan is None:
            plan = self._plans[using] = self._prepare(using)
        connection = connections[using]
        params = list(plan.params)
        for position, name in plan.slots:
            params[position] = _adapt(values[name], self.kinds[name], connection)
        return plan, params


class PreparedAcrossOrganisations(Prepared):
    """For the reads that find out who is signing in, before any organisation is known:
    their session, their user row, all their memberships. Nothing else."""

    across_organisations = True


@dataclass(frozen=True)
class Bound:
    """A prepared query and the values it will run with (scope already checked)."""

    query: Prepared
    values: dict[str, Any]

    def sql_with_params(self, *, using: str = "default") -> tuple[str, list[Any]]:
        """Its statement and values, to put inside a larger statement (as a subquery) without
        building and compiling the queryset again."""
        plan, params = self.query._statement(self.values, using)
        return plan.sql, params


def run_together(queries: Sequence[Bound], *, using: str = "default") -> list[list[Any]]:
    """Run several prepared queries and return each one's rows, in order.

    On PostgreSQL they go in one pipeline: the client sends them all and then waits once,
    instead of a network round trip each. SQLite runs in process, so they simply run in turn.
    With prepared statements on they go on the connection's pipeline without a cursor each
    (`core.pipeline`, which logs them as Django's cursor would); otherwise, or with one of
    Django's execute wrappers set, through its cursors.
    """
    connection = connections[using]
    statements = [bound.query._statement(bound.values, using) for bound in queries]
    connection.ensure_connection()
    if (
        connection.settings_dict.get("PREPARED_STATEMENTS")
        and not connection.execute_wrappers
        and _can_pipeline(connection)
    ):
        rows = run_prepared(connection, [(plan.sql, params) for plan, params in statements])
        return [
            _named(plan, its_rows, connection)
            for (plan, _), its_rows in zip(statements, rows, strict=True)
        ]
    if len(statements) < 2 or not _can_pipeline(connection):
        # One after another on one cursor: a cursor each costs more than SQLite's answer.
        with connection.cursor() as cursor:
            answers = []
            for plan, params in statements:
                cursor.execute(plan.sql, params)
                answers.append(_named(plan, cursor.fetchall(), connection))
            return answers
    cursors = [connection.cursor() for _ in statements]
    try:
        with connection.connection.pipeline():
            for cursor, (plan, params) in zip(cursors, statements, strict=True):
                cursor.execute(plan.sql, params)
        return [
            _named(plan, cursor.fetchall(), connection)
            for cursor, (plan, _) in zip(cursors, statements, strict=True)
        ]
    finally:
        for cursor in cursors:
            cursor.close()


@dataclass(frozen=True)
class Question(Generic[T]):
    """What a selector asks, to be asked with others (`ask_together`): its prepared queries
    with their values, and how to read their rows (one list of rows per query) into its
    answer. A page that needs several apps' records asks them all in one round."""

    asks: tuple[Bound, ...]
    read: Callable[..., T]


def ask_together(questions: Sequence[Question[Any]], *, using: str = "default") -> list[Any]:
    """Each question's answer, in order, from one `run_together` of all their queries."""
    rows = iter(run_together([bound for q in questions for bound in q.asks], using=using))
    return [q.read(*(next(rows) for _ in q.asks)) for q in questions]


def _can_pipeline(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql" and bool(psycopg.Pipeline.is_supported())


def _named(plan: _Plan, rows: list[tuple[Any, ...]], connection: Any) -> list[Any]:
    """Each row as a dict of its values, or for a model queryset as its model instance."""
    results: list[Any] = []
    for row in rows:
        cells = list(row)
        for position, convs, expression in plan.converters:
            for convert in convs:
                cells[position] = convert(cells[position], expression, connection)
        if plan.model is None:
            results.append(dict(zip(plan.names, cells, strict=True)))
            continue
        model, init_list, start, end, related = plan.model
        instance = model.from_db(connection.alias, init_list, cells[start:end])
        for populator in related:
            populator.populate(cells, instance)
        results.append(instance)
    return results

"""Prepared statements put on a PostgreSQL connection's pipeline together, without a cursor each.

Through psycopg's cursors each statement of a pipeline is its own `execute` (a cursor, its
generators, a poll of the socket): for the home page's eight small panel queries that cost
0.6–0.9 ms of CPU, against 0.39 ms on SQLite for the same queries with their answers
(bench/results.md, 2026-12-01, third session). Here libpq is given them all at once (each
prepared on the connection the first time, then bound and run, and one sync) and the answers
are read back in order, through psycopg's adapters as Django configures them.

Errors become Django's, as through its cursor, and Django's query log (DEBUG, and tests'
CaptureQueriesContext) gets each statement with its values, as its cursor would log it. Its
execute wrappers see queries only through its cursor: with one set, `core.prepared` uses
cursors instead. Only this module prepares statements: psycopg's own prepared statements are
never used, because psycopg answers a ROLLBACK by deallocating every statement on the
connection, this module's too, once it has prepared any of its own.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import select
import time
import weakref
from collections.abc import Sequence
from typing import Any

import psycopg
from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg import pq
from psycopg.adapt import PyFormat, Transformer

_PLACEHOLDER = re.compile(r"%%|%s")
# What this process has prepared on each connection: (SQL, parameter types) → statement name.
_PREPARED: weakref.WeakKeyDictionary[Any, dict[tuple[str, tuple[int, ...]], bytes]] = (
    weakref.WeakKeyDictionary()
)
_NAMES = itertools.count()  # never reused: a name may outlive what this process knows of it
logger = logging.getLogger("django.db.backends")


@functools.lru_cache(maxsize=1024)
def _numbered(sql: str) -> bytes:
    """Django's `%s` placeholders as PostgreSQL's `$1`, `$2`, … (and `%%` as `%`)."""
    count = itertools.count(1)
    return _PLACEHOLDER.sub(
        lambda match: "%" if match.group() == "%%" else f"${next(count)}", sql
    ).encode()


def run_prepared(
    connection: BaseDatabaseWrapper, statements: Sequence[tuple[str, Sequence[Any]]]
) -> list[list[tuple[Any, ...]]]:
    """Each statement's rows (as tuples, as a cursor's `fetchall` gives them), in order."""
    connection.validate_no_broken_transaction()
    started = time.monotonic()
    try:
        with connection.wrap_database_errors:
            try:
                return _run(connection, statements)
            except psycopg.errors.InvalidSqlStatementName:
                # A statement prepared here is gone from the server (the connection was
                # reset): prepare them again, unless the failure has broken a transaction.
                _PREPARED.pop(connection.connection, None)
                if connection.in_atomic_block:
                    raise
                return _run(connection, statements)
    finally:
        if connection.queries_logged:
            _log(connection, statements, time.monotonic() - started)


def _log(
    connection: BaseDatabaseWrapper,
    statements: Sequence[tuple[str, Sequence[Any]]],
    duration: float,
) -> None:
    """Into Django's query log as its cursor logs them: the SQL with its values, and a time
    (the pipeline's, shared out: they ran together)."""
    each = duration / max(len(statements), 1)
    for sql, params in statements:
        try:  # the values put in as the client would; a broken connection cannot, say so
            shown = connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]  # PostgreSQL's
        except Exception:  # the log must not hide what went wrong
            shown = sql
        connection.queries_log.append({"sql": shown, "time": f"{each:.3f}"})
        logger.debug(
            "(%.3f) %s; args=%s; alias=%s",
            each,
            shown,
            params,
            connection.alias,
            extra={"duration": each, "sql": shown, "params": params, "alias": connection.alias},
        )


def _run(
    connection: BaseDatabaseWrapper, statements: Sequence[tuple[str, Sequence[Any]]]
) -> list[list[tuple[Any, ...]]]:
    raw = connection.connection
    pgconn = raw.pgconn
    cursor = connection.create_cursor()  # psycopg's, as Django sets it up (its time zone)
    transformer = Transformer.from_context(cursor)
    cursor.close()
    known = _PREPARED.setdefault(raw, {})
    preparing: dict[tuple[str, tuple[int, ...]], bytes] = {}  # in this pipeline
    # Per command sent: the statement it prepares, or None for a statement run.
    sent: list[tuple[tuple[str, tuple[int, ...]], bytes] | None] = []
    with raw.lock:
        pgconn.enter_pipeline_mode()
        try:
            for sql, params in statements:
                values = transformer.dump_sequence(params, [PyFormat.AUTO] * len(params))
                types = tuple(transformer.types or ())
                key = (sql, types)
                name = known.get(key) or preparing.get(key)
                if name is None:
                    name = preparing[key] = f"coproduce_{next(_NAMES)}".encode()
                    pgconn.send_prepare(name, _numbered(sql), param_types=types)
                    sent.append((key, name))
                pgconn.send_query_prepared(name, values, param_formats=transformer.formats)
                sent.append(None)
            pgconn.pipeline_sync()
            results = _results_until_sync(pgconn)
        except BaseException:
            # Left with answers unread (a lost connection, an interrupt): of no further use.
            try:
                pgconn.exit_pipeline_mode()
            except psycopg.Error:
                raw.close()
            raise
        pgconn.exit_pipeline_mode()
    answers, failed = [], None
    for prepared, result in zip(sent, results, strict=True):
        if result.status == pq.ExecStatus.FATAL_ERROR and failed is None:
            failed = result
        elif prepared is not None and result.status == pq.ExecStatus.COMMAND_OK:
            known[prepared[0]] = prepared[1]  # the server has it, whatever came after
        elif prepared is None and result.status == pq.ExecStatus.TUPLES_OK:
            transformer.set_pgresult(result)
            answers.append(transformer.load_rows(0, result.ntuples, tuple))
    if failed is not None:
        raise psycopg.errors.error_from_result(failed, encoding=raw.info.encoding)
    if len(answers) != len(statements):
        raise psycopg.OperationalError("the pipeline's answers do not match its statements")
    return answers


def _wait(socket: int, events: int) -> int:
    """Until the socket is ready for one of these; poll, as select() fails past 1,024 files."""
    poller = select.poll()
    poller.register(socket, events)
    while not (ready := poller.poll()):
        continue
    return int(ready[0][1])


def _results_until_sync(pgconn: Any) -> list[Any]:
    """Every command's result up to the pipeline's sync, in order (the connection is
    non-blocking: wait on its socket whenever libpq has more to send or nothing to give)."""
    socket = pgconn.socket
    while pgconn.flush():  # 1 while some is still to send
        if _wait(socket, select.POLLIN | select.POLLOUT) & select.POLLIN:
            pgconn.consume_input()  # the server may be waiting for room to send its answers
    results: list[Any] = []
    while True:
        while pgconn.is_busy():
            _wait(socket, select.POLLIN)
            pgconn.consume_input()
        result = pgconn.get_result()
        if result is None:  # the end of one command's results
            continue
        if result.status == pq.ExecStatus.PIPELINE_SYNC:
            return results
        results.append(result)

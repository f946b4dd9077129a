"""Scenario: background tasks wait in the database until `coproduce worker` runs them;
`worker --once` runs what is due and exits (cron, tests)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task

pytestmark = pytest.mark.django_db(transaction=True)

RAN: list[str] = []


@task()
def remember(word: str) -> str:
    RAN.append(word)
    return word.upper()


def test_worker_once_runs_the_due_tasks_and_leaves_later_ones_queued() -> None:
    RAN.clear()
    now = remember.enqueue("now")
    later = remember.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue("later")
    assert RAN == []  # enqueuing runs nothing
    call_command("worker", "--once")
    assert RAN == ["now"]
    now.refresh()
    later.refresh()
    assert now.status == TaskResultStatus.SUCCESSFUL and now.return_value == "NOW"
    assert later.status == TaskResultStatus.READY
    call_command("worker", "--once")  # nothing due: returns at once
    assert RAN == ["now"]


def test_the_coproduce_command_has_a_worker() -> None:
    from coproduce.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["worker", "--help"])
    assert exit_.value.code == 0

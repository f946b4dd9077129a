"""The worker's task that makes a prepared file (see coproduce.core.downloads)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_prepared_file(prepared_file_id: int) -> str:
    from coproduce.core.downloads.services import build

    return build(prepared_file_id)

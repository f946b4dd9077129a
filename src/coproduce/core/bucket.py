"""Moving private media from local disk into the bucket, checking every object on the way."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.core.files.storage import FileSystemStorage

from coproduce.core.storage import checksum, in_bucket

if TYPE_CHECKING:
    from collections.abc import Iterator

    from django.core.files.storage import Storage


@dataclass
class MoveReport:
    copied: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    removed_from_disk: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    bytes_checked: int = 0


def files_under(root: Path) -> Iterator[str]:
    """Storage names (forward slashes, relative to `root`) of every file below it, sorted."""
    for directory, _dirs, names in sorted(os.walk(root)):
        for name in sorted(names):
            yield (Path(directory) / name).relative_to(root).as_posix()


def move_to_bucket(
    *, source: FileSystemStorage, target: Storage, delete_local: bool, dry_run: bool
) -> MoveReport:
    """Copy each file on disk to the same name in the bucket, then compare size and SHA-256.

    An object already in the bucket with the same size and checksum is left as it is (so the
    command can run again after an interruption); one that differs is reported, never
    overwritten. A local file is removed only with `delete_local` and only after its copy
    checked out.
    """
    if not in_bucket(target):
        raise ValueError("The default storage is not a bucket: set MEDIA_S3_BUCKET.")
    report = MoveReport()
    root = Path(source.location)
    if not root.exists():
        return report
    for name in files_under(root):
        local = checksum(source, name)
        if target.exists(name):
            if checksum(target, name) != local:
                report.mismatched.append(name)
                continue
            report.already_there.append(name)
        elif dry_run:
            report.copied.append(name)
            continue
        else:
            with source.open(name, "rb") as handle:
                stored: Any = target._save(name, File(handle, name=name))  # type: ignore[attr-defined]
            if stored != name or checksum(target, name) != local:
                report.mismatched.append(name)
                continue
            report.copied.append(name)
        report.bytes_checked += local[0]
        if delete_local and not dry_run:
            source.delete(name)
            report.removed_from_disk.append(name)
    return report

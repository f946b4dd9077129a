"""`coproduce media_to_bucket`: move private media from MEDIA_ROOT into the S3 bucket."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.core.bucket import move_to_bucket


class Command(BaseCommand):
    help = (
        "Copy every file under MEDIA_ROOT (or --source) to the same name in the bucket set by "
        "MEDIA_S3_BUCKET, and check each object's size and SHA-256 against the file on disk. "
        "Safe to run again; --delete-local removes each file from disk once its copy checks out."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", help="Directory to move from (default MEDIA_ROOT).")
        parser.add_argument(
            "--delete-local", action="store_true", help="Remove each file once checked."
        )
        parser.add_argument("--dry-run", action="store_true", help="List what would be copied.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = FileSystemStorage(location=options["source"] or settings.MEDIA_ROOT)
        try:
            report = move_to_bucket(
                source=source,
                target=storages["default"],
                delete_local=options["delete_local"],
                dry_run=options["dry_run"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        verb = "Would copy" if options["dry_run"] else "Copied"
        self.stdout.write(
            f"{verb} {len(report.copied)}, already in the bucket {len(report.already_there)}, "
            f"checked {report.bytes_checked} bytes, removed from disk "
            f"{len(report.removed_from_disk)}, mismatched {len(report.mismatched)}."
        )
        if report.mismatched:
            for name in report.mismatched:
                self.stderr.write(f"MISMATCH {name}")
            raise CommandError(f"{len(report.mismatched)} object(s) differ from the disk copy.")

"""Load the published deprivation deciles, by postcode district (docs/operations.md says
where to download the files)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.inclusion.services.deprivation import (
    UnusableFile,
    district_deciles,
    district_deciles_replace,
    find_column,
)


def _open(path: str) -> Any:
    try:
        return Path(path).open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CommandError(str(error)) from error


def _columns(path: str) -> list[str]:
    with _open(path) as handle:
        return next(csv.reader(handle), [])


class Command(BaseCommand):
    help = (
        "Load deprivation deciles by postcode district from the published CSV files: DECILES "
        "(LSOA code → decile, e.g. WIMD 2019 or English IoD 2019 File 1) and --postcodes "
        "(the ONS postcode → LSOA lookup). A DECILES file that has a postcode column needs no "
        "--postcodes. Young people's saved answers are worked out again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("deciles", help="CSV: small area (or postcode) and its decile")
        parser.add_argument("--postcodes", default="", help="CSV: postcode and its LSOA code")
        parser.add_argument("--source", default="", help='what it is, e.g. "WIMD 2019"')
        parser.add_argument("--decile-column", default="")
        parser.add_argument("--lsoa-column", default="")
        parser.add_argument("--postcode-column", default="")
        parser.add_argument(
            "--add",
            action="store_true",
            help="keep districts already loaded (load Wales, then England, say)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        deciles_path, postcodes_path = options["deciles"], options["postcodes"]
        try:
            columns = _columns(deciles_path)
            decile_column = find_column(columns, wanted="decile", given=options["decile_column"])
            if postcodes_path:
                key = find_column(columns, wanted="lsoa", given=options["lsoa_column"])
                lookup = _columns(postcodes_path)
                postcode_column = find_column(
                    lookup, wanted="postcode", given=options["postcode_column"]
                )
                lsoa_column = find_column(lookup, wanted="lsoa", given=options["lsoa_column"])
            else:
                key = find_column(columns, wanted="postcode", given=options["postcode_column"])
                postcode_column = lsoa_column = ""
        except UnusableFile as error:
            raise CommandError(str(error)) from error
        with _open(deciles_path) as deciles:
            if postcodes_path:
                with _open(postcodes_path) as postcodes:
                    found = district_deciles(
                        deciles=csv.DictReader(deciles),
                        decile_column=decile_column,
                        key_column=key,
                        postcodes=csv.DictReader(postcodes),
                        postcode_column=postcode_column,
                        lsoa_column=lsoa_column,
                    )
            else:
                found = district_deciles(
                    deciles=csv.DictReader(deciles), decile_column=decile_column, key_column=key
                )
        if not found:
            raise CommandError("no district found: check the columns (see --help)")
        loaded = district_deciles_replace(
            found=found, source=options["source"], replace_all=not options["add"]
        )
        self.stdout.write(f"loaded the deprivation decile of {loaded} postcode district(s)")

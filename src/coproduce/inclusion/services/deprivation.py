"""The deprivation decile of a postcode district, from the government's published files.

The files: a deprivation index by small area (LSOA code → decile: the Welsh Index of
Multiple Deprivation, WIMD, or the English Indices of Deprivation, IMD) and the ONS lookup of
postcodes to those areas (postcode → LSOA). A district's decile is the median (lower) decile
of its postcodes. Young people give only their postcode district, never a full postcode.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from coproduce.inclusion.models import AreaDecile, DistrictDecile, EqualityProfile

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd8", "postcode")


class UnusableFile(ValueError):
    """A file without the columns we need."""


def district_of(postcode: str) -> str:
    """The outward half of a postcode ("CF37 1AB" → "CF37"); a district stays as it is."""
    compact = "".join(postcode.split()).upper()
    return compact[:-3] if len(compact) >= 5 else compact


def find_column(columns: list[str], *, wanted: str, given: str = "") -> str:
    """The column to read: the one named, or the first that looks right."""
    if given:
        if given not in columns:
            raise UnusableFile(f"no column {given!r} (the file has {', '.join(columns)})")
        return given
    lower = {c.lower().strip(): c for c in columns}
    if wanted == "postcode":
        found = next((lower[n] for n in POSTCODE_COLUMNS if n in lower), None)
    elif wanted == "lsoa":
        found = next(
            (
                c
                for low, c in lower.items()
                if low.startswith("lsoa")
                and ("code" in low or low.endswith("cd") or low[4:].isdigit())
            ),
            None,
        )
    else:  # the overall decile before any domain's
        deciles = [(low, c) for low, c in lower.items() if "decile" in low]
        overall = [
            c
            for low, c in deciles
            if "multiple deprivation" in low or low.startswith(("imd", "wimd"))
        ]
        found = next(iter(overall or [c for _low, c in deciles]), None)
    if found is None:
        raise UnusableFile(f"no {wanted} column (the file has {', '.join(columns)})")
    return found


def district_deciles(
    *,
    deciles: Iterable[Mapping[str, str]],
    decile_column: str,
    key_column: str,
    postcodes: Iterable[Mapping[str, str]] | None = None,
    postcode_column: str = "",
    lsoa_column: str = "",
) -> dict[str, tuple[int, int]]:
    """District → (median decile, postcodes counted). With `postcodes`, `deciles` is keyed by
    LSOA (`key_column`) and each postcode takes its area's decile; without, `deciles` is keyed
    by postcode directly."""
    by_key: dict[str, int] = {}
    for row in deciles:
        key, value = (row.get(key_column) or "").strip(), (row.get(decile_column) or "").strip()
        if key and value.isdigit() and 1 <= int(value) <= 10:
            by_key[key.upper() if postcodes is None else key] = int(value)
    found: dict[str, list[int]] = defaultdict(list)
    if postcodes is None:
        for postcode, decile in by_key.items():
            found[district_of(postcode)].append(decile)
    else:
        for row in postcodes:
            area = (row.get(lsoa_column) or "").strip()
            postcode = (row.get(postcode_column) or "").strip()
            if postcode and area in by_key:
                found[district_of(postcode)].append(by_key[area])
    return {d: (statistics.median_low(v), len(v)) for d, v in found.items() if d}


def district_deciles_replace(
    *, found: dict[str, tuple[int, int]], source: str, replace_all: bool
) -> int:
    """Store the districts (all replaced, or only these updated), then work out again the
    decile of everyone's saved answers."""
    now = timezone.now()
    rows = [
        DistrictDecile(district=d, decile=n, postcodes=c, source=source, loaded_at=now)
        for d, (n, c) in sorted(found.items())
    ]
    for row in rows:
        row.full_clean(validate_unique=False)
    with transaction.atomic():
        if replace_all:
            DistrictDecile.objects.all().delete()
        else:
            DistrictDecile.objects.filter(district__in=list(found)).delete()
        DistrictDecile.objects.bulk_create(rows, batch_size=1000)
        deciles_refresh(organisation=None)
    return len(rows)


def decile_for(*, organisation_id: int, district: str) -> int | None:
    """The organisation's own figure for the district if it set one, else the published one."""
    if not district:
        return None
    own = AreaDecile.objects.filter(organisation_id=organisation_id, district=district).first()
    if own is not None:
        return own.decile
    published = DistrictDecile.objects.filter(district=district).first()
    return published.decile if published else None


def deciles_refresh(*, organisation: Organisation | None) -> int:
    """Work out again each saved profile's decile (one organisation's, or everyone's after a
    new file is loaded). Returns how many changed."""
    profiles = EqualityProfile.objects.all()
    if organisation is not None:
        profiles = profiles.filter(organisation=organisation)
    changed = 0
    with transaction.atomic():  # the caller's write and its audit record hold it
        for profile in profiles.only(
            "pk", "organisation_id", "postcode_district", "deprivation_decile"
        ):
            decile = decile_for(
                organisation_id=profile.organisation_id, district=profile.postcode_district
            )
            if decile != profile.deprivation_decile:
                EqualityProfile.objects.filter(pk=profile.pk).update(deprivation_decile=decile)
                changed += 1
    return changed

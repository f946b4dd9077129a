"""Scenario: the operator loads the published deprivation files once; Fran says she lives in
CF37 and her answers carry that district's decile, counted (never shown by name) in the
equality figures. An organisation's own figure for a district wins over the published one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from coproduce.inclusion import services
from coproduce.inclusion.models import DistrictDecile, EqualityProfile
from coproduce.organisations.models import Membership

DATA = Path(__file__).parent / "data"


def _load(*extra: str) -> str:
    out = io.StringIO()
    call_command(
        "deprivation_load",
        str(DATA / "wimd_2019_sample.csv"),
        "--postcodes",
        str(DATA / "postcode_lsoa_sample.csv"),
        "--source",
        "WIMD 2019",
        *extra,
        stdout=out,
    )
    return out.getvalue()


def test_it_loads_a_decile_per_district_from_the_published_files(db: None) -> None:
    assert "3 postcode district(s)" in _load()
    loaded = {d.district: (d.decile, d.postcodes) for d in DistrictDecile.objects.all()}
    # CF37: postcodes in areas of decile 1, 2 and 2: the median is 2 (not a domain's decile).
    assert loaded == {"CF37": (2, 3), "CF38": (8, 1), "CF10": (10, 1)}
    assert DistrictDecile.objects.get(district="CF37").source == "WIMD 2019"


def test_a_young_persons_decile_is_worked_out_when_they_save(
    db: None, young_person: Membership, manager: Membership
) -> None:
    _load()
    services.equality_save(
        acting_user=young_person.user,
        membership=young_person,
        answers={"postcode_district": "cf37"},
    )
    profile = EqualityProfile.objects.get(membership=young_person)
    assert profile.deprivation_decile == 2
    services.equality_save(
        acting_user=young_person.user, membership=young_person, answers={"postcode_district": "ZZ9"}
    )
    assert EqualityProfile.objects.get(membership=young_person).deprivation_decile is None
    services.equality_save(
        acting_user=young_person.user,
        membership=young_person,
        answers={"postcode_district": "CF38"},
    )
    # The organisation's own figure for a district wins, and saved answers follow it.
    services.area_deciles_save(
        acting_user=manager.user, organisation=manager.organisation, deciles={"CF38": 3}
    )
    assert EqualityProfile.objects.get(membership=young_person).deprivation_decile == 3
    services.area_deciles_save(
        acting_user=manager.user, organisation=manager.organisation, deciles={}
    )
    assert EqualityProfile.objects.get(membership=young_person).deprivation_decile == 8


def test_loading_a_new_file_updates_answers_already_saved(
    db: None, young_person: Membership
) -> None:
    services.equality_save(
        acting_user=young_person.user,
        membership=young_person,
        answers={"postcode_district": "CF10"},
    )
    assert EqualityProfile.objects.get(membership=young_person).deprivation_decile is None
    _load()
    assert EqualityProfile.objects.get(membership=young_person).deprivation_decile == 10


def test_a_file_without_a_decile_column_is_refused(db: None, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("LSOA code,rank\nW01001234,3\n")
    with pytest.raises(CommandError, match="no decile column"):
        call_command(
            "deprivation_load", str(bad), "--postcodes", str(DATA / "postcode_lsoa_sample.csv")
        )
    assert not DistrictDecile.objects.exists()

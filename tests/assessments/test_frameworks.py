"""Scenario: Bryn Valley starts with the three built-in frameworks, copies nef to add its
own examples, and tries importing files — a broken one is refused and changes nothing."""

from __future__ import annotations

import datetime
import html
import json

import pytest
from django.db import IntegrityError, transaction

from coproduce.assessments import frameworks, services
from coproduce.assessments.models import (
    BandDescriptor,
    Framework,
    FrameworkVersion,
    FrozenVersionError,
    Indicator,
)
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, nef
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_installs_the_three_built_in_frameworks_once(organisation: Organisation) -> None:
    assert frameworks.builtins_install(organisation=organisation) == 3
    assert frameworks.builtins_install(organisation=organisation) == 0
    shapes = {
        f.key: (v.scale, v.principles.count(), v.indicators.count())
        for f in Framework.objects.filter(organisation=organisation)
        for v in f.versions.all()
    }
    assert shapes == {
        "nef-coproduction": ("banded", 4, 8),
        "youth-engagement-guarantee": ("checklist", 1, 10),
        "shier-pathways": ("pathways", 5, 15),
    }
    version = nef(organisation)
    assert BandDescriptor.objects.filter(version=version).count() == 24
    assert all(i.young_title for i in version.indicators.all())
    assert "Action for Children" in version.framework.credit


def test_it_shows_the_credit_and_young_peoples_wording(
    organisation: Organisation, practitioner: Membership
) -> None:
    version = nef(organisation)
    page = client_for(practitioner).get(f"/assessments/frameworks/{version.pk}/")
    text = page.content.decode()
    assert "published by Action for Children with nef, the new economics foundation" in text
    assert "My ideas change how things are run here" in text


def test_it_exports_and_reimports_a_framework_unchanged(organisation: Organisation) -> None:
    version = nef(organisation)
    text = frameworks.export_text(version, "yaml")
    document = frameworks.parse_document(text)
    document["key"] = "our-nef"
    copy = frameworks.framework_import(
        acting_user=None, organisation=organisation, text=json.dumps(document)
    )
    again = frameworks.framework_export(copy)
    assert again["principles"] == frameworks.framework_export(version)["principles"]


BROKEN = """
key: Bad Key
name: ""
scale: stars
principles:
  - key: one
    title: First
    indicators:
      - key: a
        title: Something
        bands:
          basic: {descriptor: fine}
"""


def test_it_refuses_a_broken_file_with_precise_errors_and_changes_nothing(
    organisation: Organisation, manager: Membership
) -> None:
    nef(organisation)
    before = (
        Framework.objects.count(),
        FrameworkVersion.objects.count(),
        Indicator.objects.count(),
    )
    with pytest.raises(frameworks.DocumentError) as caught:
        frameworks.framework_import(acting_user=None, organisation=organisation, text=BROKEN)
    errors = caught.value.errors
    assert "framework: 'key' must be lower-case letters, digits and hyphens" in errors
    assert "framework: 'name' must be some text" in errors
    assert "framework: 'scale' must be 'banded', 'checklist' or 'pathways'" in errors
    assert "principles[0].indicators[0]: 'young_title' must be some text" in errors
    after = (Framework.objects.count(), FrameworkVersion.objects.count(), Indicator.objects.count())
    assert after == before

    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(manager).post(
        "/assessments/frameworks/import/",
        {"file": SimpleUploadedFile("bad.yaml", BROKEN.encode())},
    )
    page = html.unescape(response.content.decode())
    assert "Nothing was changed" in page
    assert "framework: 'scale' must be 'banded', 'checklist' or 'pathways'" in page
    after_page = (
        Framework.objects.count(),
        FrameworkVersion.objects.count(),
        Indicator.objects.count(),
    )
    assert after_page == before


def test_it_reports_invalid_yaml_with_its_line(organisation: Organisation) -> None:
    with pytest.raises(frameworks.DocumentError) as caught:
        frameworks.framework_import(
            acting_user=None, organisation=organisation, text="key: a\nname: [unclosed\n"
        )
    assert "line" in caught.value.errors[0]


def test_it_freezes_a_version_once_an_assessment_uses_it(
    organisation: Organisation, practitioner: Membership
) -> None:
    copy = frameworks.framework_copy(
        acting_user=None, version=nef(organisation), key="our-nef", name="Our nef"
    )
    band = BandDescriptor.objects.filter(version=copy).first()
    assert band is not None
    frameworks.band_update(
        acting_user=None, band=band, descriptor="Our own words", examples="Our club night"
    )
    new_round = services.round_open(
        acting_user=None,
        organisation=organisation,
        name="Ours",
        version=copy,
        opens_on=datetime.date(2027, 3, 1),
        due_on=datetime.date(2027, 3, 31),
    )
    fill(new_round, practitioner, 5)
    copy.refresh_from_db()
    assert copy.is_frozen
    band.refresh_from_db()
    with pytest.raises(FrozenVersionError):
        frameworks.band_update(acting_user=None, band=band, descriptor="Changed", examples="")
    # The database refuses too, even bypassing the model.
    with pytest.raises(IntegrityError), transaction.atomic():
        BandDescriptor.objects.filter(pk=band.pk).update(descriptor="Sneaky")
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(version=copy).update(title="Sneaky")
    band.refresh_from_db()
    assert band.descriptor == "Our own words"
    # Editing makes a new version; the old one keeps its words.
    newer = frameworks.version_next(acting_user=None, version=copy)
    assert newer.number == 2 and not newer.is_frozen
    newer_band = BandDescriptor.objects.get(
        version=newer, indicator__key=band.indicator.key, band=band.band
    )
    frameworks.band_update(acting_user=None, band=newer_band, descriptor="New", examples="")
    band.refresh_from_db()
    assert band.descriptor == "Our own words"

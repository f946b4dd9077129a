"""Scenario: Mo copies the nef framework, rewords an indicator for young people and adds
Bryn Valley's own example to a band, as the guide suggests; then imports a colleague's
framework file. Built-in frameworks themselves stay as published."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.assessments import frameworks
from coproduce.assessments.models import BandDescriptor, Framework, FrozenVersionError, Indicator
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import nef
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_lets_a_manager_copy_and_adapt_a_framework(
    organisation: Organisation, manager: Membership
) -> None:
    original = nef(organisation)
    client = client_for(manager)
    response = client.post(
        f"/assessments/frameworks/{original.pk}/copy/",
        {"name": "Bryn Valley co-production check", "key": "bryn-valley-nef"},
    )
    copy = Framework.objects.get(key="bryn-valley-nef").versions.get()
    assert response.url == f"/assessments/frameworks/{copy.pk}/"  # type: ignore[attr-defined]
    assert copy.framework.copied_from == original.framework

    indicator = Indicator.objects.get(version=copy, key="peer-support")
    client.post(
        f"/assessments/indicators/{indicator.pk}/change/",
        {"title": indicator.title, "young_title": "Do we look out for each other here?"},
    )
    band = BandDescriptor.objects.get(indicator=indicator, band="excellent")
    client.post(
        f"/assessments/bands/{band.pk}/change/",
        {"descriptor": band.descriptor, "examples": "Peer mentors paid in time credits"},
    )
    page = html.unescape(client.get(f"/assessments/frameworks/{copy.pk}/").content.decode())
    assert "Do we look out for each other here?" in page
    assert "For example: Peer mentors paid in time credits" in page
    # The built-in original is unchanged and cannot be edited.
    original_band = BandDescriptor.objects.get(
        version=original, indicator__key="peer-support", band="excellent"
    )
    assert "Peer mentors" not in original_band.examples
    with pytest.raises(FrozenVersionError):
        frameworks.band_update(acting_user=None, band=original_band, descriptor="x", examples="y")


def test_it_imports_a_good_file_as_a_new_framework(
    organisation: Organisation, manager: Membership
) -> None:
    document = frameworks.export_text(nef(organisation), "json").replace(
        '"nef-coproduction"', '"colleagues-nef"'
    )
    response = client_for(manager).post(
        "/assessments/frameworks/import/",
        {"file": SimpleUploadedFile("theirs.json", document.encode())},
    )
    imported = Framework.objects.get(organisation=organisation, key="colleagues-nef")
    assert response.url == (  # type: ignore[attr-defined]
        f"/assessments/frameworks/{imported.versions.get().pk}/"
    )
    assert imported.versions.get().indicators.count() == 8


def test_it_lists_frameworks_in_a_fixed_number_of_queries(
    organisation: Organisation, practitioner: Membership, django_assert_max_num_queries: object
) -> None:
    nef(organisation)
    client = client_for(practitioner)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get("/assessments/frameworks/")
    assert "Pathways to participation (Shier)" in html.unescape(response.content.decode())

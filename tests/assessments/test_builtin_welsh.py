"""Scenario: the built-in frameworks read in Welsh. Their wording is in the Welsh catalogue
(builtin_messages.py, kept in step with builtin.py) and each organisation's copy takes the
Welsh from it (a version already in use keeps its wording: the database refuses changes)."""

from __future__ import annotations

from unittest import mock

import pytest
from django.utils import timezone, translation

from coproduce.assessments import builtin_welsh
from coproduce.assessments.builtin import BUILTINS
from coproduce.assessments.builtin_messages import MESSAGES
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Framework, FrameworkVersion, Indicator
from coproduce.organisations.models import Organisation


def test_every_sentence_of_the_built_in_frameworks_is_in_the_catalogue_source() -> None:
    texts = [text for document in BUILTINS for text in builtin_welsh.texts_of(document)]
    missing = [text for text in texts if text not in MESSAGES]
    assert not missing, (
        "builtin.py changed: regenerate builtin_messages.py (see builtin_welsh.py). "
        f"Missing: {missing[:3]}"
    )
    assert set(MESSAGES) == set(texts)


@pytest.mark.django_db
def test_an_organisation_s_built_in_frameworks_take_their_welsh_from_the_catalogue(
    organisation: Organisation,
) -> None:
    def welsh(text: str) -> str:
        return "CY " + text

    # Installed while someone reads in Welsh: the English still goes in the English columns.
    with translation.override("cy"):
        builtins_install(organisation=organisation)
    shier = Framework.objects.get(organisation=organisation, key="shier-pathways")
    FrameworkVersion.objects.filter(framework=shier).update(frozen_at=timezone.now())
    with mock.patch.object(builtin_welsh, "gettext", welsh):
        assert builtin_welsh.builtins_translate(organisation_id=organisation.pk) > 0
    nef = Framework.objects.get(organisation=organisation, key="nef-coproduction")
    indicator = Indicator.objects.filter(version__framework=nef).first()
    assert indicator is not None
    with translation.override("cy"):
        assert nef.name.startswith("CY ")
        assert indicator.young_title.startswith("CY ")
        frozen = Indicator.objects.filter(version__framework=shier).first()
        assert frozen is not None and not frozen.title.startswith("CY ")
    with translation.override("en-gb"):
        assert not nef.name.startswith("CY ")

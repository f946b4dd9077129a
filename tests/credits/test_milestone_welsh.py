"""Scenario: a manager writes what a milestone brings in English and in Welsh. A young person
who reads in Welsh sees the Welsh reward when they reach it; where there is no Welsh yet, they
see the English, marked as English so a screen reader says it right (core/bilingual.py)."""

from __future__ import annotations

import html
import importlib
import re

import pytest
from django.apps import apps
from django.test import Client

from coproduce.credits import services
from coproduce.credits.models import Milestone, Recognition
from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _in(language: str, membership: Membership) -> Membership:
    membership.user.language = language
    membership.user.save()
    return membership


def _save(client: Client, hours: int, english: str, welsh: str, certificate: bool = True) -> None:
    data = {
        "action": "milestone_add",
        "milestone-hours": hours,
        "milestone-reward": english,
        "milestone-reward_cy": welsh,
    }
    if certificate:
        data["milestone-certificate"] = "on"
    answer = client.post("/credits/settings/", data)
    assert answer.status_code == 302, answer.content.decode()[:3000]


def _award(staff: Membership, person: Membership, hours: int, key: str) -> None:
    services.credits_award(
        acting_user=staff.user,
        membership=person,
        minutes=hours * 60,
        reason="Youth jury",
        idempotency_key=key,
    )


def test_it_asks_a_manager_for_the_reward_in_both_languages(admin: Membership) -> None:
    form = client_for(admin).get("/credits/settings/").content.decode()
    assert re.search(r'<input[^>]*name="milestone-reward_cy"[^>]*lang="cy"', form) or re.search(
        r'<input[^>]*lang="cy"[^>]*name="milestone-reward_cy"', form
    )
    assert "Reward (optional) in Welsh (Cymraeg)" in html.unescape(form)


def test_a_young_person_reading_in_welsh_sees_the_welsh_reward(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    _save(client_for(admin), 50, "A cinema trip", "Trip i'r sinema")
    milestone = Milestone.objects.get(organisation=admin.organisation, hours=50)
    assert (getattr(milestone, "reward_en_gb"), getattr(milestone, "reward_cy")) == (  # noqa: B009
        "A cinema trip",
        "Trip i'r sinema",
    )

    _award(practitioner, young_person, 50, "fifty")

    welsh = html.unescape(client_for(_in("cy", young_person)).get("/credits/me/").content.decode())
    assert "Trip i'r sinema" in welsh and "A cinema trip" not in welsh
    # The reader's own language: no lang attribute needed.
    assert not re.search(r"<span lang=\"[a-z]+\">Trip i'r sinema", welsh)

    english = html.unescape(
        client_for(_in("en-gb", young_person)).get("/credits/me/").content.decode()
    )
    assert "You get: A cinema trip" in english and "Trip i'r sinema" not in english


def test_where_there_is_no_welsh_yet_the_english_shows_marked_as_english(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    _save(client_for(admin), 10, "Bowling", "", certificate=False)
    _award(practitioner, young_person, 10, "ten")

    welsh = html.unescape(client_for(_in("cy", young_person)).get("/credits/me/").content.decode())
    assert '<span lang="en">Bowling</span>' in welsh

    english = html.unescape(
        client_for(_in("en-gb", young_person)).get("/credits/me/").content.decode()
    )
    assert "You get: Bowling" in english and 'lang="en">Bowling' not in english


def test_a_reward_written_only_in_welsh_shows_to_english_readers_marked_as_welsh(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    _save(client_for(admin), 10, "", "Bowlio", certificate=False)
    _award(practitioner, young_person, 10, "ten")

    english = html.unescape(
        client_for(_in("en-gb", young_person)).get("/credits/me/").content.decode()
    )
    assert '<span lang="cy">Bowlio</span>' in english
    settings_page = html.unescape(client_for(admin).get("/credits/settings/").content.decode())
    assert '<span lang="cy">Bowlio</span>' in settings_page


def test_a_milestone_with_no_certificate_needs_a_reward_in_one_language_or_the_other(
    admin: Membership,
) -> None:
    refused = client_for(admin).post(
        "/credits/settings/",
        {"action": "milestone_add", "milestone-hours": 12, "milestone-reward_cy": "  "},
    )
    assert refused.status_code == 200
    assert "Choose a certificate, name a reward, or both" in refused.content.decode()
    assert not Milestone.objects.filter(organisation=admin.organisation, hours=12).exists()


def test_changing_a_milestone_starts_from_both_languages_so_the_welsh_is_kept(
    admin: Membership,
) -> None:
    client = client_for(admin)
    _save(client, 50, "A cinema trip", "Trip i'r sinema")
    page = html.unescape(client.get("/credits/settings/").content.decode())
    assert "?change=50#change-milestone" in page
    form = html.unescape(client.get("/credits/settings/?change=50").content.decode())
    assert re.search(r'name="milestone-hours"[^>]*value="50"', form)
    assert re.search(r'name="milestone-reward"[^>]*value="A cinema trip"', form)
    assert re.search(r"name=\"milestone-reward_cy\"[^>]*value=\"Trip i'r sinema\"", form)


def test_a_reward_changed_after_it_was_reached_shows_what_the_young_person_was_promised(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    client = client_for(admin)
    _save(client, 10, "Bowling", "Bowlio")
    _award(practitioner, young_person, 10, "ten")
    _save(client, 10, "Pizza", "Pizza")
    welsh = html.unescape(client_for(_in("cy", young_person)).get("/credits/me/").content.decode())
    assert "Bowling" in welsh and "Pizza" not in welsh
    assert Recognition.objects.get(hours=10).reward == "Bowling"


def test_the_staff_list_of_texts_to_translate_includes_a_reward_with_no_welsh(
    admin: Membership,
) -> None:
    client = client_for(admin)
    _save(client, 50, "A recycled laptop", "")
    todo = html.unescape(client.get("/organisation/translations/").content.decode())
    assert 'lang="en">A recycled laptop' in todo


def test_the_migration_keeps_each_reward_written_before_as_english(
    admin: Membership,
) -> None:
    Milestone.objects.filter(organisation=admin.organisation, hours=25).update(
        reward="Free swim", reward_en_gb=None, reward_cy=None
    )
    migration = importlib.import_module("coproduce.credits.migrations.0008_milestone_bilingual")
    migration.copy_to_english(apps, None)
    row = Milestone.objects.get(organisation=admin.organisation, hours=25)
    assert getattr(row, "reward_en_gb") == "Free swim"  # noqa: B009
    assert not getattr(row, "reward_cy")  # noqa: B009


def test_the_message_for_reaching_a_milestone_names_the_reward_in_the_young_persons_language(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    _save(client_for(admin), 50, "A cinema trip", "Trip i'r sinema")
    _in("cy", young_person)
    _award(practitioner, young_person, 50, "fifty")
    inbox = html.unescape(client_for(young_person).get("/notifications/").content.decode())
    assert "Trip i'r sinema" in inbox and "A cinema trip" not in inbox

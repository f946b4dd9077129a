"""Scenario: an organisation sets its own milestones and what they bring, and staff record
hours a young person was made to give as a sanction, which earn nothing.

The rules, in our words: in the youth courts described in the think piece (seed 001), a
young juror who builds up fifty hours receives something for it, so a milestone can bring a
reward, and each organisation decides its own; the same young people earn for their jury
time but not for the community service they were sentenced to, so time given as a sanction
is recorded without earning any credit."""

from __future__ import annotations

import html
import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.models import Entry, Milestone, Recognition, SanctionedTime
from coproduce.credits.selectors import balance_of
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership, Organisation
from tests.conftest import client_for
from tests.factories import OrganisationFactory


def _award(staff: Membership, person: Membership, hours: int, key: str) -> Entry:
    return services.credits_award(
        acting_user=staff.user,
        membership=person,
        minutes=hours * 60,
        reason="Youth jury",
        idempotency_key=key,
    )


def _page(member: Membership, url: str) -> str:
    response = client_for(member).get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _hours(organisation: Organisation) -> list[int]:
    return [m.hours for m in sel.milestones_for(organisation=organisation)]


def test_a_new_organisation_starts_with_the_usual_milestones(organisation: Organisation) -> None:
    assert _hours(organisation) == [10, 25, 50, 100]
    assert all(
        m.certificate and not m.reward for m in sel.milestones_for(organisation=organisation)
    )


def test_the_migration_gives_organisations_that_existed_before_the_usual_milestones(
    organisation: Organisation,
) -> None:
    Milestone.objects.filter(organisation=organisation).delete()
    migration = importlib.import_module("coproduce.credits.migrations.0007_seed_milestones")
    migration.seed(apps, None)
    migration.seed(apps, None)  # running it again adds nothing
    assert _hours(organisation) == [10, 25, 50, 100]


def test_a_manager_sets_a_reward_at_fifty_hours_and_the_young_person_gets_it(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    """Fifty hours brings a reward the organisation names (seed 001's youth courts)."""
    client = client_for(admin)
    assert "Milestones" in _page(admin, "/credits/settings/")
    client.post(
        "/credits/settings/",
        {
            "action": "milestone_add",
            "milestone-hours": 50,
            "milestone-certificate": "on",
            "milestone-reward": "A recycled laptop",
        },
    )
    client.post(
        "/credits/settings/",
        {"action": "milestone_add", "milestone-hours": 5, "milestone-certificate": "on"},
    )
    client.post("/credits/settings/", {"action": "milestone_remove", "hours": 10})
    page = _page(admin, "/credits/settings/")
    assert "A certificate; A recycled laptop" in page
    assert _hours(admin.organisation) == [5, 25, 50, 100]

    _award(practitioner, young_person, 49, "a")  # past 5 and 25, not yet 50
    assert sorted(Recognition.objects.values_list("hours", flat=True)) == [5, 25]
    _award(practitioner, young_person, 2, "b")
    fifty = Recognition.objects.get(hours=50)
    assert fifty.reward == "A recycled laptop" and fifty.certificate
    assert not Recognition.objects.filter(hours=10).exists()
    told = Notification.objects.filter(recipient=young_person.user, kind="credits.milestone")
    assert any("A recycled laptop" in str(n.subject) for n in told)
    assert "You get: A recycled laptop" in _page(young_person, "/credits/me/")
    overview = _page(practitioner, "/credits/")
    assert "Milestone rewards to arrange" in overview and "A recycled laptop" in overview


def test_a_milestone_can_bring_a_reward_without_a_certificate_but_not_nothing(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    client = client_for(admin)
    refused = client.post("/credits/settings/", {"action": "milestone_add", "milestone-hours": 10})
    assert refused.status_code == 200
    assert "Choose a certificate, name a reward, or both" in refused.content.decode()
    client.post(
        "/credits/settings/",
        {"action": "milestone_add", "milestone-hours": 10, "milestone-reward": "Bowling"},
    )
    _award(practitioner, young_person, 10, "a")
    ten = Recognition.objects.get(hours=10)
    assert ten.reward == "Bowling" and not ten.certificate
    me = _page(young_person, "/credits/me/")
    assert "You get: Bowling" in me and f"/credits/certificates/{ten.pk}.pdf" not in me


def test_each_organisation_has_one_milestone_at_any_number_of_hours(
    organisation: Organisation,
) -> None:
    other = OrganisationFactory.create()
    Milestone.objects.create(organisation=other, hours=30)  # the same hours elsewhere is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(organisation=organisation, hours=25)
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(organisation=organisation, hours=30, certificate=False)


def test_other_organisations_milestones_do_not_count(
    practitioner: Membership, young_person: Membership
) -> None:
    other = OrganisationFactory.create()
    Milestone.objects.create(organisation=other, hours=3, reward="Elsewhere")
    _award(practitioner, young_person, 4, "a")
    assert not Recognition.objects.exists()


def test_hours_given_as_a_sanction_are_recorded_but_earn_nothing(
    practitioner: Membership, young_person: Membership
) -> None:
    """Community service a young person is sentenced to earns no credits (seed 001)."""
    form = _page(practitioner, "/credits/award/")
    assert "Given as a sanction (earns no credits)" in form
    data = {
        "young_person": young_person.pk,
        "hours": "12",
        "reason": "Community service ordered by the youth court",
        "sanction": "on",
        "key": "k1",
    }
    client = client_for(practitioner)
    assert client.post("/credits/award/", data).status_code == 302
    client.post("/credits/award/", data)  # a double submit records once
    assert balance_of(young_person) == (0, 0)
    assert not Entry.objects.exists()
    assert not Recognition.objects.exists()  # 12 hours, yet no 10-hour milestone
    row = SanctionedTime.objects.get()
    assert (row.young_person, row.minutes) == (young_person, 12 * 60)
    overview = _page(practitioner, "/credits/")
    assert "Hours given as a sanction" in overview
    assert "Community service ordered by the youth court" in overview
    assert 'data-testid="sanctioned">12<' in overview

    # Time on the jury, given freely, still earns (and reaches the first milestone alone).
    client.post("/credits/award/", {**data, "sanction": "", "reason": "Youth jury", "key": "k2"})
    assert balance_of(young_person) == (12 * 60, 12 * 60)
    assert list(Recognition.objects.values_list("hours", flat=True)) == [10]


def test_sanction_hours_are_in_the_young_persons_data_and_their_reason_is_erased(
    practitioner: Membership, young_person: Membership
) -> None:
    from coproduce.credits.personal_data import PROVIDER

    services.sanctioned_time_record(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=90,
        reason="School detention",
        idempotency_key="d",
    )
    exported = PROVIDER.export(young_person)["hours_given_as_a_sanction"]
    assert [(r["minutes"], r["reason"]) for r in exported] == [(90, "School detention")]
    PROVIDER.erase(young_person, acting_user=practitioner.user)
    assert SanctionedTime.objects.get().reason == "" and SanctionedTime.objects.get().minutes == 90

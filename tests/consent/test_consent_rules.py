"""Scenario: photos, films and quotes from a youth club evening. Who can be shown depends on
age on the day, care status, and consent that has not run out or been withdrawn."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from coproduce.consent import services
from coproduce.consent.models import Consent
from coproduce.consent.selectors import consent_problem, consent_valid, publishable
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

SIXTEENTH = datetime.date(2026, 6, 15)


@pytest.fixture
def turning_sixteen(practitioner: Membership) -> Membership:
    return YoungPersonFactory.create(
        organisation=practitioner.organisation, user__date_of_birth=datetime.date(2010, 6, 15)
    )


def _own(
    staff: Membership,
    person: Membership,
    on: datetime.date,
    use: str = "photo",
    expires_on: datetime.date | None = None,
) -> Consent:
    return services.consent_record(
        acting_user=staff.user,
        young_person=person,
        use=use,
        given_by="young_person",
        given_on=on,
        expires_on=expires_on,
    )


def test_it_counts_age_on_the_day_consent_was_given(
    practitioner: Membership, turning_sixteen: Membership
) -> None:
    with pytest.raises(ValidationError, match="under 16 on that day"):
        _own(practitioner, turning_sixteen, SIXTEENTH - datetime.timedelta(days=1))
    _own(practitioner, turning_sixteen, SIXTEENTH)  # sixteen today: their own consent counts
    assert consent_valid(turning_sixteen, "photo", SIXTEENTH)


def test_under_sixteen_needs_a_named_parent_or_carer(
    practitioner: Membership, young_person: Membership
) -> None:
    day = datetime.date(2026, 9, 1)  # the fixture's young person was born in 2010: 16
    younger = YoungPersonFactory.create(
        organisation=practitioner.organisation, user__date_of_birth=datetime.date(2013, 1, 1)
    )
    with pytest.raises(ValidationError, match="parent or carer's name"):
        services.consent_record(
            acting_user=practitioner.user,
            young_person=younger,
            use="quote",
            given_by="parent",
            given_on=day,
        )
    services.consent_record(
        acting_user=practitioner.user,
        young_person=younger,
        use="quote",
        given_by="parent",
        giver_name="Sian Roberts",
        relationship="mother",
        young_person_agrees=True,
        given_on=day,
    )
    assert consent_valid(younger, "quote", day)
    assert not consent_valid(younger, "photo", day)


def test_a_young_person_in_care_can_never_have_identifiable_images_published(
    practitioner: Membership, young_person: Membership
) -> None:
    young_person.in_care = True
    young_person.save()
    with pytest.raises(ValidationError, match="in care"):
        _own(practitioner, young_person, datetime.date(2026, 9, 1), use="film")
    _own(practitioner, young_person, datetime.date(2026, 9, 1), use="quote")
    assert consent_valid(young_person, "quote", datetime.date(2026, 9, 2))
    assert consent_problem(young_person, "photo", datetime.date(2026, 9, 2)) == (
        "in care: identifiable photos and film are never published"
    )
    page = (
        client_for(practitioner)
        .post(
            f"/consent/people/{young_person.pk}/add/",
            {
                "use": "photo",
                "given_by": "young_person",
                "given_on_day": "1",
                "given_on_month": "9",
                "given_on_year": "2026",
                "scope": "Club newsletter",
            },
        )
        .content.decode()
    )
    assert "never published" in page and 'value="Club newsletter"' in page


def test_expired_consent_counts_as_none(practitioner: Membership, young_person: Membership) -> None:
    _own(
        practitioner,
        young_person,
        datetime.date(2026, 9, 1),
        expires_on=datetime.date(2026, 12, 31),
    )
    assert consent_valid(young_person, "photo", datetime.date(2026, 12, 31))
    assert (
        consent_problem(young_person, "photo", datetime.date(2027, 1, 1))
        == "consent expired on 31 Dec 2026: ask again before using it"
    )


def test_withdrawal_takes_an_item_out_of_a_board_already_built(
    practitioner: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC)):
        mine = _own(practitioner, young_person, datetime.date(2026, 10, 1))
        _own(practitioner, other, datetime.date(2026, 10, 1))
        items = [("group photo", [young_person, other]), ("Kai's photo", [other])]
        board = publishable(items, "photo", datetime.date(2026, 10, 1))
        assert board.included == ["group photo", "Kai's photo"]
        client_for(practitioner).post(f"/consent/{mine.pk}/withdraw/")
        rebuilt = publishable(items, "photo", datetime.date(2026, 10, 1))
    assert rebuilt.included == ["Kai's photo"]
    assert rebuilt.left_out[0].item == "group photo"
    assert "consent withdrawn on 1 Oct 2026: leave it out" in rebuilt.left_out[0].reasons[0]


def test_the_register_page_shows_what_can_be_used_today(
    practitioner: Membership, young_person: Membership
) -> None:
    _own(practitioner, young_person, datetime.date(2026, 6, 1), use="quote")
    html = client_for(practitioner).get(f"/consent/people/{young_person.pk}/").content.decode()
    assert "no consent recorded" in html and "Quotes" in html
    assert client_for(young_person).get(f"/consent/people/{young_person.pk}/").status_code == 403

"""Equality monitoring: optional, the young person's own to see and change, seen by staff
only in aggregate with the small-number rule, and only by those allowed."""

from __future__ import annotations

from typing import Any

from coproduce.consent.rights import gather, person_erase
from coproduce.core import personal_data
from coproduce.inclusion import selectors, services
from coproduce.inclusion.models import EqualityProfile
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

ANSWERS = {
    "sex": "female",
    "gender_same_as_birth": "yes",
    "ethnicity": "white_roma",
    "disability": "prefer_not",
    "care_experience": "no",
    "young_carer": "yes",
    "first_language": "welsh",
    "postcode_district": "cf37",
}


def test_it_lets_a_young_person_answer_change_and_remove_their_own_answers(
    young_person: Membership,
) -> None:
    client = client_for(young_person)
    page = client.get("/inclusion/about-you/").content.decode()
    assert "Prefer not to say" in page and "Only you can see your answers" in page
    response = client.post("/inclusion/about-you/", {**ANSWERS, "ethnicity": ""})
    assert response.status_code == 302
    profile = EqualityProfile.objects.get(membership=young_person)
    assert profile.young_carer == "yes" and profile.ethnicity == ""
    assert profile.postcode_district == "CF37" and profile.lawful_basis == "consent"
    page = client.get("/inclusion/about-you/").content.decode()
    assert "You last saved your answers" in page
    client.post("/inclusion/about-you/", {**ANSWERS, "young_carer": "prefer_not"})
    assert EqualityProfile.objects.get(membership=young_person).young_carer == "prefer_not"
    client.post("/inclusion/about-you/", {"remove": "1"})
    assert not EqualityProfile.objects.filter(membership=young_person).exists()


def test_it_refuses_a_full_postcode(young_person: Membership) -> None:
    response = client_for(young_person).post(
        "/inclusion/about-you/", {"postcode_district": "CF37 1AB"}
    )
    assert response.status_code == 200
    assert not EqualityProfile.objects.filter(membership=young_person).exists()


def test_it_shows_answers_only_to_staff_allowed_and_never_by_name(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    services.equality_save(acting_user=young_person.user, membership=young_person, answers=ANSWERS)
    assert client_for(practitioner).get("/inclusion/equality/").status_code == 403
    assert client_for(young_person).get("/inclusion/equality/").status_code == 403
    page = client_for(manager).get("/inclusion/equality/").content.decode()
    assert "Roma" in page and young_person.user.first_name not in page
    # The person page shows no equality answer to anyone.
    person = client_for(manager).get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert "Roma" not in person and "young carer" not in person.lower()


def _counts(organisation: Any, key: str) -> dict[str, int | None]:
    table = next(t for t in selectors.equality_summary(organisation=organisation) if t.key == key)
    return {row.label: row.count for row in table.rows} | {"total": table.total}


def test_it_never_shows_a_figure_about_fewer_than_five(young_person: Membership) -> None:
    org = young_person.organisation
    people = [young_person, *YoungPersonFactory.create_batch(8, organisation=org)]
    for member in people[:6]:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"young_carer": "yes"}
        )
    for member in people[6:8]:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"young_carer": "no"}
        )
    counts = _counts(org, "carer")
    assert counts["total"] == 9
    assert counts["Yes"] == 6
    assert counts["No"] is None  # 2: fewer than five
    # One person did not answer (1): hidden too; and with two hidden none can be worked out.
    assert counts["Not answered"] is None
    assert all(v is None or v >= 5 for v in counts.values())
    # Four young people in all: even the total is hidden.
    for member in people[4:]:
        member.is_active = False
        member.save()
    assert all(v is None for v in _counts(org, "carer").values())


def test_it_counts_areas_by_the_deciles_staff_give(manager: Membership) -> None:
    org = manager.organisation
    people = YoungPersonFactory.create_batch(6, organisation=org)
    for member in people:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"postcode_district": "CF37"}
        )
    client = client_for(manager)
    client.post("/inclusion/equality/areas/", {"areas": "cf37 2\nCF38 5"})
    assert _counts(org, "decile")["Decile 2"] == 6
    assert client.post("/inclusion/equality/areas/", {"areas": "CF37 11"}).status_code == 200


def test_its_answers_are_in_subject_access_and_go_on_erasure(
    young_person: Membership, admin: Membership
) -> None:
    services.equality_save(acting_user=young_person.user, membership=young_person, answers=ANSWERS)
    assert "inclusion.equalityprofile" not in personal_data.unlisted_models()
    services.needs_save(
        acting_user=admin.user,
        acting_member=admin,
        membership=young_person,
        needs=["transport"],
        notes="Lives out of town",
    )
    exported = gather(young_person)
    assert exported["equality_monitoring"][0]["young_carer"] == "yes"
    assert exported["access_needs"][0]["notes"] == "Lives out of town"
    person_erase(acting_user=admin.user, membership=young_person, reason="Asked to be forgotten")
    assert not EqualityProfile.objects.filter(membership=young_person).exists()
    assert gather(young_person)["access_needs"] == []

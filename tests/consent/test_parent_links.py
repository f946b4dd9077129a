"""Scenario: Mia is 12. Her youth worker makes a link for her mum, Sian, who opens it on her
phone with no account, says yes to photos and quotes and no to the rest, and signs with her
name. Later she opens the same link and withdraws photos. Kai, 13 and in care, is asked about
through his foster carer, who holds delegated authority: photos of him stay unpublishable."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.consent import parent_views, services
from coproduce.consent.models import Consent, ConsentRequest
from coproduce.consent.selectors import consent_valid, hash_token
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.prepared import uses_worker

ANSWERS = {
    "use_photo": "yes",
    "use_film": "no",
    "use_quote": "yes",
    "use_name": "no",
    "use_commissioners": "no",
    "signed_name": "Sian Roberts",
    "signed_relationship": "Mum",
}


@pytest.fixture
def mia(practitioner: Membership) -> Membership:
    return YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Mia",
        user__preferred_name="Mia",
        user__date_of_birth=datetime.date(2014, 2, 1),
    )


def a_link(staff: Membership, child: Membership, **extra: Any) -> tuple[ConsentRequest, str]:
    return services.consent_request_create(
        acting_user=staff.user,
        young_person=child,
        recipient_name=extra.pop("recipient_name", "Sian Roberts"),
        relationship=extra.pop("relationship", "mother"),
        consent_until=extra.pop("consent_until", timezone.localdate() + datetime.timedelta(365)),
        **extra,
    )


def test_it_lets_staff_make_a_link_that_is_shown_once_and_stored_only_as_a_hash(
    practitioner: Membership, mia: Membership
) -> None:
    until = timezone.localdate() + datetime.timedelta(days=200)
    page = client_for(practitioner).post(
        f"/consent/people/{mia.pk}/ask/",
        {
            "recipient_name": "Sian Roberts",
            "relationship": "mother",
            "language": "en-gb",
            "consent_until_day": str(until.day),
            "consent_until_month": str(until.month),
            "consent_until_year": str(until.year),
        },
    )
    html = page.content.decode()
    raw = re.search(r"/consent/link/([\w-]+)/", html)
    assert raw, html
    made = ConsentRequest.objects.get(young_person=mia)
    assert made.token_hash == hash_token(raw.group(1)) != raw.group(1)
    assert "Dear Sian Roberts" in html and "Photos" in html
    assert AuditEvent.objects.filter(verb="consent_request.create", target_id=str(made.pk)).exists()


@uses_worker
def test_it_emails_the_link_when_staff_give_an_address(
    practitioner: Membership, mia: Membership, mailoutbox: list[Any]
) -> None:
    made, raw = a_link(practitioner, mia, email="sian@example.org")
    made.refresh_from_db()
    assert made.emailed_at is not None
    call_command("worker", "--once")
    [sent] = [m for m in mailoutbox if m.to == ["sian@example.org"]]
    assert "Mia" in sent.subject and f"/consent/link/{raw}/" in sent.body
    page = client_for(practitioner).get(f"/consent/people/{mia.pk}/").content.decode()
    assert "Sian Roberts" in page


def test_it_lets_a_parent_give_and_refuse_each_use_and_sign_without_an_account(
    practitioner: Membership, mia: Membership
) -> None:
    made, raw = a_link(practitioner, mia)
    parent = Client(REMOTE_ADDR="203.0.113.9")
    page = parent.get(f"/consent/link/{raw}/")
    html = page.content.decode()
    assert page.status_code == 200 and "Mia" in html
    assert "can be recognised" in html  # what a photo means, in plain words
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    made.refresh_from_db()
    assert made.opened_at is not None

    done = parent.post(f"/consent/link/{raw}/", ANSWERS, follow=True)
    assert "Your answers" in done.content.decode()
    made.refresh_from_db()
    assert (made.signed_name, made.signed_relationship, made.signed_ip) == (
        "Sian Roberts",
        "Mum",
        "203.0.113.9",
    )
    assert made.answers == {
        "photo": True,
        "film": False,
        "quote": True,
        "name": False,
        "commissioners": False,
    }
    given = Consent.objects.filter(young_person=mia).order_by("use")
    assert [(c.use, c.given_by, c.giver_name, c.request_id) for c in given] == [
        ("photo", "parent", "Sian Roberts", made.pk),
        ("quote", "parent", "Sian Roberts", made.pk),
    ]
    assert given[0].expires_on == made.consent_until
    today = timezone.localdate()
    assert consent_valid(mia, "photo", today) and not consent_valid(mia, "film", today)
    answer = AuditEvent.objects.get(verb="consent_request.answer", target_id=str(made.pk))
    assert answer.actor is None and answer.details["refused"] == [
        "film",
        "name",
        "commissioners",
    ]
    assert "signed_ip" in answer.changed_fields and "203.0.113.9" not in str(answer.details)
    # Answered once: a second answer changes nothing.
    again = parent.post(f"/consent/link/{raw}/", {**ANSWERS, "use_film": "yes"})
    assert again.status_code == 200
    assert not consent_valid(mia, "film", today)


def test_it_keeps_what_was_typed_and_says_what_is_missing(
    practitioner: Membership, mia: Membership
) -> None:
    _made, raw = a_link(practitioner, mia)
    html = (
        Client()
        .post(f"/consent/link/{raw}/", {**ANSWERS, "use_film": "", "signed_name": ""})
        .content.decode()
    )
    assert "Choose yes or no for Film" in html and "Type your full name to sign" in html
    assert 'value="Mum"' in html
    assert not Consent.objects.filter(young_person=mia).exists()


def test_it_lets_the_parent_come_back_to_the_same_link_to_withdraw(
    practitioner: Membership, mia: Membership
) -> None:
    made, raw = a_link(practitioner, mia)
    parent = Client()
    parent.post(f"/consent/link/{raw}/", ANSWERS)
    page = parent.post(f"/consent/link/{raw}/withdraw/", {"use": "photo"}, follow=True)
    html = page.content.decode()
    assert "withdrawn your consent for photos" in html and "Withdrawn" in html
    today = timezone.localdate()
    assert not consent_valid(mia, "photo", today) and consent_valid(mia, "quote", today)
    event = AuditEvent.objects.get(verb="consent.withdraw")
    assert event.actor is None and event.details == {
        "use": "photo",
        "via": "link",
        "request": made.pk,
    }


def test_a_link_withdraws_only_what_it_gave(practitioner: Membership, mia: Membership) -> None:
    """Consent staff recorded from a paper form is not the link's to withdraw."""
    on_paper = services.consent_record(
        acting_user=practitioner.user,
        young_person=mia,
        use="film",
        given_by="parent",
        giver_name="Dai Roberts",
        relationship="father",
        given_on=timezone.localdate(),
    )
    _made, raw = a_link(practitioner, mia)
    parent = Client()
    parent.post(f"/consent/link/{raw}/", ANSWERS)
    parent.post(f"/consent/link/{raw}/withdraw/", {"use": "film"})
    on_paper.refresh_from_db()
    assert on_paper.withdrawn_at is None
    assert parent.post(f"/consent/link/{raw}/withdraw/", {"use": "nonsense"}).status_code == 404


def test_it_answers_404_for_a_wrong_expired_or_stopped_link(
    practitioner: Membership, mia: Membership
) -> None:
    made, raw = a_link(practitioner, mia)
    visitor = Client()
    assert visitor.get("/consent/link/not-a-real-link/").status_code == 404
    assert visitor.get(f"/consent/link/{made.token_hash}/").status_code == 404
    assert visitor.get(f"/consent/link/{raw}/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=29)):
        assert visitor.get(f"/consent/link/{raw}/").status_code == 404
        assert visitor.post(f"/consent/link/{raw}/", ANSWERS).status_code == 404
    client_for(practitioner).post(f"/consent/requests/{made.pk}/cancel/")
    assert visitor.get(f"/consent/link/{raw}/").status_code == 404


def test_an_answered_link_works_until_the_consent_runs_out(
    practitioner: Membership, mia: Membership
) -> None:
    until = timezone.localdate() + datetime.timedelta(days=60)
    _made, raw = a_link(practitioner, mia, consent_until=until)
    Client().post(f"/consent/link/{raw}/", ANSWERS)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=40)):
        assert Client().get(f"/consent/link/{raw}/").status_code == 200  # past 28 days: answered
    with time_machine.travel(timezone.now() + datetime.timedelta(days=62)):
        assert Client().get(f"/consent/link/{raw}/").status_code == 404


def test_it_pauses_the_link_page_after_too_many_wrong_links(
    practitioner: Membership, mia: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parent_views, "WRONG_LINKS_PER_ADDRESS", 3)
    _made, raw = a_link(practitioner, mia)
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    assert guesser.get(f"/consent/link/{raw}/").status_code == 200  # a right link costs nothing
    for attempt in range(3):
        assert guesser.get(f"/consent/link/guess-{attempt}/").status_code == 404
    paused = guesser.get(f"/consent/link/{raw}/")
    assert paused.status_code == 429 and int(paused["Retry-After"]) > 0
    assert Client(REMOTE_ADDR="198.51.100.8").get(f"/consent/link/{raw}/").status_code == 200


def test_a_child_in_care_is_asked_through_delegated_authority_and_photos_stay_unpublishable(
    practitioner: Membership,
) -> None:
    kai = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        in_care=True,
        user__first_name="Kai",
        user__date_of_birth=datetime.date(2013, 5, 5),
    )
    made, raw = a_link(practitioner, kai, recipient_name="Jo Evans", relationship="foster carer")
    assert made.delegated_authority
    carer = Client()
    html = carer.get(f"/consent/link/{raw}/").content.decode()
    assert "is in care" in html and 'name="use_photo"' not in html and 'name="use_film"' not in html
    carer.post(f"/consent/link/{raw}/", {**ANSWERS, "use_photo": "yes", "use_film": "yes"})
    made.refresh_from_db()
    assert set(made.answers) == {"quote", "name", "commissioners"}
    today = timezone.localdate()
    assert consent_valid(kai, "quote", today)
    assert not consent_valid(kai, "photo", today) and not consent_valid(kai, "film", today)
    assert not Consent.objects.filter(young_person=kai, use__in=["photo", "film"]).exists()


def test_it_does_not_ask_a_parent_about_someone_who_consents_for_themselves(
    practitioner: Membership, young_person: Membership
) -> None:
    with pytest.raises(ValidationError, match="16 or over"):
        a_link(practitioner, young_person)  # born 2010: 16


def test_staff_see_where_every_request_has_got_to(
    practitioner: Membership, mia: Membership, django_assert_max_num_queries: Any
) -> None:
    def child(name: str) -> Membership:
        return YoungPersonFactory.create(
            organisation=practitioner.organisation,
            user__first_name=name,
            user__date_of_birth=datetime.date(2013, 1, 1),
        )

    a_link(practitioner, child("Sent"), recipient_name="Parent of Sent")
    _r, opened = a_link(practitioner, child("Opened"), recipient_name="Parent of Opened")
    Client().get(f"/consent/link/{opened}/")
    _r, answered = a_link(practitioner, child("Answered"), recipient_name="Parent of Answered")
    Client().post(f"/consent/link/{answered}/", ANSWERS)
    _r, withdrawn = a_link(practitioner, mia, recipient_name="Parent of Withdrawn")
    Client().post(f"/consent/link/{withdrawn}/", ANSWERS)
    for use in ("photo", "quote"):
        Client().post(f"/consent/link/{withdrawn}/withdraw/", {"use": use})
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40)):
        a_link(practitioner, child("Expired"), recipient_name="Parent of Expired")
    staff = client_for(practitioner)
    staff.get("/consent/requests/")
    with django_assert_max_num_queries(12):
        html = staff.get("/consent/requests/").content.decode()
    rows = {
        name: re.search(r"Parent of " + name + r".*?govuk-tag[^>]*>([^<]+)<", html, re.S)
        for name in ("Sent", "Opened", "Answered", "Withdrawn", "Expired")
    }
    assert {name: match.group(1) if match else None for name, match in rows.items()} == {
        "Sent": "Sent",
        "Opened": "Opened",
        "Answered": "Answered",
        "Withdrawn": "Withdrawn",
        "Expired": "Expired",
    }
    register = client_for(practitioner).get(f"/consent/people/{mia.pk}/").content.decode()
    assert "Parent of Withdrawn" in register and "Ask a parent or carer online" in register
    assert client_for(mia).get("/consent/requests/").status_code == 403


def test_one_organisations_link_reaches_only_its_own_child(
    practitioner: Membership, mia: Membership, outsider: Membership
) -> None:
    """A member of another organisation holding a real link sees that child only, and their
    own organisation's pages never show it; the link takes no other id to point elsewhere."""
    theirs = YoungPersonFactory.create(
        organisation=outsider.organisation,
        user__first_name="Elsewhere",
        user__date_of_birth=datetime.date(2014, 1, 1),
    )
    their_request, _their_raw = a_link(outsider, theirs)
    _made, raw = a_link(practitioner, mia)
    client = client_for(outsider)
    page = client.get(f"/consent/link/{raw}/").content.decode()
    assert "Mia" in page and "Elsewhere" not in page
    client.post(f"/consent/link/{raw}/", ANSWERS)
    assert not Consent.objects.filter(young_person=theirs).exists()
    assert Consent.objects.filter(young_person=mia).count() == 2
    # The other organisation's request pages stay its own.
    assert (
        client_for(practitioner).post(f"/consent/requests/{their_request.pk}/cancel/").status_code
        == 404
    )
    assert "Mia" not in client.get("/consent/requests/").content.decode()

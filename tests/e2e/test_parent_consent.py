"""Scenario (issue 20): Sam, a practitioner, asks Mia's mum for consent online. Sian opens the
link on her phone with no account, says yes to photos, signs with her name; Mia's photo
appears on the project's board. Later she opens the same link and withdraws photos, and the
photo leaves the board. Axe runs on every page either of them sees, at 320 px wide."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.media import services as media
from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import YoungPersonFactory
from tests.media.test_media import jpeg_with_gps
from tests.scenarios import a_project

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_parent_gives_photo_consent_by_link_then_withdraws_it_and_the_photo_leaves_the_board(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    base = str(live_server)
    mia = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Mia",
        user__last_name="Roberts",
        user__preferred_name="Mia",
        user__date_of_birth=datetime.date(2014, 2, 1),
    )
    project = a_project(practitioner, name="Skate Park Plans")
    media.media_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        kind="photo",
        caption="Mia drawing the ramp",
        people=[mia],
        file=SimpleUploadedFile("ramp.jpg", jpeg_with_gps()),
        project=project,
    )

    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/{project.pk}/board/")
    expect(page.get_by_test_id("board-left-out")).to_contain_text("Mia drawing the ramp")

    visit(page, f"{base}/consent/people/{mia.pk}/")
    page.get_by_role("button", name="Ask a parent or carer online").click()
    assert_accessible(page)
    page.get_by_label("Their full name").fill("Sian Roberts")
    page.get_by_label("Their relationship to the young person").fill("mother")
    until = timezone.localdate() + datetime.timedelta(days=365)
    page.get_by_label("Day").fill(str(until.day))
    page.get_by_label("Month").fill(str(until.month))
    page.get_by_label("Year").fill(str(until.year))
    page.get_by_role("button", name="Make the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consent link made")
    assert_accessible(page)
    link = page.get_by_test_id("consent-link").inner_text().strip()
    assert re.match(r"^http://.+/consent/link/[\w-]+/$", link), link

    phone = another_phone()
    visit(phone, link)
    expect(phone.get_by_role("heading", level=1)).to_contain_text("your consent")
    for use in ("Photos", "Film", "Quotes", "Name in publications", "Sharing with commissioners"):
        answer = "Yes, I agree" if use == "Photos" else "No, I do not agree"
        phone.get_by_role("group", name=use).get_by_label(answer).check()
    phone.get_by_label("Your full name").fill("Sian Roberts")
    phone.get_by_label("How are you related to the child?").fill("Mum")
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your answers")
    expect(phone.get_by_test_id("answers")).to_contain_text("You agreed")
    assert_accessible(phone)

    visit(page, f"{base}/projects/{project.pk}/board/")
    expect(page.get_by_test_id("board-media")).to_contain_text("Mia drawing the ramp")
    visit(page, f"{base}/consent/requests/")
    expect(page.get_by_test_id("requests")).to_contain_text("Answered")

    # Later: the same link, to withdraw.
    visit(phone, link)
    phone.get_by_role("button", name="Withdraw Photos").click()
    expect(phone.locator(".govuk-notification-banner")).to_contain_text(
        "withdrawn your consent for photos"
    )
    expect(phone.get_by_test_id("answers")).to_contain_text("Withdrawn")
    assert_accessible(phone)

    visit(page, f"{base}/projects/{project.pk}/board/")
    expect(page.get_by_test_id("board-media")).to_have_count(0)
    expect(page.get_by_test_id("board-left-out")).to_contain_text("consent withdrawn")
    visit(page, f"{base}/consent/requests/")
    expect(page.get_by_test_id("requests")).to_contain_text("Withdrawn")

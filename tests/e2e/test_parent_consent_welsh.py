"""Scenario (issue 22): Mia's mum, Sian, reads Welsh. The youth worker, whose pages are in
English, says so when making the link; Sian opens it on an English phone and the whole page is
in Welsh (`lang="cy"`): she answers, signs and sees her answers in Welsh, axe clean at 320 px,
and can still switch to English."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_welsh_speaking_parent_answers_the_consent_request_in_welsh(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: Any,
    practitioner: Membership,
) -> None:
    base = str(live_server)
    mia = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Mia",
        user__preferred_name="Mia",
        user__date_of_birth=datetime.date(2014, 2, 1),
    )
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/consent/people/{mia.pk}/ask/")
    page.get_by_label("Their full name").fill("Sian Roberts")
    page.get_by_label("Their relationship to the young person").fill("mother")
    page.get_by_role("group", name="Which language do they read?").get_by_label("Cymraeg").check()
    until = timezone.localdate() + datetime.timedelta(days=365)
    page.get_by_label("Day").fill(str(until.day))
    page.get_by_label("Month").fill(str(until.month))
    page.get_by_label("Year").fill(str(until.year))
    page.get_by_role("button", name="Make the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consent link made")
    expect(page.get_by_test_id("letter")).to_contain_text("Annwyl Sian Roberts,")
    assert_accessible(page)
    link = page.get_by_test_id("consent-link").inner_text().strip()

    phone = another_phone()
    visit(phone, link)
    expect(phone.locator("html")).to_have_attribute("lang", "cy")
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Lluniau, fideos a geiriau: eich caniatâd"
    )
    for use in ("Lluniau", "Ffilm", "Dyfyniadau", "Enw mewn cyhoeddiadau"):
        answer = "Ydw, rydw i'n cytuno" if use == "Lluniau" else "Nac ydw, dydw i ddim yn cytuno"
        phone.get_by_role("group", name=use, exact=True).get_by_label(answer).check()
    phone.get_by_role("group", name="Rhannu gyda chomisiynwyr").get_by_label(
        "Nac ydw, dydw i ddim yn cytuno"
    ).check()
    phone.get_by_label("Eich enw llawn").fill("Sian Roberts")
    phone.get_by_label("Beth yw eich perthynas â'r plentyn?").fill("Mam")
    phone.get_by_role("button", name="Anfon fy atebion").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Eich atebion")
    expect(phone.get_by_test_id("answers")).to_contain_text("Fe wnaethoch chi gytuno")
    assert_accessible(phone)

    # The switch is still there: Sian can read the same page in English.
    phone.get_by_role("button", name="English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your answers")
    assert_accessible(phone)

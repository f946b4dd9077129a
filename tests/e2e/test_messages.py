"""Scenario (issue 19): Fran chooses texts on her phone; a manager sees on her page and in the
list of messages which were delivered, which wait and which failed, and who cannot be reached;
the admin's message settings page. Axe runs on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.notifications.models import Message, Status
from coproduce.notifications.services import message_send
from coproduce.organisations.models import Membership
from tests.a11y import visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_fran_chooses_texts_and_staff_see_what_became_of_her_messages(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    admin: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/notifications/")
    page.get_by_role("link", name="Choose how we send you messages").click()
    visit(page, page.url)
    page.get_by_label("By text message").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Enter a mobile number so we can send you texts").first).to_be_visible()
    visit(page, page.url)
    page.get_by_label("Mobile phone number (for texts)").fill("07700 900123")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your choice has been saved.")).to_be_visible()

    sent = message_send(
        organisation=young_person.organisation,
        recipient=young_person,
        kind="idea_news",
        dedupe_key="e2e",
        url="/projects/my-ideas/",
    )
    assert sent is not None
    Message.objects.filter(pk=sent.pk).update(
        status=Status.FAILED, reason="phone number does not exist"
    )
    YoungPersonFactory.create(organisation=admin.organisation, user__preferred_name="Robin")

    staff = another_phone()
    sign_in(staff, base, admin.user.username)
    visit(staff, f"{base}/organisation/people/{young_person.pk}/")
    expect(staff.get_by_test_id("person-messages")).to_contain_text("phone number does not exist")
    visit(staff, f"{base}/notifications/sent/")
    expect(staff.get_by_text("*********123")).to_be_visible()
    visit(staff, f"{base}/notifications/sent/?status=failed")
    visit(staff, f"{base}/notifications/unreachable/")
    expect(staff.get_by_role("link", name="Robin")).to_be_visible()
    visit(staff, f"{base}/notifications/settings/")
    staff.get_by_label("Session invitations").uncheck()
    staff.get_by_role("button", name="Save").click()
    expect(staff.get_by_text("Message settings saved.")).to_be_visible()
    visit(staff, f"{base}/notifications/settings/")

"""Every foundation page, as each role sees it, passes axe at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import ServiceFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_keeps_every_admin_page_accessible(
    page: Page, live_server: object, admin: Membership, young_person: Membership
) -> None:
    base = str(live_server)
    service = ServiceFactory.create(organisation=admin.organisation, name="Youth Forum")
    sign_in(page, base, admin.user.username)
    for path in [
        "/",
        "/organisation/people/",
        f"/organisation/people/{young_person.pk}/",
        f"/organisation/people/{young_person.pk}/change/",
        "/organisation/people/add/",
        "/organisation/services/",
        "/organisation/services/add/",
        f"/organisation/services/{service.pk}/change/",
        "/audit/",
        "/account/",
        "/account/api-tokens/",
        "/auth/password/change/",
        "/auth/2fa/",
        "/notifications/",
        "/accessibility/",
        "/privacy/",
        f"/consent/people/{young_person.pk}/",
        f"/consent/people/{young_person.pk}/add/",
        f"/consent/people/{young_person.pk}/erase/",
        "/consent/retention/",
        "/media/",
        "/media/add/",
        "/commissioning/",
    ]:
        visit(page, f"{base}{path}")
    visit(page, f"{base}/account/api-tokens/")
    page.get_by_label("What is this token for?").fill("Monthly sheet")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_test_id("new-token")).to_contain_text("cp_")
    visit(page, f"{base}/account/api-tokens/")


def test_it_keeps_the_young_persons_pages_accessible_and_in_plain_words(
    page: Page, live_server: object, young_person: Membership
) -> None:
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hi Fran")
    for path in ["/", "/account/", "/notifications/", "/privacy/"]:
        visit(page, f"{base}{path}")
    # Staff pages are not in a young person's navigation.
    expect(page.get_by_role("link", name="People")).to_have_count(0)


def test_it_keeps_the_signed_out_pages_accessible(page: Page, live_server: object) -> None:
    base = str(live_server)
    for path in ["/", "/auth/login/", "/start/", "/auth/password/reset/", "/accessibility/"]:
        visit(page, f"{base}{path}")

"""Scenario: someone trying Coproduce signs in as each demo account the README lists, on a
phone, and each lands on a home page with something real to do, which they open (issue 26:
the commissioner used to see nothing). Axe on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from coproduce.home.demo import SIGN_INS, load_demo
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import add_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "coproduce-demo-2026"  # as the README says


def _home(phone: Page, base: str, username: str) -> None:
    sign_in(phone, base, username, DEMO_PASSWORD)
    expect(phone).to_have_url(f"{base}/")
    assert_accessible(phone)


def _open(phone: Page, link: str, heading: str) -> None:
    phone.get_by_role("link", name=link).first.click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text(heading)
    assert_accessible(phone)


def test_every_demo_sign_in_has_something_real_to_do(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    assert [u for _label, u in SIGN_INS] == [
        "admin",
        "manager",
        "practitioner",
        "young",
        "jade",
        "commissioner",
    ]
    for username in ("admin", "manager"):  # they have set up their app already
        add_totp(context.people[username].user)
    base = str(live_server)

    # The commissioner: the organisation's shared reports, and bids to score on a panel.
    chris = page
    _home(chris, base, "commissioner")
    shared = chris.get_by_role("region", name="Monitoring reports shared with you")
    expect(shared).to_contain_text("Bryn Valley Youth Service")
    expect(chris.get_by_text("No organisation shares its reports with you yet.")).to_have_count(0)
    bids = chris.get_by_role("region", name="Bids waiting for your scores")
    expect(bids.get_by_role("link", name="Wellbeing grants 2027")).to_be_visible()
    _open(chris, "See the reports", "Shared with you")
    card = chris.get_by_test_id("shared-organisation")
    expect(card).to_contain_text("Bryn Valley Youth Service")
    _open(chris, "Youth Club Redesign", "Monitoring report")
    visit(chris, f"{base}/")
    _open(chris, "Wellbeing grants 2027", "Before you score")

    # Fran (16): the same panel, her scores still to give.
    fran = another_phone()
    _home(fran, base, "young")
    expect(fran.get_by_role("region", name="Bids waiting for your scores")).to_be_visible()
    _open(fran, "Wellbeing grants 2027", "Before you score")

    # Jade (14, in care): a survey about how staff work with young people, waiting for her.
    jade = another_phone()
    _home(jade, base, "jade")
    expect(jade.get_by_text("Tell us how well staff work with young people here.")).to_be_visible()
    jade.get_by_role("link", name="Have your say").click()
    expect(jade.get_by_role("heading", level=1)).to_be_visible()
    assert "/assessments/" in jade.url
    assert_accessible(jade)

    # The practitioner: their self-assessment is due.
    sam = another_phone()
    _home(sam, base, "practitioner")
    expect(sam.get_by_text("1 idea is waiting too long for feedback")).to_be_visible()
    sam.get_by_role("link", name="Do it now").first.click()
    expect(sam.get_by_role("heading", level=1)).to_be_visible()
    assert "/assessments/" in sam.url
    assert_accessible(sam)

    # The manager: ideas waiting for feedback, and a panel seat of their own.
    dylan = another_phone()
    _home(dylan, base, "manager")
    expect(dylan.get_by_text("You are on a commissioning panel")).to_be_visible()
    _open(dylan, "Have a quiet room", "Answer this idea")

    # The admin: a safeguarding concern to read, and consent gaps to close.
    amira = another_phone()
    _home(amira, base, "admin")
    expect(amira.get_by_text("A new safeguarding concern has been recorded")).to_be_visible()
    amira.get_by_role("link", name="See what is missing").click()
    expect(amira.get_by_text("Mo: no consent recorded")).to_be_visible()
    assert_accessible(amira)

"""Acceptance crawl (issue 26): every demo sign-in the README lists signs in through the real
form, on a phone, and follows every link it can reach from its home page. Each kind of page
(one per URL pattern) passes axe at WCAG 2.2 AA with nothing wider than 320 px, and none
answers with an error or refuses the person it was shown to. Everything found is listed
together at the end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from coproduce.home.demo import DEMO_PASSWORD, SIGN_INS, load_demo
from tests.e2e.crawl import Crawl
from tests.e2e.test_sign_in import sign_in
from tests.factories import add_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_PAGES = 150  # per person: a runaway crawl stops here (the admin reached 123 in Nov 2026)
# The fewest kinds of page each person must reach (about three quarters of what they reached
# in Nov 2026): a sign-in that silently fails reaches the sign-in page only.
MIN_ROUTES = {
    "admin": 90,
    "manager": 85,
    "practitioner": 60,
    "young": 25,
    "jade": 18,
    "commissioner": 10,
}


def test_every_page_each_demo_person_can_reach_is_accessible(
    page: Page, live_server: object, settings: Any, tmp_path: Path, browser_context_args: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    demo = load_demo()  # what `make run` loads
    assert demo is not None
    for username in ("admin", "manager"):  # they have set up their app already
        add_totp(demo.people[username].user)
    assert sorted(u for _label, u in SIGN_INS) == sorted(MIN_ROUTES)
    base = str(live_server)
    browser: Browser | None = page.context.browser
    assert browser is not None

    crawls: list[Crawl] = []
    for _label, username in SIGN_INS:
        started = time.monotonic()
        phone = browser.new_context(**browser_context_args)  # one browser context per person
        try:
            tab = phone.new_page()
            sign_in(tab, base, username, DEMO_PASSWORD)
            crawl = Crawl(role=username, base=base, max_pages=MAX_PAGES)
            crawl.run(tab)
        finally:
            phone.close()
        crawls.append(crawl)
        print(
            f"{username}: {len(crawl.visited)} pages, {len(crawl.downloads)} downloads"
            f"{' (stopped at the cap)' if crawl.capped else ''}"
            f" in {time.monotonic() - started:.0f}s"
        )

    findings = [f for c in crawls for f in c.findings]
    errors = [f for f in findings if f.rule in ("http-500", "browser-error")]
    assert not errors, "pages answered with an error:\n" + "\n".join(map(str, errors))
    assert not findings, f"{len(findings)} problems:\n" + "\n".join(map(str, findings))
    short = {c.role: len(c.visited) for c in crawls if len(c.visited) < MIN_ROUTES[c.role]}
    assert not short, f"people reached fewer kinds of page than expected: {short}"


@pytest.mark.parametrize("username", ["young", "jade"])
def test_a_young_person_reading_in_welsh_reaches_every_page_in_welsh(
    page: Page, live_server: object, settings: Any, tmp_path: Path, username: str
) -> None:
    """Young people choose Cymraeg with the switch in the header; every page they can then
    reach is in Welsh (<html lang="cy">, the menu in Welsh), passes axe and fits 320 px."""
    settings.MEDIA_ROOT = tmp_path
    assert load_demo() is not None
    base = str(live_server)
    sign_in(page, base, username, DEMO_PASSWORD)
    page.get_by_role("button", name="Cymraeg").click()
    page.wait_for_load_state()
    crawl = Crawl(role=f"{username} (Cymraeg)", base=base, max_pages=MAX_PAGES, language="cy")
    crawl.run(page)
    assert not crawl.findings, f"{len(crawl.findings)} problems:\n" + "\n".join(
        map(str, crawl.findings)
    )
    assert len(crawl.visited) >= MIN_ROUTES[username], sorted(crawl.visited)
    assert "Your account" not in page.content()  # the menu of the last page was in Welsh


def test_the_crawl_reports_what_axe_and_the_phone_width_find(page: Page) -> None:
    """The crawl collects problems rather than stopping: a page with two is listed twice."""
    page.set_content(
        '<html lang="en"><head><title>T</title></head><body><main><h1>T</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<div style="width:600px">wide</div></main></body></html>'
    )
    crawl = Crawl(role="tester", base="http://testserver", max_pages=1)
    crawl.check(page, "http://testserver/t/")
    assert [f.rule for f in crawl.findings] == ["axe:image-alt (critical)", "sideways-scroll"]
    assert "img" in crawl.findings[0].detail

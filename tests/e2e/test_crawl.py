"""Acceptance crawl (issue 26): every demo sign-in the README lists signs in through the real
form, on a phone, and follows every link it can reach from its home page. Each kind of page
(one per URL pattern) passes axe at WCAG 2.2 AA with nothing wider than 320 px, and none
answers with an error. Everything found is listed together at the end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from coproduce.home.demo import DEMO_PASSWORD, SIGN_INS, load_demo
from tests.e2e.crawl import Crawl, Finding
from tests.e2e.test_sign_in import sign_in
from tests.factories import add_totp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_PAGES = 200  # per person: a runaway crawl stops here
# The fewest kinds of page each person must reach: a sign-in that silently fails reaches
# the sign-in page only, and a home page that lost its links reaches a handful.
MIN_ROUTES = {
    "admin": 20,
    "manager": 20,
    "practitioner": 20,
    "young": 6,
    "jade": 6,
    "commissioner": 6,
}


def test_every_page_each_demo_person_can_reach_is_accessible(
    page: Page, live_server: object, settings: Any, tmp_path: Path, browser_context_args: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    for username in ("admin", "manager"):  # they have set up their app already
        add_totp(context.people[username].user)
    base = str(live_server)
    browser: Browser | None = page.context.browser
    assert browser is not None
    assert sorted(u for _label, u in SIGN_INS) == sorted(MIN_ROUTES)

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
        for route, url in crawl.visited.items():
            print("   ", route, url)
        print(
            f"{username}: {len(crawl.visited)} pages, {len(crawl.downloads)} downloads, "
            f"{time.monotonic() - started:.0f}s"
        )

    findings: list[Finding] = [f for c in crawls for f in c.findings]
    errors = [f for f in findings if f.rule == "http-500" or f.rule == "browser-error"]
    assert not errors, "pages answered with an error:\n" + "\n".join(map(str, errors))
    assert not findings, f"{len(findings)} problems:\n" + "\n".join(map(str, findings))
    short = {
        c.role: len(c.visited) for c in crawls if len(c.visited) < MIN_ROUTES[c.role]
    }
    assert not short, f"people reached fewer kinds of page than expected: {short}"

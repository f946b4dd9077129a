"""A breadth-first crawl of the pages a signed-in person can reach by following links.

One page per (person, URL pattern): `/projects/3/` and `/projects/7/` are the same page to
an accessibility check, so the crawl stays short. On every page it runs the checks of
`tests.a11y.assert_accessible` (axe with the WCAG 2.2 AA tags, nothing wider than the
screen) but collects what it finds instead of stopping, so one run lists every problem.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from tests.a11y import AXE, AXE_JS, OVERFLOW_JS, WCAG

# Never followed: another site's business, machine answers, or pages that change the account
# (signing out, confirming an address) rather than show something.
SKIPPED_PREFIXES = ("/api/", "/admin/", "/django-admin/", "/static/", "/media/")
SKIPPED_AUTH_WORDS = ("logout", "confirm", "reset", "reauthenticate", "signup", "login")
SKIPPED_NAMES = {"language"}  # the language switch (a form today; never followed as a link)

LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]'))
    .filter(a => !a.hasAttribute('download'))
    .map(a => a.href)"""


@dataclass(frozen=True)
class Finding:
    """One problem on one page: an axe rule, a sideways scroll, an error answer."""

    role: str
    url: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.role}  {self.url}  {self.rule}  {self.detail}"


@dataclass
class Crawl:
    role: str
    base: str
    max_pages: int
    visited: dict[str, str] = field(default_factory=dict)  # route pattern -> URL visited
    statuses: dict[str, int] = field(default_factory=dict)  # URL -> HTTP status
    findings: list[Finding] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    capped: bool = False  # stopped at max_pages with links still to follow
    language: str | None = None  # each page must be in it (<html lang>), e.g. "cy"

    def route(self, url: str) -> str | None:
        """The URL pattern a link leads to, or None when the crawl leaves it alone."""
        parts = urlsplit(url)
        base = urlsplit(self.base)
        if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
            return None  # mailto:, tel:, another site
        path = parts.path or "/"
        if path.startswith(SKIPPED_PREFIXES):
            return None
        try:
            match = resolve(path)
        except Resolver404:
            return f"(no page) {path}"  # followed once each: a broken link is a finding
        name = match.url_name or ""
        if name in SKIPPED_NAMES:
            return None
        if path.startswith("/auth/") and any(word in name for word in SKIPPED_AUTH_WORDS):
            return None
        return match.route

    def run(self, page: Page) -> None:
        """Breadth-first from the home page, in the signed-in browser context of `page`."""
        # axe arrives with every page the browser opens: once per person, not once a page.
        page.context.add_init_script(path=str(AXE))
        queue: deque[tuple[str, str]] = deque([(f"{self.base}/", "signing in")])
        seen_urls: set[str] = set()
        while queue and len(self.visited) < self.max_pages:
            url, linked_from = queue.popleft()
            route = self.route(url)
            if route is None or route in self.visited or url in seen_urls:
                continue
            seen_urls.add(url)
            self.visited[route] = url
            for link in self._visit(page, url, linked_from):
                link = urldefrag(link).url
                if link not in seen_urls:
                    queue.append((link, url))
        self.capped = any(
            self.route(u) not in (None, *self.visited) and u not in seen_urls for u, _ in queue
        )

    def _visit(self, page: Page, url: str, linked_from: str) -> list[str]:
        """Open one page, check it, and answer the links on it."""
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in error.message:
                self.downloads.append(url)
                return []
            self.findings.append(Finding(self.role, url, "browser-error", error.message[:200]))
            return []
        status = response.status if response is not None else 0
        self.statuses[url] = status
        landed = page.url
        if urlsplit(landed).path.startswith("/auth/login"):
            self.findings.append(Finding(self.role, url, "signed-out", f"sent to {landed}"))
            return []
        content_type = response.headers.get("content-type", "") if response else ""
        if not content_type.startswith("text/html"):
            self.downloads.append(url)
            return []
        if status >= 400:
            self.findings.append(
                Finding(self.role, url, f"http-{status}", f"linked from {linked_from}")
            )
        # A redirect lands on another page: count it as visited too, so it is checked once.
        landed_route = self.route(landed)
        if landed != url and landed_route is not None:
            self.visited.setdefault(landed_route, landed)
        self.check(page, landed)
        links: list[str] = page.evaluate(LINKS_JS)
        return links

    def check(self, page: Page, url: str) -> None:
        """What `tests.a11y.assert_accessible` asserts, collected."""
        if not page.evaluate("() => typeof axe === 'object'"):
            page.add_script_tag(path=str(AXE))
        violations: list[dict[str, object]] = page.evaluate(AXE_JS, WCAG)
        for v in violations:
            self.findings.append(
                Finding(self.role, url, f"axe:{v['id']} ({v['impact']})", str(v["targets"]))
            )
        if self.language is not None:
            lang: str = page.evaluate("() => document.documentElement.lang")
            if lang != self.language:
                self.findings.append(Finding(self.role, url, "language", f"lang={lang!r}"))
        overflow: int = page.evaluate(OVERFLOW_JS)
        if overflow > 0:
            self.findings.append(
                Finding(self.role, url, "sideways-scroll", f"{overflow}px at 320px wide")
            )

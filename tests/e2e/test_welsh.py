"""Scenario: a young person and a youth worker use the service in Welsh on their phones.
Each chooses "Cymraeg" with the switch on the sign-in page; every page they then open is
axe clean at 320 px, says lang="cy", and shows no English interface text: no visible text
(or aria-label) equals an msgid of the Welsh catalogue whose translation is different.
What organisations write (names, aims) is data, entered in both languages here.

`make messages-check` (part of `make test`) keeps the catalogue complete; this test shows the
pages really come out in Welsh. Run it alone with:
    uv run pytest -q tests/e2e/test_welsh.py -p no:cacheprovider
(after `make install`, which compiles the catalogue; or
`cd src/coproduce && DEBUG=true uv run coproduce compilemessages`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.a11y import assert_accessible, visit
from tests.factories import PASSWORD

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES" / "django.po"


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def catalogue_entries(path: Path = CATALOGUE) -> list[tuple[list[str], list[str], bool]]:
    """(msgids, msgstrs, fuzzy) for each entry of a .po file (msgid and msgid_plural)."""
    if not path.exists():
        return []
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in block.splitlines())
        parts: dict[str, list[str]] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            found = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line)
            if found:
                key = found.group(1)
                parts[key] = [found.group(2)]
            elif line.startswith('"') and key:
                parts[key].append(line)
        ids = [_unquote(parts[k]) for k in ("msgid", "msgid_plural") if k in parts]
        strs = [_unquote(v) for k, v in parts.items() if k.startswith("msgstr")]
        if ids and ids[0]:
            entries.append((ids, strs, fuzzy))
    return entries


def english_interface_text() -> set[str]:
    """Catalogue msgids whose Welsh differs (or is missing): seeing one means English shows."""
    found: set[str] = set()
    for ids, strs, fuzzy in catalogue_entries():
        if fuzzy or not all(strs) or any(s != ids[0] for s in strs):
            found.update(i.strip() for i in ids if i.strip() and "%" not in i and "{" not in i)
    return found


TEXT_ON_PAGE = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (!text || !element || element.closest('script, style')) continue;
    if (element.checkVisibility && !element.checkVisibility()) continue;
    found.push([text, element.closest('[lang]')?.getAttribute('lang') || '']);
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [alt]')) {
    for (const name of ['aria-label', 'title', 'alt']) {
      const text = (element.getAttribute(name) || '').trim();
      if (text) found.push([text, element.closest('[lang]')?.getAttribute('lang') || '']);
    }
  }
  return found;
}"""


def assert_welsh(page: Page, english: set[str]) -> None:
    assert_accessible(page)
    assert page.locator("html").get_attribute("lang") == "cy", page.url
    shown = page.evaluate(TEXT_ON_PAGE)
    in_english = sorted({text for text, lang in shown if lang.startswith("cy") and text in english})
    assert not in_english, f"English interface text on {page.url}: {in_english[:10]}"
    # The switch back names English in English, marked as such.
    assert page.locator('button[lang="en"]', has_text="English").count() == 1


def sign_in_in_welsh(page: Page, base: str, username: str) -> None:
    """The switch on the sign-in page, then the form by its fields (labels are in Welsh)."""
    visit(page, f"{base}/auth/login/")
    page.get_by_role("button", name="Cymraeg").click()
    assert page.locator("html").get_attribute("lang") == "cy"
    assert_accessible(page)
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _welsh_project(practitioner: Membership) -> int:
    both = {"en_gb": "", "cy": ""}
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the new skate park",
        translations={
            "name": {**both, "en_gb": "Skate Park Design", "cy": "Dylunio'r Parc Sglefrio"},
            "aims": {**both, "en_gb": "Design the new skate park", "cy": "Dylunio'r parc newydd"},
        },
    )
    projects.role_create(
        acting_user=practitioner.user,
        project=project,
        title="Young designer",
        expectations="Come to most sessions",
        tasks="Draw ideas for the ramps",
        meeting_frequency="Every Tuesday",
        duration="Six months",
        rewards=["credits"],
        translations={
            "title": {"en_gb": "Young designer", "cy": "Dylunydd ifanc"},
            "expectations": {"en_gb": "Come to most sessions", "cy": "Dewch i'r rhan fwyaf"},
            "tasks": {"en_gb": "Draw ideas for the ramps", "cy": "Tynnu lluniau o syniadau"},
            "meeting_frequency": {"en_gb": "Every Tuesday", "cy": "Bob dydd Mawrth"},
            "duration": {"en_gb": "Six months", "cy": "Chwe mis"},
        },
    )
    credits.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Cinema ticket",
        price_minutes=60,
        translations={"name": {"en_gb": "Cinema ticket", "cy": "Tocyn sinema"}},
    )
    return project.pk


def test_a_young_person_s_journey_in_welsh(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    base = str(live_server)
    english = english_interface_text()
    project = _welsh_project(practitioner)
    sign_in_in_welsh(page, base, young_person.user.username)
    for path in [
        "/",
        "/projects/get-involved/",
        f"/projects/{project}/",
        f"/projects/{project}/join/",
        "/projects/my-ideas/",
        "/projects/my-ideas/add/",
        "/projects/my-journey/",
        "/credits/me/",
        "/credits/check-in/",
        "/notifications/",
        "/account/",
    ]:
        page.goto(f"{base}{path}")
        assert_welsh(page, english)


def test_a_practitioner_s_journey_in_welsh(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    base = str(live_server)
    english = english_interface_text()
    project = _welsh_project(practitioner)
    sign_in_in_welsh(page, base, practitioner.user.username)
    for path in [
        "/",
        "/projects/",
        "/projects/add/",
        f"/projects/{project}/",
        f"/projects/{project}/change/",
        f"/projects/{project}/roles/add/",
        f"/projects/{project}/sessions/add/",
        f"/projects/{project}/ideas/add/",
        f"/projects/{project}/board/",
        "/credits/",
        "/organisation/people/",
        f"/organisation/people/{young_person.pk}/",
        "/organisation/translations/",
        "/account/",
    ]:
        page.goto(f"{base}{path}")
        assert_welsh(page, english)

"""Scenario (seed 003, Fran's panel): three young people and two staff score three bids on
their phones, each on their own; the panel is not quorate until enough young people have
submitted; the meeting agrees scores and awards within the budget; the exports hold the
numbers. Axe runs on every kind of page at 320 px."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from coproduce.commissioning import services
from coproduce.commissioning.models import Round
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from coproduce.projects.services import project_create
from tests.a11y import assert_accessible, visit
from tests.documents import pdf_text, xlsx_rows
from tests.e2e.test_sign_in import sign_in
from tests.factories import MembershipFactory, YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CRITERIA = [("Young people shaped it", 40), ("Reach", 35), ("Value", 25)]
BIDS = [("Family Hub", 48000000), ("The Shed", 62000000), ("Valley Voices", 35000000)]


def _set_up(
    organisation: Organisation, officer: Membership, panel: list[tuple[Membership, str]]
) -> Round:
    project = project_create(
        acting_user=officer.user, organisation=organisation, name="Grants panel", aims="Decide"
    )
    round_ = services.round_create(
        acting_user=officer.user,
        project=project,
        title="Wellbeing grants",
        outcomes_sought="Better wellbeing",
        budget_pence=105000000,
        briefing="Keep bids private.",
    )
    for name, weight in CRITERIA:
        services.criterion_add(acting_user=officer.user, round_=round_, name=name, weight=weight)
    for provider, amount in BIDS[:2]:
        services.bid_add(
            acting_user=officer.user,
            round_=round_,
            provider=provider,
            title=f"{provider} bid",
            summary="What we will do.",
            amount_requested_pence=amount,
        )
    for membership, kind in panel:
        services.panel_member_add(
            acting_user=officer.user, round_=round_, membership=membership, kind=kind
        )
    return round_


def _phone(another_phone: Callable[[], Page], base: str, username: str) -> Page:
    page = another_phone()
    sign_in(page, base, username)
    return page


def _score(
    page: Page,
    base: str,
    round_id: int,
    scores: list[list[int]],
    *,
    check: bool,
    interest_in: str | None = None,
) -> None:
    """Brief, then for each bid declare and score; `check` runs axe on each kind of page."""
    page.goto(f"{base}/commissioning/{round_id}/score/")
    if check:
        assert_accessible(page)
    page.get_by_label(re.compile("I have read the briefing")).check()
    page.get_by_role("button", name="I'm ready to score").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Score the bids")
    if check:
        assert_accessible(page)
    for (provider, _amount), row in zip(BIDS, scores, strict=True):
        page.get_by_role("link", name=re.compile(provider)).click()
        if check:
            assert_accessible(page)
        if provider == interest_in:
            page.get_by_label("Yes", exact=True).check()
            page.get_by_label("If yes, what is the interest?").fill("My cousin works there")
            page.get_by_role("button", name="Continue").click()
            expect(page.locator(".govuk-notification-banner")).to_contain_text(
                "You will not score this bid"
            )
            continue
        page.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Continue").click()
        if check:
            assert_accessible(page)
        for (criterion, _w), value in zip(CRITERIA, row, strict=True):
            group = page.get_by_role("group", name=criterion)
            group.get_by_label(re.compile(f"^{value} –")).check()
        for textarea in page.get_by_label("Why did you give this score?").all():
            textarea.fill("Because of what the bid says")
        page.get_by_role("button", name="Save my scores").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            f"Scores saved for {provider}"
        )


def _submit(page: Page) -> None:
    page.get_by_role("button", name="Submit my scores").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation")


def test_a_panel_scores_moderates_and_decides_in_the_browser(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    organisation: Organisation,
    practitioner: Membership,
) -> None:
    base = str(live_server)
    young = [
        YoungPersonFactory.create(organisation=organisation, user__username=f"yp{i}")
        for i in range(3)
    ]
    other_staff = MembershipFactory.create(organisation=organisation, user__username="staff2")
    officer = MembershipFactory.create(
        organisation=organisation, role=Role.MANAGER, user__username="officer"
    )
    round_ = _set_up(
        organisation,
        officer,
        [(m, "young_person") for m in young] + [(practitioner, "staff"), (other_staff, "staff")],
    )
    # The officer adds the third bid with the form, on a phone.
    sign_in(page, base, "officer")
    for path in [
        "",
        "new/",
        f"{round_.pk}/criteria/add/",
        f"{round_.pk}/lots/add/",
        f"{round_.pk}/documents/add/",
        f"{round_.pk}/panel/add/",
    ]:
        visit(page, f"{base}/commissioning/{path}")
    visit(page, f"{base}/commissioning/{round_.pk}/")
    page.get_by_role("link", name="Add a bid").click()
    assert_accessible(page)
    page.get_by_label("Organisation bidding").fill("Valley Voices")
    page.get_by_label("What the bid is called").fill("Valley Voices bid")
    page.get_by_label("Summary of the bid").fill("Newshounds media group")
    page.get_by_label("Amount asked for, in pounds").fill("350,000")
    page.get_by_role("button", name="Add the bid").click()
    expect(page.get_by_role("heading", name="Valley Voices: Valley Voices bid")).to_be_visible()

    # Both staff score and submit; the first young person scores but has not submitted yet.
    for username, scores in [
        ("bob_practitioner", [[4, 4, 3], [4, 4, 4], [3, 3, 4]]),
        ("staff2", [[3, 4, 4], [5, 4, 3], [3, 2, 4]]),
    ]:
        member_page = _phone(another_phone, base, username)
        _score(member_page, base, round_.pk, scores, check=False)
        _submit(member_page)
    fran = _phone(another_phone, base, "yp0")
    _score(fran, base, round_.pk, [[3, 4, 3], [5, 5, 4], [4, 3, 4]], check=True)
    fran.goto(f"{base}/commissioning/{round_.pk}/moderation/")
    expect(fran.get_by_role("heading", level=1)).to_have_text("Submit your own scores first")
    expect(fran.get_by_test_id("spread")).to_have_count(0)
    fran.goto(f"{base}/commissioning/{round_.pk}/score/")
    _submit(fran)
    expect(fran.get_by_test_id("spread")).to_contain_text("4, 5, 5")
    assert_accessible(fran)

    # One young person and two staff have submitted: finalising is refused and says why.
    visit(page, f"{base}/commissioning/{round_.pk}/moderation/")
    page.get_by_label("What the panel decided, and why").fill("Draft decision")
    page.get_by_role("button", name="Finalise the decision").click()
    expect(page.locator("#finalise-errors")).to_contain_text(
        "1 more young person needs to submit their scores"
    )
    expect(page.get_by_label("What the panel decided, and why")).to_have_value("Draft decision")
    assert_accessible(page)

    for username, interest in [("yp1", "Family Hub"), ("yp2", None)]:
        member_page = _phone(another_phone, base, username)
        _score(
            member_page,
            base,
            round_.pk,
            [[2, 3, 4], [4, 5, 3], [5, 4, 4]],
            check=False,
            interest_in=interest,
        )
        _submit(member_page)

    # The meeting agrees scores and awards; an award past the budget is refused.
    agreed = {
        "Family Hub": ([5, 1, 3], "400000"),
        "The Shed": ([4, 2, 5], "620000"),
        "Valley Voices": ([3, 3, 3], "0"),
    }
    for provider, (agreed_row, award) in agreed.items():
        page.goto(f"{base}/commissioning/{round_.pk}/moderation/")
        page.get_by_role("link", name=f"Agree scores and award for {provider}").click()
        for (criterion, _w), value in zip(CRITERIA, agreed_row, strict=True):
            page.get_by_role("group", name=criterion).get_by_label(
                re.compile(f"^{value} –")
            ).check()
        for textarea in page.get_by_label("Why the panel agreed this score").all():
            textarea.fill("Agreed after discussion")
        page.get_by_label("The panel's reasons, for the feedback letter to the bidder").fill(
            f"Reasons for {provider}"
        )
        first_try = {"The Shed": "700000", "Valley Voices": "50000"}.get(provider, award)
        page.get_by_label("Amount awarded, in pounds").fill(first_try)
        page.get_by_role("button", name="Save the agreed scores").click()
        if provider in ("The Shed", "Valley Voices"):
            expect(page.locator(".govuk-error-summary")).to_contain_text(
                "more than the bid asked for"
                if provider == "The Shed"
                else "more than the budget has left: £30,000.00 is unallocated"
            )
            expect(
                page.get_by_label("The panel's reasons, for the feedback letter to the bidder")
            ).to_have_value(f"Reasons for {provider}")
            assert_accessible(page)
            page.get_by_label("Amount awarded, in pounds").fill(award)
            page.get_by_role("button", name="Save the agreed scores").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            f"Saved the panel's decision on {provider}"
        )
    assert_accessible(page)
    page.get_by_label("What the panel decided, and why").fill("The Shed and Family Hub are funded.")
    page.get_by_role("button", name="Finalise the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The round is decided")
    ranking = page.get_by_test_id("ranking")
    expect(ranking.locator("tbody tr").nth(0)).to_contain_text("The Shed")
    expect(ranking.locator("tbody tr").nth(0)).to_contain_text("63.8%")
    expect(ranking.locator("tbody tr").nth(0)).to_contain_text("£620,000")
    expect(page.get_by_test_id("allocated")).to_have_text("£1,020,000")
    assert_accessible(page)

    # The exports open and hold the numbers.
    with page.expect_download() as download:
        page.get_by_role("link", name="Scoring matrix (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text())))
    assert len(rows) == 1 + (5 * 3 - 1) * 3 + 9  # one young person did not score Family Hub
    # The spreadsheet and the PDF are made by the worker: a page waits for them and looks
    # again by itself until the file is ready.
    page.get_by_role("link", name="Scoring matrix (Excel)").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Your file is being prepared")
    assert_accessible(page)
    call_command("worker", "--once")
    expect(heading).to_have_text("Your file is ready", timeout=15_000)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role(
            "button", name=re.compile(r"^Download Scoring matrix \(spreadsheet, XLSX, .+\)$")
        ).click()
    results = {row[1]: row for row in xlsx_rows(download.value.path().read_bytes(), sheet=1)[1:]}
    assert results["The Shed"][0] == 1 and results["The Shed"][-1] == 620000
    page.goto(f"{base}/commissioning/{round_.pk}/decision.pdf")
    expect(heading).to_have_text("Your file is being prepared")
    call_command("worker", "--once")
    expect(heading).to_have_text("Your file is ready", timeout=15_000)
    report = page.request.get(f"{page.url}download")
    text = pdf_text(report.body())
    assert "The Shed and Family Hub are funded." in text and "£1,020,000" in text

    # Fran sees the decision on her phone.
    fran.goto(f"{base}/commissioning/{round_.pk}/")
    expect(fran.get_by_test_id("ranking")).to_contain_text("The Shed")
    assert_accessible(fran)

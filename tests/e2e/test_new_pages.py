"""Pages added lately, each opened on a phone (320 px) by the person who uses it: axe finds
nothing, nothing scrolls sideways, and each shows the thing its user came for."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from playwright.sync_api import Page, expect

from coproduce.assessments import interviews as interview_sel
from coproduce.assessments.services import interviews
from coproduce.inclusion import services as inclusion
from coproduce.media import services as media
from coproduce.organisations.models import Membership
from coproduce.projects import selectors as project_sel
from coproduce.projects import services as projects
from tests.a11y import assert_accessible, visit
from tests.assessments.helpers import nef
from tests.e2e.test_sign_in import sign_in
from tests.scenarios import a_project, a_session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_young_person_adds_a_quote_and_staff_approve_it(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    session = a_session(
        practitioner,
        a_project(practitioner, name="Skate Park Design"),
        [(young_person, True, None)],
        activity="Ramp drawings",
    )
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/media/sessions/{session.pk}/add/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Add a photo or quote")
    expect(page.locator("main")).to_contain_text("Ramp drawings")
    expect(page.get_by_label("Something I said")).to_be_visible()

    item = media.media_offer(
        acting_user=young_person.user,
        young_person=young_person,
        session=session,
        kind="quote",
        caption="Why a bowl",
        quote_text="Beginners need somewhere safe to start",
    )
    staff = another_phone()
    sign_in(staff, base, practitioner.user.username)
    visit(staff, f"{base}/media/{item.pk}/approve/")
    expect(staff.get_by_role("heading", level=1)).to_contain_text(
        "Approve a young person's photo or quote"
    )
    expect(staff.locator("main")).to_contain_text("Beginners need somewhere safe to start")
    staff.get_by_role("button", name="Approve").click()
    assert_accessible(staff)
    expect(staff.locator(".govuk-notification-banner")).to_contain_text("Approved")


def test_an_idea_for_the_whole_organisation_reaches_both_boards(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    admin: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/projects/my-ideas/add/")
    page.get_by_label("Which project is it for?").select_option(label="The whole organisation")
    page.get_by_label("Your idea").fill("Open the club on Sundays")
    page.get_by_role("button", name="Send my idea").click()
    assert_accessible(page)
    idea = project_sel.ideas_of(membership=young_person).get()
    assert idea.project is None
    projects.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status="adopted",
        action="The club now opens every other Sunday",
    )
    visit(page, f"{base}/projects/board/")
    expect(page.get_by_test_id("organisation-board")).to_contain_text(
        "The club now opens every other Sunday"
    )

    # The admin turns the public board on; anyone can then read it, with no names.
    boss = another_phone()
    sign_in(boss, base, admin.user.username)
    visit(boss, f"{base}/projects/settings/")
    boss.get_by_label("Publish a public “You said – we did” board").check()
    boss.get_by_role("button", name="Save settings").click()
    assert_accessible(boss)
    visit(boss, f"{base}/projects/board/")
    boss.get_by_role("link", name="The public board (no names, no photos)").click()
    assert_accessible(boss)

    stranger = another_phone()
    visit(stranger, f"{base}/projects/public/{admin.organisation.slug}/")
    board = stranger.get_by_test_id("public-board")
    expect(board).to_contain_text("Open the club on Sundays")
    expect(board).to_contain_text("The club now opens every other Sunday")
    expect(stranger.locator("main")).not_to_contain_text("Fran")


def test_the_admin_sets_credits_and_the_organisation_s_language(
    page: Page, live_server: object, admin: Membership, practitioner: Membership
) -> None:
    base = str(live_server)
    a_project(practitioner, name="Skate Park Design")
    sign_in(page, base, admin.user.username)
    visit(page, f"{base}/credits/settings/")
    expect(page.get_by_label("Minutes of time given for one credit")).to_have_value("60")

    visit(page, f"{base}/organisation/language/")
    expect(page.get_by_label("English")).to_be_checked()

    visit(page, f"{base}/organisation/translations/")
    expect(page.locator("main table")).to_contain_text("Skate Park Design")
    expect(page.locator("main table")).to_contain_text("Welsh")


def test_staff_read_the_guidance_and_the_portfolio_and_a_young_person_sits_on_a_panel(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    a_project(practitioner, name="Skate Park Design")
    interview = interviews.interview_create(
        acting_user=manager.user,
        organisation=manager.organisation,
        created_by=manager,
        post="Youth worker",
        version=nef(manager.organisation),
        held_on=datetime.date(2027, 5, 4),
        candidates=["Alex Candidate"],
        panel=[practitioner, young_person],
    )
    alex = interview.candidates.get()
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/assessments/guidance/")
    expect(page.get_by_test_id("matrix")).to_be_visible()
    visit(page, f"{base}/outcomes/portfolio/")
    expect(page.get_by_test_id("matrix")).to_contain_text("Skate Park Design")
    visit(page, f"{base}/assessments/interviews/{interview.pk}/")
    expect(page.get_by_test_id("panel")).to_contain_text("Fran")

    fran = another_phone()
    sign_in(fran, base, young_person.user.username)
    visit(fran, f"{base}/assessments/interviews/{interview.pk}/")
    expect(fran.get_by_test_id("my-scores")).to_be_visible()
    fran.get_by_role("link", name="Score Alex Candidate").click()
    assert_accessible(fran)
    expect(fran.get_by_role("heading", level=1)).to_contain_text("Your scores for Alex Candidate")

    # Once everyone has sent their scores, the panel agrees: Fran's sit beside the staff's.
    for panellist, value in [(young_person, 4), (practitioner, 2)]:
        seat = interview.panel.get(membership=panellist)
        marks = [
            interviews.Mark(q.indicator, value, "")
            for q in interview_sel.questions_of(interview=interview)
        ]
        interviews.interview_scores_save(
            acting_user=panellist.user, panellist=seat, candidate=alex, marks=marks
        )
        interviews.interview_submit(acting_user=panellist.user, panellist=seat)
    visit(page, f"{base}/assessments/interviews/{interview.pk}/")
    page.get_by_test_id("standings").get_by_role("link", name="Alex Candidate").click()
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Young people: 4 · Staff: 2")


def test_a_manager_sees_a_receipt_and_who_takes_part(
    page: Page,
    live_server: object,
    tmp_path: Path,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    a_session(practitioner, a_project(practitioner), [(young_person, True, None)])
    payment = inclusion.payment_record(
        acting_user=practitioner.user,
        recorded_by=practitioner,
        young_person=young_person,
        kind="travel",
        purpose="Bus fares",
        amount_pence=640,
        method="cash",
        paid_on=datetime.date.today(),
        receipt=SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf"),
    )
    sign_in(page, base, manager.user.username)
    visit(page, f"{base}/inclusion/payments/")
    payments = page.get_by_test_id("payments")
    expect(payments).to_contain_text("Travel refund: Bus fares")
    href = payments.get_by_role("link", name="receipt").get_attribute("href")
    assert href == f"/inclusion/payments/{payment.pk}/receipt/"
    receipt = page.request.get(f"{base}{href}")
    assert receipt.ok and receipt.headers["content-type"] == "application/pdf"

    # A payment recorded without its receipt: the receipt is added while it waits.
    inclusion.payment_record(
        acting_user=practitioner.user,
        recorded_by=practitioner,
        young_person=young_person,
        kind="voucher",
        purpose="Shop voucher",
        amount_pence=1000,
        method="voucher",
        paid_on=datetime.date.today(),
    )
    visit(page, f"{base}/inclusion/payments/")
    page.get_by_role("link", name="add a receipt").click()
    assert_accessible(page)
    upload = tmp_path / "voucher.pdf"
    upload.write_bytes(PDF)
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Save receipt").click()
    assert_accessible(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Receipt saved.")
    expect(page.get_by_test_id("payments").get_by_role("link", name="receipt")).to_have_count(2)

    visit(page, f"{base}/monitoring/inclusion/")
    expect(page.get_by_test_id("took-part")).to_have_text("1")
    visit(page, f"{base}/inclusion/equality/areas/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Areas and deprivation")


def test_a_practitioner_names_who_runs_a_session(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    base = str(live_server)
    session = a_session(practitioner, a_project(practitioner), [(young_person, True, None)])
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/safeguarding/sessions/{session.pk}/staff/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Staff running this session")
    expect(page.get_by_label(practitioner.user.display_name)).not_to_be_checked()


def test_the_accessibility_statement_and_the_switch_to_welsh(
    page: Page, live_server: object
) -> None:
    base = str(live_server)
    visit(page, f"{base}/accessibility/")
    expect(page.get_by_role("heading", name="Enforcement procedure")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Cymraeg").click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.url == f"{base}/accessibility/"
    expect(page.locator('button[lang="en"]', has_text="English")).to_be_visible()
    # The heading in the compiled Welsh catalogue ("Gweithdrefn orfodi" once `make messages`).
    with translation.override("cy"):
        welsh = translation.gettext("Enforcement procedure")
    expect(page.get_by_role("heading", name=welsh)).to_be_visible()

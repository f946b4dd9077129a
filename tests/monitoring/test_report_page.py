"""The monitoring report page on a phone (issues 25 and 26): it opens with the key figures,
asks for its records once (the equality panel reuses them), and its chart fits the screen."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coproduce.core.charts import CHARACTERS, bar_chart
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.monitoring.helpers import a_busy_project
from tests.scenarios import a_payment, a_project, a_session

# The page's queries with the equality panel shown: 21 while it built the records twice, 20
# while it asked again for the project's organisation (the one the page is for).
QUERIES = 19


def _queries(client: Any, url: str) -> int:
    client.get(url)  # the first visit fills the caches every page shares
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_it_asks_for_the_records_once_however_many_took_part(
    admin: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    client = client_for(admin)
    small = a_project(admin, name="Small")
    a_session(admin, small, [(young_person, True, 3)])
    busy = a_busy_project(admin)
    assert _queries(client, f"/monitoring/projects/{small.pk}/") == _queries(
        client, f"/monitoring/projects/{busy}/"
    )
    with django_assert_max_num_queries(QUERIES):
        page = client.get(f"/monitoring/projects/{busy}/").content.decode()
    # Same figures as before: ten took part, and the equality panel counts the same ten.
    assert 'data-key-figure="young_people">10<' in page
    assert 'data-figure="young_people">10<' in page
    assert 'data-testid="report-equality"' in page


@pytest.mark.django_db
def test_it_opens_with_the_key_figures_and_how_many_answers_are_written(
    practitioner: Membership,
) -> None:
    project = a_busy_project(practitioner)
    page = client_for(practitioner).get(f"/monitoring/projects/{project}/").content.decode()
    key = page.index('data-testid="key-figures"')
    assert key < page.index('id="question-recruited"')
    for figure, shown in [("young_people", "10"), ("sessions", "4"), ("ideas", "3")]:
        assert f'data-key-figure="{figure}">{shown}<' in page
    assert "Answers written: 0 of 9." in page
    # Staff who may not see equality answers do not get the panel.
    assert 'data-testid="report-equality"' not in page


@pytest.mark.django_db
def test_a_figure_lists_its_first_fifty_records_as_written_and_the_spreadsheet_has_the_rest(
    practitioner: Membership,
) -> None:
    people = [YoungPersonFactory.create(organisation=practitioner.organisation) for _ in range(26)]
    project = a_project(practitioner)
    today = timezone.localdate()
    for days, activity in ((10, "Tea & <cake>"), (20, "Planning night")):
        a_session(
            practitioner,
            project,
            [(p, True, 3) for p in people],
            on=today - datetime.timedelta(days=days),
            activity=activity,
        )
    page = client_for(practitioner).get(f"/monitoring/projects/{project.pk}/").content.decode()
    places = page[page.index('data-figure="places">52<') :]
    listed = places[places.index('<ul class="govuk-list">') : places.index("</ul>")]
    assert listed.count("<li>") == 50
    assert "The 52 records behind this" in places
    assert places.index("The spreadsheet lists them all.") < places.index("</details>")
    # A session's activity is shown as typed, never read as markup.
    assert ": Tea &amp; &lt;cake&gt;</li>" in page
    assert "<cake>" not in page


@pytest.mark.django_db
def test_money_given_for_the_project_is_listed_with_who_had_it_once_approved(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner)
    other = a_project(practitioner, name="Another project")
    day = timezone.localdate() - datetime.timedelta(days=3)
    for pence, approve, on in ((450, True, project), (900, False, project), (700, True, other)):
        a_payment(
            practitioner,
            young_person,
            pence,
            on=day,
            project=on,
            decided_by=manager,
            approve=approve,
        )
    page = client_for(practitioner).get(f"/monitoring/projects/{project.pk}/").content.decode()
    assert 'data-figure="paid">1<' in page
    assert 'data-figure="payments_spent">4.5<' in page
    name = young_person.user.display_name
    assert f"<li>{day:%d %b %Y}: {name}, Travel refund, £4.50</li>" in page
    assert "£9.00" not in page and "£7.00" not in page


@pytest.mark.django_db
def test_its_age_chart_is_narrow_enough_for_a_phone(practitioner: Membership) -> None:
    project = a_busy_project(practitioner)
    page = client_for(practitioner).get(f"/monitoring/projects/{project}/").content.decode()
    svg = re.search(r'<svg class="cp-chart cp-chart--bar"[^>]*viewBox="0 0 (\d+) \d+"', page)
    assert svg is not None and int(svg.group(1)) <= 250  # fits a details box at 320 px


def test_long_bar_labels_wrap_above_their_bar_instead_of_running_off() -> None:
    label = "How much do you trust the staff at the club: latest"
    chart = bar_chart([(label, 4.0), ("11–12", 2.0)])
    first, second = chart.bars
    assert " ".join(line.text for line in first.lines) == label
    assert len(first.lines) > 1 and all(len(line.text) <= CHARACTERS for line in first.lines)
    assert first.lines[-1].y < first.y  # every line of the label is above its bar
    assert second.lines[0].y > first.y + 20  # the next label starts below the bar
    assert first.width + 6 == first.text_x and first.text_x < chart.width
    assert second.width == first.width / 2
    assert chart.height > second.y + 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
def test_on_postgresql_every_apps_records_are_kept_prepared_and_the_report_is_the_same(
    admin: Membership,
) -> None:
    busy = a_busy_project(admin)
    client = client_for(admin)
    url = f"/monitoring/projects/{busy}/"
    first = client.get(url).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        prepared = " ".join(row[0] for row in cursor.fetchall())
    # The register, the ledger, payments, recognitions and panel seats: each app's question.
    for table in [
        "projects_attendance",
        "credits_entry",
        "inclusion_payment",
        "credits_recognition",
        "commissioning_panelmember",
        "monitoring_narrative",
    ]:
        assert table in prepared, table
    again = client.get(url).content.decode()
    figures = re.findall(r'data-figure="[^"]+">[^<]*<', first)
    assert len(figures) == 28  # 27 figures, one (checklist items still open) under two questions
    assert re.findall(r'data-figure="[^"]+">[^<]*<', again) == figures

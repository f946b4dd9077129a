"""Scenario: the monitoring report answers the Youth Engagement Guarantee and the ladder as
HeadStart wrote them (seed 003): each commitment is shown by figures about what it promises,
or says plainly that nothing recorded shows it; co-production is counted from shared
decisions, not from every rung that is participation."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from coproduce.monitoring.guarantee import COMMITMENTS, guarantee_evidence
from coproduce.monitoring.report import project_report
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.checklists import CHECKLISTS, Stage
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
QUERY = "?start_day=1&start_month=1&start_year=2026&end_day=30&end_month=6&end_year=2026"


def test_it_counts_co_production_from_shared_decisions_and_gives_its_share(
    practitioner: Membership,
) -> None:
    """HeadStart's ladder: co-production starts at the third rung from the top, "adult-
    initiated, shared decisions with young people". Informed and consulted are participation
    but not yet co-production, so the report gives the share at shared decisions and above
    as well as the share on participation rungs."""
    org = practitioner.organisation
    project = a_project(practitioner)
    people = [YoungPersonFactory.create(organisation=org) for _ in range(4)]
    a_session(
        practitioner,
        project,
        [(people[0], True, 4), (people[1], True, 5), (people[2], True, 6), (people[3], True, 8)],
        on=datetime.date(2026, 3, 4),
    )
    report = project_report(project, START, END)
    assert report.figures["participation_share"].value == Decimal(1)
    assert report.figures["coproduction_share"].value == Decimal("0.5")
    assert report.figures["coproduction_share"].shown == "50%"


def test_each_commitment_cites_only_matching_evidence() -> None:
    """Every commitment is shown by figures about what it promises: influencing other
    programmes is not shown by newcomers, training not by climbing the ladder, fun not by
    hours given. Where nothing the product records shows a commitment, it cites nothing."""
    cited = {number: keys for number, _text, keys in COMMITMENTS}
    assert sorted(cited) == list(range(1, 11))
    assert cited[1] == ["coproduction_share"]  # at the centre of decisions
    assert cited[4] == ["accredited"]  # training to grow skills
    assert cited[7] == ["feedback_on_time", "feedback_late"]  # feedback on their views
    assert cited[8] == []  # influence on other programmes: nothing recorded shows it
    assert cited[9] == ["evaluation_yes"]  # the evaluation and review stage
    assert cited[10] == ["recognitions"]  # successes celebrated
    used = {key for keys in cited.values() for key in keys}
    assert not used & {"new_young_people", "climbed", "hours", "participation_share"}


def test_the_report_says_no_evidence_recorded_where_the_records_show_nothing(
    practitioner: Membership,
) -> None:
    """The report never fills a commitment with an unrelated figure: with no evaluation
    done and nothing about other programmes, those commitments say "No evidence recorded";
    once the evaluation checklist is answered, commitment 9 cites it."""
    project = a_project(practitioner)
    young = YoungPersonFactory.create(organisation=practitioner.organisation)
    a_session(practitioner, project, [(young, True, 6)], on=datetime.date(2026, 3, 4))
    evidence = {e.number: e for e in guarantee_evidence(project_report(project, START, END))}
    assert evidence[8].recorded is False and evidence[9].recorded is False
    assert evidence[1].recorded is True  # all the activity was at shared decisions
    page = client_for(practitioner).get(f"/monitoring/projects/{project.pk}/{QUERY}")
    html = page.content.decode()
    table = html[html.index('data-testid="guarantee"') :]
    row8 = table[table.index("8. Opportunities to influence") :][:400]
    assert "No evidence recorded" in row8

    first_item = CHECKLISTS[Stage.EVALUATION][0][0]
    projects.checklist_save(
        acting_user=practitioner.user,
        project=project,
        stage=Stage.EVALUATION,
        answers={first_item: ("yes", "")},
    )
    evidence = {e.number: e for e in guarantee_evidence(project_report(project, START, END))}
    assert evidence[9].recorded is True
    assert [f.value for f in evidence[9].figures] == [1]

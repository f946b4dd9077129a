"""Scenario: a manager downloads a round as CSV and a PDF report, prints a blank scoring
sheet for an interview, and a data person reads the same figures through the API."""

from __future__ import annotations

import csv
import io

import pytest

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, nef, open_round
from tests.conftest import client_for
from tests.documents import pdf_text
from tests.factories import YoungPersonFactory
from tests.prepared import prepared_download, uses_worker

pytestmark = pytest.mark.django_db


def test_it_exports_a_round_as_csv_one_row_per_score(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, [2, 5, 8, 8, 8, 8, 8, 8])
    response = client_for(manager).get(f"/assessments/rounds/{round_.pk}/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 24
    first = rows[0]
    assert (first["indicator_key"], first["score"], first["band"]) == (
        "treating-as-assets",
        "2",
        "Basic",
    )
    assert first["respondent"] == practitioner.user.display_name
    # Practitioners cannot download everyone's examples.
    assert (
        client_for(practitioner).get(f"/assessments/rounds/{round_.pk}/export.csv").status_code
        == 403
    )


@uses_worker
def test_it_makes_a_pdf_report_and_a_blank_scoring_sheet(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    client = client_for(practitioner)
    report = prepared_download(client, f"/assessments/rounds/{round_.pk}/report.pdf")
    assert report.content_type == "application/pdf"
    assert f'filename="round-{round_.pk}.pdf"' in report.disposition
    assert "Self-assessment report" in pdf_text(report.body)
    version = nef(organisation)
    sheet = prepared_download(client, f"/assessments/frameworks/{version.pk}/scoring-sheet/")
    assert sheet.body.startswith(b"%PDF") and len(sheet.body) > 5000
    assert version.framework.name in " ".join(pdf_text(sheet.body).split())


def test_it_serves_frameworks_rounds_assessments_and_scores_over_the_api(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 7)
    fill(
        round_, YoungPersonFactory.create(organisation=organisation), 4, perspective="young_people"
    )
    _, token = api_token_create(acting_user=manager.user, membership=manager, name="reports")
    headers = {"Authorization": f"Bearer {token}"}
    client = client_for(manager)
    frameworks = client.get("/api/v1/assessments/frameworks", headers=headers).json()
    assert {f["key"] for f in frameworks} >= {"nef-coproduction", "shier-pathways"}
    nef_entry = next(f for f in frameworks if f["key"] == "nef-coproduction")
    assert nef_entry["versions"][0]["frozen"] is True
    version = client.get(
        f"/api/v1/assessments/versions/{nef_entry['versions'][0]['id']}", headers=headers
    ).json()
    assert len(version["document"]["principles"]) == 4
    rounds = client.get("/api/v1/assessments/rounds", headers=headers).json()
    assert [r["name"] for r in rounds] == ["Spring 2027"]
    assessments = client.get(
        f"/api/v1/assessments/rounds/{round_.pk}/assessments", headers=headers
    ).json()
    assert sorted(a["perspective"] for a in assessments) == ["staff", "young_people"]
    staff = next(a for a in assessments if a["perspective"] == "staff")
    assert len(staff["scores"]) == 24 and {s["value"] for s in staff["scores"]} == {7}
    # A practitioner's token sees only their own assessment.
    _, own = api_token_create(acting_user=practitioner.user, membership=practitioner, name="me")
    mine = (
        client_for(practitioner)
        .get(
            f"/api/v1/assessments/rounds/{round_.pk}/assessments",
            headers={"Authorization": f"Bearer {own}"},
        )
        .json()
    )
    assert [a["respondent"] for a in mine] == [practitioner.user.display_name]


def test_it_lists_a_rounds_results_in_a_fixed_number_of_queries(
    organisation: Organisation, manager: Membership, django_assert_max_num_queries: object
) -> None:
    from tests.factories import MembershipFactory

    round_ = open_round(organisation)
    for n in range(6):
        fill(round_, MembershipFactory.create(organisation=organisation), 3 + n % 5)
    for n in range(4):
        fill(
            round_,
            YoungPersonFactory.create(organisation=organisation),
            5 + n,
            perspective="young_people",
        )
    client = client_for(manager)
    with django_assert_max_num_queries(25):  # type: ignore[operator]
        response = client.get(f"/assessments/rounds/{round_.pk}/")
    assert response.status_code == 200


def test_it_lets_staff_score_and_submit_through_the_api(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    _, token = api_token_create(acting_user=practitioner.user, membership=practitioner, name="app")
    headers = {"Authorization": f"Bearer {token}"}
    client = client_for(practitioner)
    started = client.post(f"/api/v1/assessments/rounds/{round_.pk}/assessments", headers=headers)
    assert started.status_code == 201
    assessment_id = started.json()["id"]
    refused = client.put(
        f"/api/v1/assessments/assessments/{assessment_id}/scores",
        {"indicator_key": "peer-support", "scores": [{"level": "practice", "value": 12}]},
        content_type="application/json",
        headers=headers,
    )
    assert refused.status_code == 422
    assert "Enter a score from 1 to 9" in str(refused.json()["errors"])
    for indicator in round_.version.indicators.all():
        saved = client.put(
            f"/api/v1/assessments/assessments/{assessment_id}/scores",
            {
                "indicator_key": indicator.key,
                "scores": [
                    {
                        "level": level,
                        "value": 8,
                        "example": f"Young people ran the {indicator.key} session at {level} level",
                    }
                    for level in ("practice", "project", "organisation")
                ],
            },
            content_type="application/json",
            headers=headers,
        )
        assert saved.status_code == 200
    submitted = client.post(
        f"/api/v1/assessments/assessments/{assessment_id}/submit", headers=headers
    )
    assert submitted.json()["status"] == "submitted"
    assert len(submitted.json()["scores"]) == 24
